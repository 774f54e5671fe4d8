"""The full-text index over article title + body (FTS5, contentless, bigram tokens).

Owns: keeping ``article_fts`` in step with ``articles`` (called inside the
transaction of every write that changes a title or a body), rebuilding it, and
the SQL condition a text query adds to an article filter.  The token scheme
itself is in ``textindex``.  The table is contentless (``content=''``), so
removing a row means handing FTS5 the tokens it indexed, recomputed from the
old title/body.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from desktop.store.textindex import index_tokens, match_expression


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


def matching_ids(db: Database, query: str) -> set[int] | None:
    """Ids of the articles whose title or body match ``query``, from the index alone.

    None when the query has no letter or digit (the index cannot answer it; see
    ``query_condition``).  May hold ids the index still lists for articles no
    longer there only if the index is out of step; callers intersect with articles.
    """
    expr = match_expression(query)
    if expr is None:
        return None
    return {r[0] for r in db.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH ?", [expr])}


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
