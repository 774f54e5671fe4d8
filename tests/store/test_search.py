"""Full-text search: bigram index for 2+ characters, prefix query for 1, kept in sync with edits."""

from __future__ import annotations

import sqlite3

from store_helpers import BODY_A, add

from desktop.store.records import ArticleFilter
from desktop.store.store import Store
from desktop.store.textindex import index_tokens, match_expression


def _ids_with(store: Store, text: str) -> list[int]:
    """Reference answer: plain substring test over title and body."""
    return [
        i for i in store.article_ids()
        if text.lower() in (store.get_article(i).title + "\n" + store.get_article(i).body).lower()
    ]


def test_fts_keeps_cjk_bigrams_whole() -> None:
    c = sqlite3.connect(":memory:")
    c.execute("CREATE VIRTUAL TABLE f USING fts5(x, content='', tokenize='ascii')")
    c.execute("CREATE VIRTUAL TABLE v USING fts5vocab(f, 'row')")
    c.execute("INSERT INTO f (rowid, x) VALUES (1, ?)", (index_tokens("成都市，𠮷祥"),))
    assert {r[0] for r in c.execute("SELECT term FROM v")} == {"成都", "都市", "市", "𠮷", "𠮷祥", "祥"}


def test_token_string_is_the_same_across_pairing_chunks(monkeypatch) -> None:
    """A long body is paired a chunk at a time (bounded memory): no pair is lost or doubled
    at a chunk border."""
    from desktop.store import textindex

    text = "成都市，高新区A1 b2𠮷祥。" * 7
    whole = index_tokens(text)
    for size in (1, 2, 3, 5, 8, 13):
        monkeypatch.setattr(textindex, "_CHUNK", size)
        assert index_tokens(text) == whole
    assert whole.startswith("成都 都市 市 ")  # one chunk (the default is longer than the text)


def test_two_character_query(filled: Store) -> None:
    hits = filled.search("数据")
    assert hits and hits == _ids_with(filled, "数据")
    assert len(hits) == 4  # 数据中心 (B) and 大数据 (C) on both pages


def test_four_character_query_is_an_exact_substring(filled: Store) -> None:
    assert filled.search("成都都市") == _ids_with(filled, "成都都市")
    assert filled.search("成都都市") != []
    assert filled.search("都市成都") == []
    assert filled.search("水务局召") == _ids_with(filled, "水务局召")


def test_phrase_does_not_bridge_punctuation(store: Store) -> None:
    add(store)
    # BODY_A has "会议。李鹏飞": 议李 never occurs as a substring
    assert "议李" not in BODY_A and "议。李" in BODY_A
    assert store.search("议李") == []
    assert store.search("议。李") == [store.article_ids()[0]]  # runs of the query are ANDed


def test_one_character_query(filled: Store) -> None:
    for ch in ("镇", "城", "绵", "速", "元", "圈"):
        assert filled.search(ch) == _ids_with(filled, ch), ch
    assert filled.search("绵") != []


def test_title_is_searched_and_latin_case_folded(store: Store) -> None:
    add(store)
    aid = store.article_ids()[2]
    store.set_field(aid, "title", "AI赋能Newsdesk观察")
    assert store.search("newsdesk") == [aid]
    assert store.search("赋能") == [aid]
    store.set_field(aid, "title", "产业观察")
    assert store.search("赋能") == []


def test_body_edit_updates_the_index(store: Store) -> None:
    add(store)
    aid = store.article_ids()[1]
    assert store.search("绵阳市") == [aid]
    store.set_body(aid, store.get_article(aid).body.replace("绵阳市", "德阳市"))
    assert store.search("绵阳市") == []
    assert store.search("德阳市") == [aid]


def test_rebuild_gives_the_same_answers(filled: Store) -> None:
    before = {q: filled.search(q) for q in ("数据", "成都都市", "元", "李鹏飞")}
    filled.rebuild_search_index()
    assert {q: filled.search(q) for q in before} == before


def test_match_expression_shapes() -> None:
    assert match_expression("成都") == '"成都"'
    assert match_expression("成都市") == '"成都 都市"'
    assert match_expression("镇") == '"镇"*'
    assert match_expression("《》") is None


def test_punctuation_only_query_falls_back_to_scan(store: Store) -> None:
    add(store)
    assert store.count_articles(ArticleFilter(query="，")) == len(_ids_with(store, "，"))
