"""Organisation names by composition: the ORG spans.

Owns: ``find_orgs``.  An ORG is built, never guessed from one word:
* a place (a LOC match) + a short name + an organ word: 成都市青白江区水务局,
  广汉市慈善总会, 和兴社区居民委员会, 青羊区委, 川渝政协;
* a level prefix (省/市/区/县/镇 …) + the same: 区人社局, 市纪委, 镇指挥中心, with the
  name before it when the gazetteer does not know the place (召忽 + 镇党委);
* a national prefix (国家, 中共, 全国, 中央) + the same: 国家体育总局, 全国政协;
* a department head + 厅/局/委/部 alone (财政厅, 电力部), 管委会/组委会 alone;
* a bare body that names one body on its own (``bare_bodies.txt``: 统战部, 海关);
* a numbered congress or committee after a body (九三学社 + 第七次全国代表大会);
* a bank (中国银行, 建行) with an optional 股份有限公司 and a place + 分行/支行;
* a company ending in 有限公司 etc., back to where its name starts (a place, or a
  delimiter), including a bracketed place: 国铁瑞能(成都)电力设备有限公司;
* a known organisation named on its own (``resources/lexicon/known_orgs.txt``:
  companies, media, international bodies, parties: 华为, 新华社, 世卫组织), as a
  whole word, with the organs that follow it (腾讯研究院).
Organs may chain (四川省政协办公厅, 区委目标绩效办).  Generic references are not
ORG: no prefix (财政部门, 金融机构), or a demonstrative/numeral before the level
prefix (该局, 两省政协, 全区); nor is a place or prefix + an event verb (北京召开委员会会议).
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass

from desktop.pipeline.body_names import FACILITY_ENDS
from desktop.pipeline.lexicon import alternation, stop_chars, words
from desktop.pipeline.places import PlaceMatch, name_start

_SINGLE_SUFFIXES = "局厅委办署"
# A name of one's own before a bare 局/厅/委 (not a known department head) needs two characters.
_OPEN_SINGLE_SUFFIXES = "局厅委"
_NUMERALS = "两一二三四五六七八九十百千万亿零〇第届次个"
# A single-character organ suffix followed by one of these is the start of another word (办理, 委托).
_NOT_AFTER_SINGLE = frozenset("员理法事好公成托屈婉面势部限长议上门")
# After 部 these make another word (部门, 部分, 部署, 部队, 部位 …): 财政部署 is no ministry.
_NOT_AFTER_MINISTRY = "分署队落件位属下委首"
_LEVEL_CHARS = "省市区县镇乡州旗"
_LEVEL_RE = re.compile(f"[{_LEVEL_CHARS}]")
# Before a level prefix these make it a generic or counted reference (全区, 两省, 该局, 省市).
_NOT_BEFORE_LEVEL = frozenset("全本该各每首跨分两一二三四五六七八九十几多我你他其此城地社小辖郊街级内外省市区县镇乡州村旗")
# After a level prefix these make an ordinary word (区域, 市民, 市场 is left to the organ rule).
_NOT_AFTER_LEVEL = frozenset("域级内外属长")
_NATIONAL = ("国家", "中共", "全国", "中央")
_COMPANY_ENDS = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司")
_NAME_DELIMITERS = frozenset("，,。；;：:、“”\"‘’《》〈〉\n\t 　!！?？")
_FUNCTION_TOKENS = frozenset("和与及同由向对为在把被将给跟让使是从")
_MAX_COMPANY_NAME = 30
# Besides the function characters: characters after which a name starts even when jieba glued
# them to it (据蔚来消息).
_BEFORE_NAME = "据经由称"
# Schools named on their own, without a place before (官渡小学, 城南中学校).
_SCHOOL_RE = re.compile(r"小学校|中学校|小学|中学|幼儿园|实验学校")
# The ends of school names: followed by 生 they are students (全国大学生), not a body.
_SCHOOL_ENDS = ("大学", "中学", "小学", "学院", "学校")
# A congress or committee of a body, by its number, continues its name (九三学社 + 第七次全国代表大会).
_CONGRESS = r"第[零〇一二三四五六七八九十百0-9]{1,4}[届次](?:全国|中央)?(?:人民)?(?:代表大会|中央委员会|常务委员会|常委会|委员会)"
# Before a bare body's name these make it a generic or counted reference (各级纪委, 两省纪委, 该海关).
# 国 and 的: the body of a country named loosely or of someone (我国海关, 俄的海关) is no named body.
_NOT_BEFORE_BARE = frozenset("各该本每其此两一二三四五六七八九十几多级届国的万")
_GENERIC_BEFORE_BARE = ("各级", "各地", "地方", "基层", "相关", "有关", "当地")
# A named organ in these words is a generic reference (毗邻地区政协, 各级政府, 相关部门).
_GENERIC_IN_NAME = ("地区", "各级", "相关", "有关", "各地", "某")
# 政府 before 工作报告 names the document (区政府工作报告), not the body.
_DOCUMENT_AFTER = ("工作报告",)
# The party bodies of an office's own staff: 局机关纪委, 厅机关党委.
_AGENCY_ORGAN_RE = re.compile(r"[局厅委办部院]机关(?:纪委|党委|工委|党总支|党支部|团委|工会)")


# Verbs of an event that a place or a level prefix starts a clause with (北京 + 召开 + 委员会会议,
# 成都 + 举办 + 协会年会).  Not every verb: 筹备委员会 and 终审法院 are names with a verb in them.
CLAUSE_VERBS = frozenset(
    "召开 举办 举行 成立 设立 建立 组建 主办 承办 召集 启动 开展 发布 印发 出台 迎来 迎接 会见 访问 出席 参加 加入 "
    "支持 要求 决定 宣布 表示 指出 强调 推出 恢复 撤销 撤消 改组 批准".split()
)


def clause_starts(tagged: Sequence[tuple[str, str]]) -> set[int]:
    """Where the words of ``CLAUSE_VERBS`` start among the jieba words ``tagged``."""
    starts: set[int] = set()
    pos = 0
    for word, _tag in tagged:
        if word in CLAUSE_VERBS:
            starts.add(pos)
        pos += len(word)
    return starts


# 队 after a known name is its team (北京国安队), unless it starts another word (队员, 队长).
_TEAM_AFTER = re.compile(r"队(?![员长伍形列旗服友部内里中])")


@dataclass
class OrgMatch:
    start: int
    end: int


class _Patterns:
    """Regexes built once from the lexicon files."""

    def __init__(self) -> None:
        stem = rf"[^\W\d_{stop_chars()}{_NUMERALS}]"
        organs = alternation(words("organ_words"))
        heads = alternation(words("department_heads"))
        banks = alternation(words("banks"))
        not_after = "".join(sorted(_NOT_AFTER_SINGLE))
        single = rf"[{_SINGLE_SUFFIXES}](?![{not_after}])"
        open_single = rf"[{_OPEN_SINGLE_SUFFIXES}](?![{not_after}])"
        self.organ = re.compile(rf"(?:{heads})(?:{single})|(?:{organs})|(?:委(?![{not_after}]))")
        # A short name, then an organ word; the shortest name that reaches an organ word wins.
        self.named_organ = re.compile(
            rf"(?![内外级域])(?:{stem}{{0,6}}?(?:{organs})|{stem}{{0,4}}?(?:{heads}){single}|{stem}{{2,6}}?{open_single})"
        )
        # 驻 + a body + 纪检监察组 continues the name of a stationed inspection team.
        self.continuation = re.compile(
            rf"{stem}{{0,4}}?(?:{organs})|{stem}{{0,2}}?(?:{heads}){single}|驻{stem}{{2,12}}?纪检监察组|{_CONGRESS}"
        )
        self.bare_body = re.compile(alternation(words("bare_bodies")))
        self.national = re.compile("(?:" + alternation(words("national_bodies")) + r")(?![门们署])")
        self.bare_department = re.compile(
            rf"(?:{heads})(?:[厅局委](?![{not_after}])|部(?![{not_after}{_NOT_AFTER_MINISTRY}]))|管委会|组委会"
        )
        self.bank = re.compile(rf"(?:{banks})(?:股份有限公司)?")
        self.known = re.compile(alternation(words("known_orgs")))
        self.before_name = frozenset(stop_chars() + _BEFORE_NAME)
        self.after_name = frozenset(stop_chars())
        self.branch = re.compile(r"分行|支行|营业部")
        self.company_end = re.compile("|".join(_COMPANY_ENDS))


_patterns: _Patterns | None = None


def prepare_patterns() -> None:
    """Compile the ORG patterns now (they are built from the lexicon files)."""
    _get_patterns()


def _get_patterns() -> _Patterns:
    global _patterns
    if _patterns is None:
        _patterns = _Patterns()
    return _patterns


def find_orgs(
    text: str, places: list[PlaceMatch], word_starts: set[int], verb_starts: Container[int] = ()
) -> list[OrgMatch]:
    """ORG candidates of ``text`` (may overlap each other and places; the caller resolves).
    ``verb_starts``: where the words of ``CLAUSE_VERBS`` start (``clause_starts``): a place or
    level prefix followed by one starts a clause, not a body's name (北京 + 召开 + 委员会)."""
    p = _get_patterns()
    found: list[OrgMatch] = []
    place_at_end = {m.end: m for m in places}
    place_starts = sorted(m.start for m in places)
    for k, place in enumerate(places):
        end = _organ_after(text, place.end, p) if place.end not in verb_starts else None
        # A place inside the would-be name starts an ORG of its own (重庆召开川渝政协 -> 川渝政协).
        if end is not None and not (k + 1 < len(places) and places[k + 1].start < end):
            # Places right next to each other are one prefix (四川 + 德阳… 管理委员会).
            start, j = place.start, k
            while j > 0 and places[j - 1].end == start:
                j -= 1
                start = places[j].start
            found.append(OrgMatch(start, end))
    for level in _LEVEL_RE.finditer(text):
        i = level.start()
        if i + 1 not in place_at_end and i + 1 not in verb_starts and _level_prefix_ok(text, i):
            end = _organ_after(text, i + 1, p, level_prefix=True)
            if end is not None:
                # A town or county the gazetteer does not know names the body (召忽 + 镇党委).
                # A function character inside means jieba glued words (局和区), not a name.
                name_at = name_start(text, i, word_starts)
                if name_at is not None and any(c in p.after_name for c in text[name_at:i]):
                    name_at = None
                found.append(OrgMatch(i if name_at is None else name_at, end))
    for prefix in _NATIONAL:
        start = text.find(prefix)
        while start >= 0:
            end = _organ_after(text, start + len(prefix), p)
            if end is not None and (start == 0 or text[start - 1] not in "全"):
                found.append(OrgMatch(start, end))
            start = text.find(prefix, start + 1)
    for m in p.national.finditer(text):
        found.append(OrgMatch(m.start(), _chain(text, m.end(), p)))
    for m in _AGENCY_ORGAN_RE.finditer(text):
        found.append(OrgMatch(m.start(), m.end()))
    for m in _SCHOOL_RE.finditer(text):
        if m.end() in word_starts and m.start() in word_starts and text[m.end() : m.end() + 1] not in "生":
            b = name_start(text, m.start(), word_starts)
            if b is not None:
                found.append(OrgMatch(b, m.end()))
    for m in p.bare_department.finditer(text):
        if m.start() == 0 or not _is_cjk(text[m.start() - 1]) or text[m.start() - 1] in stop_chars():
            found.append(OrgMatch(m.start(), _chain(text, m.end(), p)))
    for m in p.bare_body.finditer(text):
        if _whole_name(text, m.start(), m.end(), word_starts, p) and not _generic_before(text, m.start()):
            found.append(OrgMatch(m.start(), _chain(text, m.end(), p)))
    for m in p.bank.finditer(text):
        end = m.end()
        branch_place = place_at_end_from(places, end)
        if branch_place is not None:
            branch = p.branch.match(text, branch_place.end)
            if branch is not None:
                end = branch.end()
        found.append(OrgMatch(m.start(), end))
    for m in p.known.finditer(text):
        if _whole_name(text, m.start(), m.end(), word_starts, p):  # not 华为 in 中华为
            end = m.end() + 1 if _TEAM_AFTER.match(text, m.end()) else m.end()  # a club's team: 北京国安 + 队
            found.append(OrgMatch(m.start(), _chain(text, end, p)))
        elif _TEAM_AFTER.match(text, m.end()) and _whole_name(text, m.start(), m.end() + 1, word_starts, p):
            found.append(OrgMatch(m.start(), m.end() + 1))  # jieba cut the team apart: 上海 / 海港 / 队
    for m in p.company_end.finditer(text):
        company_at = _company_start(text, m.start(), place_starts, word_starts)
        if company_at is not None:
            found.append(OrgMatch(company_at, m.end()))
    return [o for o in found if not _generic_or_facility(text, o)]


def _generic_or_facility(text: str, org: OrgMatch) -> bool:
    name = text[org.start : org.end]
    if any(w in name for w in _GENERIC_IN_NAME) or name.endswith(FACILITY_ENDS):
        return True
    if name.endswith(_SCHOOL_ENDS) and text.startswith("生", org.end):
        return True  # 全国大学生, 中学生: the students, not the school
    return name.endswith("政府") and text.startswith(_DOCUMENT_AFTER, org.end)


def _generic_before(text: str, at: int) -> bool:
    """A qualifier before ``at`` makes the bare body after it generic (各级纪委, 各地海关, 我国海关)."""
    return text[at - 1 : at] in _NOT_BEFORE_BARE or text[max(0, at - 2) : at] in _GENERIC_BEFORE_BARE


def place_at_end_from(places: list[PlaceMatch], at: int) -> PlaceMatch | None:
    for m in places:
        if m.start == at:
            return m
    return None


def _level_prefix_ok(text: str, i: int) -> bool:
    if i + 1 >= len(text) or text[i + 1] in _NOT_AFTER_LEVEL:
        return False
    return i == 0 or text[i - 1] not in _NOT_BEFORE_LEVEL


def _organ_after(text: str, at: int, p: _Patterns, level_prefix: bool = False) -> int | None:
    """End of the organ name starting at ``at`` (after a place or prefix), or None."""
    direct = p.organ.match(text, at)
    if direct is not None:
        return _chain(text, direct.end(), p)
    m = p.named_organ.match(text, at)
    if m is None:
        return None
    return _chain(text, m.end(), p)


def _chain(text: str, end: int, p: _Patterns) -> int:
    """Follow organ after organ (政协 + 办公厅, 区委 + 目标绩效办)."""
    for _ in range(3):
        m = p.continuation.match(text, end)
        if m is None:
            break
        end = m.end()
    return end


def _company_start(text: str, end_word_at: int, place_starts: list[int], word_starts: set[int]) -> int | None:
    """Where the name of a company ending at ``end_word_at`` begins."""
    start = end_word_at
    depth = 0
    limit = max(0, end_word_at - _MAX_COMPANY_NAME)
    while start > limit:
        c = text[start - 1]
        if c in ")）":
            depth += 1
        elif c in "(（":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (c in _NAME_DELIMITERS or not (_is_cjk(c) or c.isalnum() or c in "·&-")):
            break
        elif depth == 0 and c in _FUNCTION_TOKENS and start - 1 in word_starts and start in word_starts:
            break
        start -= 1
    # Inside a long run with no delimiter, a place name is where the company name starts.
    for s in place_starts:
        if start <= s < end_word_at and s - start > 4 and text[s - 1] not in "(（":
            start = s
            break
    if end_word_at - start < 2:
        return None
    return start


def _whole_name(text: str, start: int, end: int, word_starts: set[int], p: _Patterns) -> bool:
    """``text[start:end]`` stands as a name of its own: a word boundary, a non-Chinese character or a
    function character on each side (jieba glues an unknown name to 据 or 和: 据蔚来, 恒大和)."""
    before_ok = start in word_starts or start == 0 or not _is_cjk(text[start - 1]) or text[start - 1] in p.before_name
    after_ok = end in word_starts or end == len(text) or not _is_cjk(text[end]) or text[end] in p.after_name
    return before_ok and after_ok


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"
