"""The journal and history revert: an article goes back exactly to any recorded point.

Example tests on the seed project (article-level edits, a split undone through
the page, missing states, no-ops) and a hypothesis property: after any random
sequence of edits, splits, merges and body edits on one page, reverting an
article to a random earlier point gives back exactly the state it had then.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.store.errors import StoreError
from desktop.store.store import Store


def state(store: Store, article_id: int) -> dict[str, Any]:
    """Everything an editor can change about an article, ids of spans included."""
    a = store.get_article(article_id)
    return {
        "fields": (a.title, a.kicker, a.subtitle, a.byline, a.source, a.note, a.status, a.body),
        "authors": a.authors,
        "spans": sorted((s.id, s.start, s.end, s.label, s.origin, s.needs_check, repr(s.value)) for s in a.spans),
        "tags": sorted(a.tags),
    }


def first_article_with_spans(store: Store) -> int:
    for article_id in store.article_ids():
        a = store.get_article(article_id)
        if len(a.spans) >= 3 and "\n" in a.body:
            return article_id
    raise AssertionError("no suitable seed article")


def last_event_id(store: Store) -> int:
    return store.events(limit=1)[0].id


def test_revert_article_level_edits_to_each_point(seeded: Store) -> None:
    aid = first_article_with_spans(seeded)
    points: list[tuple[int, dict]] = [(last_event_id(seeded), state(seeded, aid))]
    a = seeded.get_article(aid)
    steps = [
        lambda: seeded.set_field(aid, "title", "改过的标题"),
        lambda: seeded.remove_span(a.spans[0].id),
        lambda: seeded.update_span(a.spans[1].id, label="ORG"),
        lambda: seeded.set_tags(aid, ["经济"]),
        lambda: seeded.set_body(aid, "新的开头。\n" + a.body),
        lambda: seeded.set_status(aid, "reviewed"),
        lambda: seeded.add_span(aid, 0, 2, "LOC"),
    ]
    for step in steps:
        step()
        points.append((last_event_id(seeded), state(seeded, aid)))
    assert points[0][1] != points[-1][1]
    for event_id, expected in reversed(points[:-1]):
        plan = seeded.revert_plan(aid, event_id)
        assert plan.missing is None and plan.undone and plan.page_event is None and not plan.other_articles
        seeded.revert_article(aid, event_id)
        assert state(seeded, aid) == expected
        assert seeded.events(aid, limit=1)[0].action == "revert_article"
        assert seeded.integrity_check() == "ok"
    # the search index follows: the imported title is found again, the edited one is not
    assert aid not in seeded.search("改过的标题")
    # 0 = as imported: before the fixture accepted the machine spans
    seeded.revert_article(aid, 0)
    assert {s.origin for s in seeded.get_article(aid).spans} == {"auto"}


def test_revert_to_the_latest_point_does_nothing(seeded: Store) -> None:
    aid = first_article_with_spans(seeded)
    seeded.set_field(aid, "note", "看过")
    last = last_event_id(seeded)
    assert seeded.revert_plan(aid, last).nothing_to_do
    assert not seeded.revert_article(aid, last).article_ids
    assert last_event_id(seeded) == last


def test_states_only_for_writes_that_recorded_an_event(seeded: Store) -> None:
    aid = first_article_with_spans(seeded)
    before = seeded.db.execute("SELECT count(*) FROM states").fetchone()[0]
    with pytest.raises(StoreError):
        seeded.add_span(aid, 0, 10_000, "PER")  # refused: no event, no state
    seeded.set_field(aid, "note", "x")
    rows = seeded.db.execute("SELECT event_id, article_id, scope FROM states ORDER BY event_id DESC").fetchall()
    assert len(rows) == before + 1 and rows[0] == (last_event_id(seeded), aid, "article")


def test_revert_across_a_split_restores_the_page(seeded: Store) -> None:
    aid = first_article_with_spans(seeded)
    original = state(seeded, aid)
    page_id = seeded.get_article(aid).page_id
    page_before = seeded.snapshot_articles(page_id)
    start = last_event_id(seeded)
    seeded.set_field(aid, "note", "先写个备注")
    after_note = last_event_id(seeded), state(seeded, aid)
    body = seeded.get_article(aid).body
    new_id = (seeded.split_article(aid, body.index("\n") + 1).article_ids - {aid}).pop()
    seeded.set_field(new_id, "title", "拆出来的")
    after_edit = last_event_id(seeded)
    split_page = seeded.snapshot_articles(page_id)

    # the history of the article shows the split; the new article's shows the split too
    assert [e.action for e in seeded.article_history(aid)][:2] == ["split_article", "set_field"]
    assert "split_article" in [e.action for e in seeded.article_history(new_id)]

    plan = seeded.revert_plan(aid, after_note[0])
    assert plan.page_event is not None and plan.other_articles == [new_id] and plan.other_events == 1
    seeded.revert_article(aid, after_note[0])
    assert state(seeded, aid) == after_note[1]
    assert new_id not in [a["id"] for a in seeded.snapshot_articles(page_id)["articles"]]
    # a revert is itself revertible: back to right after the edit of the split-off article
    seeded.revert_article(aid, after_edit)
    assert seeded.snapshot_articles(page_id) == split_page
    # and all the way back to the page as it was before the test's edits
    seeded.revert_article(aid, start)
    assert state(seeded, aid) == original
    now = seeded.snapshot_articles(page_id)
    assert now["articles"] == page_before["articles"] and now["spans"] == page_before["spans"]


def test_points_before_the_journal_cannot_be_reverted_to(seeded: Store) -> None:
    aid = first_article_with_spans(seeded)
    seeded.set_field(aid, "title", "一")
    seeded.set_field(aid, "title", "二")
    second = last_event_id(seeded)
    seeded.set_field(aid, "title", "三")
    # as if the first two edits were made by a version without the journal
    seeded.db.execute("DELETE FROM states WHERE article_id = ? AND event_id <= ?", (aid, second))
    plan = seeded.revert_plan(aid, 0)
    assert plan.missing and "older version" in plan.missing
    with pytest.raises(StoreError, match="cannot revert"):
        seeded.revert_article(aid, 0)
    seeded.revert_article(aid, second)  # a later point still works
    assert seeded.get_article(aid).title == "二"


def test_revert_of_a_missing_article_is_refused(seeded: Store) -> None:
    with pytest.raises(StoreError):
        seeded.revert_plan(10**9, 0)


# --- property ------------------------------------------------------------------------------
OPS = st.lists(
    st.tuples(st.sampled_from(["field", "span_del", "span_add", "body", "split", "merge", "tags", "status"]),
              st.integers(0, 10**6)),
    min_size=1, max_size=10,
)


@pytest.fixture(scope="module")
def template(seeded_template: Path) -> Path:
    return seeded_template


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS, pick=st.integers(0, 10**6), who=st.integers(0, 10**6))
def test_revert_gives_back_the_recorded_state(template: Path, tmp_path_factory: pytest.TempPathFactory,
                                               ops: list[tuple[str, int]], pick: int, who: int) -> None:
    path = tmp_path_factory.mktemp("journal") / "p.sqlite"
    shutil.copy(template, path)
    store = Store.open(path, editor="prop")
    try:
        page_id = store.get_article(first_article_with_spans(store)).page_id

        def page_ids() -> list[int]:
            return [a["id"] for a in store.snapshot_articles(page_id)["articles"]]

        start = store.events(limit=1)[0].id
        history: list[tuple[int, dict[int, dict]]] = [(start, {i: state(store, i) for i in page_ids()})]
        for op, n in ops:
            ids = page_ids()
            aid = ids[n % len(ids)]
            a = store.get_article(aid)
            try:
                if op == "field":
                    store.set_field(aid, "title", f"标题{n % 97}")
                elif op == "span_del" and a.spans:
                    store.remove_span(a.spans[n % len(a.spans)].id)
                elif op == "span_add":
                    k = n % max(1, len(a.body) - 2)
                    store.add_span(aid, k, k + 2, "PER")
                elif op == "body":
                    k = n % max(1, len(a.body))
                    store.set_body(aid, a.body[:k] + "补" + a.body[k:])
                elif op == "split" and len(a.body) > 4:
                    store.split_article(aid, 1 + n % (len(a.body) - 2))
                elif op == "merge" and aid != ids[-1]:
                    store.merge_articles(aid, ids[ids.index(aid) + 1])
                elif op == "tags":
                    store.set_tags(aid, ["经济"] if n % 2 else [])
                elif op == "status":
                    store.set_status(aid, "reviewed" if n % 2 else "in_review")
                else:
                    continue
            except StoreError:
                continue
            history.append((store.events(limit=1)[0].id, {i: state(store, i) for i in page_ids()}))
        event_id, states_then = history[pick % len(history)]
        alive = [i for i in page_ids() if i in states_then]
        if not alive:
            return
        target = alive[who % len(alive)]
        plan = store.revert_plan(target, event_id)
        event("nothing" if plan.nothing_to_do else "page-level" if plan.page_event else "article-level")
        store.revert_article(target, event_id)
        assert state(store, target) == states_then[target]
        for a in store.snapshot_articles(page_id)["articles"]:
            rec = store.get_article(a["id"])
            assert all(s.text == rec.body[s.start : s.end] for s in rec.spans)
        assert store.integrity_check() == "ok"
    finally:
        store.close()
