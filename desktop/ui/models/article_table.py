"""The article list as a Qt table model over the store, loaded lazily.

Owns: ``ArticleTableModel``.  It holds the filtered, sorted ids as a compact
array (``store.article_id_array``: 8 bytes an article, never a Python object
per article) and fetches row data in windows (``article_rows``) into a
bounded cache, so what it holds depends on what is shown, not on the size of
the archive.  When the page order is not in memory yet (a project just
opened, or articles came or went) it lists the first ``FIRST_WINDOW`` ids at
once (``store.first_article_ids``: SQL with LIMIT) and reads the whole order
on a worker thread with its own connection (``store.order_reader``); the rest
of the rows are inserted when it arrives (``loading_finished``), so the first
article of a million-article project is shown without waiting for the list.  While the filter holds a search query, the
same fetch also reads each fetched row's hit count and a snippet around its
first hit (``store.search_hits``: only the rows fetched, never the whole
result).  A plain text search is listed the same way: its first hits at once
(``store.first_search_ids``), every hit from the index on a worker
(``store.search_reader``), so a term in half of the archive shows its first
rows without waiting for half a million ids; the count arrives with them.  ``on_changes`` drops the cached rows a write touched and reloads the
id list only when articles came or went.  No rules
here beyond turning an ``ArticleRow`` into display text.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    Signal,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.store.errors import NotFoundError, StoreError
from desktop.store.records import ArticleFilter, ArticleRow, Changes, SearchHit
from desktop.ui.context import AppContext
from desktop.ui.plain_text import tooltip

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
MARKS_ROLE = Qt.ItemDataRole.UserRole + 3  # snippet column: the hits' (start, end) inside the snippet

# (header, store sort key or None when the column is not sortable)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("ArticleTableModel", "Page"), "page"),
    (QT_TRANSLATE_NOOP("ArticleTableModel", "No."), "position"),
    (QT_TRANSLATE_NOOP("ArticleTableModel", "Title"), "title"),
    (QT_TRANSLATE_NOOP("ArticleTableModel", "Status"), "status"),
    (QT_TRANSLATE_NOOP("ArticleTableModel", "Spans"), "n_spans"),
    (QT_TRANSLATE_NOOP("ArticleTableModel", "Tags"), None),
    (QT_TRANSLATE_NOOP("ArticleTableModel", "Hits"), None),
    (QT_TRANSLATE_NOOP("ArticleTableModel", "Where it is found"), None),
)
COL_PAGE, COL_POSITION, COL_TITLE, COL_STATUS, COL_SPANS, COL_TAGS, COL_HITS, COL_SNIPPET = range(len(COLUMNS))
SEARCH_COLUMNS = (COL_HITS, COL_SNIPPET)  # shown while the list holds search results

# Plain ints: comparing them is much cheaper than comparing enum members in data().
_ID_ROLE = int(ARTICLE_ID_ROLE)
_STATUS_ROLE = int(STATUS_ROLE)
_MARKS_ROLE = int(MARKS_ROLE)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_ANSWERED_ROLES = frozenset(
    {_ID_ROLE, _STATUS_ROLE, _MARKS_ROLE, int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)}
)

WINDOW = 200  # rows fetched per store call
# Rows fetched for a row whose neighbours are not cached either (a jump): a screenful and a half.
# 200 rows cost 5-8 ms at 100k (each row reads its article's page), 64 rows ~2 ms (measured).
JUMP_WINDOW = 64
CACHE_LIMIT = 5000  # rows kept in memory
FIRST_WINDOW = 256  # ids listed at once while the whole order is read in the background



def status_text(status: str) -> str:
    names = {
        "unreviewed": QCoreApplication.translate("Status", "unreviewed"),
        "in_review": QCoreApplication.translate("Status", "in review"),
        "reviewed": QCoreApplication.translate("Status", "reviewed"),
        "rejected": QCoreApplication.translate("Status", "rejected"),
        "to_adjudicate": QCoreApplication.translate("Status", "to adjudicate"),
    }
    return names.get(status, status)


class ArticleTableModel(QAbstractTableModel):
    loading_finished = Signal()  # every row is listed (after a background load)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ids: Any = []  # a list (the first window) or an int64 numpy array (all rows)
        self._complete = True  # False while the rest of the ids are read in the background
        self._generation = 0  # bumped at each load; a background result of an older load is dropped
        self._positions: Any = None  # id -> row (int32 array), built on the second look-up
        self._scanned = False  # row_of looked up once since the ids were loaded
        self._cache: OrderedDict[int, ArticleRow] = OrderedDict()
        self._hits: dict[int, SearchHit] = {}  # hit count and snippet of the cached rows, while searching
        self._filter = ArticleFilter()
        self._sort_key = "page"
        self._descending = False
        ctx.changes_applied.connect(self.on_changes)
        ctx.project_changed.connect(self.reload)

    # --- Qt model interface ---------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section][0])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks ~7 roles per visible cell on every repaint; answer the others at once.
        if role not in _ANSWERED_ROLES:
            return None
        r = index.row()
        if not 0 <= r < len(self._ids) or not index.isValid():
            return None
        if role == _ID_ROLE:
            return int(self._ids[r])
        row = self._row(r)
        if row is None:
            return None
        if role == _STATUS_ROLE:
            return row.status
        if role == _MARKS_ROLE:
            hit = self._hits.get(row.id)
            return hit.marks if hit is not None and index.column() == COL_SNIPPET else None
        if role == _TOOLTIP_ROLE:  # the full text of an elided cell; page text is never markup
            text = self._display(row, index.column())
            return tooltip(str(text)) if text not in (None, "") else None
        return self._display(row, index.column())

    def _display(self, row: ArticleRow, col: int) -> Any:
        if col == COL_PAGE:
            return row.page
        if col == COL_POSITION:
            return row.position + 1
        if col == COL_TITLE:
            return row.title or self.tr("(no title)")
        if col == COL_STATUS:
            return status_text(row.status)
        if col == COL_SPANS:
            return row.n_spans
        if col == COL_TAGS:
            return "、".join(row.tags)
        if col in SEARCH_COLUMNS:
            hit = self._hits.get(row.id)
            if hit is None:
                return None
            return hit.count if col == COL_HITS else hit.snippet
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column][1] is None:
            return
        self._sort_key = COLUMNS[column][1] or "page"
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [int(self._ids[i.row()]) if i.row() < len(self._ids) else None for i in old]
        self._load_ids(at_once=True)
        self.changePersistentIndexList(
            old, [self.index(self.row_of(a), i.column()) if a is not None and self.row_of(a) >= 0 else QModelIndex() for a, i in zip(old_ids, old)]
        )
        self.layoutChanged.emit()

    # --- our interface ------------------------------------------------------
    @property
    def article_filter(self) -> ArticleFilter:
        return self._filter

    @property
    def order(self) -> str:
        """The store sort key of the list ("confidence": least confident first)."""
        return self._sort_key

    def set_order(self, key: str) -> None:
        """List the articles in the store order ``key`` (ascending), e.g. "confidence" or "page"."""
        self._sort_key = key
        self._descending = False
        self.reload()

    def set_filter(self, flt: ArticleFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._load_ids()
        self._cache.clear()
        self._hits.clear()
        self.endResetModel()

    @property
    def complete(self) -> bool:
        """False while only the first rows are listed and the rest are being read."""
        return self._complete

    def article_id_at(self, row: int) -> int | None:
        return int(self._ids[row]) if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int:
        ids = self._ids
        if isinstance(ids, list):
            try:
                return ids.index(article_id)
            except ValueError:
                return -1
        if self._positions is None:
            if not self._scanned:
                # The first look-up after a reload (the list following the current article) scans
                # (~1 ms for a million ids); stepping through the list looks up again and again,
                # so the second look-up builds the id -> row array (4 bytes per id up to the largest).
                self._scanned = True
                found = (ids == article_id).nonzero()[0]
                return int(found[0]) if len(found) else -1
            from desktop.store.id_arrays import positions

            self._positions = positions(ids)
        pos = self._positions
        return int(pos[article_id]) if 0 <= article_id < len(pos) else -1

    def on_changes(self, changes: Changes) -> None:
        if "articles" in changes.kinds:
            self.reload()
            return
        for article_id in changes.article_ids:
            self._cache.pop(article_id, None)
            self._hits.pop(article_id, None)
            row = self.row_of(article_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # --- loading --------------------------------------------------------------
    def _load_ids(self, at_once: bool = False) -> None:
        self._generation += 1
        self._positions = None
        self._scanned = False
        self._complete = True
        if not self.ctx.has_store:
            self._ids = []
            return
        store, flt, sort, desc = self.ctx.store, self._filter, self._sort_key, self._descending
        unfiltered = flt == ArticleFilter() and sort == "page"
        plain_search = sort == "page" and bool(flt.query.strip()) and flt == ArticleFilter(query=flt.query)
        if not at_once and plain_search:
            first = store.first_search_ids(flt.query, FIRST_WINDOW, descending=desc)
            if first is not None:  # (None: a rare term or no cached order; the index answers at once)
                self._ids, every = first
                if not every:
                    self._complete = False
                    self._read_hits_in_background(self._generation)
                return
        if at_once or not unfiltered or store.order_cached():
            self._ids = store.article_id_array(flt, sort=sort, descending=desc)
            return
        first_ids = store.first_article_ids(flt, sort=sort, descending=desc, limit=FIRST_WINDOW)
        if len(first_ids) < FIRST_WINDOW:
            self._ids = first_ids  # that is every article
            return
        self._ids = first_ids
        self._complete = False
        self._read_rest_in_background(self._generation)

    def _read_rest_in_background(self, generation: int) -> None:
        read = self.ctx.store.order_reader()

        def work(_progress: Any, _cancelled: Any) -> Any:
            return read()

        task = self.ctx.tasks.run("article-order", work)
        task.succeeded.connect(lambda result: self._order_read(generation, result))
        task.failed.connect(lambda _error: self._order_read(generation, None))

    def _read_hits_in_background(self, generation: int) -> None:
        read = self.ctx.store.search_reader(self._filter.query)

        def work(_progress: Any, _cancelled: Any) -> Any:
            return read()

        task = self.ctx.tasks.run("search-hits", work)
        task.succeeded.connect(lambda result: self._hits_read(generation, result))
        task.failed.connect(lambda _error: self._hits_read(generation, None))

    def _hits_read(self, generation: int, result: Any) -> None:
        """GUI thread: every hit of the search arrived from the worker; list them all."""
        if not self.ctx.has_store or generation != self._generation:
            return  # closed, or a newer load is under way
        full = None
        if result is not None:
            token, hits = result
            full = self.ctx.store.search_in_page_order(token, hits, descending=self._descending)
        if full is None:  # something was written meanwhile (or the read failed): search again here
            full = self.ctx.store.article_id_array(self._filter, sort=self._sort_key, descending=self._descending)
        self._list_all(full)

    def _order_read(self, generation: int, result: Any) -> None:
        """GUI thread: the page order arrived from the worker; list every row."""
        if not self.ctx.has_store:
            return
        if result is not None:
            token, ids = result
            self.ctx.store.adopt_order(token, ids)  # False: something changed meanwhile; read below
        if generation != self._generation:
            return  # a newer load is under way
        self._list_all(self.ctx.store.article_id_array(self._filter, sort=self._sort_key, descending=self._descending))

    def _list_all(self, full: Any) -> None:
        """Every row, after the first window: rows inserted below it, or a reset if it changed."""
        shown = len(self._ids)
        self._positions, self._scanned = None, False
        if full[:shown].tolist() == list(self._ids):
            if len(full) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(full) - 1)
                self._ids = full
                self.endInsertRows()
            else:
                self._ids = full
        else:  # the first rows changed meanwhile (an edit, another program): list them anew
            self.beginResetModel()
            self._ids = full
            self._cache.clear()
            self._hits.clear()
            self.endResetModel()
        self._complete = True
        self.loading_finished.emit()

    def _fetch_rows(self, wanted: list[int]) -> dict[int, ArticleRow]:
        """The rows of ``wanted``; in a damaged project (open read-only) the rows that cannot
        be read are shown as such instead of failing the whole window."""
        try:
            return self.ctx.store.article_rows(wanted)
        except NotFoundError:
            raise
        except StoreError:
            pass
        rows: dict[int, ArticleRow] = {}
        for aid in wanted:
            try:
                rows.update(self.ctx.store.article_rows([aid]))
            except NotFoundError:
                raise
            except StoreError:
                rows[aid] = ArticleRow(
                    id=aid, page="", position=0, title=self.tr("(cannot be read: the project file is damaged)"),
                    status="unreviewed", n_spans=0, tags=[], flags=[],
                )
        return rows

    def _row(self, row: int) -> ArticleRow | None:
        ids = self._ids
        article_id = int(ids[row])
        cached = self._cache.get(article_id)
        if cached is not None:
            return cached
        window = WINDOW
        if 0 < row < len(ids) - 1 and int(ids[row - 1]) not in self._cache and int(ids[row + 1]) not in self._cache:
            window = JUMP_WINDOW  # a jump (far row, search result): the screenful now, more when scrolled to
        start = max(0, row - window // 4)
        part = ids[start : start + window]
        wanted = [a for a in (part if isinstance(part, list) else part.tolist()) if a not in self._cache]
        for aid, article_row in self._fetch_rows(wanted).items():
            self._cache[aid] = article_row
        if self._filter.query.strip():  # searching: each row's hit count and snippet, for these rows only
            try:
                self._hits.update(self.ctx.store.search_hits(self._filter.query, wanted))
            except NotFoundError:
                raise
            except StoreError:
                pass  # a damaged project: the rows show without their hit counts
        while len(self._cache) > CACHE_LIMIT:
            gone, _row = self._cache.popitem(last=False)
            self._hits.pop(gone, None)
        return self._cache.get(article_id)
