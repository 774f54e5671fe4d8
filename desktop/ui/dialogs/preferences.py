"""Preferences: the editor's name, interface language, font size, the uncertain-span threshold.

Owns: ``PreferencesDialog`` (load from ``Settings``, save back on OK).  The
editor name is written into every event the store records; language and font
size apply at the next start.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.ui import uncertainty
from desktop.ui.settings import EDITOR_NAME, FONT_SIZE, LANGUAGE, UNCERTAIN_BELOW, Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        form = QFormLayout(self)
        self.editor = QLineEdit(settings.editor_name(), self)
        self.editor.setObjectName("pref_editor")
        form.addRow(self.tr("Editor name"), self.editor)
        self.language = QComboBox(self)
        self.language.setObjectName("pref_language")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))
        form.addRow(self.tr("Language"), self.language)
        self.font_size = QSpinBox(self)
        self.font_size.setObjectName("pref_font_size")
        self.font_size.setRange(8, 28)
        self.font_size.setValue(settings.font_size())
        form.addRow(self.tr("Font size"), self.font_size)
        self.uncertain = QSpinBox(self)
        self.uncertain.setObjectName("pref_uncertain_below")
        self.uncertain.setRange(0, 100)
        self.uncertain.setSuffix(" %")
        self.uncertain.setValue(settings.get(UNCERTAIN_BELOW))
        self.uncertain.setToolTip(self.tr("Machine spans the model is less sure of than this are underlined with a wave, "
                                          "listed first, and reached with F8"))
        form.addRow(self.tr("Uncertain below"), self.uncertain)
        form.addRow(QLabel(self.tr("Language and font size apply the next time Newsdesk starts."), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.save()
        super().accept()

    def save(self) -> None:
        self.settings.set(EDITOR_NAME, self.editor.text().strip())
        self.settings.set(LANGUAGE, self.language.currentData())
        self.settings.set(FONT_SIZE, self.font_size.value())
        self.settings.set(UNCERTAIN_BELOW, self.uncertain.value())
        uncertainty.set_threshold(self.uncertain.value() / 100)
