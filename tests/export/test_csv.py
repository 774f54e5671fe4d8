"""CSV table: BOM for Excel, the agreed columns, Chinese and multi-line bodies intact."""

from __future__ import annotations

import csv
from pathlib import Path

from export_samples import record_1, record_2
from desktop.export import ExportOptions, export
from desktop.export.csv_table import COLUMNS


def test_bom_columns_and_values(tmp_path: Path) -> None:
    target = tmp_path / "t.csv"
    stats = export("csv", [record_1(), record_2()], target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and stats.records == 2
    with open(target, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 2
    row = rows[0]
    assert row["authors"] == "李鹏飞(记者);王卉(通讯员)"
    assert row["tags"] == "财经;成都" and row["flags"] == "title_misplaced"
    assert row["n_spans"] == "13" and row["body"] == record_1()["body"]
    assert row["title"] == "四川省财政厅与成都市签订协议" and row["reviewer"] == "张编辑"
    assert rows[1]["position"] == "1" and rows[1]["status"] == "unreviewed"


def test_n_spans_follows_options_and_none_is_empty(tmp_path: Path) -> None:
    rec = record_2()
    rec["reviewed_at"] = None
    target = tmp_path / "t.csv"
    export("csv", [rec], target, ExportOptions(human_only=True))
    with open(target, encoding="utf-8-sig", newline="") as stream:
        (row,) = csv.DictReader(stream)
    assert row["n_spans"] == "2" and row["reviewed_at"] == ""
