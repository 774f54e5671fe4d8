"""The article list as a Qt table model over the store, loaded lazily.

Owns: ``ArticleTableModel``.  It loads the filtered, sorted id list in one
store call (``article_ids``) and fetches row data in windows
(``article_rows``) into a bounded cache, so a 100,000-article project opens
at once and scrolls smoothly.  While the filter holds a search query, the
same fetch also reads each fetched row's hit count and a snippet around its
first hit (``store.search_hits``: only the rows fetched, never the whole
result).  ``on_changes`` drops the cached rows a write touched and reloads the
id list only when articles came or went.  No rules
here beyond turning an ``ArticleRow`` into display text.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

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



def status_text(status: str) -> str:
    names = {
        "unreviewed": QCoreApplication.translate("Status", "unreviewed"),
        "in_review": QCoreApplication.translate("Status", "in review"),
        "reviewed": QCoreApplication.translate("Status", "reviewed"),
        "rejected": QCoreApplication.translate("Status", "rejected"),
    }
    return names.get(status, status)


class ArticleTableModel(QAbstractTableModel):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._scanned = False  # row_of looked up once since the ids were loaded
        self._cache: OrderedDict[int, ArticleRow] = OrderedDict()
        self._hits: dict[int, SearchHit] = {}  # hit count and snippet of the cached rows, while searching
        self._filter = ArticleFilter()
        self._sort_key = "page"
        self._descending = False
        self.fetch_calls = 0  # store calls made for row data (tests and benchmarks read it)
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
            return self._ids[r]
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
        old_ids = [self._ids[i.row()] if i.row() < len(self._ids) else None for i in old]
        self._load_ids()
        self.changePersistentIndexList(
            old, [self.index(self.row_of(a), i.column()) if a is not None and self.row_of(a) >= 0 else QModelIndex() for a, i in zip(old_ids, old)]
        )
        self.layoutChanged.emit()

    # --- our interface ------------------------------------------------------
    @property
    def article_filter(self) -> ArticleFilter:
        return self._filter

    def set_filter(self, flt: ArticleFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._load_ids()
        self._cache.clear()
        self._hits.clear()
        self.endResetModel()

    def article_id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int:
        if self._row_of is None:
            if not self._scanned:
                # The first look-up after a reload (the list following the current article) scans:
                # ~1 ms for 100,000 ids where building the map takes ~5 ms.  Stepping through the
                # list looks up again and again, so the second look-up builds the map.
                self._scanned = True
                try:
                    return self._ids.index(article_id)
                except ValueError:
                    return -1
            self._row_of = {a: i for i, a in enumerate(self._ids)}
        return self._row_of.get(article_id, -1)

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
    def _load_ids(self) -> None:
        if self.ctx.has_store:
            self._ids = self.ctx.store.article_ids(self._filter, sort=self._sort_key, descending=self._descending)
        else:
            self._ids = []
        self._row_of = None
        self._scanned = False

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
        article_id = self._ids[row]
        cached = self._cache.get(article_id)
        if cached is not None:
            return cached
        window = WINDOW
        if 0 < row < len(self._ids) - 1 and self._ids[row - 1] not in self._cache and self._ids[row + 1] not in self._cache:
            window = JUMP_WINDOW  # a jump (far row, search result): the screenful now, more when scrolled to
        start = max(0, row - window // 4)
        wanted = [a for a in self._ids[start : start + window] if a not in self._cache]
        self.fetch_calls += 1
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
