"""The one seam through which the app asks the user something.

Owns: ``message_box`` (plain text, no link opening) and ``Interaction`` with ``confirm``, ``ask_text``, ``show_error``,
``show_info``, ``edit_body`` (the body text editor) and the file choosers.  ``QMessageBox`` and ``QFileDialog`` are
used nowhere else, so tests replace these methods (monkeypatch) and answer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

from desktop.ui.plain_text import make_plain, window_title


def message_box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    """A message box that shows ``title`` and ``text`` literally: file and page names are never markup."""
    box = QMessageBox(icon, window_title(title), text, buttons, parent)
    box.setObjectName("message_box")
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):  # QMessageBox opens links by default
        label.setOpenExternalLinks(False)
    return box


class Interaction:
    """Prompts shown over ``parent`` (the main window once it exists)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def confirm(self, title: str, text: str) -> bool:
        Button = QMessageBox.StandardButton
        box = message_box(self.parent, QMessageBox.Icon.Question, title, text, Button.Yes | Button.No)
        box.setDefaultButton(Button.Yes)
        return box.exec() == Button.Yes

    def _input_dialog(self, title: str, label: str) -> QInputDialog:
        dialog = QInputDialog(self.parent)
        dialog.setWindowTitle(window_title(title))
        dialog.setLabelText(label)
        for child in dialog.findChildren(QLabel):
            make_plain(child)
        return dialog

    def ask_text(self, title: str, label: str, default: str = "") -> str | None:
        dialog = self._input_dialog(title, label)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(default)
        return dialog.textValue() if dialog.exec() else None

    def choose_item(self, title: str, label: str, items: list[str]) -> str | None:
        dialog = self._input_dialog(title, label)
        dialog.setComboBoxItems(items)
        dialog.setComboBoxEditable(False)
        if items:
            dialog.setTextValue(items[0])
        return dialog.textValue() if dialog.exec() else None

    def edit_body(self, title: str, body: str, original: str | None = None) -> str | None:
        """The body editor; the edited text, or None when cancelled."""
        from desktop.ui.dialogs.body_editor import BodyEditorDialog

        dialog = BodyEditorDialog(title, body, original, self.parent)
        return dialog.text() if dialog.exec() else None

    def show_error(self, title: str, text: str) -> None:
        message_box(self.parent, QMessageBox.Icon.Critical, title, text).exec()

    def show_info(self, title: str, text: str) -> None:
        message_box(self.parent, QMessageBox.Icon.Information, title, text).exec()

    def choose_open_project(self, start: str = "") -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent, QCoreApplication.translate("Interaction", "Open project"), start, QCoreApplication.translate("Interaction", "Newsdesk projects (*.sqlite *.db);;All files (*)")
        )
        return Path(path) if path else None

    def choose_new_project(self, start: str = "") -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, QCoreApplication.translate("Interaction", "New project"), start, QCoreApplication.translate("Interaction", "Newsdesk projects (*.sqlite)"))
        if not path:
            return None
        p = Path(path)
        return p if p.suffix else p.with_suffix(".sqlite")

    def choose_page_files(self, start: str = "") -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent, QCoreApplication.translate("Interaction", "Import pages"), start, QCoreApplication.translate("Interaction", "Page text (*.txt *.md);;All files (*)")
        )
        return [Path(p) for p in paths]

    def choose_folder(self, start: str = "", title: str = "") -> Path | None:
        title = title or QCoreApplication.translate("Interaction", "Import a folder of pages")
        path = QFileDialog.getExistingDirectory(self.parent, title, start)
        return Path(path) if path else None

    def choose_package_files(self, start: str = "") -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent, QCoreApplication.translate("Interaction", "Merge work packages"), start,
            QCoreApplication.translate("Interaction", "Newsdesk projects (*.sqlite *.db);;All files (*)"),
        )
        return [Path(p) for p in paths]

    def choose_export_file(self, start: str = "") -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, QCoreApplication.translate("Interaction", "Export JSONL"), start, QCoreApplication.translate("Interaction", "JSON Lines (*.jsonl)"))
        if not path:
            return None
        p = Path(path)
        return p if p.suffix else p.with_suffix(".jsonl")
