"""Work on a worker thread: progress, cancel, errors, and calls back to the GUI thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread

from desktop.ui.tasks import TaskRunner


def test_task_reports_progress_and_result(qtbot):
    runner = TaskRunner()
    seen: list[tuple[int, int, str]] = []

    def work(progress, cancelled):
        for i in range(3):
            progress(i + 1, 3, f"p{i}")
        return "done"

    task = runner.run("t", work)
    task.progressed.connect(lambda *a: seen.append(a))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == ["done"]
    qtbot.waitUntil(lambda: len(seen) == 3)


def test_cancel_stops_the_work(qtbot):
    runner = TaskRunner()
    started = threading.Event()
    steps: list[int] = []

    def work(progress, cancelled):
        started.set()
        for i in range(1000):
            if cancelled():
                return "cancelled"
            steps.append(i)
            time.sleep(0.005)
        return "finished"

    task = runner.run("t", work)
    started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert task.result == "cancelled" and len(steps) < 1000


def test_errors_are_reported_not_raised(qtbot):
    runner = TaskRunner()
    task = runner.run("t", lambda progress, cancelled: 1 / 0)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert "ZeroDivisionError" in blocker.args[0]


def test_a_worker_writes_through_the_store_while_the_gui_thread_reads_it(qtbot, tmp_path):
    """The one background-work policy: a worker uses the open store; the store serialises."""
    from desktop.store.store import Store

    store = Store.open(tmp_path / "p.sqlite", editor="tester")
    names = [f"标签{k}" for k in range(60)]
    seen_sizes: list[int] = []

    def work(progress, cancelled):
        writers = {QThread.currentThread()}
        for name in names:
            store.add_tag(name)
        return writers

    finished: list[bool] = []
    task = TaskRunner().run("t", work)
    task.finished.connect(lambda: finished.append(True))
    deadline = time.monotonic() + 20
    while not finished and time.monotonic() < deadline:  # the GUI thread keeps reading meanwhile
        seen_sizes.append(len(store.tag_vocabulary()))
        qtbot.wait(1)
    assert finished
    assert task.error is None
    assert task.result != {QThread.currentThread()}  # the writes ran on the worker thread
    vocabulary = {t["name"] for t in store.tag_vocabulary()}
    assert set(names) <= vocabulary
    assert seen_sizes == sorted(seen_sizes)  # every read saw a whole state, never one going back
    store.close()
