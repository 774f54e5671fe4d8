"""Reading annotated corpora, tags <-> spans, and the fixed held-out split (ner_data.py)."""

from __future__ import annotations

import json

import pytest

from desktop.pipeline.ner_data import (
    CorpusError,
    Example,
    read_examples,
    spans_to_tags,
    split_examples,
    split_part,
    tags_to_spans,
    write_bio,
)


def test_tags_round_trip():
    spans = [(0, 3, "PER"), (5, 8, "LOC"), (8, 10, "ORG")]
    tags = spans_to_tags(12, spans)
    assert tags[:4] == ["B-PER", "I-PER", "I-PER", "O"]
    assert tags[8] == "B-ORG"  # adjacent spans stay apart
    assert tags_to_spans(tags) == spans


def test_other_labels_are_outside_and_overlaps_keep_the_first():
    assert spans_to_tags(4, [(0, 2, "DATE"), (1, 3, "PER"), (2, 4, "LOC")]) == ["O", "B-PER", "I-PER", "O"]


def test_lenient_reading_of_tags():
    # an I- after O, or after another label, starts a span
    assert tags_to_spans(["O", "I-LOC", "I-LOC", "I-PER"]) == [(1, 3, "LOC"), (3, 4, "PER")]


def test_read_bio_with_tabs_spaces_bioes_and_a_space_character(tmp_path):
    p = tmp_path / "c.bio"
    p.write_text("王\tB-PER\n五\tI-PER\n \tO\n到\tO\n\n青 S-LOC\n山 O\n", encoding="utf-8")
    exs = read_examples(p)
    assert [(e.text, e.spans) for e in exs] == [("王五 到", [(0, 2, "PER")]), ("青山", [(0, 1, "LOC")])]


def test_bad_bio_line_names_file_and_line(tmp_path):
    p = tmp_path / "bad.bio"
    p.write_text("王\tB-PER\n五六\tX\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad.bio:2"):
        read_examples(p)


def test_read_jsonl_body_or_text(tmp_path):
    p = tmp_path / "c.jsonl"
    rows = [{"body": "青石县发文", "spans": [{"start": 0, "end": 3, "label": "LOC"}]},
            {"text": "无实体", "spans": []}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert [(e.text, e.spans) for e in read_examples(p)] == [("青石县发文", [(0, 3, "LOC")]), ("无实体", [])]


def test_jsonl_span_outside_the_text_is_refused(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"body": "短", "spans": [{"start": 0, "end": 5, "label": "LOC"}]}), encoding="utf-8")
    with pytest.raises(CorpusError, match="outside the text"):
        read_examples(p)


def test_binary_file_is_refused(tmp_path):
    p = tmp_path / "c.bio"
    p.write_bytes(b"\xff\xfe\x00\x01binary")
    with pytest.raises(CorpusError, match="not UTF-8"):
        read_examples(p)


def test_write_bio_reads_back(tmp_path):
    exs = [Example("王五到青山", [(0, 2, "PER"), (3, 5, "LOC")])]
    write_bio(exs, tmp_path / "o.bio")
    assert [(e.text, e.spans) for e in read_examples(tmp_path / "o.bio")] == [(e.text, e.spans) for e in exs]


def test_split_is_fixed_by_content_and_seed():
    texts = [f"第{i}句话。" for i in range(2000)]
    parts = [split_part(t) for t in texts]
    assert parts == [split_part(t) for t in texts]  # stable
    share = {p: parts.count(p) / len(parts) for p in ("train", "dev", "test")}
    assert 0.12 < share["dev"] < 0.18 and 0.07 < share["test"] < 0.13
    assert parts != [split_part(t, seed=12) for t in texts]  # the seed matters
    # order does not matter: the same text is in the same part wherever it is
    by_part = split_examples([Example(t) for t in reversed(texts)])
    assert {e.text for e in by_part["dev"]} == {t for t, p in zip(texts, parts) if p == "dev"}


def test_bioes_round_trip_and_lenient_reading():
    spans = [(0, 1, "PER"), (2, 5, "LOC"), (5, 7, "ORG")]
    tags = spans_to_tags(8, spans, scheme="BIOES")
    assert tags == ["S-PER", "O", "B-LOC", "I-LOC", "E-LOC", "B-ORG", "E-ORG", "O"]
    assert tags_to_spans(tags) == spans
    # an E or S closes the span even when the same label follows
    assert tags_to_spans(["B-LOC", "E-LOC", "I-LOC", "E-LOC", "S-LOC"]) == [(0, 2, "LOC"), (2, 4, "LOC"), (4, 5, "LOC")]
