"""Fixing a page on the seed pages: moving paragraphs between articles, captions, text
that is not an article, articles made from page blocks — the text of every span after,
the refusals, the events and exact snapshot restores."""

from __future__ import annotations

from itertools import pairwise

import pytest

from desktop.pipeline.model import BLOCK_KINDS
from desktop.pipeline.page_fixes import block_article, block_body, paragraph_bounds
from desktop.store.errors import StoreError
from desktop.store.store import Store


# --- helpers -------------------------------------------------------------------------
def _page_articles(store: Store, page_id: int) -> list:
    return [store.get_article(a["id"]) for a in store.snapshot_articles(page_id)["articles"]]


def _check_page(store: Store, page_id: int) -> None:
    snap = store.snapshot_articles(page_id)
    assert [a["position"] for a in snap["articles"]] == list(range(len(snap["articles"])))
    for a in _page_articles(store, page_id):
        last = 0
        for s in a.spans:
            assert s.text == a.body[s.start : s.end]
            assert last <= s.start < s.end <= len(a.body)
            last = s.end
        assert store.article_rows([a.id])[a.id].n_spans == len(a.spans)
    for b in snap["blocks"]:
        assert b["text"] == store.page_text(page_id)[b["start"] : b["end"]] or b["kind"] != "not_article"


def _paragraphs(body: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for para in body.split("\n"):
        out.append((start, start + len(para)))
        start += len(para) + 1
    return out


def _pair(store: Store):
    """Two adjacent articles of a page, the first with several paragraphs and spans in its last one."""
    for page in store.pages():
        for a, b in pairwise(_page_articles(store, page.id)):
            paras = _paragraphs(a.body)
            if len(paras) >= 3 and any(s.start >= paras[-1][0] for s in a.spans) and len(b.body.split("\n")) >= 3:
                return a, b
    raise AssertionError("no suitable seed articles")


def _spans_in(record, start: int, end: int) -> list:
    return [s for s in record.spans if s.start >= start and s.end <= end]


# --- the pure helpers ------------------------------------------------------------------
def test_paragraph_bounds() -> None:
    body = "甲乙\n丙丁戊\n己"
    assert paragraph_bounds(body, 0, 0) == (0, 2)
    assert paragraph_bounds(body, 2, 2) == (0, 2)  # a caret at the end of a paragraph
    assert paragraph_bounds(body, 4, 4) == (3, 6)
    assert paragraph_bounds(body, 1, 4) == (0, 6)
    assert paragraph_bounds(body, 3, 7) == (3, 6)  # a selection ending with the line break
    assert paragraph_bounds(body, 7, 8) == (7, 8)
    assert paragraph_bounds(body, 8, 8) == (7, 8)
    with pytest.raises(ValueError):
        paragraph_bounds(body, 3, 2)
    with pytest.raises(ValueError):
        paragraph_bounds(body, 0, 9)


def test_block_article_spans_lie_in_the_body() -> None:
    page = "## 标题\n\n北京市人民政府2024年3月1日发布通知，\n要求各区落实。\n"
    block = {"kind": "noise", "text": "", "start": page.index("北"), "end": len(page) - 1}
    body, spans = block_article(page, block)
    assert body == block_body(page, block) and body.startswith("北京市")
    assert spans and all(0 <= s["start"] < s["end"] <= len(body) for s in spans)
    assert {"start", "end", "label", "value"} <= set(spans[0])
    assert "not_article" in BLOCK_KINDS


# --- move ------------------------------------------------------------------------------
def test_move_last_paragraphs_to_the_next_article(seeded: Store) -> None:
    a, b = _pair(seeded)
    snap = seeded.snapshot_articles(a.page_id)
    paras = _paragraphs(a.body)
    start, end = paras[-2][0] + 1, paras[-1][1]  # a selection from inside the paragraph before the last
    ps = paras[-2][0]
    moved_text = a.body[ps:]
    moved = _spans_in(a, ps, len(a.body))
    assert moved
    ch = seeded.move_paragraphs(a.id, start, end, b.id)
    assert ch.article_ids == {a.id, b.id}
    a2, b2 = seeded.get_article(a.id), seeded.get_article(b.id)
    assert a2.body == a.body[: ps - 1]
    assert b2.body == moved_text + "\n" + b.body  # b comes after a: the text goes first
    by_id = {s.id: s for s in b2.spans}
    for s in moved:  # same ids, same text, offsets shifted
        assert by_id[s.id].text == s.text and by_id[s.id].start == s.start - ps
    for s in b.spans:
        assert by_id[s.id].start == s.start + len(moved_text) + 1
    assert {s.id for s in a2.spans} | {s.id for s in b2.spans} == {s.id for s in a.spans} | {s.id for s in b.spans}
    _check_page(seeded, a.page_id)
    # segments followed the text: each article rebuilds its own body from the page
    assert seeded.original_body(a.id) == a2.body and seeded.original_body(b.id) == b2.body
    assert b.id in seeded.search(moved_text[:6])
    ev = seeded.events(a.id, limit=1)[0]
    assert ev.action == "move_paragraphs" and ev.editor == "alice"
    assert ev.after["target"] == b.id and sorted(ev.after["moved_spans"]) == sorted(s.id for s in moved)
    assert ev.before["source"]["body"] == a.body
    seeded.restore_articles(snap)
    assert seeded.snapshot_articles(a.page_id) == snap


def test_move_first_paragraph_to_the_previous_article(seeded: Store) -> None:
    a, b = _pair(seeded)
    first = _paragraphs(b.body)[0]
    moved = _spans_in(b, *first)
    seeded.move_paragraphs(b.id, 0, 0, a.id)  # the caret at the start picks the first paragraph
    a2, b2 = seeded.get_article(a.id), seeded.get_article(b.id)
    assert a2.body == a.body + "\n" + b.body[: first[1]]  # a comes first: appended at its end
    assert b2.body == b.body[first[1] + 1 :]
    shift = len(a.body) + 1
    by_id = {s.id: s for s in a2.spans}
    assert all(by_id[s.id].start == s.start + shift and by_id[s.id].text == s.text for s in moved)
    _check_page(seeded, a.page_id)
    assert seeded.original_body(a.id) == a2.body and seeded.original_body(b.id) == b2.body


def test_move_carries_sections(seeded: Store) -> None:
    record = next(
        seeded.get_article(i) for i in seeded.article_ids()
        if seeded.get_article(i).sections and seeded.get_article(i).position > 0
    )
    section = record.sections[-1]
    previous = _page_articles(seeded, record.page_id)[record.position - 1]
    seeded.move_paragraphs(record.id, section["start"], len(record.body), previous.id)
    moved = seeded.get_article(previous.id)
    shift = len(previous.body) + 1
    assert moved.sections[-1]["title"] == section["title"]
    assert moved.sections[-1]["start"] == shift  # the moved text begins with the sub-head
    assert moved.body[moved.sections[-1]["start"] : moved.sections[-1]["end"]] == section["title"]
    assert all(s["start"] < section["start"] for s in seeded.get_article(record.id).sections)
    _check_page(seeded, record.page_id)


def test_move_refusals_leave_the_page_alone(seeded: Store) -> None:
    a, b = _pair(seeded)
    snap = seeded.snapshot_articles(a.page_id)
    other_page = next(p for p in seeded.pages() if p.id != a.page_id)
    stranger = seeded.snapshot_articles(other_page.id)["articles"][0]["id"]
    for args, words in [
        ((a.id, 0, len(a.body), b.id), "merge"),
        ((a.id, 0, 1, a.id), "another article"),
        ((a.id, 0, 1, stranger), "same page"),
        ((a.id, 5, 2, b.id), "range"),
        ((a.id, 0, len(a.body) + 4, b.id), "range"),
    ]:
        with pytest.raises(StoreError, match=words):
            seeded.move_paragraphs(*args)
    assert seeded.snapshot_articles(a.page_id) == snap


def test_a_span_across_the_paragraph_edge_refuses(seeded: Store) -> None:
    a, b = _pair(seeded)
    paras = _paragraphs(a.body)
    edge = paras[1][0] - 1  # the line break before the second paragraph
    for s in [s for s in a.spans if s.start <= edge + 2 and s.end >= edge - 1]:
        seeded.remove_span(s.id)
    seeded.add_span(a.id, edge - 1, edge + 2, "ORG")
    snap = seeded.snapshot_articles(a.page_id)
    with pytest.raises(StoreError, match="crosses"):
        seeded.move_paragraphs(a.id, paras[1][0], paras[1][0], b.id)
    with pytest.raises(StoreError, match="crosses"):
        seeded.mark_not_article(a.id, 0, 0, drop_checked=True)
    assert seeded.snapshot_articles(a.page_id) == snap


# --- caption ---------------------------------------------------------------------------
def _paragraph_with_spans(store: Store):
    for i in store.article_ids():
        a = store.get_article(i)
        paras = _paragraphs(a.body)
        for k, (start, end) in enumerate(paras):
            if k and len(paras) > 2 and _spans_in(a, start, end):
                return a, k, start, end
    raise AssertionError("no paragraph with spans")


def test_mark_caption_removes_machine_spans(seeded_project: Store) -> None:
    store = seeded_project
    a, _k, start, end = _paragraph_with_spans(store)
    snap = store.snapshot_articles(a.page_id)
    inside = _spans_in(a, start, end)
    assert inside and all(s.origin == "auto" for s in inside)
    line = a.body[start:end]
    store.mark_caption(a.id, start + 1, end - 1)
    r = store.get_article(a.id)
    assert r.captions == a.captions + [line.strip()]
    assert r.body == a.body[: start] + a.body[end + 1 :]
    assert {s.id for s in r.spans} == {s.id for s in a.spans} - {s.id for s in inside}
    _check_page(store, a.page_id)
    roles = {(s["start"], s["end"]): s["role"] for s in r.segments}
    assert "caption" in roles.values()
    assert store.original_body(a.id) == r.body  # the caption segment is left out of the rebuilt body
    ev = store.events(a.id, limit=1)[0]
    assert ev.action == "mark_caption" and sorted(ev.after["removed_spans"]) == sorted(s.id for s in inside)
    assert {s["id"] for s in ev.before["removed_spans"]} == {s.id for s in inside}
    store.restore_articles(snap)
    assert store.snapshot_articles(a.page_id) == snap


def test_mark_caption_refuses_checked_spans_and_the_whole_body(seeded: Store) -> None:
    a, _k, start, end = _paragraph_with_spans(seeded)
    snap = seeded.snapshot_articles(a.page_id)
    with pytest.raises(StoreError, match="checked spans"):
        seeded.mark_caption(a.id, start, end)
    with pytest.raises(StoreError, match="whole body"):
        seeded.mark_caption(a.id, 0, len(a.body))
    assert seeded.snapshot_articles(a.page_id) == snap


# --- not an article --------------------------------------------------------------------
def test_whole_article_becomes_blocks(seeded: Store) -> None:
    a, b = _pair(seeded)
    snap = seeded.snapshot_articles(a.page_id)
    seeded.set_tags(a.id, ["经济"])
    with pytest.raises(StoreError, match="checked span"):
        seeded.mark_not_article(a.id)
    assert seeded.get_article(a.id).body == a.body
    n = seeded.count_articles()
    ch = seeded.mark_not_article(a.id, drop_checked=True)
    assert "articles" in ch.kinds and a.id in ch.article_ids
    assert a.id not in seeded.article_ids() and seeded.count_articles() == n - 1
    assert seeded.get_article(b.id).position == b.position - 1
    layout = seeded.page_layout(a.page_id)
    text = layout["text"]
    mine = [x for x in layout["blocks"] if x["kind"] == "not_article"]
    assert sorted((x["start"], x["end"]) for x in mine) == sorted((s["start"], s["end"]) for s in a.segments)
    assert all(x["text"] == text[x["start"] : x["end"]] for x in mine)
    assert layout["blocks"] == sorted(layout["blocks"], key=lambda x: x["start"])
    assert a.id not in seeded.search(a.body[:6])
    ev = seeded.events(a.id, limit=1)[0]
    assert ev.action == "mark_not_article" and ev.before["article"]["body"] == a.body
    assert {s["id"] for s in ev.before["spans"]} == {s.id for s in a.spans} == set(ev.after["removed_spans"])
    assert ev.before["tags"] == ["经济"]
    _check_page(seeded, a.page_id)
    seeded.restore_articles(snap)
    assert seeded.snapshot_articles(a.page_id) == snap
    assert a.id in seeded.search(a.body[:6])


def test_paragraphs_become_blocks(seeded_project: Store) -> None:
    store = seeded_project
    a, _k, start, end = _paragraph_with_spans(store)
    snap = store.snapshot_articles(a.page_id)
    blocks_before = snap["blocks"]
    inside = _spans_in(a, start, end)
    store.mark_not_article(a.id, start, end)  # machine spans only: no confirmation needed
    r = store.get_article(a.id)
    assert r.body == a.body[:start] + a.body[end + 1 :]
    assert {s.id for s in r.spans} == {s.id for s in a.spans} - {s.id for s in inside}
    blocks = store.page_layout(a.page_id)["blocks"]
    new = [x for x in blocks if x not in blocks_before]
    assert new and all(x["kind"] == "not_article" for x in new)
    gone = [s for s in a.segments if s not in r.segments]
    assert sorted((s["start"], s["end"]) for s in gone) == sorted((x["start"], x["end"]) for x in new)
    assert store.original_body(a.id) == r.body
    ev = store.events(a.id, limit=1)[0]
    assert ev.action == "mark_not_article" and ev.after["text"] == a.body[start:end]
    assert sorted(ev.after["removed_spans"]) == sorted(s.id for s in inside)
    _check_page(store, a.page_id)
    store.restore_articles(snap)
    assert store.snapshot_articles(a.page_id) == snap


def test_not_article_range_refusals(seeded: Store) -> None:
    a, _k, start, end = _paragraph_with_spans(seeded)
    snap = seeded.snapshot_articles(a.page_id)
    with pytest.raises(StoreError, match="checked span"):
        seeded.mark_not_article(a.id, start, end)
    with pytest.raises(StoreError, match="whole article"):
        seeded.mark_not_article(a.id, 0, len(a.body), drop_checked=True)
    with pytest.raises(StoreError, match="both ends"):
        seeded.mark_not_article(a.id, start)
    assert seeded.snapshot_articles(a.page_id) == snap
    seeded.mark_not_article(a.id, start, end, drop_checked=True)
    ev = seeded.events(a.id, limit=1)[0]
    assert {s["id"] for s in ev.before["removed_spans"]} == {s.id for s in _spans_in(a, start, end)}
    _check_page(seeded, a.page_id)


# --- article from a block ----------------------------------------------------------------
def _page_with_banner(store: Store):
    for page in store.pages():
        layout = store.page_layout(page.id)
        if layout["blocks"]:
            return page.id, layout
    raise AssertionError("no seed page with a block")


def test_make_article_from_a_banner(seeded: Store) -> None:
    page_id, layout = _page_with_banner(seeded)
    snap = seeded.snapshot_articles(page_id)
    block = layout["blocks"][0]
    body, spans = block_article(layout["text"], block)
    spans = spans or [{"start": 0, "end": 2, "label": "LOC", "value": None}]  # a span to carry over either way
    n = seeded.count_articles()
    ch = seeded.make_article(page_id, 0, spans)
    (new_id,) = ch.article_ids
    r = seeded.get_article(new_id)
    assert r.body == body and r.status == "unreviewed" and r.flags == ["title_missing"] and r.title == ""
    assert r.position == 0  # the banner is above every article
    assert [(s.start, s.end, s.label, s.origin) for s in r.spans] == [(s["start"], s["end"], s["label"], "auto") for s in spans]
    assert r.segments == [{"start": block["start"], "end": block["end"], "role": "body"}]
    assert seeded.count_articles() == n + 1
    assert block not in seeded.page_layout(page_id)["blocks"]
    assert new_id in seeded.search(body[:4])
    ev = seeded.events(new_id, limit=1)[0]
    assert ev.action == "make_article" and ev.before["block"] == block
    _check_page(seeded, page_id)
    seeded.restore_articles(snap)
    assert seeded.snapshot_articles(page_id) == snap


def test_not_article_and_back(seeded: Store) -> None:
    """An article marked as not an article comes back (as its body text) in its place."""
    a, b = _pair(seeded)
    seeded.mark_not_article(b.id, drop_checked=True)
    layout = seeded.page_layout(b.page_id)
    index = next(i for i, x in enumerate(layout["blocks"]) if x["kind"] == "not_article" and x["start"] == b.segments[-1]["start"])
    body, spans = block_article(layout["text"], layout["blocks"][index])
    ch = seeded.make_article(b.page_id, index, spans)
    (new_id,) = ch.article_ids
    assert seeded.get_article(new_id).body == body
    assert seeded.get_article(new_id).position == b.position  # placed by page offset
    assert seeded.get_article(a.id).position == a.position
    _check_page(seeded, b.page_id)


def test_make_article_refusals(seeded: Store) -> None:
    page_id, layout = _page_with_banner(seeded)
    snap = seeded.snapshot_articles(page_id)
    body = block_body(layout["text"], layout["blocks"][0])
    for spans, words in [
        ([{"start": 0, "end": len(body) + 1, "label": "LOC"}], "outside"),
        ([{"start": 0, "end": 3, "label": "LOC"}, {"start": 2, "end": 4, "label": "ORG"}], "overlap"),
        ([{"start": 0, "end": 2, "label": "FOO"}], "unknown label"),
        ([{"start": 0, "end": 2}], "start, end and label"),
    ]:
        with pytest.raises(StoreError, match=words):
            seeded.make_article(page_id, 0, spans)
    with pytest.raises(StoreError, match="no block"):
        seeded.make_article(page_id, len(layout["blocks"]), [])
    assert seeded.snapshot_articles(page_id) == snap


# --- a block to a caption --------------------------------------------------------------------
def test_block_becomes_a_caption_of_an_article(seeded: Store) -> None:
    page_id, layout = _page_with_banner(seeded)
    snap = seeded.snapshot_articles(page_id)
    block = layout["blocks"][0]
    article = seeded.get_article(layout["articles"][0]["id"])
    lines = [x.strip() for x in block_body(layout["text"], block).split("\n") if x.strip()]
    ch = seeded.block_to_caption(page_id, 0, article.id)
    assert ch.article_ids == {article.id}
    after = seeded.get_article(article.id)
    assert after.captions == article.captions + lines and after.body == article.body
    assert {"start": block["start"], "end": block["end"], "role": "caption"} in after.segments
    layout_after = seeded.page_layout(page_id)
    assert block not in layout_after["blocks"]
    # the page view's band for the block is now the article's
    bands = next(a for a in layout_after["articles"] if a["id"] == article.id)["segments"]
    assert any(s["start"] == block["start"] for s in bands)
    ev = seeded.events(article.id, limit=1)[0]
    assert ev.action == "block_to_caption" and ev.before["block"] == block
    # a page-level edit: the history can revert it, and the snapshot restores it exactly
    seeded.revert_article(article.id, ev.id - 1 if ev.id > 1 else 0)
    assert seeded.snapshot_articles(page_id) == snap


def test_block_to_caption_refusals(seeded: Store) -> None:
    page_id, layout = _page_with_banner(seeded)
    other_page = next(p.id for p in seeded.pages() if p.id != page_id)
    foreign = seeded.page_layout(other_page)["articles"][0]["id"]
    with pytest.raises(StoreError, match="own page"):
        seeded.block_to_caption(page_id, 0, foreign)
    with pytest.raises(StoreError, match="no block"):
        seeded.block_to_caption(page_id, len(layout["blocks"]), layout["articles"][0]["id"])
