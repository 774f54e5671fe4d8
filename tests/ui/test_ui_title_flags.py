"""Giving an article a title clears 缺少标题 in the banner, the store and the export, undoably
(issue 14, item 5), driven through the real title field and the undo keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _type(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _flagged(store, flag: str) -> int:
    return next(i for i in store.article_ids() if flag in store.get_article(i).flags)


def _exported_flags(store, article_id: int) -> list[str]:
    return next(r["flags"] for r in store.iter_records() if r["id"] == article_id)


def _give_title(qtbot, window, title: str) -> None:
    edit = window.fields.editors["title"]
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    edit.selectAll()
    _type(edit, title)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_a_title_given_clears_title_missing_and_undo_brings_it_back(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    aid = _flagged(store, "title_missing")
    w.ctx.select_article(aid)
    banner = w.article_view.flags_label
    assert not banner.isHidden() and "缺少标题" in banner.text()

    _give_title(qtbot, w, "天府数谷建设提速")
    assert store.get_article(aid).title == "天府数谷建设提速"
    assert "title_missing" not in store.get_article(aid).flags
    assert _exported_flags(store, aid) == []
    assert banner.isHidden() or "缺少标题" not in banner.text()

    w.article_view.text.setFocus()
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL)
    assert store.get_article(aid).title == ""
    assert store.get_article(aid).flags == ["title_missing"]
    assert not banner.isHidden() and "缺少标题" in banner.text()
    assert _exported_flags(store, aid) == ["title_missing"]

    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert store.get_article(aid).flags == []
    assert banner.isHidden()


def test_correcting_a_misplaced_title_clears_that_flag_only(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    aid = _flagged(store, "title_misplaced")
    w.ctx.select_article(aid)
    before = store.get_article(aid)
    _give_title(qtbot, w, before.title + "（校）")
    assert store.get_article(aid).flags == [f for f in before.flags if f != "title_misplaced"]
    w.article_view.text.setFocus()
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL)
    assert store.get_article(aid).flags == before.flags  # exactly as it was, misplaced included

    truncated = _flagged(store, "truncated")
    w.ctx.select_article(truncated)
    _give_title(qtbot, w, "另一个标题")
    assert "truncated" in store.get_article(truncated).flags  # a title does not resolve a cut-off text


def test_putting_the_title_back_into_the_body_raises_title_missing(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    aid = next(i for i in store.article_ids() if store.get_article(i).title and not store.get_article(i).flags)
    w.ctx.select_article(aid)
    w.article_view.text.setFocus()
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_B, CTRL | SHIFT)
    assert store.get_article(aid).flags == ["title_missing"]
    assert "缺少标题" in w.article_view.flags_label.text()
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL)
    assert store.get_article(aid).flags == []


def test_the_history_says_which_flag_a_title_cleared(qtbot, main_window):
    from desktop.ui.history_phrases import describe

    w, store = main_window, main_window.ctx.store
    aid = _flagged(store, "title_missing")
    w.ctx.select_article(aid)
    _give_title(qtbot, w, "天府数谷建设提速")
    words = describe(store.events(aid, limit=1)[0]).text()
    assert "天府数谷建设提速" in words and "不再标记：缺少标题" in words, words
