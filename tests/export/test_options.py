"""Options: label filter, human-only, sentence units, the page-grouped split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from export_samples import record_1, record_2
from desktop.export import ExportOptions, apply_options, export, split_records
from desktop.export.options import assign_pages, split_path
from desktop.export.sentences import sentence_ranges


def test_label_filter_and_human_only() -> None:
    (rec,) = apply_options([record_1()], ExportOptions(labels=("LOC",)))
    assert {s["label"] for s in rec["spans"]} == {"LOC"} and len(rec["spans"]) == 3
    (rec,) = apply_options([record_1()], ExportOptions(human_only=True))
    assert {s["origin"] for s in rec["spans"]} == {"human", "imported"} and len(rec["spans"]) == 5
    original = record_1()
    list(apply_options([original], ExportOptions(labels=("PER",))))
    assert len(original["spans"]) == 13  # input untouched


def test_sentence_units_rebase_offsets() -> None:
    sentences = list(apply_options([record_1()], ExportOptions(unit="sentence")))
    assert [s["sentence_index"] for s in sentences] == list(range(len(sentences)))
    assert all(s["article_id"] == 101 for s in sentences)
    assert sentences[0]["id"] == "101-s0" and sentences[0]["body"] == "𠮷利公司总部位于四川省成都市。"
    assert sum(len(s["spans"]) for s in sentences) == 13
    for sent in sentences:
        for sp in sent["spans"]:
            assert sent["body"][sp["start"]:sp["end"]] == sp["text"]
    header = next(s for s in sentences if s["body"].startswith("本报记者"))
    assert header["sections"] == [{"title": "本报记者　李鹏飞", "start": 0, "end": 8}]
    assert all(s["sections"] == [] for s in sentences if s is not header)


def test_sentence_boundary_never_cuts_a_span() -> None:
    text = "他说：“国网四川\n电力公司。”好"
    spans = [{"start": 4, "end": 13, "label": "ORG"}]
    assert sentence_ranges(text) == [(0, 8), (9, 15), (15, 16)]
    assert sentence_ranges(text, spans) == [(0, 15), (15, 16)]


def test_split_is_reproducible_and_never_splits_a_page(many_records) -> None:
    recs = many_records(200, 37)
    a = split_records(recs, (0.8, 0.1, 0.1), seed=7)
    b = split_records(list(reversed(recs)), (0.8, 0.1, 0.1), seed=7)
    ids = {name: sorted(r["id"] for r in part) for name, part in a.items()}
    assert ids == {name: sorted(r["id"] for r in part) for name, part in b.items()}
    pages = {name: {r["page"] for r in part} for name, part in a.items()}
    assert not (pages["train"] & pages["dev"] or pages["train"] & pages["test"] or pages["dev"] & pages["test"])
    assert sum(len(p) for p in a.values()) == 200
    assert 140 <= len(a["train"]) <= 180 and len(a["dev"]) > 0 and len(a["test"]) > 0
    others = [split_records(recs, (0.8, 0.1, 0.1), seed=s) for s in range(8, 12)]
    assert any({n: sorted(r["id"] for r in p) for n, p in o.items()} != ids for o in others)


def test_assign_pages_follows_ratios_by_article_count() -> None:
    counts = {f"p{i}": 1 for i in range(1000)}
    got = assign_pages(counts, (7, 2, 1), seed=1)
    n = {name: sum(1 for v in got.values() if v == name) for name in ("train", "dev", "test")}
    assert abs(n["train"] - 700) <= 1 and abs(n["dev"] - 200) <= 1 and abs(n["test"] - 100) <= 1


def test_split_export_streams_from_a_callable(tmp_path: Path, many_records) -> None:
    recs = many_records(60, 13)
    reads = {"n": 0}

    def source():
        reads["n"] += 1
        return iter(recs)

    opts = ExportOptions(split=(0.6, 0.2, 0.2), seed=3)
    stats = export("jsonl", source, tmp_path / "data.jsonl", opts)
    assert reads["n"] == 4 and stats.records == 60 and stats.files == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.dev.jsonl", "data.test.jsonl", "data.train.jsonl"]
    parts = {name: [json.loads(x) for x in (tmp_path / f"data.{name}.jsonl").read_text(encoding="utf-8").splitlines()]
             for name in ("train", "dev", "test")}
    expected = split_records(recs, opts.split, opts.seed)
    for name in parts:
        assert [r["id"] for r in parts[name]] == [r["id"] for r in expected[name]]


@pytest.mark.parametrize("fmt", ["label-studio", "brat", "conll"])
def test_split_export_other_formats(tmp_path: Path, many_records, fmt: str) -> None:
    stem = tmp_path / ("out" if fmt == "brat" else f"out.{'json' if fmt == 'label-studio' else 'conll'}")
    stats = export(fmt, many_records(20, 6), stem, ExportOptions(split=(0.5, 0.25, 0.25)))
    names = sorted(p.name for p in tmp_path.iterdir())
    assert stats.records == 20 and len(stats.outputs) == 3
    if fmt == "brat":
        assert names == ["out.dev", "out.test", "out.train"]
    elif fmt == "label-studio":
        assert "out.train.json" in names and "out.train.label_config.xml" in names and len(names) == 6
    else:
        assert names == ["out.dev.conll", "out.test.conll", "out.train.conll"]


def test_split_path_names() -> None:
    assert split_path("/x/data.jsonl", "dev").name == "data.dev.jsonl"
    assert split_path("/x/corpus", "train").name == "corpus.train"


def test_invalid_options() -> None:
    with pytest.raises(ValueError):
        ExportOptions(unit="paragraph")
    with pytest.raises(ValueError):
        ExportOptions(split=(1, 0))
    with pytest.raises(ValueError):
        ExportOptions(split=(0, 0, 0))
    with pytest.raises(ValueError):
        ExportOptions(offset_unit="bytes")
    assert ExportOptions(split=(8, 1, 1)).split == pytest.approx((0.8, 0.1, 0.1))


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="known: jsonl, doccano"):
        export("excel", [record_2()], "/tmp/never")
