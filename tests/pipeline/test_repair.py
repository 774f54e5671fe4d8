"""OCR spacing and column-break joins."""

from __future__ import annotations

from desktop.pipeline.repair import join_fragments, normalise_spacing


def test_spaces_between_digits_and_cjk_are_removed() -> None:
    assert normalise_spacing("2023 年 9 月启动") == "2023年9月启动"
    assert normalise_spacing("总投资 473 亿元") == "总投资473亿元"
    assert normalise_spacing("增长 5.5%以上,占 50% 份额") == "增长5.5%以上,占50%份额"
    assert normalise_spacing("设有 VR 交互体验区") == "设有VR交互体验区"
    assert normalise_spacing("全角\u300012\u3000个") == "全角12个"


def test_other_spaces_are_kept() -> None:
    assert normalise_spacing("Hello World 2024 Expo") == "Hello World 2024 Expo"
    assert normalise_spacing("高位布局 多元联动") == "高位布局 多元联动"
    assert normalise_spacing("发展! 2024重庆") == "发展! 2024重庆"


def test_join_fragments_adds_no_space_between_cjk() -> None:
    assert join_fragments(["签订《智能配", "电系统采购项目》。"]) == "签订《智能配电系统采购项目》。"
    assert join_fragments(["行动计划(2023—2025", "年)要求"]) == "行动计划(2023—2025年)要求"


def test_join_fragments_keeps_a_space_between_latin_words() -> None:
    assert join_fragments(["the smart", "grid"]) == "the smart grid"
    assert join_fragments(["规格 12", "34 项"]) == "规格 1234 项"  # digits: one number cut in two
