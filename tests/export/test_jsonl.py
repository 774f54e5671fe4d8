"""Newsdesk JSONL: lossless, round-trips byte for byte, loads in Hugging Face datasets."""

from __future__ import annotations

import json
from pathlib import Path

from export_samples import record_1, record_2
from desktop.export import ExportOptions, export
from desktop.export.base import RECORD_KEYS
from desktop.export.readers import parse_jsonl


def test_keys_in_record_order_and_chinese_unescaped(tmp_path: Path, records) -> None:
    target = tmp_path / "out.jsonl"
    stats = export("jsonl", records, target)
    assert (stats.records, stats.spans, stats.files) == (2, 19, 1)
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    lines = raw.decode("utf-8").splitlines()
    assert len(lines) == 2 and "四川省财政厅" in lines[0] and "\\u" not in lines[0]
    first = json.loads(lines[0])
    assert tuple(first) == RECORD_KEYS
    assert list(first["spans"][0]) == ["start", "end", "label", "text", "value", "origin", "confidence", "suggested"]
    assert first == record_1()


def test_round_trip_identical_bytes(tmp_path: Path, records) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    export("jsonl", records, first)
    export("jsonl", parse_jsonl(first), second)
    assert first.read_bytes() == second.read_bytes()


def test_missing_fields_are_filled_in_order(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    export("jsonl", [{"id": 7, "body": "成都", "spans": [{"start": 0, "end": 2, "label": "LOC"}]}], target)
    rec = json.loads(target.read_text(encoding="utf-8"))
    assert tuple(rec) == RECORD_KEYS
    assert rec["spans"] == [{"start": 0, "end": 2, "label": "LOC", "text": "", "value": None, "origin": "auto",
                             "confidence": None, "suggested": "auto"}]
    assert rec["authors"] == [] and rec["status"] == "unreviewed" and rec["reviewed_at"] is None


def test_loads_with_hugging_face_datasets(tmp_path: Path, records) -> None:
    from datasets import load_dataset

    target = tmp_path / "out.jsonl"
    export("jsonl", records * 3, target)
    ds = load_dataset("json", data_files=str(target), cache_dir=str(tmp_path / "hf"))["train"]
    assert ds.num_rows == 6
    row = ds[0]
    assert row["title"] == "四川省财政厅与成都市签订协议"
    assert row["authors"][0] == {"name": "李鹏飞", "role": "记者"}
    for rec in ds:
        for sp in rec["spans"]:
            assert rec["body"][sp["start"]:sp["end"]] == sp["text"]  # code-point offsets
    money = [s for s in ds[0]["spans"] if s["label"] == "MONEY"][0]
    assert money["value"] == 47300000000
    assert ds[1]["spans"][0]["value"] == {"start": "2023-01-01", "end": "2023-12-31"}


def test_sentence_units_load_with_datasets(tmp_path: Path) -> None:
    from datasets import load_dataset

    target = tmp_path / "s.jsonl"
    stats = export("jsonl", [record_1(), record_2()], target, ExportOptions(unit="sentence"))
    ds = load_dataset("json", data_files=str(target), cache_dir=str(tmp_path / "hf"))["train"]
    assert ds.num_rows == stats.records
    assert ds.column_names[:3] == ["id", "article_id", "sentence_index"]
    assert sum(len(r["spans"]) for r in ds) == 19
    for rec in ds:
        for sp in rec["spans"]:
            assert rec["body"][sp["start"]:sp["end"]] == sp["text"]
