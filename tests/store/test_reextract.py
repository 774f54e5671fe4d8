"""Store.replace_auto_spans / replace_auto_spans_many: machine spans refreshed, the rest kept."""

from __future__ import annotations

import pytest
from store_helpers import BODY_A, BODY_B, BODY_C

from desktop.store.errors import NotFoundError, StoreError
from desktop.store.store import Store


def _ids(store: Store) -> list[int]:
    return store.article_ids(sort="id")


def _rows(store: Store, article_id: int) -> list[dict]:
    return [s.to_dict() for s in store.get_article(article_id).spans]


def _auto(store: Store, article_id: int) -> list[tuple]:
    return [(s.start, s.end, s.label, s.value) for s in store.get_article(article_id).spans if s.origin == "auto"]


def _at(body: str, text: str, label: str, value: object = None) -> dict:
    start = body.index(text)
    return {"start": start, "end": start + len(text), "label": label, "value": value}


def _n_spans(store: Store, article_id: int) -> int:
    return store.article_rows([article_id])[article_id].n_spans


def test_auto_spans_are_replaced(filled: Store):
    a = _ids(filled)[0]
    new = [_at(BODY_A, "青白江区", "LOC", "510113"), _at(BODY_A, "李鹏飞", "PER")]
    changes = filled.replace_auto_spans(a, new)
    assert changes.article_ids == {a} and changes.kinds == {"spans"}
    assert _auto(filled, a) == [(s["start"], s["end"], s["label"], s["value"]) for s in new]
    assert all(s.text == BODY_A[s.start : s.end] for s in filled.get_article(a).spans)
    assert _n_spans(filled, a) == 2
    assert len(changes.removed[a]) == 4 and [s["label"] for s in changes.added[a]] == ["LOC", "PER"]


def test_human_and_imported_spans_are_untouched_and_overlaps_skipped(filled: Store):
    a = _ids(filled)[0]
    spans = {s.text: s for s in filled.get_article(a).spans}
    filled.update_span(spans["李鹏飞"].id, origin="human", label="PER", value={"note": "checked"})
    filled.update_span(spans["473亿元"].id, origin="imported")
    kept_before = [s for s in _rows(filled, a) if s["origin"] != "auto"]
    new = [
        _at(BODY_A, "李鹏", "PER"),  # inside the human span
        _at(BODY_A, "亿元", "MONEY"),  # inside the imported span
        _at(BODY_A, "2月20日", "DATE", "2023-02-20"),
        _at(BODY_A, "水务局", "ORG"),
    ]
    result = filled.replace_auto_spans(a, new)
    assert result.spans_skipped == 2
    after = _rows(filled, a)
    assert [s for s in after if s["origin"] != "auto"] == kept_before  # same ids, labels, values, origins
    assert [(s["label"], s["text"]) for s in after if s["origin"] == "auto"] == [("DATE", "2月20日"), ("ORG", "水务局")]
    assert _n_spans(filled, a) == len(after) == 4


def test_spans_outside_the_body_bad_labels_and_mutual_overlaps_are_skipped(filled: Store):
    b = _ids(filled)[1]
    new = [
        {"start": -1, "end": 2, "label": "LOC"},
        {"start": 3, "end": len(BODY_B) + 1, "label": "LOC"},
        {"start": 2, "end": 2, "label": "LOC"},
        _at(BODY_B, "绵阳", "XYZ"),
        {**_at(BODY_B, "绵阳", "LOC"), "text": "别的"},  # computed for another body
        _at(BODY_B, "绵阳市", "LOC"),
        _at(BODY_B, "阳市", "LOC"),  # overlaps the previous new span
    ]
    result = filled.replace_auto_spans(b, new)
    assert result.spans_skipped == 6
    assert _auto(filled, b) == [(BODY_B.index("绵阳市"), BODY_B.index("绵阳市") + 3, "LOC", None)]


def test_reviewed_article_is_refused_unless_forced(filled: Store):
    a = _ids(filled)[0]
    filled.set_status(a, "reviewed")
    before, n_events = _rows(filled, a), len(filled.events(a))
    with pytest.raises(StoreError, match="reviewed"):
        filled.replace_auto_spans(a, [_at(BODY_A, "水务局", "ORG")])
    assert _rows(filled, a) == before and len(filled.events(a)) == n_events
    filled.replace_auto_spans(a, [_at(BODY_A, "水务局", "ORG")], force=True)
    assert _auto(filled, a) == [(BODY_A.index("水务局"), BODY_A.index("水务局") + 3, "ORG", None)]


def test_one_reextract_event_with_before_and_after(filled: Store):
    a = _ids(filled)[0]
    old = _rows(filled, a)
    result = filled.replace_auto_spans(a, [_at(BODY_A, "水务局", "ORG")])
    event = filled.events(a)[0]
    assert event.action == "reextract" and event.editor == "alice"
    assert [s["id"] for s in event.before["spans"]] == [s["id"] for s in old]
    assert event.before["spans"] == result.removed[a]
    assert event.after["spans"] == result.added[a] and event.after["spans"][0]["text"] == "水务局"


def test_same_spans_again_change_nothing(filled: Store):
    a = _ids(filled)[0]
    current = [{k: s[k] for k in ("start", "end", "label", "value")} for s in _rows(filled, a)]
    before, n_events = _rows(filled, a), len(filled.events(a))
    result = filled.replace_auto_spans(a, list(reversed(current)))
    assert result.article_ids == set() and result.kinds == set()
    assert _rows(filled, a) == before and len(filled.events(a)) == n_events


def test_putting_the_removed_spans_back_restores_the_same_ids(filled: Store):
    a = _ids(filled)[0]
    before = _rows(filled, a)
    first = filled.replace_auto_spans(a, [_at(BODY_A, "水务局", "ORG")])
    filled.replace_auto_spans(a, first.removed[a], force=True)
    assert _rows(filled, a) == before
    filled.replace_auto_spans(a, first.added[a], force=True)  # redo: the new span under its first id
    assert [(s["id"], s["text"]) for s in _rows(filled, a)] == [(s["id"], s["text"]) for s in first.added[a]]


def test_many_articles_in_one_transaction_one_event_each(filled: Store):
    a, b, c = _ids(filled)[:3]
    n_events = len(filled.events())
    mapping = {
        a: [_at(BODY_A, "水务局", "ORG")],
        b: [_at(BODY_B, "绵阳市", "LOC"), _at(BODY_B, "四川省财政厅", "ORG")],  # what it has already
        c: [_at(BODY_C, "成都", "LOC"), _at(BODY_C, "大数据", "ORG")],
    }
    result = filled.replace_auto_spans_many(mapping)
    assert result.article_ids == {a, c} and result.kinds == {"spans"}
    events = filled.events()[: len(filled.events()) - n_events]
    assert sorted(e.article_id for e in events) == [a, c] and {e.action for e in events} == {"reextract"}
    assert [s[2] for s in _auto(filled, c)] == ["ORG", "LOC"]
    assert _n_spans(filled, c) == 2 and _n_spans(filled, a) == 1


def test_many_is_all_or_nothing(filled: Store):
    a, b = _ids(filled)[:2]
    filled.set_status(b, "reviewed")
    before = {i: _rows(filled, i) for i in (a, b)}
    with pytest.raises(StoreError, match="reviewed"):
        filled.replace_auto_spans_many({a: [_at(BODY_A, "水务局", "ORG")], b: []})
    assert {i: _rows(filled, i) for i in (a, b)} == before  # a's write was rolled back with the refusal


def test_many_leaves_out_gone_signed_off_and_edited_articles(filled: Store):
    a, b, c = _ids(filled)[:3]
    filled.set_status(b, "rejected")
    before_b = _rows(filled, b)
    result = filled.replace_auto_spans_many(
        {a: [], b: [], c: [], 9999: []},
        skip_statuses=("reviewed", "rejected"),
        bodies={a: BODY_A, b: BODY_B, c: "an older body"},
    )
    assert result.article_ids == {a}
    assert sorted(result.articles_skipped) == sorted([b, c, 9999])
    assert _rows(filled, b) == before_b and len(_rows(filled, c)) == 1 and _rows(filled, a) == []


def test_ids_of_a_batch_come_back_after_a_batch_undo(filled: Store):
    ids = _ids(filled)[:3]
    before = {i: _rows(filled, i) for i in ids}
    bodies = filled.article_bodies(ids)
    result = filled.replace_auto_spans_many({i: [{"start": 0, "end": 2, "label": "ORG"}] for i in ids})
    filled.replace_auto_spans_many(result.removed, force=True)
    assert {i: _rows(filled, i) for i in ids} == before
    assert bodies == {ids[0]: BODY_A, ids[1]: BODY_B, ids[2]: BODY_C}


def test_missing_article(filled: Store):
    with pytest.raises(NotFoundError):
        filled.replace_auto_spans(9999, [])
