"""The export record stream: one JSONL-ready dict per article, in page/position order.

Owns: ``iter_records``, ``export_ids`` and ``records_for_ids``.  Streams in
constant memory: the ids of the articles to export are read first as one
``int64`` array (8 bytes an article: 8 MB at a million), then the articles are
read ``BATCH`` at a time by id, with their spans and tags in one query each,
and yielded in the order of the ids.  A worker process can export any slice of
the ids on its own connection with ``records_for_ids`` (see
``desktop.export.stream``), so several can run at once.

Each record's keys are in ``desktop.export.base.RECORD_KEYS`` order and each
span's in ``SPAN_KEYS`` order, every key present, so writers can use them as
they are (``ordered_record`` returns such a record without copying it).  A
span's ``text`` is re-derived as ``body[start:end]``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
from sqlite_utils import Database

from desktop.store import articles
from desktop.store.codec import loads
from desktop.store.db import connect, translate_errors
from desktop.store.filters import FROM_CLAUSE
from desktop.store.records import ArticleFilter, ExportRecord

_COLUMNS = (
    "a.id", "p.source_name", "a.position", "a.title", "a.kicker", "a.subtitle", "a.byline", "a.authors",
    "a.source", "a.dateline", "a.dateline_iso", "a.sections", "a.captions", "a.body", "a.flags", "a.status",
    "a.reviewer", "a.reviewed_at", "a.continued_from", "a.continued_to",
)
BATCH = 500  # articles per fetch (below SQLite's parameter limit); their spans and tags: one query each
_ARTICLES_SQL = f"SELECT {', '.join(_COLUMNS)} {FROM_CLAUSE} WHERE a.id IN ({{marks}})"
_SPANS_SQL = (
    'SELECT article_id, start, "end", label, value, origin, confidence, suggested FROM spans'
    " WHERE article_id IN ({marks}) ORDER BY article_id, start"
)
_TAGS_SQL = "SELECT article_id, tag FROM article_tags WHERE article_id IN ({marks}) ORDER BY article_id, tag"


def _by_article(db: Database, sql: str, ids: list[int]) -> dict[int, list[tuple]]:
    out: dict[int, list[tuple]] = {}
    for row in db.conn.execute(sql.format(marks=", ".join("?" * len(ids))), ids):
        out.setdefault(row[0], []).append(row)
    return out


class _Values(dict[Any, Any]):
    """Span value JSON -> its value, filled on a miss (the same dates and amounts recur); NULL -> None."""

    __slots__ = ()

    def __missing__(self, text: str) -> Any:
        if len(self) >= _VALUES_MAX:
            self.clear()
            self[None] = None
        value = self[text] = loads(text)
        return value


_VALUES_MAX = 20_000
_VALUES = _Values({None: None})


def _authors(text: str | None) -> list[dict[str, Any]]:
    if not text or text == "[]":
        return []
    try:  # orjson reads a list of names and roles as the standard library does, ~4x faster
        authors = [{"name": a["name"], "role": a["role"]} for a in orjson.loads(text)]
        if all(type(a["name"]) is str and type(a["role"]) is str for a in authors):
            return authors
    except (orjson.JSONDecodeError, TypeError, KeyError):
        pass
    # anything else (numbers, which orjson reads differently past 64 bits; what it refuses): as before
    return [{"name": a["name"], "role": a["role"]} for a in loads(text, [])]


def _list(text: str | None) -> list[Any]:
    return loads(text, []) if text and text != "[]" else []


def _records_batch(db: Database, ids: list[int]) -> list[dict[str, Any]]:
    marks = ", ".join("?" * len(ids))
    conn = db.conn
    rows = {r[0]: r for r in conn.execute(_ARTICLES_SQL.format(marks=marks), ids)}
    spans = conn.execute(_SPANS_SQL.format(marks=marks), ids).fetchall()  # by article id, then start
    owners = [s[0] for s in spans]
    tags = _by_article(db, _TAGS_SQL, ids)
    values = _VALUES
    out: list[dict[str, Any]] = []
    for aid in ids:
        r = rows.get(aid)
        if r is None:  # removed since the ids were read
            continue
        body = r[13]
        first = bisect_left(owners, aid)
        out.append(ExportRecord({
            "id": aid, "page": r[1], "position": r[2], "title": r[3], "kicker": r[4] or "",
            "subtitle": r[5] or "", "byline": r[6] or "", "authors": _authors(r[7]),
            "source": r[8] or "", "dateline": r[9] or "", "dateline_iso": r[10],
            "continued_from": r[18] or "", "continued_to": r[19] or "",
            "sections": _list(r[11]), "captions": _list(r[12]), "body": body,
            "spans": [
                {"start": st, "end": en, "label": lb, "text": body[st:en], "value": values[v],
                 "origin": o, "confidence": c, "suggested": sg}
                for _, st, en, lb, v, o, c, sg in spans[first : bisect_right(owners, aid, first)]
            ],
            "flags": _list(r[14]), "tags": [t for _, t in tags.get(aid, ())], "status": r[15],
            "reviewer": r[16], "reviewed_at": r[17],
        }))
    return out


def _batch(db: Database, ids: list[int], all_editors: bool) -> list[dict[str, Any]]:
    records = _records_batch(db, ids)
    if all_editors:  # every editor's merged version (team work): after the record's own keys
        from desktop.store.adjudication import editor_records

        versions = editor_records(db, ids)
        for record in records:
            record["editors"] = versions.get(record["id"], [])
    return records


def records_for_ids(db: Database, ids: Sequence[int], all_editors: bool = False) -> Iterator[dict[str, Any]]:
    """The records of ``ids`` in that order (ids no longer there are left out), ``BATCH`` at a time;
    ``all_editors``: each with ``editors``, every editor's merged version (``adjudication.editor_records``)."""
    ids = [int(i) for i in ids]
    for i in range(0, len(ids), BATCH):
        yield from _batch(db, ids[i : i + BATCH], all_editors)


def open_reader(path: Path) -> Database:
    """A read-only connection of its own to the project at ``path`` (a worker's; close it after)."""
    with translate_errors():
        return Database(connect(path, readonly=True), execute_plugins=False)


def export_ids(db: Database, flt: ArticleFilter) -> Any:
    """The ids ``iter_records(flt)`` yields, in page order, as an int64 array."""
    return articles.article_id_array(db, flt, "page")


def iter_records(db: Database, flt: ArticleFilter, all_editors: bool = False) -> Iterator[dict[str, Any]]:
    """Every record passing ``flt``, in page order; on a connection of its own, inside one read
    transaction, so the ids and the batches read after them see the same snapshot."""
    own = not db.conn.in_transaction
    if own:
        db.conn.execute("BEGIN")
    try:
        ids = export_ids(db, flt)
        for i in range(0, len(ids), BATCH):
            yield from _batch(db, ids[i : i + BATCH].tolist(), all_editors)
    finally:
        if own and db.conn.in_transaction:
            db.conn.execute("ROLLBACK")  # nothing was written: only the read snapshot ends
