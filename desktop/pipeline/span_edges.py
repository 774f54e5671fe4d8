"""The edges of ORG and LOC spans: characters a name never starts or ends with.

Owns: ``trim_edges``, run by ``conventions.SpecConventions.apply``:

* **A preposition is not the start of a name.**  An ORG or LOC that starts with 据, 经, 在,
  由, 被 or 把 loses it when jieba's cut glued it to the name (据 + 南州海关, 经 + 南州市委: 据南
  is no word); a preposition that starts names too (于都, 从化, 向阳, 和平) is never cut, nor
  is a person's first character (向大平).
* **A relation is not part of a company's name.**  An ORG that starts with what the company is
  to another (控股股东, 全资子公司) starts after it (控股股东 + 宏图控股集团有限公司).
* **自治区 is one level prefix.**  An ORG that starts with 区 (州, 县, 旗) right after 自治
  starts with 自治 (自治区发展改革委, 自治州人民政府).
* **A title's first character is not the end of a body.**  An ORG whose head character is
  doubled by a title right after it ends before the title (交通运输局 + 局长: the span
  交通运输局局 ends at the first 局; 人民医院 + 院长).
"""

from __future__ import annotations

from collections.abc import Container

from desktop.pipeline.jieba_words import jieba_words

# (start, end, label, confidence or None)
SpanC = tuple[int, int, str, "float | None"]

_TRIMMED_LABELS = frozenset(("ORG", "LOC"))
# What one company is to another, written before its name (控股股东 + 宏图控股集团有限公司).
_RELATIONS = ("控股股东", "大股东", "股东", "全资子公司", "控股子公司", "子公司", "母公司", "参股公司")
# 自治区, 自治州, 自治县, 自治旗: level prefixes of two characters more than 区, 州 …
_AUTONOMOUS_LEVELS = frozenset("区州县旗")
# Prepositions that start no place or body name (于都, 从化, 向阳区 and 和平区 do: not listed).
_PREPOSITIONS = frozenset("据经在由被把")


def trim_edges(text: str, spans: list[SpanC], titles: Container[str]) -> list[SpanC]:
    """``spans`` with a leading preposition, a company's relation and a head character doubled by
    a title cut off; a span that would keep too little of a name is left as it was."""
    vocabulary = jieba_words()
    out: list[SpanC] = []
    for start, end, label, conf in spans:
        if label in _TRIMMED_LABELS:
            if end - start > 2 and text[start] in _PREPOSITIONS and vocabulary.freq(text[start : start + 2]) == 0:
                start += 1
            relation = next((w for w in _RELATIONS if text.startswith(w, start)), "")
            if label == "ORG" and relation and end - start - len(relation) >= 4:
                start += len(relation)
            if label == "ORG" and end - start > 2 and text[end - 2] == text[end - 1] and text[end - 1 : end + 1] in titles:
                end -= 1
            if label == "ORG" and text[start : start + 1] in _AUTONOMOUS_LEVELS and text[max(0, start - 2) : start] == "自治":
                start -= 2  # 自治 + 区发展改革委: the level prefix is 自治区
        out.append((start, end, label, conf))
    return out
