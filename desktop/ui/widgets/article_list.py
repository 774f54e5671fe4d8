"""The article list pane: filter bar above a lazily loaded, sortable table.

Owns: ``ArticleList``.  Choosing a row makes that article current (through
the context); when another pane changes the current article, the row follows.
While the list holds search results it shows each article's hit count and a
snippet around its first hit (``SnippetDelegate``) instead of the span count
and tags.  Enter or Down in the search box moves into the list (first result
current); Enter in the list moves on into the article text (``open_requested``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.pipeline.model import STATUSES
from desktop.store.records import ArticleFilter
from desktop.ui.context import AppContext
from desktop.ui.models.article_table import (
    COL_HITS,
    COL_PAGE,
    COL_POSITION,
    COL_SNIPPET,
    COL_SPANS,
    COL_STATUS,
    COL_TAGS,
    COL_TITLE,
    ArticleTableModel,
    status_text,
)
from desktop.ui.widgets.elide_delegate import ElideDelegate
from desktop.ui.widgets.filter_bar import FilterBar
from desktop.ui.widgets.snippet_delegate import SnippetDelegate


class ArticleTableView(QTableView):
    """The list's table, with an opaque viewport so that scrolling moves pixels.

    The style sheet (``QTableView { background: … }``) makes Qt turn the
    viewport's ``autoFillBackground`` off when it polishes the table; a viewport
    that is not opaque cannot be scrolled by copying pixels, so stepping one row
    past the last visible one repainted every visible row (15-25 ms with the
    list's Python model, measured at 100k articles) instead of the one row
    scrolled in.  Turning it back on after each polish gives the same pixels:
    the palette's base is the style sheet's background.
    """

    open_requested = Signal()  # Enter on a row: go on into the article

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):
            self.viewport().setAutoFillBackground(True)
        return handled

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() and self.currentIndex().isValid():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class ArticleList(QWidget):
    def __init__(self, ctx: AppContext, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_list")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.filter_bar = FilterBar(language, self)
        layout.addWidget(self.filter_bar)
        self.model = ArticleTableModel(ctx, self)
        self.table = ArticleTableView(self)
        self.table.setObjectName("article_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self._page_delegate = ElideDelegate(Qt.TextElideMode.ElideMiddle, self.table)
        self.table.setItemDelegateForColumn(COL_PAGE, self._page_delegate)  # "000_39…e241.txt"; full name as tool tip
        for col, width in self.column_widths().items():
            self.table.setColumnWidth(col, width)
        self.table.setItemDelegateForColumn(COL_SNIPPET, SnippetDelegate(self.table))
        self._show_search_columns(False)
        layout.addWidget(self.table, 1)
        self._following = False
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.filter_bar.filter_changed.connect(self.set_filter)
        self.filter_bar.to_results.connect(self.focus_results)
        ctx.article_selected.connect(self._follow)
        self.model.loading_finished.connect(lambda: self._follow(self.ctx.article_id))  # rows past the first window
        ctx.project_changed.connect(self._on_project)

    def column_widths(self) -> dict[int, int]:
        """Widths that show headers, statuses and counts in full in the interface language and
        leave the title the rest; page names keep their start and end ("000_3…241.txt")."""
        fm, header_fm = self.table.fontMetrics(), self.table.horizontalHeader().fontMetrics()
        cell_pad, header_pad, sort_arrow = 10, 16, 16

        def fit(col: int, texts: tuple[str, ...] = (), sorted_by: bool = False) -> int:
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header = header_fm.horizontalAdvance(title) + header_pad + (sort_arrow if sorted_by else 0)
            return max([header] + [fm.horizontalAdvance(t) + cell_pad for t in texts])

        return {
            COL_PAGE: fit(COL_PAGE, ("000_39…241",), sorted_by=True),
            COL_POSITION: fit(COL_POSITION, ("99",)),
            COL_STATUS: fit(COL_STATUS, tuple(status_text(s) for s in STATUSES)),
            COL_SPANS: fit(COL_SPANS, ("999",)),
            COL_TAGS: fit(COL_TAGS),
            COL_HITS: fit(COL_HITS, ("999",)),
        }

    def set_filter(self, flt: ArticleFilter) -> None:
        current = self.ctx.article_id
        self._show_search_columns(bool(flt.query.strip()))
        self.model.set_filter(flt)
        self._follow(current)

    def _show_search_columns(self, searching: bool) -> None:
        """Search results: hit count and snippet in place of page file, span count and tags."""
        header = self.table.horizontalHeader()
        for col in (COL_HITS, COL_SNIPPET):
            self.table.setColumnHidden(col, not searching)
        for col in (COL_PAGE, COL_SPANS, COL_TAGS):
            self.table.setColumnHidden(col, searching)
        if searching:
            header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(COL_SNIPPET, QHeaderView.ResizeMode.Stretch)
            self.table.setColumnWidth(COL_TITLE, max(120, self.table.viewport().width() // 3))
        else:
            header.setSectionResizeMode(COL_SNIPPET, QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)

    def focus_results(self) -> None:
        """Into the list from the search box: the current row, or the first one, becomes current."""
        if self.model.rowCount() == 0:
            return
        self.table.setFocus()
        if not self.table.currentIndex().isValid() or self.model.row_of(self.ctx.article_id or -1) < 0:
            index = self.model.index(0, COL_TITLE)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def article_id_at(self, row: int) -> int | None:
        return self.model.article_id_at(row)

    def _on_project(self) -> None:
        self.filter_bar.set_tags([v["name"] for v in self.ctx.store.tag_vocabulary()] if self.ctx.has_store else [])

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._following:
            self.ctx.select_article(self.model.article_id_at(current.row()))

    def _follow(self, article_id: int | None) -> None:
        row = self.model.row_of(article_id) if article_id is not None else -1
        self._following = True
        try:
            if row < 0:
                self.table.selectionModel().clearSelection()
            else:
                index = self.model.index(row, COL_TITLE)  # a column never hidden: arrow keys move from it
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.scrollTo(index)
        finally:
            self._following = False
