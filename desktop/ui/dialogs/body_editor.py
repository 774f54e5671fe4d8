"""Fixing an article's body text: OCR errors, wrong line joins.

Owns: ``BodyEditorDialog``, a plain-text editor over the body with OK/Cancel
and a button that puts the page's original OCR text back in the editor.  It
only returns the edited text; the caller turns it into an ``EditBodyCommand``
(spans follow the edit through ``store.set_body``).
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import fill
from desktop.ui.plain_text import window_title


class BodyEditorDialog(QDialog):
    def __init__(self, title: str, body: str, original: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("body_editor")
        self.setWindowTitle(window_title(fill(self.tr("Edit text: %1"), title)))
        self.original = original
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Fix OCR errors and line breaks. Spans follow the edit; spans you change are marked to check."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("body_editor_text")
        self.editor.setPlainText(body)
        font = QFont(self.editor.font())
        font.setPointSizeF(max(font.pointSizeF(), 12.0))
        self.editor.setFont(font)
        layout.addWidget(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.reset_button = buttons.addButton(self.tr("Original page text"), QDialogButtonBox.ButtonRole.ResetRole)
        self.reset_button.setObjectName("body_editor_original")
        self.reset_button.setEnabled(original is not None)
        self.reset_button.clicked.connect(self.use_original)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def use_original(self) -> None:
        if self.original is not None:
            self.editor.setPlainText(self.original)

    def text(self) -> str:
        return self.editor.toPlainText()
