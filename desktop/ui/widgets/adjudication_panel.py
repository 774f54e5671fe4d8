"""The adjudication view: an article's editors' versions side by side, and where they differ.

Owns: ``AdjudicationPanel`` — a header (whose versions, the keys), the table of
disagreements (one row per stretch where the versions' spans differ: its text, each
editor's spans there, and what the article has now) and, below, one read-only text per
editor with that editor's spans in their label colours and the current stretch framed.
It shows what ``desktop.ui.adjudication.Adjudication`` gives it; it writes nothing.
Texts from the project (bodies, editor names) are shown as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QPlainTextEdit, QSplitter, QTableWidget, QTableWidgetItem, QTextEdit,
    QVBoxLayout, QWidget,
)

from desktop.team.adjudicate import BOTH, NEITHER, Disagreement, VersionsView, chosen
from desktop.ui.i18n import fill
from desktop.ui.label_palette import SEARCH_HIT, label_text, style_for
from desktop.ui.plain_text import plain_label
from desktop.export.offsets import OffsetMap

CONTEXT = 6  # characters shown either side of a stretch in the table


def spans_text(body: str, spans: Sequence[tuple[int, int, str]]) -> str:
    return "  ".join(f"{label_text(lb)}「{body[s:e]}」" for s, e, lb in spans) or "—"


class AdjudicationPanel(QWidget):
    row_chosen = Signal(int)  # the editor picked a row of the table

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adjudication_panel")
        self.body = ""
        self.view: VersionsView | None = None
        self.current = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.header = plain_label("", self)
        self.header.setObjectName("adjudication_header")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.table = QTableWidget(0, 0, split)
        self.table.setObjectName("adjudication_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the article text
        self.table.verticalHeader().setVisible(False)
        self.table.cellClicked.connect(lambda row, _col: self.row_chosen.emit(row))
        self.versions = QSplitter(Qt.Orientation.Horizontal, split)
        self.versions.setObjectName("adjudication_versions")
        self.texts: dict[str, QPlainTextEdit] = {}
        split.addWidget(self.table)
        split.addWidget(self.versions)
        split.setSizes([190, 230])
        layout.addWidget(split)

    # --- filling ----------------------------------------------------------------
    def show_versions(self, body: str, view: VersionsView, now: Sequence[tuple[int, int, int, str]], current: int) -> None:
        rebuild = self.view is None or self.view.editors != view.editors or self.body != body
        self.body, self.view = body, view
        self.offsets = OffsetMap(body)  # span offsets are code points, the text widgets count UTF-16 units
        self.current = max(0, min(current, len(view.groups) - 1))
        self._header(view)
        self._table(view, now)
        if rebuild:
            self._texts(view)
        self._mark_texts()

    def _header(self, view: VersionsView) -> None:
        keys = "  ".join(f"Alt+{i + 1}: {e}" for i, e in enumerate(view.editors[:5]))
        text = fill(self.tr("To adjudicate: %1 stretch(es) where the versions of %2 differ."),
                    len(view.groups), "、".join(view.editors))
        text += "\n" + keys + "  " + self.tr("Alt+B: both  Alt+0: neither  Alt+↓/↑: next/previous  Ctrl+Enter: done")
        if view.skipped_editors:
            text += "\n" + fill(self.tr("Not compared (changed the text): %1"), "、".join(view.skipped_editors))
        self.header.setText(text)

    def _table(self, view: VersionsView, now: Sequence[tuple[int, int, int, str]]) -> None:
        t = self.table
        t.clear()
        t.setColumnCount(len(view.editors) + 3)
        t.setHorizontalHeaderLabels(["#", self.tr("Text"), *view.editors, self.tr("Now")])
        t.setRowCount(len(view.groups))
        for row, g in enumerate(view.groups):
            left = self.body[max(0, g.start - CONTEXT) : g.start]
            right = self.body[g.end : g.end + CONTEXT]
            cells = [str(row + 1), f"…{left}【{self.body[g.start:g.end]}】{right}…"]
            cells += [spans_text(self.body, g.spans[e]) for e in view.editors]
            cells.append(self._now_text(g, now))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip("")
                t.setItem(row, col, item)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        if view.groups:
            t.selectRow(self.current)

    def _now_text(self, g: Disagreement, now: Sequence[tuple[int, int, int, str]]) -> str:
        picks = chosen(g, now)
        names = [self.tr("both") if p == BOTH else self.tr("neither") if p == NEITHER else p for p in picks]
        inside = [(s, e, lb) for _i, s, e, lb in now if s < g.end and e > g.start]
        return spans_text(self.body, inside) + (f"  ({'、'.join(names)})" if names else "")

    def _texts(self, view: VersionsView) -> None:
        for widget in self.texts.values():
            if (box := widget.parentWidget()) is not None:
                box.deleteLater()
        self.texts = {}
        for editor in view.editors:
            box = QWidget(self.versions)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(2, 2, 2, 2)
            inner.addWidget(plain_label(editor, box))
            text = QPlainTextEdit(box)
            text.setObjectName(f"adjudication_text_{len(self.texts)}")
            text.setReadOnly(True)
            text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            text.setPlainText(self.body)
            inner.addWidget(text)
            self.versions.addWidget(box)
            self.texts[editor] = text

    def _mark_texts(self) -> None:
        view = self.view
        if view is None:
            return
        group = view.groups[self.current] if view.groups else None
        for editor, text in self.texts.items():
            selections = []
            for start, end, label in view.spans[editor]:
                fmt = QTextCharFormat()
                fmt.setBackground(style_for(label).color)
                selections.append(self._selection(text, start, end, fmt))
            if group is not None:
                frame = QTextCharFormat()
                frame.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                frame.setUnderlineColor(SEARCH_HIT)
                frame.setFontWeight(700)
                frame.setProperty(QTextFormat.Property.OutlinePen, QColor(SEARCH_HIT))
                selections.append(self._selection(text, group.start, group.end, frame))
                cursor = QTextCursor(text.document())
                cursor.setPosition(self.offsets.to_utf16(min(group.start, len(self.body))))
                text.setTextCursor(cursor)
                text.ensureCursorVisible()
            text.setExtraSelections(selections)

    def _selection(self, text: QPlainTextEdit, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(text.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel
