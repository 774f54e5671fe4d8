"""The edit history of one article, read from the store's events table.

Owns: ``HistoryDialog``: when (local time), who and what, in words, of every
recorded edit of an article, newest first, with a last row for the article as
imported; below the table the selected change in full, a body edit as its
deleted and inserted characters.  Page text goes into the table as item text
and into the detail as ``QTextCharFormat`` runs, so it is never markup.
"Revert to this point" closes the dialog with ``revert_to`` set to the chosen
event id (0 for the imported state).  The dialog reads and writes nothing
itself: the history controller asks the store what a revert would do and
pushes the command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.store.records import Event
from desktop.ui.history_diff import DELETED, GAP, INSERTED, NEW, OLD, QUOTE, Run
from desktop.ui.history_phrases import Phrase, describe
from desktop.ui.i18n import fill, local_time
from desktop.ui.plain_text import tooltip, window_title

COL_WHEN, COL_EDITOR, COL_CHANGE = range(3)


def run_format(kind: str, base: QFont) -> QTextCharFormat:
    """How a run of ``kind`` looks: old and deleted text struck out in red, new and inserted
    text in green (inserted also underlined), page text in medium weight."""
    fmt = QTextCharFormat()
    fmt.setFont(base)
    if kind in (OLD, DELETED):
        fmt.setFontStrikeOut(True)
        fmt.setForeground(QColor("#8a1c1c"))
        fmt.setBackground(QColor("#fbe0e0"))
    elif kind in (NEW, INSERTED):
        fmt.setForeground(QColor("#145c32"))
        fmt.setBackground(QColor("#d9f2e0"))
        fmt.setFontUnderline(kind == INSERTED)
        fmt.setFontWeight(QFont.Weight.DemiBold)
    elif kind == QUOTE:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    elif kind == GAP:
        fmt.setForeground(QColor("#777777"))
    return fmt


def write_runs(cursor: QTextCursor, runs: tuple[Run, ...] | list[Run], base: QFont) -> None:
    """Insert ``runs`` at ``cursor`` as text with formats (never parsed as markup)."""
    for run in runs:
        cursor.insertText(run.text, run_format(run.kind, base))


class HistoryDialog(QDialog):
    def __init__(self, title: str, events: list[Event], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(window_title(fill(self.tr("History: %1"), title)))
        self.revert_to: int | None = None
        self.event_ids = [e.id for e in events] + [0]
        times = {e.id: local_time(e.at) for e in events}
        self.phrases: list[Phrase | None] = [describe(e, lambda i: times.get(i, "?")) for e in events] + [None]
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(events) + 1, 3, self)
        self.table.setObjectName("history_table")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Editor"), self.tr("Change")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for row, (event, phrase) in enumerate(zip(events, self.phrases)):
            assert phrase is not None
            when = QTableWidgetItem(times[event.id])
            when.setToolTip(tooltip(fill(self.tr("%1 (UTC)"), event.at)))
            editor = QTableWidgetItem(event.editor)
            editor.setToolTip(tooltip(event.editor))
            change = QTableWidgetItem(phrase.summary())
            change.setToolTip(tooltip(phrase.text()))
            for col, item in ((COL_WHEN, when), (COL_EDITOR, editor), (COL_CHANGE, change)):
                self.table.setItem(row, col, item)
        imported = QTableWidgetItem(self.tr("As imported (before the first recorded edit)"))
        self.table.setItem(len(events), COL_CHANGE, imported)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_EDITOR, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CHANGE, QHeaderView.ResizeMode.Stretch)
        self.detail = QTextEdit(self)
        self.detail.setObjectName("history_detail")
        self.detail.setReadOnly(True)
        self.detail.setAcceptRichText(False)
        self.detail.setPlaceholderText(self.tr("Choose a change to see it in full"))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([300, 160])
        layout.addWidget(split)
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
        self.resize(960, 560)

    def selected_event(self) -> int | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.event_ids[rows.pop()] if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        # the newest row is the article as it is now: nothing to revert to
        self.revert_button.setEnabled(len(rows) == 1 and rows != {0})
        self.show_detail(rows.pop() if len(rows) == 1 else -1)

    def show_detail(self, row: int) -> None:
        """The change of ``row`` in full in the pane under the table (empty for none)."""
        doc: QTextDocument = self.detail.document()
        doc.clear()
        phrase = self.phrases[row] if 0 <= row < len(self.phrases) else None
        if phrase is None:
            return
        base = self.detail.font()
        cursor = QTextCursor(doc)
        write_runs(cursor, phrase.runs, base)
        if phrase.diff:
            cursor.insertBlock()
            cursor.insertText(self.tr("Struck out in red: deleted. Underlined in green: inserted."), run_format(GAP, base))
            cursor.insertBlock()
            write_runs(cursor, phrase.diff, base)
        self.detail.moveCursor(QTextCursor.MoveOperation.Start)

    def _revert(self) -> None:
        chosen = self.selected_event()
        if chosen is not None:
            self.revert_to = chosen
            self.accept()
