"""Property tests: random body edits, splits, merges and heading moves on the seed project.

After every step each span still reads ``body[start:end]``; no span disappears
except under a body edit that replaced its whole text (and then the event
lists it); a surviving span whose text changed is flagged ``needs_check``;
restoring the snapshot taken first gives back the exact rows of every table.
"""

from __future__ import annotations

import shutil
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.store.errors import StoreError
from desktop.store.store import Store

TABLES = ("pages", "articles", "spans", "article_tags", "tags")
ALPHABET = "甲乙丙丁，。\n 1a"


@pytest.fixture(scope="module")
def store(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory):
    target = tmp_path_factory.mktemp("props") / "props.sqlite"
    shutil.copy(seeded_template, target)
    s = Store.open(target, editor="prop")
    yield s
    s.close()


def dump(store: Store) -> dict[str, list[tuple]]:
    return {t: list(store.db.execute(f"SELECT * FROM {t} ORDER BY rowid")) for t in TABLES}


def page_spans(store: Store, page_id: int) -> dict[int, dict]:
    snap = store.snapshot_articles(page_id)
    return {s["id"]: s for s in snap["spans"]}


def check_page(store: Store, page_id: int) -> None:
    snap = store.snapshot_articles(page_id)
    positions = [a["position"] for a in snap["articles"]]
    assert len(set(positions)) == len(positions)
    for row in snap["articles"]:
        a = store.get_article(row["id"])
        last = 0
        for s in a.spans:
            assert s.text == a.body[s.start : s.end]
            assert last <= s.start < s.end <= len(a.body)
            last = s.end
        assert row["n_spans"] == len(a.spans)


def wholly_replaced(old: str, new: str, start: int, end: int) -> bool:
    """No character of old[start:end] survives in an unchanged stretch of the edit."""
    for tag, i1, i2, _, _ in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal" and i1 < end and i2 > start:
            return False
    return True


op = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 50), st.integers(0, 10_000), st.integers(0, 12), st.text(ALPHABET, max_size=4)),
    st.tuples(st.just("split"), st.integers(0, 50), st.integers(0, 10_000)),
    st.tuples(st.just("merge"), st.integers(0, 50)),
    st.tuples(st.just("promote"), st.integers(0, 50), st.integers(0, 30), st.sampled_from(["title", "kicker", "subtitle"])),
    st.tuples(st.just("demote"), st.integers(0, 50), st.sampled_from(["title", "kicker", "subtitle"])),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_index=st.integers(0, 10), ops=st.lists(op, max_size=8))
def test_random_segmentation_edits(store: Store, page_index: int, ops: list[tuple]) -> None:
    pages = store.pages()
    page_id = pages[page_index % len(pages)].id
    first_dump = dump(store)
    snap = store.snapshot_articles(page_id)
    for step in ops:
        ids = [a["id"] for a in store.snapshot_articles(page_id)["articles"]]
        before = page_spans(store, page_id)
        target = ids[step[1] % len(ids)]
        if step[0] == "edit":
            body = store.get_article(target).body
            i = step[2] % (len(body) + 1)
            j = min(len(body), i + step[3])
            new = body[:i] + step[4] + body[j:]
            if not new.strip():
                continue
            store.set_body(target, new)
            after = page_spans(store, page_id)
            lost = set(before) - set(after)
            if lost:
                ev = store.events(target, limit=1)[0]
                assert ev.action == "set_body"
                assert lost == {s["id"] for s in ev.before["spans"]} - {s["id"] for s in ev.after["spans"]}
                for sid in lost:
                    assert wholly_replaced(body, new, before[sid]["start"], before[sid]["end"])
        elif step[0] == "split":
            body = store.get_article(target).body
            offset = step[2] % (len(body) + 1)
            try:
                store.split_article(target, offset)
            except StoreError:
                assert store.snapshot_articles(page_id)["spans"] == list(before.values())
                event("split refused")
                continue
            event("split done")
            after = page_spans(store, page_id)
            assert set(after) == set(before)
            for sid, s in before.items():
                if s["article_id"] == target and s["start"] < offset < s["end"]:
                    assert after[sid]["needs_check"] and after[sid]["article_id"] == target
        elif step[0] in ("promote", "demote"):
            try:
                if step[0] == "promote":
                    store.promote_line(target, step[2] % (store.get_article(target).body.count("\n") + 1), step[3])
                else:
                    store.demote_field(target, step[2])
            except StoreError:
                assert page_spans(store, page_id) == before
                event(f"{step[0]} refused")
                continue
            event(f"{step[0]} done")
            after = page_spans(store, page_id)
            assert set(after) == set(before)  # every seeded span is human: promotion never takes one
        else:
            k = step[1] % len(ids)
            if k + 1 >= len(ids):
                continue
            store.merge_articles(ids[k], ids[k + 1])
            after = page_spans(store, page_id)
            assert set(after) == set(before)
        for sid, s in after.items():
            if s["text"] != before[sid]["text"]:
                assert s["needs_check"], (step, before[sid], s)
        check_page(store, page_id)
    store.restore_articles(snap)
    assert store.snapshot_articles(page_id) == snap
    assert dump(store) == first_dump
    for row in snap["articles"]:
        if len(row["body"]) >= 4:
            assert row["id"] in store.search(row["body"][:4]) or not row["body"][:4].strip()
