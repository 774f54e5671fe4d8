"""The edit history: one ``events`` row per logical change, written inside the
change's own transaction.

Owns: ``record_event``, ``list_events`` and ``events_by_ids``.  ``before``/``after`` say what
changed, to show it in the history dialog (JSON); the exact states to undo and redo it are
the journal's (``journal.py``, ``undo.py``).  Undone events (``undone`` = 1) are not listed
unless asked for: as far as the history is concerned they did not happen.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from desktop.store.codec import dumps, loads, utc_now
from desktop.store.records import Event


def record_event(db: Database, article_id: int | None, editor: str, action: str, before: Any, after: Any) -> None:
    db.execute(
        "INSERT INTO events (article_id, editor, at, action, before, after) VALUES (?, ?, ?, ?, ?, ?)",
        (article_id, editor, utc_now(), action, dumps(before), dumps(after)),
    )


def list_events(db: Database, article_id: int | None = None, limit: int = 500) -> list[Event]:
    """Newest first; all articles when ``article_id`` is None."""
    if article_id is None:
        cur = db.execute("SELECT * FROM events WHERE undone = 0 ORDER BY id DESC LIMIT ?", (limit,))
    else:
        cur = db.execute("SELECT * FROM events WHERE article_id = ? AND undone = 0 ORDER BY id DESC LIMIT ?", (article_id, limit))
    return _events(cur)


def events_by_ids(db: Database, ids: list[int], include_undone: bool = False) -> list[Event]:
    """The events of ``ids``, newest first (undone ones only when ``include_undone``)."""
    if not ids:
        return []
    live = "" if include_undone else " AND undone = 0"
    cur = db.execute(f"SELECT * FROM events WHERE id IN (SELECT value FROM json_each(?)){live} ORDER BY id DESC", (dumps(list(ids)),))
    return _events(cur)


def _events(cur: Any) -> list[Event]:
    cols = [c[0] for c in cur.description]
    out = []
    for row in cur:
        r = dict(zip(cols, row))
        out.append(
            Event(
                id=r["id"], article_id=r["article_id"], editor=r["editor"], at=r["at"], action=r["action"],
                before=loads(r["before"]), after=loads(r["after"]),
            )
        )
    return out
