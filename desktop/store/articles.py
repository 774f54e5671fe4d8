"""Reading articles: the ordered id list (a compact array, or its first rows alone), light list rows, full records,
neighbours, counts, progress and label counts.

Owns: every SELECT over articles/spans/tags that the facade exposes for reading.
Filters and sort orders come from ``filters`` so that all reads agree.  The
unfiltered list and plain text searches in the default page order come from
the cached order of ``page_order`` (same ids, same order as the SQL; no sort
per query).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlite_utils import Database

from desktop.store import id_arrays, page_order, search
from desktop.store.codec import loads
from desktop.store.errors import NotFoundError
from desktop.store.filters import FROM_CLAUSE, PAGE_ORDER, order_clause, where_clause
from desktop.store.records import ArticleFilter, ArticleRecord, ArticleRow, SpanRow

if TYPE_CHECKING:
    import numpy as np

_CHUNK = 500  # ids per IN (...) query, below SQLite's parameter limit


def article_ids(db: Database, flt: ArticleFilter, sort: str = "page", descending: bool = False) -> list[int]:
    return article_id_array(db, flt, sort, descending).tolist()


def article_id_array(db: Database, flt: ArticleFilter, sort: str = "page", descending: bool = False) -> np.ndarray:
    """The ids of the articles passing ``flt`` in the order ``sort``, as an ``int64`` array (a new one)."""
    fast = _ids_in_page_order(db, flt) if sort == "page" else None
    if fast is not None:
        # every column DESC, and (page, version, position, id) is unique: the exact reverse
        return fast[::-1].copy() if descending else fast
    where, params = where_clause(flt)
    return id_arrays.read_ids(db.conn, f"SELECT a.id AS nd_id {FROM_CLAUSE} {where} {order_clause(sort, descending)}", params)


def first_article_ids(db: Database, flt: ArticleFilter, sort: str = "page", descending: bool = False, limit: int = 200) -> list[int]:
    """The first ``limit`` ids of ``article_id_array`` without reading the rest: from the cached
    order when there is one, else SQL with LIMIT (the page-order indexes: a few ms at a million)."""
    if sort == "page" and not _has_conditions(flt) and page_order.cached(db):
        order = page_order.page_order(db)
        if order is not None:
            part = order[::-1][:limit] if descending else order[:limit]
            return part.tolist()
    where, params = where_clause(flt)
    sql = f"SELECT a.id {FROM_CLAUSE} {where} {order_clause(sort, descending)} LIMIT ?"
    return [r[0] for r in db.execute(sql, [*params, int(limit)])]


def _has_conditions(flt: ArticleFilter) -> bool:
    return bool(flt.statuses or flt.tags or flt.labels or flt.pages or not flt.include_superseded or flt.query.strip())


def _ids_in_page_order(db: Database, flt: ArticleFilter) -> np.ndarray | None:
    """The ids of an unfiltered list or of a plain text search, in page order, without SQL sorting.

    None when the filter has other conditions (SQL answers those), the query
    cannot use the index, or the order is not cached (inside a transaction).
    A new array each call or the shared read-only order.
    """
    if flt.statuses or flt.tags or flt.labels or flt.pages or not flt.include_superseded:
        return None
    query = flt.query if flt.query.strip() else None
    if query is not None and search.match_expression(query) is None:
        return None  # punctuation only: a scan in SQL
    if query is None:
        return page_order.page_order(db)
    if page_order.page_order(db) is None:  # (before the search: it also makes the order when not cached yet)
        return None
    # The hits in page order; an id the index lists but no article has drops out.
    hits = search.matching_ids(db, query)
    return page_order.in_page_order(db, hits if hits is not None else id_arrays.empty())


def count_articles(db: Database, flt: ArticleFilter) -> int:
    where, params = where_clause(flt)
    return db.execute(f"SELECT count(*) {FROM_CLAUSE} {where}", params).fetchone()[0]


def _tags_of(db: Database, ids: Sequence[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = list(ids[i : i + _CHUNK])
        cur = db.execute(
            f"SELECT article_id, tag FROM article_tags WHERE article_id IN ({', '.join('?' * len(chunk))})"
            " ORDER BY article_id, tag",
            chunk,
        )
        for aid, tag in cur:
            out.setdefault(aid, []).append(tag)
    return out


def article_rows(db: Database, ids: Sequence[int]) -> dict[int, ArticleRow]:
    """Light rows for the given ids (missing ids are left out)."""
    ids = list(dict.fromkeys(ids))
    tags = _tags_of(db, ids)
    out: dict[int, ArticleRow] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        cur = db.execute(
            "SELECT a.id, p.source_name, a.position, a.title, a.status, a.n_spans, a.flags, p.version, p.superseded "
            f"{FROM_CLAUSE} WHERE a.id IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        for r in cur:
            out[r[0]] = ArticleRow(
                id=r[0], page=r[1], position=r[2], title=r[3], status=r[4], n_spans=r[5],
                tags=tags.get(r[0], []), flags=loads(r[6], []), page_version=r[7], superseded=bool(r[8]),
            )
    return out


def span_rows(db: Database, article_id: int) -> list[SpanRow]:
    cur = db.execute(
        'SELECT id, start, "end", label, text, value, origin, needs_check, confidence, suggested FROM spans'
        ' WHERE article_id = ? ORDER BY start, "end"',
        (article_id,),
    )
    return [
        SpanRow(id=r[0], start=r[1], end=r[2], label=r[3], text=r[4], value=loads(r[5]), origin=r[6],
                needs_check=bool(r[7]), confidence=r[8], suggested=r[9])
        for r in cur
    ]


def get_article(db: Database, article_id: int) -> ArticleRecord:
    cur = db.execute(f"SELECT a.*, p.source_name AS page_name {FROM_CLAUSE} WHERE a.id = ?", (article_id,))
    row = cur.fetchone()
    if row is None:
        raise NotFoundError(f"article {article_id} does not exist (it may have been removed)", kind="article", id=article_id)
    r = dict(zip((c[0] for c in cur.description), row))
    return ArticleRecord(
        id=r["id"], page_id=r["page_id"], page=r["page_name"], position=r["position"], title=r["title"],
        kicker=r["kicker"] or "", subtitle=r["subtitle"] or "", byline=r["byline"] or "",
        authors=loads(r["authors"], []), source=r["source"] or "", dateline=r["dateline"] or "",
        dateline_iso=r["dateline_iso"], sections=loads(r["sections"], []), captions=loads(r["captions"], []),
        body=r["body"], spans=span_rows(db, article_id), flags=loads(r["flags"], []),
        tags=_tags_of(db, [article_id]).get(article_id, []), status=r["status"], note=r["note"] or "",
        reviewer=r["reviewer"], reviewed_at=r["reviewed_at"], segments=loads(r["segments"], []),
        continued_from=r["continued_from"] or "", continued_to=r["continued_to"] or "",
    )


def neighbour_id(
    db: Database, article_id: int, direction: int, flt: ArticleFilter, unreviewed_only: bool = False
) -> int | None:
    """The next (+1) or previous (-1) article after ``article_id`` in page order that passes the filter.

    ``unreviewed_only`` skips articles whose status is ``reviewed`` or ``rejected``.
    The current article need not pass the filter itself.
    """
    key = db.execute(
        f"SELECT {', '.join(PAGE_ORDER)} {FROM_CLAUSE} WHERE a.id = ?", (article_id,)
    ).fetchone()
    if key is None:
        raise NotFoundError(f"article {article_id} does not exist", kind="article", id=article_id)
    where, params = where_clause(flt)
    op, desc = (">", False) if direction > 0 else ("<", True)
    cond = f"({', '.join(PAGE_ORDER)}) {op} ({', '.join('?' * len(PAGE_ORDER))})"
    if unreviewed_only:
        cond += " AND a.status IN ('unreviewed', 'in_review')"
    where = f"{where} AND {cond}" if where else f"WHERE {cond}"
    row = db.execute(
        f"SELECT a.id {FROM_CLAUSE} {where} {order_clause('page', desc)} LIMIT 1", [*params, *key]
    ).fetchone()
    return None if row is None else row[0]


PROGRESS_SQL = "SELECT count(*) FILTER (WHERE status = 'reviewed'), count(*) FROM articles"


def progress(db: Database) -> tuple[int, int]:
    row = db.execute(PROGRESS_SQL).fetchone()
    return row[0], row[1]


def label_counts(db: Database, flt: ArticleFilter) -> dict[str, int]:
    where, params = where_clause(flt)
    if not where:
        cur = db.execute("SELECT label, count(*) FROM spans GROUP BY label ORDER BY label")
    else:
        cur = db.execute(
            f"SELECT label, count(*) FROM spans WHERE article_id IN (SELECT a.id {FROM_CLAUSE} {where})"
            " GROUP BY label ORDER BY label",
            params,
        )
    return dict(cur)


def page_of(db: Database, article_id: int) -> int:
    """The page an article is on (NotFoundError when it is gone): a write's scope look-up."""
    row = db.execute("SELECT page_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"article {article_id} does not exist (it may have been removed)", kind="article", id=article_id)
    return row[0]
