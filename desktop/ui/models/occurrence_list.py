"""The occurrences a label-all would label, as a keyword-in-context table model.

Owns: ``OccurrenceModel``: one row per occurrence (a tick box, the text to
its left, the hit, the text to its right, the article), every row ticked
until the editor unticks it.  It is filled lazily so that a word found in
tens of thousands of articles opens at once and stays small:

* scanning: ``scan_step()`` reads the next ``SCAN_CHUNK`` candidate articles
  through the ``find`` callable (the store's ``occurrences``); the dialog calls
  it from a zero-timer until ``finished``.  Only the article id and start of
  each occurrence are kept (two integer arrays: ~16 bytes an occurrence, where
  objects with their context took ~430; 348,601 occurrences of 发展 at 100k
  articles held 150 MB that way).  The candidates are an integer array too;
  titles are kept for the last ``TITLE_CACHE`` articles (a shown row whose
  title has gone is read again through ``find``), the articles are counted as
  they are scanned, and unticking is kept as the exceptions to "all ticked" or
  "none ticked", so nothing grows by a Python object per article or occurrence;
* showing: the view sees only the rows it has fetched (``canFetchMore`` /
  ``fetchMore``, ``FETCH_ROWS`` at a time as it scrolls), and the context of a
  row is cut from its article's body, read through the ``bodies`` callable for
  a window of rows when first shown and kept for the last ``BODY_CACHE``
  articles.

No rules here beyond display; ``ticked()`` hands back (article id, start, end).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.store.records import Occurrence
from desktop.ui.label_palette import SEARCH_HIT_CURRENT_FILL

SCAN_CHUNK = 300  # candidate articles read per scan step
FETCH_ROWS = 200  # rows shown to the view per fetch
CONTEXT = 16  # characters of context on each side
BODY_WINDOW = 150  # rows whose articles' bodies are read together
BODY_CACHE = 600  # article bodies kept
TITLE_CACHE = 2000  # article titles kept

COLUMNS: tuple[str, ...] = (
    "",
    QT_TRANSLATE_NOOP("OccurrenceModel", "Before"),
    QT_TRANSLATE_NOOP("OccurrenceModel", "Hit"),
    QT_TRANSLATE_NOOP("OccurrenceModel", "After"),
    QT_TRANSLATE_NOOP("OccurrenceModel", "Article"),
)
COL_TICK, COL_LEFT, COL_HIT, COL_RIGHT, COL_ARTICLE = range(len(COLUMNS))

Finder = Callable[[Sequence[int]], tuple[list[Occurrence], list[int]]]
Bodies = Callable[[Sequence[int]], dict[int, str]]


def _one_line(text: str) -> str:
    return text.replace("\r", "").replace("\n", " ↵ ")


class OccurrenceModel(QAbstractTableModel):
    def __init__(
        self, text: str, candidates: Sequence[int], find: Finder, bodies: Bodies, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.text = text
        # An int64 numpy array as given (the store's id arrays), else a compact array of its own.
        self._candidates: Any = candidates if hasattr(candidates, "dtype") else array("q", candidates)
        self._find = find
        self._bodies = bodies
        self._scanned = 0  # candidates read so far
        self._article = array("q")  # per occurrence: its article id ...
        self._start = array("q")  # ... and where it starts (it ends len(text) later)
        self._titles: OrderedDict[int, str] = OrderedDict()  # the last TITLE_CACHE articles' titles
        self._n_articles = 0  # articles with at least one occurrence
        self._body_cache: OrderedDict[int, str] = OrderedDict()
        self._shown = 0  # rows the view knows
        self._all_ticked = True  # every row ticked ... (all are ticked at first)
        self._flipped: set[int] = set()  # ... except these rows (or, when not, only these)
        self.left_out = array("q")  # articles holding the text that are reviewed or rejected
        self._bold = QFont()
        self._bold.setBold(True)

    # --- scanning ---------------------------------------------------------------------
    @property
    def finished(self) -> bool:
        return self._scanned >= len(self._candidates)

    @property
    def progress(self) -> tuple[int, int]:
        return self._scanned, len(self._candidates)

    def scan_step(self) -> bool:
        """Read the next chunk of candidate articles; True while more remain."""
        if self.finished:
            return False
        chunk = self._candidates[self._scanned : self._scanned + SCAN_CHUNK].tolist()
        self._scanned += len(chunk)
        found, left_out = self._find(chunk)
        for o in found:
            if not self._article or self._article[-1] != o.article_id:  # an article's occurrences come together
                self._n_articles += 1
                self._remember_title(o.article_id, o.title)
            self._article.append(o.article_id)
            self._start.append(o.start)
        self.left_out.extend(left_out)
        if self._shown < FETCH_ROWS and self.found:  # fill the first screen without waiting for a scroll
            self.fetchMore(QModelIndex())
        return not self.finished

    def scan_all(self) -> None:
        while self.scan_step():
            pass

    # --- counts and the result ----------------------------------------------------------
    @property
    def found(self) -> int:
        return len(self._start)

    @property
    def n_ticked(self) -> int:
        return self.found - len(self._flipped) if self._all_ticked else len(self._flipped)

    @property
    def n_articles(self) -> int:
        return self._n_articles

    def occurrence(self, row: int) -> Occurrence:
        """Row ``row`` with its context (read from the article's body)."""
        aid, start = self._article[row], self._start[row]
        end = start + len(self.text)
        body = self._body(row)
        return Occurrence(aid, self._title(row), start, end, body[max(0, start - CONTEXT) : start], body[end : end + CONTEXT])

    def _remember_title(self, aid: int, title: str) -> None:
        self._titles[aid] = title
        self._titles.move_to_end(aid)
        while len(self._titles) > TITLE_CACHE:
            self._titles.popitem(last=False)

    def _title(self, row: int) -> str:
        aid = self._article[row]
        title = self._titles.get(aid)
        if title is None:  # scrolled far from where it was cached: read the titles of a window of rows
            wanted = list(dict.fromkeys(
                a for a in self._article[max(0, row - BODY_WINDOW // 4) : row + BODY_WINDOW] if a not in self._titles
            ))
            found, _left_out = self._find(wanted)
            for o in found:
                self._remember_title(o.article_id, o.title)
            title = self._titles.get(aid, "")
            self._titles.setdefault(aid, title)
        return title

    def _body(self, row: int) -> str:
        aid = self._article[row]
        body = self._body_cache.get(aid)
        if body is not None:
            self._body_cache.move_to_end(aid)
            return body
        wanted = list(dict.fromkeys(
            a for a in self._article[max(0, row - BODY_WINDOW // 4) : row + BODY_WINDOW] if a not in self._body_cache
        ))
        for a, text in self._bodies(wanted).items():
            self._body_cache[a] = text
        while len(self._body_cache) > BODY_CACHE:
            self._body_cache.popitem(last=False)
        return self._body_cache.get(aid, "")

    def is_ticked(self, row: int) -> bool:
        return (row in self._flipped) != self._all_ticked

    def ticked(self) -> list[tuple[int, int, int]]:
        """(article id, start, end) of every ticked occurrence, shown or not."""
        n = len(self.text)
        return [(a, s, s + n) for i, (a, s) in enumerate(zip(self._article, self._start)) if self.is_ticked(i)]

    def set_ticked(self, row: int, ticked: bool) -> None:
        if not 0 <= row < self.found or self.is_ticked(row) == ticked:
            return
        if ticked == self._all_ticked:
            self._flipped.discard(row)
        else:
            self._flipped.add(row)
        if row < self._shown:
            index = self.index(row, COL_TICK)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def toggle(self, row: int) -> None:
        self.set_ticked(row, not self.is_ticked(row))

    def set_all(self, ticked: bool) -> None:
        self._all_ticked, self._flipped = ticked, set()
        if self._shown:
            self.dataChanged.emit(self.index(0, COL_TICK), self.index(self._shown - 1, COL_TICK), [Qt.ItemDataRole.CheckStateRole])

    # --- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._shown < self.found

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid():
            return
        more = min(FETCH_ROWS, self.found - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section]) if COLUMNS[section] else ""
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_TICK:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, col = index.row(), index.column()
        if not index.isValid() or not 0 <= row < self._shown:
            return None
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_TICK:
            return Qt.CheckState.Checked if self.is_ticked(row) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_HIT:
                return self.text
            if col == COL_ARTICLE:
                return self._title(row) or self.tr("(no title)")
            if col in (COL_LEFT, COL_RIGHT):
                o = self.occurrence(row)
                return _one_line(o.left if col == COL_LEFT else o.right)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and col == COL_HIT:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and col == COL_HIT:
            return QBrush(SEARCH_HIT_CURRENT_FILL)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != COL_TICK:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        self.set_ticked(index.row(), state == Qt.CheckState.Checked)
        return True
