"""Label-all acts on what the editor sees selected (issue 14, item 2): with a span current
(clicked) and some other text selected, Ctrl+L labels the selected text, not the span's."""

from __future__ import annotations

from desk_helpers import CTRL, ModalAnswer, free_repeats, press, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QInputDialog, QMessageBox


def _click_span(qtbot, window, span) -> None:
    text = window.article_view.text
    cursor = text.textCursor()
    cursor.setPosition(text.offsets.to_utf16(span.start + 1) if span.end - span.start > 1 else text.offsets.to_utf16(span.start))
    text.setTextCursor(cursor)
    text.ensureCursorVisible()
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=text.cursorRect(cursor).center())


def test_ctrl_l_labels_the_selected_text_not_the_current_span(qtbot, main_window):
    w, ctx, store = main_window, main_window.ctx, main_window.ctx.store
    article_id, text, starts = free_repeats(store)
    ctx.select_article(article_id)
    span = next(s for s in ctx.record.spans if text not in ctx.record.body[s.start : s.end])
    _click_span(qtbot, w, span)
    assert ctx.span_id == span.id  # the highlighted span is current ...
    select_text(qtbot, w, starts[0], len(text))  # ... and the editor selects other text
    asked: dict[str, str] = {}

    def choose_place(dialog) -> None:
        assert isinstance(dialog, QInputDialog)
        asked["label"] = dialog.labelText()
        combo = dialog.findChild(QComboBox)
        combo.setCurrentIndex(next(i for i in range(combo.count()) if "(LOC)" in combo.itemText(i)))
        qtbot.keyClick(combo, Qt.Key.Key_Return)

    def say_yes(dialog) -> None:
        assert isinstance(dialog, QMessageBox)
        asked["confirm"] = dialog.text()
        qtbot.mouseClick(dialog.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    answer = ModalAnswer(choose_place, say_yes)
    press(qtbot, Qt.Key.Key_L, CTRL)
    answer.check()
    assert text in asked["label"]
    assert text in asked["confirm"] and str(len(starts)) in asked["confirm"]
    record = store.get_article(article_id)
    labelled = sorted(s.start for s in record.spans if record.body[s.start : s.end] == text)
    assert labelled == starts
    assert all(s.label == "LOC" and s.origin == "human" for s in record.spans if s.start in starts)
    assert next(s for s in record.spans if s.id == span.id) == span  # the current span was left alone
    # one undo step takes them all away
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert not [s for s in store.get_article(article_id).spans if s.start in starts]


def test_without_a_selection_ctrl_l_uses_the_current_span(qtbot, main_window):
    w, ctx, store = main_window, main_window.ctx, main_window.ctx.store
    article_id, text, starts = free_repeats(store)
    ctx.select_article(article_id)
    select_text(qtbot, w, starts[0], len(text))
    press(qtbot, Qt.Key.Key_3)  # the first one becomes a LOC span and the current span
    assert ctx.span_id is not None and not w.article_view.text.textCursor().hasSelection()
    answer = ModalAnswer(lambda d: qtbot.mouseClick(d.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton))
    press(qtbot, Qt.Key.Key_L, CTRL)
    answer.check()
    record = store.get_article(article_id)
    assert sorted(s.start for s in record.spans if s.label == "LOC" and record.body[s.start : s.end] == text) == starts
