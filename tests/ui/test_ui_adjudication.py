"""Adjudication in the app by keys (issue 15): an article whose three editors' versions differ
shows them side by side; Alt+N takes editor N's spans in the current stretch, Alt+B both,
Alt+0 neither, Ctrl+Enter finishes with the adjudicator recorded; every step undoes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from desk_helpers import ALT, CTRL, ModalAnswer, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from team_round import EDITORS, planted_round

from desktop.export.options import ExportOptions
from desktop.export.stream import export_project
from desktop.store.store import Store

EDITOR = "测试编辑"  # the name tests/ui/conftest.py gives the editor


@pytest.fixture
def x_id(project_path: Path, tmp_path: Path) -> int:
    return planted_round(project_path, tmp_path / "packages")


def _spans(record) -> list[tuple[int, int, str]]:
    return sorted((s.start, s.end, s.label) for s in record.spans)


def test_adjudication_by_keys_yields_the_chosen_spans(qtbot, x_id, main_window, tmp_path):
    w, ctx = main_window, main_window.ctx
    ctx.select_article(x_id)
    qtbot.waitUntil(lambda: w.adjudication_dock.isVisible())
    panel = w.adjudication_panel
    assert panel.table.rowCount() == 2  # the LOC stretch and the DATE stretch
    assert [panel.table.horizontalHeaderItem(c).text() for c in range(2, 5)] == EDITORS
    assert [t.toPlainText() == ctx.record.body for t in panel.texts.values()] == [True] * 3
    assert _spans(ctx.record) == [(0, 3, "PER"), (20, 26, "ORG")]  # what all three agree on
    w.article_view.text.setFocus()
    press(qtbot, Qt.Key.Key_2, ALT)  # 李四's LOC (10, 12) in the first stretch; on to the DATE one
    assert _spans(ctx.record) == [(0, 3, "PER"), (10, 12, "LOC"), (20, 26, "ORG")]
    assert panel.table.currentRow() == 1
    press(qtbot, Qt.Key.Key_B, ALT)  # both: the DATE only 王五 has
    assert _spans(ctx.record) == [(0, 3, "PER"), (10, 12, "LOC"), (20, 26, "ORG"), (30, 34, "DATE")]
    press(qtbot, Qt.Key.Key_Up, ALT)
    press(qtbot, Qt.Key.Key_1, ALT)  # changed my mind: 张三's LOC (10, 14)
    assert _spans(ctx.record) == [(0, 3, "PER"), (10, 14, "LOC"), (20, 26, "ORG"), (30, 34, "DATE")]
    press(qtbot, Qt.Key.Key_0, ALT)  # the DATE stretch again: neither
    assert _spans(ctx.record) == [(0, 3, "PER"), (10, 14, "LOC"), (20, 26, "ORG")]
    press(qtbot, Qt.Key.Key_Z, CTRL)  # undo "neither"
    assert (30, 34, "DATE") in _spans(ctx.record)
    press(qtbot, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo
    chosen = [(0, 3, "PER"), (10, 14, "LOC"), (20, 26, "ORG")]
    assert _spans(ctx.record) == chosen
    press(qtbot, Qt.Key.Key_Return, CTRL)  # done: reviewed, the adjudicator recorded
    store = ctx.store
    record = store.get_article(x_id)
    assert (record.status, record.reviewer) == ("reviewed", EDITOR)
    assert store.adjudication(x_id)["adjudicator"] == EDITOR
    assert store.adjudication(x_id)["editors"] == sorted(EDITORS)
    assert not w.adjudication_dock.isVisible()
    assert store.events(x_id, limit=1)[0].action == "adjudicate"
    out = tmp_path / "adjudicated.jsonl"
    export_project("jsonl", store.path, out, ExportOptions(all_editors=True), workers=1)
    rec = next(r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines()) if r["id"] == x_id)
    assert sorted((s["start"], s["end"], s["label"]) for s in rec["spans"]) == chosen
    assert rec["reviewer"] == EDITOR and [v["editor"] for v in rec["editors"]] == sorted(EDITORS)


def test_finishing_undoes_back_to_adjudicate(qtbot, x_id, main_window):
    w, ctx = main_window, main_window.ctx
    ctx.select_article(x_id)
    w.article_view.text.setFocus()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert ctx.store.get_article(x_id).status == "reviewed"
    ctx.select_article(x_id)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert ctx.store.get_article(x_id).status == "to_adjudicate" and ctx.store.adjudication(x_id) is None
    qtbot.waitUntil(lambda: w.adjudication_dock.isVisible())


def test_split_and_merge_from_the_file_menu_and_the_agreement_tab(qtbot, main_window, tmp_path):
    w, ctx = main_window, main_window.ctx
    folder = tmp_path / "handout"
    infos: list[tuple[str, str]] = []
    ctx.interaction.show_info = lambda title, text: infos.append((title, text))
    ctx.interaction.show_error = lambda title, text: infos.append((title, text))

    def fill(dialog):
        dialog.editors.setText("甲,乙")
        dialog.overlap.setValue(0.5)
        dialog.folder.setText(str(folder))
        dialog.accept()

    answer = ModalAnswer(fill)
    done = []
    w.team.split_done.connect(done.append)
    w.action_set["file.split_packages"].trigger()
    answer.check()
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    files = sorted(folder.glob("*.sqlite"))
    assert "甲" in infos[0][1] and str(folder) in infos[0][1]
    assert [f.name for f in files] == ["project-乙.sqlite", "project-甲.sqlite"]
    for f in files:  # each editor signs off the first shared article, with different spans
        with Store.open(f) as pkg:
            aid = pkg.article_ids()[0]
            if pkg.editor == "甲":
                pkg.remove_span(pkg.get_article(aid).spans[0].id)
            pkg.set_status(aid, "reviewed")
    ctx.interaction.choose_package_files = lambda start="": files
    merged = []
    w.team.merged.connect(merged.append)
    w.action_set["file.merge_packages"].trigger()
    qtbot.waitUntil(lambda: bool(merged), timeout=60_000)
    assert merged[0].outcomes and not merged[0].refused
    assert "1" in w.status_panel.currentMessage()
    seen = {}

    def look(dialog):
        seen["tabs"] = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        seen["pairs"] = dialog.agreement_tab.table.rowCount()
        dialog.reject()

    answer = ModalAnswer(look)
    w.action_set["review.statistics"].trigger()
    answer.check()
    assert len(seen["tabs"]) == 2 and seen["pairs"] == 2  # the pair 甲–乙 and the overall row
    QApplication.processEvents()


def test_the_export_dialog_can_write_every_editors_version(qtbot, ctx):
    from desktop.ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(ctx.store, ctx.interaction)
    qtbot.addWidget(dialog)
    assert dialog.options().all_editors is False
    qtbot.mouseClick(dialog.all_editors, Qt.MouseButton.LeftButton)
    assert dialog.options().all_editors is True
