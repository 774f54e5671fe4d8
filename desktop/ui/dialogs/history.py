"""The edit history of one article, read from the store's events table.

Owns: ``HistoryDialog``: when, who, what and the before/after values of every
recorded edit of an article, newest first, with a last row for the article as
imported; "Revert to this point" closes the dialog with ``revert_to`` set to
the chosen event id (0 for the imported state).  The dialog reads and writes
nothing itself: the history controller asks the store what a revert would do
and pushes the command.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store.records import Event
from desktop.ui.i18n import fill

ACTION_NAMES: dict[str, str] = {
    "import_page": QT_TRANSLATE_NOOP("History", "Page imported"),
    "set_field": QT_TRANSLATE_NOOP("History", "Field changed"),
    "set_authors": QT_TRANSLATE_NOOP("History", "Authors changed"),
    "set_body": QT_TRANSLATE_NOOP("History", "Body text edited"),
    "add_span": QT_TRANSLATE_NOOP("History", "Span added"),
    "update_span": QT_TRANSLATE_NOOP("History", "Span changed"),
    "remove_span": QT_TRANSLATE_NOOP("History", "Span deleted"),
    "accept_auto_spans": QT_TRANSLATE_NOOP("History", "Machine spans accepted"),
    "set_status": QT_TRANSLATE_NOOP("History", "Status changed"),
    "set_tags": QT_TRANSLATE_NOOP("History", "Tags changed"),
    "split_article": QT_TRANSLATE_NOOP("History", "Article split"),
    "merge_articles": QT_TRANSLATE_NOOP("History", "Articles merged"),
    "promote_line": QT_TRANSLATE_NOOP("History", "Paragraph made a heading"),
    "demote_field": QT_TRANSLATE_NOOP("History", "Heading put back into the body"),
    "restore_articles": QT_TRANSLATE_NOOP("History", "Page segmentation restored (undo/redo)"),
    "revert_article": QT_TRANSLATE_NOOP("History", "Reverted to an earlier point"),
    "move_paragraphs": QT_TRANSLATE_NOOP("History", "Paragraphs moved"),
    "mark_caption": QT_TRANSLATE_NOOP("History", "Marked as caption"),
    "mark_not_article": QT_TRANSLATE_NOOP("History", "Marked as not an article"),
    "make_article": QT_TRANSLATE_NOOP("History", "Article made from a block"),
    "block_to_caption": QT_TRANSLATE_NOOP("History", "Block made a caption"),
    "reextract": QT_TRANSLATE_NOOP("History", "Extraction re-run"),
}


def action_name(action: str) -> str:
    """The action of an event in the interface language (the raw name when unknown)."""
    source = ACTION_NAMES.get(action)
    return QCoreApplication.translate("History", source) if source else action


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "…"


class HistoryDialog(QDialog):
    def __init__(self, title: str, events: list[Event], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(fill(self.tr("History: %1"), title))
        self.revert_to: int | None = None
        self.event_ids = [e.id for e in events] + [0]
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(events) + 1, 5, self)
        self.table.setObjectName("history_table")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Editor"), self.tr("Action"), self.tr("Before"), self.tr("After")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for row, event in enumerate(events):
            values = (event.at, event.editor, action_name(event.action), _short(event.before), _short(event.after))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(event.action)
                self.table.setItem(row, col, item)
        imported = QTableWidgetItem(self.tr("As imported (before the first recorded edit)"))
        imported.setFlags(imported.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(len(events), 2, imported)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.revert_button = QPushButton(self.tr("Revert to this point"), self)
        self.revert_button.setObjectName("history_revert")
        self.revert_button.setToolTip(self.tr("Put the article back as it was right after the selected edit"))
        self.revert_button.setEnabled(False)
        buttons.addButton(self.revert_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.revert_button.clicked.connect(self._revert)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.resize(900, 480)

    def selected_event(self) -> int | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.event_ids[rows.pop()] if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        # the newest row is the article as it is now: nothing to revert to
        self.revert_button.setEnabled(len(rows) == 1 and rows != {0})

    def select_event(self, event_id: int) -> None:
        self.table.selectRow(self.event_ids.index(event_id))

    def _revert(self) -> None:
        chosen = self.selected_event()
        if chosen is not None:
            self.revert_to = chosen
            self.accept()
