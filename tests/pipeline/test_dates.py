"""DATE finding and ISO normalisation (dates.parse_date, dates.find_dates)."""

from __future__ import annotations

import pytest

from desktop.pipeline.dates import find_dates, parse_date


@pytest.mark.parametrize(
    ("expr", "default_year", "expected"),
    [
        ("2023年", None, "2023"),
        ("2023年9月", None, "2023-09"),
        ("2023 年 9 月", None, "2023-09"),
        ("2023年2月底", None, "2023-02"),
        ("2023年2月20日", None, "2023-02-20"),
        ("2023年11月上旬", None, "2023-11"),
        ("2023年底", None, "2023"),
        ("二〇二三年十月一日", None, "2023-10-01"),
        ("2月20日", None, None),
        ("2月20日", 2023, "2023-02-20"),
        ("4月底", 2024, "2024-04"),
        ("20日", 2024, None),
        ("2021—2023年", None, {"start": "2021", "end": "2023"}),
        ("1—11 月", None, None),
        ("1—11月", 2023, {"start": "2023-01", "end": "2023-11"}),
        ("2023年1—11月", None, {"start": "2023-01", "end": "2023-11"}),
        ("8 月 10 日至 11 月 18 日", None, None),
        ("8 月 10 日至 11 月 18 日", 2023, {"start": "2023-08-10", "end": "2023-11-18"}),
        ("4月19日至21日", 2024, {"start": "2024-04-19", "end": "2024-04-21"}),
        ("2022年11月至2023年2月", None, {"start": "2022-11", "end": "2023-02"}),
        ("二季度", None, None),
        ("2023年二季度", None, {"start": "2023-04", "end": "2023-06"}),
        ("2023年前三季度", None, {"start": "2023-01", "end": "2023-09"}),
        ("2023年上半年", None, {"start": "2023-01", "end": "2023-06"}),
        ("13月", 2023, None),
        ("今年", 2023, None),
        ("", 2023, None),
    ],
)
def test_parse_date(expr, default_year, expected):
    assert parse_date(expr, default_year) == expected


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2月17日上午,广安区七届人大三次会议闭幕", ["2月17日"]),
        ("于2023年2月底前将企业推荐", ["2023年2月底"]),
        ("全力以赴做好二季度和下半年招商引资工作", ["二季度"]),
        ("2024重庆体育科技嘉年华将于4月19日至21日在渝中区启幕", ["4月19日至21日"]),
        ("引导全省银行机构在 1—11 月发放贷款", ["1—11 月"]),
        ("企业成立1年以上,建设24小时自助法院,3个月内完成", []),
        ("自收到之日起30日内办结", []),
        ("中华文明5000年历史", []),
        ("近日,今年,去年,目前", []),
        ("2021—2023年,科技金融专项累计", ["2021—2023年"]),
        # a year directly before a counted quantity is still a year
        ("审议通过2024年12项重点工作", ["2024年"]),
        # document numbers, "day after day", numbered buildings and lines are not days
        ("按照《意见》(渝府办发〔2022〕15号)要求", []),
        ("志愿者日复一日地坚守", []),
        ("乘坐3号线到5号楼", []),
        ("定于18号上午举行,3月5号出发", ["18号", "3月5号"]),
    ],
)
def test_find_dates(text, expected):
    assert _found(text) == expected


def test_find_dates_values_need_a_year_in_the_expression():
    text = "2023 年 9 月启动,2月20日举行"
    assert [v for _, _, v in find_dates(text)] == ["2023-09", None]
