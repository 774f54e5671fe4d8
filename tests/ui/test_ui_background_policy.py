"""The one policy for background work (desktop/ui/tasks.py): the open Store is used on the GUI
thread only.  Each kind of long work runs through the real actions, and every call made on the
store while it runs is recorded with the thread it came from."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from desktop.store.store import Store


@pytest.fixture
def store_calls(main_window) -> Iterator[list[tuple[str, bool]]]:
    """(method name, made on the GUI thread) of every public Store method called from now on."""
    store = main_window.ctx.store
    calls: list[tuple[str, bool]] = []
    main = threading.main_thread()
    names = [n for n in dir(Store) if not n.startswith("_") and callable(getattr(Store, n, None))]
    for name in names:
        method = getattr(store, name)

        def recorded(*args, _name=name, _method=method, **kwargs):
            calls.append((_name, threading.current_thread() is main))
            return _method(*args, **kwargs)

        setattr(store, name, recorded)  # on the instance: this store only
    yield calls
    for name in names:
        delattr(store, name)


def _off_thread(calls: list[tuple[str, bool]]) -> list[str]:
    return sorted({name for name, on_gui in calls if not on_gui})


def test_the_recorder_sees_a_call_from_another_thread(main_window, store_calls):
    worker = threading.Thread(target=main_window.ctx.store.count_articles)
    worker.start()
    worker.join()
    assert _off_thread(store_calls) == ["count_articles"]  # so the checks below can fail


def test_import_calls_the_store_on_the_gui_thread_only(qtbot, main_window, store_calls, tmp_path, seed_paths):
    folder = tmp_path / "more"
    folder.mkdir()
    for i, path in enumerate(seed_paths[:2]):
        (folder / f"p{i}.txt").write_text(path.read_text(encoding="utf-8") + f"\n第{i}版补白。\n", encoding="utf-8")
    main_window.project.run_import([folder])
    with qtbot.waitSignal(main_window.project.import_finished, timeout=120_000) as blocker:
        pass
    assert blocker.args[0].pages_new == 2
    assert {"has_page_hash", "add_page"} <= {name for name, _ in store_calls}
    assert _off_thread(store_calls) == []


def test_reextraction_calls_the_store_on_the_gui_thread_only(qtbot, main_window, store_calls, monkeypatch):
    w = main_window
    monkeypatch.setattr(w.ctx.interaction, "confirm", lambda title, text: True)
    w.action_set["review.reextract_unreviewed"].trigger()
    task = w.reextraction.last_task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=120_000):
        pass
    assert {"article_bodies", "replace_auto_spans_many"} <= {name for name, _ in store_calls}
    assert _off_thread(store_calls) == []


def test_split_and_merge_call_the_store_on_the_gui_thread_only(qtbot, main_window, store_calls, tmp_path):
    w = main_window
    infos: list[tuple[str, str]] = []
    w.ctx.interaction.show_info = lambda title, text: infos.append((title, text))
    w.ctx.interaction.show_error = lambda title, text: infos.append((title, text))
    done: list[object] = []
    w.team.split_done.connect(done.append)
    task = w.team.run_split(["甲", "乙"], tmp_path / "packages", 0.5, (), 1)
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert done, infos
    files = sorted((tmp_path / "packages").glob("*.sqlite"))
    assert len(files) == 2
    for f in files:
        with Store.open(f) as pkg:
            pkg.set_status(pkg.article_ids()[0], "reviewed")
    merged: list[object] = []
    w.team.merged.connect(merged.append)
    task = w.team.run_merge(files)
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert merged and merged[0].outcomes and not merged[0].refused, infos
    names = {name for name, _ in store_calls}
    assert {"package_writer", "package_reader", "merge_package_content"} <= names
    assert _off_thread(store_calls) == []

