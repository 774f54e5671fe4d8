"""The first start asks who is editing.

Owns: ``EditorNameDialog`` (one line for the name; OK only with a name) and
``ask_editor_name``, which the start-up calls before any project opens: when
the settings hold no name yet it asks, and saves the answer, which then goes
into every change the editor records (history, reviewer).  "Later" leaves the
name unset: this session records the system's user name and the next start
asks again.  The name can be changed any time in Preferences (Ctrl+,).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.settings import EDITOR_NAME, Settings


class EditorNameDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editor_name_dialog")
        self.setWindowTitle(self.tr("Welcome to Newsdesk"))
        box = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Newsdesk records who made each change and who signed an article off. "
                "Type your name as your colleagues know it. You can change it later in Preferences (Ctrl+,)."
            ),
            self,
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("editor_name_edit")
        self.name_edit.setPlaceholderText(self.tr("Your name, e.g. 王小明"))
        box.addWidget(self.name_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        later = buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.name_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(False)
        self.name_edit.setFocus()
        self.resize(max(420, self.sizeHint().width()), self.sizeHint().height())

    def name(self) -> str:
        return self.name_edit.text().strip()

    def accept(self) -> None:
        if self.name():
            super().accept()


def ask_editor_name(settings: Settings, parent: QWidget | None = None) -> bool:
    """Ask for the name when none is set yet; True when one is set afterwards."""
    if settings.has_editor_name():
        return True
    dialog = EditorNameDialog(parent)
    try:
        if dialog.exec() and dialog.name():
            settings.set(EDITOR_NAME, dialog.name())
            return True
        return False
    finally:
        dialog.deleteLater()
