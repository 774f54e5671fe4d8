"""Every article id in page order, kept in memory while nothing that orders them changes.

Owns: ``page_order(db)``, the ids of all articles in the default list order
(``filters.PAGE_ORDER``: page file name, page version, position, id), read
once per connection and reused until a write could have changed that order.

Why: ordering a large set of ids in SQL costs a row lookup per id — a
full-text search hitting 55,000 of 100,000 articles spent ~190 ms of its
~225 ms fetching and sorting (page, position) for each hit (measured).  With
the order in memory the store keeps the hits (an array, from the FTS index
alone) in that order with a mask over the order (a few ms at a million).

The order is an ``int64`` numpy array (8 bytes an article: 8 MB at a million,
where a Python list took 36 MB and its id -> position dict ~100 MB); positions
are an ``int32`` array indexed by id, made when first asked for.  A worker
thread can read the order on its own connection (``read_order``) while the app
shows the first rows, and hand it over with ``adopt``, which keeps it only if
nothing changed in between (``order_state`` is the token).

When the order is reused: the cached list carries the state it was read in
and is used only while that state is unchanged:

* ``temp.nd_order_gen.n``, a counter that TEMP triggers of this connection
  (not stored in the project file) raise on every insert or delete of an
  article or a page and every update of the columns the order reads
  (articles.id/page_id/position, pages.id/source_name/version);
* ``PRAGMA data_version``, which changes when another connection commits;
* ``PRAGMA schema_version``, which changes if a table is rebuilt (dropping a
  table drops its triggers; they are created again on the next call).

Nothing is cached inside an open transaction (a rollback could bring back an
older state with the same counter), and a read-only connection, which cannot
create the triggers, can make no change of its own, so the two pragmas suffice.
"""

from __future__ import annotations

import sqlite3
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlite_utils import Database

from desktop.store import id_arrays
from desktop.store.filters import FROM_CLAUSE, order_clause

if TYPE_CHECKING:
    import numpy as np

ORDER_SQL = f"SELECT a.id AS nd_id {FROM_CLAUSE} {order_clause('page')}"

_TRIGGERS: dict[str, str] = {
    "nd_order_articles_ins": "AFTER INSERT ON main.articles",
    "nd_order_articles_del": "AFTER DELETE ON main.articles",
    "nd_order_articles_upd": "AFTER UPDATE OF id, page_id, position ON main.articles",
    "nd_order_pages_ins": "AFTER INSERT ON main.pages",
    "nd_order_pages_del": "AFTER DELETE ON main.pages",
    "nd_order_pages_upd": "AFTER UPDATE OF id, source_name, version ON main.pages",
}

_STATE_SQL = (
    "SELECT (SELECT n FROM temp.nd_order_gen),"
    " (SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' AND name GLOB 'nd_order_*')"
)


@dataclass
class _Entry:
    state: tuple[int, ...]
    ids: np.ndarray  # int64, page order (read-only: shared with callers)
    pos: np.ndarray | None = None  # id -> index in ids (int32, -1: none), made when first asked for

    def positions(self) -> np.ndarray:
        if self.pos is None:
            self.pos = id_arrays.positions(self.ids)
        return self.pos


_CACHE: weakref.WeakKeyDictionary[Database, _Entry] = weakref.WeakKeyDictionary()
# True: this connection's triggers were made; False: it cannot make them (read-only).
_TRACKING: weakref.WeakKeyDictionary[Database, bool] = weakref.WeakKeyDictionary()


def _install(conn: sqlite3.Connection) -> bool:
    """Create the counter and its triggers (DDL only: opens no transaction).  False if read-only."""
    try:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS nd_order_gen AS SELECT 0 AS n")
        for name, when in _TRIGGERS.items():
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS {name} {when} BEGIN UPDATE nd_order_gen SET n = n + 1; END"
            )
    except sqlite3.OperationalError:
        return False  # a query-only connection: it cannot write anything, temp tables included
    return True


def _state(db: Database) -> tuple[int, ...] | None:
    """What the cached order must have been read in to be valid now; None: do not cache."""
    conn = db.conn
    if conn.in_transaction:
        return None
    tracking = _TRACKING.get(db)
    counter: int | None = -1  # a read-only connection: it changes nothing itself
    if tracking is not False:
        try:
            counter, triggers = conn.execute(_STATE_SQL).fetchone()
        except sqlite3.OperationalError:  # no counter on this connection yet
            counter, triggers = None, 0
        if counter is None or triggers != len(_TRIGGERS):
            if tracking:
                _CACHE.pop(db, None)  # a trigger was lost (a rebuilt table): changes may have gone uncounted
            _TRACKING[db] = _install(conn)
            counter = conn.execute("SELECT n FROM temp.nd_order_gen").fetchone()[0] if _TRACKING[db] else -1
    data_version = conn.execute("PRAGMA data_version").fetchone()[0]
    schema_version = conn.execute("PRAGMA schema_version").fetchone()[0]
    return (-1 if counter is None else counter, data_version, schema_version)


def _entry(db: Database) -> _Entry | None:
    state = _state(db)
    if state is None:
        return None
    entry = _CACHE.get(db)
    if entry is not None and entry.state == state:
        return entry
    ids = read_order(db.conn)
    ids.flags.writeable = False
    entry = _Entry(state, ids)
    _CACHE[db] = entry
    return entry


def read_order(conn: sqlite3.Connection) -> np.ndarray:
    """The ids of every article in page order, read now on ``conn`` (any connection to the project)."""
    return id_arrays.read_ids(conn, ORDER_SQL)


def cached(db: Database) -> bool:
    """True when ``page_order(db)`` would answer without reading the order."""
    state = _state(db)
    entry = _CACHE.get(db)
    return state is not None and entry is not None and entry.state == state


def order_state(db: Database) -> tuple[int, ...] | None:
    """A token for ``adopt``: the state the order must be read in (None inside a transaction)."""
    return _state(db)


def adopt(db: Database, state: tuple[int, ...] | None, ids: np.ndarray) -> bool:
    """Keep ``ids``, read on another connection (a worker thread's) after ``order_state`` gave
    ``state``, as this connection's page order, if nothing changed since: no write of this
    connection moved articles (the trigger counter) and no other connection committed
    (``data_version``), so the other connection read the same articles.  False: read again."""
    if state is None or _state(db) != state:
        return False
    ids = ids.astype("int64", copy=False)
    ids.flags.writeable = False
    _CACHE[db] = _Entry(state, ids)
    return True


def page_order(db: Database) -> np.ndarray | None:
    """Ids of every article in page order (int64 array, read-only), or None inside a transaction."""
    entry = _entry(db)
    return None if entry is None else entry.ids


def positions(db: Database) -> np.ndarray | None:
    """``pos[id]``: index of the article in page order (-1: none; ids past the end: none either)."""
    entry = _entry(db)
    return None if entry is None else entry.positions()


def in_page_order(db: Database, ids: np.ndarray) -> np.ndarray | None:
    """``ids`` that are articles, in page order (a new array); None inside a transaction."""
    entry = _entry(db)
    if entry is None:
        return None
    if len(ids) * 16 >= len(entry.ids):  # many: a mask over the whole order
        return id_arrays.keep_in_order(entry.ids, ids)
    np = id_arrays._np()
    pos = entry.positions()
    ids = ids[(ids >= 0) & (ids < len(pos))]
    where = pos[ids]
    where = np.sort(where[where >= 0])
    return entry.ids[where]
