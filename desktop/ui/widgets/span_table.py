"""The span list beside the text, kept in sync with the highlights.

Owns: ``SpanTable``, a table view over ``SpanListModel`` for the current
article.  Selecting a row selects that span in the article (through the
context), and a span selected in the article selects its row here.  Edits of
the value column become undoable ``UpdateSpanCommand``s.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.store.records import ArticleRecord, SpanRow
from desktop.ui.commands import UpdateSpanCommand
from desktop.ui.context import AppContext
from desktop.ui.i18n import fill
from desktop.ui.label_palette import label_styles, label_text
from desktop.ui.models.span_list import COL_LABEL, COL_ORIGIN, COL_TEXT, COL_VALUE, SpanListModel


class SpanTable(QTableView):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("span_table")
        self.ctx = ctx
        self.span_model = SpanListModel(self)
        self.span_model.value_edited = self._on_value_edited
        self.span_model.invalid_value = self._on_invalid_value
        self.setModel(self.span_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        # Fixed widths from the font, not ResizeToContents: that re-reads every row on
        # every article switch (about 1,000 data() calls an article; measured at 100k).
        # The label and origin columns fit their longest name in the interface language
        # (an uncertain machine span's origin with its confidence included);
        # text and values elide in the middle, the full text is the tool tip.
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setWordWrap(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in self.column_widths().items():
            header.resizeSection(column, width)
        self._syncing = False
        self.selectionModel().currentRowChanged.connect(self._on_row_changed)
        ctx.article_shown.connect(self._show)
        ctx.article_updated.connect(self._show)
        ctx.span_selected.connect(self._select_span)

    def column_widths(self) -> dict[int, int]:
        """Widths of the label, value and origin columns: the longest label and origin name in full,
        a date or a ten-digit amount as value (longer values elide in the middle); the text gets the rest."""
        fm = self.fontMetrics()
        header_fm = self.horizontalHeader().fontMetrics()
        cell_pad, header_pad = 10, 16

        def fit(column: int, texts: list[str]) -> int:
            title = str(self.span_model.headerData(column, Qt.Orientation.Horizontal))
            return max([header_fm.horizontalAdvance(title) + header_pad] + [fm.horizontalAdvance(t) + cell_pad for t in texts])

        return {
            COL_LABEL: fit(COL_LABEL, [label_text(s.label) for s in label_styles()]),
            COL_VALUE: fit(COL_VALUE, ["2024-12-31", "1200000000"]),
            COL_ORIGIN: fit(COL_ORIGIN, [self.span_model.origin_text(o) for o in ("auto", "human", "imported")]
                            + [self.span_model.uncertain_origin_text("auto", 0.99)]),  # "machine ? 99%"
        }

    def _show(self, record: ArticleRecord | None) -> None:
        self._syncing = True
        try:
            self.span_model.set_spans(record.spans if record else [])
        finally:
            self._syncing = False
        self._select_span(self.ctx.span_id)

    def _select_span(self, span_id: int | None) -> None:
        row = self.span_model.row_of(span_id)
        self._syncing = True
        try:
            if row < 0:
                self.selectionModel().clearSelection()
                self.selectionModel().setCurrentIndex(self.span_model.index(-1, -1), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                index = self.span_model.index(row, 0)
                self.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.scrollTo(index)
        finally:
            self._syncing = False

    def _on_row_changed(self, current: Any, _previous: Any) -> None:
        if self._syncing:
            return
        span = self.span_model.span_at(current.row())
        self.ctx.select_span(span.id if span else None)

    def _on_value_edited(self, span: SpanRow, value: Any) -> None:
        if self.ctx.record is None:
            return
        self.ctx.push(UpdateSpanCommand(self.ctx, self.ctx.record.id, span, {"value": span.value}, {"value": value}))

    def _on_invalid_value(self, text: str) -> None:
        self.ctx.status_message.emit(fill(self.tr("Not a valid value: %1"), text))
