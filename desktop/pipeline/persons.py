"""Person names that the text gives evidence for: the PER spans.

Owns: ``PersonFinder.find``.  jieba's person tag is unreliable on news (小雨, 多云,
文明), so a name needs a surname from ``resources/lexicon/surnames.txt`` *and*
evidence in context:
* a title or role right before it (党委书记李林森, 微网格员陈颖, 记者沈仁平);
* a title, or a verb of saying, right after it (徐银侨说, 李林森书记);
* an appositive at the start of a clause (刘建蓉,弥牟镇…议事会成员);
* a photo or text credit glued to it (周家豪摄, 李鹏飞文 / 图, 王丽/文), the name starting
  after a non-Han character or a role word: the shortest name before the credit is taken
  (欧阳明 in 欧阳明文/图);
* a transliterated foreign name right after a title (总理默茨, 秘书长古特雷斯, 王储穆罕默德·本·萨勒曼):
  two or more characters of the transliteration table ``_TRANSLITERATION``, with no surname
  needed, unless jieba knows the run as a common word that is not a name (代表巴西队);
* or the name was found with evidence elsewhere in the same text.
Surname + kinship/honorific forms are names of their own (刘嬢, 温先生, 包大爷), and so is a
surname + 某 or 某某, a person the paper does not name (李某, 钱某某; not 某地, 某些); 小 / 老 +
surname (小李, 老王) with the same evidence as a name; a word jieba calls a person's name
that starts with no Chinese surname right after a title (首相岸田文雄).
Titles are never part of the span (习近平 in 习近平总书记).  Candidates come from
jieba words (a word that starts with a surname, or a surname word plus the next
one or two characters' word); ordinary dictionary words are not names.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cache

from desktop.pipeline.jieba_words import jieba_words, person_words
from desktop.pipeline.lexicon import alternation, stop_chars, words

_CLAUSE_START = frozenset("\n。！？!?；;“\"”")
_CLAUSE_END = "。；;\n！？!?"
_COMMON_WORD_MIN_FREQ = 20
# jieba tags some frequent words as names (安全感); above this a tagged word is still a word.
_KNOWN_NAME_MAX_FREQ = 100
# A two-character word after a surname word is a given name only if it is not a common word (社区, 功能).
_COMMON_GIVEN_MIN_FREQ = 500
# Single-character words that follow a name rather than end it (王元 说, 周婷 看).
_SINGLE_CHAR_VERBS = frozenset("说讲问看想来去做笑走站坐跑叫喊带领帮打拿送写读听像称称赞谈讲望找")
# Dots inside a foreign name (弗兰克·佩斯塔纳): a part before one is no whole name.
_NAME_DOTS = frozenset("·•・")
# 小 / 老 + surname forms: at most this frequent in jieba's dictionary, and not these brands.
_FAMILIAR_MAX_FREQ = 500
_NOT_FAMILIAR = frozenset(("小米",))
# One-character verbs of saying that jieba glues to the character before them (丰说).
_SAYING_CHARS = frozenset("说讲问称道")
# Adverbs before a verb of saying that are not in the stop characters (便说, 才说, 笑说).
_ADVERBS = frozenset("便才却再曾正刚只亦仍均皆常先后随即早忙笑又也还都就并")
# Of those, the ones that are rarely the last character of a given name (李明 + 便说好).
_CLEAR_ADVERBS = frozenset("便才却再曾又也还都就并")
# Characters of the standard transliteration of foreign names (Xinhua's tables), without the
# common characters that also end Chinese words after a title (东, 明, 文, 华, 海, 门 …).
# A run of them is a name only when it ends cleanly (``_foreign_end``): not 威尔 of 威尔逊.
_TRANSLITERATION = (
    "阿埃艾爱安昂奥巴拜班邦贝比彼宾波伯博布查达戴丹德迪蒂丁杜顿多厄恩尔法菲费芬弗福盖甘冈戈格贡古圭哈汉豪赫亨"
    "霍基吉加贾杰捷卡凯坎康柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里丽利莉列林琳隆卢鲁伦罗洛马玛迈麦曼芒梅蒙米莫默"
    "姆穆罕纳娜奈内尼纽努诺欧帕潘佩蓬皮珀普齐奇恰乔琼丘萨塞赛桑瑟森沙莎舍什施史斯松苏索塔泰坦汤陶特图托瓦旺威"
    "韦维温翁沃乌西希锡谢辛休雅亚扬耶伊因尤约泽扎詹茨兹祖佐京娃逊登夫略胡宁南差提申延兴堡雄"
    "岑涅烈万"
)
# jieba's tags of a known word that may still be a transliterated name after a title.  Not ``ns``:
# 巴西 in 代表巴西队 would be a name (so 普京, which jieba files as ``ns``, is left to the tagger).
_NAME_TAGS = frozenset(("nr", "nrt", "nrfg"))
# Verbs that follow a foreign name in news besides the verbs of saying (默茨率代表团, 塞迪略举行国宴).
_AFTER_FOREIGN_NAME = ("率", "会见", "会晤", "举行", "出席", "访问", "抵达", "主持", "签署", "宣布", "致电", "致函",
                       "发表", "呼吁", "希望")
# After 某 these make a word of it (某些, 某种, 某地, 某公司, 某年): no person.
_AFTER_SOME = "些种个一地天处位人国次年月日时项家类样方公单部省市县区村镇乡校院团机企厂店段件条款份届期批"
_NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千万两几多每")


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], int]:
    single: set[str] = set()
    compound: set[str] = set()
    for line in words("surnames"):
        for s in line.split():
            (single if len(s) == 1 else compound).add(s)
    roles = frozenset(words("person_titles"))
    after = roles | frozenset(words("speech_verbs"))
    longest = max(map(len, after))
    return frozenset(single), frozenset(compound), roles, after, longest


class PersonFinder:
    """Finds PER spans; built once, used for many texts."""

    def __init__(self) -> None:
        self._words = jieba_words()
        self._single, self._compound, self._roles, self._after, self._longest_after = _lexicon()
        self._known = person_words()  # words jieba's dictionary tags as names: they may stay names
        self._all_surnames = self._single | self._compound
        function_chars = set(stop_chars())
        honorific_surnames = sorted(self._single - function_chars)
        self._honorific_re = re.compile(
            rf"(?:{alternation(tuple(self._compound))}|[{''.join(honorific_surnames)}])"
            rf"(?:{alternation(words('honorifics'))})"
        )
        # A surname + 某 or 某某: a person the paper does not name (李某, 钱某某), not 某 + a noun (某地).
        self._anonymised_re = re.compile(
            rf"(?:{alternation(tuple(self._compound))}|[{''.join(honorific_surnames)}])某某?(?![{_AFTER_SOME}])"
        )
        # A title and then a surname (the name follows: 种植户龙光辉, 传承人王有根).
        self._glued_title_re = re.compile(
            rf"(?:{alternation(tuple(r for r in self._roles if len(r) >= 2 and _all_cjk(r)))})(?=[{''.join(honorific_surnames)}])"
        )
        # 小 / 老 + a surname: how colleagues and reporters name someone familiar (小李, 老王).
        self._familiar_re = re.compile(rf"(?<![\u4e00-\u9fff][小老])[小老][{''.join(honorific_surnames)}]")
        titles = alternation(tuple(self._roles))
        self._appositive_re = re.compile(rf"[,，][^{_CLAUSE_END}]{{0,40}}?(?:{titles})(?=[{_CLAUSE_END},，]|$)")
        # A photo or text credit glued to its name (周家豪摄, 李鹏飞文 / 图, 王丽/文): the name starts
        # after a non-Han character or a role word (记者, 通讯员 …) and the credit ends the phrase.
        roles_before = "|".join(f"(?<={re.escape(r)})" for r in sorted(self._roles) if _all_cjk(r))
        surnames = f"(?:{alternation(tuple(self._compound))}|[{''.join(sorted(self._single))}])"
        self._credit_re = re.compile(
            rf"(?:^|(?<=[^\u4e00-\u9fff])|{roles_before})({surnames}[\u4e00-\u9fff]{{1,2}}?)"
            rf"(?:摄|文\s*/\s*图|图\s*/\s*文|/\s*[文图])(?![\u4e00-\u9fff])",
            re.MULTILINE,
        )
        t = _TRANSLITERATION  # a run of it; the title before it is checked in Python (fast)
        self._foreign_re = re.compile(rf"[{t}]{{2,8}}(?:·[{t}本海]{{1,8}}){{0,3}}(?![{t}·])")

    def find(self, text: str, tokens: list[tuple[int, str]], name_starts: Container[int] = ()) -> list[tuple[int, int]]:
        """PER spans of ``text``; ``tokens`` are the jieba words with their start offsets,
        ``name_starts`` where the words jieba tags as persons' names start."""
        evidenced: set[str] = set()
        spans: list[tuple[int, int]] = []
        for m in self._honorific_re.finditer(text):
            if m.start() == 0 or text[m.start() - 1] not in self._single:
                spans.append(m.span())
                evidenced.add(m.group())
        if "某" in text:
            spans += [m.span() for m in self._anonymised_re.finditer(text)]
        for m in self._familiar_re.finditer(text):  # 民警小李, 老王说
            if self._familiar_form(m.group()) and self._has_evidence(text, m.start(), m.end()):
                spans.append(m.span())
        candidates = self._candidates(tokens) + self._after_glued_titles(text, tokens)
        for start, end in candidates:
            if self._has_evidence(text, start, end):
                evidenced.add(text[start:end])
        for start, word in tokens:
            if start in name_starts and self._titled_name_without_surname(text, start, word):
                evidenced.add(word)
        if "摄" in text or "/" in text:
            for m in self._credit_re.finditer(text):
                if not self._is_word_not_name(m.group(1), False):
                    evidenced.add(m.group(1))
        for m in self._foreign_re.finditer(text):
            name = m.group()
            if not self._title_before(text, m.start()) or not self._foreign_end(text, m.end()):
                continue
            if self._words.freq(name) < _COMMON_WORD_MIN_FREQ or self._words.tag(name) in _NAME_TAGS:
                evidenced.add(name)
        for name in evidenced:
            pos = text.find(name)
            while pos >= 0:
                spans.append((pos, pos + len(name)))
                pos = text.find(name, pos + len(name))
        return sorted(set(spans + self._listed_with_names(text, candidates, spans)))

    def _listed_with_names(self, text: str, candidates: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Candidates listed with a name, a list mark between (吴小燕、张立新参加; 赵一凡、许子墨、秦朗):
        a list of persons, each of them a name; followed through the list in both directions."""
        ends = {e for _s, e in spans}
        starts = {s for s, _e in spans}
        found: list[tuple[int, int]] = []
        for _ in range(3):  # a long list is followed name by name
            for start, end in candidates:
                after_a_name = text[start - 1 : start] == "、" and start - 1 in ends
                before_a_name = text[end : end + 1] == "、" and end + 1 in starts
                if (after_a_name or before_a_name) and (start, end) not in found:
                    found.append((start, end))
                    ends.add(end)
                    starts.add(start)
        return found

    def _after_glued_titles(self, text: str, tokens: list[tuple[int, str]]) -> list[tuple[int, int]]:
        """A surname right after a title whose last character jieba glued to it (种植户 + 龙光辉:
        户龙 / 光辉; 传承人 + 王有根: 人王 / 有 / 根): the name of two or three characters that
        ends where a jieba word ends."""
        ends = {start + len(word) for start, word in tokens}
        starts = {start for start, _word in tokens}
        found: list[tuple[int, int]] = []
        for m in self._glued_title_re.finditer(text):
            at = m.end()
            if at in starts:
                continue  # the cut is right: the word candidates have it
            for size in (3, 2):
                end = at + size
                name = text[at:end]
                if end in ends and _all_cjk(name) and len(name) == size and self._can_end_name(name[-1]):
                    words_in = (name, name[:2], name[1:])  # 干部们 after 党员: a word, no name
                    if not any(self._is_word_not_name(w, w == name[1:]) for w in words_in):
                        found.append((at, end))
                    break
        return found

    def _candidates(self, tokens: list[tuple[int, str]]) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        function_chars = stop_chars()
        previous = ""
        for k, (start, word) in enumerate(tokens):
            after_numeral = previous[-1:] in _NUMERAL_CHARS
            previous = word
            if not _all_cjk(word) or after_numeral or word[0] in function_chars:
                continue
            if word in self._single or word in self._compound:
                if k + 1 < len(tokens):
                    given = tokens[k + 1][1]
                    if 1 <= len(given) <= 2 and _all_cjk(given) and not self._is_word_not_name(given, True):
                        found.append((start, start + len(word) + len(given)))
                continue
            surname_len = 2 if word[:2] in self._compound else 1
            if word[:surname_len] in self._all_surnames and 2 <= len(word) - surname_len + 1 <= 3:
                if not self._is_word_not_name(word, False):
                    found.append((start, start + len(word)))
                    # jieba often cuts the last character off a three-character name (王元/碧),
                    # or glues it to the verb of saying after it (苏姿/丰说).
                    if len(word) == 2 and k + 1 < len(tokens) and (
                        self._can_end_name(tokens[k + 1][1]) or self._glued_to_saying(tokens[k + 1][1])
                    ):
                        found.append((start, start + 3))
        return found

    def _title_before(self, text: str, start: int) -> bool:
        return any(text[start - size : start] in self._roles for size in range(1, min(start, self._longest_after) + 1))

    def _title_or_saying_after(self, text: str, end: int) -> bool:
        return any(text[end : end + size] in self._after for size in range(1, self._longest_after + 1))

    def _foreign_end(self, text: str, end: int) -> bool:
        """A transliterated name may end at ``end``: the text ends, or a non-Han or function
        character, a title, a verb of saying or a verb of ``_AFTER_FOREIGN_NAME`` follows."""
        if end >= len(text) or not _all_cjk(text[end]) or text[end] in stop_chars():
            return True
        return text.startswith(_AFTER_FOREIGN_NAME, end) or self._title_or_saying_after(text, end)

    def _titled_name_without_surname(self, text: str, start: int, word: str) -> bool:
        """``word``, which jieba tags as a person's name, at ``start`` is a name that starts with no
        Chinese surname: two to four Chinese characters right after a title, ending cleanly and
        not before a dot (首相岸田文雄; not 弗兰克 of 弗兰克·佩斯塔纳)."""
        end = start + len(word)
        return (
            2 <= len(word) <= 4
            and _all_cjk(word)
            and word[0] not in self._all_surnames
            and self._title_before(text, start)
            and not self._is_word_not_name(word, False)
            and self._foreign_end(text, end)
            and text[end : end + 1] not in _NAME_DOTS
        )

    def _familiar_form(self, word: str) -> bool:
        """``word`` (小 / 老 + surname) is no common word of another kind: jieba files 小张, 老王
        as nouns or names of a few hundred uses, 老师 (6,415) and 小于 (a verb) otherwise."""
        return (
            word not in _NOT_FAMILIAR
            and self._words.freq(word) < _FAMILIAR_MAX_FREQ
            and self._words.tag(word) in (None, "n", "nr")
        )

    def _glued_to_saying(self, word: str) -> bool:
        """``word`` is a name's last character + 说/讲/问/称 that jieba's dictionary does not
        know as a word (丰说; not 再说, 听说, and no adverb: 便说, 才说)."""
        return (
            len(word) == 2
            and word[1] in _SAYING_CHARS
            and word[0] not in _ADVERBS
            and self._can_end_name(word[0])
            and self._words.freq(word) == 0
        )

    def _can_end_name(self, word: str) -> bool:
        return (
            len(word) == 1
            and _all_cjk(word)
            and word not in stop_chars()
            and word not in _SINGLE_CHAR_VERBS
            and word not in _CLEAR_ADVERBS
            and word not in self._after
        )

    def _is_word_not_name(self, word: str, given_only: bool) -> bool:
        if word in self._after or word in self._roles:
            return True
        if given_only:
            if len(word) == 1:
                return word in stop_chars()
            return self._words.freq(word) >= _COMMON_GIVEN_MIN_FREQ and word not in self._known
        freq = self._words.freq(word)
        return freq >= _COMMON_WORD_MIN_FREQ and (word not in self._known or freq >= _KNOWN_NAME_MAX_FREQ)

    def _has_evidence(self, text: str, start: int, end: int) -> bool:
        if self._title_before(text, start) or self._title_or_saying_after(text, end):
            return True
        if start == 0 or text[start - 1] in _CLAUSE_START:
            return self._appositive_re.match(text, end) is not None
        return False


_CJK_WORD = re.compile("[\u4e00-\u9fff]+")


def _all_cjk(word: str) -> bool:
    return _CJK_WORD.fullmatch(word) is not None
