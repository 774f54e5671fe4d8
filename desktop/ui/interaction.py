"""The one seam through which the app asks the user something.

Owns: ``Interaction`` with ``confirm``, ``ask_text``, ``show_error``,
``show_info``, ``edit_body`` (the body text editor) and the file choosers.  ``QMessageBox`` and ``QFileDialog`` are
used nowhere else, so tests replace these methods (monkeypatch) and answer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


class Interaction:
    """Prompts shown over ``parent`` (the main window once it exists)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(self, title: str, label: str, default: str = "") -> str | None:
        text, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Normal, default)
        return text if ok else None

    def choose_item(self, title: str, label: str, items: list[str]) -> str | None:
        item, ok = QInputDialog.getItem(self.parent, title, label, items, 0, False)
        return item if ok else None

    def edit_body(self, title: str, body: str, original: str | None = None) -> str | None:
        """The body editor; the edited text, or None when cancelled."""
        from desktop.ui.dialogs.body_editor import BodyEditorDialog

        dialog = BodyEditorDialog(title, body, original, self.parent)
        return dialog.text() if dialog.exec() else None

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.parent, title, text)

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

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

    def choose_folder(self, start: str = "") -> Path | None:
        path = QFileDialog.getExistingDirectory(self.parent, QCoreApplication.translate("Interaction", "Import a folder of pages"), start)
        return Path(path) if path else None

    def choose_export_file(self, start: str = "") -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, QCoreApplication.translate("Interaction", "Export JSONL"), start, QCoreApplication.translate("Interaction", "JSON Lines (*.jsonl)"))
        if not path:
            return None
        p = Path(path)
        return p if p.suffix else p.with_suffix(".jsonl")
