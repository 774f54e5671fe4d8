"""Bylines: recognising them on the page and reading authors and roles out of them.

Owns: ``parse_authors`` (byline text -> ``[Author]``), ``box_byline`` (a
``□本报记者 某某`` line of its own), ``end_byline`` (a trailing ``某某 文/图`` or
``通讯员 某 特约记者 某`` line), ``is_lone_name`` (a trailing name with no role
word) and ``names_only`` (a line of names with no role word, ``某某    某某``) and
``match_lead`` (a ``本报讯 (…)`` wire tag and the byline in its
parentheses at the start of a lead).

Role rules: a role word (记者, 本报记者, 特约记者, 实习记者, 通讯员) gives its role to
the names after it; names printed before the first 记者-type word with no role
word of their own are contributors (通讯员); names with no role word at all are
authors (作者).  Credits (文/图, 摄, 图) after a name are not part of it: a name is
a surname (compound or single, from ``resources/lexicon/surnames.txt``) plus one
or two characters, so ``李鹏飞文`` is 李鹏飞 + the credit 文.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from desktop.pipeline.lexicon import words
from desktop.pipeline.lines import BULLETS, CJK_CHARS
from desktop.pipeline.model import Author

_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("本报特约记者", "特约记者"),
    ("本报实习记者", "实习记者"),
    ("本报见习记者", "实习记者"),
    ("本报通讯员", "通讯员"),
    ("本报记者", "记者"),
    ("特约记者", "特约记者"),
    ("实习记者", "实习记者"),
    ("见习记者", "实习记者"),
    ("摄影记者", "记者"),
    ("首席记者", "记者"),
    ("通讯员", "通讯员"),
    ("实习生", "实习记者"),
    ("记者", "记者"),
)
_REPORTER_ROLES = frozenset({"记者", "特约记者", "实习记者"})
_CREDITS = frozenset({"文/图", "图/文", "文", "图", "摄", "摄影", "供图", "文图", "图文", "报道"})
_CREDIT_SUFFIXES = ("文/图", "图/文", "摄影", "供图", "摄", "报道")
# ``发自南京``: where the reporter filed from, a credit after the names.
_FILED_FROM_RE = re.compile(rf"^发自[{CJK_CHARS}]{{1,8}}$")
_SLASH_RE = re.compile(r"\s*[/／]\s*")
_LEADING_CREDIT_RE = re.compile(r"^(?:文图|图文|文|图|摄影|摄|制图|解答|答)[/:：]")
_BRACKETED_RE = re.compile(r"^[(（〔\[【](.{2,58})[)）〕\]】]$")
_NAME_RE = re.compile(rf"[{CJK_CHARS}]{{2,4}}|[{CJK_CHARS}]{{1,6}}[·•][{CJK_CHARS}]{{1,8}}")
_BYLINE_MAX_CHARS = 60

# Wire tags that open a lead: 本报讯, 晚报讯, 本报成都2月20日讯, 本报 11 月 7 日讯,
# 新华社成都2月20日电, 据新华社…电, 【本报讯】, 【本报台北7日电】; an inline headline
# 【…】 may stand before the tag.
_NO_BREAK = r"[^\s，,。；;：:()（）]"
_TAG = (
    rf"据?(?:本报讯|[{CJK_CHARS}]{{1,4}}报讯|本报[{CJK_CHARS}0-9０-９ \u3000]{{1,16}}?[讯电]"
    rf"|{_NO_BREAK}{{1,4}}社{_NO_BREAK}{{0,14}}电|{_NO_BREAK}{{2,3}}网{_NO_BREAK}{{0,14}}电)"
)
_LEAD_RE = re.compile(
    rf"^(?P<headline>【[^】\n]{{2,40}}】(?=\s*(?:【|{_TAG})))?\s*"
    rf"(?:【(?P<bsource>{_TAG})】|(?P<source>{_TAG})(?=[\s(（—:：]))"
    r"[ \t\u3000]*(?:[(（](?P<inner>[^()（）\n]{1,80})[)）])?[ \t\u3000]*"
    rf"(?:(?P<said>(?:[{CJK_CHARS}]{{0,8}}记者)\s*[{CJK_CHARS}·]{{2,8}}?\s*报道)[：:][ \t\u3000]*)?"
)


@cache
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    single: set[str] = set()
    compound: set[str] = set()
    for line in words("surnames"):
        for entry in line.split():
            (single if len(entry) == 1 else compound).add(entry)
    return frozenset(single), frozenset(compound)


def _surname_length(name: str) -> int:
    """1 or 2 when the name starts with a known surname, else 0."""
    single, compound = _surnames()
    if name[:2] in compound:
        return 2
    return 1 if name[:1] in single else 0


# A paper's own name before the role word: 晚报记者, 全媒体记者, 某某日报全媒体记者, 新华社记者.
_PAPER_ROLE_RE = re.compile(
    rf"^[{CJK_CHARS}]{{0,6}}(?:报|社|台|网|刊|媒体)(?=(?:特约|实习|见习|首席|摄影)?(?:记者|通讯员))"
)


def _peel_role(token: str) -> tuple[str | None, str]:
    if "记者" not in token and "通讯员" not in token and "实习生" not in token:
        return None, token  # every role word holds one of these
    paper = _PAPER_ROLE_RE.match(token)
    if paper:
        token = token[paper.end() :]
    for word, role in _ROLE_WORDS:
        if token.startswith(word):
            return role, token[len(word) :]
    return None, token


def _peel_credit(token: str) -> tuple[str, bool]:
    """Split a credit glued to the end of a name (``张忠超文/图`` -> ``张忠超``)."""
    if token.endswith(_CREDIT_SUFFIXES):
        for suffix in _CREDIT_SUFFIXES:
            if token.endswith(suffix) and len(token) > len(suffix):
                return token[: -len(suffix)], True
    # A name is surname + at most two characters: a fourth character 文/图 is a credit.
    if len(token) >= 4 and token[-1] in "文图" and _surname_length(token) == 1 and len(token) - 1 <= 3:
        return token[:-1], True
    return token, False


def _tokens(text: str) -> list[str]:
    """Byline tokens; a two-character name printed padded (``陶 然``) is one token (no name
    has one character, so two lone characters side by side are one name)."""
    raw: list[str] = []
    for tok in _SLASH_RE.sub("/", text.strip().lstrip(BULLETS)).split():
        credit = _LEADING_CREDIT_RE.match(tok)  # '文/许' + '婧': the credit is a token of its own
        if credit and credit.end() < len(tok):
            raw.extend((tok[: credit.end()], tok[credit.end() :]))
        else:
            raw.append(tok)
    out: list[str] = []
    i = 0
    while i < len(raw):
        tok = raw[i]
        if (
            i + 1 < len(raw)
            and len(tok) == 1
            and len(raw[i + 1]) == 1
            and _SINGLE_CJK_RE.fullmatch(tok + raw[i + 1])
            and tok + raw[i + 1] not in _CREDITS  # '文 图' is a credit, '孔 文' a name
            and raw[i + 1] not in ("摄", "图")
        ):
            out.append(tok + raw[i + 1])
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


_SINGLE_CJK_RE = re.compile(f"[{CJK_CHARS}]{{2}}")


@dataclass
class _Reading:
    authors: list[Author]
    has_role: bool
    has_credit: bool
    unread: int  # tokens that are neither names, role words nor credits


def _read(text: str) -> _Reading:
    pending: list[str] = []
    authors: list[Author] = []
    role: str | None = None
    has_role = has_credit = False
    unread = 0
    for token in _tokens(text):
        if token in _CREDITS or _FILED_FROM_RE.match(token):
            has_credit = True
            continue
        lead_credit = _LEADING_CREDIT_RE.match(token)  # 文/记者 某某, 图/某某
        if lead_credit:
            has_credit = True
            token = token[lead_credit.end() :]
            if not token:
                continue
        new_role, rest = _peel_role(token)
        if new_role is not None:
            has_role = True
            if new_role in _REPORTER_ROLES and pending:
                authors.extend(Author(n, "通讯员") for n in pending)
                pending = []
            role = new_role
            token = rest
            if not token:
                continue
        name, credited = _peel_credit(token)
        has_credit = has_credit or credited
        if not _NAME_RE.fullmatch(name):
            unread += 1
            continue
        if role is None:
            pending.append(name)
        else:
            authors.append(Author(name, role))
    authors[0:0] = [Author(n, "作者") for n in pending]
    return _Reading(authors, has_role, has_credit, unread)


def parse_authors(text: str) -> list[Author]:
    """The authors named in a byline, in printed order, each with its role."""
    return _read(text).authors


def box_byline(text: str) -> str | None:
    """The byline text of a ``□…`` line (bullet removed), or None if it is not one."""
    if not text or text[0] not in BULLETS:
        return None
    rest = text[1:].strip()
    if not rest or len(rest) > _BYLINE_MAX_CHARS:
        return None
    reading = _read(rest)
    if reading.authors and (reading.has_role or reading.has_credit or reading.unread == 0):
        return rest
    return None


def end_byline(text: str) -> bool:
    """True for a stand-alone byline line with a role word or a credit (``罗正材 文/图``)."""
    if len(text) > _BYLINE_MAX_CHARS or not _ROLE_OR_CREDIT_RE.search(text):
        return False
    reading = _read(text)
    return bool(reading.authors) and reading.unread == 0 and (reading.has_role or reading.has_credit)


# Every role word and credit holds one of these: a line with none of them is no byline.
_ROLE_OR_CREDIT_CHARS = ("记者", "通讯员", "实习生", "文", "图", "摄", "报道", "发自", "答")
_ROLE_OR_CREDIT_RE = re.compile("|".join(_ROLE_OR_CREDIT_CHARS))


_CLOSING_BRACKETED_RE = re.compile(r"[(（]([^()（）\n]{2,40})[)）]\s*$")


def closing_byline(text: str) -> int:
    """Where a bracketed byline closing a paragraph starts (``…完成。（记者 某某）``), else 0.

    The text inside the brackets must read as names with a role word, a credit or
    names alone (``（某 某 某某）``); a photo credit or a date in brackets is not one.
    """
    if not text.rstrip().endswith((")", "）")):  # the pattern ends with a closing bracket
        return 0
    m = _CLOSING_BRACKETED_RE.search(text, max(0, len(text) - 48))
    if not m or m.start() < 4:
        return 0
    inner = m.group(1).strip()
    if inner.endswith(("摄", "摄影", "供图", "提供")):
        return 0
    reading = _read(inner)
    if reading.authors and reading.unread == 0:
        return m.start()
    return 0


def unbracket(text: str) -> str:
    """The text inside the brackets of a line printed as ``（…）``, else the text itself."""
    m = _BRACKETED_RE.match(text)
    return m.group(1).strip() if m else text


def names_only(text: str) -> bool:
    """True for a line of two or more personal names and nothing else (``王某某    李某``)."""
    if len(text) > _BYLINE_MAX_CHARS:
        return False
    tokens = text.split()
    return 2 <= len(tokens) <= 6 and all(is_lone_name(t) for t in tokens)


def is_lone_name(text: str) -> bool:
    """True for a line that is a single personal name (surname + one or two characters)."""
    if not _NAME_RE.fullmatch(text) or "·" in text or "•" in text:
        return False
    surname = _surname_length(text)
    return surname > 0 and 1 <= len(text) - surname <= 2


# A lead opened by its byline and 报道, a space before the text: 记者 刘 畅 通讯员 皖医宣 报道　记者近日…
_REPORTED_RE = re.compile(
    rf"^(?P<said>(?:[{CJK_CHARS}]{{0,6}}(?:记者|通讯员|实习生))[ \t\u3000]*[{CJK_CHARS}·][{CJK_CHARS}· \t\u3000]{{1,30}}?"
    rf"[ \t\u3000]*报道)[ \t\u3000：:]+(?=\S)"
)


def _reported_by(text: str) -> LeadTag | None:
    m = _REPORTED_RE.match(text)
    if m is None or not _read(m.group("said")[:-2]).authors:
        return None
    return LeadTag("", m.group("said"), m.end(), m.end())


@dataclass(frozen=True)
class LeadTag:
    """A wire tag at the start of a lead: ``本报讯 (记者 某某)``."""

    source: str
    byline: str  # text inside the parentheses, or ``记者某某报道`` ("" when none)
    tag_end: int  # end of the tag and its byline in the line
    body_start: int  # where the lead's own text starts in the line
    headline_end: int = 0  # an inline headline ``【…】`` before the tag ends here (0: none)


def match_lead(text: str) -> LeadTag | None:
    """The wire tag opening ``text``, if any, with the byline printed in its parentheses; or a
    byline ending in 报道 that opens the lead by itself (``记者 某某 通讯员 某某 报道　…``)."""
    reported = "报道" in text[:40]
    if "讯" not in text and "电" not in text:  # every wire tag ends in 讯 or 电
        return _reported_by(text) if reported else None
    m = _LEAD_RE.match(text)
    if not m:
        return _reported_by(text) if reported else None
    inner = (m.group("inner") or m.group("said") or "").strip()
    if inner and not _read(inner).authors:
        return None
    if m.group("said") is not None:
        tag_end = m.end("said") + 1  # the colon after 记者某某报道
    elif m.group("inner") is not None:
        tag_end = m.end("inner") + 1
    else:
        tag_end = m.end("bsource") + 1 if m.group("bsource") else m.end("source")
    if m.end() >= len(text):
        return None
    source = m.group("bsource") or m.group("source")
    headline_end = m.end("headline") if m.group("headline") else 0
    body_start = m.end()
    if not inner:  # 本报讯 记者 梁 浩 通讯员 粤体宣 3月9日晚…: a byline with no brackets
        inner, tag_end = _open_byline(text, body_start) or ("", tag_end)
        body_start = max(body_start, tag_end)
    return LeadTag(source, inner, tag_end, body_start, headline_end)


def _open_byline(text: str, at: int) -> tuple[str, int] | None:
    """A byline printed without brackets after a wire tag, from ``at``: role words and names
    separated by spaces (记者 梁 浩 通讯员 粤体宣, 记者何嘉欣) up to the first word that is
    neither (a date, a longer word); ``(byline, where the lead's text starts)`` or None."""
    m = _OPEN_BYLINE_RE.match(text, at)
    if m is None:
        return None
    tokens = list(_TOKEN_RE.finditer(text, at, m.end()))
    end = at
    for tok in tokens:
        word = tok.group()
        role_first = any(word.startswith(r) for r, _ in _ROLE_WORDS)
        if not (role_first or _NAME_TOKEN_RE.fullmatch(word)):
            break
        end = tok.end()
    byline = text[at:end].strip()
    reading = _read(byline) if byline else None
    if reading is None or not reading.authors or not reading.has_role or end >= len(text):
        return None
    while end < len(text) and text[end] in " \t\u3000":
        end += 1
    return byline, end


# An unbracketed byline starts with a role word right after the tag.
_OPEN_BYLINE_RE = re.compile(r"[ \t\u3000]*(?:本报|特约|实习|见习|首席)?(?:记者|通讯员|实习生)[^\n]{0,40}")
_TOKEN_RE = re.compile(r"[^ \t\u3000]+")
_NAME_TOKEN_RE = re.compile(rf"[{CJK_CHARS}·]{{1,3}}")
