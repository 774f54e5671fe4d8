"""Helpers shared by the UI tests that fix a page: pick seed articles, show one with
the caret or a selection where the test wants it, undo and redo by keys."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.store.store import Store

CTRL, SHIFT, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier


def adjacent_pair(store: Store, min_breaks: int = 1):
    """Two adjacent articles of one page, the first with spans and at least ``min_breaks``
    paragraph breaks."""
    for page in store.pages():
        rows = store.snapshot_articles(page.id)["articles"]
        for a, b in pairwise(rows):
            first = store.get_article(a["id"])
            if first.body.count("\n") >= min_breaks and first.spans:
                return first, store.get_article(b["id"])
    raise AssertionError("no suitable seed articles")


def show_article(qtbot, window, article_id: int, start: int = 0, end: int | None = None) -> None:
    """Show an article with the caret at ``start`` (and the text up to ``end`` selected)."""
    window.activateWindow()
    qtbot.waitActive(window)
    window.ctx.select_article(article_id)
    text = window.article_view.text
    text.setFocus()
    cursor = text.textCursor()
    cursor.setPosition(text.offsets.to_utf16(start))
    if end is not None:
        cursor.setPosition(text.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)


def undo(qtbot, window) -> None:
    qtbot.keyClick(window.article_view.text, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window) -> None:
    qtbot.keyClick(window.article_view.text, Qt.Key.Key_Z, CTRL | SHIFT)
