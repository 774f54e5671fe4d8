"""Compact arrays of article ids: read from SQL in one C-level pass, ordered and looked up with numpy.

Owns: ``read_ids`` (the ids a query yields, in its order, as an ``int64``
array), ``positions`` (id -> index in an ordered array), ``keep_in_order``
(the members of a hit set, in the order of an ordered array) and ``as_array``.

Why: at a million articles a Python list of ids holds 36 MB (a pointer and an
int object per id), a dict from id to position ~100 MB, a set of half the
archive ~40 MB; the same as numpy arrays take 8 MB, 4 MB and a 1 MB mask.
Reading the ids through ``group_concat`` builds one string inside SQLite (the
GIL is released while it steps) that numpy parses in C, 2-3x faster than a
Python loop over a million rows (measured in bench/bench_app.py's notes).

numpy is imported on first use, not when this module is imported: the app's
first frame and first article do not wait for it (~0.3 s on a loaded core).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np


def _np() -> Any:
    import numpy

    return numpy


def empty() -> np.ndarray:
    return _np().zeros(0, dtype=_np().int64)


def as_array(ids: Iterable[int] | Sequence[int]) -> np.ndarray:
    """Any collection of ids as an ``int64`` array (order kept)."""
    np = _np()
    if isinstance(ids, np.ndarray):
        return ids.astype(np.int64, copy=False)
    if not isinstance(ids, (list, tuple)):
        ids = list(ids)
    return np.fromiter(ids, dtype=np.int64, count=len(ids))


def read_ids(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> np.ndarray:
    """The integers ``sql`` yields in its one column, which it names ``nd_id``, in its order.

    The query runs as a subquery of ``group_concat``: SQLite does not flatten a
    subquery with ORDER BY into an aggregate (flattening rule 16), so the rows
    reach ``group_concat`` in the subquery's order.
    """
    np = _np()
    # As a blob: SQLite's value and Python's bytes, which numpy parses as they are.  As TEXT
    # a third copy was alive at the peak (SQLite's NUL-terminated text for the sqlite3 module,
    # most likely): a read of a million ids peaked 22-24 MB above the RSS before it, ~16 now.
    row = conn.execute(f"SELECT CAST(group_concat(nd_id) AS BLOB) FROM ({sql})", params).fetchone()
    text = row[0] if row else None
    if not text:
        return np.zeros(0, dtype=np.int64)
    if len(text) < 64:
        return np.array(bytes(text).split(b","), dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def positions(ordered: np.ndarray) -> np.ndarray:
    """``pos[id]`` = index of ``id`` in ``ordered`` (-1 for ids not in it); int32, max id + 1 long."""
    np = _np()
    size = int(ordered.max()) + 1 if len(ordered) else 0
    pos = np.full(size, -1, dtype=np.int32)
    pos[ordered] = np.arange(len(ordered), dtype=np.int32)
    return pos


def keep_in_order(ordered: np.ndarray, members: np.ndarray) -> np.ndarray:
    """The ids of ``ordered`` that are in ``members`` (any order, may hold ids not in ``ordered``),
    in the order of ``ordered``: a mask indexed by id, one pass, no sort."""
    np = _np()
    if not len(ordered) or not len(members):
        return np.zeros(0, dtype=np.int64)
    size = int(max(ordered.max(), members.max())) + 1
    mask = np.zeros(size, dtype=bool)
    # (ids are never negative but for a caller's odd input: filtered then, a copy of ``members``)
    mask[members if members.min() >= 0 else members[members >= 0]] = True
    return ordered[mask[ordered]]
