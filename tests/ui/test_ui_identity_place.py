"""The first start asks the editor's name; reopening a project returns to the article and
the filter the editor left (issue 14, item 12)."""

from __future__ import annotations

from pathlib import Path

from desk_helpers import CTRL, SHIFT, ModalAnswer, press, type_chinese
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.store.records import ArticleFilter
from desktop.ui.settings import EDITOR_NAME, Settings


def _window(qtbot, qapp, settings: Settings):
    from desktop.ui.app import build_main_window, configure_application

    configure_application(qapp, settings)
    window = build_main_window(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_first_start_asks_the_editors_name_and_records_it(qtbot, qapp, tmp_path: Path, project_path: Path):
    from desktop.ui.app import open_initial_project

    settings = Settings(tmp_path / "fresh.ini")  # a first start: no name yet
    window = _window(qtbot, qapp, settings)
    asked: dict = {}

    def give_name(dialog) -> None:
        asked["name"] = dialog.objectName()
        edit = dialog.findChild(QLineEdit)
        assert QApplication.focusWidget() is edit
        asked["ok_before"] = dialog.ok_button.isEnabled()
        type_chinese(edit, "李编辑")
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    answer = ModalAnswer(give_name)
    open_initial_project(window, project_path, tmp_path / "data")
    answer.check()
    assert asked == {"name": "editor_name_dialog", "ok_before": False}  # OK waits for a name
    assert settings.has_editor_name() and settings.editor_name() == "李编辑"
    assert window.ctx.store.editor == "李编辑"
    assert "李编辑" in window.status_panel.editor.text()
    article_id = window.ctx.article_id
    window.article_view.text.setFocus()
    press(qtbot, Qt.Key.Key_R, CTRL | SHIFT)  # reject the article: an event with the editor's name
    assert window.ctx.store.events(article_id, limit=1)[0].editor == "李编辑"
    assert Settings(tmp_path / "fresh.ini").editor_name() == "李编辑"  # kept for the next start
    window.close()


def test_a_later_start_does_not_ask_again(qtbot, qapp, tmp_path: Path, project_path: Path):
    from desktop.ui.app import open_initial_project

    settings = Settings(tmp_path / "known.ini")
    settings.set(EDITOR_NAME, "王编辑")
    window = _window(qtbot, qapp, settings)
    answer = ModalAnswer(lambda dialog: dialog.reject(), timeout_s=1.0)
    open_initial_project(window, project_path, tmp_path / "data")
    qtbot.wait(300)
    answer.check(count=0)
    assert window.ctx.store.editor == "王编辑"
    window.close()


def test_reopening_returns_to_the_article_and_filter_left(qtbot, qapp, settings: Settings, project_path: Path):
    first = _window(qtbot, qapp, settings)
    assert first.project.open_project(project_path)
    bar = first.article_list.filter_bar
    bar.status.setCurrentIndex(bar.status.findData("unreviewed"))
    first.article_view.text.setFocus()
    press(qtbot, Qt.Key.Key_F, CTRL)
    type_chinese(bar.search, "社区")
    press(qtbot, Qt.Key.Key_Return)  # search, and into the list
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    left_at = first.ctx.article_id
    results = first.ctx.store.article_ids(ArticleFilter(statuses=("unreviewed",), query="社区"))
    assert left_at == results[2] != first.ctx.store.article_ids()[0]
    press(qtbot, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=3000)

    again = _window(qtbot, qapp, Settings(Path(settings.file_name)))
    assert again.project.open_project(project_path)
    bar = again.article_list.filter_bar
    assert bar.status.currentData() == "unreviewed" and bar.search.text() == "社区"
    assert again.article_list.model.rowCount() == len(results)
    assert again.ctx.article_id == left_at
    assert again.article_list.table.currentIndex().row() == 2
    again.close()


def test_an_article_gone_since_falls_back_to_the_first_of_the_list(qtbot, qapp, settings: Settings, project_path: Path):
    first = _window(qtbot, qapp, settings)
    assert first.project.open_project(project_path)
    ids = first.ctx.store.article_ids()
    first.ctx.select_article(ids[3])
    first.close()
    settings.set_project_place(project_path, {"article_id": 999_999, "status": "", "tag": "", "label": "", "query": ""})
    again = _window(qtbot, qapp, settings)
    assert again.project.open_project(project_path)
    assert again.ctx.article_id == ids[0]
    again.close()
