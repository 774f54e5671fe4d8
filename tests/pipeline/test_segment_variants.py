"""Programmatic page variants (training only): each alteration keeps lines and roles in step."""

from __future__ import annotations

import random

from desktop.pipeline.lines import split_lines
from desktop.pipeline.segment_variants import (
    ALTERATIONS,
    VLine,
    bylines_last,
    drop_blanks,
    mark_heads,
    ocr_swaps,
    render,
    shift_marks,
    strip_marks,
    variants,
    wrap_body,
)

PAGE = [
    VLine("本版编辑 某某", 0, "noise"),
    VLine("# 老街换新颜", 1, "head"),
    VLine("记者 柯岚", 0, "byline"),
    VLine("老街改造工程历时八个月，完成了沿街立面整治、管线入地和路面重铺，沿街商户陆续回归，老字号重新开张，游客也多了起来。", 1, "body"),
    VLine("改造共投入资金两千万元。", 1, "body"),
    VLine("### 夜市开张", 1, "head"),
    VLine("“夜市昨晚开张，人气很旺，”摊主说，“比去年热闹多了。”", 1, "body"),
]


def _rng() -> random.Random:
    return random.Random(5)


def test_render_gives_a_page_whose_lines_are_the_variant_lines() -> None:
    text, roles = render(PAGE)
    lines = split_lines(text)
    assert [ln.text for ln in lines] == [v.text for v in PAGE]
    assert [ln.blank_before for ln in lines] == [v.blank_before for v in PAGE]
    assert roles == [v.role for v in PAGE]


def test_strip_and_add_and_shift_marks() -> None:
    assert [v.text for v in strip_marks(PAGE, _rng())][1] == "老街换新颜"
    assert [v.text for v in strip_marks(PAGE, _rng())][5] == "夜市开张"
    marked = mark_heads(strip_marks(PAGE, _rng()), _rng())
    assert marked[1].text == "# 老街换新颜" and marked[5].text == "# 夜市开张"
    shifted = [v.text for v in shift_marks(PAGE, _rng())]
    assert shifted[1] in ("## 老街换新颜", "# 老街换新颜") and shifted[5] in ("## 夜市开张", "### 夜市开张")
    assert shifted[1] != PAGE[1].text or shifted[5] != PAGE[5].text


def test_wrapping_splits_long_body_lines_into_body_lines() -> None:
    wrapped = wrap_body(PAGE, _rng())
    assert len(wrapped) > len(PAGE)
    assert "".join(v.text for v in wrapped if v.role == "body") == "".join(v.text for v in PAGE if v.role == "body")
    pieces = [v for v in wrapped if v.text in PAGE[3].text and v.role == "body"]
    assert len(pieces) >= 2 and all(v.blank_before == 0 for v in pieces[1:])


def test_dropping_blank_lines_and_ocr_swaps() -> None:
    assert all(v.blank_before == 0 for v in drop_blanks(PAGE, _rng()))
    swapped = ocr_swaps(PAGE, random.Random(1))
    assert [v.role for v in swapped] == [v.role for v in PAGE]
    assert any(a.text != b.text for a, b in zip(swapped, PAGE))


def test_a_byline_above_the_body_moves_to_the_end_of_its_article() -> None:
    moved = bylines_last(PAGE, _rng())
    assert [v.role for v in moved] == ["noise", "head", "body", "body", "end_byline", "head", "body"]
    assert moved[4].text == "记者 柯岚"


def test_variants_differ_from_the_page_and_keep_line_counts() -> None:
    lines = split_lines(render(PAGE)[0])
    out = variants(lines, [v.role for v in PAGE], count=6, seed=2)
    assert len(out) == 6
    original = render(PAGE)[0]
    for text, roles in out:
        assert text != original
        assert len(split_lines(text)) == len(roles)
    assert variants(lines, [v.role for v in PAGE], count=6, seed=2) == out  # deterministic
    assert set(ALTERATIONS) >= {"strip_marks", "mark_heads", "wrap_body", "drop_blanks", "bylines_last", "ocr_swaps"}
