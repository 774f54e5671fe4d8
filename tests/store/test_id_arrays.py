"""Compact id arrays (issue 17): the same ids in the same order as the SQL answer, read in other ways.

``read_ids`` (group_concat parsed by numpy), search hit arrays from the index,
``first_article_ids`` (the first window without the rest), and a page order read
on another connection (a worker's) kept only while nothing changed since.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest
from store_helpers import add
from test_search_order import QUERIES, _pages, _sql_ids

from desktop.store import id_arrays, page_order, search
from desktop.store.records import ArticleFilter
from desktop.store.store import Store


def test_read_ids_keeps_the_order_of_the_query() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", [(i, (i * 7919) % 1009) for i in range(1, 3001)])
    ids = id_arrays.read_ids(conn, "SELECT id AS nd_id FROM t ORDER BY k DESC, id")
    assert ids.dtype == np.int64
    assert ids.tolist() == [r[0] for r in conn.execute("SELECT id FROM t ORDER BY k DESC, id")]
    assert id_arrays.read_ids(conn, "SELECT id AS nd_id FROM t WHERE k < 0").tolist() == []
    assert id_arrays.read_ids(conn, "SELECT id AS nd_id FROM t WHERE id = 7").tolist() == [7]


_PEAK_SCRIPT = """
import sqlite3, sys
from pathlib import Path
from desktop.store import id_arrays

def status(key):
    return next(int(ln.split()[1]) for ln in Path("/proc/self/status").read_text().splitlines() if ln.startswith(key))

conn = sqlite3.connect(":memory:")
conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
conn.executemany("INSERT INTO t VALUES (?)", ((i,) for i in range(1_000_000, 2_000_000)))
id_arrays._np()
Path("/proc/self/clear_refs").write_text("5")  # the peak from here on
before = status("VmRSS")
ids = id_arrays.read_ids(conn, "SELECT id AS nd_id FROM t ORDER BY id")
assert len(ids) == 1_000_000 and ids[0] == 1_000_000 and ids[-1] == 1_999_999
print((status("VmHWM") - before) * 1024)
"""


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="Linux's peak-RSS reset")
def test_read_ids_at_a_million_holds_the_text_at_most_twice() -> None:
    """A million ids are 8 MB of text: read as TEXT, three copies of it were alive at the peak
    (~24 MB above the RSS before the read); read as a blob, SQLite's value and Python's bytes
    (~16 MB)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", _PEAK_SCRIPT], cwd=root, capture_output=True, text=True, check=True)
    text_bytes = 1_000_000 * 8
    assert int(out.stdout.strip()) < 2.3 * text_bytes


def test_keep_in_order_and_positions() -> None:
    order = np.array([5, 3, 9, 1, 7], dtype=np.int64)
    assert id_arrays.keep_in_order(order, np.array([1, 9, 42], dtype=np.int64)).tolist() == [9, 1]
    pos = id_arrays.positions(order)
    assert [int(pos[i]) for i in (5, 3, 9, 1, 7)] == [0, 1, 2, 3, 4] and pos[2] == -1


def test_keep_in_order_copies_the_members_only_when_some_are_negative() -> None:
    ordered = np.array([5, 3, 1, 7, 9], dtype=np.int64)
    assert id_arrays.keep_in_order(ordered, np.array([9, 1, 7], dtype=np.int64)).tolist() == [1, 7, 9]
    assert id_arrays.keep_in_order(ordered, np.array([-1, 3, 11], dtype=np.int64)).tolist() == [3]


def test_search_hits_are_the_index_answer(store: Store) -> None:
    _pages(store, 8)
    for q in QUERIES:
        expr = search.match_expression(q)
        hits = search.matching_ids(store.db, q)
        sql = sorted(r[0] for r in store.db.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH ?", [expr]))
        assert hits.tolist() == sql, q  # ascending, every hit
        assert store.article_id_array(ArticleFilter(query=q)).tolist() == _sql_ids(store, ArticleFilter(query=q))


def test_first_ids_are_the_start_of_the_whole_list(store: Store) -> None:
    _pages(store, 6)
    assert not store.order_cached()  # nothing listed yet
    flts = [ArticleFilter(), ArticleFilter(query="数据"), ArticleFilter(statuses=("unreviewed",))]
    for flt in flts:
        for descending in (False, True):
            whole = _sql_ids(store, flt, descending)
            assert store.first_article_ids(flt, descending=descending, limit=4) == whole[:4]  # SQL with LIMIT
    assert not store.order_cached()  # the first rows did not read the whole order
    store.article_ids()
    assert store.order_cached()
    assert store.first_article_ids(limit=3) == _sql_ids(store)[:3]  # from the cached order
    assert store.first_article_ids(descending=True, limit=3) == _sql_ids(store, descending=True)[:3]


def test_an_order_read_elsewhere_is_kept_only_if_nothing_changed(store: Store) -> None:
    _pages(store, 5)
    read = store.order_reader()  # the token is taken now; the read runs on its own connection
    token, ids = read()
    assert ids.tolist() == _sql_ids(store)
    assert store.adopt_order(token, ids)
    assert store.order_cached() and store.article_ids() == _sql_ids(store)

    read = store.order_reader()
    token, ids = read()
    add(store, "p00a.txt", "new", "新")  # an import after the token: the order read is stale
    assert not store.adopt_order(token, ids)
    assert store.article_ids() == _sql_ids(store)

    read = store.order_reader()
    other = sqlite3.connect(str(store.path))  # another program's commit after the token
    with other:
        other.execute("UPDATE pages SET source_name = 'zzz.txt' WHERE id = (SELECT min(id) FROM pages)")
    other.close()
    token, ids = read()
    assert not store.adopt_order(token, ids)
    assert store.article_ids() == _sql_ids(store)

    first = store.article_ids()[0]
    read = store.order_reader()
    token, ids = read()
    store.set_field(first, "note", "只改备注")  # a write that moves nothing: the order is still right
    assert store.adopt_order(token, ids)
    assert page_order.page_order(store.db).tolist() == _sql_ids(store)


def test_export_ids_and_records_stream_by_batches(store: Store, monkeypatch) -> None:
    from desktop.store import export_records

    _pages(store, 6)
    monkeypatch.setattr(export_records, "BATCH", 4)
    sizes: list[int] = []
    real = export_records._records_batch
    monkeypatch.setattr(export_records, "_records_batch", lambda db, ids: sizes.append(len(ids)) or real(db, ids))
    records = list(store.iter_records())
    assert [r["id"] for r in records] == _sql_ids(store)
    assert max(sizes) <= 4 and sum(sizes) == len(records)  # never more than a batch of rows at once
    assert store.export_ids(ArticleFilter(query="数据")).tolist() == _sql_ids(store, ArticleFilter(query="数据"))
