"""Re-run extraction through the real main window: one article, the batch task, undo/redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.pipeline import entities
from desktop.pipeline.model import Span
from desktop.ui.commands import SetStatusCommand


def _spans(store, article_id: int) -> list[dict]:
    return [s.to_dict() for s in store.get_article(article_id).spans]


def _snapshot(store) -> dict[int, list[dict]]:
    return {i: _spans(store, i) for i in store.article_ids()}


def _new_pipeline(text: str) -> list[Span]:
    """A changed pipeline: ORG on the first two characters, PER on the last two."""
    n = len(text)
    return [Span(0, 2, "ORG", text[:2]), Span(n - 2, n, "PER", text[n - 2 :])] if n >= 6 else []


@pytest.fixture
def new_pipeline(monkeypatch):
    monkeypatch.setattr(entities, "extract_spans", _new_pipeline)


def test_one_article_refreshed_human_span_kept_and_ctrl_z_restores_exactly(qtbot, main_window, new_pipeline):
    w = main_window
    ctx = w.ctx
    record = ctx.record
    assert record is not None and len(record.spans) >= 2
    human = record.spans[-1]  # make the last span the editor's own
    ctx.apply(lambda store: store.update_span(human.id, origin="human"))
    before = _spans(ctx.store, record.id)
    depth = ctx.undo_stack.count()

    w.action_set["article.reextract"].trigger()

    after = _spans(ctx.store, record.id)
    assert ctx.undo_stack.count() == depth + 1
    assert next(s for s in after if s["id"] == human.id) == next(s for s in before if s["id"] == human.id)
    auto = [(s["start"], s["end"], s["label"]) for s in after if s["origin"] == "auto"]
    n = len(record.body)
    proposed = [(0, 2, "ORG"), (n - 2, n, "PER")]
    assert auto == [e for e in proposed if e[1] <= human.start or e[0] >= human.end]  # overlapping ones skipped
    assert auto  # something was refreshed
    assert {s.id for s in ctx.record.spans} == {s["id"] for s in after}  # the view's record refreshed
    assert all(w.article_view.span_by_id(s["id"]) is not None for s in after)
    assert w.status_panel.currentMessage()

    w.article_view.text.setFocus()
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _spans(ctx.store, record.id) == before  # same ids, values, origins, needs_check
    ctx.undo_stack.redo()
    assert _spans(ctx.store, record.id) == after  # redo gives the same new ids back
    assert ctx.store.events(record.id)[0].action == "reextract"


def test_reviewed_article_is_refused_with_a_message(qtbot, main_window, new_pipeline):
    ctx = main_window.ctx
    record = ctx.record
    assert ctx.push(SetStatusCommand(ctx, record.id, record.status, "reviewed"))
    before, depth = _spans(ctx.store, record.id), ctx.undo_stack.count()
    messages: list[str] = []
    ctx.status_message.connect(messages.append)
    main_window.action_set["article.reextract"].trigger()
    assert _spans(ctx.store, record.id) == before
    assert ctx.undo_stack.count() == depth
    assert messages and "已审" in messages[-1]  # the Chinese interface says why


def test_up_to_date_article_pushes_nothing(qtbot, main_window):
    ctx = main_window.ctx
    record = ctx.record
    before, depth = _spans(ctx.store, record.id), ctx.undo_stack.count()
    main_window.action_set["article.reextract"].trigger()  # the real pipeline made these spans already
    assert _spans(ctx.store, record.id) == before and ctx.undo_stack.count() == depth


def test_batch_runs_as_a_task_and_undoes_in_one_step(qtbot, main_window, new_pipeline, monkeypatch):
    w = main_window
    ctx = w.ctx
    ids = ctx.store.article_ids()
    reviewed = ids[1]
    ctx.store.set_status(reviewed, "reviewed")
    before = _snapshot(ctx.store)
    questions: list[str] = []
    monkeypatch.setattr(ctx.interaction, "confirm", lambda title, text: questions.append(text) or True)
    depth = ctx.undo_stack.count()

    w.action_set["review.reextract_unreviewed"].trigger()
    task = w.reextraction.last_task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=120_000):
        pass

    assert questions and str(len(ids) - 1) in questions[0]
    after = _snapshot(ctx.store)
    assert after[reviewed] == before[reviewed]
    changed = [i for i in ids if i != reviewed]
    assert all(after[i] != before[i] for i in changed)
    assert all(s["origin"] == "auto" and s["label"] in ("ORG", "PER") for i in changed for s in after[i])
    assert ctx.undo_stack.count() == depth + 1
    assert str(len(changed)) in ctx.undo_stack.undoText()
    assert w.status_panel.currentMessage()
    current = ctx.article_id
    assert {s.id for s in ctx.record.spans} == {s["id"] for s in after[current]}  # the view refreshed

    ctx.undo_stack.undo()
    assert _snapshot(ctx.store) == before  # every article exactly as it was, ids included
    assert ctx.article_id == current
    assert {s.id for s in ctx.record.spans} == {s["id"] for s in before[current]}
    ctx.undo_stack.redo()
    assert _snapshot(ctx.store) == after


def test_batch_cancel_keeps_the_written_chunks_undoable(qtbot, main_window, new_pipeline, monkeypatch):
    import desktop.ui.reextract_commands as rc

    w = main_window
    ctx = w.ctx
    before = _snapshot(ctx.store)
    monkeypatch.setattr(ctx.interaction, "confirm", lambda title, text: True)
    real_run_batch = rc.run_batch

    def small_chunks(store, ids, progress, cancelled):
        def cancel_after_first_chunk() -> bool:
            return cancelled() or len(store_calls) >= 1

        store_calls: list[int] = []

        class Counting:
            def __getattr__(self, name):
                attr = getattr(store, name)
                if name == "replace_auto_spans_many":
                    return lambda *a, **k: store_calls.append(1) or attr(*a, **k)
                return attr

        return real_run_batch(Counting(), ids, progress, cancel_after_first_chunk, chunk=4)

    monkeypatch.setattr(rc, "run_batch", small_chunks)
    w.action_set["review.reextract_unreviewed"].trigger()
    with qtbot.waitSignal(w.reextraction.last_task.finished, timeout=120_000):
        pass
    after = _snapshot(ctx.store)
    changed = [i for i in after if after[i] != before[i]]
    assert len(changed) == 4
    assert "4" in ctx.undo_stack.undoText()
    ctx.undo_stack.undo()
    assert _snapshot(ctx.store) == before
