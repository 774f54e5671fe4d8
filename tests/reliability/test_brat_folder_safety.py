"""A brat export never deletes a file it did not write.

The exporter marks every folder it writes (``.newsdesk-export.json``, listing
its files) and replaces an existing folder only when it is empty or is such an
export holding nothing else.  Before this, any folder of ``.txt``/``.ann``/
``.conf`` files was taken for an earlier export and replaced: pointed at the
folder of the original pages, ``export --format brat`` deleted them, exit 0.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.cli import main
from desktop.export.atomic import MARKER_NAME, ExportError
from desktop.export.registry import export
from desktop.export.options import ExportOptions

RECORD = {"id": 1, "page": "p.txt", "body": "成都市举行会议。", "spans": [{"start": 0, "end": 3, "label": "LOC"}]}


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cli_pointed_at_the_pages_folder_refuses_and_deletes_nothing(seed_project_template: Path, tmp_path: Path, seed_paths):
    pages = tmp_path / "pages"
    pages.mkdir()
    for p in seed_paths:
        shutil.copy(p, pages / p.name)
    (pages / "notes.txt").write_text("我的笔记", encoding="utf-8")
    (pages / "important.ann").write_text("T1\tPER 0 2\t张三\n", encoding="utf-8")
    before = _tree(pages)
    project = tmp_path / "p.sqlite"
    shutil.copy(seed_project_template, project)
    result = CliRunner().invoke(main, ["export", "--db", str(project), "--format", "brat", "-o", str(pages)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "not written by a Newsdesk export" in lines[0] and "Traceback" not in result.output
    assert _tree(pages) == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp folder left behind


def test_own_export_is_replaced_and_an_empty_folder_is_used(tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    export("brat", [RECORD], empty)
    assert sorted(p.name for p in empty.iterdir()) == [MARKER_NAME, "1.ann", "1.txt", "annotation.conf"]
    marker = json.loads((empty / MARKER_NAME).read_text(encoding="utf-8"))
    assert marker == {"tool": "newsdesk", "files": ["1.ann", "1.txt", "annotation.conf"]}
    export("brat", [dict(RECORD, id=2)], empty)
    assert sorted(p.name for p in empty.iterdir()) == [MARKER_NAME, "2.ann", "2.txt", "annotation.conf"]


@pytest.mark.parametrize("intruder", ["notes.txt", "hand-made.ann", "sub/folder.txt"])
def test_a_file_added_to_an_earlier_export_stops_the_replacement(tmp_path: Path, intruder: str):
    folder = tmp_path / "corpus"
    export("brat", [RECORD], folder)
    extra = folder / intruder
    extra.parent.mkdir(exist_ok=True)
    extra.write_text("不是导出的文件", encoding="utf-8")
    before = _tree(folder)
    with pytest.raises(ExportError, match="did not write"):
        export("brat", [dict(RECORD, id=2)], folder)
    assert _tree(folder) == before


def test_a_forged_marker_cannot_reach_outside_its_folder(tmp_path: Path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / MARKER_NAME).write_text(json.dumps({"tool": "newsdesk", "files": ["../victim.txt", "1.txt"]}), encoding="utf-8")
    (folder / "1.txt").write_text("x", encoding="utf-8")
    export("brat", [dict(RECORD, id=3)], folder)
    assert victim.read_text(encoding="utf-8") == "keep"
    assert sorted(p.name for p in folder.iterdir()) == [MARKER_NAME, "3.ann", "3.txt", "annotation.conf"]


def test_split_brat_parts_obey_the_same_rule(tmp_path: Path):
    records = [dict(RECORD, id=i, page=f"p{i}.txt") for i in range(10)]
    options = ExportOptions(split=(0.6, 0.2, 0.2), seed=1)
    out = tmp_path / "ner"
    export("brat", records, out, options)
    parts = sorted(p.name for p in tmp_path.iterdir())
    assert all((tmp_path / name / MARKER_NAME).is_file() for name in parts)
    export("brat", records, out, options)  # its own parts: replaced
    train = next(tmp_path / name for name in parts if "train" in name)
    (train / "mine.txt").write_text("别删", encoding="utf-8")
    with pytest.raises(ExportError, match="did not write"):
        export("brat", records, out, options)
    assert (train / "mine.txt").read_text(encoding="utf-8") == "别删"
