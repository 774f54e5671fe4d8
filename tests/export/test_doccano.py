"""doccano JSONL: text + label keys, UTF-16 offsets that slice the text, readable back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from export_samples import record_1
from desktop.export import ExportOptions, export
from desktop.export.offsets import utf16_slice
from desktop.export.readers import AnnotationReadError, parse_doccano


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_shape_and_utf16_offsets_slice_to_the_span(tmp_path: Path, records) -> None:
    target = tmp_path / "d.jsonl"
    stats = export("doccano", records, target)
    assert stats.spans == 19
    for line, rec in zip(_lines(target), records):
        assert list(line)[:3] == ["id", "text", "label"]
        assert line["text"] == rec["body"] and "body" not in line and "spans" not in line
        assert line["title"] == "四川省财政厅与成都市签订协议" and line["page"] == rec["page"]
        expected = sorted((s["text"], s["label"]) for s in rec["spans"])
        got = sorted((utf16_slice(line["text"], s, e), lab) for s, e, lab in line["label"])
        assert got == expected
    first = _lines(target)[0]
    # 𠮷 opens the body: every offset after it is one more than Python's.
    loc = [x for x in first["label"] if x[2] == "LOC"][0]
    assert loc[:2] == [9, 15] and record_1()["body"][8:14] == "四川省成都市"


def test_codepoint_option_slices_python_strings(tmp_path: Path, records) -> None:
    target = tmp_path / "d.jsonl"
    export("doccano", records, target, ExportOptions(offset_unit="codepoint"))
    for line in _lines(target):
        texts = {line["text"][s:e] for s, e, _ in line["label"]}
        assert "四川省成都市" in texts or "𠮷祥村" in texts


def test_values_kept_beside_labels(tmp_path: Path) -> None:
    target = tmp_path / "d.jsonl"
    export("doccano", [record_1()], target)
    values = {lab: v for _, _, lab, v in _lines(target)[0]["values"]}
    assert values["MONEY"] == 47300000000


@pytest.mark.parametrize("unit", ["utf16", "codepoint"])
def test_reader_gives_back_the_same_spans(tmp_path: Path, records, unit: str) -> None:
    target = tmp_path / "d.jsonl"
    export("doccano", records, target, ExportOptions(offset_unit=unit))
    back = list(parse_doccano(target, offset_unit=unit))
    for rec, got in zip(records, back):
        assert got["body"] == rec["body"] and got["id"] == rec["id"] and got["title"] == rec["title"]
        key = lambda s: (s["start"], s["end"], s["label"], s["text"], s["value"])  # noqa: E731
        assert sorted(map(key, got["spans"])) == sorted(map(key, rec["spans"]))


def test_reader_accepts_older_keys_and_dict_spans(tmp_path: Path) -> None:
    target = tmp_path / "old.jsonl"
    target.write_text(
        json.dumps({"id": 1, "data": "𠮷四川省", "labels": [[2, 5, "LOC"]]}, ensure_ascii=False) + "\n"
        + json.dumps({"text": "成都市", "entities": [{"id": 5, "label": "LOC", "start_offset": 0,
                                                     "end_offset": 3}], "relations": []},
                     ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    a, b = parse_doccano(target)
    assert a["spans"][0]["text"] == "四川省" and (a["spans"][0]["start"], a["spans"][0]["end"]) == (1, 4)
    assert b["spans"][0]["text"] == "成都市" and b["relations"] == []


def test_reader_rejects_offsets_that_split_a_surrogate_pair(tmp_path: Path) -> None:
    target = tmp_path / "bad.jsonl"
    target.write_text(json.dumps({"text": "𠮷利", "label": [[1, 3, "ORG"]]}) + "\n", encoding="utf-8")
    with pytest.raises(AnnotationReadError, match="surrogate pair"):
        list(parse_doccano(target))
