"""The edit history: one ``events`` row per logical change, written inside the
change's own transaction.

Owns: ``record_event``, ``list_events`` and ``events_by_ids``.  ``before``/``after`` hold enough to
undo the change and to show it in the history dialog (JSON).
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
        cur = db.execute("SELECT * FROM events ORDER BY id DESC LIMIT ?", (limit,))
    else:
        cur = db.execute("SELECT * FROM events WHERE article_id = ? ORDER BY id DESC LIMIT ?", (article_id, limit))
    return _events(cur)


def events_by_ids(db: Database, ids: list[int]) -> list[Event]:
    """The events of ``ids``, newest first."""
    if not ids:
        return []
    cur = db.execute(f"SELECT * FROM events WHERE id IN ({', '.join('?' * len(ids))}) ORDER BY id DESC", list(ids))
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
