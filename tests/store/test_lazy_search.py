"""A plain text search in two steps (issue 17): its first hits at once, every hit from a worker.

The first hits must be exactly the start of the whole answer (the SQL answer in
page order), for every kind of query the index takes (one character, two,
several runs, upper case, none found); hits read on another connection are
kept only while nothing was written since their token.
"""

from __future__ import annotations

import sqlite3

import pytest
from store_helpers import add
from test_search_order import QUERIES, _pages, _sql_ids

from desktop.store import lazy_search
from desktop.store.records import ArticleFilter
from desktop.store.store import Store


@pytest.fixture(autouse=True)
def _two_steps_at_any_size(monkeypatch):
    monkeypatch.setattr(lazy_search, "LAZY_FROM", 0)  # (the app takes two steps from 200,000 articles)


def _whole(store: Store, q: str, descending: bool = False) -> list[int]:
    return _sql_ids(store, ArticleFilter(query=q), descending)


def test_first_hits_are_the_start_of_the_whole_answer(store: Store) -> None:
    _pages(store, 10)
    add(store, "p99.txt", "hq", "QX")  # an upper-case run: found by its lower case
    assert store.first_search_ids("数据", 2) is None  # no page order in memory yet: list at once
    store.article_ids()
    for q in (*QUERIES, "qx", "Qx 数据"):
        for descending in (False, True):
            whole = _whole(store, q, descending)
            for limit in (1, 2, 5, 1000):
                got = store.first_search_ids(q, limit, descending=descending)
                assert got is not None, (q, limit)
                ids, every = got
                assert ids == whole[:limit], (q, limit, descending)
                assert every == (len(whole) < limit), (q, limit)  # all of them: no worker needed
    assert store.first_search_ids("《》", 3) is None  # punctuation only: the SQL scan answers
    lazy_search.LAZY_FROM = len(store.article_ids()) + 1
    assert store.first_search_ids("数据", 3) is None  # a small archive: the index answers at once


def test_a_rare_term_lists_what_the_first_articles_hold(store: Store, monkeypatch) -> None:
    _pages(store, 10)  # 30 articles
    store.article_ids()
    monkeypatch.setattr(lazy_search, "SCAN_LIMIT", 4)
    assert store.first_search_ids("水务会议9", 1) == ([], False)  # not among the first 4 articles: none yet
    got = store.first_search_ids("数据", 1)  # a frequent term is found in the first chunk
    assert got == (_whole(store, "数据")[:1], False)
    order = store.article_ids()
    for q in QUERIES:  # whatever is listed first is the start of the whole answer
        ids, every = store.first_search_ids(q, 1000)
        assert not every and ids == [a for a in order[:4] if a in set(_whole(store, q))]
    monkeypatch.setattr(lazy_search, "SCAN_LIMIT", 4096)
    monkeypatch.setattr(lazy_search, "SCAN_SECONDS", 0.0)  # out of time before the first chunk
    assert store.first_search_ids("数据", 5) == ([], False)


def test_hits_read_elsewhere_are_kept_only_if_nothing_was_written(store: Store) -> None:
    _pages(store, 6)
    store.article_ids()
    read = store.search_reader("数据")
    token, hits = read()
    assert store.search_in_page_order(token, hits).tolist() == _whole(store, "数据")
    assert store.search_in_page_order(token, hits, descending=True).tolist() == _whole(store, "数据", True)

    read = store.search_reader("数据")
    token, hits = read()
    aid = _whole(store, "数据")[0]
    body = store.get_article(aid).body
    store.set_body(aid, body.replace("数据", "资料"))
    assert store.search_in_page_order(token, hits) is None  # a write of this connection since the token

    read = store.search_reader("数据")
    other = sqlite3.connect(str(store.path))  # another program's commit after the token
    with other:
        other.execute("UPDATE articles SET note = 'y' WHERE id = ?", [aid])
    other.close()
    token, hits = read()
    assert store.search_in_page_order(token, hits) is None
    store.article_ids()  # (the order is read again after another program's commit)
    token, hits = store.search_reader("数据")()
    assert store.search_in_page_order(token, hits).tolist() == _whole(store, "数据")
