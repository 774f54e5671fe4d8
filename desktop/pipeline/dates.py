"""Calendar expressions: finding DATE mentions and normalising them to ISO.

Owns: ``DATE_RE`` (one compiled, linear pattern for years, months, days,
quarters, halves and ranges of them, with or without OCR spaces), ``find_dates``
(the DATE spans of a text; ``iter_dates`` yields them one by one) and ``parse_date`` (an expression -> ISO value).

Values: ``"2023"``, ``"2023-09"``, ``"2023-02-20"``; 底/初/上旬/中旬/下旬 keep
month precision; a quarter or a half year is a ``{"start", "end"}`` month
range; a range of dates is ``{"start", "end"}``.  When the expression has no
year and no ``default_year`` is given the value is ``None``.

Not DATEs: durations (1年, 3个月, 24小时), relative words (今年, 近日), and
a bare year without 年 (2024重庆体育科技嘉年华).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.pipeline.numbers import chinese_to_int

_SP = r"[ \u3000]{0,2}"
_CN_DIGIT = "〇零○一二三四五六七八九"
_YEAR_NUM = rf"(?:1[5-9]\d\d|20\d\d|21\d\d|[{_CN_DIGIT}]{{4}})"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
_MONTH_CN = r"(?:十[一二]?|[一二三四五六七八九])"
_DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])"
_DAY_CN = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
_MOD = r"(?:上旬|中旬|下旬|底|初|末)"
_QUARTER = rf"(?:前?第?[一二三四1-4]{_SP}季度)"
_HALF = r"(?:上半年|下半年)"

_YEAR = rf"{_YEAR_NUM}{_SP}年"
_MONTH = rf"(?:{_MONTH_NUM}|{_MONTH_CN}(?={_SP}月{_SP}(?:{_DAY_NUM}|{_DAY_CN}){_SP}[日号]))" rf"{_SP}月"
_MONTH_AFTER_YEAR = rf"(?:{_MONTH_NUM}|{_MONTH_CN}){_SP}月"
_DAY = rf"(?:{_DAY_NUM}{_SP}[日号]|{_DAY_CN}{_SP}日)(?![内前])"

# One calendar point: year [month [day|mod]] | year quarter | year half | month [day|mod] | day | quarter
_POINT = (
    rf"(?:{_YEAR}(?:{_SP}(?:{_MONTH_AFTER_YEAR}(?:{_SP}(?:{_DAY}|{_MOD}))?|{_QUARTER}|{_HALF}|{_MOD}))?"
    rf"|{_MONTH}(?:{_SP}(?:{_DAY}|{_MOD}))?"
    rf"|{_DAY}"
    rf"|{_QUARTER})"
)
# The left side of a range may be a bare number that takes the unit of the right side (1—11月).
_LEFT = rf"(?:{_POINT}|(?:{_YEAR}{_SP})?(?:{_MONTH_AFTER_YEAR}{_SP})?\d{{1,4}}(?![\d.年月日号%]))"
_RANGE_SEP = r"(?:—{1,2}|－|-|~|～|至|到)"

DATE_RE = re.compile(
    rf"(?<![\d.．近前后每连续第〕\]】])(?:{_LEFT}{_SP}{_RANGE_SEP}{_SP}{_POINT}|{_POINT})"
    r"(?:(?<=年)|(?![\d%％]))"
)

_SEP_SPLIT_RE = re.compile(_RANGE_SEP)
_PART_RE = re.compile(
    rf"(?:(?P<year>{_YEAR_NUM}){_SP}年)?{_SP}"
    rf"(?:(?P<month>{_MONTH_NUM}|{_MONTH_CN}){_SP}月)?{_SP}"
    rf"(?:(?P<day>{_DAY_NUM}|{_DAY_CN}){_SP}[日号])?{_SP}"
    rf"(?:(?P<quarter>前?第?[一二三四1-4]){_SP}季度)?"
    rf"(?P<half>上半年|下半年)?"
    rf"(?P<mod>上旬|中旬|下旬|底|初|末)?"
    rf"(?P<bare>\d{{1,4}})?"
)
_QUARTER_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}


@dataclass
class _Parts:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    quarters_from_first: bool = False
    half: int | None = None
    bare: int | None = None


def _to_int(token: str) -> int:
    if token.isdigit():
        return int(token)
    if len(token) == 4 and all(c in _CN_DIGIT for c in token):  # 二〇二三
        return int("".join(str("〇一二三四五六七八九".index(c) if c not in "零○" else 0) for c in token))
    return chinese_to_int(token)


def _parse_part(text: str) -> _Parts | None:
    m = _PART_RE.fullmatch(text.strip())
    if m is None:
        return None
    parts = _Parts()
    if m["year"]:
        parts.year = _to_int(m["year"])
    if m["month"]:
        parts.month = _to_int(m["month"])
    if m["day"]:
        parts.day = _to_int(m["day"])
    if m["quarter"]:
        q = m["quarter"].lstrip("前第")
        parts.quarter = int(q) if q.isdigit() else _QUARTER_DIGITS[q]
        parts.quarters_from_first = m["quarter"].startswith("前")
    if m["half"]:
        parts.half = 1 if m["half"] == "上半年" else 2
    if m["bare"]:
        parts.bare = int(m["bare"])
    return parts


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _point_value(p: _Parts) -> str | dict | None:
    if p.year is None or (p.day is not None and p.month is None):
        return None
    if p.quarter is not None:
        first = 1 if p.quarters_from_first else p.quarter
        return {"start": _iso(p.year, 3 * first - 2), "end": _iso(p.year, 3 * p.quarter)}
    if p.half is not None:
        return {"start": _iso(p.year, 1 if p.half == 1 else 7), "end": _iso(p.year, 6 if p.half == 1 else 12)}
    return _iso(p.year, p.month, p.day)


def _valid(p: _Parts) -> bool:
    return (p.month is None or 1 <= p.month <= 12) and (p.day is None or 1 <= p.day <= 31)


def parse_date(text: str, default_year: int | None = None) -> str | dict | None:
    """Normalise one calendar expression (a point or a range) to ISO.

    ``"2023年2月底"`` -> ``"2023-02"``; ``"2021—2023年"`` -> ``{"start": "2021",
    "end": "2023"}``; ``"2月20日"`` -> ``None`` unless ``default_year`` is given.
    Returns ``None`` for text that is not a calendar expression.
    """
    text = text.strip()
    if not text:
        return None
    pieces = _SEP_SPLIT_RE.split(text, maxsplit=1)
    if len(pieces) == 1:
        point = _parse_part(text)
        if point is None or point.bare is not None or not _valid(point) or _empty(point):
            return None
        if point.year is None:
            point.year = default_year
        return _point_value(point)
    left, right = (_parse_part(p) for p in pieces)
    if left is None or right is None or right.bare is not None or _empty(right):
        return None
    if left.bare is not None:  # 1—11月: the bare number takes the unit of the right side
        if right.year is not None and right.month is None and left.year is None:
            left.year = left.bare
        elif right.month is not None and left.month is None:
            left.month = left.bare
        elif right.day is not None and left.day is None:
            left.day = left.bare
        else:
            return None
        left.bare = None
    # The right side inherits the units it leaves out from the left (4月19日至21日).
    if right.year is None:
        right.year = left.year
        if right.month is None and right.day is not None:
            right.month = left.month
    if left.year is None:
        left.year = right.year if right.year is not None and left.month is not None else left.year
    if left.year is None:
        left.year = default_year
        right.year = right.year if right.year is not None else default_year
    if left.year is None and right.year is None:
        return None
    if not (_valid(left) and _valid(right)):
        return None
    start, end = _point_value(left), _point_value(right)
    if start is None or end is None:
        return None
    start_iso = start["start"] if isinstance(start, dict) else start
    end_iso = end["end"] if isinstance(end, dict) else end
    return {"start": start_iso, "end": end_iso}


def _empty(p: _Parts) -> bool:
    return all(v is None for v in (p.year, p.month, p.day, p.quarter, p.half))


def find_dates(text: str) -> list[tuple[int, int, str | dict | None]]:
    """DATE spans of ``text`` as ``(start, end, value)``, in order, non-overlapping."""
    return list(iter_dates(text))


def iter_dates(text: str) -> Iterator[tuple[int, int, str | dict | None]]:
    """``find_dates`` one span at a time (a caller that needs only the first stops early)."""
    for m in DATE_RE.finditer(text):
        start, end = m.span()
        while end > start and text[end - 1] in " \u3000":
            end -= 1
        if _BARE_DAY_RE.fullmatch(text, start, end) and not _bare_day_ok(text, start, end):
            continue
        value = parse_date(text[start:end])
        if value is None and not _has_calendar_unit(text[start:end]):
            continue
        yield start, end, value


# A day with no month before it: 一日 alone is "one day" (日复一日), and N号 before a
# noun numbers a building, line or room (2号展厅, 3号线, 1号楼).
_BARE_DAY_RE = re.compile(rf"{_DAY_CN}{_SP}日|{_DAY_NUM}{_SP}号")
_NUMBERED_THING = frozenset("楼线厅馆院库门口车位站台机展仓文令桥场区栋馆窗床柜箱")


def _bare_day_ok(text: str, start: int, end: int) -> bool:
    if text[end - 1] == "日":
        return False
    return text[end : end + 1] not in _NUMBERED_THING


_UNIT_RE = re.compile(r"[年月日号]|季度")


def _has_calendar_unit(expr: str) -> bool:
    return _UNIT_RE.search(expr) is not None
