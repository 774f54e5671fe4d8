"""Review ▸ Project models…: the project's stored entity models, choosing and deleting them.

Owns: ``ModelsDialog`` (a table of the stored models — when, by whom, how many
articles and spans, cross-validated F1 — with "Use", "Use the shipped model"
and "Delete").  Choosing or deleting a model is a project setting, not an
edit of articles, so it is not on the undo stack; deleting asks first.  The
choice takes effect at once for import and re-extraction (``on_change``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from desktop.ui.i18n import fill
from desktop.ui.plain_text import plain_label

if TYPE_CHECKING:
    from desktop.store.store import Store


class ModelsDialog(QDialog):
    def __init__(self, store: Store, interaction: Any, on_change: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("models_dialog")
        self.setWindowTitle(self.tr("Project models"))
        self.store, self.interaction, self.on_change = store, interaction, on_change
        layout = QVBoxLayout(self)
        self.current = plain_label("", self)
        layout.addWidget(self.current)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("models_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Model"), self.tr("Trained (UTC)"), self.tr("Editor"), self.tr("Articles"), self.tr("Spans"),
            self.tr("Cross-validated F1"),
        ])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.use_button = QPushButton(self.tr("Use"), self)
        self.shipped_button = QPushButton(self.tr("Use the shipped model"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        for button in (self.use_button, self.shipped_button, self.delete_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.use_button.clicked.connect(self.use_selected)
        self.shipped_button.clicked.connect(self.use_shipped)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.readonly = bool(getattr(store, "readonly", False))
        self.refresh()
        self.resize(720, 360)

    def refresh(self) -> None:
        self.models = self.store.models()
        self.table.setRowCount(len(self.models))
        for row, m in enumerate(self.models):
            f1 = ((m.header.get("cv") or {}).get("micro") or {}).get("f1")
            name = fill(self.tr("%1 (in use)"), m.id) if m.current else str(m.id)
            for col, value in enumerate((name, m.created_at, m.editor, m.articles, m.spans,
                                         "–" if f1 is None else f"{f1:.3f}")):
                self.table.setItem(row, col, QTableWidgetItem(str(value)))  # text items: never markup
        current = next((m for m in self.models if m.current), None)
        self.current.setText(fill(self.tr("In use: model %1"), current.id) if current
                             else self.tr("In use: the shipped model"))
        for button in (self.use_button, self.shipped_button, self.delete_button):
            button.setEnabled(not self.readonly)

    def selected(self) -> Any:
        row = self.table.currentRow()
        return self.models[row] if 0 <= row < len(self.models) else None

    def use_selected(self) -> None:
        model = self.selected()
        if model is not None:
            self.store.set_current_model(model.id)
            self._changed()

    def use_shipped(self) -> None:
        self.store.set_current_model(None)
        self._changed()

    def delete_selected(self) -> None:
        model = self.selected()
        if model is None or not self.interaction.confirm(
                self.tr("Delete model"), fill(self.tr("Delete model %1? It cannot be brought back."), model.id)):
            return
        self.store.delete_model(model.id)
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.on_change()
