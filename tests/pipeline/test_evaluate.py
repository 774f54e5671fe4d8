"""Evaluation code on hand-made cases, and self-consistency of the seed gold file."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from desktop.pipeline.evaluate import (
    body_jaccard,
    evaluate,
    format_report,
    load_gold,
    match_articles,
    score_segmentation,
    score_spans,
)
from desktop.pipeline.model import FLAGS, LABELS, ROLES, Article, Author, PageResult, Span

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "gold" / "seeds_gold.jsonl"
BUILD = ROOT / "tests" / "data" / "gold" / "build_gold.py"


def sp(start: int, end: int, label: str) -> dict:
    return {"start": start, "end": end, "label": label}


# --------------------------------------------------------------------------- score_spans


def test_perfect_prediction_scores_one():
    gold = [[sp(0, 3, "LOC"), sp(5, 8, "ORG")], [sp(1, 4, "PER")]]
    res = score_spans(gold, [list(d) for d in gold])
    assert res["micro"] == {"tp": 3, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert set(res["labels"]) == {"LOC", "ORG", "PER"}
    assert res["macro"]["f1"] == 1.0


def test_one_false_positive():
    gold = [[sp(0, 3, "LOC"), sp(5, 8, "LOC")]]
    pred = [[sp(0, 3, "LOC"), sp(5, 8, "LOC"), sp(10, 12, "LOC")]]
    loc = score_spans(gold, pred)["labels"]["LOC"]
    assert (loc["tp"], loc["fp"], loc["fn"]) == (2, 1, 0)
    assert loc["precision"] == pytest.approx(2 / 3)
    assert loc["recall"] == 1.0
    assert loc["f1"] == pytest.approx(0.8)


def test_one_false_negative():
    gold = [[sp(0, 3, "DATE"), sp(5, 8, "DATE")]]
    pred = [[sp(5, 8, "DATE")]]
    d = score_spans(gold, pred)["labels"]["DATE"]
    assert (d["tp"], d["fp"], d["fn"]) == (1, 0, 1)
    assert d["precision"] == 1.0 and d["recall"] == 0.5


def test_boundary_error_is_one_fp_and_one_fn():
    res = score_spans([[sp(0, 6, "ORG")]], [[sp(0, 4, "ORG")]])
    org = res["labels"]["ORG"]
    assert (org["tp"], org["fp"], org["fn"]) == (0, 1, 1)
    assert org["f1"] == 0.0


def test_wrong_label_counts_against_both_labels():
    res = score_spans([[sp(0, 3, "LOC")]], [[sp(0, 3, "ORG")]])
    assert res["labels"]["LOC"]["fn"] == 1 and res["labels"]["LOC"]["fp"] == 0
    assert res["labels"]["ORG"]["fp"] == 1 and res["labels"]["ORG"]["fn"] == 0


def test_empty_documents_give_zero_scores():
    res = score_spans([[], []], [[], []])
    assert res["labels"] == {}
    assert res["micro"]["tp"] == res["micro"]["fp"] == res["micro"]["fn"] == 0
    assert res["micro"]["f1"] == 0.0 and res["macro"]["f1"] == 0.0
    assert score_spans([], [])["micro"]["f1"] == 0.0


def test_nothing_predicted_gives_zero_recall():
    res = score_spans([[sp(0, 2, "PER")]], [[]])
    assert res["labels"]["PER"]["recall"] == 0.0 and res["micro"]["fn"] == 1


def test_micro_and_macro_differ_as_defined():
    gold = [[sp(0, 2, "PER"), sp(3, 5, "PER"), sp(6, 8, "PER"), sp(9, 11, "LOC")]]
    pred = [[sp(0, 2, "PER"), sp(3, 5, "PER"), sp(6, 8, "PER")]]
    res = score_spans(gold, pred)
    assert res["micro"]["recall"] == pytest.approx(0.75)
    assert res["macro"]["recall"] == pytest.approx(0.5)  # (1.0 + 0.0) / 2


def test_document_boundaries_matter():
    # the same span in another document is not a match
    res = score_spans([[sp(0, 2, "PER")], []], [[], [sp(0, 2, "PER")]])
    assert (res["micro"]["tp"], res["micro"]["fp"], res["micro"]["fn"]) == (0, 1, 1)


def test_span_objects_and_dicts_are_interchangeable():
    gold = [[sp(0, 3, "LOC")]]
    pred = [[Span(0, 3, "LOC", "成都市")]]
    assert score_spans(gold, pred)["micro"]["f1"] == 1.0


def test_document_count_mismatch_is_refused():
    with pytest.raises(ValueError):
        score_spans([[]], [[], []])


# --------------------------------------------------------------------------- segmentation

GOLD_PAGE = [
    {"page": "p", "position": 0, "title": "广汉市金雁街道 智慧赋码", "kicker": "", "subtitle": "",
     "authors": [{"name": "宋武乔", "role": "通讯员"}, {"name": "高明山", "role": "记者"}],
     "flags": [], "body": "金雁街道大力推动双管齐下。"},
    {"page": "p", "position": 1, "title": "", "kicker": "", "subtitle": "",
     "authors": [{"name": "马工牧", "role": "记者"}], "flags": ["title_missing"],
     "body": "3月20日,记者从云南省科技厅获悉,全省扎实推进科技金融。"},
]


def test_segmentation_perfect_page():
    pred = PageResult(
        text="",
        articles=[
            Article(position=0, title="广汉市金雁街道智慧赋码",  # whitespace differs: still equal
                    authors=[Author("高明山", "记者"), Author("宋武乔", "通讯员")],  # order differs
                    body="金雁街道大力推动双管齐下。"),
            Article(position=1, title="", authors=[Author("马工牧", "记者")], flags=["title_missing"],
                    body="3月20日,记者从云南省科技厅获悉,全省扎实推进科技金融。"),
        ],
    )
    res = score_segmentation(GOLD_PAGE, pred)
    assert (res["gold"], res["predicted"], res["matched"], res["extra"]) == (2, 2, 2, 0)
    assert res["found_rate"] == 1.0
    for key in ("title_exact", "kicker_exact", "subtitle_exact", "authors_exact", "flags_exact",
                "body_similarity"):
        assert res[key] == 1.0, key
    assert [a["match_by"] for a in res["articles"]] == ["title", "body"]


def test_segmentation_errors_are_counted():
    pred = PageResult(
        text="",
        articles=[
            Article(position=0, title="认真学习宣传贯彻党的二十大精神", body="横幅"),  # banner taken as article
            Article(position=1, title="广汉市金雁街道 智慧赋码", kicker="引题",
                    authors=[Author("宋武乔", "记者")], flags=["truncated"],
                    body="金雁街道大力推动双管齐下。多余的一句。"),
            Article(position=2, title="", body="完全不同的文字内容在这里出现。"),  # body too different
        ],
    )
    res = score_segmentation(GOLD_PAGE, pred)
    assert res["matched"] == 1 and res["found_rate"] == 0.5
    assert res["extra"] == 2
    assert res["title_exact"] == 1.0
    assert res["kicker_exact"] == 0.0
    assert res["authors_exact"] == 0.0
    assert res["flags_exact"] == 0.0
    assert 0.0 < res["body_similarity"] < 1.0
    assert res["articles"][1]["matched"] is None


def test_body_matching_is_one_to_one():
    gold = [dict(GOLD_PAGE[1], position=0), dict(GOLD_PAGE[1], position=1)]
    pred = [Article(position=0, body=GOLD_PAGE[1]["body"])]
    assert match_articles(gold, pred) == [(0, "body"), (None, "")]


def test_body_jaccard_threshold_behaviour():
    a = "记者从云南省科技厅获悉全省扎实推进科技金融"
    assert body_jaccard(a, a) == 1.0
    assert body_jaccard(a, "完全无关的另一段话") < 0.5
    assert body_jaccard("", "") == 0.0


def test_segmentation_accepts_plain_dicts():
    pred = {"articles": [{"title": "广汉市金雁街道 智慧赋码", "authors": GOLD_PAGE[0]["authors"],
                          "body": GOLD_PAGE[0]["body"]}]}
    res = score_segmentation(GOLD_PAGE[:1], pred)
    assert res["matched"] == 1 and res["authors_exact"] == 1.0


# --------------------------------------------------------------------------- evaluate / report


def _oracle_segmenter(gold):
    by_text = {}
    for rec in gold:
        text = (SEEDS / rec["page"]).read_text(encoding="utf-8").replace("\r\n", "\n")
        by_text.setdefault(text, []).append(rec)

    def segment(text):
        return PageResult(text=text, articles=[
            Article(position=r["position"], title=r["title"], kicker=r["kicker"],
                    subtitle=r["subtitle"], authors=[Author(**a) for a in r["authors"]],
                    flags=list(r["flags"]), body=r["body"])
            for r in by_text[text]
        ])
    return segment


def test_evaluate_with_oracles_is_perfect():
    gold = load_gold(GOLD)
    spans_by_body = {r["body"]: r["spans"] for r in gold}
    report = evaluate(GOLD, _oracle_segmenter(gold),
                      lambda body: [Span.from_dict(s) for s in spans_by_body[body]], SEEDS)
    overall = report["segmentation"]["overall"]
    assert overall["matched"] == overall["gold"] == len(gold) and overall["extra"] == 0
    assert overall["body_similarity"] == 1.0 and overall["authors_exact"] == 1.0
    assert report["entities"]["micro"]["f1"] == 1.0
    assert report["errors"] == {"false_positives": [], "false_negatives": []}
    assert set(report["segmentation"]["pages"]) == {r["page"] for r in gold}


def test_evaluate_with_empty_extractor_lists_every_gold_span():
    gold = load_gold(GOLD)
    report = evaluate(GOLD, None, lambda body: [], SEEDS)
    n_spans = sum(len(r["spans"]) for r in gold)
    assert report["entities"]["micro"]["fn"] == n_spans
    assert len(report["errors"]["false_negatives"]) == n_spans
    assert "segmentation" not in report
    first = report["errors"]["false_negatives"][0]
    assert f"[{first['text']}]" in first["context"]


def test_evaluate_reports_false_positive_with_context():
    gold = load_gold(GOLD)
    target = gold[0]["body"]

    def extractor(body):
        return [{"start": 0, "end": 2, "label": "PER"}] if body == target else []

    report = evaluate(GOLD, None, extractor, SEEDS)
    fps = report["errors"]["false_positives"]
    assert len(fps) == 1
    assert fps[0]["text"] == target[:2] and fps[0]["context"].startswith(f"[{target[:2]}]")
    assert fps[0]["page"] == gold[0]["page"] and fps[0]["position"] == 0


def test_format_report_shows_labels_and_segmentation():
    gold = load_gold(GOLD)
    spans_by_body = {r["body"]: r["spans"] for r in gold}
    report = evaluate(GOLD, _oracle_segmenter(gold), lambda b: spans_by_body[b][1:], SEEDS)
    text = format_report(report)
    for label in LABELS:
        assert label in text
    assert "micro-F1" in text and "Segmentation" in text and "overall" in text
    assert "Missed (fn)" in text


# --------------------------------------------------------------------------- the gold file

GOLD_RECORDS = load_gold(GOLD)


def _squash(text: str) -> str:
    return re.sub(r"[\s#]+", "", text)


def _pieces_on_page(paragraph: str, page: str) -> list[str]:
    """Split a paragraph greedily into the longest pieces that occur on the page."""
    pieces, i = [], 0
    while i < len(paragraph):
        lo, hi = 0, len(paragraph) - i  # longest prefix found by bisection (monotone)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if paragraph[i:i + mid] in page:
                lo = mid
            else:
                hi = mid - 1
        if lo == 0:
            raise AssertionError(f"character {paragraph[i]!r} not on page")
        pieces.append(paragraph[i:i + lo])
        i += lo
    return pieces


def test_gold_file_is_up_to_date_with_its_builder():
    spec = importlib.util.spec_from_file_location("build_gold", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build_records() == GOLD_RECORDS


def test_gold_covers_the_seed_pages_in_order():
    pages = [r["page"] for r in GOLD_RECORDS]
    assert sorted(set(pages)) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert pages == sorted(pages)
    for page in set(pages):
        positions = [r["position"] for r in GOLD_RECORDS if r["page"] == page]
        assert positions == list(range(len(positions)))


@pytest.mark.parametrize("rec", GOLD_RECORDS, ids=lambda r: f"{r['page'][:3]}-{r['position']}")
def test_gold_record_fields(rec):
    page = _squash((SEEDS / rec["page"]).read_text(encoding="utf-8"))
    for key in ("title", "kicker", "subtitle", "byline"):
        assert _squash(rec[key]) in page, key
    for caption in rec["captions"]:
        assert _squash(caption) in page
    assert (rec["title"] == "") == ("title_missing" in rec["flags"])
    assert set(rec["flags"]) <= set(FLAGS)
    assert rec["source"] in ("", "本报讯")
    assert rec["authors"], "every seed article has a byline"
    for a in rec["authors"]:
        assert a["role"] in ROLES and a["name"] in rec["byline"]
    if rec["dateline"]:
        assert rec["body"][:60].find(rec["dateline"]) != -1
    paragraphs = rec["body"].split("\n")
    for section in rec["sections"]:
        assert section in paragraphs
    for caption in rec["captions"]:
        assert caption not in rec["body"]
    assert "本报讯" not in rec["body"] and rec["byline"] not in rec["body"]


@pytest.mark.parametrize("rec", GOLD_RECORDS, ids=lambda r: f"{r['page'][:3]}-{r['position']}")
def test_gold_body_comes_from_its_page(rec):
    page = _squash((SEEDS / rec["page"]).read_text(encoding="utf-8"))
    for paragraph in rec["body"].split("\n"):
        assert paragraph and paragraph == paragraph.strip()
        pieces = _pieces_on_page(_squash(paragraph), page)
        # one piece, or two when a paragraph continues elsewhere on the page
        # (a caption or a displaced block between its halves)
        assert len(pieces) <= 2 and all(len(p) >= 4 for p in pieces), pieces


@pytest.mark.parametrize("rec", GOLD_RECORDS, ids=lambda r: f"{r['page'][:3]}-{r['position']}")
def test_gold_spans_are_consistent(rec):
    body, spans = rec["body"], rec["spans"]
    assert spans, "every seed article has entities"
    assert spans == sorted(spans, key=lambda s: (s["start"], s["end"]))
    for prev, cur in zip(spans, spans[1:]):
        assert prev["end"] <= cur["start"], (prev, cur)
    for s in spans:
        assert 0 <= s["start"] < s["end"] <= len(body)
        assert body[s["start"]:s["end"]] == s["text"]
        assert s["text"] == s["text"].strip() and "\n" not in s["text"]
        assert s["label"] in LABELS
        value = s["value"]
        if s["label"] == "MONEY":
            assert type(value) is int and value > 0
        elif s["label"] == "PERCENT":
            assert type(value) is float
        elif s["label"] == "DATE":
            assert value is None or isinstance(value, (str, dict))
            if isinstance(value, dict):
                assert set(value) == {"start", "end"}
            if value is not None:
                assert re.search(r"\d{4}", s["text"]), "ISO value only when the year is printed"
        else:
            assert value is None
        if s["label"] == "DOC":
            assert body[s["start"] - 1] == "《" and "《" not in s["text"]


def test_gold_spans_are_exhaustive_for_repeated_surfaces():
    """Every occurrence of an annotated surface is annotated, unless it lies in a longer span
    or the gold decided otherwise by context (single-character places)."""
    for rec in GOLD_RECORDS:
        body = rec["body"]
        covered = [(s["start"], s["end"]) for s in rec["spans"]]
        for surface in {s["text"] for s in rec["spans"] if len(s["text"]) >= 2}:
            for m in re.finditer(re.escape(surface), body):
                assert any(a <= m.start() and m.end() <= b for a, b in covered), (
                    rec["page"], rec["position"], surface, m.start())


def test_gold_hard_cases_are_present():
    flags = {(r["page"][:3], tuple(r["flags"])) for r in GOLD_RECORDS}
    assert ("000", ("title_misplaced",)) in flags
    assert ("003", ("truncated",)) in flags
    assert ("004", ("title_missing",)) in flags
    titles = {r["title"] for r in GOLD_RECORDS}
    assert "认真学习宣传贯彻党的二十大精神" not in titles
    assert "唱好“双城记” 共建“经济圈”" not in titles
    assert json.dumps(GOLD_RECORDS, ensure_ascii=False).count("群众院坝会") == 1  # caption only
