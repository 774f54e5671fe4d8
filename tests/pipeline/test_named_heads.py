"""Bodies named by a proper name and a head word (named_heads.py), the rules that use them,
and two neighbours found with them: units cut from their head, a region abbreviation before
a city.  Invented names and sentences."""

from __future__ import annotations

import pytest

from desktop.pipeline.named_heads import ends_with_body_head, find_named_bodies
from desktop.pipeline.rules import RuleFinders

TITLES = frozenset(("总裁", "董事长", "所长"))


def _bodies(words: list[tuple[str, str]]) -> list[str]:
    text = "".join(w for w, _ in words)
    return [text[s:e] for s, e in find_named_bodies(words, TITLES)]


def test_a_proper_name_before_a_body_head_is_a_body():
    assert _bodies([("调往", "v"), ("青崖", "nz"), ("派出所", "n"), ("任职", "v")]) == ["青崖派出所"]
    assert _bodies([("此外", "c"), ("，", "x"), ("柯德文", "nr"), ("基金会", "n")]) == ["柯德文基金会"]
    assert _bodies([("的", "uj"), ("zyx", "eng"), ("公司", "n")]) == ["zyx公司"]


def test_a_head_glued_to_a_title_counts_up_to_the_title():
    assert _bodies([("的", "uj"), ("zyx", "eng"), ("公司总裁", "n"), ("说", "v")]) == ["zyx公司"]
    assert _bodies([("zyx", "eng"), ("公司总部", "n")]) == []  # 总部 is no title: another word


def test_a_body_of_the_body_continues_the_name():
    assert _bodies([("在", "p"), ("柯德文", "nr"), ("大学", "n"), ("医院", "n")]) == ["柯德文大学医院"]


def test_a_name_jieba_glued_to_its_head_is_a_body():
    assert _bodies([("据", "p"), ("柯德文基金会", "nr"), ("称", "v")]) == ["柯德文基金会"]
    assert ends_with_body_head("柯德文基金会") and not ends_with_body_head("基金会")
    assert not ends_with_body_head("柯德文")


def test_an_unknown_word_jieba_calls_a_place_names_a_company_before_a_trade_word():
    words = [("据悉", "v"), ("，", "x"), ("青峰", "ns"), ("药业", "n"), ("今年", "t")]
    text = "".join(w for w, _ in words)
    assert [text[s:e] for s, e in find_named_bodies(words, TITLES, places={"成都"})] == ["青峰药业"]
    words = [("成都", "ns"), ("药业", "n"), ("发展", "vn")]  # a known place: the place's industry
    assert find_named_bodies(words, TITLES, places={"成都"}) == []
    assert _bodies([("青峰", "ns"), ("公司", "n")]) == []  # a place's companies


@pytest.mark.parametrize(
    "words",
    [
        [("一些", "m"), ("外国", "n"), ("银行", "n")],  # a plain noun names no one
        [("进出口", "vn"), ("公司", "n")],
        [("美国", "ns"), ("公司", "n")],  # a country's companies, not one company
        [("乔治", "nr"), ("·", "x"), ("柯德", "nr"), ("大学", "n")],  # the name started before the dot
        [("工厂", "n"), ("柯德文", "nr"), ("公司", "n")],  # after a noun the name may be longer
        [("柯德文", "nr"), ("说", "v")],
    ],
)
def test_no_body_without_a_proper_name_right_before_a_head(words):
    assert _bodies(words) == []


def test_the_rules_find_such_bodies_in_text():
    spans = [(s.text, s.label) for s in RuleFinders().spans("他被调往青崖派出所任所长。")]
    assert ("青崖派出所", "ORG") in spans


def test_a_region_abbreviation_does_not_take_the_first_character_of_the_next_city():
    rules = RuleFinders()
    assert [s.text for s in rules.spans("他们来到陕西西安参观。") if s.label == "LOC"] == ["陕西西安"]
    assert [s.text for s in rules.spans("渝东北地区发展很快。") if s.label == "LOC"] == ["渝东北"]
