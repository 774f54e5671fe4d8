"""Rule 4 of the spec's conventions, the whole specific body as ORG: bodies named after their
place and the units of a body.

Owns: ``BodyWords`` (the organ words, body heads and titles the rule reads) with
``bodies_after_places``, ``bodies_named_with_and`` and ``is_head``, ``units_after_orgs``, ``branches_after_orgs``,
``quoted_names_before_heads``, ``dashed_pairs`` and ``FACILITY_ENDS``.
``conventions.SpecConventions.apply`` runs them (given jieba's words) after a LOC directly
followed by an ORG or an organ word became one ORG:

* a LOC, at most three words of nouns (not a person's or place's name), abbreviations,
  distinguishing words, Latin words or verbal nouns, then an organ word or body head, or a
  word ending with one, or a works or institute (水泥厂, 管教所), within eight characters: one
  ORG (北京市东城区 + 公证处, 云南大理 + 茶花 + 旅行社, 非洲 + 发展 + 银行, 琉璃河 + 水泥厂);
  an ordinal may stand among them (河西区 + 第二 + 中学); after a list mark only with a word
  between place and head (苏家村、小仑村 + 党群服务中心: two places' centres);
* the same when jieba's cut hides the head inside a word (有线电视 + 台 for 有线电视台; 银行行长
  holds 银行 and the title 行长): the head must end where a word ends or a title starts;
* an ORG directly followed by a word naming a unit of it (市政府 + 新闻处, 长治人民医院 +
  宣教科, 中央电视台 + 播控中心; not 干部, 总部, 关系 …), or by 附属 and the school or
  hospital attached to it (浙江大学医学院 + 附属 + 第一 + 医院), is one ORG;
* an ORG directly followed by an ORG that starts with a place jieba knows or ends with a
  branch's head (分公司, 支行) is its branch, one ORG (南方电网 + 广东公司, 共青团 + 衡阳市委,
  中国邮政集团有限公司 + 毕节市分公司; not 中共中央 + 国务院, not across a 、);
* a field named before 和 after a place or a level character is part of the ORG after it
  (合肥市 + 住房保障和 + 房产管理局, 县 + 文化和 + 广电旅游体育局; not 市政府 + 和 + 教育局);
* a party or league directly followed by 中央 is its central organ, one ORG (致公党 + 中央);
* an ORG that is a bare head right after a short quoted name is the body of that name,
  quotes and all (“幸福工程” + 组委会);
* a place, a dash and a body named after a place are one body of the pair (印度 + — +
  中国友好协会).

A count (两家, 一家), an adjective (著名) or a verb between the place and the head leaves the
place alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# (start, end, label, confidence or None)
SpanC = tuple[int, int, str, "float | None"]


@dataclass(frozen=True)
class BodyWords:
    """The word lists of rule 4 (shared with ``SpecConventions``, not copied)."""

    organ_words: frozenset[str]
    body_heads: frozenset[str]
    titles: frozenset[str]

    def bodies_after_places(self, text: str, spans: list[SpanC], words: Sequence[tuple[str, str]]) -> list[SpanC]:
        """A LOC, then up to two nouns of two or more characters, then an organ word or a body
        head, nothing else between (an ordinal may): one ORG (北京市东城区 + 公证处, 云南大理 + 茶花
        + 旅行社, 德国 + 男子 + 网球队, 河西区 + 第二 + 中学).  After a list mark only with a word
        between place and head: 苏家村、小仑村 + 党群服务中心 is two places' centres, the places
        stay places."""
        word_at: dict[int, int] = {}
        pos = 0
        for k, (w, _t) in enumerate(words):
            word_at[pos] = k
            pos += len(w)
        out: list[SpanC] = []
        for i, span in enumerate(spans):
            if span[2] == "LOC" and span[1] - span[0] >= 2 and span[1] in word_at:
                listed = text[span[0] - 1 : span[0]] in _LIST_MARKS
                limit = min(spans[i + 1][0] if i + 1 < len(spans) else len(text), span[1] + _BODY_CHARS)
                end, head_end = span[1], None
                for w, t in words[word_at[span[1]] : word_at[span[1]] + _BODY_WORDS]:
                    end += len(w)
                    if end > limit:
                        break
                    if self.is_head(w):
                        # After a list mark only a name of its own before the head makes it one
                        # body (、云南大理 + 茶花 + 旅行社, 、西安 + 中国国际旅行社; not 、小仑村 + 居委会).
                        bare = w in self.organ_words or w in self.body_heads
                        head_end = None if listed and bare and end == span[1] + len(w) else end
                        break
                    if _ORDINAL_RE.fullmatch(w):
                        continue  # 河西区 + 第二 + 中学
                    if len(w) < 2 or w[0] in _COUNT_FIRST or not (t[:1] == "n" and t not in ("nr", "ns") or t in _FILLER_TAGS):
                        break
                if head_end is None and not listed:
                    head_end = self._glued_body_end(text, span[1], limit, words, word_at[span[1]])
                if head_end is not None and not text[span[0] : head_end].endswith(FACILITY_ENDS):
                    span = (span[0], head_end, "ORG", span[3])
            out.append(span)
        return out

    def bodies_named_with_and(self, text: str, spans: list[SpanC]) -> list[SpanC]:
        """A government department's ORG (局, 厅, 委 …) right after ``A和``, where A names a field
        (no body, no title), after a place or a level character: the department's name holds
        the 和 (合肥市 + 住房保障和 + 房产管理局, 县 + 文化和 + 广电旅游体育局; not 市政府 + 和 +
        教育局: 政府 is a body)."""
        out: list[SpanC] = []
        for span in spans:
            if span[2] == "ORG" and text[span[0] - 1 : span[0]] in _AND and text[span[1] - 1] in _DEPARTMENT_ENDS:
                prev = out[-1] if out else None
                found = self._field_before_and(text, span[0], prev)
                if found is not None and prev is not None and found == prev[1]:
                    out[-1] = (prev[0], span[1], "ORG", _weakest(prev[3], span[3]))  # the place's department
                    continue
                if found is not None:
                    span = (found, span[1], "ORG", span[3])  # a lone level character: 县 + 文化和
            out.append(span)
        return out

    def _field_before_and(self, text: str, start: int, prev: SpanC | None) -> int | None:
        """Where the department's name starts when the ORG at ``start`` follows ``A和``: the end
        of the place ``prev`` before A, or the level character before A; None when A is no field."""
        for size in range(_FIELD_CHARS, 1, -1):
            at = start - 1 - size
            field = text[at : start - 1]
            if at < 1 or not _plain_field(field) or self.is_head(field) or field[-1] in _HEAD_CHARS:
                continue
            if any(field[i:] in self.titles for i in range(len(field) - 1)):
                continue  # 芬兰 + 总统 + 和 + 议会: a person's title, no field
            if prev is not None and prev[1] == at and prev[2] == "LOC":
                return at
            if text[at - 1] in _LEVEL_CHARS and (at == 1 or not _is_han(text[at - 2]) or text[at - 2] in _GLUE_STOPS):
                return at - 1
        return None

    def _glued_body_end(self, text: str, at: int, limit: int, words: Sequence[tuple[str, str]], k: int) -> int | None:
        """Where a body named after a place at ``at`` ends when jieba's cut hides its head: the head
        ends inside a word (有线电视 + 台 for 有线电视台; 银行行长 holds 银行 and the title 行长).
        The characters between are Chinese and no function character, the words wholly inside
        are nouns (not a person's or place's name), verbal nouns, abbreviations, distinguishing
        words or set phrases (有线电视), no count (一家), and the head ends where a word ends or a
        title starts."""
        ends: dict[int, tuple[str, str]] = {}
        pos = at
        for w, t in words[k : k + _BODY_WORDS + 1]:
            pos += len(w)
            ends[pos] = (w, t)
        for end in range(at + 2, limit + 1):
            ch = text[end - 1]
            if not "\u4e00" <= ch <= "\u9fff" or ch in _GLUE_STOPS:
                return None
            if end not in ends and not any(text[end : end + n] in self.titles for n in (2, 3)):
                continue
            head_at = self._head_start(text[at:end])
            if head_at is None:
                continue
            before = [wt for e, wt in ends.items() if e <= at + head_at]  # the words before the head
            if any(
                len(w) < 2 or w[0] in _COUNT_FIRST or not (t[:1] == "n" and t not in ("nr", "ns") or t in _GLUED_TAGS)
                for w, t in before
            ):
                return None
            return end
        return None

    def _head_start(self, name: str) -> int | None:
        """Where the longest organ word or body head that ends ``name`` starts, or None."""
        for i in range(0, len(name) - 1):
            if name[i:] in self.organ_words or name[i:] in self.body_heads:
                return i
        return None

    def is_head(self, word: str) -> bool:
        """``word`` is an organ word or body head, or ends with one of two or more characters
        (有线 + 电视台 as one word, 集团 + 公司), or is a works or an institute (水泥厂, 管教所)."""
        if word in self.organ_words or word in self.body_heads:
            return True
        if len(word) >= 2 and word[-1] in _WORKS_ENDS and word not in _NOT_WORKS:
            return True
        return any(word[i:] in self.organ_words or word[i:] in self.body_heads for i in range(1, len(word) - 1))


# Words ending in these name a works or an institute (水泥厂, 研究所, 管教所) unless listed below.
_WORKS_ENDS = frozenset("厂所")
_NOT_WORKS = frozenset("厕所 场所 住所 处所 诊所 寓所 哨所 会所 居所 厂所 工厂 药厂 全厂 该厂 本厂 建厂 出厂 进厂 回厂".split())
# An ordinal between a place and its head numbers the body (第二 + 中学, 第一 + 人民医院).
_ORDINAL_RE = re.compile(r"第[零〇一二三四五六七八九十百0-9０-９]{1,4}")
# A word starting with one of these counts (两家, 一家): no filler.
_COUNT_FIRST = "一两二三四五六七八九十几多"
# Rule 4, a body named after its place: at most this many words, this many characters, after the place.
_BODY_WORDS = 3
_BODY_CHARS = 8
# jieba tags of the words that may stand between a place and a body head (nouns, not names of
# persons or places; abbreviations; distinguishing words such as 男子; Latin words; verbal nouns
# such as 发展 in 非洲发展银行).  A count (两国) is none of them.
_FILLER_TAGS = frozenset(("j", "b", "eng", "vn"))
_GLUED_TAGS = _FILLER_TAGS | {"l"}
# Function characters: a body named after its place never holds one (北京 + 和 + …).
_GLUE_STOPS = frozenset("的和与及或在将对为是了等从向把被由于已也还都就要同并其该各这那此每个以不没能可到给让使而又之着过")
# A field of government named before 和 in a body's name (住房保障和, 文化和): Chinese characters
# and no function character, after a place's span or a lone level character (县, 市 …).
_AND = frozenset("和")
_FIELD_CHARS = 6
_LEVEL_CHARS = frozenset("省市县区镇乡")
# A department of government, whose name may join two fields with 和 (文化和旅游厅).
_DEPARTMENT_ENDS = frozenset("局厅委办部署处")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _plain_field(field: str) -> bool:
    """Two to six Chinese characters, none a function character."""
    return len(field) >= 2 and all(_is_han(c) and c not in _GLUE_STOPS for c in field)
# Last characters of a body's name: a field before 和 ending so is a body of its own (市政府).
_HEAD_CHARS = frozenset("局委办厅院府部会处所站队社司署校学馆厂行团组心庭")
# Organ names that end in one of these are facilities, not bodies (社区党群服务中心); the rule
# finders (orgs.py) leave them out too.
FACILITY_ENDS = ("党群服务中心", "便民服务中心")
# After a list mark the place is one of several sharing the head (苏家村、小仑村党群服务中心): no body.
_LIST_MARKS = frozenset("、，,")


def branches_after_orgs(text: str, spans: list[SpanC], words: Sequence[tuple[str, str]]) -> list[SpanC]:
    """An ORG directly followed by an ORG that starts with a place (南方电网 + 广东公司, 沈铁 + 通辽分局)
    or ends with a branch's head (中国邮政集团有限公司 + 毕节市分公司, 青峰银行 + 城东支行) is one ORG,
    the branch of the first."""
    place_starts: set[int] = set()
    pos = 0
    for w, t in words:
        if t == "ns":
            place_starts.add(pos)
        pos += len(w)
    out: list[SpanC] = []
    for span in spans:
        branch = span[0] in place_starts or text[span[0] : span[1]].endswith(_BRANCH_HEADS)
        if out and out[-1][2] == "ORG" and span[2] == "ORG" and out[-1][1] == span[0] and branch:
            prev = out[-1]
            out[-1] = (prev[0], span[1], "ORG", _weakest(prev[3], span[3]))
            continue
        out.append(span)
    return out


def quoted_names_before_heads(text: str, spans: list[SpanC], is_head: Callable[[str], bool]) -> list[SpanC]:
    """An ORG that is only a body's head (组委会, 基金会, 办公室) right after a quoted name is the
    body of that name, quotes and all (“幸福工程”组委会, 『希望工程』基金会): the quoted name is
    short, holds no punctuation and no other span."""
    out: list[SpanC] = []
    for span in spans:
        start = span[0]
        if span[2] == "ORG" and text[start - 1 : start] in _QUOTE_PAIRS.values() and is_head(text[start : span[1]]):
            close = text[start - 1]
            opening = [q for q, c in _QUOTE_PAIRS.items() if c == close]
            at = max(text.rfind(q, max(0, start - 2 - _QUOTED_CHARS), start - 1) for q in opening)
            name = text[at + 1 : start - 1]
            inside = any(o[1] > at and o[0] < start for o in out)
            if at >= 0 and name and not inside and not any(ch in _QUOTED_STOPS for ch in name):
                span = (at, span[1], "ORG", span[3])
        out.append(span)
    return out


def dashed_pairs(text: str, spans: list[SpanC]) -> list[SpanC]:
    """A place, a dash, then a body named after a place is one body of the two (印度 + — + 中国友好协会,
    中国 + — + 东盟商务理事会): the pair names it, as 中美 names 中美友协."""
    out: list[SpanC] = []
    for span in spans:
        if out and span[2] == "ORG" and out[-1][2] == "LOC" and out[-1][1] + 1 == span[0] and text[out[-1][1]] in _DASHES:
            prev = out.pop()
            span = (prev[0], span[1], "ORG", _weakest(prev[3], span[3]))
        out.append(span)
    return out


_DASHES = frozenset("—－-―–")
# Opening quote -> its closing quote; a quoted name is at most this long.
_QUOTE_PAIRS = {"“": "”", "『": "』", "「": "」", '"': '"'}
_QUOTED_CHARS = 12
_QUOTED_STOPS = frozenset("，,。、；;：:！!？?（）()“”『』「」《》\n ")


# A body named with one of these at its end is a branch of another (毕节市分公司, 城东支行).
_BRANCH_HEADS = ("分公司", "子公司", "分行", "支行", "分局", "分院", "分会", "分社", "分中心", "营业部", "办事处")


def _weakest(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else min(a, b)


def units_after_orgs(text: str, spans: list[SpanC], words: Sequence[tuple[str, str]]) -> list[SpanC]:
    """An ORG directly followed by a word naming a unit of it (影视部, 新闻处, 宣教科, 播控中心,
    法律系) that no other span starts is one ORG (市政府 + 新闻处); so is a party or league and
    the word 中央 after it, its central organ (致公党 + 中央, 共青团 + 中央)."""
    unit_at: dict[int, int] = {}
    central_at: set[int] = set()
    pos = 0
    for k, (w, _t) in enumerate(words):
        if w == "中央":
            central_at.add(pos)
        if 2 <= len(w) <= _MAX_UNIT and (w[-1] in _UNIT_ENDS or w.endswith("中心") and len(w) > 2) and w not in _NOT_UNITS:
            unit_at[pos] = pos + len(w)
        elif k + 1 < len(words) and _split_unit(w, _t, words[k + 1][0]):
            unit_at[pos] = pos + len(w) + len(words[k + 1][0])
        elif w == "附属":
            attached = _attached_body_end(words, k + 1, pos + len(w))
            if attached is not None:
                unit_at[pos] = attached
        pos += len(w)
    starts = {s[0] for s in spans}
    out: list[SpanC] = []
    for span in spans:
        end = unit_at.get(span[1]) if span[2] == "ORG" else None
        if end is None and span[2] == "ORG" and span[1] in central_at and text[span[1] - 1] in _CENTRAL_AFTER:
            end = span[1] + 2  # 致公党 + 中央: a party's central organ
        if end is not None and span[1] not in starts:
            span = (span[0], end, "ORG", span[3])
        out.append(span)
    return out


def _attached_body_end(words: Sequence[tuple[str, str]], k: int, at: int) -> int | None:
    """End of the school or hospital attached to a body (大学 + 附属 + 第一 + 医院, 附属 + 肿瘤医院):
    at most three words from ``words[k]`` (at offset ``at``), ordinals, nouns or verbal nouns,
    the last ending in a school's or hospital's head."""
    end = at
    for w, t in words[k : k + 3]:
        end += len(w)
        if w.endswith(_ATTACHED_HEADS):
            return end
        if not (_ORDINAL_RE.fullmatch(w) or t[:1] == "n" and t not in ("nr", "ns") or t in ("vn", "b", "j")):
            return None
    return None


def _split_unit(word: str, tag: str, head: str) -> bool:
    """jieba cut a unit's name from its head (影视 + 部, 宣教 + 科, 播控 + 中心): a plain noun
    or verb of two or three characters, then the head alone."""
    if not (head in _UNIT_ENDS or head == "中心") or not 2 <= len(word) <= 3:
        return False
    return tag in _UNIT_NAME_TAGS and not any(c in _GLUE_STOPS for c in word) and word + head not in _NOT_UNITS


# A party or league ends in one of these; 中央 right after it is its central organ (致公党中央).
_CENTRAL_AFTER = frozenset("党盟社团")
# What a body may have attached to it (附属医院, 附属中学).
_ATTACHED_HEADS = ("医院", "中学", "小学", "学校", "幼儿园", "学院")
# jieba tags of the name part of a unit cut from its head: nouns, verbs, verbal nouns, abbreviations.
_UNIT_NAME_TAGS = frozenset(("n", "v", "vn", "j", "nz", "b"))
# Rule 4, units of a body: a word of at most this many characters ending in one of these.
_MAX_UNIT = 5
_UNIT_ENDS = frozenset("部处科室系")
# Words ending so that name no unit (parts, places, people, relations).
_NOT_UNITS = frozenset(
    "干部 内部 外部 全部 局部 总部 本部 各部 南部 北部 东部 西部 中部 腹部 头部 胸部 面部 底部 顶部 背部 "
    "此处 到处 好处 坏处 难处 长处 用处 深处 远处 近处 各处 一处 两处 多处 住处 去处 出处 "
    "学科 本科 专科 工科 理科 文科 "
    "关系 体系 系统 联系 维系 直系 派系 水系 星系 银河系 世系 "
    "教室 卧室 居室 温室 密室 会议室".split()
)
