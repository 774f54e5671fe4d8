"""``newsdesk train``, ``eval --corpus`` and ``annotate`` with models (click's runner, a tiny invented corpus)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.cli import main
from desktop.pipeline.tagger import read_model
from tests.pipeline.tagger_corpus import write_corpus


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> tuple[Path, Path, str]:
    folder = tmp_path_factory.mktemp("cli_train")
    corpus = write_corpus(folder / "tiny.bio")
    model = folder / "tiny.crf"
    result = CliRunner().invoke(main, ["train", "--corpus", str(corpus), "--seed", "3", "--max-iterations", "20", "-o", str(model)])
    return corpus, model, result.output if result.exit_code == 0 else f"exit {result.exit_code}: {result.output}"


def test_train_writes_a_model_and_prints_heldout_scores(trained):
    corpus, model, output = trained
    assert model.is_file(), output
    assert f"model written to {model}" in output
    assert "tiny.bio [dev, spec convention]" in output and "tiny.bio [dev, corpus convention]" in output
    assert "micro" in output and "PER" in output
    header, _ = read_model(model)
    assert header["seed"] == 3 and header["params"]["max_iterations"] == 20


def test_train_refuses_a_bad_corpus(tmp_path):
    bad = tmp_path / "bad.bio"
    bad.write_text("这不是\tBIO\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["train", "--corpus", str(bad), "-o", str(tmp_path / "m.crf")])
    assert result.exit_code == 1
    assert "bad.bio:1: expected 'CHAR TAG'" in result.output
    assert not (tmp_path / "m.crf").exists()


def test_eval_corpus_prints_per_label_scores_and_speed(trained):
    corpus, model, _ = trained
    result = CliRunner().invoke(main, ["eval", "--corpus", str(corpus), "--model", str(model)])
    assert result.exit_code == 0, result.output
    assert "spec convention" in result.output
    for label in ("PER", "LOC", "ORG", "micro"):
        assert label in result.output
    assert "chars/s" in result.output


def test_eval_corpus_json_and_parts(trained):
    corpus, model, _ = trained
    result = CliRunner().invoke(main, ["eval", "--corpus", str(corpus), "--model", str(model), "--json",
                                       "--convention", "corpus", "--part", "train", "--seed", "3"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    header, _ = read_model(model)
    assert report["texts"] == header["data"][0]["train"]["texts"]
    assert set(report["labels"]) <= {"PER", "LOC", "ORG"}
    assert 0.0 <= report["micro"]["f1"] <= 1.0 and report["chars_per_second"] > 0
    assert report["model_problem"] is None


def test_eval_needs_gold_or_corpus():
    result = CliRunner().invoke(main, ["eval"])
    assert result.exit_code == 2 and "either --gold FILE or --corpus FILE" in result.output


def test_annotate_with_a_missing_model_warns_once_and_uses_the_rules(tmp_path):
    text = tmp_path / "in.txt"
    text.write_text("2023年，青石县拨款4亿元。\n同比增长34.3%。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["annotate", str(text), "--model", str(tmp_path / "nope.crf")])
    assert result.exit_code == 0
    problem = [ln for ln in result.output.splitlines() if ln.startswith("newsdesk:")]
    assert len(problem) == 1 and "nope.crf not found" in problem[0] and "rules alone" in problem[0]
    records = [json.loads(ln) for ln in result.output.splitlines() if ln.startswith("{")]
    assert [[s["label"] for s in r["spans"]] for r in records] == [["DATE", "MONEY"], ["PERCENT"]]


def test_annotate_with_a_model_gives_confidences(trained, tmp_path):
    _, model, _ = trained
    text = tmp_path / "in.txt"
    text.write_text("韩小雨到青石县水利局工作。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["annotate", str(text), "--model", str(model)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(ln) for ln in result.output.splitlines()]
    assert record["spans"] and all(0 < s["confidence"] <= 1 for s in record["spans"])


def test_annotate_rules_only(tmp_path):
    text = tmp_path / "in.txt"
    text.write_text("记者王铁柱报道\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["annotate", str(text), "--model", "none"])
    assert result.exit_code == 0 and "newsdesk:" not in result.output
    (record,) = [json.loads(ln) for ln in result.output.splitlines()]
    assert [(s["label"], s["text"]) for s in record["spans"]] == [("PER", "王铁柱")]


def test_import_with_a_broken_model_says_so_once_and_imports_with_the_rules(tmp_path, seed_paths, monkeypatch):
    broken = tmp_path / "broken.crf"
    broken.write_bytes(b"NEWSDESK-CRF 1\n{\"crf_length\": 9}\ntruncated")
    monkeypatch.setenv("NEWSDESK_ENTITY_MODEL", str(broken))
    from desktop.pipeline import entities

    monkeypatch.setattr(entities, "_extractor", None)  # the process-wide extractor reads the variable anew
    db = tmp_path / "p.sqlite"
    result = CliRunner().invoke(main, ["import", "--db", str(db), "--quiet", "--workers", "1", str(seed_paths[0])])
    assert result.exit_code == 0, result.output
    problem = [ln for ln in result.output.splitlines() if ln.startswith("newsdesk:")]
    assert len(problem) == 1 and "broken.crf is corrupt or truncated" in problem[0] and "rules alone" in problem[0]
    from desktop.store.store import Store

    with Store.open(db, create=False, readonly=True) as store:
        labels = {s.label for i in store.article_ids() for s in store.get_article(i).spans}
    assert {"DATE", "MONEY", "ORG", "LOC"} <= labels
