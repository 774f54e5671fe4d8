"""The window paints before the project opens (first paint never waits for work)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel

from desktop.ui.app import after_first_paint


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched, event):  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_callback_runs_after_the_first_paint(qtbot):
    widget = QLabel("新闻标注台")
    qtbot.addWidget(widget)
    counter = _PaintCounter()
    widget.installEventFilter(counter)
    paints_seen: list[int] = []
    after_first_paint(widget, lambda: paints_seen.append(counter.paints))
    assert paints_seen == []
    widget.show()
    qtbot.waitUntil(lambda: bool(paints_seen), timeout=3000)
    assert paints_seen[0] >= 1  # the window had painted when the work started
    qtbot.wait(1200)
    assert len(paints_seen) == 1  # once only, the fallback timer does not run it again


def test_a_window_that_never_paints_still_gets_its_work_done(qtbot):
    widget = QLabel("未显示")
    qtbot.addWidget(widget)
    done: list[bool] = []
    after_first_paint(widget, lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    assert done == [True]


def test_the_window_module_loads_without_the_database_layer_or_the_nlp_stack():
    """What the first paint waits for: no sqlite-utils (and what it drags in), no jieba or cn2an."""
    import os
    import subprocess
    import sys

    code = (
        "import sys, desktop.ui.app, desktop.ui.main_window; "
        "print(sorted(m for m in ('sqlite_utils', 'jieba', 'pandas', 'cn2an', 'desktop.store.store') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
