"""Keyboard shortcuts keep working after a modal dialog closes (issue 14, item 10).

Each dialog is opened by its key and closed with Esc, both pressed where the keyboard
focus is, as an editor does; afterwards the focus is back where it was and the window's
keys (Ctrl+PgDown, Ctrl+Enter, Ctrl+,, Ctrl+Q) work without a click.
"""

from __future__ import annotations

import pytest
from desk_helpers import CTRL, SHIFT, ModalAnswer, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _escape(qtbot):
    def handler(dialog) -> None:
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)

    return handler


def _open_and_close(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> str:
    names: list[str] = []
    escape = _escape(qtbot)

    def handler(dialog) -> None:
        names.append(dialog.objectName() or type(dialog).__name__)
        escape(dialog)

    answer = ModalAnswer(handler)
    press(qtbot, key, modifiers)
    answer.check()
    return names[0]


DIALOG_KEYS = [
    ("preferences", Qt.Key.Key_Comma, CTRL),
    ("cheat sheet", Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
    ("statistics", Qt.Key.Key_F9, Qt.KeyboardModifier.NoModifier),
    ("export dataset", Qt.Key.Key_E, CTRL | SHIFT),
    ("history", Qt.Key.Key_H, CTRL),
    ("page view", Qt.Key.Key_P, CTRL | SHIFT),
    ("body editor", Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),
    ("paragraph to heading (a question)", Qt.Key.Key_T, CTRL | SHIFT),
    ("move paragraphs (a question)", Qt.Key.Key_G, CTRL | SHIFT),
    ("label-all in the project", Qt.Key.Key_L, CTRL | SHIFT),
]


def test_keys_work_after_every_dialog_closes(qtbot, main_window):
    w, ctx, store = main_window, main_window.ctx, main_window.ctx.store
    w.activateWindow()
    qtbot.waitActive(w)
    # an article with several articles on its page, and a span to act on
    ids = store.article_ids()
    article_id = next(a for a in ids if len(store.page_layout(store.get_article(a).page_id)["articles"]) > 1
                      and store.get_article(a).spans)
    ctx.select_article(article_id)
    text = w.article_view.text
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_Tab)  # a span becomes current (label-all acts on it)
    opened = []
    for name, key, modifiers in DIALOG_KEYS:
        assert QApplication.focusWidget() is text, name
        opened.append(_open_and_close(qtbot, key, modifiers))
        qtbot.waitUntil(lambda: QApplication.focusWidget() is text, timeout=2000)  # back where it was
        assert w.isActiveWindow(), name
        before = ctx.article_id
        press(qtbot, Qt.Key.Key_PageDown, CTRL)  # a window shortcut, typed where the focus is
        assert ctx.article_id != before, f"Ctrl+PgDown did nothing after the {name} dialog"
        press(qtbot, Qt.Key.Key_PageUp, CTRL)
        assert ctx.article_id == before
        assert QApplication.focusWidget() is text
        ctx.select_span(ctx.record.spans[0].id if ctx.record.spans else None)
    assert len(opened) == len(DIALOG_KEYS)
    # Ctrl+Enter signs the article off after a dialog, Ctrl+, opens Preferences again, Ctrl+Q quits
    _open_and_close(qtbot, Qt.Key.Key_Comma, CTRL)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert store.get_article(article_id).status == "reviewed"
    assert _open_and_close(qtbot, Qt.Key.Key_Comma, CTRL) == "preferences"
    _open_and_close(qtbot, Qt.Key.Key_H, CTRL)
    press(qtbot, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=3000)


@pytest.mark.parametrize("pane", ["article list", "search box"])
def test_the_focus_goes_back_to_the_pane_it_left(qtbot, main_window, pane):
    w = main_window
    w.activateWindow()
    qtbot.waitActive(w)
    widget = w.article_list.table if pane == "article list" else w.article_list.filter_bar.search
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)
    for key, modifiers in ((Qt.Key.Key_Comma, CTRL), (Qt.Key.Key_F9, Qt.KeyboardModifier.NoModifier)):
        _open_and_close(qtbot, key, modifiers)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)
