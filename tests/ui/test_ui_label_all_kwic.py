"""Project-wide label-all shows every occurrence in context, each ticked, and applies the
ticked ones as one undo step (issue 14, item 3), driven by keys in the real dialog."""

from __future__ import annotations

from desk_helpers import CTRL, SHIFT, ModalAnswer, press, select_text
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from desktop.store.records import ArticleFilter, Occurrence
from desktop.ui.models.occurrence_list import (
    COL_ARTICLE,
    COL_HIT,
    COL_LEFT,
    COL_RIGHT,
    COL_TICK,
    FETCH_ROWS,
    SCAN_CHUNK,
    OccurrenceModel,
)


def _spread_text(store) -> tuple[str, list[Occurrence]]:
    """A 2-character CJK text found free (outside spans) in at least three articles."""
    best: tuple[str, list[Occurrence]] | None = None
    for article_id in store.article_ids()[:8]:
        body = store.get_article(article_id).body
        for i in range(0, len(body) - 1, 7):
            text = body[i : i + 2]
            if not all("\u4e00" <= c <= "\u9fff" for c in text):
                continue
            found, _ = store.occurrences(text, store.article_ids(ArticleFilter(query=text)))
            if len({o.article_id for o in found}) >= 3 and len(found) <= 60 and (best is None or len(found) > len(best[1])):
                best = (text, found)
    assert best is not None
    return best


def test_kwic_dialog_lists_ticks_and_labels_in_one_undo_step(qtbot, main_window):
    w, ctx, store = main_window, main_window.ctx, main_window.ctx.store
    text, found = _spread_text(store)
    articles = list(dict.fromkeys(o.article_id for o in found))
    reviewed = articles[-1]  # a reviewed article is left as signed off
    store.set_status(reviewed, "reviewed")
    reviewed_spans = store.get_article(reviewed).spans
    expected = [o for o in found if o.article_id != reviewed]
    first = expected[0]
    ctx.select_article(first.article_id)
    select_text(qtbot, w, first.start, len(text))
    seen: dict = {}

    def kwic(dialog) -> None:
        from desktop.ui.dialogs.label_all_dialog import LabelAllDialog

        assert isinstance(dialog, LabelAllDialog)
        qtbot.waitUntil(lambda: dialog.model.finished, timeout=10_000)
        model, table = dialog.model, dialog.findChild(QTableView)
        seen["rows"] = model.rowCount()
        seen["columns"] = [
            (model.data(model.index(r, COL_LEFT)), model.data(model.index(r, COL_HIT)),
             model.data(model.index(r, COL_RIGHT)), model.data(model.index(r, COL_ARTICLE)))
            for r in range(model.rowCount())
        ]
        seen["ticked"] = [model.data(model.index(r, COL_TICK), Qt.ItemDataRole.CheckStateRole) for r in range(model.rowCount())]
        seen["left_out"] = list(model.left_out)
        seen["apply_enabled_before_label"] = dialog.apply_button.isEnabled()
        from PySide6.QtWidgets import QApplication

        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
        assert QApplication.focusWidget() is table, QApplication.focusWidget()
        qtbot.keyClick(table, Qt.Key.Key_3)  # the LOC key chooses the label
        seen["label"] = dialog.label
        qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.keyClick(table, Qt.Key.Key_Space)  # untick the second occurrence
        seen["unticked"] = model.occurrence(1)
        seen["status"] = dialog.status.text()
        qtbot.keyClick(table, Qt.Key.Key_Return)

    answer = ModalAnswer(kwic)
    press(qtbot, Qt.Key.Key_L, CTRL | SHIFT)
    answer.check()
    assert seen["rows"] == len(expected)
    assert seen["columns"] == [
        (o.left.replace("\n", " ↵ "), text, o.right.replace("\n", " ↵ "), o.title or "（无标题）") for o in expected
    ]
    assert all(state == Qt.CheckState.Checked for state in seen["ticked"])  # all ticked by default
    assert seen["left_out"] == [reviewed]
    assert seen["label"] == "LOC"
    assert "地名" not in seen["status"] and str(len(expected) - 1) in seen["status"]

    def spans_at(o: Occurrence):
        return [s for s in store.get_article(o.article_id).spans if (s.start, s.end) == (o.start, o.end)]

    ticked = [o for o in expected if o != seen["unticked"]]
    assert all(spans_at(o) and spans_at(o)[0].label == "LOC" and spans_at(o)[0].origin == "human" for o in ticked)
    assert not spans_at(seen["unticked"])
    assert store.get_article(reviewed).spans == reviewed_spans  # left as signed off
    assert "Ctrl+Z" in w.status_panel.currentMessage()
    ids = {o: spans_at(o)[0].id for o in ticked}
    press(qtbot, Qt.Key.Key_Z, CTRL)  # ONE undo step takes every one of them away
    assert not any(spans_at(o) for o in ticked)
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert {o: spans_at(o)[0].id for o in ticked} == ids  # redo: the same spans, same ids


def test_reviewed_articles_are_not_written(qtbot, main_window):
    """The reviewed article's spans are exactly as before a project-wide label-all."""
    w, ctx, store = main_window, main_window.ctx, main_window.ctx.store
    text, found = _spread_text(store)
    articles = list(dict.fromkeys(o.article_id for o in found))
    store.set_status(articles[-1], "reviewed")
    before = store.get_article(articles[-1]).spans
    ctx.select_article(found[0].article_id)
    select_text(qtbot, w, found[0].start, len(text))

    def kwic(dialog) -> None:
        qtbot.waitUntil(lambda: dialog.model.finished, timeout=10_000)
        dialog.label_combo.setCurrentIndex(dialog.label_combo.findData("ORG"))
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    answer = ModalAnswer(kwic)
    press(qtbot, Qt.Key.Key_L, CTRL | SHIFT)
    answer.check()
    assert store.get_article(articles[-1]).spans == before


def _occurrence(i: int) -> Occurrence:
    return Occurrence(article_id=i // 3, title=f"文章{i // 3}", start=i % 3 * 10 + 4, end=i % 3 * 10 + 6, left="", right="")


BODY = "前文前文成都后文后文前文成都后文后文前文成都后文后文"


def _bodies(calls: list):
    def bodies(ids):
        calls.append(len(ids))
        return dict.fromkeys(ids, BODY)

    return bodies


def test_the_model_is_filled_lazily(qtmodeltester):
    calls: list[int] = []

    def find(ids):
        calls.append(len(ids))
        return [_occurrence(3 * a + k) for a in ids for k in range(3)], []

    candidates = list(range(2000))  # 6,000 occurrences
    body_calls: list[int] = []
    model = OccurrenceModel("成都", candidates, find, _bodies(body_calls))
    assert model.rowCount() == 0 and not calls  # nothing read until asked
    model.scan_step()
    assert calls == [SCAN_CHUNK] and model.found == 3 * SCAN_CHUNK
    assert model.rowCount() == FETCH_ROWS and model.canFetchMore(QModelIndex())  # the view sees a screenful
    model.scan_all()
    assert model.finished and model.found == 6000 and model.rowCount() == FETCH_ROWS
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * FETCH_ROWS
    model.set_ticked(5000, False)  # rows not shown yet can be unticked too (Untick all)
    assert model.n_ticked == 5999 and len(model.ticked()) == 5999
    assert not body_calls  # no context read before a row is shown
    assert model.data(model.index(1, COL_LEFT)) == BODY[max(0, 14 - 16) : 14]
    assert model.data(model.index(1, COL_RIGHT)) == BODY[16:32]
    assert body_calls and body_calls[0] < 200  # the bodies of a window of rows, not of every article
    qtmodeltester.check(model)


def test_the_dialog_opens_before_the_search_is_done(qtbot):
    from desktop.ui.dialogs.label_all_dialog import LabelAllDialog

    dialog = LabelAllDialog(
        "成都", None, list(range(5 * SCAN_CHUNK)), lambda ids: ([_occurrence(a) for a in ids], []), _bodies([]), "zh_CN"
    )
    qtbot.addWidget(dialog)
    assert not dialog.model.finished and not dialog.apply_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.model.finished, timeout=10_000)
    assert not dialog.apply_button.isEnabled()  # no label chosen yet
    dialog.label_combo.setCurrentIndex(0)
    assert dialog.apply_button.isEnabled()


def test_the_text_in_the_dialog_is_never_markup(qtbot):
    from PySide6.QtWidgets import QLabel

    from desktop.ui.dialogs.label_all_dialog import LabelAllDialog

    dialog = LabelAllDialog("<b>成都</b>", None, [], lambda ids: ([], []), _bodies([]), "zh_CN")
    qtbot.addWidget(dialog)
    intro = next(label for label in dialog.findChildren(QLabel) if "成都" in label.text())
    assert intro.textFormat() == Qt.TextFormat.PlainText and "<b>成都</b>" in intro.text()
