"""The desk learns, in the real main window: uncertain spans (F8), least confident first
(Ctrl+F8), training from reviewed articles with its progress dialog, cancel, re-annotation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from desktop.ui.widgets.span_highlighter import highlighted_ranges


@pytest.fixture
def confidences(project_path):
    """Every machine span 95 % sure, except three: two in the first article, one in the third."""
    import sqlite3

    conn = sqlite3.connect(project_path)
    ids = [r[0] for r in conn.execute("SELECT a.id FROM articles a JOIN pages p ON p.id = a.page_id "
                                      "ORDER BY p.source_name, p.version, a.position, a.id")]
    conn.execute("UPDATE spans SET confidence = 0.95 WHERE origin = 'auto'")

    def auto_spans(article_id):
        return [r[0] for r in conn.execute(
            "SELECT id FROM spans WHERE article_id = ? AND origin = 'auto' ORDER BY start", (article_id,))]

    first, third = auto_spans(ids[0]), auto_spans(ids[2])
    assert len(first) >= 3 and third
    unsure = {"a0": (first[0], 0.3), "a2": (first[2], 0.4), "c": (third[-1], 0.2)}
    for span_id, conf in unsure.values():
        conn.execute("UPDATE spans SET confidence = ? WHERE id = ?", (conf, span_id))
    conn.commit()
    conn.close()
    return ids, {k: v[0] for k, v in unsure.items()}


def _press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window, key, modifier)


def test_f8_walks_the_uncertain_spans_and_then_the_next_article(qtbot, confidences, main_window):
    ids, unsure = confidences
    w = main_window
    ctx = w.ctx
    ctx.select_article(ids[0])
    table = w.span_table.span_model
    assert [table.span_at(0).id, table.span_at(1).id] == [unsure["a0"], unsure["a2"]]  # least sure first
    assert "?" in table.data(table.index(0, 3)) and "?" not in table.data(table.index(2, 3))
    styles = {sid: fmt.underlineStyle() for sid, _s, _e, fmt in highlighted_ranges(w.article_view.text.document())}
    assert styles[unsure["a2"]] == QTextCharFormat.UnderlineStyle.WaveUnderline
    sure = table.span_at(2)
    assert sure.origin == "auto" and styles[sure.id] == QTextCharFormat.UnderlineStyle.DashUnderline

    _press(qtbot, w, Qt.Key.Key_F8)
    assert (ctx.article_id, ctx.span_id) == (ids[0], unsure["a0"])
    _press(qtbot, w, Qt.Key.Key_F8)
    assert (ctx.article_id, ctx.span_id) == (ids[0], unsure["a2"])
    _press(qtbot, w, Qt.Key.Key_F8)  # none left here: the next article that has one
    assert (ctx.article_id, ctx.span_id) == (ids[2], unsure["c"])
    assert w.article_list.model.row_of(ids[2]) == w.article_list.table.currentIndex().row()
    _press(qtbot, w, Qt.Key.Key_F8)  # and round again
    assert (ctx.article_id, ctx.span_id) == (ids[0], unsure["a0"])


def test_ctrl_f8_lists_the_least_confident_first_and_ctrl_enter_follows(qtbot, confidences, main_window):
    ids, _unsure = confidences
    w = main_window
    ctx = w.ctx
    model = w.article_list.model
    _press(qtbot, w, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert model.order == "confidence" and w.action_set["review.least_confident"].isChecked()
    assert [model.article_id_at(0), model.article_id_at(1)] == [ids[2], ids[0]]
    ctx.select_article(ids[2])
    _press(qtbot, w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # reviewed, then the least sure left
    assert ctx.store.get_article(ids[2]).status == "reviewed"
    assert ctx.article_id == ids[0]
    _press(qtbot, w, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert model.order == "page" and model.article_id_at(0) == ids[0]


def _review(ctx, n):
    ids = ctx.store.article_ids()
    for aid in ids[:n]:
        ctx.store.set_status(aid, "reviewed")
    return ids


def test_training_in_the_app_stores_a_model_and_reannotates_in_one_undo_step(qtbot, main_window, monkeypatch):
    w = main_window
    ctx = w.ctx
    ids = _review(ctx, 5)
    human_article = ids[6]
    human = ctx.store.get_article(human_article).spans[0]
    ctx.store.update_span(human.id, origin="human")
    before = {a: [s.to_dict() for s in ctx.store.get_article(a).spans] for a in ids}
    questions = []
    monkeypatch.setattr(ctx.interaction, "confirm", lambda title, text: questions.append(text) or True)
    depth = ctx.undo_stack.count()
    w.action_set["review.train"].trigger()
    task = w.training.last_task
    assert task.dialog.labelText()
    with qtbot.waitSignal(w.training.trained, timeout=180_000) as trained:
        pass
    model_id = trained.args[0]
    assert model_id is not None and ctx.store.current_model()[0] == model_id
    assert [m.articles for m in ctx.store.models()] == [5]
    assert questions and str(len(ids) - 5) in questions[0]
    with qtbot.waitSignal(w.reextraction.batch_finished, timeout=180_000):
        pass
    after = {a: [s.to_dict() for s in ctx.store.get_article(a).spans] for a in ids}
    assert all(after[a] == before[a] for a in ids[:5])  # reviewed: untouched
    kept = next(s for s in before[human_article] if s["id"] == human.id)
    assert kept["origin"] == "human" and next(s for s in after[human_article] if s["id"] == human.id) == kept
    assert any(after[a] != before[a] for a in ids[5:])  # the open articles were re-annotated
    assert ctx.undo_stack.count() == depth + 1
    ctx.undo_stack.undo()
    assert {a: [s.to_dict() for s in ctx.store.get_article(a).spans] for a in ids} == before


def test_a_cancelled_training_keeps_the_previous_model(qtbot, main_window, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    w = main_window
    ctx = w.ctx
    monkeypatch.setattr(ctx.interaction, "confirm", lambda title, text: False)
    _review(ctx, 5)
    blob = b"previous"
    previous = ctx.store.add_model(blob, {"articles": 1, "spans": 1})
    w.action_set["review.train"].trigger()
    task = w.training.last_task
    task.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel
    with qtbot.waitSignal(w.training.trained, timeout=60_000) as trained:
        pass
    assert trained.args == [None]
    assert ctx.store.current_model() == (previous, blob)
    assert [m.id for m in ctx.store.models()] == [previous]
    assert ctx.store.integrity_check() == "ok"
    assert "cancelled" in w.status_panel.currentMessage().lower() or "取消" in w.status_panel.currentMessage()


def test_the_statistics_view_shows_the_learning_per_model(qtbot, ctx):
    from desktop.ui.dialogs.stats_dialog import StatsDialog

    ids = _review(ctx, 3)
    span = ctx.store.get_article(ids[0]).spans[0]
    ctx.store.remove_span(span.id)  # an editor's change: the machine's precision is below 100 %
    ctx.store.mark_extracted(ids[1:3], None)
    dialog = StatsDialog(ctx.store.stats(), learning=ctx.store.learning_stats())
    qtbot.addWidget(dialog)
    rows = dialog.learning.precision_chart.rows
    assert rows and all("·" in name for name, _v in rows)
    assert any(v[0] < 100 for _n, v in rows)
    assert dialog.learning.changes_chart.rows[0][0].endswith("(3)")


def test_training_with_nothing_reviewed_says_so(qtbot, main_window, monkeypatch):
    w = main_window
    said = []
    monkeypatch.setattr(w.ctx.interaction, "show_info", lambda title, text: said.append(text))
    w.action_set["review.train"].trigger()
    with qtbot.waitSignal(w.training.trained, timeout=60_000) as trained:
        pass
    assert trained.args == [None] and said and w.ctx.store.models() == []


def test_project_models_dialog_chooses_and_deletes(qtbot, ctx, monkeypatch):
    from PySide6.QtCore import Qt as _Qt

    from desktop.pipeline import entities
    from desktop.pipeline.entities import EntityExtractor
    from desktop.pipeline.project_training import TrainingText, train_project_model
    from desktop.ui.dialogs.models_dialog import ModelsDialog

    texts = [TrainingText(r.body, tuple((s.start, s.end, s.label) for s in r.spans))
             for r in (ctx.store.get_article(a) for a in ctx.store.article_ids()[:3])]
    model = train_project_model(texts, EntityExtractor())
    first = ctx.store.add_model(model.to_blob(), model.header)
    second = ctx.store.add_model(model.to_blob(), model.header)
    changes = []
    monkeypatch.setattr(ctx.interaction, "confirm", lambda title, text: True)
    dialog = ModelsDialog(ctx.store, ctx.interaction, lambda: changes.append(1))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2 and str(second) in dialog.current.text()
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.use_button, _Qt.MouseButton.LeftButton)
    assert ctx.store.current_model()[0] == first and changes
    qtbot.mouseClick(dialog.delete_button, _Qt.MouseButton.LeftButton)  # the selected one: the current
    assert [m.id for m in ctx.store.models()] == [second] and ctx.store.current_model() is None
    assert dialog.current.text() == dialog.tr("In use: the shipped model")
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.use_button, _Qt.MouseButton.LeftButton)
    assert ctx.store.current_model()[0] == second
    qtbot.mouseClick(dialog.shipped_button, _Qt.MouseButton.LeftButton)
    assert ctx.store.current_model() is None
    entities.use_project_model(None)
