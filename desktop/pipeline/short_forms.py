"""A body's short form given in brackets right after its full name.

Owns: ``bracketed_short_forms`` and ``listed_siblings`` (names listed before a body that share its
trade word, 东岳证券、粤信证券和江淮汇通证券股份有限公司).  News writes a body's full name once with its short form
in brackets and then uses the short form: 香港金融管理局（金管局）, 世界卫生组织（世卫组织）,
国际原子能机构（IAEA）.  The short form in the brackets is a span of the full name's label
and confidence, also when something else found it under another label (房委会 as a name); ``mentions.repeat_mentions`` then gives it to the short form's other
mentions when that confidence is sure.

A short form is what the full name abbreviates: its Chinese characters all stand in the
full name in the same order (金管局 in 香港金融管理局), or it is two to eight capital Latin
letters (IAEA, WHO).  Anything else in brackets (a place, a date, a code, an explanation)
is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.pipeline.lexicon import stop_chars

SpanC = tuple[int, int, str, "float | None"]

_BRACKETED_RE = re.compile(r"[（(]([\u4e00-\u9fff]{2,8}|[A-Z][A-Za-z]{1,7})[）)]")
_LABELS = frozenset(("ORG", "LOC"))


def bracketed_short_forms(text: str, spans: Sequence[SpanC]) -> list[SpanC]:
    """``spans`` with the short form in brackets after each ORG or LOC added (see the module doc)."""
    at = {(s[0], s[1]): k for k, s in enumerate(spans)}
    starts = {s[0] for s in spans}
    out = list(spans)
    added: list[SpanC] = []
    for start, end, label, conf in spans:
        if label not in _LABELS:
            continue
        m = _BRACKETED_RE.match(text, end)
        if m is None or not _abbreviates(m.group(1), text[start:end]):
            continue
        k = at.get(m.span(1))
        if k is not None:  # found already, maybe as something else (房委会 read as a name)
            out[k] = (*m.span(1), label, conf)
        elif m.start(1) not in starts:
            added.append((m.start(1), m.end(1), label, conf))
    return sorted([*out, *added], key=lambda s: (s[0], -s[1])) if added else out


def _abbreviates(short: str, name: str) -> bool:
    """``short`` is an abbreviation of ``name``: capitals, or Chinese characters of ``name`` in order."""
    if short.isascii():
        return short.isupper() and len(short) >= 2
    if len(short) >= len(name):
        return False
    at = 0
    for ch in short:
        at = name.find(ch, at) + 1
        if at == 0:
            return False
    return True


def listed_siblings(text: str, spans: Sequence[SpanC]) -> list[SpanC]:
    """``spans`` with the names listed right before an ORG that share its trade word: in
    东岳证券、粤信证券和江淮汇通证券股份有限公司 the first two are bodies as the third is (each
    name one to six Chinese characters and the trade word, no function character, after
    punctuation or another list mark; a list mark or 和/及/与 between)."""
    stops = stop_chars()
    taken = bytearray(len(text))
    for s in spans:
        taken[s[0] : s[1]] = b"\x01" * (s[1] - s[0])
    added: list[SpanC] = []
    for start, end, label, conf in spans:
        if label != "ORG":
            continue
        trade = next((t for t in _TRADES if t in text[start + 1 : end]), None)
        at = start
        while trade is not None and at > 0 and text[at - 1] in _LIST_JOINS:
            m = re.search(rf"[^\W\d_{_LIST_JOINS}]{{1,6}}{trade}$", text[max(0, at - 1 - 6 - len(trade)) : at - 1])
            if m is None:
                break
            item_start = at - 1 - (len(m.group()))
            before = text[item_start - 1 : item_start]
            if any(taken[item_start : at - 1]) or any(c in stops for c in m.group()):
                break
            if before and not (before in _LIST_JOINS or not _HAN_RE.match(before)):
                break  # the name must stand after punctuation or another list mark, not inside a clause
            added.append((item_start, at - 1, "ORG", conf))
            taken[item_start : at - 1] = b"\x01" * (at - 1 - item_start)
            at = item_start
    return sorted([*spans, *added], key=lambda s: (s[0], -s[1])) if added else list(spans)


# Trade words that end a company's short name (东岳证券, 青石银行) and the marks of a list.
_TRADES = ("证券", "银行", "保险", "基金", "期货", "信托", "药业", "集团")
_LIST_JOINS = "、和及与"
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
