"""The Export dialog builds the CLI's options and runs registry.export on a worker thread."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.export.options import ExportOptions
from desktop.store.records import ArticleFilter
from desktop.ui.dialogs.export_dialog import ExportDialog


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
    assert "Exported" in dialog.message.text()


def test_split_export_and_errors(qtbot, ctx, tmp_path: Path):
    fake = FakeInteraction()
    dialog = _dialog(qtbot, ctx, fake)
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
    assert isinstance(dialog.result, str) and fake.errors[-1][0] == "Export failed"
