"""The export record stream: one JSONL-ready dict per article, in page/position order.

Owns: ``iter_records``.  Streams: articles are fetched 500 at a time and
the spans and tags of each batch with one query each, so memory stays flat on a
100,000-article project.  Each span's ``text`` is re-derived as
``body[start:end]``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from desktop.store.codec import loads
from desktop.store.filters import FROM_CLAUSE, order_clause, where_clause
from desktop.store.records import ArticleFilter

_COLUMNS = (
    "a.id", "p.source_name", "a.position", "a.title", "a.kicker", "a.subtitle", "a.byline", "a.authors",
    "a.source", "a.dateline", "a.dateline_iso", "a.sections", "a.captions", "a.body", "a.flags", "a.status",
    "a.reviewer", "a.reviewed_at", "a.continued_from", "a.continued_to",
)
_BATCH = 500  # articles per fetch; their spans and tags are read with one query each


def _by_article(db: Database, sql: str, ids: list[int]) -> dict[int, list[tuple]]:
    out: dict[int, list[tuple]] = {}
    for row in db.conn.execute(sql.format(marks=", ".join("?" * len(ids))), ids):
        out.setdefault(row[0], []).append(row)
    return out


def iter_records(db: Database, flt: ArticleFilter) -> Iterator[dict[str, Any]]:
    where, params = where_clause(flt)
    articles = db.conn.execute(f"SELECT {', '.join(_COLUMNS)} {FROM_CLAUSE} {where} {order_clause('page')}", params)
    while batch := articles.fetchmany(_BATCH):
        ids = [r[0] for r in batch]
        spans = _by_article(
            db,
            'SELECT article_id, start, "end", label, value, origin, confidence, suggested FROM spans'
            " WHERE article_id IN ({marks})"
            " ORDER BY article_id, start",
            ids,
        )
        tags = _by_article(
            db, "SELECT article_id, tag FROM article_tags WHERE article_id IN ({marks}) ORDER BY article_id, tag", ids
        )
        for r in batch:
            aid, body = r[0], r[13]
            yield {
                "id": aid, "page": r[1], "position": r[2], "title": r[3], "kicker": r[4] or "",
                "subtitle": r[5] or "", "byline": r[6] or "",
                "authors": [{"name": a["name"], "role": a["role"]} for a in loads(r[7], [])],
                "source": r[8] or "", "dateline": r[9] or "", "dateline_iso": r[10], "sections": loads(r[11], []),
                "captions": loads(r[12], []), "body": body,
                "continued_from": r[18] or "", "continued_to": r[19] or "",
                "spans": [
                    {"start": st, "end": en, "label": lb, "text": body[st:en], "value": loads(v), "origin": o,
                     "confidence": c, "suggested": sg}
                    for _, st, en, lb, v, o, c, sg in spans.get(aid, [])
                ],
                "flags": loads(r[14], []), "tags": [t for _, t in tags.get(aid, [])], "status": r[15],
                "reviewer": r[16], "reviewed_at": r[17],
            }
