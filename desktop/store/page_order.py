"""Every article id in page order, kept in memory while nothing that orders them changes.

Owns: ``page_order(db)``, the ids of all articles in the default list order
(``filters.PAGE_ORDER``: page file name, page version, position, id), read
once per connection and reused until a write could have changed that order.

Why: ordering a large set of ids in SQL costs a row lookup per id — a
full-text search hitting 55,000 of 100,000 articles spent ~190 ms of its
~225 ms fetching and sorting (page, position) for each hit (measured).  With
the order in memory the store keeps the hits (a set, from the FTS index alone)
in that order with one pass over the list (~5 ms).

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

from sqlite_utils import Database

from desktop.store.filters import FROM_CLAUSE, order_clause

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
    ids: list[int]
    rank: dict[int, int] | None = None  # id -> index in ids, made when first asked for


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
    counter = -1  # a read-only connection: it changes nothing itself
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
    return (counter, data_version, schema_version)


def _entry(db: Database) -> _Entry | None:
    state = _state(db)
    if state is None:
        return None
    entry = _CACHE.get(db)
    if entry is not None and entry.state == state:
        return entry
    entry = _Entry(state, [r[0] for r in db.execute(f"SELECT a.id {FROM_CLAUSE} {order_clause('page')}")])
    _CACHE[db] = entry
    return entry


def page_order(db: Database) -> list[int] | None:
    """Ids of every article in page order, or None inside a transaction (then ask SQL).

    The list is shared with later calls: copy it before changing it.
    """
    entry = _entry(db)
    return None if entry is None else entry.ids


def in_page_order(db: Database, ids: set[int]) -> list[int] | None:
    """``ids`` that are articles, in page order (a new list); None inside a transaction."""
    entry = _entry(db)
    if entry is None:
        return None
    if len(ids) * 16 >= len(entry.ids):  # many: one pass over the order
        return list(filter(ids.__contains__, entry.ids))
    if entry.rank is None:
        entry.rank = {a: i for i, a in enumerate(entry.ids)}
    rank = entry.rank
    return sorted((a for a in ids if a in rank), key=rank.__getitem__)
