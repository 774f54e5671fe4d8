"""newsdesk stats and import-annotations from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from desktop.cli import main
from desktop.store.store import Store


def test_import_annotations_then_stats(tmp_path: Path):
    data = tmp_path / "ann.jsonl"
    rows = [
        {"body": "李鹏飞在成都市出席会议。", "spans": [{"start": 0, "end": 3, "label": "PER"},
                                                     {"start": 4, "end": 7, "label": "LOC"},
                                                     {"start": 5, "end": 8, "label": "ORG"}]},
        {"body": "四川省财政厅支持30万元。", "spans": [{"start": 0, "end": 6, "label": "ORG"},
                                                     {"start": 8, "end": 12, "label": "MONEY", "value": 300000}]},
    ]
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "p.sqlite"
    runner = CliRunner()
    res = runner.invoke(main, ["import-annotations", "--db", str(db), "--format", "jsonl", str(data)])
    assert res.exit_code == 1, res.output  # one span skipped
    assert "2 record(s): 0 matched existing article(s) (0 article(s) updated), 2 new article(s)" in res.output
    assert "spans imported: 4 (LOC 1, MONEY 1, ORG 1, PER 1)" in res.output
    assert "spans skipped: 1 (overlaps another span: 1)" in res.output

    with Store.open(db, editor="王编辑") as store:
        ids = store.article_ids()
        store.set_status(ids[0], "reviewed")
        store.add_span(ids[0], 8, 10, "DOC")  # 会议: added by hand (imported spans are not the machine's)
    res = runner.invoke(main, ["stats", "--db", str(db)])
    assert res.exit_code == 0, res.output
    out = res.output
    assert "  unreviewed         1" in out and "  reviewed           1" in out and "  total              2" in out
    assert "  王编辑         1" in out
    assert "  DOC       0        0           0      0      1          -    0.0%" in out
    lines = out.splitlines()
    spans_at = lines.index("Spans by label")
    assert lines[spans_at + 3: spans_at + 9] == [
        "  PER        1", "  ORG        1", "  LOC        1", "  MONEY      1", "  DOC        1", "  total      5"]


def test_errors(tmp_path: Path):
    runner = CliRunner()
    res = runner.invoke(main, ["stats", "--db", str(tmp_path / "missing.sqlite")])
    assert res.exit_code == 2 and "no such project file" in res.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    res = runner.invoke(main, ["import-annotations", "--db", str(tmp_path / "p.sqlite"), "--format", "jsonl", str(bad)])
    assert res.exit_code == 1 and "not JSON" in res.output
