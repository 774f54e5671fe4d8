"""One place named by two: a foreign place after its country, a place's port, a venue after its place.

Owns: ``places_after_countries``, ``ports_of_places``, ``venues_of_places`` and
``river_regions``, run by
``conventions.SpecConventions.apply`` given jieba's words (the spec: LOC takes the longest
continuous name).

* **A foreign place after its country** (匈牙利德布勒森, 墨西哥新莱昂州, 泰国罗勇).  The
  gazetteer knows the capitals and main cities of other countries, not their provinces and
  towns, and jieba files such a name as a foreign person's name (德布勒森/nrt).  After a word
  of place (在, 位于, 赴 …) a country followed directly by such a name is one place: the
  country, the name and a level word after it (州, 省, 市 …).  Without the word of place the
  name may be a person's (美国巴菲特) and is left alone, unless jieba keeps the country and
  the name as one place word (中国台湾/ns, 朝鲜半岛/ns).
* **A place's port or border crossing** (潍坊港, 阿拉山口口岸): 港 or 口岸 ending a word.
* **A river's basin or reaches** (长江中下游, 黄河流域): a region the spec names as a place.
* **A venue named after its place** (广州大剧院, 佛山世纪莲体育中心): a place, at most four
  characters of a name, then a venue's word (体育中心, 大剧院, 会展中心 …) ending a word, no
  other span between; a museum is left alone (the spec reads one as an organiser or a place,
  as the text uses it).
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from desktop.pipeline.lexicon import stop_chars

SpanC = tuple[int, int, str, "float | None"]

# Words after which a place is named (在匈牙利…, 位于墨西哥…, 赴泰国…).
_BEFORE_PLACES = ("在", "位于", "赴", "到", "于", "从", "至", "抵达", "落户", "前往", "来自")
# jieba's tags of a foreign place's name: a transliterated name, a name, a place, a proper noun.
_NAME_TAGS = frozenset(("nrt", "nr", "ns", "nz", "nrfg"))
_LEVELS = frozenset(("州", "省", "市", "县", "区", "郡", "邦"))
_NEW = "新"  # 新莱昂州, 新南威尔士州: jieba cuts 新 off as an adjective


def places_after_countries(
    text: str, spans: list[SpanC], words: Sequence[tuple[str, str]], countries: Container[str]
) -> list[SpanC]:
    """``spans`` with each country after a word of place grown over the foreign name after it."""
    word_at: dict[int, int] = {}
    glued: dict[int, int] = {}  # start of a place word of a country and a name (中国台湾/ns) -> its end
    pos = 0
    for k, (w, t) in enumerate(words):
        word_at[pos] = k
        if t == "ns" and len(w) >= 4:
            glued[pos] = pos + len(w)
        pos += len(w)
    starts = {s[0]: s for s in spans}
    out: list[SpanC] = []
    skip_to = -1
    for span in spans:
        if span[0] < skip_to:
            continue
        start, end, label, conf = span
        new_end = None
        if label == "LOC" and text[start:end] in countries:
            if end in word_at and text.endswith(_BEFORE_PLACES, 0, start):
                new_end = _name_end(words, word_at[end], end)
            elif glued.get(start, 0) - end >= 2 and _all_han(text[end : glued[start]]):
                new_end = glued[start]  # jieba keeps the pair as one word: no person's name
        if new_end is not None:
            follower = starts.get(end)
            if follower is None or follower[1] <= new_end and follower[2] != "ORG":
                span = (start, new_end, "LOC", conf)
                skip_to = new_end
        out.append(span)
    return out


def _name_end(words: Sequence[tuple[str, str]], k: int, at: int) -> int | None:
    """End of the foreign name whose words start at ``words[k]`` (offset ``at``), or None."""
    end = at
    if k < len(words) and words[k][0] == _NEW:
        end += 1
        k += 1
    if k >= len(words):
        return None
    w, t = words[k]
    if t not in _NAME_TAGS or not 2 <= len(w) <= 6 or not _all_han(w):
        return None
    end += len(w)
    if k + 1 < len(words) and words[k + 1][0] in _LEVELS:
        end += 1
    return end


def _all_han(word: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in word)


# A place's port or border crossing is a place of its own (潍坊港, 阿拉山口口岸).
_PORT_WORDS = ("口岸", "港")


def ports_of_places(text: str, spans: list[SpanC], word_ends: Container[int]) -> list[SpanC]:
    """``spans`` with a LOC directly followed by 港 or 口岸 that ends a jieba word grown over it
    (潍坊 + 港: one LOC; a one-character LOC 港 found there, read as 香港, goes into it); 港口,
    港澳 stay out; ``word_ends``: where jieba's words end (``rules.word_boundaries``)."""
    out: list[SpanC] = []
    skip = -1
    for k, span in enumerate(spans):
        if span[0] < skip:
            continue
        start, end, label, conf = span
        if label == "LOC":
            word = next((w for w in _PORT_WORDS if text.startswith(w, end)), "")
            new_end = end + len(word)
            follower = spans[k + 1] if k + 1 < len(spans) else None
            if word and new_end in word_ends and (
                follower is None or follower[0] >= new_end or (follower[2] == "LOC" and follower[1] == new_end)
            ):
                span = (start, new_end, label, conf)
                skip = new_end
        out.append(span)
    return out


# Venues, whose name after a place's is one place with it (广州大剧院, 佛山世纪莲体育中心).
_VENUES = ("体育中心", "体育场", "体育馆", "大剧院", "剧院", "音乐厅", "会展中心", "国际会展中心", "博览中心", "展览中心")
_VENUE_NAME_CHARS = 4


def venues_of_places(text: str, spans: list[SpanC], word_ends: Container[int]) -> list[SpanC]:
    """``spans`` with a LOC grown over the venue named after it (see the module doc); ``word_ends``:
    where jieba's words end."""
    out: list[SpanC] = []
    for k, span in enumerate(spans):
        start, end, label, conf = span
        if label == "LOC":
            limit = spans[k + 1][0] if k + 1 < len(spans) else len(text)
            new_end = _venue_end(text, end, min(limit, end + _VENUE_NAME_CHARS + 6), word_ends)
            if new_end is not None:
                span = (start, new_end, label, conf)
        out.append(span)
    return out


def _venue_end(text: str, at: int, limit: int, word_ends: Container[int]) -> int | None:
    """End of a venue's word within ``_VENUE_NAME_CHARS`` Chinese characters after ``at`` (no
    function character among them: 青石的大剧院 names no venue), or None."""
    stops = stop_chars()
    for name_len in range(_VENUE_NAME_CHARS + 1):
        name = text[at : at + name_len]
        if name and (not _all_han(name) or name[-1] in stops):
            return None
        for venue in _VENUES:
            end = at + name_len + len(venue)
            if end <= limit and text.startswith(venue, at + name_len) and end in word_ends:
                return end
    return None


# The parts of a river's course that name a region (长江中下游, 黄河流域).
_REACHES = ("中下游", "上中游", "中上游", "上游", "中游", "下游", "流域")
_RIVER_ENDS = frozenset("江河")


def river_regions(text: str, spans: list[SpanC]) -> list[SpanC]:
    """``spans`` with a river's LOC grown over the reaches or the basin named after it."""
    out: list[SpanC] = []
    starts = {s[0] for s in spans}
    for start, end, label, conf in spans:
        if label == "LOC" and text[end - 1 : end] in _RIVER_ENDS:
            reach = next((r for r in _REACHES if text.startswith(r, end)), "")
            if reach and end not in starts:
                end += len(reach)
        out.append((start, end, label, conf))
    return out
