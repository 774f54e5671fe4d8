"""Sports teams named after their place: ORG spans the organ-word rules cannot see.

Owns: ``find_teams``.  A team is a place (a country, province, city or world city the
gazetteer knows), then optionally a sponsor's name of two characters (四川 + 全兴 + 队),
the national-team words (国家, 国奥 …), a sex or age group (男子, 女, 青年 …) and a
sport (网球, 围棋 …), then 队 / 代表队 / 集训队 — or the short forms 女排, 男足, 女篮 …:
中国队, 捷克队, 德国男子网球队, 中国女排, 北京国安队.  What follows must not make 队 the
start of another word (队员, 队长, 队伍 …).

jieba often keeps such a team as one word (中国队), so the place finders, which want a
country on word boundaries, do not see its place: the place is looked up here from
the gazetteer's names directly, and only its start needs a word boundary.
"""

from __future__ import annotations

import re
from collections.abc import Container

from desktop.pipeline.lexicon import stop_chars
from desktop.pipeline.places import PlaceMatch

_SPORTS = (
    "沙滩排球|乒乓球|羽毛球|曲棍球|足球|篮球|排球|网球|棒球|垒球|手球|冰球|水球|橄榄球|围棋|象棋|国际象棋"
    "|田径|游泳|跳水|体操|举重|射击|射箭|击剑|柔道|跆拳道|摔跤|拳击|自行车|赛艇|皮划艇|帆船|滑雪|速滑"
    "|短道速滑|花样滑冰|冰壶|登山|马拉松|武术"
)
# The end of a team's name, and what may stand between the place (and sponsor) and it.
_TERMINAL = re.compile(r"(?:代表队|集训队|队)(?![员长伍形列旗服友部内里中])|(?:国家|国奥|国青)?[男女](?:排|足|篮|乒|羽)(?![球员])")
_BODY = re.compile(rf"(?:国家|国奥|国青|国少)?(?:男子|女子|男|女|青年|少年)?(?:{_SPORTS})?")
# Only a body this long is tried before 队 (国家 + 女子 + 沙滩排球).
_MAX_BODY = 10
# A place name is at most this long (乌兹别克斯坦 has six characters).
_MAX_PLACE = 8
_SPONSOR = 2
# Function characters that may still be part of a sponsor's name (全兴, 本田).
_SPONSOR_MAY_HOLD = frozenset("全本")
_NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９零〇一二三四五六七八九十百千")
# Characters that cannot be part of a sponsor's name (部队, 驻军, 球队 are no team's name).
_NOT_SPONSOR = frozenset("部军球队驻派分总支大中小") | _NUMERAL_CHARS


def find_teams(
    text: str,
    place_names: Container[str],
    places: list[PlaceMatch],
    word_starts: set[int],
) -> list[tuple[int, int]]:
    """(start, end) of each team named after its place in ``text``.

    ``place_names``: the gazetteer's country, division and city names; ``places``: the place
    finders' matches (their ends are tried first); ``word_starts``: where jieba's words
    start, plus ``len(text)``."""
    found: list[tuple[int, int]] = []
    place_ends = {m.end: m.start for m in places}
    stops = frozenset(stop_chars()) - _SPONSOR_MAY_HOLD
    for t in _TERMINAL.finditer(text):
        best = None
        for b in range(t.start(), max(-1, t.start() - _MAX_BODY - 1), -1):
            if _BODY.fullmatch(text, b, t.start()) is None:
                continue
            start = _place_start(text, b, place_names, place_ends, word_starts)
            sponsor = text[b - _SPONSOR : b]
            if start is None and len(sponsor) == _SPONSOR and all(
                _is_cjk(c) and c not in stops and c not in _NOT_SPONSOR for c in sponsor
            ):
                start = _place_start(text, b - _SPONSOR, place_names, place_ends, word_starts)
            if start is not None and (best is None or start < best):
                best = start
        if best is not None:
            found.append((best, t.end()))
    return found


def _place_start(
    text: str, end: int, place_names: Container[str], place_ends: dict[int, int], word_starts: set[int]
) -> int | None:
    """Where a place ending at ``end`` starts (a found place, else the longest gazetteer name, or a
    city or province named without 市/省 (大连, 四川), on a word start), or None."""
    if end in place_ends:
        return place_ends[end]
    for start in range(max(0, end - _MAX_PLACE), end - 1):
        name = text[start:end]
        if (name in place_names or name + "市" in place_names or name + "省" in place_names) and (
            start == 0 or start in word_starts or not _is_cjk(text[start - 1])
        ):
            return start
    return None


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"
