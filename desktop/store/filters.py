"""Translating an ``ArticleFilter`` and a sort key into SQL.

Owns: ``FROM_CLAUSE`` (articles joined to their page), ``where_clause`` and
``order_clause``.  Every list query of the store (ids, counts, neighbours,
exports, label counts) goes through these so they agree on what a filter means.
"""

from __future__ import annotations

from desktop.store import search
from desktop.store.errors import StoreError
from desktop.store.records import SORT_KEYS, ArticleFilter

FROM_CLAUSE = "FROM articles a JOIN pages p ON p.id = a.page_id"

# Default order: page (by file name, then version), position on the page.
PAGE_ORDER = ("p.source_name", "p.version", "a.position", "a.id")

_SORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "page": PAGE_ORDER,
    "position": ("a.position",) + PAGE_ORDER,
    "title": ("a.title",) + PAGE_ORDER,
    "status": ("a.status",) + PAGE_ORDER,
    "n_spans": ("a.n_spans",) + PAGE_ORDER,
    "id": ("a.id",),
    # least confident first: the article's least sure machine span (no machine span: last)
    "confidence": ("coalesce((SELECT min(s.confidence) FROM spans s WHERE s.article_id = a.id"
                   " AND s.origin = 'auto'), 2.0)",) + PAGE_ORDER,
}
assert set(_SORT_COLUMNS) == set(SORT_KEYS)


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def where_clause(flt: ArticleFilter) -> tuple[str, list[object]]:
    """``WHERE …`` (or "") and its parameters.  Conditions combine with AND."""
    conds: list[str] = []
    params: list[object] = []
    if flt.statuses:
        # "+" keeps the planner on the page-order indexes (measured: 187 ms -> a plain ordered scan)
        conds.append(f"+a.status IN ({_marks(len(flt.statuses))})")
        params.extend(flt.statuses)
    for tag in flt.tags:
        conds.append("EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = ?)")
        params.append(tag)
    for label in flt.labels:
        conds.append("EXISTS (SELECT 1 FROM spans s WHERE s.article_id = a.id AND s.label = ?)")
        params.append(label)
    if flt.pages:
        conds.append(f"p.source_name IN ({_marks(len(flt.pages))})")
        params.extend(flt.pages)
    if not flt.include_superseded:
        conds.append("p.superseded = 0")
    if flt.query.strip():
        cond, qp = search.query_condition(flt.query)
        conds.append(cond)
        params.extend(qp)
    return ("WHERE " + " AND ".join(conds)) if conds else "", params


def order_columns(sort: str) -> tuple[str, ...]:
    try:
        return _SORT_COLUMNS[sort]
    except KeyError:
        raise StoreError(f"cannot sort articles by {sort!r}; use one of {', '.join(SORT_KEYS)}") from None


def order_clause(sort: str = "page", descending: bool = False) -> str:
    direction = " DESC" if descending else ""
    return "ORDER BY " + ", ".join(c + direction for c in order_columns(sort))
