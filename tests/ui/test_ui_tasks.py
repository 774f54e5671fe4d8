"""Work on a worker thread: progress, cancel, errors, and calls back to the GUI thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread

from desktop.ui.tasks import GuiThreadProxy, TaskRunner


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


def test_a_finished_task_and_its_result_are_freed(qtbot):
    """The runner forgets a finished task, and nothing else keeps it (nor the result it holds:
    a search's hits at a million articles are 4.9 MB, and every search ran a task)."""
    import gc
    import weakref

    runner = TaskRunner()

    class Result:
        pass

    results: list[weakref.ref] = []
    tasks: list[weakref.ref] = []
    gc.disable()  # freed when the runner lets go, not at some later pass of the cycle collector
    try:
        for _ in range(3):
            task = runner.run("t", lambda progress, cancelled: Result())
            task.succeeded.connect(lambda result: results.append(weakref.ref(result)))
            tasks.append(weakref.ref(task))
            with qtbot.waitSignal(task.finished, timeout=5000):
                pass
            del task
        qtbot.waitUntil(lambda: not runner._tasks, timeout=5000)
        assert len(results) == 3
        assert all(ref() is None for ref in tasks)
        assert all(ref() is None for ref in results)
    finally:
        gc.enable()


def test_errors_are_reported_not_raised(qtbot):
    runner = TaskRunner()
    task = runner.run("t", lambda progress, cancelled: 1 / 0)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    assert "ZeroDivisionError" in blocker.args[0]


def test_proxy_runs_calls_on_the_gui_thread(qtbot):
    class Target:
        def where(self) -> object:
            return QThread.currentThread()

        def boom(self) -> None:
            raise ValueError("no")

    gui_thread = QThread.currentThread()
    proxy = GuiThreadProxy(Target())
    outcome: dict[str, object] = {}

    def work(progress, cancelled):
        outcome["thread"] = proxy.where()
        try:
            proxy.boom()
        except ValueError as err:
            outcome["error"] = str(err)

    task = TaskRunner().run("t", work)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert outcome == {"thread": gui_thread, "error": "no"}
