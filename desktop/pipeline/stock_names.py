"""Companies named the way financial pages name them: by their listing.

Owns: ``find_stock_names`` -> ORG spans (start, end).

* **A short name before its stock code** (远景航运（601872）, 腾讯控股(00700.HK)): the Han
  characters right before a bracket that holds a six-digit mainland code or a five-digit
  Hong Kong code, two to six of them starting on a jieba word boundary, four when they can
  be (龙头企业 + 宏图股份（002735）: the short name is 宏图股份).
* **The short name a company is given** (江苏恒信科技股份有限公司（简称“恒信科技”）,
  （以下简称“华海港口”）): the quoted name after 简称.
* **Every other mention of such a name in the text** that stands as words of its own
  (恒信科技、芯源微电等12只个股涨停): a page names a listed company by its short name
  throughout once it has given its code.
"""

from __future__ import annotations

import re
from collections.abc import Container

_CODE_RE = re.compile(r"[（(]\s*(?:股票代码[：:]\s*)?\d{5,6}(?:\s*\.\s*(?:SH|SZ|BJ|HK))?\s*[）)]", re.I)
_ALIAS_RE = re.compile(r"(?:以下)?简称(?:为)?\s*[“\"「『]([^”\"」』，,。（()）\s]{2,10})[”\"」』]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LONGEST = 6
_SIZES = (4, 3, 5, 6, 2)  # the lengths of a short name, most likely first


def find_stock_names(text: str, word_starts: Container[int]) -> list[tuple[int, int]]:
    """ORG spans of the short names of listed companies in ``text`` (see the module doc);
    ``word_starts`` are the offsets where jieba words start (plus ``len(text)``)."""
    if "（" not in text and "(" not in text and "简称" not in text:
        return []
    names: set[str] = set()
    spans: set[tuple[int, int]] = set()
    for m in _CODE_RE.finditer(text):
        start = _name_start(text, m.start(), word_starts)
        if start is not None:
            spans.add((start, m.start()))
            names.add(text[start : m.start()])
    for m in _ALIAS_RE.finditer(text):
        spans.add(m.span(1))
        names.add(m.group(1))
    for name in names:
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if pos in word_starts and end in word_starts:
                spans.add((pos, end))
            pos = text.find(name, end)
    return sorted(spans)


def _name_start(text: str, end: int, word_starts: Container[int]) -> int | None:
    """Start of the short name ending at ``end``: the whole run of Han characters before it
    when it has at most four, else the part of it that starts on a word boundary, four
    characters long if one is (most short names are: 宏图股份, 贵州茅台), else three, five,
    six or two."""
    start = end
    while start > 0 and end - start < _LONGEST and _HAN.match(text, start - 1):
        start -= 1
    if end - start <= 4:
        return start if end - start >= 2 else None
    for size in _SIZES:
        if end - size >= start and end - size in word_starts:
            return end - size
    return None
