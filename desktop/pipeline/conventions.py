"""The annotation spec's span conventions, applied in one place.

Owns: ``SpecConventions`` and its ``apply`` — turns PER/LOC/ORG spans marked the
way the news NER corpora mark them (and the tagger learned from them) into the
spans ``annotation-spec.md`` asks for.  The extractor applies it to what the
tagger and the rules found; ``eval --corpus`` applies the *same* function to a
corpus's gold spans to score in the spec's convention (``--convention spec``),
so the two can never drift apart.

What it does, in this order (spans of other labels pass through untouched):

1. **Titles are not part of a name.**  A PER that ends with a title or role word
   (书记, 主席, 记者 …) or starts with one loses it (习近平总书记 -> 习近平;
   江主席 -> 江).
   A PER right before a land form's or a street's word (海沟, 群岛, 大街 …) is that place,
   one LOC (马里亚纳 + 海沟).
2. **Surname + honorific is one name.**  A PER that is a bare surname followed
   directly by an honorific (先生, 女士, 大爷, 嬢 …) takes it in (吴 + 先生 ->
   吴先生); a full name keeps the honorific out (鲍林先生 -> 鲍林).  A single
   character with neither a title nor an honorific after it is not a name on
   its own (王 in 王强大起来了), and no name ends with a room's or a building's word (托育室).
3. **The longest continuous place name.**  Directly adjacent LOC spans of two or
   more characters each are one LOC (青海省 + 曲麻莱县, 渝中区 + 贺龙广场), unless
   the second is a country, or a province after anything but a country (北京 +
   中华人民共和国 and 保定市 + 河北省 stay two: the larger place does not sit
   inside the smaller); a country after 在/位于/赴 … and the foreign name jieba cuts after it
   are one LOC (在 + 匈牙利 + 德布勒森: ``place_compounds``), and so are a place and its port
   or border crossing (潍坊 + 港, 阿拉山口 + 口岸), a venue named after a place (广州 +
   大剧院) and a river's reaches or basin (长江 + 中下游, 黄河 + 流域); runs of one-character abbreviations of Chinese provinces
   are one LOC (川 + 渝 -> 川渝, a region).  One-character abbreviations of
   countries stay apart (中 + 美: two places, not one region).
4. **The whole specific body is ORG, with its place prefix.**  A LOC directly
   followed by an ORG is one ORG (长沙市 + 芙蓉区人民法院); a LOC directly followed
   by an organ word (政府, 人民政府, 党委, 政协 …) that ends on a word boundary
   is an ORG (中国 + 政府 -> 中国政府).  With anything in between (川渝两省政协)
   nothing changes.  A bare organ word right after a generic qualifier (各级政府,
   相关部门, 毗邻地区政协, 两省政协) is a generic reference, not an ORG.
   Given the jieba words of the text (``body_names``), a LOC followed by a few
   nouns and then an organ word or a body head (``resources/lexicon/body_heads.txt``:
   旅行社, 公证处, 网球队 …), within eight characters and with no other span in
   between, is one ORG too (北京市东城区 + 公证处, 云南大理 + 茶花 + 旅行社, 德国 +
   男子 + 网球队, 四川 + 有线电视台 when the cut hides the head); a verb, a name, a
   count, a one-character word (省内) or punctuation in between stops it, and so
   does a list mark before the place (苏家村、小仑村 + 党群服务中心: the places of two
   centres); a facility (青杠村 + 党群服务中心) is no body.  An ORG directly
   followed by a unit of it is one ORG (市政府 + 新闻处), and so is a party followed by
   中央 (致公党中央); a bare head after a quoted name is that name's body (“幸福工程”组委会);
   a place, a dash and a body named after a place are one body (印度—中国友好协会).
   A leading preposition and a head character doubled by the title after it are cut off
   (据 + 南州海关, 交通运输局局 + 长: ``span_edges``).  A Latin name shaped like a product's or
   a plural (iPhone, iOS, REITs) is no body.

5. **A document title covers what is inside it.**  Given the document titles of
   the text (what stands in 《》), a PER/LOC/ORG inside a title and shorter than
   it goes (中 and 美 inside 《中美联合声明》); one that is the whole title stays
   (《环球时报》: a newspaper named in 《》 is the ORG, not a document), and the
   extractor then drops that DOC.

6. **Generic area words are not places.**  A LOC that is a generic area word
   (农村, 社区, 城区 …, ``resources/lexicon/generic_place_words.txt``) or one
   followed by a settlement word (城中 + 村, 新农 + 村, 智慧 + 社区) goes: the spec
   does not annotate generic references.

7. **A count of places is not a place.**  A LOC that ends with a number and a level
   word (长沙、株洲、湘潭 + 三市, 川渝 + 两地) ends before the count: 湘潭三市 -> 湘潭; a
   count alone (三市) is no LOC.
   A number inside a name (二七区, 三河市) is not a count: the count must follow at
   least two characters that do not end in a number.

Single-character place abbreviations are LOC in both conventions (中/LOC 美/LOC
in the corpora, 川 in 来川视察 in the spec), so nothing is needed for them.
The result is sorted and non-overlapping when the input was.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from desktop.pipeline.body_names import (
    BodyWords,
    SpanC,
    branches_after_orgs,
    dashed_pairs,
    quoted_names_before_heads,
    units_after_orgs,
)
from desktop.pipeline.place_compounds import places_after_countries, ports_of_places, river_regions, venues_of_places
from desktop.pipeline.named_heads import ends_with_body_head
from desktop.pipeline.rules import word_boundaries
from desktop.pipeline.span_edges import trim_edges

# Settlement and site words after which a generic word stays generic (城中村, 智慧社区).
_SETTLEMENT_WORDS = ("社区", "街道", "小区", "广场", "公园", "村", "镇", "乡", "区", "街")

# Before a bare organ word these make a generic reference (各级政府, 相关部门, 两省政协).
_GENERIC_QUALIFIERS = frozenset(
    ("各级", "相关", "有关", "各地", "地区", "基层", "当地", "两省", "两地", "两市", "各省", "各市", "各", "该", "本", "全", "两", "诸")
)

def _min_conf(*values: float | None) -> float | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


@dataclass(frozen=True)
class SpecConventions:
    """The word lists the conventions need (built from ``resources/lexicon``)."""

    titles: frozenset[str]
    honorifics: frozenset[str]
    organ_words: frozenset[str]
    surnames: frozenset[str]
    province_abbreviations: frozenset[str]
    countries: frozenset[str] = frozenset()
    provinces: frozenset[str] = frozenset()
    longest_organ: int = 0
    generic_places: frozenset[str] = frozenset()
    body_heads: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls,
        titles: Iterable[str],
        honorifics: Iterable[str],
        organ_words: Iterable[str],
        surnames: Iterable[str],
        province_abbreviations: Iterable[str],
        countries: Iterable[str] = (),
        provinces: Iterable[str] = (),
        generic_places: Iterable[str] = (),
        body_heads: Iterable[str] = (),
    ) -> SpecConventions:
        organs = frozenset(w for w in organ_words if len(w) >= 2)
        return cls(
            frozenset(titles),
            frozenset(honorifics),
            organs,
            frozenset(surnames),
            frozenset(province_abbreviations),
            frozenset(countries),
            frozenset(provinces),
            max(map(len, organs), default=0),
            frozenset(generic_places),
            frozenset(body_heads),
        )

    def apply(
        self,
        text: str,
        spans: Iterable[SpanC],
        word_ends: Container[int] | None = None,
        doc_titles: Sequence[tuple[int, int]] = (),
        words: Sequence[tuple[str, str]] = (),
    ) -> list[SpanC]:
        """``spans`` in the spec's convention.

        ``word_ends`` (jieba word end offsets) guards rule 4 and ``words`` (the
        jieba words of ``text`` with their tags, in order) extends it to bodies
        named after their place; ``doc_titles`` (start, end of each title
        without its 《》) feeds rule 5.
        """
        ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
        # A person's name + a body head is the body named after them (李嘉诚基金会).
        ordered = [(s[0], s[1], "ORG", s[3]) if s[2] == "PER" and ends_with_body_head(text[s[0] : s[1]]) else s
                   for s in ordered]
        # A name right before a land form's word names the place (马里亚纳 + 海沟, 詹姆斯 + 大街).
        ordered = [_named_place(text, s) if s[2] == "PER" else s for s in ordered]
        ordered = [self._person(text, s) if s[2] == "PER" else s for s in ordered]
        ordered = [s for s in ordered if s[0] < s[1] and (s[2] != "PER" or s[1] - s[0] > 1 or self._titled(text, s[1]))]
        ordered = [s for s in ordered if not (s[2] == "PER" and text[s[1] - 1] in _NOT_NAME_ENDS)]  # 托育室
        if self.generic_places:
            ordered = [s for s in ordered if s[2] != "LOC" or not self._generic_place(text[s[0] : s[1]])]
        ordered = [s for s in ordered if not (s[2] == "LOC" and _is_count(text[s[0] : s[1]]))]
        ordered = self._merge_places(text, ordered)
        if words:
            ordered = places_after_countries(text, ordered, words, self.countries)
            ends = word_boundaries(words)[1]
            ordered = venues_of_places(text, ports_of_places(text, ordered, ends), ends)
            ordered = river_regions(text, ordered)
        ordered = [_without_count(text, s) if s[2] == "LOC" else s for s in ordered]
        ordered = self._place_bodies(text, ordered, word_ends)
        if words:
            body_words = BodyWords(self.organ_words, self.body_heads, self.titles)
            ordered = body_words.bodies_named_with_and(text, body_words.bodies_after_places(text, ordered, words))
            ordered = units_after_orgs(text, ordered, words)
            ordered = branches_after_orgs(text, ordered, words)
            ordered = quoted_names_before_heads(text, ordered, self._bare_head)
            ordered = dashed_pairs(text, ordered)
            ordered = trim_edges(text, ordered, self.titles)
        ordered = [s for s in ordered if not (s[2] == "ORG" and (self._generic_body(text, s) or _product_name(text, s)))]
        if doc_titles:
            titles = sorted(doc_titles)
            ordered = [s for s in ordered if not _inside_a_title(s, titles)]
        return ordered

    # ------------------------------------------------------------------ PER

    def _person(self, text: str, span: SpanC) -> SpanC:
        start, end, label, conf = span
        changed = True
        while changed and end - start >= 2:
            changed = False
            for size in range(min(4, end - start - 1), 1, -1):
                if text[end - size : end] in self.titles:
                    end -= size
                    changed = True
                    break
                if text[start : start + size] in self.titles:
                    start += size
                    changed = True
                    break
        if text[start:end] in self.surnames:
            for size in (2, 1):
                if text[end : end + size] in self.honorifics:
                    end += size
                    break
        return (start, end, label, conf)

    def _titled(self, text: str, end: int) -> bool:
        """A title or honorific starts at ``end``."""
        return any(text[end : end + size] in self.titles or text[end : end + size] in self.honorifics for size in (1, 2, 3, 4))

    # ------------------------------------------------------------------ LOC

    def _merge_places(self, text: str, spans: list[SpanC]) -> list[SpanC]:
        out: list[SpanC] = []
        for span in spans:
            if out and span[2] == "LOC" and out[-1][2] == "LOC" and out[-1][1] == span[0]:
                prev = out[-1]
                if self._joins(text, prev, span):
                    out[-1] = (prev[0], span[1], "LOC", _min_conf(prev[3], span[3]))
                    continue
            out.append(span)
        return out

    def _joins(self, text: str, left: SpanC, right: SpanC) -> bool:
        left_len, right_len = left[1] - left[0], right[1] - right[0]
        if left_len >= 2 and right_len >= 2:
            # a country, or a province after anything but a country, is not inside what precedes it
            right_name, left_name = text[right[0] : right[1]], text[left[0] : left[1]]
            if right_name in self.countries:
                return False
            return right_name not in self.provinces or left_name in self.countries
        if right_len == 1 and left_len >= 1:
            # a run of province abbreviations: every character of the run so far is one
            return all(c in self.province_abbreviations for c in text[left[0] : right[1]])
        return False

    def _generic_place(self, name: str) -> bool:
        if name in self.generic_places:
            return True
        suffix = next((x for x in _SETTLEMENT_WORDS if name.endswith(x) and len(name) > len(x)), None)
        return suffix is not None and name[: -len(suffix)] in self.generic_places

    # ------------------------------------------------------------------ ORG

    def _place_bodies(self, text: str, spans: list[SpanC], word_ends: Container[int] | None) -> list[SpanC]:
        out: list[SpanC] = []
        k = 0
        longest = self.longest_organ
        while k < len(spans):
            span = spans[k]
            if span[2] == "LOC" and span[1] - span[0] >= 2:
                nxt = spans[k + 1] if k + 1 < len(spans) else None
                if nxt is not None and nxt[2] == "ORG" and nxt[0] == span[1]:
                    out.append((span[0], nxt[1], "ORG", _min_conf(span[3], nxt[3])))
                    k += 2
                    continue
                limit = nxt[0] if nxt is not None else len(text)
                organ_end = self._organ_after(text, span[1], min(limit, span[1] + longest), word_ends)
                if organ_end is not None:
                    out.append((span[0], organ_end, "ORG", span[3]))
                    k += 1
                    continue
            out.append(span)
            k += 1
        return out

    def _bare_head(self, name: str) -> bool:
        return name in self.organ_words or name in self.body_heads

    def _generic_body(self, text: str, span: SpanC) -> bool:
        if text[span[0] : span[1]] not in self.organ_words:
            return False
        before = text[max(0, span[0] - 2) : span[0]]
        return before in _GENERIC_QUALIFIERS or before[-1:] in _GENERIC_QUALIFIERS

    def _organ_after(self, text: str, at: int, limit: int, word_ends: Container[int] | None) -> int | None:
        for end in range(limit, at + 1, -1):
            if text[at:end] in self.organ_words and (word_ends is None or end in word_ends):
                return end
        return None


_COUNT_NUMERALS = "两二三四五六七八九十几多"
_COUNTED_LEVELS = "省市县区州地镇乡村国"


# A person's name never ends with a room's, a building's or a place's word (托育室, 体育馆, 村):
# none of the corpora's 8,000 names does.
_NOT_NAME_ENDS = frozenset("室馆厅场所站区村镇街楼院厂店局处部")


def _named_place(text: str, span: SpanC) -> SpanC:
    """A PER directly followed by a land form's or a street's word is that place, a LOC with the word."""
    for size in (2, 3):
        if text[span[1] : span[1] + size] in _PLACE_WORDS_AFTER_NAMES:
            return (span[0], span[1] + size, "LOC", span[3])
    return span


_PLACE_WORDS_AFTER_NAMES = frozenset("海沟 海峡 海湾 群岛 半岛 山脉 高原 盆地 沙漠 冰川 峡谷 大街 大道 广场".split())


def _product_name(text: str, span: SpanC) -> bool:
    """A Latin name shaped like a product's or a plural (iPhone, iOS, REITs, ETFs), no body's."""
    return bool(_PRODUCT_RE.fullmatch(text, span[0], span[1]))


# A lower-case letter then a capital (iPhone, iOS), or capitals and a plural s (REITs, ETFs).
_PRODUCT_RE = re.compile(r"[a-z][A-Z][A-Za-z0-9]*|[A-Z]{2,}s")


def _is_count(name: str) -> bool:
    """三市, 两地: a number of places, no place."""
    return len(name) == 2 and name[0] in _COUNT_NUMERALS and name[1] in _COUNTED_LEVELS


def _without_count(text: str, span: SpanC) -> SpanC:
    """Rule 7: 湘潭三市 -> 湘潭 (a count of places after the last place named)."""
    start, end, label, conf = span
    if (
        end - start >= 4
        and text[end - 1] in _COUNTED_LEVELS
        and text[end - 2] in _COUNT_NUMERALS
        and text[end - 3] not in _COUNT_NUMERALS
    ):
        return (start, end - 2, label, conf)
    return span


def _inside_a_title(span: SpanC, titles: Sequence[tuple[int, int]]) -> bool:
    """``titles`` sorted and non-overlapping; is ``span`` inside one and shorter than it?"""
    start, end = span[0], span[1]
    k = bisect_right(titles, (start, 1 << 62)) - 1  # the last title starting at or before ``start``
    if k < 0:
        return False
    a, b = titles[k]
    return a <= start and end <= b and (a, b) != (start, end)


def spans_with_conf(spans: Sequence[tuple[int, int, str]]) -> list[SpanC]:
    """Gold-style ``(start, end, label)`` spans as the ``apply`` input (no confidence)."""
    return [(s, e, lab, None) for s, e, lab in spans]
