"""The edges of ORG and LOC spans (span_edges.py) on invented sentences."""

from __future__ import annotations

from desktop.pipeline.span_edges import trim_edges

TITLES = frozenset(("局长", "院长", "书记"))


def _trim(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    found = [(text.index(t), text.index(t) + len(t), lab, 0.9) for t, lab in spans]
    return [(text[s:e], lab) for s, e, lab, _ in trim_edges(text, found, TITLES)]


def test_a_preposition_glued_to_a_name_is_cut_off():
    assert _trim("据青石海关统计", [("据青石海关", "ORG")]) == [("青石海关", "ORG")]
    assert _trim("经青石县委批准", [("经青石县委", "ORG")]) == [("青石县委", "ORG")]
    assert _trim("在青石镇住了三年", [("在青石镇", "LOC")]) == [("青石镇", "LOC")]


def test_a_preposition_that_starts_a_word_or_a_person_stays():
    assert _trim("在编人员管理处", [("在编人员管理处", "ORG")]) == [("在编人员管理处", "ORG")]  # 在编 is a word
    assert _trim("向大平牵头", [("向大平", "PER")]) == [("向大平", "PER")]  # a surname
    assert _trim("于都县委", [("于都县委", "ORG")]) == [("于都县委", "ORG")]  # 于 is not cut at all
    assert _trim("据青", [("据青", "ORG")]) == [("据青", "ORG")]  # one character would be left


def test_a_head_doubled_by_the_title_after_it_ends_the_body():
    text = "青石县交通运输局局长到场"
    assert _trim(text, [("青石县交通运输局局", "ORG")]) == [("青石县交通运输局", "ORG")]
    text = "青石人民医院院长说"
    assert _trim(text, [("青石人民医院院", "ORG")]) == [("青石人民医院", "ORG")]
    text = "青石县局局部调整"  # 局部 is no title
    assert _trim(text, [("青石县局局", "ORG")]) == [("青石县局局", "ORG")]


def test_a_relation_before_a_company_is_not_part_of_its_name():
    text = "控股股东青峰控股集团有限公司计划增持"
    assert _trim(text, [("控股股东青峰控股集团有限公司", "ORG")]) == [("青峰控股集团有限公司", "ORG")]
    text = "股东大会召开"  # nothing left of a name after the relation
    assert _trim(text, [("股东大会", "ORG")]) == [("股东大会", "ORG")]


def test_an_autonomous_regions_level_prefix_is_one_prefix():
    text = "据自治区发展改革委统计"
    assert _trim(text, [("区发展改革委", "ORG")]) == [("自治区发展改革委", "ORG")]
    assert _trim("青石区发展改革委", [("青石区发展改革委", "ORG")]) == [("青石区发展改革委", "ORG")]
