"""Store refusals carry a code and structured data, so an interface can phrase them in the
editor's language without parsing English (issue 14, item 6)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.store.errors import CODES, OverlapError, StoreError
from desktop.store.store import Store

STORE = Path(__file__).resolve().parents[2] / "desktop" / "store"


def test_every_code_raised_in_the_store_is_declared():
    raised = set()
    for path in STORE.glob("*.py"):
        raised |= set(re.findall(r'code="(\w+)"', path.read_text(encoding="utf-8")))
    assert raised and raised <= set(CODES), raised - set(CODES)


def test_an_overlap_says_which_span_it_hits(seeded_project: Store):
    store = seeded_project
    article_id = store.article_ids()[0]
    span = store.get_article(article_id).spans[0]
    with pytest.raises(OverlapError) as caught:
        store.add_span(article_id, span.start, span.end, "PER")
    err = caught.value
    assert err.code == "span_overlap"
    assert err.details["other_label"] == span.label and err.details["other_text"] == span.text
    assert err.details["text"] == span.text and err.details["other_id"] == span.id
    assert str(span.start) in str(err)  # the offsets stay in the developer message (the log)


def test_segmentation_and_block_refusals_are_coded(seeded_project: Store):
    store = seeded_project
    article_id = next(a for a in store.article_ids() if store.get_article(a).body.count("\n") >= 2)
    record = store.get_article(article_id)
    with pytest.raises(StoreError) as caught:
        store.split_article(article_id, 0)
    assert caught.value.code == "split_outside_body"
    # a checked span in the paragraph refuses the caption, naming the span
    first_end = record.body.index("\n")
    inside = next((s for s in record.spans if s.end <= first_end), None)
    if inside is None:
        store.add_span(article_id, 0, 2, "ORG")
        inside = next(s for s in store.get_article(article_id).spans if s.start == 0)
    else:
        store.update_span(inside.id, origin="human")
    with pytest.raises(StoreError) as caught:
        store.mark_caption(article_id, 0, first_end)
    assert caught.value.code == "paragraph_checked_spans"
    assert caught.value.details["text"] == inside.text and caught.value.details["count"] >= 1
    with pytest.raises(StoreError) as caught:
        store.set_status(article_id, "done")
    assert caught.value.code == "unknown_status"
    with pytest.raises(StoreError) as caught:
        store.get_article(10**9)
    assert caught.value.code == "not_found" and caught.value.details == {"kind": "article", "id": 10**9}
