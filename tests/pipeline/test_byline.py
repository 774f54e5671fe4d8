"""Bylines: the three printed forms, roles, credits glued to names."""

from __future__ import annotations

import pytest

from desktop.pipeline.byline import box_byline, end_byline, is_lone_name, match_lead, parse_authors
from desktop.pipeline.model import Author


def names_roles(text: str) -> list[tuple[str, str]]:
    return [(a.name, a.role) for a in parse_authors(text)]


def test_box_byline_strips_bullet_and_glued_credit() -> None:
    assert box_byline("□本报记者 王晓东文 / 图") == "本报记者 王晓东文 / 图"
    assert names_roles("本报记者 王晓东文 / 图") == [("王晓东", "记者")]


def test_box_byline_contributors_before_reporter_are_correspondents() -> None:
    text = box_byline("□孙立 赵雪梅 本报记者 周建")
    assert text == "孙立 赵雪梅 本报记者 周建"
    assert names_roles(text) == [("孙立", "通讯员"), ("赵雪梅", "通讯员"), ("周建", "记者")]


def test_box_requires_a_byline_after_the_bullet() -> None:
    assert box_byline("□相关链接：政策解读，请见第三版。") is None
    assert box_byline("本报记者 周建") is None  # no bullet


def test_lead_byline_inside_parentheses() -> None:
    line = "本报讯 (吴涛 郑敏 记者 冯立新 文/图)3月5日,记者从市住建局获悉,全市新开工项目12个。"
    tag = match_lead(line)
    assert tag is not None
    assert tag.source == "本报讯"
    assert tag.byline == "吴涛 郑敏 记者 冯立新 文/图"
    assert line[tag.body_start :].startswith("3月5日")
    assert names_roles(tag.byline) == [("吴涛", "通讯员"), ("郑敏", "通讯员"), ("冯立新", "记者")]


def test_lead_without_parentheses_and_other_wire_tags() -> None:
    tag = match_lead("本报讯 近日,某县召开工作会议。")
    assert tag is not None and tag.source == "本报讯" and tag.byline == ""
    tag = match_lead("新华社北京3月1日电(记者 钱进)国务院新闻办公室今天举行发布会。")
    assert tag is not None and tag.source == "新华社北京3月1日电" and tag.byline == "记者 钱进"


def test_lead_is_not_found_in_ordinary_sentences() -> None:
    assert match_lead("合作社负责人电话告诉记者,今年收成很好。") is None
    assert match_lead("本报讯") is None  # a tag with no lead after it


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("黄志强 文/图", [("黄志强", "作者")]),
        ("黄志强文/图", [("黄志强", "作者")]),
        ("黄志强 摄", [("黄志强", "作者")]),
        ("通讯员 邓丽 特约记者 胡海", [("邓丽", "通讯员"), ("胡海", "特约记者")]),
        ("实习记者 林可 记者 杜明", [("林可", "实习记者"), ("杜明", "记者")]),
        ("记者 欧阳明远", [("欧阳明远", "记者")]),
    ],
)
def test_end_bylines(line: str, expected: list[tuple[str, str]]) -> None:
    assert end_byline(line)
    assert names_roles(line) == expected


def test_end_byline_rejects_headings_and_sentences() -> None:
    assert not end_byline("乡村振兴 产业先行")
    assert not end_byline("他说,记者 来了以后大家都很高兴。")


def test_four_character_name_with_compound_surname_keeps_its_last_character() -> None:
    # 欧阳 is a compound surname: 欧阳明文 is a whole name, not 欧阳明 + the credit 文.
    assert parse_authors("记者 欧阳明文") == [Author("欧阳明文", "记者")]
    assert parse_authors("记者 杜明文") == [Author("杜明文", "记者")]  # three characters: a name
    assert parse_authors("记者 杜明远文") == [Author("杜明远", "记者")]  # four: credit glued


def test_lone_name() -> None:
    assert is_lone_name("周建")
    assert is_lone_name("欧阳明远")
    assert not is_lone_name("党建引领")  # 党 is not a surname
    assert not is_lone_name("王")
    assert not is_lone_name("王某某某某")
