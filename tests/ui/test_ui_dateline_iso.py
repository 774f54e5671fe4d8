"""The fields panel applies the store's date rule (``field_values.field_value``): a date the
store would refuse is not pushed, the editor reads why, and the field shows the stored value."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier


def _type_date(qtbot, window, text: str) -> None:
    edit = window.fields.editors["dateline_iso"]
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_a_date_that_does_not_exist_is_refused_in_the_field(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    aid = store.article_ids()[0]
    w.ctx.select_article(aid)
    stored, steps = store.get_article(aid).dateline_iso, w.ctx.undo_stack.count()
    messages: list[str] = []
    w.ctx.status_message.connect(messages.append)
    _type_date(qtbot, w, "2023-02-30")
    assert store.get_article(aid).dateline_iso == stored
    assert w.ctx.undo_stack.count() == steps
    assert messages and "YYYY-MM-DD" in messages[-1]
    assert w.fields.editors["dateline_iso"].text() == (stored or "")


def test_a_valid_date_is_saved_trimmed_and_undoable(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    aid = store.article_ids()[0]
    w.ctx.select_article(aid)
    stored = store.get_article(aid).dateline_iso
    _type_date(qtbot, w, " 2024-02-29 ")
    assert store.get_article(aid).dateline_iso == "2024-02-29"
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL)
    assert store.get_article(aid).dateline_iso == stored
