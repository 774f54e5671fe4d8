"""Property tests of undo and redo owned by the store (desktop/store/undo.py).

Random sequences of store edits on one page of the seed project — spans added, changed,
accepted and deleted, label-all across articles, fields, authors, body text, tags (new ones
too), status, re-extraction, split, merge, heading promotion and demotion, captions, moved
paragraphs — then every write undone newest first gives back every table exactly (a full
dump of each, the journal's own tables aside, whose live events must be as before), and
every write redone oldest first gives back exactly the state after the edits.  Finally all
of it is undone in ONE call, as the batch re-extraction does.
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

JOURNAL = {"events", "states"}
LABELS = ["PER", "LOC", "ORG", "DATE"]


@pytest.fixture(scope="module")
def store(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory):
    target = tmp_path_factory.mktemp("undo_props") / "undo.sqlite"
    shutil.copy(seeded_template, target)
    s = Store.open(target, editor="prop")
    yield s
    s.close()


def tables(store: Store) -> list[str]:
    rows = store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    return [n for (n,) in rows if n not in JOURNAL and not n.startswith(("sqlite_", "_sqlite", "article_fts"))]


def order_of(store: Store, table: str) -> str:
    """A table's rows in the order of its primary key: a table keyed by columns of its own
    (article_tags: article id and tag) is the same table whatever rowids SQLite gave its rows."""
    key = sorted((pk, name) for _cid, name, _type, _notnull, _default, pk in store.db.execute(f"PRAGMA table_info([{table}])") if pk)
    return ", ".join(f"[{name}]" for _pk, name in key) or "rowid"


def dump(store: Store) -> dict[str, Any]:
    out: dict[str, Any] = {
        t: list(store.db.execute(f"SELECT * FROM [{t}] ORDER BY {order_of(store, t)}")) for t in tables(store)
    }
    out["live events"] = list(store.db.execute("SELECT id, article_id, action, before, after FROM events WHERE undone = 0"))
    titles = [r[0] for r in store.db.execute("SELECT substr(body, 1, 4) FROM articles ORDER BY id") if len(r[0].strip()) == 4]
    out["search"] = {q: sorted(store.search(q)) for q in titles[:6]}
    return out


op = st.one_of(
    st.tuples(st.just("add_span"), st.integers(0, 50), st.integers(0, 10_000), st.integers(1, 4), st.sampled_from(LABELS)),
    st.tuples(st.just("update_span"), st.integers(0, 50), st.integers(0, 50), st.integers(-1, 1), st.sampled_from(LABELS)),
    st.tuples(st.just("remove_span"), st.integers(0, 50), st.integers(0, 50)),
    st.tuples(st.just("accept"), st.integers(0, 50)),
    st.tuples(st.just("label_all"), st.integers(0, 50), st.integers(1, 3), st.sampled_from(LABELS)),
    st.tuples(st.just("field"), st.integers(0, 50), st.sampled_from(["title", "kicker", "note", "byline"]), st.text("甲乙丙 ", max_size=4)),
    st.tuples(st.just("authors"), st.integers(0, 50), st.sampled_from(["张三", "李四"])),
    st.tuples(st.just("body"), st.integers(0, 50), st.integers(0, 10_000), st.integers(0, 6), st.text("甲乙，。\n", max_size=3)),
    st.tuples(st.just("tags"), st.integers(0, 50), st.lists(st.sampled_from(["经济", "新标签", "另一个"]), max_size=2)),
    st.tuples(st.just("status"), st.integers(0, 50), st.sampled_from(["unreviewed", "in_review", "reviewed", "rejected"])),
    st.tuples(st.just("reextract"), st.integers(0, 50), st.integers(0, 10_000)),
    st.tuples(st.just("split"), st.integers(0, 50), st.integers(0, 10_000)),
    st.tuples(st.just("merge"), st.integers(0, 50)),
    st.tuples(st.just("promote"), st.integers(0, 50), st.integers(0, 30)),
    st.tuples(st.just("demote"), st.integers(0, 50)),
    st.tuples(st.just("caption"), st.integers(0, 50), st.integers(0, 30)),
    st.tuples(st.just("move"), st.integers(0, 50), st.integers(0, 30)),
)


def paragraph(body: str, index: int) -> tuple[int, int]:
    starts = [0] + [i + 1 for i, c in enumerate(body) if c == "\n"]
    first = starts[index % len(starts)]
    return min(first + 1, len(body)), min(first + 1, len(body))


def run(store: Store, page_id: int, step: tuple) -> Any:
    """One edit; returns its Changes (the store may refuse it: StoreError)."""
    ids = [a["id"] for a in store.snapshot_articles(page_id)["articles"]]
    kind, aid = step[0], ids[step[1] % len(ids)]
    a = store.get_article(aid)
    body = a.body
    if kind == "add_span":
        start = step[2] % max(1, len(body))
        return store.add_span(aid, start, min(len(body), start + step[3]), step[4])
    if kind in ("update_span", "remove_span"):
        if not a.spans:
            raise StoreError("no span", code="not_found")
        span = a.spans[step[2] % len(a.spans)]
        if kind == "remove_span":
            return store.remove_span(span.id)
        return store.update_span(span.id, end=span.end + step[3], label=step[4])
    if kind == "accept":
        return store.accept_auto_spans(aid)
    if kind == "label_all":
        items = [{"article_id": i, "start": 0, "end": step[2], "label": step[3]} for i in ids]
        return store.add_spans(items)
    if kind == "field":
        return store.set_field(aid, step[2], step[3])
    if kind == "authors":
        return store.set_authors(aid, [{"name": step[2], "role": "记者"}])
    if kind == "body":
        i = step[2] % (len(body) + 1)
        new = body[:i] + step[4] + body[min(len(body), i + step[3]):]
        if not new.strip():
            raise StoreError("empty", code="body_not_text")
        return store.set_body(aid, new)
    if kind == "tags":
        return store.set_tags(aid, step[2])
    if kind == "status":
        return store.set_status(aid, step[2])
    if kind == "reextract":
        start = step[2] % max(1, len(body) - 2)
        return store.replace_auto_spans(aid, [{"start": start, "end": start + 2, "label": "ORG", "confidence": 0.5}])
    if kind == "split":
        return store.split_article(aid, step[2] % (len(body) + 1))
    if kind == "merge":
        k = step[1] % len(ids)
        if k + 1 >= len(ids):
            raise StoreError("last", code="merge_not_adjacent")
        return store.merge_articles(ids[k], ids[k + 1])
    if kind == "promote":
        return store.promote_line(aid, step[2] % (body.count("\n") + 1), "subtitle")
    if kind == "demote":
        return store.demote_field(aid, "title")
    if kind == "caption":
        return store.mark_caption(aid, *paragraph(body, step[2]))
    if len(ids) < 2:
        raise StoreError("one article", code="move_to_same_article")
    target = ids[(ids.index(aid) + 1) % len(ids)]
    return store.move_paragraphs(aid, *paragraph(body, step[2]), target)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(page_index=st.integers(0, 10), ops=st.lists(op, min_size=1, max_size=8))
def test_undo_all_restores_every_table_and_redo_all_gives_the_edits_back(store: Store, page_index: int, ops: list[tuple]):
    pages = store.pages()
    page_id = pages[page_index % len(pages)].id
    first = dump(store)
    writes: list[list[int]] = []
    for step in ops:
        try:
            changes = run(store, page_id, step)
        except StoreError:
            event(f"{step[0]} refused")
            continue
        if changes.event_ids:
            event(f"{step[0]} done")
            writes.append(changes.event_ids)
    edited = dump(store)
    for ids in reversed(writes):
        store.undo_events(ids)
    assert dump(store) == first
    for ids in writes:
        store.redo_events(ids)
    assert dump(store) == edited
    if writes:  # all at once, one transaction (the batch re-extraction's way)
        store.undo_events([e for ids in writes for e in ids])
    assert dump(store) == first
