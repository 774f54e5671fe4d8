"""A text search over a large archive listed in two steps: its first hits at once, every hit later.

Owns: ``first_hits`` (the first ``limit`` hits of a plain text search in page
order, found by reading the articles at the start of the cached page order,
without asking the index for every hit), ``read_hits`` (every hit from the
index, on any connection: a worker thread's), ``hits_token`` and
``hits_in_page_order`` (a worker's hits, put in page order on this connection
only if nothing was written since the token).

Why: a two-character term that is in half of a million articles has a doclist
of half a million entries; reading it from the index costs ~0.1-0.2 s on this
machine, the list's first screenful costs a few ms.  Frequent terms are found
early in page order (55 % of articles hold 发展: the first 256 hits are among
the first ~500 articles), so ``first_hits`` reads a bounded start of the page
order (``SCAN_LIMIT`` articles, ``SCAN_SECONDS``); a rarer term lists the hits
found there, maybe none, and the rest arrive with the count.  Rare terms are
not always cheap for the index either: a phrase of bigrams reads the doclist of
each bigram, and one of them may be in half of the archive (产业发展 holds 发展).

Matching is the index's own rule (``textindex``): every run of letters/digits/
CJK of the query is a substring of the lower-cased title or body.  The list
checks that the first rows equal the start of the whole answer when it arrives.
"""

from __future__ import annotations

import sqlite3
import time
from typing import TYPE_CHECKING

from sqlite_utils import Database

from desktop.store import id_arrays, page_order, search
from desktop.store.textindex import runs

if TYPE_CHECKING:
    import numpy as np

# Below this many articles the index answers a whole search at once about as fast as the first
# hits are found (100k articles: 发展, 61k hits, ~40 ms whole; ~45 ms for the first 256 found by
# reading articles), so the two steps start at a larger archive.
LAZY_FROM = 200_000
SCAN_LIMIT = 4096  # articles read at most for the first hits
SCAN_SECONDS = 0.025  # ... and time spent on them (checked between chunks)
_CHUNK = 500


def _matching(db: Database, ids: list[int], parts: list[str]) -> set[int]:
    found: set[int] = set()
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        cur = db.conn.execute(f"SELECT id, title, body FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
        for aid, title, body in cur:
            t, b = (title or "").lower(), (body or "").lower()
            if all(p in t or p in b for p in parts):
                found.add(aid)
    return found


def first_hits(db: Database, query: str, limit: int, descending: bool = False) -> tuple[list[int], bool] | None:
    """(the first hits of ``query`` in page order, True if that is every hit), or None when the
    index cannot answer the query, the page order is not in memory or the archive is smaller
    than ``LAZY_FROM`` (then the index lists them all at once).

    The articles at the start of the page order are read in growing chunks until ``limit`` hits
    are found, ``SCAN_LIMIT`` articles were read or ``SCAN_SECONDS`` passed: the hits found
    are then the start of the whole answer, maybe fewer than ``limit`` (a rare term: its first
    hit may be far; the worker's read of the index lists it a moment later).
    """
    parts = list(dict.fromkeys(runs(query)))
    if not parts or search.match_expression(query) is None or not page_order.cached(db):
        return None
    order = page_order.page_order(db)
    if order is None or len(order) < LAZY_FROM:
        return None
    if descending:
        order = order[::-1]
    found: list[int] = []
    start, step = 0, max(64, limit * 2)
    deadline = time.perf_counter() + SCAN_SECONDS
    while start < len(order):
        if start >= SCAN_LIMIT or time.perf_counter() > deadline:
            return found, False
        chunk = order[start : min(start + step, SCAN_LIMIT)].tolist()
        hits = _matching(db, chunk, parts)
        found.extend(a for a in chunk if a in hits)
        if len(found) >= limit:
            return found[:limit], False
        start += len(chunk)
        step *= 2
    return found, True


def hits_token(db: Database) -> tuple[int, ...] | None:
    """What must not change between a worker's ``read_hits`` and ``hits_in_page_order``: every
    write of this connection (``total_changes``) and every commit of another (``data_version``)."""
    state = page_order.order_state(db)
    if state is None:
        return None
    return (db.conn.total_changes, *state)


def read_hits(conn: sqlite3.Connection, query: str) -> np.ndarray:
    """Every id the index lists for ``query`` (ascending), read on ``conn``."""
    expr = search.match_expression(query)
    if expr is None:
        return id_arrays.empty()
    return id_arrays.read_ids(conn, "SELECT rowid AS nd_id FROM article_fts WHERE article_fts MATCH ?", [expr])


def hits_in_page_order(db: Database, token: tuple[int, ...] | None, hits: np.ndarray, descending: bool = False) -> np.ndarray | None:
    """``hits`` (from ``read_hits`` after ``hits_token`` gave ``token``) that are articles, in page
    order; None if anything was written since the token (search again) or the order is not cached."""
    if token is None or hits_token(db) != token or not page_order.cached(db):
        return None
    ordered = page_order.in_page_order(db, hits)
    if ordered is None:
        return None
    return ordered[::-1].copy() if descending else ordered
