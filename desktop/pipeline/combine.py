"""Putting the tagger's PER/LOC/ORG spans and the rules' spans together.

Owns: ``merge_entity_spans`` and its thresholds.  The tagger generalises to
text nobody here has read; the rules are exact where they fire (compositions of
place + organ word, gazetteer chains, names with a title or honorific).  When
the two disagree on the same characters:

* **Same span**: kept once; the tagger's label wins when it is sure of it
  (confidence >= ``LABEL_OVERRIDE``), else the rules' label.
* **The tagger's span contains exactly one rule span** (加拿大海军舰艇编队 around
  the rule's 加拿大): the tagger's longer span wins when its confidence is at
  least ``CONTAIN_MIN`` (0.5; 0.7 until the third pass of the entities issue, when
  0.5 was better on both a fresh fold of the corpora and their ``dev`` part) — a named
  body around its place prefix is what the news corpora teach and the rules do not know.  But an ORG's head is its last word:
  a tagger span that runs past the end of a rule ORG into the next word
  (市纪委监委 + 通报) loses, unless the tagger is sure of it (``UNIT_MIN``, 0.8), it ends
  on a word boundary like a body and no linking word stands in it: then it names a unit of
  that body (县人大 + 内司委, 联合国 + 艾滋病联合计划署; not 国务院 + 有关部委, not 中国队 +
  组队).  One that runs from the rule span on over an event verb loses too (北京 + 召开 +
  委员会: a clause); one that completes a word the rule cut
  (组委 -> 组委会) may win.  A tagger span that swallows two or
  more rule spans (区应急局和区总工会) has run two names together: the rules win.
* **A rule span contains the tagger's** (广元市昭化区 around 昭化区): the longer,
  the rule's, wins (the longest continuous name).
* **Crossing boundaries**: the tagger wins only when confidence >= ``CROSS_MIN``.
* **Punctuation**: a tagger span over a colon, a comma or a sentence's end (南山药业：子公司)
  is no name and is dropped.
* **No rule span overlaps**: the tagger's span is kept when its confidence is
  at least ``ALONE_MIN`` (0.6: the same held-out corpus F1 as keeping them all,
  and fewer stray names on seed-like pages, 小龙虾 at 0.52), an ORG from
  ``ORG_ALONE_MIN`` (0.5) when it ends like a body (会, 局, 公司, 中心 …: the
  organisations the tagger is less sure of are still mostly right, a run of words
  that ends otherwise is not); a rule span that no kept tagger span overlaps is kept.

The thresholds were chosen on the held-out ``dev`` part of the corpora and the
seed gold (bench/bench_entities.py prints the scores they give).  A span keeps
its confidence (the tagger's probability for it, also for rule spans).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container, Sequence

LABEL_OVERRIDE = 0.9
CONTAIN_MIN = 0.5
CROSS_MIN = 0.9
ALONE_MIN = 0.6
ORG_ALONE_MIN = 0.5
UNIT_MIN = 0.8
# The last characters of organisation names (中心, 委员会, 公司, 大学, 联盟, 报社 …): a tagger ORG
# between ORG_ALONE_MIN and ALONE_MIN stands alone only when it ends in one.
_BODY_FINALS = frozenset("会社院部委队党盟局司报学织团军协行联心台厂处厅校组室署所馆办店站府庭科系刊构央")
# Words that end in such a character and name no body (全部, 社会, 开会 …).
_NOT_BODY_ENDS = frozenset(
    "全部 内部 外部 局部 干部 东部 西部 南部 北部 中部 社会 机会 开会 不会 将会 也会 都会 就会 还会 才会 大会 "
    "晚会 宴会 聚会 体会 误会 同学 大学生 中学生 小学生 小心 信心 决心 关心 核心 重心 放心 热心 "
    "进行 执行 实行 举行 运行 发行 流行 施行 推行 同行 可行 旅行 排队 团队 "
    "组队 带队 归队 入队 建团 组团 率团 入团 入党 建党 入会 参会 与会 建校 办校 建厂 办厂 通报 简报".split()
)
# Between a body and a unit of it none of these stands (国务院 + 有关 + 部委: some ministries).
_NOT_IN_UNITS = ("有关", "相关", "直至", "以及", "和", "与", "及", "、", "，", "的")

# Punctuation that no name holds (a list mark may: 中俄友好、和平与发展委员会).
_BREAKS_RE = re.compile(r"[：:，,。；;！!？?\n]")

# (start, end, label, confidence or None)
SpanC = tuple[int, int, str, "float | None"]


def merge_entity_spans(
    model: Sequence[SpanC],
    rules: Sequence[SpanC],
    *,
    contain_min: float | None = None,
    cross_min: float | None = None,
    alone_min: float | None = None,
    label_override: float | None = None,
    word_ends: Container[int] | None = None,
    text: str | None = None,
    verb_starts: Container[int] = (),
) -> list[SpanC]:
    """One non-overlapping list of PER/LOC/ORG spans from the tagger's and the rules' (see module doc).

    Thresholds left at None take the module's constants; ``text`` (the text of the spans)
    lets a less sure ORG of the tagger's stand alone when it ends like a body; ``verb_starts``
    (where event verbs start, ``orgs.clause_starts``) keeps a tagger span from running from a
    rule span over such a verb."""
    contain_min = CONTAIN_MIN if contain_min is None else contain_min
    cross_min = CROSS_MIN if cross_min is None else cross_min
    alone_min = ALONE_MIN if alone_min is None else alone_min
    label_override = LABEL_OVERRIDE if label_override is None else label_override
    kept: list[SpanC] = []
    beaten: set[int] = set()  # indexes of rule spans a kept tagger span replaces
    rules = sorted(rules)  # non-overlapping: their ends are sorted too
    rule_ends = [r[1] for r in rules]
    for m in model:
        start, end, label, conf = m
        if text is not None and _BREAKS_RE.search(text, start, end):
            continue  # a name never runs over a colon or a sentence's punctuation (南山药业：子公司)
        c = conf if conf is not None else 0.0
        overlapping = []
        k = bisect_right(rule_ends, start)  # the first rule span ending after ``start``
        while k < len(rules) and rules[k][0] < end:
            overlapping.append(k)
            k += 1
        if not overlapping:
            if c >= alone_min or label == "ORG" and c >= ORG_ALONE_MIN and _ends_like_a_body(text, end):
                kept.append(m)
            continue
        if len(overlapping) == 1:
            k = overlapping[0]
            r = rules[k]
            if (r[0], r[1]) == (start, end):
                beaten.add(k)
                kept.append(m if c >= label_override or r[2] == label else r)
                continue
            inside = start <= r[0] and r[1] <= end
            if inside and r[2] == "ORG" and end > r[1] and word_ends is not None and r[1] in word_ends:
                if not (c >= UNIT_MIN and end in word_ends and _unit_of(text, r[1], end)):
                    continue  # past the head of a rule ORG, into the next word
            if inside and end > r[1] and r[1] in verb_starts:
                continue  # a place, then a verb: a clause (北京 + 召开 + 委员会), no body's name
            if inside and label == "ORG" and r[2] == "PER" and r[0] > start:
                continue  # a person inside a body's name: 研究院 + 教授 + 顾嘉禾 + 团队 is no body
            around = r[0] <= start and end <= r[1]
            if inside and c >= contain_min or not inside and not around and c >= cross_min:
                beaten.add(k)
                kept.append(m)
            continue
        # two or more rule spans under one tagger span: the rules' reading stands
    taken = bytearray(max(max((s[1] for s in kept), default=0), max((r[1] for r in rules), default=0)))
    for s in kept:
        taken[s[0] : s[1]] = b"\x01" * (s[1] - s[0])
    out = list(kept)
    for k, r in enumerate(rules):
        if k not in beaten and taken.find(1, r[0], r[1]) == -1:
            taken[r[0] : r[1]] = b"\x01" * (r[1] - r[0])
            out.append(r)
    out.sort()
    return out


def _ends_like_a_body(text: str | None, end: int) -> bool:
    """The span of ``text`` ending at ``end`` ends in a body's last character and not in a
    common word that ends so (全部, 社会)."""
    if text is None or text[end - 1 : end] not in _BODY_FINALS:
        return False
    return text[max(0, end - 2) : end] not in _NOT_BODY_ENDS and text[max(0, end - 3) : end] not in _NOT_BODY_ENDS


def _unit_of(text: str | None, at: int, end: int) -> bool:
    """``text[at:end]``, after a body's name, names a unit of that body: it ends like a body
    and holds no word that links two things (国务院 + 有关部委, 乡纪委 + 直至 + 县委)."""
    if text is None or not _ends_like_a_body(text, end):
        return False
    return not any(w in text[at:end] for w in _NOT_IN_UNITS)
