"""Editors' versions of an article, read back, and the adjudicator's sign-off (SQL only here).

Owns: ``editor_versions`` (every editor's merged version of one article),
``agreement_items`` (the articles two or more editors did, for the agreement
figures), ``editor_records`` (the versions as export records, for ``--all-editors``),
``adjudication_of`` and ``finish_adjudication`` (the article becomes ``reviewed``
with the adjudicator as its reviewer, recorded in ``adjudications`` and an event).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from sqlite_utils import Database

from desktop.pipeline.model import TO_ADJUDICATE
from desktop.store.codec import dumps, utc_now
from desktop.store.errors import NotFoundError, StoreError
from desktop.store.events import record_event
from desktop.store.records import Changes

ADJUDICATE_STATUS = TO_ADJUDICATE


def editor_versions(db: Database, article_id: int) -> dict[str, dict[str, Any]]:
    """editor -> the article state they left (``journal.article_state`` shape), editors sorted."""
    rows = db.execute("SELECT editor, data FROM editor_versions WHERE article_id = ? ORDER BY editor", (article_id,))
    return {editor: json.loads(data) for editor, data in rows}


def agreement_items(db: Database) -> Iterator[tuple[int, str, dict[str, tuple[str, list[tuple[int, int, str]]]]]]:
    """(article id, title, {editor: (body, [(start, end, label)])}) of every article with 2+ versions
    that still exists, in id order; read in batches."""
    ids = [r[0] for r in db.execute(
        "SELECT v.article_id FROM editor_versions v JOIN articles a ON a.id = v.article_id"
        " GROUP BY v.article_id HAVING count(*) > 1 ORDER BY v.article_id"
    )]
    for i in range(0, len(ids), 400):
        chunk = ids[i : i + 400]
        marks = ", ".join("?" * len(chunk))
        titles = dict(db.execute(f"SELECT id, title FROM articles WHERE id IN ({marks})", chunk).fetchall())
        per: dict[int, dict[str, Any]] = {}
        for aid, editor, data in db.execute(
            f"SELECT article_id, editor, data FROM editor_versions WHERE article_id IN ({marks}) ORDER BY article_id, editor",
            chunk,
        ):
            state = json.loads(data)
            spans = sorted((s["start"], s["end"], s["label"]) for s in state["spans"])
            per.setdefault(aid, {})[editor] = (state["article"].get("body") or "", spans)
        for aid in chunk:
            yield aid, titles.get(aid) or "", per.get(aid, {})


def editor_records(db: Database, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """id -> [{"editor", "status", "title", "body", "spans", "tags", ...}] (editors sorted)."""
    if not ids:
        return {}
    out: dict[int, list[dict[str, Any]]] = {}
    marks = ", ".join("?" * len(ids))
    for aid, editor, data in db.conn.execute(
        f"SELECT article_id, editor, data FROM editor_versions WHERE article_id IN ({marks}) ORDER BY article_id, editor",
        list(ids),
    ):
        state = json.loads(data)
        a = state["article"]
        body = a.get("body") or ""
        out.setdefault(aid, []).append({
            "editor": editor,
            "status": a.get("status"),
            "title": a.get("title") or "",
            "note": a.get("note") or "",
            "body": body,
            "spans": [
                {"start": s["start"], "end": s["end"], "label": s["label"], "text": body[s["start"] : s["end"]],
                 "value": json.loads(s["value"]) if isinstance(s.get("value"), str) else s.get("value"),
                 "origin": s.get("origin")}
                for s in sorted(state["spans"], key=lambda s: (s["start"], s["end"]))
            ],
            "tags": sorted(state["tags"]),
        })
    return out


def adjudication_of(db: Database, article_id: int) -> dict[str, Any] | None:
    row = db.execute("SELECT adjudicator, at, editors FROM adjudications WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    return {"adjudicator": row[0], "at": row[1], "editors": json.loads(row[2] or "[]")}


def finish_adjudication(db: Database, adjudicator: str, article_id: int) -> Changes:
    """The article's versions are settled: status ``reviewed``, reviewer = the adjudicator."""
    row = db.execute("SELECT status, reviewer, reviewed_at FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"article {article_id} does not exist (it may have been removed)", kind="article", id=article_id)
    if row[0] != ADJUDICATE_STATUS:
        raise StoreError(f"article {article_id} is not marked to adjudicate (it is {row[0]})",
                         code="not_to_adjudicate", status=row[0])
    editors = [r[0] for r in db.execute("SELECT editor FROM editor_versions WHERE article_id = ? ORDER BY editor", (article_id,))]
    now = utc_now()
    db.execute("UPDATE articles SET status = 'reviewed', reviewer = ?, reviewed_at = ? WHERE id = ?", (adjudicator, now, article_id))
    db.execute(
        "INSERT INTO adjudications (article_id, adjudicator, at, editors) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(article_id) DO UPDATE SET adjudicator = excluded.adjudicator, at = excluded.at, editors = excluded.editors",
        (article_id, adjudicator, now, dumps(editors)),
    )
    record_event(db, article_id, adjudicator, "adjudicate",
                 {"status": row[0], "reviewer": row[1], "reviewed_at": row[2]},
                 {"status": "reviewed", "reviewer": adjudicator, "reviewed_at": now, "editors": editors})
    return Changes({article_id}, {"status"})


def reopen_adjudication(db: Database, editor: str, article_id: int) -> Changes:
    """Undo of ``finish_adjudication``: the article is to adjudicate again, its record dropped."""
    row = db.execute("SELECT status, reviewer, reviewed_at FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"article {article_id} does not exist (it may have been removed)", kind="article", id=article_id)
    if row[0] == ADJUDICATE_STATUS:
        return Changes()
    db.execute("UPDATE articles SET status = ?, reviewer = NULL, reviewed_at = NULL WHERE id = ?", (ADJUDICATE_STATUS, article_id))
    db.execute("DELETE FROM adjudications WHERE article_id = ?", (article_id,))
    record_event(db, article_id, editor, "reopen_adjudication",
                 {"status": row[0], "reviewer": row[1], "reviewed_at": row[2]}, {"status": ADJUDICATE_STATUS})
    return Changes({article_id}, {"status"})
