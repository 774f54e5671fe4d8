"""End to end through the command line: import the seeds, export JSONL, annotate.

These run the real pipeline and store (no mocks) in a subprocess or through
click's runner, the way a user or a script calls ``newsdesk``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.cli import main

RECORD_KEYS = [
    "id", "page", "position", "title", "kicker", "subtitle", "byline", "authors", "source",
    "dateline", "dateline_iso", "continued_from", "continued_to", "sections", "captions", "body", "spans", "flags", "tags",
    "status", "reviewer", "reviewed_at",
]


@pytest.fixture(scope="module")
def seeded_project(tmp_path_factory) -> Path:
    root = Path(__file__).resolve().parent.parent
    db = tmp_path_factory.mktemp("proj") / "seeds.sqlite"
    result = CliRunner().invoke(main, ["import", "--db", str(db), "--quiet", str(root / "seeds")])
    assert result.exit_code == 0, result.output
    return db


def test_import_summary_names_pages_articles_and_labels(tmp_path):
    root = Path(__file__).resolve().parent.parent
    db = tmp_path / "p.sqlite"
    result = CliRunner().invoke(main, ["import", "--db", str(db), "--quiet", str(root / "seeds")])
    assert result.exit_code == 0, result.output
    assert "pages new: 4" in result.output
    assert "spans:" in result.output and "LOC" in result.output
    again = CliRunner().invoke(main, ["import", "--db", str(db), "--quiet", str(root / "seeds")])
    assert again.exit_code == 0
    assert "pages new: 0" in again.output and "unchanged: 4" in again.output


def test_export_gives_the_full_record_for_every_article(seeded_project, tmp_path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["export", "--db", str(seeded_project), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 20
    assert {r["page"] for r in records} == {p.name for p in (Path(__file__).parent.parent / "seeds").glob("*.txt")}
    for r in records:
        assert list(r) == RECORD_KEYS
        for s in r["spans"]:
            assert r["body"][s["start"]:s["end"]] == s["text"]
            assert s["origin"] == "auto"
        assert r["status"] == "unreviewed"
    labels = {s["label"] for r in records for s in r["spans"]}
    assert {"PER", "ORG", "LOC", "DATE", "MONEY", "PERCENT", "DOC"} <= labels


def test_bad_files_are_named_and_the_rest_imports(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "good.txt").write_text("# 标题在这里\n\n□本报记者 王小明\n\n成都市今天召开会议。\n", encoding="utf-8")
    (pages / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    (pages / "empty.md").write_bytes(b"")
    (pages / "gbk.txt").write_bytes("# 重庆新闻\n\n□本报记者 李华\n\n重庆市体育局发布消息。\n".encode("gbk"))
    (pages / "ignored.pdf").write_bytes(b"%PDF-1.4")
    db = tmp_path / "p.sqlite"
    result = CliRunner().invoke(main, ["import", "--db", str(db), "--quiet", str(pages)])
    assert result.exit_code == 1
    assert "picture.txt" in result.output and "binary" in result.output
    assert "empty.md" in result.output and "empty" in result.output
    assert "pages new: 2" in result.output
    assert "ignored.pdf" not in result.output


def test_annotate_keeps_one_line_out_per_line_in(tmp_path):
    lines = ["2023年,四川省财政厅下达奖补资金共计1亿元。", "", "   ", "同比增长34.3%。", "\x00奇怪的\ufffd字符", "𠮷野家在成都市开店"]
    src = tmp_path / "in.txt"
    src.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + b"\xff\xfe broken bytes\n")
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "annotate", str(src)],
        capture_output=True, timeout=300, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode("utf-8").splitlines()
    assert len(out) == len(lines) + 1
    recs = [json.loads(line) for line in out]
    for line, rec in zip(lines, recs):
        assert rec["text"] == line
        for s in rec["spans"]:
            assert line[s["start"]:s["end"]] == s["text"]
    assert any(s["label"] == "MONEY" and s["value"] == 100000000 for s in recs[0]["spans"])
    assert any(s["label"] == "PERCENT" for s in recs[3]["spans"])
    assert recs[1]["spans"] == [] and recs[2]["spans"] == []


def test_annotate_reads_stdin():
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "annotate"],
        input="成都市青羊区人社局\n2月20日\n".encode(), capture_output=True, timeout=300,
    )
    assert proc.returncode == 0
    assert len(proc.stdout.decode("utf-8").splitlines()) == 2


def test_missing_project_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", str(tmp_path / "nope.sqlite")])
    assert result.exit_code == 2
    assert "no such project" in result.output


def test_export_doccano_offsets_in_utf16_or_code_points(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p.txt").write_text("# 标题\n\n□本报记者 王小明\n\n𠮷字之后,成都市召开会议。\n", encoding="utf-8")
    db = tmp_path / "p.sqlite"
    assert CliRunner().invoke(main, ["import", "--db", str(db), "--quiet", str(pages)]).exit_code == 0
    outs = {}
    for unit in ("utf16", "codepoint"):
        out = tmp_path / f"{unit}.jsonl"
        res = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "doccano", "--offset-unit", unit, "-o", str(out)])
        assert res.exit_code == 0, res.output
        outs[unit] = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    text = outs["codepoint"]["text"]
    [(s, e, lab)] = [x for x in outs["codepoint"]["label"] if x[2] == "LOC"]
    assert text[s:e] == "成都市"
    [(s16, e16, _)] = [x for x in outs["utf16"]["label"] if x[2] == "LOC"]
    assert (s16, e16) == (s + 1, e + 1)  # 𠮷 is two UTF-16 units before the span
