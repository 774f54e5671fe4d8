"""Place names in running text: the LOC spans, found with the gazetteer.

Owns: ``find_places`` -> ``PlaceMatch`` list.  What counts as a place:
* a division name or unambiguous alias (四川, 成都市, 广汉), a country;
* the longest continuous chain of them, down to towns, communities and named
  sites (广元市朝天区朝天镇清风路社区, 渝中区贺龙广场, 成都都市圈);
* a town or community name alone only when the gazetteer knows it and it ends
  with its level suffix (金鱼镇, 唐家寺社区);
* named zones after a place (成都东部新区, 成渝地区双城经济圈, 成渝中线科创走廊),
  where a suffix alone is never enough: a place must come right before;
* runs of one-character abbreviations that share a province (成德眉资) or are all
  province abbreviations (川渝), and a single province abbreviation after a
  movement verb (来川, 住渝).
The value is the code of the deepest coded division in the span, resolved with
the places named earlier in the text when a name is ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.pipeline.gazetteer import PROVINCE_ABBR, Gazetteer, resolve_code
from desktop.pipeline.lexicon import stop_chars

# Named zones that may follow a place directly (成都都市圈) or after a short name (成都东部新区).
_ZONE_SUFFIXES = "都市圈|经济圈|城市群|经济带|新区|新城|经开区|高新区|经济区|自贸区|示范区|片区|走廊"
# Named sites that need a name of their own between the place and the suffix (贺龙广场).
_SITE_SUFFIXES = "广场|小区|社区|产业园|工业园区|工业园|园区|开发区|公园|景区|湿地公园|机场|步行街|商圈|古镇|新村"
_STEM = rf"[^\W\d_{stop_chars()}]"
_ZONE_RE = re.compile(rf"{_STEM}{{0,6}}?(?:{_ZONE_SUFFIXES})")
_SITE_RE = re.compile(rf"{_STEM}{{2,4}}?(?:{_SITE_SUFFIXES})")
_LEVEL_SUFFIX_RE = re.compile(r"街道|社区|居委会|镇|乡|村|苏木|嘎查")
# Followed by one of these, a two-character abbreviation run names a region (成渝地区, 成渝中线).
_REGION_AFTER = ("地区", "经济圈", "都市圈", "城市群", "双城", "中线", "两地", "两省", "一体化", "同城化", "协同", "合作", "毗邻")
_MOVE_VERBS = "来在入出赴驻住援返回离抵进"
# Words that end in one of those verbs without being a movement (未来, 现在, 出入 …).
_NOT_MOVES = frozenset(("未来", "从来", "往来", "以来", "原来", "本来", "后来", "将来", "现在", "正在", "存在", "实在", "所在", "出入", "收入", "投入", "深入", "加入", "进入", "引进", "推进", "促进", "先进"))


@dataclass
class PlaceMatch:
    start: int
    end: int
    code: str | None


def find_places(text: str, gaz: Gazetteer, word_starts: set[int] | None = None) -> list[PlaceMatch]:
    """LOC spans of ``text``: maximal, non-overlapping, in order.

    ``word_starts`` are the offsets where a jieba word starts (plus ``len(text)``);
    a short alias (广汉, 双城) counts only when it starts and ends on such a boundary,
    so that it is not read out of a longer word (双城记, 安居乐业).
    """
    if word_starts is None:
        word_starts = _jieba_word_starts(text)
    seeds = _division_seeds(text, gaz, word_starts) + _suffix_seeds(text, gaz) + _abbreviation_seeds(text, gaz)
    seeds.sort(key=lambda m: (m.start, -(m.end - m.start)))
    context: list[str] = []
    result: list[PlaceMatch] = []
    last_end = 0
    for seed in seeds:
        if seed.start < last_end:
            continue
        match = _extend_chain(text, gaz, seed, context)
        if match.code:
            context.append(match.code)
        result.append(match)
        last_end = match.end
    return result


def _jieba_word_starts(text: str) -> set[int]:
    import jieba

    starts, pos = {len(text)}, 0
    for word in jieba.lcut(text):
        starts.add(pos)
        pos += len(word)
    return starts


def _division_seeds(text: str, gaz: Gazetteer, word_starts: set[int]) -> list[PlaceMatch]:
    """Greedy longest match of division names, aliases and countries, left to right."""
    seeds: list[PlaceMatch] = []
    lengths = gaz.first_char_lengths
    i, n = 0, len(text)
    while i < n:
        for size in lengths.get(text[i], ()):
            name = text[i : i + size]
            if len(name) == size and name not in gaz.chain_only:
                codes = gaz.lookup(name)
                if codes is not None and name not in gaz.admin:
                    if i not in word_starts or i + size not in word_starts:
                        continue
                if codes is not None:
                    seeds.append(PlaceMatch(i, i + size, codes[0] if len(codes) == 1 else None))
                    i += size
                    break
        else:
            i += 1
    return seeds


def _suffix_seeds(text: str, gaz: Gazetteer) -> list[PlaceMatch]:
    """Towns and communities the gazetteer knows, found from their level suffix backwards."""
    seeds: list[PlaceMatch] = []
    for m in _LEVEL_SUFFIX_RE.finditer(text):
        end = m.end()
        names = gaz.villages if m.group() in ("社区", "村", "居委会", "嘎查") else gaz.towns
        longest = gaz.max_village_len if names is gaz.villages else gaz.max_town_len
        for size in range(min(longest, end), 2, -1):
            if text[end - size : end] in names:
                seeds.append(PlaceMatch(end - size, end, None))
                break
    return seeds


def _abbreviation_seeds(text: str, gaz: Gazetteer) -> list[PlaceMatch]:
    seeds: list[PlaceMatch] = []
    for run in _abbreviation_run_re(gaz).finditer(text):
        i, n = run.start(), run.end()
        while i < n:
            j = min(n, i + 4)
            while j - i >= 2 and not _is_region_abbreviation(text, i, j, gaz):
                j -= 1
            if j - i >= 2:
                seeds.append(PlaceMatch(i, j, None))
                i = j
                continue
            c = text[i]
            if c in PROVINCE_ABBR and i > 0 and text[i - 1] in _MOVE_VERBS and text[i - 2 : i] not in _NOT_MOVES:
                seeds.append(PlaceMatch(i, i + 1, PROVINCE_ABBR[c]))
            i += 1
    return seeds


_run_res: dict[int, re.Pattern[str]] = {}


def _abbreviation_run_re(gaz: Gazetteer) -> re.Pattern[str]:
    """Runs of characters that abbreviate a province or start a city name."""
    pattern = _run_res.get(id(gaz))
    if pattern is None:
        chars = "".join(sorted(set(PROVINCE_ABBR) | set(gaz.city_initials)))
        pattern = _run_res[id(gaz)] = re.compile(f"[{re.escape(chars)}]+")
    return pattern


def _is_region_abbreviation(text: str, start: int, end: int, gaz: Gazetteer) -> bool:
    chars = text[start:end]
    if len(set(chars)) != len(chars):
        return False
    if all(c in PROVINCE_ABBR for c in chars) and any(c not in "港澳蜀" for c in chars):
        return True
    provinces: set[str] | None = None
    for c in chars:
        options = set(gaz.city_initials.get(c, ()))
        if c in PROVINCE_ABBR:
            options.add(PROVINCE_ABBR[c])
        provinces = options if provinces is None else provinces & options
    if len(chars) >= 3 and provinces:
        return True
    return len(chars) == 2 and text.startswith(_REGION_AFTER, end)


def _extend_chain(text: str, gaz: Gazetteer, seed: PlaceMatch, context: list[str]) -> PlaceMatch:
    """Grow a place to the longest continuous chain of divisions, towns and named sites."""
    start, end = seed.start, seed.end
    name = text[start:end]
    codes = gaz.lookup(name)
    code = resolve_code(codes, context) if codes else seed.code
    chain = context + ([code] if code else [])
    while True:
        step = _next_link(text, gaz, end)
        if step is None:
            break
        link_end, link_codes = step
        if link_codes:
            link_code = resolve_code(link_codes, chain)
            if link_code:
                code = link_code
                chain.append(link_code)
        end = link_end
    return PlaceMatch(start, end, code)


def _next_link(text: str, gaz: Gazetteer, at: int) -> tuple[int, tuple[str, ...]] | None:
    for size in gaz.first_char_lengths.get(text[at : at + 1], ()):
        name = text[at : at + size]
        codes = gaz.admin.get(name)
        if len(name) == size and codes is not None:
            return at + size, codes
    for names, longest in ((gaz.towns, gaz.max_town_len), (gaz.villages, gaz.max_village_len)):
        for size in range(min(longest, len(text) - at), 2, -1):
            if text[at : at + size] in names:
                return at + size, ()
    for pattern in (_ZONE_RE, _SITE_RE):
        m = pattern.match(text, at)
        if m is not None:
            return m.end(), ()
    return None
