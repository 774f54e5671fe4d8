"""Character-level IOB2 CoNLL: loads with HF datasets' text loader, seqeval scores it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from export_samples import record_1, record_2
from desktop.export import ExportOptions, export
from desktop.export.conll import DOCSTART


def _read_with_datasets(path: Path, cache: Path) -> list[str]:
    from datasets import load_dataset

    return list(load_dataset("text", data_files=str(path), cache_dir=str(cache))["train"]["text"])


def _documents(lines: list[str]) -> list[list[list[tuple[str, str]]]]:
    docs: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in lines + [""]:
        if line == DOCSTART:
            docs.append([])
            continue
        if not line:
            if sentence:
                docs[-1].append(sentence)
                sentence = []
            continue
        parts = line.split()
        assert len(parts) == 2, f"not 'char tag': {line!r}"
        sentence.append((parts[0], parts[1]))
    return docs


def test_loads_and_seqeval_scores_gold_against_itself(tmp_path: Path) -> None:
    from seqeval.metrics import classification_report, f1_score
    from seqeval.scheme import IOB2

    recs = [record_1(), record_2()]
    target = tmp_path / "ner.conll"
    stats = export("conll", recs, target)
    lines = _read_with_datasets(target, tmp_path / "hf")
    docs = _documents(lines)
    assert len(docs) == 2 and stats.spans == 19
    tags = [[t for _, t in s] for doc in docs for s in doc]
    assert f1_score(tags, tags) == 1.0
    assert f1_score(tags, tags, mode="strict", scheme=IOB2) == 1.0
    report = classification_report(tags, tags, output_dict=True, mode="strict", scheme=IOB2)
    expected = Counter(s["label"] for r in recs for s in r["spans"])
    assert {label: int(report[label]["support"]) for label in expected} == dict(expected)


def test_every_non_space_character_once_in_order(tmp_path: Path) -> None:
    recs = [record_1(), record_2()]
    target = tmp_path / "ner.conll"
    export("conll", recs, target)
    docs = _documents(target.read_text(encoding="utf-8").split("\n"))
    for doc, rec in zip(docs, recs):
        chars = "".join(c for s in doc for c, _ in s)
        assert chars == "".join(ch for ch in rec["body"] if not ch.isspace())
    assert docs[0][0][0] == ("𠮷", "B-ORG")  # the astral character is one token


def test_span_across_line_break_stays_one_entity_in_one_sentence(tmp_path: Path) -> None:
    target = tmp_path / "ner.conll"
    export("conll", [record_1()], target)
    (doc,) = _documents(target.read_text(encoding="utf-8").split("\n"))
    sentence = next(s for s in doc if ("网", "I-ORG") in s)
    text = "".join(c for c, _ in sentence)
    assert "国网四川电力公司" in text
    assert text == "电系统采购项目由国网四川电力公司承担？"
    start = text.index("国网")
    assert [t for _, t in sentence[start:start + 8]] == ["B-ORG"] + ["I-ORG"] * 7
    assert sentence[start + 8] == ("承", "O")


def test_sentences_split_after_enders_and_line_breaks(tmp_path: Path) -> None:
    target = tmp_path / "ner.conll"
    export("conll", [record_1()], target)
    (doc,) = _documents(target.read_text(encoding="utf-8").split("\n"))
    texts = ["".join(c for c, _ in s) for s in doc]
    assert texts[0] == "𠮷利公司总部位于四川省成都市。"
    assert texts[2] == "本报记者李鹏飞"  # the full-width space is skipped
    assert texts[-1] == "温先生说：“很好。”"


def test_label_filter_and_human_only(tmp_path: Path) -> None:
    target = tmp_path / "ner.conll"
    stats = export("conll", [record_1()], target, ExportOptions(labels=("ORG",), human_only=True))
    assert stats.spans == 3
    text = target.read_text(encoding="utf-8")
    assert "B-LOC" not in text and text.count("B-ORG") == 3


def test_empty_body_is_an_empty_document(tmp_path: Path) -> None:
    target = tmp_path / "ner.conll"
    export("conll", [{"id": 1, "body": " \n ", "spans": []}], target)
    assert target.read_text(encoding="utf-8") == DOCSTART + "\n\n"
