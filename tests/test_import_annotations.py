"""import-annotations: round trip through JSONL, matching by text, bad spans reported and skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.ops.annotations_import import import_annotations
from desktop.export.registry import export
from desktop.store.store import Store

IGNORED = {"id", "page", "position", "status", "reviewer", "reviewed_at"}



@pytest.fixture
def seeded(seeded_project):
    """The seed project with its spans as the machine made them (tests/conftest.py)."""
    return seeded_project


def _comparable(rec: dict) -> dict:
    out = {k: v for k, v in rec.items() if k not in IGNORED}
    out["spans"] = [{k: v for k, v in s.items() if k not in ("origin", "suggested")} for s in rec["spans"]]
    return out


def test_jsonl_round_trip(seeded: Store, tmp_path: Path):
    seeded.set_tags(seeded.article_ids()[0], ["经济"])
    first = tmp_path / "first.jsonl"
    export("jsonl", lambda: seeded.iter_records(), first)
    original = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    with Store.open(tmp_path / "new.sqlite", editor="bob") as fresh:
        summary = import_annotations(fresh, first, "jsonl")
        assert (summary.records, summary.matched, summary.new, summary.skipped) == (len(original), 0, len(original), [])
        assert summary.spans_imported == sum(len(r["spans"]) for r in original)
        records = list(fresh.iter_records())
        assert {s["origin"] for r in records for s in r["spans"]} == {"imported"}
        assert {r["page"] for r in records} == {"first.jsonl"}
        assert [_comparable(r) for r in records] == [_comparable(r) for r in original]
        again = import_annotations(fresh, first, "jsonl")  # same file: nothing new
        assert (again.new, again.spans_imported, again.page_status) == (0, 0, "unchanged")
        assert fresh.count_articles() == len(original)


@pytest.mark.parametrize("fmt,ext", [("doccano", ".jsonl"), ("label-studio", ".json")])
def test_other_formats_round_trip_spans(seeded: Store, tmp_path: Path, fmt: str, ext: str):
    out = tmp_path / f"data{ext}"
    export(fmt, lambda: seeded.iter_records(), out)
    with Store.open(tmp_path / "new.sqlite") as fresh:
        summary = import_annotations(fresh, out, fmt)
        assert summary.skipped == [] and summary.new == seeded.count_articles()
        got = [(r["body"], [(s["start"], s["end"], s["label"]) for s in r["spans"]]) for r in fresh.iter_records()]
    want = [(r["body"], [(s["start"], s["end"], s["label"]) for s in r["spans"]]) for r in seeded.iter_records()]
    assert got == want


def test_match_by_text_with_bad_spans(seeded: Store, tmp_path: Path):
    aid = seeded.article_ids()[0]
    rec = seeded.get_article(aid)
    body = rec.body
    for s in rec.spans:  # make room: the editor removed the machine's spans
        seeded.remove_span(s.id)
    first = rec.spans[0]
    spaced = "  " + body[: first.start] + " " + body[first.start:] + "\n"
    shift = 3  # two leading spaces + the inserted one
    lines = [
        {"body": spaced, "spans": [
            {"start": first.start + shift, "end": first.end + shift, "label": first.label},  # ok, mapped back
            {"start": first.start + shift, "end": first.end + shift + 1, "label": "PER"},  # overlaps the first
            {"start": len(spaced) - 1, "end": len(spaced) + 5, "label": "LOC"},  # out of range
            {"start": 0, "end": 1, "label": "FOO"},  # unknown label
        ]},
        {"body": "一篇新的文章，讲成都。", "spans": [{"start": 8, "end": 10, "label": "LOC"}]},
    ]
    path = tmp_path / "edited.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    summary = import_annotations(seeded, path, "jsonl", match="text")
    assert (summary.records, summary.matched, summary.new, summary.spans_imported) == (2, 1, 1, 2)
    assert sorted(s.reason for s in summary.skipped) == [
        "out of range or empty", "overlaps another span", "unknown label"]
    after = seeded.get_article(aid)
    assert [(s.start, s.end, s.label, s.origin) for s in after.spans] == [
        (first.start, first.end, first.label, "imported")]
    new_ids = seeded.find_articles_by_body("一篇新的文章，讲成都。")
    assert [(s.text, s.label, s.origin) for s in seeded.get_article(new_ids[0]).spans] == [("成都", "LOC", "imported")]
    # the same record again: the span is already there
    again = import_annotations(seeded, path, "jsonl", match="text")
    assert again.matched == 2 and again.spans_imported == 0
    assert "already on the article" in again.skipped_reasons()
