"""Helpers of the review-desk UI tests (issue 14): typing Chinese, selecting by keys,
answering a modal dialog while its exec() runs, and pressing keys where the focus is."""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

CTRL, SHIFT, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def type_chinese(widget: QWidget, text: str) -> None:
    """Type Chinese the way an input method does: a committed composition."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def select_text(qtbot, window, start: int, length: int) -> None:
    """Put the caret at ``start`` (code points) and extend the selection with Shift+Right."""
    text = window.article_view.text
    text.setFocus()
    cursor = text.textCursor()
    cursor.setPosition(text.offsets.to_utf16(start))
    text.setTextCursor(cursor)
    for _ in range(length):
        qtbot.keyClick(text, Qt.Key.Key_Right, SHIFT)


def press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> QWidget:
    """Press a key where the keyboard focus is, as the editor would (a moment later: the event
    loop runs first); fails when nothing has the focus."""
    with contextlib.suppress(AssertionError):
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=1000)
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus: keys go nowhere"
    qtbot.keyClick(widget, key, modifiers)
    return widget


class ModalAnswer:
    """Answers the next modal dialogs, in order, from a timer while their ``exec()`` blocks the test.

    Each handler runs once on the next modal dialog shown; an exception in one is
    kept (``check()`` raises it) and its dialog is rejected, so a test run on code
    without the expected dialog fails instead of hanging.
    """

    def __init__(self, *handlers: Callable[[QWidget], None], timeout_s: float = 20.0, popup: bool = False) -> None:
        self.handlers = list(handlers)
        self.popup = popup  # answer a popup menu (QMenu.exec) instead of a modal dialog
        self.dialogs: list[QWidget] = []
        self.error: BaseException | None = None
        self._deadline = time.monotonic() + timeout_s
        self._busy: QWidget | None = None
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activePopupWidget() if self.popup else QApplication.activeModalWidget()
        ready = dialog is not None and dialog.isVisible() and (self.popup or dialog.isActiveWindow())
        if ready and dialog is not self._busy:
            handler = self.handlers[len(self.dialogs)]
            self.dialogs.append(dialog)
            self._busy = dialog
            if len(self.dialogs) == len(self.handlers):
                self._timer.stop()
            try:
                handler(dialog)
            except BaseException as err:  # noqa: BLE001 - reported by check()
                self.error = err
                self._timer.stop()
                if dialog.isVisible():
                    getattr(dialog, "reject", dialog.close)()
        elif dialog is None:
            self._busy = None
        if time.monotonic() > self._deadline:
            self._timer.stop()

    def check(self, count: int | None = None) -> list[QWidget]:
        self._timer.stop()
        if self.error is not None:
            raise self.error
        assert len(self.dialogs) == (len(self.handlers) if count is None else count), self.dialogs
        return self.dialogs


def free_repeats(store, *, min_count: int = 2, length: int = 3) -> tuple[int, str, list[int]]:
    """An article with spans and a CJK string of ``length`` it holds ``min_count``+ times outside any span."""
    for article_id in store.article_ids():
        record = store.get_article(article_id)
        if not record.spans:
            continue
        covered = set()
        for s in record.spans:
            covered.update(range(s.start, s.end))
        body = record.body
        counts = Counter(
            body[i : i + length]
            for i in range(len(body) - length + 1)
            if all("\u4e00" <= ch <= "\u9fff" for ch in body[i : i + length]) and not covered & set(range(i, i + length))
        )
        for text, n in counts.most_common():
            if n < min_count:
                break
            starts, i = [], body.find(text)
            while i >= 0:
                starts.append(i)
                i = body.find(text, i + length)
            if len(starts) >= min_count and all(not covered & set(range(p, p + length)) for p in starts):
                return article_id, text, starts
    raise AssertionError("no repeated free text in the seeds")
