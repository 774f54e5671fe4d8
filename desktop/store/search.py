"""The full-text index over article title + body (FTS5, contentless, bigram tokens),
and what a search or a label-all finds inside the articles it selects.

Owns: keeping ``article_fts`` in step with ``articles`` (called inside the
transaction of every write that changes a title or a body), rebuilding it,
the SQL condition a text query adds to an article filter, ``search_hits``
(hit count and a snippet per article, for the result list) and
``occurrences`` (exact occurrences of a text not yet covered by a span, with
their context, for label-all).  The token scheme itself is in ``textindex``.  The table is contentless (``content=''``), so
removing a row means handing FTS5 the tokens it indexed, recomputed from the
old title/body.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlite_utils import Database

from desktop.store import id_arrays

from desktop.store.records import Occurrence, SearchHit
from desktop.store.textindex import hit_ranges, index_tokens, match_expression

if TYPE_CHECKING:
    import numpy as np

_CHUNK = 500  # ids per IN (...) query


def fts_rows(rows: Iterable[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """(rowid, title tokens, body tokens) for (id, title, body) triples."""
    return [(i, index_tokens(t), index_tokens(b)) for i, t, b in rows]


def index_articles(db: Database, rows: Iterable[tuple[int, str, str]]) -> None:
    db.conn.executemany("INSERT INTO article_fts (rowid, tg, bg) VALUES (?, ?, ?)", fts_rows(rows))


def unindex_articles(db: Database, rows: Iterable[tuple[int, str, str]]) -> None:
    db.conn.executemany(
        "INSERT INTO article_fts (article_fts, rowid, tg, bg) VALUES ('delete', ?, ?, ?)", fts_rows(rows)
    )


def reindex_article(db: Database, article_id: int, old: tuple[str, str], new: tuple[str, str]) -> None:
    """Replace the entry of one article: ``old``/``new`` are (title, body)."""
    if old == new:
        return
    unindex_articles(db, [(article_id, *old)])
    index_articles(db, [(article_id, *new)])


def rebuild(db: Database) -> None:
    """Drop every entry and index all articles again (call inside a transaction)."""
    db.execute("INSERT INTO article_fts (article_fts) VALUES ('delete-all')")
    cur = db.execute("SELECT id, title, body FROM articles")
    while batch := cur.fetchmany(2000):
        index_articles(db, batch)


def matching_ids(db: Database, query: str) -> np.ndarray | None:
    """Ids of the articles whose title or body match ``query``, from the index alone, as an
    ascending ``int64`` array (one string from SQLite parsed by numpy: no Python object per hit).

    None when the query has no letter or digit (the index cannot answer it; see
    ``query_condition``).  May hold ids the index still lists for articles no
    longer there only if the index is out of step; callers intersect with articles.
    """
    expr = match_expression(query)
    if expr is None:
        return None
    return id_arrays.read_ids(db.conn, "SELECT rowid AS nd_id FROM article_fts WHERE article_fts MATCH ?", [expr])


def query_condition(query: str, alias: str = "a") -> tuple[str, list[str]]:
    """SQL condition on ``<alias>.id`` selecting the articles whose title or body match ``query``.

    A query with letters/digits uses the index (see ``textindex``); a query of
    punctuation only (``《``) falls back to a scan with ``instr``.
    """
    expr = match_expression(query)
    if expr is None:
        q = query.strip()
        return f"(instr({alias}.title, ?) > 0 OR instr({alias}.body, ?) > 0)", [q, q]
    return f"{alias}.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)", [expr]


# --- inside the articles ---------------------------------------------------------------
SNIPPET_BEFORE = 10
SNIPPET_LENGTH = 60


def _snippet(body: str, hits: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    if not hits:
        return body[:SNIPPET_LENGTH].replace("\n", " "), ()
    start = max(0, hits[0][0] - SNIPPET_BEFORE)
    end = min(len(body), start + SNIPPET_LENGTH)
    text = ("…" if start else "") + body[start:end].replace("\n", " ")
    shift = start - (1 if start else 0)
    marks = tuple((max(s, start) - shift, min(e, end) - shift) for s, e in hits if s < end and e > start)
    return text, marks


def search_hits(db: Database, query: str, ids: Sequence[int]) -> dict[int, SearchHit]:
    """Hit count and snippet of ``query`` for each article of ``ids`` (reads only those articles)."""
    out: dict[int, SearchHit] = {}
    if not query.strip():
        return out
    ids = list(dict.fromkeys(ids))
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        cur = db.execute(f"SELECT id, title, body FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
        for aid, title, body in cur:
            in_body = hit_ranges(body, query)
            snippet, marks = _snippet(body, in_body)
            out[aid] = SearchHit(len(in_body) + len(hit_ranges(title or "", query)), snippet, marks)
    return out


def free_occurrences(body: str, text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of ``text`` in ``body`` that touch no span ((start, end) pairs)."""
    found: list[tuple[int, int]] = []
    if not text:
        return found
    taken = sorted(spans)
    i = body.find(text)
    while i >= 0:
        end = i + len(text)
        if all(end <= s or i >= e for s, e in taken):
            found.append((i, end))
        i = body.find(text, end)
    return found


def occurrences(
    db: Database, text: str, ids: Sequence[int], statuses: Sequence[str] = (), context: int = 16
) -> tuple[list[Occurrence], list[int]]:
    """The free occurrences of ``text`` in the articles ``ids`` (in that order), and the ids left
    out because their status is not in ``statuses`` (empty: every status counts)."""
    found: list[Occurrence] = []
    left_out: list[int] = []
    ids = list(dict.fromkeys(ids))
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = {r[0]: r[1:] for r in db.execute(f"SELECT id, title, body, status FROM articles WHERE id IN ({marks})", chunk)}
        spans: dict[int, list[tuple[int, int]]] = {}
        for aid, start, end in db.execute(f'SELECT article_id, start, "end" FROM spans WHERE article_id IN ({marks})', chunk):
            spans.setdefault(aid, []).append((start, end))
        for aid in chunk:
            if aid not in rows:
                continue
            title, body, status = rows[aid]
            if statuses and status not in statuses:
                if text in body:
                    left_out.append(aid)
                continue
            for start, end in free_occurrences(body, text, spans.get(aid, [])):
                found.append(Occurrence(aid, title or "", start, end, body[max(0, start - context) : start], body[end : end + context]))
    return found, left_out
