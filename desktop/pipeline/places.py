"""Place names in running text: the LOC spans, found with the gazetteer.

Owns: ``find_places`` -> ``PlaceMatch`` list.  What counts as a place:
* a division name or unambiguous alias (四川, 成都市, 广汉), a country;
* the longest continuous chain of them, down to towns, communities and named
  sites (广元市朝天区朝天镇清风路社区, 渝中区贺龙广场, 成都都市圈), never over 至 (A镇至B乡);
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
from desktop.pipeline.jieba_words import jieba_words
from desktop.pipeline.lexicon import stop_chars, words

# Named zones that may follow a place directly (成都都市圈) or after a short name (成都东部新区).
_ZONE_SUFFIXES = "都市圈|经济圈|城市群|经济带|新区|新城|经开区|高新区|经济区|自贸区|示范区|片区|走廊|大湾区"
# Named sites that need a name of their own between the place and the suffix (贺龙广场).
_SITE_SUFFIXES = "广场|小区|社区|产业园|工业园区|工业园|园区|开发区|公园|景区|湿地公园|机场|步行街|商圈|古镇|新村|驿站|博物馆|纪念馆"
_STEM = rf"[^\W\d_{stop_chars()}]"
_ZONE_RE = re.compile(rf"{_STEM}{{0,6}}?(?:{_ZONE_SUFFIXES})")
_SITE_RE = re.compile(rf"(?:{_STEM}{{2,4}}?|{_STEM}{{1,4}}·{_STEM}{{1,4}}?)(?:{_SITE_SUFFIXES})")
# A community, village, town, street or named site standing alone: a name of its
# own (2-4 characters, starting on a jieba word boundary) + one of these words,
# the word itself a jieba word of its own (金雁|街道, 茶树|街, 芙蓉|大道, 三星|社区, 雅浦|海沟; not 小镇, 农村, 思路).
_LOCAL_SUFFIX_RE = re.compile(
    r"街道|社区|村|镇|乡|大道|大街|街|路|巷|胡同|产业园|工业园|驿站|博物馆|纪念馆|广场|公园|小区|新区|高新区|经开区|"
    r"海沟|海峡|海湾|群岛|半岛|山脉|高原|盆地|沙漠|冰川|峡谷"
)
# Level words that continue a chain after a place with a name of their own (广汉市 + 金雁街道).
_LINK_LOCAL_RE = re.compile(rf"({_STEM}{{2,4}}?)(?:街道|社区|村|镇|乡)")
_STEM_RE = re.compile(rf"{_STEM}+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# After 乡/村/镇 these make an ordinary word (乡村, 乡镇, 村民, 镇街).
_NOT_AFTER_LOCAL = frozenset("村镇民委级街")
# jieba tags of words that start a phrase rather than a name (新建, 依托, 和谐, 所在, 两个 …).
_PHRASE_TAGS = frozenset(("v", "vn", "vd", "a", "ad", "an", "d", "p", "c", "r", "b", "f", "t", "u", "q", "z", "i", "l"))
# A jieba word this frequent is a common word, not the name part of a place (城市, 人民, 农村).
_COMMON_FREQ = 1000
_DIRECTIONS = "东西南北"
_ALIAS_LEVEL_CHARS = frozenset("州市县区盟旗")
# One-character conjunctions and adverbs that jieba's new-word guessing glues onto a name.
_GLUE_STARTS = frozenset("但却若虽即乃又亦且而就才再还都也仍")
_LEVEL_SUFFIX_RE = re.compile(r"街道|社区|居委会|镇|乡|村|苏木|嘎查")
# Followed by one of these, a two-character abbreviation run names a region (成渝地区, 成渝中线).
_REGION_AFTER = (
    "地区", "经济圈", "都市圈", "城市群", "双城", "中线", "两地", "两省", "一体化", "同城化", "协同", "合作", "毗邻",
    "直连", "高铁", "铁路", "高速", "通道", "之间",
)  # fmt: skip
_MOVE_VERBS = "来在入出赴驻住援返回离抵进"
_RANGE_MARKS = frozenset("至到—－~～")  # between two places: a route or a range (A镇至B乡), no chain
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
    seeds = _division_seeds(text, gaz, word_starts) + _suffix_seeds(text, gaz, word_starts)
    seeds += _abbreviation_seeds(text, gaz, word_starts) + _local_seeds(text, word_starts)
    seeds.sort(key=lambda m: (m.start, -(m.end - m.start)))
    context: list[str] = []
    result: list[PlaceMatch] = []
    last_end = 0
    for seed in seeds:
        if seed.start < last_end:
            continue
        match = _extend_chain(text, gaz, seed, context, word_starts)
        if match.code:
            context.append(match.code)
        result.append(match)
        last_end = match.end
    result = _short_forms(text, result, word_starts)
    if "、" in text:
        result = _town_lists(text, gaz, result, word_starts)
    return result


_LIST_RE = re.compile(r"[^\W\d_]{2,6}(?:、[^\W\d_]{2,4})+(?:、?[^\W\d_]{2,6})?")
_town_stems: dict[int, frozenset[str]] = {}


def _stems_of_towns(gaz: Gazetteer) -> frozenset[str]:
    stems = _town_stems.get(id(gaz))
    if stems is None:
        found = set()
        for town in gaz.towns:
            for suffix in ("镇", "乡", "街道"):
                if town.endswith(suffix) and len(town) - len(suffix) >= 2:
                    found.add(town[: -len(suffix)])
        stems = _town_stems[id(gaz)] = frozenset(found)
    return stems


def _town_lists(text: str, gaz: Gazetteer, places: list[PlaceMatch], word_starts: set[int]) -> list[PlaceMatch]:
    """Enumerations of bare town names (联合新胜、卧佛、五桂举办): every item a known town
    without its 镇/乡 and a plausible name, at least two items; each item is a LOC."""
    stems = _stems_of_towns(gaz)
    covered = bytearray(len(text))
    for m in places:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    extra: list[PlaceMatch] = []
    for run in _LIST_RE.finditer(text):
        items: list[tuple[int, int]] = []
        pos = run.start()
        parts = run.group().split("、")
        for k, part in enumerate(parts):
            a, b = pos, pos + len(part)
            pos = b + 1
            if k == 0:  # the first item may have words before it (联合|新胜)
                a = next((x for x in range(max(a, b - 4), b - 1) if x in word_starts and text[x:b] in stems), -1)
            elif k == len(parts) - 1:  # the last may have words after it (五桂|举办)
                b = next((y for y in range(min(b, a + 4), a + 1, -1) if y in word_starts and text[a:y] in stems), -1)
            if a < 0 or b < 0 or text[a:b] not in stems or not plausible_name(text[a:b]):
                items = []
                break
            items.append((a, b))
        if len(items) >= 2 and all(covered.find(1, a, b) == -1 for a, b in items):
            extra += [PlaceMatch(a, b, None) for a, b in items]
    return sorted(places + extra, key=lambda m: m.start) if extra else places


_SHORT_FORM_SUFFIXES = ("街道", "社区", "镇", "乡", "村")


def _starts_quoted_name(text: str, start: int, end: int) -> bool:
    """True for the first word of a longer quoted name (“金堂安全云”): apps and brands stay whole."""
    return start > 0 and text[start - 1] in "“‘「\"" and end < len(text) and text[end] not in "”’」\""


def _short_forms(text: str, places: list[PlaceMatch], word_starts: set[int]) -> list[PlaceMatch]:
    """Later bare mentions of a town or community named in full (塘坝镇 … 推动塘坝发展).

    The short form must be a word of its own, not followed by its level word, and
    a plausible name (not 城乡, 人民 …).
    """
    stems: set[str] = set()
    for m in places:
        suffix = next((x for x in _SHORT_FORM_SUFFIXES if text.endswith(x, m.start, m.end)), None)
        if suffix is None:
            continue
        s = m.end - len(suffix)
        for size in range(2, 5):
            b = s - size
            if b < m.start:
                break
            if b in word_starts or b == m.start:
                if plausible_name(text[b:s]):
                    stems.add(text[b:s])
                break
    if not stems:
        return places
    covered = bytearray(len(text))
    for m in places:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    extra: list[PlaceMatch] = []
    for stem in stems:
        i = text.find(stem)
        while i >= 0:
            e = i + len(stem)
            if (
                i in word_starts
                and e in word_starts
                and covered.find(1, i, e) == -1
                and not text.startswith(_SHORT_FORM_SUFFIXES, e)
                and not _starts_quoted_name(text, i, e)
            ):
                extra.append(PlaceMatch(i, e, None))
                covered[i:e] = b"\x01" * (e - i)
            i = text.find(stem, e)
    return sorted(places + extra, key=lambda m: m.start) if extra else places


def _jieba_word_starts(text: str) -> set[int]:
    import rjieba  # jieba's cut (HMM on), in Rust

    starts, pos = {len(text)}, 0
    for word in rjieba.cut(text):
        starts.add(pos)
        pos += len(word)
    return starts


_seed_names: dict[int, dict[str, tuple[str | None, bool]]] = {}


def known_place_names(gaz: Gazetteer) -> dict[str, tuple[str | None, bool]]:
    """Name -> (its code when unambiguous, whether it must sit on word boundaries), built once:
    the names a place finder starts from (also the places of ``teams`` and ``rules``).

    Division names, aliases, countries and world cities, without the chain-only names; full
    division names may start or end inside a word, aliases, countries and cities not.
    """
    names = _seed_names.get(id(gaz))
    if names is None:
        names = {}
        for table in (gaz.world_cities, gaz.countries, gaz.aliases, gaz.admin):
            for name in table:
                if len(name) < 2 or name in gaz.chain_only:
                    continue
                codes = gaz.lookup(name)
                if codes is not None:
                    names[name] = (codes[0] if len(codes) == 1 else None, name not in gaz.admin)
        names = _seed_names[id(gaz)] = names
    return names


def _division_seeds(text: str, gaz: Gazetteer, word_starts: set[int]) -> list[PlaceMatch]:
    """Greedy longest match of division names, aliases and countries, left to right."""
    seeds: list[PlaceMatch] = []
    lengths = gaz.first_char_lengths.get
    get = known_place_names(gaz).get
    i, n = 0, len(text)
    while i < n:
        sizes = lengths(text[i])
        if sizes:
            for size in sizes:
                if i + size > n:
                    continue
                entry = get(text[i : i + size])
                if entry is None or (entry[1] and (i not in word_starts or i + size not in word_starts)):
                    continue
                seeds.append(PlaceMatch(i, i + size, entry[0]))
                i += size
                break
            else:
                i += 1
        else:
            i += 1
    return seeds


def _suffix_seeds(text: str, gaz: Gazetteer, word_starts: set[int] | None = None) -> list[PlaceMatch]:
    """Towns and communities the gazetteer knows, found from their level suffix backwards.

    The name must not begin inside a dictionary word that ends within it (not 众和社区
    read out of 群众|和|社区; a new word jieba guessed, 但弥牟镇, does not count).
    """
    seeds: list[PlaceMatch] = []
    for m in _LEVEL_SUFFIX_RE.finditer(text):
        end = m.end()
        names = gaz.villages if m.group() in ("社区", "村", "居委会", "嘎查") else gaz.towns
        longest = gaz.max_village_len if names is gaz.villages else gaz.max_town_len
        for size in range(min(longest, end), 2, -1):
            if text[end - size : end] in names:
                if word_starts is not None and _split_by_dictionary_word(text, end - size, end, word_starts):
                    continue
                seeds.append(PlaceMatch(end - size, end, None))
                break
    return seeds




def plausible_name(stem: str) -> bool:
    """True when ``stem`` (2-4 characters before 社区, 村, 小学 …) can be a proper name.

    Not: a generic modifier (generic_place_words.txt: 智慧, 城市 …), a common jieba
    word (frequency above ``_COMMON_FREQ``, unless a place name), or a phrase that
    starts with a verb, adjective, pronoun or numeral word (新建, 依托, 所在, 两个).
    """
    jw = jieba_words()
    generic = _generic_words()
    if stem in generic or stem[:2] in generic:
        return False
    tag = jw.tag(stem)
    if tag is not None:
        if tag in _PHRASE_TAGS or (tag == "m" and jw.freq(stem) > 100):
            return False
        if jw.freq(stem) > _COMMON_FREQ and tag != "ns":
            return False
        if jw.freq(stem) > 3 * _COMMON_FREQ:
            return False
    head = jw.tag(stem[:2])
    return not (len(stem) > 2 and head is not None and head in _PHRASE_TAGS and jw.freq(stem[:2]) > 50)


_generic: list[frozenset[str]] = []


def _generic_words() -> frozenset[str]:
    if not _generic:
        _generic.append(frozenset(words("generic_place_words")))
    return _generic[0]


def _local_seeds(text: str, word_starts: set[int]) -> list[PlaceMatch]:
    """Communities, villages, towns, streets and sites the gazetteer does not know (金雁街道)."""
    seeds: list[PlaceMatch] = []
    for m in _LOCAL_SUFFIX_RE.finditer(text):
        s, e = m.span()
        if e not in word_starts or s < 2:
            continue
        if s not in word_starts:
            # The name and its suffix as one jieba word (桃源村): a place word or a new word.
            b = s - 1
            while b > s - 5 and b not in word_starts:
                b -= 1
            if b in word_starts and s - b >= 2 and _glued_place_word(text[b:e], text[b:s]):
                seeds.append(PlaceMatch(b, e, None))
            continue
        if len(m.group()) == 1 and text[e : e + 1] in _NOT_AFTER_LOCAL:
            continue
        name_at = name_start(text, s, word_starts)
        if name_at is not None and not (m.group() in _COUNTABLE_SUFFIXES and _counted_way(text[name_at:s])):
            seeds.append(PlaceMatch(name_at, e, None))
    return seeds


# Ways and land forms that are pointed at or counted as often as named (这条路, 这片沙漠).
_COUNTABLE_SUFFIXES = frozenset("大道 大街 路 巷 胡同 海沟 海峡 海湾 群岛 半岛 山脉 高原 盆地 沙漠 冰川 峡谷".split())
_DEICTIC_OR_NUMBER = frozenset("这那哪每各该此本其某一二两三四五六七八九十几多半")
_MEASURE_WORDS = frozenset("条座段个片")


def _counted_way(stem: str) -> bool:
    """A way pointed at or counted, not named: 这条|路, 一条|路, 每段|路."""
    return stem[0] in _DEICTIC_OR_NUMBER or stem[-1] in _MEASURE_WORDS


def _glued_place_word(word: str, stem: str) -> bool:
    jw = jieba_words()
    known = jw.freq(word) > 0
    if stem[0] in _GLUE_STARTS:  # jieba glued a conjunction on (但|弥牟镇)
        return False
    return (not known or jw.tag(word) == "ns") and plausible_name(stem)


def name_start(text: str, end: int, word_starts: set[int]) -> int | None:
    """Start of a 2-4 character proper name ending at ``end``: the nearest word boundary."""
    for size in range(2, 5):
        b = end - size
        if b < 0 or not _LETTERS_RE.fullmatch(text, b, end):
            return None
        if b in word_starts:
            # A function character (和, 平 …) may be part of a name only inside one jieba word (太和).
            if not _STEM_RE.fullmatch(text, b, end) and any(k in word_starts for k in range(b + 1, end)):
                return None
            return b if plausible_name(text[b:end]) else None
    return None


def _split_by_dictionary_word(text: str, start: int, end: int, word_starts: set[int]) -> bool:
    if start in word_starts:
        return False
    w = start - 1
    while w > 0 and w not in word_starts:
        w -= 1
    e = start + 1
    while e < len(text) and e not in word_starts:
        e += 1
    return e < end and jieba_words().freq(text[w:e]) > 0


def _abbreviation_seeds(text: str, gaz: Gazetteer, word_starts: set[int] | None = None) -> list[PlaceMatch]:
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
            k = i + 1
            while k < len(text) and k - i <= 2 and text[k] in _DIRECTIONS and (k == i + 1 or word_starts is None or k not in word_starts):
                k += 1  # a direction that starts a word is not the region's (陕西 + 西安)
            # A province abbreviation + a direction names a region (渝西, 川南, 苏北, 渝东北).
            if (
                c in PROVINCE_ABBR
                and c not in "港澳京"
                and k > i + 1
                and word_starts is not None
                and i in word_starts
                and text[k : k + 1] not in ("部", "方", "边", "面")
                and text[i + 1 : k + 1] not in ("西省", "东省", "南省", "北省")
            ):
                seeds.append(PlaceMatch(i, k, PROVINCE_ABBR[c]))
                i = k
                continue
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


def _extend_chain(
    text: str, gaz: Gazetteer, seed: PlaceMatch, context: list[str], word_starts: set[int] | None = None
) -> PlaceMatch:
    """Grow a place to the longest continuous chain of divisions, towns and named sites."""
    start, end = seed.start, seed.end
    name = text[start:end]
    codes = gaz.lookup(name)
    code = resolve_code(codes, context) if codes else seed.code
    chain = context + ([code] if code else [])
    end = _city_initials_after(text, gaz, end, code)
    while True:
        step = _next_link(text, gaz, end, word_starts, code)
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


def _city_initials_after(text: str, gaz: Gazetteer, end: int, code: str | None) -> int:
    """A city name + initials of other cities of its province name a region (成都德眉资 -> one span)."""
    if not code or code.endswith("0000"):
        return end
    province = code[:2] + "0000"
    k = end
    while k < len(text) and k - end < 4 and province in gaz.city_initials.get(text[k], ()) and text[k] not in text[end:k]:
        k += 1
    return k if k - end >= 2 else end


def _next_link(
    text: str, gaz: Gazetteer, at: int, word_starts: set[int] | None = None, code: str | None = None
) -> tuple[int, tuple[str, ...]] | None:
    for size in gaz.first_char_lengths.get(text[at : at + 1], ()):
        name = text[at : at + size]
        codes = gaz.admin.get(name)
        if len(name) == size and codes is not None:
            return at + size, codes
        # An alias inside a chain, on word boundaries (四川 + 德阳), or + its level
        # character (四川 + 阿坝州), when it lies under the province of the chain so far.
        codes = gaz.aliases.get(name)
        if (
            len(name) == size
            and codes
            and code
            and word_starts is not None
            and at in word_starts
            and any(c[:2] == code[:2] for c in codes)
        ):
            if text[at + size : at + size + 1] in _ALIAS_LEVEL_CHARS:
                return at + size + 1, codes
            if at + size in word_starts:
                return at + size, codes
    for names, longest in ((gaz.towns, gaz.max_town_len), (gaz.villages, gaz.max_village_len)):
        for size in range(min(longest, len(text) - at), 2, -1):
            if text[at : at + size] in names:
                return at + size, ()
    if text[at : at + 1] in _RANGE_MARKS:
        return None  # 溪口镇 + 至 + 龙潭乡: two places, a route between them
    if word_starts is not None:
        m = _LINK_LOCAL_RE.match(text, at)
        if m is not None and m.end() in word_starts and m.end(1) in word_starts and plausible_name(m.group(1)):
            if not (m.end() - m.end(1) == 1 and text[m.end() : m.end() + 1] in _NOT_AFTER_LOCAL):
                return m.end(), ()
    for pattern in (_ZONE_RE, _SITE_RE):
        m = pattern.match(text, at)
        if m is not None:
            return m.end(), ()
    return None
