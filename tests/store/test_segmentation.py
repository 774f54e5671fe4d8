"""Segmentation edits on the seed pages: split, merge, promote/demote, original text, snapshots."""

from __future__ import annotations

from itertools import pairwise

import pytest

from desktop.store.errors import StoreError
from desktop.store.store import Store


def _page_articles(store: Store, page_id: int) -> list:
    snap = store.snapshot_articles(page_id)
    return [store.get_article(a["id"]) for a in snap["articles"]]


def _multi_span_article(store: Store):
    """An article with a long body and several spans, on a page with a following article."""
    for page in store.pages():
        arts = _page_articles(store, page.id)
        for a, nxt in pairwise(arts):
            if len(a.spans) >= 3 and "\n" in a.body:
                return a, nxt
    raise AssertionError("no suitable seed article")


def _check_spans(store: Store, page_id: int) -> None:
    for a in _page_articles(store, page_id):
        for s in a.spans:
            assert s.text == a.body[s.start : s.end]
        assert len(a.spans) == store.article_rows([a.id])[a.id].n_spans


def test_seed_bodies_rebuild_from_segments(seeded: Store) -> None:
    for aid in seeded.article_ids():
        assert seeded.original_body(aid) == seeded.get_article(aid).body


def test_split_at_paragraph(seeded: Store) -> None:
    a, nxt = _multi_span_article(seeded)
    offset = a.body.index("\n") + 1
    page_text_before = seeded.page_text(a.page_id)
    ch = seeded.split_article(a.id, offset)
    assert "articles" in ch.kinds and a.id in ch.article_ids and len(ch.article_ids) == 2
    new_id = (ch.article_ids - {a.id}).pop()
    first, second = seeded.get_article(a.id), seeded.get_article(new_id)
    assert first.body == a.body[: offset - 1] and second.body == a.body[offset:]
    assert (second.page_id, second.position) == (a.page_id, a.position + 1)
    assert seeded.get_article(nxt.id).position == nxt.position + 1
    assert {s.id for s in first.spans} | {s.id for s in second.spans} == {s.id for s in a.spans}
    _check_spans(seeded, a.page_id)
    assert seeded.page_text(a.page_id) == page_text_before
    # segments partitioned: each part rebuilds its own text from the page
    assert seeded.original_body(a.id) == first.body and seeded.original_body(new_id) == second.body
    ev = seeded.events(a.id, limit=1)[0]
    assert ev.action == "split_article" and ev.editor == "alice" and ev.before["article"]["body"] == a.body
    assert seeded.search(second.body[:6]) and new_id in seeded.search(second.body[:6])


def test_split_inside_a_span_keeps_it_whole_and_flags_it(seeded: Store) -> None:
    a, _ = _multi_span_article(seeded)
    span = next(s for s in a.spans if s.end - s.start >= 2 and s.end < len(a.body) - 1 and s.start > 0)
    ch = seeded.split_article(a.id, span.start + 1)
    first = seeded.get_article(a.id)
    kept = next(s for s in first.spans if s.id == span.id)
    assert (kept.start, kept.end, kept.text) == (span.start, span.end, span.text) and kept.needs_check
    assert sum(len(seeded.get_article(i).spans) for i in ch.article_ids) == len(a.spans)
    _check_spans(seeded, a.page_id)


def test_split_refuses_the_edges(seeded: Store) -> None:
    a, _ = _multi_span_article(seeded)
    for offset in (0, len(a.body), -3):
        with pytest.raises(StoreError):
            seeded.split_article(a.id, offset)


def test_merge_and_refusals(seeded: Store) -> None:
    a, nxt = _multi_span_article(seeded)
    with pytest.raises(StoreError):
        seeded.merge_articles(nxt.id, a.id)  # wrong order
    other_page = next(p for p in seeded.pages() if p.id != a.page_id)
    other = seeded.snapshot_articles(other_page.id)["articles"][0]["id"]
    with pytest.raises(StoreError):
        seeded.merge_articles(a.id, other)
    seeded.set_tags(nxt.id, ["经济"])
    ch = seeded.merge_articles(a.id, nxt.id)
    assert ch.article_ids == {a.id, nxt.id} and "articles" in ch.kinds
    merged = seeded.get_article(a.id)
    assert merged.body == a.body + "\n" + nxt.body
    assert {s.id for s in merged.spans} == {s.id for s in a.spans} | {s.id for s in nxt.spans}
    assert "经济" in merged.tags
    assert nxt.id not in seeded.article_ids()
    _check_spans(seeded, a.page_id)
    ev = seeded.events(a.id, limit=1)[0]
    assert ev.action == "merge_articles" and ev.before["second"]["title"] == nxt.title


def test_snapshot_restore_is_exact(seeded: Store) -> None:
    a, nxt = _multi_span_article(seeded)
    snap = seeded.snapshot_articles(a.page_id)
    ch = seeded.split_article(a.id, a.body.index("\n") + 1)
    new_id = (ch.article_ids - {a.id}).pop()
    seeded.set_body(new_id, "改" + seeded.get_article(new_id).body)
    seeded.merge_articles(new_id, nxt.id)
    seeded.set_field(a.id, "title", "改过的标题")
    seeded.set_tags(a.id, ["经济"])
    seeded.restore_articles(snap)
    assert seeded.snapshot_articles(a.page_id) == snap
    assert new_id not in seeded.article_ids()
    assert a.id in seeded.search(a.body[:6])
    assert seeded.events(limit=1)[0].action == "restore_articles"
    assert seeded.restore_articles(snap).kinds == set()  # already so: no event


def _free_paragraph(store: Store):
    """An article and the index of a body paragraph that holds no span."""
    for i in store.article_ids():
        a = store.get_article(i)
        start = 0
        for index, para in enumerate(a.body.split("\n")):
            end = start + len(para)
            if para.strip() and "\n" in a.body and all(s.end <= start or s.start >= end for s in a.spans):
                return a, index, start, end
            start = end + 1
    raise AssertionError("no span-free paragraph in the seeds")


def test_promote_and_demote(seeded: Store) -> None:
    a, index, start, end = _free_paragraph(seeded)
    line = a.body[start:end]
    seeded.promote_line(a.id, index, "title")
    r = seeded.get_article(a.id)
    assert r.title == line.strip() and len(r.body) == len(a.body) - len(line) - 1
    assert [s.text for s in r.spans] == [s.text for s in a.spans]
    _check_spans(seeded, a.page_id)
    ev = seeded.events(a.id, limit=1)[0]
    assert ev.action == "promote_line" and ev.before["title"] == a.title
    seeded.demote_field(a.id, "title")
    r2 = seeded.get_article(a.id)
    assert r2.title == "" and r2.body == line.strip() + "\n" + r.body
    assert [s.text for s in r2.spans] == [s.text for s in a.spans]
    _check_spans(seeded, a.page_id)
    with pytest.raises(StoreError):
        seeded.demote_field(a.id, "title")  # empty now
    with pytest.raises(StoreError):
        seeded.promote_line(a.id, 0, "byline")


def test_promote_refuses_a_paragraph_with_human_spans(seeded: Store) -> None:
    a = next(seeded.get_article(i) for i in seeded.article_ids() if seeded.get_article(i).spans)
    s = a.spans[0]
    index = a.body[: s.start].count("\n")
    with pytest.raises(StoreError):
        seeded.promote_line(a.id, index, "title")
    assert seeded.get_article(a.id).body == a.body


def test_restore_original_body_after_ocr_fix(seeded: Store) -> None:
    a, _ = _multi_span_article(seeded)
    fixed = a.body.replace(a.body[2], "X", 1)
    seeded.set_body(a.id, fixed)
    assert seeded.original_body(a.id) == a.body
    seeded.restore_original_body(a.id)
    r = seeded.get_article(a.id)
    assert r.body == a.body and len(r.spans) == len(a.spans)
    _check_spans(seeded, a.page_id)


def test_page_layout_follows_a_split(seeded: Store) -> None:
    a, _ = _multi_span_article(seeded)
    layout = seeded.page_layout(a.page_id)
    assert layout["text"] == seeded.page_text(a.page_id)
    before = {x["id"]: x["segments"] for x in layout["articles"]}
    ch = seeded.split_article(a.id, a.body.index("\n") + 1)
    new_id = (ch.article_ids - {a.id}).pop()
    after = {x["id"]: x["segments"] for x in seeded.page_layout(a.page_id)["articles"]}
    assert sorted(map(str, after[a.id] + after[new_id])) == sorted(map(str, before[a.id]))
    assert after[new_id] and all(s["role"] in ("body", "section") for s in after[new_id])


def test_a_write_looks_its_scope_up_inside_its_own_transaction(seeded: Store, monkeypatch) -> None:
    """The page of an article (or the article of a span) is read under the write lock, in the
    transaction: a worker's write in between cannot make the journal keep the wrong scope."""
    from desktop.store import articles, spans

    seen: list[bool] = []
    page_of, owners = articles.page_of, spans.owners

    def checked_page_of(db, article_id: int) -> int:
        seen.append(seeded.db.conn.in_transaction and seeded._lock._is_owned())
        return page_of(db, article_id)

    def checked_owners(db, span_ids) -> list[int]:
        seen.append(seeded.db.conn.in_transaction and seeded._lock._is_owned())
        return owners(db, span_ids)

    monkeypatch.setattr(articles, "page_of", checked_page_of)
    monkeypatch.setattr(spans, "owners", checked_owners)
    article, _ = _multi_span_article(seeded)
    seeded.update_span(article.spans[0].id, label="ORG")
    seeded.remove_span(article.spans[1].id)
    seeded.split_article(article.id, article.body.index("\n") + 1)
    assert seen and all(seen)
    assert len(seen) == 3
