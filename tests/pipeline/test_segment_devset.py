"""The development pages (tests/data/pages): gold up to date, every page segmented exactly,
every character accounted for, and ``newsdesk eval --gold DIR`` over them."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.cli import main
from desktop.pipeline.evaluate import evaluate, format_report, load_gold
from desktop.pipeline.segment import segment_page
from tests.pipeline.test_segment_seeds import _assert_accounted

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PAGE_FILES = sorted(PAGES.glob("*.txt"))


def _builder():
    spec = importlib.util.spec_from_file_location("build_pages_gold", PAGES / "build_pages_gold.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    import sys

    sys.path.insert(0, str(PAGES))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(PAGES))
    return module


def test_there_are_pages_of_several_papers_with_gold() -> None:
    assert len(PAGE_FILES) >= 11
    for page in PAGE_FILES:
        assert (PAGES / f"{page.stem}.gold.jsonl").is_file(), page.name
    assert (PAGES / "seeds.gold.jsonl").resolve().is_file()


def test_gold_files_are_up_to_date_with_their_builder() -> None:
    module = _builder()
    built = module.build_records(module.ARTICLES + module.HELD_ARTICLES)
    for page, records in built.items():
        on_disk = load_gold(PAGES / f"{Path(page).stem}.gold.jsonl")
        assert on_disk == json.loads(json.dumps(records, ensure_ascii=False)), page


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.stem)
def test_every_character_of_a_development_page_is_accounted_for(path: Path) -> None:
    _assert_accounted(segment_page(path.read_text(encoding="utf-8")))


def test_every_development_page_is_segmented_exactly() -> None:
    """The shipped model was trained on these pages: this is resubstitution, a regression
    guard (every article found, no extra one); how the segmenter does on pages it was not
    trained on is the cross-validation of resources/models/segmenter.md."""
    report = evaluate(PAGES, segment_page, None, SEEDS)
    pages = report["segmentation"]["pages"]
    assert len(pages) == len(PAGE_FILES) + 4  # the seeds through their gold
    for page, s in pages.items():
        assert s["articles_prf"]["f1"] == 1.0, (page, format_report(report))
        assert s["flags_exact"] == 1.0, page
    overall = report["segmentation"]["overall"]
    assert overall["headline_exact"] >= 0.97 and overall["authors_prf"]["f1"] >= 0.97


def test_continuation_fields_match_the_gold() -> None:
    for gold_file in PAGES.glob("dev*.gold.jsonl"):
        records = load_gold(gold_file)
        result = segment_page((PAGES / records[0]["page"]).read_text(encoding="utf-8"))
        got = [(a.continued_from, a.continued_to) for a in result.articles]
        assert got == [(r["continued_from"], r["continued_to"]) for r in records], gold_file.name


def test_eval_command_scores_a_folder_and_still_a_file() -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["eval", "--gold", str(PAGES)])
    assert out.exit_code == 0, out.output
    assert "dev05_continued.txt" in out.output and "held01_metro.txt" in out.output
    overall = next(line for line in out.output.splitlines() if line.startswith("overall"))
    total = sum(len(load_gold(f)) for f in PAGES.glob("*.jsonl"))
    assert f"{total}/{total}0" in overall.replace(" ", "")  # found/gold, then no extra
    assert " F1 " in out.output and "authF1" in out.output
    one = runner.invoke(main, ["eval", "--gold", str(PAGES / "dev03_county.gold.jsonl")])
    assert one.exit_code == 0 and "dev03_county.txt" in one.output and "dev01" not in one.output


def test_the_second_blind_set_keeps_what_it_reached() -> None:
    """tests/data/blind_pages_2: six pages written blind on 2026-12-04 (first run F1 0.80,
    headline blocks 0.38, authors 0.73; after the fixes its README lists 0.86, 0.74 and 0.97):
    a floor under today's figures, not a target."""
    folder = Path(__file__).resolve().parents[1] / "data" / "blind_pages_2"
    overall = evaluate(folder, segment_page, None, SEEDS)["segmentation"]["overall"]
    assert overall["matched"] >= 27 and overall["articles_prf"]["f1"] >= 0.85
    assert overall["headline_exact"] >= 0.7 and overall["authors_prf"]["f1"] >= 0.9
