"""Flags a correction resolves are cleared by that correction (issue 14, item 5).

The rule lives in one place (``annotations.flags_after_title``); every write that
sets or moves a title follows it and records the flags before and after in its
event, and an undo that passes the old flags back gets them exactly.
"""

from __future__ import annotations

from desktop.store.annotations import flags_after_title
from desktop.store.store import Store


def _flagged(store: Store, flag: str) -> int:
    return next(i for i in store.article_ids() if flag in store.get_article(i).flags)


def _exported_flags(store: Store, article_id: int) -> list[str]:
    return next(r["flags"] for r in store.iter_records() if r["id"] == article_id)


def test_the_rule():
    assert flags_after_title(["title_missing", "truncated"], "标题") == ["truncated"]
    assert flags_after_title(["title_misplaced"], "标题") == []
    assert flags_after_title(["truncated"], "") == ["title_missing", "truncated"]
    assert flags_after_title(["title_missing"], "  ") == ["title_missing"]


def test_giving_a_title_clears_title_missing_in_record_event_and_export(seeded_project: Store):
    store = seeded_project
    aid = _flagged(store, "title_missing")
    assert "title_missing" in _exported_flags(store, aid)
    store.set_field(aid, "title", "新给的标题")
    assert store.get_article(aid).flags == []
    assert _exported_flags(store, aid) == []
    event = store.events(aid, limit=1)[0]
    assert event.action == "set_field"
    assert event.before == {"title": "", "flags": ["title_missing"]}
    assert event.after == {"title": "新给的标题", "flags": []}
    # the undo path: the old title with the old flags, written as given
    store.set_field(aid, "title", "", ["title_missing"])
    assert store.get_article(aid).flags == ["title_missing"]
    assert store.events(aid, limit=1)[0].after == {"title": "", "flags": ["title_missing"]}


def test_setting_the_title_of_a_misplaced_one_clears_it_and_undo_brings_it_back(seeded_project: Store):
    store = seeded_project
    aid = _flagged(store, "title_misplaced")
    old = store.get_article(aid)
    store.set_field(aid, "title", old.title + "（改）")
    assert "title_misplaced" not in store.get_article(aid).flags
    store.set_field(aid, "title", old.title, old.flags)
    assert store.get_article(aid).flags == old.flags


def test_other_fields_and_truncated_are_left_alone(seeded_project: Store):
    store = seeded_project
    aid = _flagged(store, "truncated")
    store.set_field(aid, "title", "另一个标题")
    assert store.get_article(aid).flags == ["truncated"]
    missing = _flagged(store, "title_missing")
    store.set_field(missing, "kicker", "引题")
    assert store.get_article(missing).flags == ["title_missing"]


def test_promote_and_demote_follow_the_same_rule(seeded_project: Store):
    store = seeded_project
    aid = _flagged(store, "title_missing")
    body = store.get_article(aid).body
    paragraph = next(i for i, p in enumerate(body.split("\n")) if p.strip())
    store.promote_line(aid, paragraph, "title")
    record = store.get_article(aid)
    assert record.title and "title_missing" not in record.flags
    event = store.events(aid, limit=1)[0]
    assert (event.before["flags"], event.after["flags"]) == (["title_missing"], [])
    store.demote_field(aid, "title")
    assert store.get_article(aid).flags == ["title_missing"]
    event = store.events(aid, limit=1)[0]
    assert (event.before["flags"], event.after["flags"]) == ([], ["title_missing"])
