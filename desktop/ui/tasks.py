"""Long work on a worker thread, behind a progress dialog that can cancel it.

Owns: ``Task`` (one callable run on a ``QThread``; signals ``progressed``,
``succeeded``, ``failed`` and ``finished``) and ``TaskRunner`` (starts tasks,
shows a cancellable ``QProgressDialog`` for the ones that want it, and keeps
them alive until they end).  The callable imports no Qt: it receives
``progress(done, total, name="")`` and ``cancelled() -> bool`` and must not
touch widgets.  Tests wait with ``qtbot.waitSignal(task.finished)``.  ``run_and_wait`` is for
the rare work the GUI must wait for but that may take minutes (opening a big project that is
upgraded or checked first): it runs on a thread while a busy dialog keeps the window painting.

One policy for background work: **the open ``Store`` is used on the GUI thread only.**
A task's callable sees it through ``GuiThreadProxy`` (``on_gui_thread(store)``): each method
call is run on the GUI thread between two events and its result handed back, so the heavy
work (segmenting and tagging pages, reading and writing package files) stays on the worker
and the store's calls stay short (a big project that must be upgraded or checked is opened by
``run_and_wait``; from then on its Store, too, is used on the GUI thread only).  What reads a whole project (the page order, every search
hit, the status counts, training texts, an export) asks the store for a *reader*
(``order_reader``, ``search_reader``, ``progress_reader``, ``training_texts_reader``,
``package_writer``/``package_reader``, or an export's own read-only connections): a callable
that runs on the worker on a read-only connection of its own and touches nothing of the
store.  Import, re-extraction, split and merge all work this way;
``tests/ui/test_ui_background_policy.py`` runs each and checks that every store call was
made on the GUI thread.  The store keeps its lock as a guard (a call from another thread
waits; it never corrupts), but the app does not rely on it.  Letting the worker call the
store itself was tried on 2026-12-04 and starved the event loop: during an import of four
pages the GUI thread went 100-250 ms between timer ticks, against ~10 ms through the proxy
(``tests/ui/test_ui_import_export.py``).
"""

from __future__ import annotations

import threading
import traceback
import weakref
from collections.abc import Callable
from typing import Any, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.ui.plain_text import plain_label, window_title

ProgressFn = Callable[..., None]
CancelledFn = Callable[[], bool]
Work = Callable[[ProgressFn, CancelledFn], Any]
T = TypeVar("T")


class _Thread(QThread):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = weakref.ref(task)  # not the task itself: a cycle would keep both until a GC pass

    def run(self) -> None:  # runs on the worker thread
        task = self._task()
        if task is not None:
            task._run()


class Task(QObject):
    """One piece of work on its own thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, name: str, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._work = work
        self._cancel = threading.Event()
        self._thread = _Thread(self)
        self._thread.finished.connect(self._on_thread_finished)
        self.result: Any = None
        self.error: str | None = None

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, msecs: int = 30_000) -> bool:
        return self._thread.wait(msecs)

    def _run(self) -> None:
        def progress(done: int, total: int, name: str = "") -> None:
            self.progressed.emit(int(done), int(total), str(name))

        try:
            self.result = self._work(progress, self._cancel.is_set)
        except Exception as err:  # reported to the GUI thread, never raised into Qt
            self.error = f"{type(err).__name__}: {err}"
            traceback.print_exc()

    def _on_thread_finished(self) -> None:  # GUI thread
        if self.error is None:
            self.succeeded.emit(self.result)
        else:
            self.failed.emit(self.error)
        self.finished.emit()


class _CallRequest:
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None


class GuiThreadProxy(QObject):
    """Call methods of ``target`` from a worker thread; they run on the GUI thread."""

    _requested = Signal(object)

    def __init__(self, target: Any) -> None:
        super().__init__()
        self._target = target
        self._requested.connect(self._serve, Qt.ConnectionType.QueuedConnection)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        attr = getattr(self._target, name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            if QThread.currentThread() is self.thread():
                return attr(*args, **kwargs)
            request = _CallRequest(attr, args, kwargs)
            self._requested.emit(request)
            request.done.wait()
            if request.error is not None:
                raise request.error
            return request.result

        return call

    def _serve(self, request: _CallRequest) -> None:  # GUI thread
        try:
            request.result = request.fn(*request.args, **request.kwargs)
        except BaseException as err:  # handed back to the worker, raised there
            request.error = err
        finally:
            request.done.set()


def on_gui_thread(target: T) -> T:
    """``target`` seen through a ``GuiThreadProxy``: the same methods (typed as ``target``'s),
    each run on the GUI thread when called from a worker."""
    return cast(T, GuiThreadProxy(target))


class TaskRunner(QObject):
    """Starts tasks and keeps them referenced until they finish."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: set[Task] = set()
        self.dialog_parent: QWidget | None = None

    def run(self, name: str, work: Work, *, show_progress: bool = False, label: str = "") -> Task:
        task = Task(name, work)  # owned by Python: alive while referenced here or by the caller
        self._tasks.add(task)
        # A weak reference: a slot holding the task itself (``lambda t=task: ...``) is a cycle
        # through Qt's connection that Python's collector cannot see, so every finished task and
        # its result (a search's hits: 4.9 MB at a million articles) stayed in memory for good.
        ref = weakref.ref(task)
        task.finished.connect(lambda: self._forget(ref))
        if show_progress:
            self._attach_dialog(task, label or name)
        task.start()
        return task

    def running(self) -> list[Task]:
        return [t for t in self._tasks if t.is_running()]

    def cancel_all_and_wait(self, msecs: int = 30_000) -> None:
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            # Keep serving the GUI-thread calls a task may be blocked on.
            waited = 0
            while task.is_running() and waited < msecs:
                QCoreApplication.processEvents()
                task.wait(20)
                waited += 20

    def _forget(self, ref: weakref.ref[Task]) -> None:
        # Later, not inside the task's own finished() emission: dropping the
        # last reference there would delete the object mid-emit.
        def drop() -> None:
            task = ref()
            if task is not None:
                self._tasks.discard(task)

        QTimer.singleShot(0, drop)

    def _attach_dialog(self, task: Task, label: str) -> None:
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.dialog_parent)
        dialog.setObjectName("task_progress")
        dialog.setLabel(plain_label(label, dialog))  # file names are text, never markup
        dialog.setWindowTitle(window_title(label))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        task.dialog = dialog  # type: ignore[attr-defined]

        def on_progress(done: int, total: int, item: str) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))
            if item:
                dialog.setLabelText(f"{label}\n{item}")

        def on_cancel() -> None:
            task.cancel()
            dialog.setLabelText(self.tr("Cancelling after the current page…"))

        task.progressed.connect(on_progress)
        dialog.canceled.connect(on_cancel)
        task.finished.connect(dialog.close)
        task.finished.connect(dialog.deleteLater)


def run_and_wait(work: Callable[[], T], label: str, parent: QWidget | None = None) -> T:
    """``work()`` on a worker thread while the GUI thread keeps painting behind a busy progress
    dialog (no cancel: the work cannot stop halfway); its result, or its exception raised here.

    For the few things the GUI must wait for but that may take minutes on a big project:
    opening a project that is upgraded or checked first (``desktop.store.db.slow_open``)."""
    from PySide6.QtCore import QEventLoop

    box: dict[str, Any] = {}
    loop = QEventLoop()
    done = threading.Event()

    def run() -> None:
        try:
            box["result"] = work()
        except BaseException as err:  # handed to the GUI thread, raised there
            box["error"] = err
        finally:
            done.set()

    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setObjectName("wait_progress")
    dialog.setLabel(plain_label(label, dialog))
    dialog.setWindowTitle(window_title(label))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(300)
    dialog.setValue(0)  # starts the 300 ms after which the dialog shows itself (nothing else sets a value)
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if done.is_set() else None)
    thread = threading.Thread(target=run, name="wait:" + label[:20], daemon=True)
    thread.start()
    timer.start(20)
    if not done.is_set():
        loop.exec()
    timer.stop()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if "error" in box:
        raise box["error"]
    return cast(T, box["result"])
