"""Undo and redo owned by the store (desktop/store/undo.py): exact states, refusals with their
reason, the history leaving undone edits out, and projects from before the undo journal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_undo_props import dump

from desktop.store import migrations
from desktop.store.errors import UndoRefused
from desktop.store.store import Store
from project_versions import as_v6


def _with_spans(store: Store) -> int:
    return next(a for a in store.article_ids() if len(store.get_article(a).spans) >= 2 and "\n" in store.get_article(a).body)


def test_every_write_names_its_events_and_undo_redo_are_exact(seeded: Store) -> None:
    aid = _with_spans(seeded)
    record = seeded.get_article(aid)
    start = dump(seeded)
    writes = [
        seeded.set_field(aid, "title", "新标题"),
        seeded.set_tags(aid, ["经济", "一个新标签"]),  # a tag new to the vocabulary too
        seeded.remove_span(record.spans[0].id),
        seeded.set_body(aid, "前言\n" + record.body),
        seeded.set_status(aid, "reviewed"),
    ]
    assert all(len(w.event_ids) == 1 for w in writes)
    assert seeded.tag_vocabulary()[-1]["name"] == "一个新标签"
    edited = dump(seeded)
    for w in reversed(writes):
        assert aid in seeded.undo_events(w.event_ids).article_ids
    assert dump(seeded) == start
    for w in writes:
        seeded.redo_events(w.event_ids)
    assert dump(seeded) == edited


def test_a_later_edit_not_undone_refuses_the_undo_and_says_which(seeded: Store) -> None:
    aid = _with_spans(seeded)
    title = seeded.get_article(aid).title
    first = seeded.set_field(aid, "note", "一")
    seeded.set_field(aid, "title", "后来的标题")
    before = dump(seeded)
    with pytest.raises(UndoRefused) as refused:
        seeded.undo_events(first.event_ids)
    assert refused.value.code == "undo_later_edit" and refused.value.details["title"] == "后来的标题"
    assert dump(seeded) == before  # nothing changed
    # an edit of another article does not stand in the way
    other = next(a for a in seeded.article_ids() if a != aid)
    seeded.set_field(other, "note", "别的文章")
    last = seeded.events(aid, limit=1)[0].id
    seeded.undo_events([last])
    seeded.undo_events(first.event_ids)
    assert (seeded.get_article(aid).title, seeded.get_article(aid).note) == (title, "")


def test_undo_twice_and_redo_of_an_edit_in_effect_are_refused(seeded: Store) -> None:
    aid = _with_spans(seeded)
    w = seeded.set_field(aid, "note", "一")
    with pytest.raises(UndoRefused) as refused:
        seeded.redo_events(w.event_ids)
    assert refused.value.code == "undo_state"
    seeded.undo_events(w.event_ids)
    with pytest.raises(UndoRefused) as refused:
        seeded.undo_events(w.event_ids)
    assert refused.value.code == "undo_state"


def test_a_redo_after_a_new_edit_of_the_article_is_refused(seeded: Store) -> None:
    aid = _with_spans(seeded)
    w = seeded.set_field(aid, "note", "一")
    seeded.undo_events(w.event_ids)
    seeded.set_field(aid, "kicker", "新的引题")
    with pytest.raises(UndoRefused):
        seeded.redo_events(w.event_ids)


def test_a_change_outside_the_journal_refuses_the_undo(seeded: Store) -> None:
    aid = _with_spans(seeded)
    w = seeded.set_field(aid, "note", "一")
    with seeded._write() as db:
        db.execute("UPDATE articles SET note = '别处改的' WHERE id = ?", (aid,))
    with pytest.raises(UndoRefused) as refused:
        seeded.undo_events(w.event_ids)
    assert refused.value.code == "undo_changed"


def test_undone_edits_leave_the_history_and_come_back_with_redo(seeded: Store) -> None:
    aid = _with_spans(seeded)
    w = seeded.set_field(aid, "note", "一")
    assert seeded.article_history(aid)[0].id == w.event_ids[0]
    seeded.undo_events(w.event_ids)
    assert w.event_ids[0] not in [e.id for e in seeded.article_history(aid)]
    assert w.event_ids[0] not in [e.id for e in seeded.events(aid)]
    assert [e.id for e in seeded.events_of(w.event_ids)] == w.event_ids  # still there for the undo stack
    seeded.redo_events(w.event_ids)
    assert seeded.events(aid, limit=1)[0].id == w.event_ids[0]


def test_article_scoped_edits_are_journalled_and_undone_at_article_scope(seeded: Store) -> None:
    aid = _with_spans(seeded)
    page_id = seeded.get_article(aid).page_id
    before = seeded.snapshot_articles(page_id)
    body = seeded.get_article(aid).body
    writes = [seeded.set_body(aid, body + "\n补一段")]
    writes.append(seeded.promote_line(aid, body.count("\n") + 1, "subtitle"))
    writes.append(seeded.demote_field(aid, "subtitle"))  # back in as the first paragraph
    assert seeded.get_article(aid).body.startswith("补一段\n")
    writes.append(seeded.mark_caption(aid, 0, len("补一段")))
    writes.append(seeded.restore_original_body(aid))
    assert all(w.event_ids for w in writes)
    ids = [e for w in writes for e in w.event_ids]
    scopes = seeded.db.execute(
        "SELECT DISTINCT scope FROM states WHERE event_id IN (SELECT value FROM json_each(?))", (str(ids),)
    ).fetchall()
    assert scopes == [("article",)]
    for w in reversed(writes):
        changes = seeded.undo_events(w.event_ids)
        assert changes.article_ids == {aid}
    assert seeded.snapshot_articles(page_id) == before
    actions = {e.action for e in seeded.article_history(aid)}
    assert "restore_articles" not in actions and not actions & {"set_body", "promote_line", "demote_field"}


def test_page_edits_and_adjudication_undo_exactly(seeded: Store) -> None:
    aid = _with_spans(seeded)
    page_id = seeded.get_article(aid).page_id
    start = dump(seeded)
    split = seeded.split_article(aid, seeded.get_article(aid).body.index("\n") + 1)
    new_id = (split.article_ids - {aid}).pop()
    merge = seeded.merge_articles(aid, new_id)
    with seeded._write() as db:  # made "to adjudicate" by a merge of work packages in real life
        db.execute("UPDATE articles SET status = 'to_adjudicate' WHERE id = ?", (aid,))
    marked = dump(seeded)
    finish = seeded.finish_adjudication(aid)
    assert seeded.adjudication(aid) is not None
    seeded.undo_events(finish.event_ids)
    assert seeded.adjudication(aid) is None and dump(seeded) == marked
    seeded.redo_events(finish.event_ids)
    assert seeded.get_article(aid).status == "reviewed" and seeded.adjudication(aid) is not None
    seeded.undo_events(finish.event_ids)
    with seeded._write() as db:
        db.execute("UPDATE articles SET status = 'unreviewed' WHERE id = ?", (aid,))
    seeded.undo_events(merge.event_ids + split.event_ids)  # two page writes in one undo step
    assert dump(seeded) == start and len(seeded.snapshot_articles(page_id)["articles"]) == len(
        [a for a in seeded.article_ids() if seeded.get_article(a).page_id == page_id])


def test_consecutive_edits_that_end_where_they_began_cancel_out(seeded: Store) -> None:
    aid = _with_spans(seeded)
    note = seeded.get_article(aid).note
    a = seeded.set_field(aid, "note", "一")
    assert not seeded.cancel_out(a.event_ids)
    b = seeded.set_field(aid, "note", note)
    assert seeded.cancel_out(a.event_ids + b.event_ids)


def test_cancel_out_unpacks_only_the_first_and_the_last_state(seeded: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked at every merge of edits of one field: a chain of n edits must not unpack 2n states."""
    from desktop.store import undo

    aid = _with_spans(seeded)
    note = seeded.get_article(aid).note
    ids: list[int] = []
    for i in range(8):
        ids += seeded.set_field(aid, "note", f"第{i}稿").event_ids
    unpacked: list[int] = []
    real = undo.unpack
    monkeypatch.setattr(undo, "unpack", lambda data: unpacked.append(1) or real(data))
    assert not seeded.cancel_out(ids)
    assert len(unpacked) <= 2
    ids += seeded.set_field(aid, "note", note).event_ids
    unpacked.clear()
    assert seeded.cancel_out(ids)  # back where it began
    assert len(unpacked) <= 2
    assert not seeded.cancel_out(ids[1:])  # from the second edit on: the note is not as before it
    tags = seeded.set_tags(aid, ["一个新标签"]).event_ids  # a write that added to the vocabulary
    assert not seeded.cancel_out(ids + tags)


def test_a_v6_project_opens_its_old_edits_are_not_undone_new_ones_are(seeded: Store, tmp_path: Path) -> None:
    aid = _with_spans(seeded)
    old = seeded.set_field(aid, "note", "旧版本写的")
    path = seeded.path
    seeded.close()
    as_v6(path)
    with Store.open(path, editor="bob") as s:
        assert s.db.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
        assert path.with_name(path.name + ".bak-v6").exists()
        assert s.events(aid, limit=1)[0].id == old.event_ids[0]  # the history is intact
        with pytest.raises(UndoRefused) as refused:
            s.undo_events(old.event_ids)
        assert refused.value.code == "undo_not_recorded"
        new = s.set_field(aid, "note", "新版本写的")
        s.undo_events(new.event_ids)
        assert s.get_article(aid).note == "旧版本写的"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(Exception, match="newer"):
        Store.open(path)


def test_the_events_of_a_write_are_found_through_the_write_id_index(seeded: Store) -> None:
    # ORDER BY id once made SQLite scan every event for this (30 ms per field edit at 1M articles)
    from desktop.store.undo import WRITE_EVENTS_SQL

    # a big archive's events: one per imported page, none with a write id, and the statistics
    # PRAGMA optimize leaves (with them, ORDER BY id made SQLite walk every event in id order)
    seeded.db.conn.executemany(
        "INSERT INTO events (article_id, editor, at, action) VALUES (NULL, 'import', '2024-01-01', 'import_page')",
        [()] * 5000,
    )
    seeded.db.conn.commit()
    seeded.db.execute("ANALYZE")
    plan = " ".join(str(r[-1]) for r in seeded.db.execute("EXPLAIN QUERY PLAN " + WRITE_EVENTS_SQL, ("[1]",)))
    assert "idx_events_write_id" in plan and "SCAN events" not in plan


def test_the_next_edit_reuses_the_packed_after_state_only_when_the_article_is_still_so(
    seeded: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import journal

    aid = _with_spans(seeded)
    packed: list[int] = []
    real = journal._pack
    monkeypatch.setattr(journal, "_pack", lambda value: packed.append(1) or real(value))
    a = seeded.set_field(aid, "note", "一")
    b = seeded.set_field(aid, "note", "二")
    assert len(packed) <= 3  # the second edit's before-state is the first one's after-state, as packed

    def states(event_id: int) -> tuple[bytes, bytes]:
        return seeded.db.execute("SELECT data, after FROM states WHERE event_id = ?", (event_id,)).fetchone()

    assert states(b.event_ids[0])[0] == states(a.event_ids[0])[1]
    with seeded._write() as db:  # changed outside the journal: the next before-state is read anew
        db.execute("UPDATE articles SET status = 'rejected' WHERE id = ?", (aid,))
    c = seeded.set_field(aid, "note", "三")
    before = journal.unpack(states(c.event_ids[0])[0])
    assert before["article"]["status"] == "rejected" and before["article"]["note"] == "二"
    seeded.undo_events(c.event_ids)
    assert seeded.get_article(aid).status == "rejected" and seeded.get_article(aid).note == "二"


def test_consecutive_edits_undo_and_redo_after_the_project_is_reopened(seeded: Store) -> None:
    """The before-states that reuse the previous write's packed after-state are whole states:
    a new session (nothing cached) undoes and redoes them exactly."""
    aid = _with_spans(seeded)
    start = dump(seeded)
    writes = [seeded.set_field(aid, "note", text).event_ids for text in ("一", "二", "三")]
    writes.append(seeded.set_field(aid, "title", "新标题").event_ids)
    edited = dump(seeded)
    path = seeded.path
    seeded.close()
    with Store.open(path, editor="bob") as s:
        for ids in reversed(writes):
            s.undo_events(ids)
        assert dump(s) == start
        for ids in writes:
            s.redo_events(ids)
        assert dump(s) == edited and s.get_article(aid).note == "三"


def test_only_a_write_to_one_article_keeps_its_packed_after_state(seeded: Store) -> None:
    """A write over many articles (label all, re-extraction) keeps nothing: thousands of states
    would stay in memory for an edit that may never come."""
    from desktop.store import journal

    with_spans = [a for a in seeded.article_ids() if seeded.get_article(a).spans][:2]
    seeded.set_field(with_spans[0], "note", "一")
    assert list(journal._last_after) == [with_spans[0]]
    seeded.remove_spans([seeded.get_article(a).spans[0].id for a in with_spans])
    assert journal._last_after == {}
