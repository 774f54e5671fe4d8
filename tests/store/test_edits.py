"""Every edit method: its effect, its Changes, and its event row with before/after."""

from __future__ import annotations

import pytest
from store_helpers import BODY_A

from desktop.store.errors import NotFoundError, OverlapError, StoreError
from desktop.store.store import UNSET, Store


def _aid(store: Store) -> int:
    return store.article_ids()[0]


def _last_event(store: Store, aid: int | None):
    return store.events(aid, limit=1)[0]


def test_set_field_and_event(filled: Store) -> None:
    aid = _aid(filled)
    ch = filled.set_field(aid, "title", "新标题")
    assert ch.article_ids == {aid} and ch.kinds == {"fields"}
    assert filled.get_article(aid).title == "新标题"
    ev = _last_event(filled, aid)
    assert (ev.action, ev.editor, ev.before, ev.after) == ("set_field", "alice", {"title": "青白江区召开水务会议"}, {"title": "新标题"})
    assert ev.at.endswith("Z")
    n = len(filled.events(aid))
    assert filled.set_field(aid, "title", "新标题").kinds == set()  # no-op: no event
    assert len(filled.events(aid)) == n
    filled.set_field(aid, "note", "看一下")
    filled.set_field(aid, "dateline_iso", "")
    rec = filled.get_article(aid)
    assert rec.note == "看一下" and rec.dateline_iso is None
    with pytest.raises(StoreError):
        filled.set_field(aid, "body", "x")
    with pytest.raises(NotFoundError):
        filled.set_field(99999, "title", "x")


def test_set_authors(filled: Store) -> None:
    aid = _aid(filled)
    ch = filled.set_authors(aid, [{"name": "王卉", "role": "通讯员"}, {"name": "沈仁平"}])
    assert ch.kinds == {"fields"}
    assert filled.get_article(aid).authors == [{"name": "王卉", "role": "通讯员"}, {"name": "沈仁平", "role": "作者"}]
    ev = _last_event(filled, aid)
    assert ev.before == {"authors": [{"name": "李鹏飞", "role": "记者"}]}
    with pytest.raises(StoreError, match="role"):
        filled.set_authors(aid, [{"name": "x", "role": "主编"}])


def test_add_span_checks_and_event(filled: Store) -> None:
    aid = _aid(filled)
    start = BODY_A.index("讲话")
    ch = filled.add_span(aid, start, start + 2, "DOC", value={"k": 1})
    assert ch.kinds == {"spans"} and ch.span_id is not None
    rec = filled.get_article(aid)
    new = next(s for s in rec.spans if s.id == ch.span_id)
    assert (new.text, new.origin, new.value) == ("讲话", "human", {"k": 1})
    assert filled.article_rows([aid])[aid].n_spans == 5
    ev = _last_event(filled, aid)
    assert ev.action == "add_span" and ev.before is None and ev.after["id"] == ch.span_id and ev.after["text"] == "讲话"
    org = BODY_A.index("成都市")
    with pytest.raises(OverlapError, match="成都市青白江区水务局"):
        filled.add_span(aid, org + 2, org + 4, "LOC")
    with pytest.raises(StoreError, match="outside"):
        filled.add_span(aid, len(BODY_A) - 1, len(BODY_A) + 1, "LOC")
    with pytest.raises(StoreError, match="outside"):
        filled.add_span(aid, 3, 3, "LOC")
    with pytest.raises(StoreError, match="label"):
        filled.add_span(aid, 0, 1, "THING")
    assert filled.article_rows([aid])[aid].n_spans == 5


def test_remove_and_restore_span_under_its_id(filled: Store) -> None:
    aid = _aid(filled)
    span = filled.get_article(aid).spans[1]
    ch = filled.remove_span(span.id)
    assert ch.span_id == span.id and ch.kinds == {"spans"}
    assert span.id not in {s.id for s in filled.get_article(aid).spans}
    assert filled.article_rows([aid])[aid].n_spans == 3
    ev = _last_event(filled, aid)
    assert ev.action == "remove_span" and ev.before["id"] == span.id and ev.after is None
    back = filled.add_span(aid, span.start, span.end, span.label, value=span.value, origin=span.origin, span_id=span.id)
    assert back.span_id == span.id
    assert filled.get_article(aid).spans[1] == span
    with pytest.raises(StoreError, match="in use"):
        filled.add_span(aid, 0, 2, "LOC", span_id=span.id)


def test_update_span_moves_relabels_and_checks(filled: Store) -> None:
    aid = _aid(filled)
    spans = filled.get_article(aid).spans
    per = next(s for s in spans if s.label == "PER")
    ch = filled.update_span(per.id, end=per.end - 1, label="ORG")
    assert ch.span_id == per.id
    got = next(s for s in filled.get_article(aid).spans if s.id == per.id)
    assert (got.label, got.text, got.value) == ("ORG", "李鹏", None)
    ev = _last_event(filled, aid)
    assert ev.before["label"] == "PER" and ev.after["label"] == "ORG" and ev.after["text"] == "李鹏"
    filled.update_span(per.id, value=5)
    assert next(s for s in filled.get_article(aid).spans if s.id == per.id).value == 5
    filled.update_span(per.id, value=UNSET, needs_check=True)
    got = next(s for s in filled.get_article(aid).spans if s.id == per.id)
    assert got.value == 5 and got.needs_check
    money = next(s for s in spans if s.label == "MONEY")
    with pytest.raises(OverlapError):
        filled.update_span(per.id, end=money.start + 1)
    with pytest.raises(StoreError):
        filled.update_span(per.id, start=-1)
    n = len(filled.events(aid))
    assert filled.update_span(per.id, label="ORG").kinds == set()
    assert len(filled.events(aid)) == n


def test_accept_auto_spans(filled: Store) -> None:
    aid = _aid(filled)
    filled.add_span(aid, BODY_A.index("讲话"), BODY_A.index("讲话") + 2, "DOC")
    ch = filled.accept_auto_spans(aid)
    assert ch.kinds == {"spans"}
    assert {s.origin for s in filled.get_article(aid).spans} == {"human"}
    ev = _last_event(filled, aid)
    assert ev.action == "accept_auto_spans" and len(ev.before["span_ids"]) == 4
    assert filled.accept_auto_spans(aid).kinds == set()


def test_set_status_reviewer(filled: Store) -> None:
    aid = _aid(filled)
    filled.editor = "bob"
    ch = filled.set_status(aid, "reviewed")
    assert ch.kinds == {"status"}
    rec = filled.get_article(aid)
    assert rec.status == "reviewed" and rec.reviewer == "bob" and rec.reviewed_at.endswith("Z")
    assert filled.progress() == (1, 6)
    ev = _last_event(filled, aid)
    assert ev.before["status"] == "unreviewed" and ev.after["reviewer"] == "bob" and ev.editor == "bob"
    filled.set_status(aid, "rejected")
    rec = filled.get_article(aid)
    assert (rec.status, rec.reviewer, rec.reviewed_at) == ("rejected", None, None)
    with pytest.raises(StoreError, match="status"):
        filled.set_status(aid, "done")


def test_tags_and_vocabulary(filled: Store) -> None:
    aid = _aid(filled)
    ch = filled.set_tags(aid, ["经济", "成都"])
    assert ch.kinds == {"tags"}
    assert filled.get_article(aid).tags == ["成都", "经济"]
    assert filled.article_rows([aid])[aid].tags == ["成都", "经济"]
    ch = filled.set_tags(aid, ["经济", "自造标签"])
    assert ch.kinds == {"tags", "vocabulary"}
    assert {"name": "自造标签", "group": "topic"} in filled.tag_vocabulary()
    ev = _last_event(filled, aid)
    assert ev.before == {"tags": ["成都", "经济"]} and ev.after == {"tags": ["经济", "自造标签"]}
    assert filled.add_tag("水利", "topic").kinds == {"vocabulary"}
    assert filled.add_tag("水利").kinds == set()
    assert filled.events(None, limit=1)[0].action == "add_tag"
    assert {"name": "水利", "group": "topic"} in filled.tag_vocabulary()


def test_set_body_keeps_spans_around_the_edit(filled: Store) -> None:
    aid = _aid(filled)
    old = filled.get_article(aid)
    new_body = BODY_A.replace("本报讯 ", "本报讯：").replace("召开会议", "召开了会议").replace("李鹏飞出席并讲话，", "")
    ch = filled.set_body(aid, new_body)
    assert ch.kinds == {"fields", "spans"}
    rec = filled.get_article(aid)
    assert rec.body == new_body
    assert all(s.text == new_body[s.start : s.end] for s in rec.spans)
    by_label = {s.label: s for s in rec.spans}
    assert "PER" not in by_label  # its text was deleted
    assert by_label["ORG"].text == "成都市青白江区水务局" and not by_label["ORG"].needs_check
    assert by_label["MONEY"].text == "473亿元" and by_label["MONEY"].value == 47_300_000_000
    assert filled.article_rows([aid])[aid].n_spans == 3
    ev = _last_event(filled, aid)
    assert ev.before["body"] == BODY_A and len(ev.before["spans"]) == len(old.spans)
    assert ev.after["body"] == new_body


def test_set_body_flags_a_span_the_edit_touches(store: Store) -> None:
    from store_helpers import add

    add(store)
    aid = store.article_ids()[0]
    store.set_body(aid, BODY_A.replace("青白江区", "青白江新区"))
    org = next(s for s in store.get_article(aid).spans if s.label == "ORG")
    assert org.text == "成都市青白江新区水务局" and org.needs_check
