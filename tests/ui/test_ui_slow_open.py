"""Opening a big project that must first be upgraded or checked (minutes at a million articles)
runs off the GUI thread behind a busy dialog; what the open raises still reaches the editor."""

from __future__ import annotations

import shutil
import threading

import pytest

import desktop.ui.project_controller as project_controller
from desktop.store import migrations
from desktop.store.db import slow_open
from desktop.store.errors import ProjectLockedError
from desktop.store.store import Store
from project_versions import as_v6


@pytest.fixture
def opens(monkeypatch) -> list[bool]:
    """Every Store.open from now on: made on the GUI thread?  And every project counts as big."""
    made: list[bool] = []
    real = Store.open.__func__  # type: ignore[attr-defined]

    def recorded(cls, *args, **kwargs):
        made.append(threading.current_thread() is threading.main_thread())
        return real(cls, *args, **kwargs)

    monkeypatch.setattr(Store, "open", classmethod(recorded))
    monkeypatch.setattr(project_controller, "SLOW_OPEN_BYTES", 0)
    return made


def test_slow_open_says_what_an_open_will_do(seed_project_template, tmp_path):
    path = tmp_path / "p.sqlite"
    shutil.copy(seed_project_template, path)
    assert slow_open(path) == "check"  # never closed here: checked first
    Store.open(path).close()
    assert slow_open(path) is None  # closed cleanly: opens at once
    as_v6(path)
    assert slow_open(path) == "upgrade"
    assert slow_open(tmp_path / "missing.sqlite") is None
    (tmp_path / "junk.sqlite").write_bytes(b"not a project")
    assert slow_open(tmp_path / "junk.sqlite") is None  # the open itself explains


def test_an_upgrade_runs_off_the_gui_thread_and_the_project_works(main_window, opens, tmp_path, seed_project_template):
    path = tmp_path / "old.sqlite"
    shutil.copy(seed_project_template, path)
    Store.open(path).close()
    as_v6(path)
    opens.clear()
    assert main_window.project.open_project(path)
    assert opens == [False]  # opened (backed up, upgraded) on a worker thread
    store = main_window.ctx.store
    assert store.path == path
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
    assert path.with_name(path.name + ".bak-v6").exists()
    aid = main_window.ctx.article_id
    assert aid is not None and store.get_article(aid).body  # used on the GUI thread from here on


def test_a_project_opened_cleanly_opens_on_the_gui_thread(main_window, opens, tmp_path, seed_project_template):
    path = tmp_path / "clean.sqlite"
    shutil.copy(seed_project_template, path)
    Store.open(path).close()
    opens.clear()
    assert main_window.project.open_project(path)
    assert opens == [True]


def test_what_the_worker_raises_reaches_the_editor(main_window, opens, monkeypatch, tmp_path, seed_project_template):
    path = tmp_path / "locked.sqlite"
    shutil.copy(seed_project_template, path)  # never closed here: it is checked, so off the GUI thread
    real = Store.open.__func__  # the recorder

    def locked(cls, *args, readonly=False, **kwargs):
        if not readonly:
            real(cls, *args, readonly=True, **kwargs).close()  # recorded, then refused as if in use
            raise ProjectLockedError("in use elsewhere", code="project_locked")
        return real(cls, *args, readonly=True, **kwargs)

    monkeypatch.setattr(Store, "open", classmethod(locked))
    asked: list[str] = []
    monkeypatch.setattr(main_window.ctx.interaction, "confirm", lambda title, text: asked.append(text) or True)
    assert main_window.project.open_project(path)
    assert asked and str(path) in asked[0]  # "open it read-only?" after the worker's refusal
    assert main_window.ctx.store.readonly
    assert opens[0] is False


def test_the_busy_dialog_shows_while_the_work_runs(qtbot, main_window):
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from desktop.ui.tasks import run_and_wait

    seen: list[str] = []

    def look():
        seen.extend(d.labelText() for d in QApplication.topLevelWidgets()
                    if isinstance(d, QProgressDialog) and d.objectName() == "wait_progress" and d.isVisible())

    QTimer.singleShot(700, look)  # the dialog shows itself after 300 ms
    assert run_and_wait(lambda: time.sleep(1.2) or 42, "升级中\nbig.sqlite", main_window) == 42
    assert seen and "big.sqlite" in seen[0]
    with pytest.raises(ZeroDivisionError):
        run_and_wait(lambda: 1 / 0, "出错", main_window)
