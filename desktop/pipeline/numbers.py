"""Amounts and rates: MONEY and PERCENT mentions with their normalised values.

Owns: ``find_money`` (MONEY spans, value = whole yuan as ``int``), ``find_percents``
(PERCENT spans, value = ``float`` in percent), and ``chinese_to_int`` /
``number_value`` (Arabic, Chinese and mixed numerals; Chinese numerals go through
cn2an).  Qualifiers before a number (超, 近, 约, 逾) stay outside the span; 余/多
inside an amount stay inside (470余万元 -> 4,700,000).  OCR spaces between the
number and its unit are allowed (473 亿元).  Amounts in a foreign currency are
spans with value ``None`` (no exchange rate offline); so are ranges of amounts.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import cn2an

_SP = r"[ \u3000]{0,2}"
_CN_START = "零〇一二两三四五六七八九十"
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_NUM_AR = r"(?:\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_NUM_CN = rf"(?:[{_CN_START}][{_CN_CHARS}]*)"
_NUM = rf"(?:{_NUM_AR}|{_NUM_CN})"
_MULT = r"(?:万亿|千亿|百亿|十亿|千万|百万|十万|万|亿|千|百)"
_APPROX = r"(?:余|多)"
_YUAN = r"(?:元(?:人民币)?|人民币|块钱)"
_FOREIGN = r"(?:美元|欧元|日元|港元|港币|英镑|澳元|韩元|卢布|新台币|加元|瑞士法郎)"
_RANGE_SEP = r"(?:—{1,2}|－|-|~|～|至|到)"
# A word that merely starts with 元 (元素, 多元化, 元宵, 元旦) is not a currency unit.
_NOT_UNIT = r"(?![素化宵旦件次组宇年月])"

_AMOUNT = rf"{_NUM}{_SP}{_APPROX}?{_SP}{_MULT}?{_APPROX}?{_SP}"
MONEY_RE = re.compile(
    rf"(?<![\d.．{_CN_CHARS}])"
    rf"(?P<low>{_NUM}{_SP}{_MULT}?{_SP}{_RANGE_SEP}{_SP})?"
    rf"(?P<num>{_NUM}){_SP}(?P<approx1>{_APPROX})?{_SP}(?P<mult>{_MULT})?(?P<approx2>{_APPROX})?{_SP}"
    rf"(?:(?P<yuan>{_YUAN}){_NOT_UNIT}|(?P<foreign>{_FOREIGN}))"
)

PERCENT_RE = re.compile(
    rf"(?<![\d.．{_CN_CHARS}])(?:"
    rf"(?P<num>{_NUM_AR}){_SP}(?P<unit>%|％|‰|个?百分点|个?千分点)"
    rf"|(?P<word>百分之|千分之)(?P<wnum>{_NUM_AR}|[{_CN_CHARS}点]+)"
    r")"
)

_MULTIPLIERS: dict[str, int] = {
    "十": 10,
    "百": 100,
    "千": 1_000,
    "万": 10_000,
    "十万": 100_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
    "亿": 100_000_000,
    "十亿": 1_000_000_000,
    "百亿": 10_000_000_000,
    "千亿": 100_000_000_000,
    "万亿": 1_000_000_000_000,
}


def chinese_to_int(text: str) -> int:
    """``"二十一"`` -> 21, ``"两千"`` -> 2000; raises ``ValueError`` if not a numeral."""
    try:
        return int(cn2an.cn2an(text.replace("两", "二"), "smart"))
    except (ValueError, KeyError, TypeError) as err:
        raise ValueError(f"not a numeral: {text!r}") from err


def number_value(text: str) -> Decimal | None:
    """Arabic (with thousands commas), Chinese or mixed numeral -> Decimal."""
    text = text.replace(",", "").replace("，", "").replace(" ", "")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        pass
    try:
        return Decimal(str(cn2an.cn2an(text.replace("两", "二"), "smart")))
    except (ValueError, KeyError, TypeError):
        return None


def find_money(text: str) -> list[tuple[int, int, int | None]]:
    """MONEY spans of ``text`` as ``(start, end, yuan)``."""
    found: list[tuple[int, int, int | None]] = []
    for m in MONEY_RE.finditer(text):
        amount = number_value(m["num"])
        if amount is None:
            continue
        value: int | None = None
        if m["yuan"] and m["low"] is None:
            value = int(amount * _MULTIPLIERS.get(m["mult"] or "", 1))
        found.append((m.start(), m.end(), value))
    return found


def find_percents(text: str) -> list[tuple[int, int, float | None]]:
    """PERCENT spans of ``text`` as ``(start, end, percent)``; per-mille is converted to percent."""
    found: list[tuple[int, int, float | None]] = []
    for m in PERCENT_RE.finditer(text):
        if m["num"] is not None:
            amount = number_value(m["num"])
            per_mille = m["unit"] in ("‰",) or m["unit"].endswith("千分点")
        else:
            amount = number_value(m["wnum"].replace("点", "."))
            if amount is None:
                amount = _chinese_decimal(m["wnum"])
            per_mille = m["word"] == "千分之"
        if amount is None:
            continue
        value = float(amount / 10) if per_mille else float(amount)
        found.append((m.start(), m.end(), value))
    return found


def _chinese_decimal(text: str) -> Decimal | None:
    """``"三点五"`` -> 3.5 (cn2an reads the integer part, digits after 点 are read one by one)."""
    whole, _, frac = text.partition("点")
    whole_value = number_value(whole)
    if whole_value is None:
        return None
    digits = "零一二三四五六七八九"
    if frac and all(c in digits or c == "〇" for c in frac):
        return whole_value + Decimal("0." + "".join(str(digits.index(c) if c != "〇" else 0) for c in frac))
    return whole_value if not frac else None
