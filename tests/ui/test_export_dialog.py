"""The Export dialog builds the CLI's options and runs registry.export on a worker thread."""

from __future__ import annotations

import json
import re
from pathlib import Path

from desktop.export.options import ExportOptions
from desktop.store.records import ArticleFilter
from desktop.ui.dialogs.export_dialog import ExportDialog
from desktop.ui.models.article_table import status_text


class FakeInteraction:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.errors: list[tuple[str, str]] = []

    def choose_export_file(self, start: str = "") -> Path | None:
        return self.path

    def show_error(self, title: str, text: str) -> None:
        self.errors.append((title, text))


def _dialog(qtbot, ctx, interaction) -> ExportDialog:
    dialog = ExportDialog(ctx.store, interaction)
    qtbot.addWidget(dialog)
    return dialog


def test_form_to_options(qtbot, ctx, tmp_path: Path):
    dialog = _dialog(qtbot, ctx, FakeInteraction(tmp_path / "out"))
    dialog.status_checks["reviewed"].setChecked(True)
    dialog.tags_edit.setText("经济， 科技")
    dialog.pages_list.item(0).setSelected(True)
    dialog.label_checks["LOC"].setChecked(True)
    dialog.human_only.setChecked(True)
    dialog.unit_box.setCurrentIndex(1)
    dialog.split_check.setChecked(True)
    dialog.seed_box.setValue(7)
    page = dialog.pages_list.item(0).text()
    assert dialog.article_filter() == ArticleFilter(statuses=("reviewed",), tags=("经济", "科技"), pages=(page,),
                                                     include_superseded=False)
    assert dialog.options() == ExportOptions(labels=("LOC",), human_only=True, unit="sentence",
                                             split=(0.8, 0.1, 0.1), seed=7)
    dialog.browse()
    assert dialog.path_edit.text() == str(tmp_path / "out.jsonl")
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("label-studio"))
    assert dialog.output_path() == tmp_path / "out.json"


def test_export_runs_on_worker(qtbot, ctx, tmp_path: Path):
    dialog = _dialog(qtbot, ctx, FakeInteraction())
    dialog.path_edit.setText(str(tmp_path / "all.jsonl"))
    with qtbot.waitSignal(dialog.finished_export, timeout=30_000):
        task = dialog.start_export()
        assert task is not None
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == ctx.store.count_articles() == dialog.result.records
    assert json.loads(lines[0])["body"]
    assert dialog.progress.value() == dialog.progress.maximum()
    assert str(tmp_path / "all.jsonl") in dialog.message.text()


def test_split_export_and_errors(qtbot, ctx, tmp_path: Path):
    fake = FakeInteraction()
    dialog = _dialog(qtbot, ctx, fake)
    dialog.path_edit.clear()
    assert dialog.start_export() is None and fake.errors  # no output chosen
    out = tmp_path / "out"
    out.mkdir()
    dialog.path_edit.setText(str(out / "ds"))
    dialog.split_check.setChecked(True)
    with qtbot.waitSignal(dialog.finished_export, timeout=30_000):
        dialog.start_export()
    names = sorted(p.name for p in out.iterdir())
    assert names == ["ds.dev.jsonl", "ds.test.jsonl", "ds.train.jsonl"]
    total = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in out.iterdir())
    assert total == ctx.store.count_articles()
    dialog.path_edit.setText(str(tmp_path / "missing" / "x.jsonl"))
    dialog.split_check.setChecked(False)
    with qtbot.waitSignal(dialog.finished_export, timeout=30_000):
        dialog.start_export()
    assert isinstance(dialog.result, str) and fake.errors[-1][0] == dialog.tr("Export failed")


def test_default_path_close_after_export_human_only_and_translated_statuses(qtbot, main_window):
    """Issue 14, item 13: a path beside the project by default, "Close" once finished, the
    human-only rule said in the dialog, statuses in the interface language."""
    from PySide6.QtCore import Qt

    from desktop.pipeline.model import STATUSES

    w = main_window
    store = w.ctx.store
    project = w.ctx.project_path
    reviewed = store.article_ids()[3]
    store.set_status(reviewed, "reviewed")
    dialog = ExportDialog(store, w.ctx.interaction, w)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.path_edit.text() == str(project.with_name(f"{project.stem}-jsonl.jsonl"))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("conll"))
    assert dialog.output_path() == project.with_name(f"{project.stem}-conll.conll")
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("jsonl"))
    names = [b.text() for b in dialog.status_checks.values()]
    assert names[:4] == ["未审", "审阅中", "已审", "已退回"]
    assert names[4] == status_text("to_adjudicate") and re.search(r"[\u4e00-\u9fff]", names[4]), names[4]  # 待裁定
    assert set(STATUSES) == set(dialog.status_checks)
    assert dialog.format_help.text().startswith("Newsdesk JSONL：")  # the format described in Chinese
    qtbot.mouseClick(dialog.human_only, Qt.MouseButton.LeftButton)
    help_text = dialog.human_only_help.text()
    assert dialog.human_only_help.isVisible() and dialog.human_only_help.isEnabled()
    assert "已审" in help_text and "未审" in help_text  # which articles go, which stay out and why
    qtbot.waitUntil(lambda: dialog.human_only_help.height() >= dialog.human_only_help.heightForWidth(dialog.human_only_help.width()))
    assert dialog.close_button.text() == "取消"
    with qtbot.waitSignal(dialog.finished_export, timeout=30_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    lines = project.with_name(f"{project.stem}-jsonl.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [reviewed]  # the only article an editor judged
    assert dialog.close_button.text() == "关闭"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
