"""Label Studio tasks: the documented task/result schema (anchors.md §3), config, round trip.

label-studio-sdk is not a test dependency: it pulls 49 packages (~500 MB, OpenCV,
pandas, black) and would downgrade numpy in the shared environment.  These tests
check the documented schema instead; the SDK's LabelInterface accepted this
output when tried in a separate environment (see the export report).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from export_samples import record_1, record_2
from desktop.export import ExportOptions, export
from desktop.export.offsets import utf16_slice
from desktop.export.readers import parse_label_studio
from desktop.pipeline.model import LABELS


def _config(path: Path) -> tuple[str, str, set[str]]:
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    assert root.tag == "View"
    labels = root.find("Labels")
    text = root.find("Text")
    assert labels is not None and text is not None and text.get("value") == "$text"
    assert labels.get("toName") == text.get("name")
    return labels.get("name") or "", text.get("name") or "", {el.get("value") for el in labels}


def _check_result(item: dict[str, Any], task: dict[str, Any], from_name: str, to_name: str,
                  labels: set[str]) -> None:
    assert set(item) >= {"id", "from_name", "to_name", "type", "value"}
    assert item["from_name"] == from_name and item["to_name"] == to_name and item["type"] == "labels"
    value = item["value"]
    assert set(value) == {"start", "end", "text", "labels"}
    assert value["labels"] and set(value["labels"]) <= labels
    assert utf16_slice(task["data"]["text"], value["start"], value["end"]) == value["text"]


def test_tasks_follow_the_documented_schema(tmp_path: Path) -> None:
    target = tmp_path / "tasks.json"
    recs = [record_1("reviewed"), record_2("unreviewed"), record_1("rejected"), record_2("in_review")]
    stats = export("label-studio", recs, target)
    assert stats.files == 2 and stats.records == 4
    from_name, to_name, labels = _config(tmp_path / "tasks.label_config.xml")
    assert labels == set(LABELS)
    tasks = json.loads(target.read_text(encoding="utf-8"))
    assert isinstance(tasks, list) and len(tasks) == 4
    result_ids = []
    for task, rec in zip(tasks, recs):
        assert task["data"]["text"] == rec["body"] and task["data"]["title"] == rec["title"]
        assert task["data"]["authors"] == rec["authors"] and "body" not in task["data"]
        for group in task.get("annotations", []) + task.get("predictions", []):
            for item in group["result"]:
                _check_result(item, task, from_name, to_name, labels)
                result_ids.append(item["id"])
    assert len(result_ids) == len(set(result_ids))
    reviewed, unreviewed, rejected, in_review = tasks
    assert len(reviewed["annotations"][0]["result"]) == 13 and "predictions" not in reviewed
    assert reviewed["annotations"][0]["was_cancelled"] is False
    assert unreviewed["predictions"][0]["model_version"] == "newsdesk-rules"
    assert "annotations" not in unreviewed and "predictions" in in_review
    assert rejected["annotations"] == [{"result": [], "was_cancelled": True, "ground_truth": False}]
    origins = {i["value"]["text"]: i["origin"] for i in reviewed["annotations"][0]["result"]}
    assert origins["四川省财政厅"] == "manual" and origins["温先生"] == "prediction"


def test_offsets_are_utf16_after_an_astral_character(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    export("label-studio", [record_1()], target)
    items = json.loads(target.read_text(encoding="utf-8"))[0]["annotations"][0]["result"]
    loc = next(i for i in items if i["value"]["text"] == "四川省成都市")
    assert (loc["value"]["start"], loc["value"]["end"]) == (9, 15)
    export("label-studio", [record_1()], target, ExportOptions(offset_unit="codepoint"))
    items = json.loads(target.read_text(encoding="utf-8"))[0]["annotations"][0]["result"]
    loc = next(i for i in items if i["value"]["text"] == "四川省成都市")
    assert (loc["value"]["start"], loc["value"]["end"]) == (8, 14)


def test_label_filter_limits_config_and_results(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    stats = export("label-studio", [record_1()], target, ExportOptions(labels=("PER", "ORG")))
    assert stats.spans == 5
    assert _config(tmp_path / "t.label_config.xml")[2] == {"PER", "ORG"}


def test_empty_export_is_valid_json(tmp_path: Path) -> None:
    target = tmp_path / "t.json"
    export("label-studio", [], target)
    assert json.loads(target.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("unit", ["utf16", "codepoint"])
def test_reader_gives_back_the_same_spans(tmp_path: Path, unit: str) -> None:
    recs = [record_1("reviewed"), record_2("unreviewed")]
    target = tmp_path / "t.json"
    export("label-studio", recs, target, ExportOptions(offset_unit=unit))
    back = list(parse_label_studio(target, offset_unit=unit))
    for rec, got in zip(recs, back):
        assert got["body"] == rec["body"] and got["id"] == rec["id"] and got["status"] == rec["status"]
        key = lambda s: (s["start"], s["end"], s["label"], s["text"])  # noqa: E731
        assert sorted(map(key, got["spans"])) == sorted(map(key, rec["spans"]))
    assert {s["origin"] for s in back[0]["spans"]} == {"human"}
    human = {s["text"] for s in back[1]["spans"] if s["origin"] == "human"}
    assert human == {"𠮷祥村", "清风路社区"}


def test_reader_catches_code_point_offsets_read_as_utf16(tmp_path: Path) -> None:
    from desktop.export.readers import AnnotationReadError

    target = tmp_path / "t.json"
    export("label-studio", [record_1()], target, ExportOptions(offset_unit="codepoint"))
    with pytest.raises(AnnotationReadError, match="says"):
        list(parse_label_studio(target, offset_unit="utf16"))


def test_reader_reads_json_min(tmp_path: Path) -> None:
    target = tmp_path / "min.json"
    target.write_text(json.dumps([{"id": 3, "text": "𠮷在成都", "label": [
        {"start": 3, "end": 5, "text": "成都", "labels": ["LOC"]}]}], ensure_ascii=False), encoding="utf-8")
    (rec,) = parse_label_studio(target)
    assert rec["body"] == "𠮷在成都" and rec["spans"][0]["start"] == 2 and rec["spans"][0]["text"] == "成都"
