"""Import and export from the File menu: on a worker thread, cancellable, window responsive."""

from __future__ import annotations

import json
import shutil

from PySide6.QtCore import QTimer

from desktop.store.store import Store


def test_import_runs_in_the_background_and_can_be_cancelled(qtbot, main_window, tmp_path, seed_paths):
    w = main_window
    before_pages = len(w.ctx.store.pages())
    folder = tmp_path / "more"
    folder.mkdir()
    for i, path in enumerate(seed_paths):  # new content so nothing is "unchanged"
        shutil.copy(path, folder / f"copy_{i}.txt")
        (folder / f"copy_{i}.txt").write_text(path.read_text(encoding="utf-8") + f"\n本报讯 补充第{i}段。\n", encoding="utf-8")
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    task = w.project.run_import([folder])
    with qtbot.waitSignal(w.project.import_finished, timeout=120_000) as blocker:
        pass
    timer.stop()
    summary = blocker.args[0]
    assert summary is not None and summary.pages_new == len(seed_paths)
    assert len(ticks) > 5  # the event loop kept running during the import
    assert len(w.ctx.store.pages()) == before_pages + len(seed_paths)
    assert w.article_list.model.rowCount() == w.ctx.store.count_articles()
    assert not task.is_running()


def test_cancel_leaves_only_whole_pages(qtbot, main_window, tmp_path, seed_paths):
    w = main_window
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(6):
        src = seed_paths[i % len(seed_paths)]
        (folder / f"p{i}.txt").write_text(src.read_text(encoding="utf-8") + f"\n第{i}版补白。\n", encoding="utf-8")
    pages_before = {p.id for p in w.ctx.store.pages()}
    task = w.project.run_import([folder])
    task.progressed.connect(lambda done, total, name: task.cancel() if done >= 1 else None)
    with qtbot.waitSignal(w.project.import_finished, timeout=120_000) as blocker:
        pass
    summary = blocker.args[0]
    assert summary.cancelled
    new_pages = [p for p in w.ctx.store.pages() if p.id not in pages_before]
    assert 1 <= len(new_pages) < 6
    for page in new_pages:  # every page that is there has all its articles
        assert page.n_articles == w.ctx.store.count_articles(_page_filter(page.source_name))


def _page_filter(name: str):
    from desktop.store.records import ArticleFilter

    return ArticleFilter(pages=(name,))


def test_export_writes_jsonl(qtbot, main_window, tmp_path, monkeypatch):
    w = main_window
    target = tmp_path / "out.jsonl"
    monkeypatch.setattr(w.ctx.interaction, "choose_export_file", lambda start="": target)
    task = w.project.export_jsonl()
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == w.ctx.store.count_articles()
    first = json.loads(lines[0])
    assert "body" in first and "spans" in first
    assert "\\u" not in lines[0]  # Chinese written as Chinese


def test_first_run_builds_the_demo_project(qtbot, qapp, settings, tmp_path):
    from desktop.ui.app import build_main_window, open_initial_project

    window = build_main_window(settings)
    qtbot.addWidget(window)
    window.show()
    open_initial_project(window, None, tmp_path / "data")
    with qtbot.waitSignal(window.project.import_finished, timeout=120_000):
        pass
    demo = tmp_path / "data" / "demo.sqlite"
    assert window.ctx.project_path == demo and window.ctx.store.count_articles() > 0
    assert window.ctx.article_id is not None
    assert settings.get_last_project() == str(demo.resolve())
    window.close()
    check = Store.open(demo, readonly=True)
    try:
        assert check.count_articles() > 0
    finally:
        check.close()
