"""A place or a level prefix followed by a verb starts a clause, not a body's name
(orgs.py): 北京 + 召开 + 委员会会议 is a meeting held in Beijing; and a known club's name takes
its 队.  Invented sentences."""

from __future__ import annotations

import pytest

from desktop.pipeline.rules import RuleFinders


def _rule_spans(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.label) for s in RuleFinders().spans(text) if s.label in ("ORG", "LOC")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("会议在青石召开委员会全体会议。", "青石"),
        ("成都举办协会年会。", "成都"),
        ("四川成立研究会。", "四川"),
    ],
)
def test_a_place_then_a_verb_then_an_organ_word_is_no_body(text, place):
    spans = _rule_spans(text)
    assert not [s for s in spans if s[1] == "ORG" and s[0].startswith(place)], spans


def test_a_place_then_a_name_then_an_organ_word_is_still_a_body():
    assert ("北京市管理委员会", "ORG") in _rule_spans("北京市管理委员会发布通告。")
    assert ("成都市青白江区水务局", "ORG") in _rule_spans("成都市青白江区水务局表示。")


def test_a_known_club_takes_its_team_word():
    spans = _rule_spans("上海海港队客场战胜对手。")
    assert ("上海海港队", "ORG") in spans, spans
    assert not [s for s in _rule_spans("北京国安队员们很兴奋。") if s[0].endswith("队")]  # 队员: players
