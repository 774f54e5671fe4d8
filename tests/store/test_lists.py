"""List queries and filters (combined), neighbours, label counts, and the export record stream."""

from __future__ import annotations

from store_helpers import add

from desktop.store.records import ArticleFilter
from desktop.store.store import Store

RECORD_KEYS = {
    "id", "page", "position", "title", "kicker", "subtitle", "byline", "authors", "source", "dateline",
    "dateline_iso", "continued_from", "continued_to", "sections", "captions", "body", "spans", "flags", "tags",
    "status", "reviewer", "reviewed_at",
}


def test_order_and_sorts(store: Store) -> None:
    add(store, "b.txt", "hb", "b")
    add(store, "a.txt", "ha", "a")
    ids = store.article_ids()
    rows = store.article_rows(ids)
    assert [(rows[i].page, rows[i].position) for i in ids] == [("a.txt", 0), ("a.txt", 1), ("a.txt", 2), ("b.txt", 0), ("b.txt", 1), ("b.txt", 2)]
    assert store.article_ids(descending=True) == ids[::-1]
    by_spans = store.article_ids(sort="n_spans")
    assert [rows[i].n_spans for i in by_spans] == sorted(rows[i].n_spans for i in ids)
    by_title = store.article_ids(sort="title")
    assert [rows[i].title for i in by_title] == sorted(rows[i].title for i in ids)
    assert store.article_ids(sort="id") == sorted(ids)
    assert set(store.article_rows(ids[:2] + [99999])) == set(ids[:2])


def test_filters_combined(filled: Store) -> None:
    ids = filled.article_ids()
    p1a, p1b, p1c, p2a, p2b, p2c = ids
    filled.set_status(p1a, "reviewed")
    filled.set_status(p2a, "reviewed")
    filled.set_status(p2b, "in_review")
    filled.set_tags(p1a, ["经济", "成都"])
    filled.set_tags(p2a, ["经济"])
    filled.set_tags(p2b, ["经济", "成都"])
    F = ArticleFilter
    assert filled.article_ids(F(statuses=("reviewed",))) == [p1a, p2a]
    assert filled.article_ids(F(statuses=("reviewed", "in_review"))) == [p1a, p2a, p2b]
    assert filled.article_ids(F(tags=("经济",))) == [p1a, p2a, p2b]
    assert filled.article_ids(F(tags=("经济", "成都"))) == [p1a, p2b]
    assert filled.article_ids(F(labels=("LOC",))) == [p1b, p1c, p2b, p2c]
    assert filled.article_ids(F(labels=("LOC", "ORG"))) == [p1b, p2b]
    assert filled.article_ids(F(pages=("p2.txt",))) == [p2a, p2b, p2c]
    assert filled.article_ids(F(query="数据")) == [p1b, p1c, p2b, p2c]
    combo = F(statuses=("reviewed", "in_review"), tags=("成都",), labels=("ORG",), pages=("p2.txt",), query="数据")
    assert filled.article_ids(combo) == [p2b]
    assert filled.count_articles(combo) == 1
    assert filled.count_articles(F(statuses=("rejected",))) == 0
    assert filled.label_counts(F(pages=("p2.txt",))) == {"DATE": 1, "LOC": 2, "MONEY": 1, "ORG": 2, "PER": 1}
    assert filled.label_counts()["LOC"] == 4


def test_neighbours(filled: Store) -> None:
    ids = filled.article_ids()
    assert filled.neighbour_id(ids[0], +1) == ids[1]
    assert filled.neighbour_id(ids[3], -1) == ids[2]
    assert filled.neighbour_id(ids[-1], +1) is None
    assert filled.neighbour_id(ids[0], -1) is None
    filled.set_status(ids[1], "reviewed")
    filled.set_status(ids[2], "rejected")
    assert filled.neighbour_id(ids[0], +1, unreviewed_only=True) == ids[3]
    loc = ArticleFilter(labels=("LOC",))
    assert filled.neighbour_id(ids[0], +1, loc) == ids[1]  # the current article need not match
    assert filled.neighbour_id(ids[2], +1, loc) == ids[4]


def test_iter_records_shape_and_span_text(filled: Store) -> None:
    ids = filled.article_ids()
    filled.set_status(ids[0], "reviewed")
    filled.set_tags(ids[0], ["经济"])
    records = list(filled.iter_records())
    assert [r["id"] for r in records] == ids
    first = records[0]
    assert set(first) == RECORD_KEYS
    assert first["page"] == "p1.txt" and first["position"] == 0
    assert first["authors"] == [{"name": "李鹏飞", "role": "记者"}]
    assert first["tags"] == ["经济"] and first["status"] == "reviewed" and first["reviewer"] == "alice"
    assert first["flags"] == ["truncated"] and first["captions"] == ["图片说明"]
    assert set(first["spans"][0]) == {"start", "end", "label", "text", "value", "origin", "confidence", "suggested"}
    for r in records:
        for s in r["spans"]:
            assert s["text"] == r["body"][s["start"] : s["end"]]
        assert [s["start"] for s in r["spans"]] == sorted(s["start"] for s in r["spans"])
    money = [s for r in records for s in r["spans"] if s["label"] == "MONEY"]
    assert money[0]["value"] == 47_300_000_000
    assert [r["id"] for r in filled.iter_records(ArticleFilter(statuses=("reviewed",)))] == [ids[0]]


def test_iter_records_streams_in_batches(store: Store) -> None:
    for i in range(200):
        add(store, f"s{i:03d}.txt", f"hs{i}", str(i))
    it = store.iter_records()
    first = next(it)
    assert first["page"] == "s000.txt"
    store.set_field(first["id"], "title", "改了")  # writing while an export streams is fine
    rest = list(it)
    assert len(rest) == 599
    assert all(s["text"] == r["body"][s["start"] : s["end"]] for r in rest for s in r["spans"])
