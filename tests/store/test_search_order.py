"""The unfiltered list and text searches in page order come from a cached order (``page_order``).

Every test compares with the plain SQL answer (``_sql_ids``: join, filter, ORDER BY),
after the kinds of writes that change which articles there are or their order:
the cached order must never be stale.
"""

from __future__ import annotations

import sqlite3

import numpy as np

import pytest
from store_helpers import add

from desktop.store import page_order
from desktop.store.filters import FROM_CLAUSE, order_clause, where_clause
from desktop.store.records import ArticleFilter
from desktop.store.store import Store

QUERIES = ("数据", "成都", "产业发展", "成都 数据", "水务局召", "不存在的词", "召")


def _sql_ids(store: Store, flt: ArticleFilter | None = None, descending: bool = False) -> list[int]:
    where, params = where_clause(flt or ArticleFilter())
    sql = f"SELECT a.id {FROM_CLAUSE} {where} {order_clause('page', descending)}"
    return [r[0] for r in store.db.execute(sql, params)]


def _check(store: Store) -> None:
    for flt in [ArticleFilter()] + [ArticleFilter(query=q) for q in QUERIES]:
        for descending in (False, True):
            assert store.article_ids(flt, descending=descending) == _sql_ids(store, flt, descending), (flt, descending)
    assert store.search("数据", limit=2) == _sql_ids(store, ArticleFilter(query="数据"))[:2]


def _pages(store: Store, n: int) -> None:
    # Names out of insertion order, so page order is not id order.
    for i in range(n):
        add(store, f"p{(i * 5) % n:02d}.txt", f"h{i}", f"{i}")


def test_fast_answers_equal_sql_and_use_the_cache(store: Store) -> None:
    _pages(store, 6)
    assert store.article_ids() != sorted(store.article_ids())  # the order is not the id order
    _check(store)
    order = page_order.page_order(store.db)
    assert order is not None and order is page_order.page_order(store.db)  # read once, then reused
    assert not order.flags.writeable  # shared: callers cannot change it
    ids = store.article_ids()
    ids.append(-1)  # callers get a copy
    assert -1 not in store.article_ids()


def test_few_and_many_hits_take_both_paths(store: Store) -> None:
    _pages(store, 12)  # 36 articles; 召 is in one of three: many; one page's title: few
    many = store.article_ids(ArticleFilter(query="数据"))
    few = store.article_ids(ArticleFilter(query="水务会议11"))
    assert len(many) * 16 >= 36 > len(few) * 16 > 0
    assert many == _sql_ids(store, ArticleFilter(query="数据"))
    assert few == _sql_ids(store, ArticleFilter(query="水务会议11"))


def test_in_page_order_sorts_few_and_many_ids(store: Store) -> None:
    _pages(store, 24)  # 72 articles; page order is not id order
    order = store.article_ids()
    few = [[order[k], order[k + 14]] for k in range(0, 57, 4)]  # 2 ids (+1): sorted by rank
    for chosen in [*few, order[::2], order]:  # 36 and 72 ids: one pass over the order
        wanted = set(chosen) | {10_000}  # an id the index could list without an article
        hits = np.array(sorted(wanted), dtype=np.int64)
        assert page_order.in_page_order(store.db, hits).tolist() == [a for a in order if a in wanted]


def test_order_follows_imports_splits_merges_and_moves(store: Store) -> None:
    _pages(store, 4)
    _check(store)
    add(store, "p00a.txt", "hx", "x")  # a new page sorting between existing ones
    _check(store)
    first = store.article_ids()[0]
    changes = store.split_article(first, 5)  # a new article right after the first
    assert len(changes.article_ids) == 2
    _check(store)
    ids = store.article_ids()
    store.merge_articles(ids[0], ids[1])
    _check(store)
    store.set_body(ids[2], store.get_article(ids[2]).body + "新增数据一段")  # changes the hits, not the order
    _check(store)
    store.set_field(ids[3], "title", "改了标题产业发展")
    _check(store)


def test_a_commit_by_another_connection_is_seen(store: Store) -> None:
    _pages(store, 3)
    _check(store)
    before = store.article_ids()
    other = sqlite3.connect(str(store.path))
    with other:
        other.execute("UPDATE pages SET source_name = 'zz.txt' WHERE id = (SELECT page_id FROM articles WHERE id = ?)", (before[0],))
    other.close()
    after = store.article_ids()
    assert after != before and after[-1] in before[:3]
    _check(store)


def test_rebuilt_table_or_lost_triggers_drop_the_cache(store: Store) -> None:
    _pages(store, 3)
    _check(store)
    conn = store.db.conn
    first = store.article_ids()[0]
    conn.execute("DROP TRIGGER temp.nd_order_articles_upd")  # e.g. a table rebuild dropped it
    with conn:  # a change no trigger counts
        conn.execute("UPDATE articles SET position = 99 WHERE id = ?", (first,))
    assert store.article_ids()[0] != first
    _check(store)


def test_no_cache_inside_a_transaction(store: Store) -> None:
    _pages(store, 2)
    with store.db.atomic():
        assert page_order.page_order(store.db) is None
        ids = store.article_ids(ArticleFilter(query="数据"))  # answered by SQL
    assert ids == store.article_ids(ArticleFilter(query="数据"))


def test_read_only_store(store: Store) -> None:
    _pages(store, 3)
    path = store.path
    expected = _sql_ids(store, ArticleFilter(query="数据"))
    store.close()
    ro = Store.open(path, readonly=True)
    try:
        assert ro.article_ids(ArticleFilter(query="数据")) == expected
        assert ro.article_ids(ArticleFilter(query="数据")) == expected  # cached
        writer = sqlite3.connect(str(path))  # another process writes (moves the first hit last on its page)
        with writer:
            writer.execute("UPDATE articles SET position = position + 10 WHERE id = ?", (expected[0],))
        writer.close()
        assert ro.article_ids(ArticleFilter(query="数据")) == _sql_ids(ro, ArticleFilter(query="数据"))
        assert ro.article_ids(ArticleFilter(query="数据")) != expected
    finally:
        ro.close()


@pytest.mark.parametrize("flt", [
    ArticleFilter(query="数据", statuses=("unreviewed",)),
    ArticleFilter(query="数据", include_superseded=False),
    ArticleFilter(query="《"),
])
def test_other_filters_still_answer_in_sql(filled: Store, flt: ArticleFilter) -> None:
    assert filled.article_ids(flt) == _sql_ids(filled, flt)
