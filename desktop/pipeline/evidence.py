"""What a page line looks like, and what surrounds it: the evidence line roles are scored on.

Owns: ``LineShape`` (one line's own shape: marks, length, punctuation, byline,
wire-tag, continuation-note, image and photo-credit patterns, lead shape) and
``PageEvidence`` (the shapes of every line plus the facts about its neighbours
that the role scorer weighs: what the next lines are, whether the previous text
finished a sentence, how much of its wording it shares with the text before and
after it, whether it belongs to a set of parallel sub-heads, how the page prints
its bylines).

Everything here is about the form of the text, never about particular words of
a paper.  Linear in the page length: each neighbour window is bounded.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from operator import add

from desktop.pipeline.byline import (
    LeadTag,
    box_byline,
    closing_byline,
    end_byline,
    is_lone_name,
    match_lead,
    names_only,
    unbracket,
)
from desktop.pipeline.lines import (
    BULLETS,
    CJK_CHARS,
    CLAUSE_PUNCT,
    CJK_RE,
    Line,
    ends_sentence,
    has_words,
    heading_shaped_core,
    mark_level,
    starts_with_dash,
    strip_marks,
)

# ``（上接第一版）``, ``（紧接第1版）``, ``(下转第3版]``, ``【转第八版〕``: OCR mixes up the brackets.
_OPEN = re.escape("（(【[〔［〖「")
_CLOSE = re.escape("）)】]〕］〗」")
NOTE_RE = re.compile(
    rf"^[{_OPEN}]?\s*(?P<dir>上接|接上|紧接|承接|续接|下转|转下|转至|转|接)\s*(?P<page>第?\s*[0-9０-９一二三四五六七八九十百A-Za-z]{{1,4}}\s*[版页面]"
    rf"(?:[^{_CLOSE}{_OPEN}]{{0,6}})?)\s*[{_CLOSE}]?$"
)
_TAIL_NOTE_RE = re.compile(
    rf"[{_OPEN}]\s*(?:下转|转下|转至|转)\s*(?P<page>第?\s*[0-9０-９一二三四五六七八九十百A-Za-z]{{1,4}}\s*[版页面])\s*[{_CLOSE}]$"
)
_TABLE_ROW_RE = re.compile(r"^[|│┃║].*[|│┃║]$")  # a markdown table row, or a row of a box drawn in lines
IMAGE_RE = re.compile(r"^!\[[^\]]{0,200}\]\([^)]{0,500}\)$|^<img\b[^>]{0,500}>$", re.IGNORECASE)
_PHOTO_CREDIT_RE = re.compile(
    r"^[(（][^()（）]{0,40}(?:图片由|照片由|图片来源|供图|摄影?|提供|资料图)[^()（）]{0,20}[)）]$"
)
# A caption that ends with its credit: ``…交流经验。王某某摄``, ``… （记者 某某 摄）``.
_TRAILING_CREDIT_RE = re.compile(
    rf"(?:^|[。！？.!?）)\s])[(（]?(?:本报|新华社|特约)?(?:记者|通讯员|摄影记者)?\s*"
    rf"[{CJK_CHARS}]{{2,4}}(?:\s+[{CJK_CHARS}]{{2,4}}){{0,2}}\s*(?:摄|摄影|供图|图)[)）]?$"
)
_CREDIT_ENDINGS = ("摄", "影", "图", ")", "）")
_MARKUP_STARTS = frozenset("#!<—－-（(【[〔［" + BULLETS)
_CLAUSE_RE = re.compile(f"[{re.escape(CLAUSE_PUNCT)}]")
# A lead that opens a new piece of news: a calendar day, ``近日，``, ``记者从…获悉``.
_LEAD_SHAPE_RE = re.compile(
    r"^(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:上午|下午|晚间?|凌晨|早上|中午|傍晚|晚上)?\s*[，,]"
    r"|^(?:近日|日前|近期|昨天|昨日|今天|今日|日前)\s*[，,]"
    r"|^记者.{0,20}?(?:获悉|了解到|获得)"
)
_SEPARATOR_RE = re.compile(r"[，,\s\u3000]")
HEADING_MAX_MARKED = 40  # a marked line this short may hold a comma and still be a heading
SHORT_HEADING = 6  # a column name or slogan line, not a headline
WINDOW_LINES = 6
WINDOW_CHARS = 300  # the subject of a stretch of text is read from this many characters
PARALLEL_SPAN = 40  # lines within which look-alike sub-heads are sought


@dataclass(frozen=True)
class LineShape:
    """The shape of one line, from its own text only."""

    level: int  # leading '#' marks
    length: int  # characters without marks
    headingish: bool  # could be a headline, sub-head, banner or caption title
    dash: bool  # starts with —— (a subtitle)
    ends: bool  # ends a sentence
    box: str | None  # □ byline text
    lead: LeadTag | None  # wire tag opening the line
    byline: bool  # a byline of its own line with a role word or a credit
    names: bool  # names only, separated by spaces, no role word
    lone_name: bool
    note: tuple[str, str] | None  # ("from"|"to", page) for a continuation note
    note_at: int  # where the note starts in the line (0: the whole line is the note)
    image: bool
    credit: bool  # a credit line, or a caption that ends in a credit
    lead_shape: bool  # opens like the lead of a piece of news
    noise: bool  # nothing readable
    separators: int  # commas/spaces inside a heading (balanced clauses)
    byline_at: int = 0  # where a bracketed byline closing the paragraph starts (0: none)


_CLOSE_CHARS = frozenset("）)】]〕］〗」")


def _may_end_in_note(text: str) -> bool:
    """False when ``_TAIL_NOTE_RE`` cannot match: the text does not end with a closing bracket."""
    return text[-1:] in _CLOSE_CHARS or text.endswith("\n")


_SHAPE_FIELDS = frozenset(LineShape.__dataclass_fields__)


def _shape(**values: object) -> LineShape:
    """``LineShape(**values)`` when every field is given, without the frozen dataclass's
    ``__init__`` (one ``object.__setattr__`` a field: a sixth of the evidence time)."""
    if values.keys() != _SHAPE_FIELDS:
        return LineShape(**values)  # type: ignore[arg-type]
    shape = object.__new__(LineShape)
    object.__setattr__(shape, "__dict__", values)
    return shape


CREDITED_CAPTION_MAX = 160
LONG_LINE = 80  # longer than any heading, byline or note


def _long_shape(text: str) -> LineShape:
    """The shape of an unmarked line that is long or holds clause punctuation: a paragraph
    (maybe closed by a continuation note), a lead with its wire tag, or a credited caption."""
    m = _TAIL_NOTE_RE.search(text, len(text) - 24) if _may_end_in_note(text) else None
    tail = (("to", re.sub(r"\s+", "", m.group("page"))), m.start()) if m else (None, 0)
    return _shape(
        level=0, length=len(text), headingish=False, dash=False, ends=ends_sentence(text), box=None,
        lead=match_lead(text), byline=False, names=False, lone_name=False, note=tail[0], note_at=tail[1], image=False,
        credit=len(text) <= CREDITED_CAPTION_MAX and text.endswith(_CREDIT_ENDINGS) and bool(_TRAILING_CREDIT_RE.search(text)),
        lead_shape=bool(_LEAD_SHAPE_RE.match(text[:60].replace(" ", ""))),
        noise=not has_words(text), separators=0, byline_at=0 if m else closing_byline(text),
    )  # fmt: skip


def shape_of(text: str) -> LineShape:
    if text[0] not in _MARKUP_STARTS and (len(text) > LONG_LINE or _CLAUSE_RE.search(text)):
        return _long_shape(text)  # a sentence: no heading, byline or note of its own
    core = strip_marks(text)
    level = mark_level(text)
    noise = not has_words(text) or bool(_TABLE_ROW_RE.match(text))  # a markdown table row is no text
    image = bool(IMAGE_RE.match(text))
    note_m = NOTE_RE.match(core) if len(core) <= 24 else None
    note = None
    if note_m:
        direction = "from" if note_m.group("dir") in ("上接", "接上", "紧接", "承接", "续接", "接") else "to"
        note = (direction, re.sub(r"\s+", "", note_m.group("page")))
    note_at = 0
    if note is None and len(core) > 8:
        tail = _TAIL_NOTE_RE.search(text) if _may_end_in_note(text) else None
        if tail:  # '…停车泊位，（下转A05版）': the note closes the paragraph
            note, note_at = ("to", re.sub(r"\s+", "", tail.group("page"))), tail.start()
    box = box_byline(text)
    lead = match_lead(text) if box is None else None
    plain_heading = heading_shaped_core(core)  # is_heading_shaped(text)
    marked_heading = (
        level > 0 and 0 < len(core) <= HEADING_MAX_MARKED and bool(CJK_RE.search(core)) and not ends_sentence(core)
    )
    inner = unbracket(text)  # '（某某）' closing an article is its byline; '（某某 摄）' is a photo credit
    if inner != text and inner.endswith(("摄", "摄影", "供图")):
        inner = text
    byline = box is None and lead is None and note is None and (end_byline(text) or (inner != text and end_byline(inner)))
    names = not byline and note is None and (names_only(inner) or (inner != text and is_lone_name(inner)))
    headingish = (
        not (noise or image or note or box or lead or byline or names) and (plain_heading or marked_heading)
    )
    credit = core.endswith(_CREDIT_ENDINGS) and (
        bool(_PHOTO_CREDIT_RE.match(text)) or (len(core) <= CREDITED_CAPTION_MAX and bool(_TRAILING_CREDIT_RE.search(core)))
    )
    compact = core[:60].replace(" ", "")
    return _shape(
        level=level,
        length=len(core),
        headingish=headingish,
        dash=starts_with_dash(text),
        ends=ends_sentence(text),
        box=box,
        lead=lead,
        byline=byline,
        names=names,
        lone_name=is_lone_name(text),
        note=note,
        note_at=note_at,
        image=image,
        credit=credit and not byline,
        lead_shape=bool(_LEAD_SHAPE_RE.match(compact)),
        noise=noise,
        separators=len(_SEPARATOR_RE.findall(core)) if headingish else 0,
        # a bulleted news item closed by its credit ('●…投入使用。（通讯员 某某）'), as a paragraph
        byline_at=closing_byline(text) if not (headingish or byline or box or note) and len(core) > 8 else 0,
    )


_NOT_WORD_RE = re.compile(r"[\W_]+")


def containment(part: str, whole: str) -> float:
    """Share of ``part``'s character bigrams (letters, digits, CJK) that occur in ``whole``.

    ``part`` is short (a heading, the opening of a paragraph); the bigrams are looked
    up in ``whole`` by substring search, so a long ``whole`` costs little.
    """
    grams = word_bigrams(part)
    if not grams:
        return 0.0
    return sum(1 for g in grams if g in whole) / len(grams)


def word_bigrams(part: str) -> set[str]:
    """The character bigrams of ``part`` once punctuation and spaces are dropped."""
    p = _NOT_WORD_RE.sub("", part)
    return set(map(add, p, p[1:]))


def bigram_codes(whole: str) -> set[int]:
    """Every two-character substring of ``whole``, each as one number (its two UTF-32 code
    units read as one 64-bit integer, a one-to-one code): built in C, twice as fast as a set
    of strings.  Pairs at even offsets, then at odd ones."""
    n = len(whole)
    codes = set(array("Q", whole[: n - (n & 1)].encode("utf-32-le", "surrogatepass")))
    if n > 2:
        codes.update(array("Q", whole[1 : n - (~n & 1)].encode("utf-32-le", "surrogatepass")))
    return codes


def word_bigram_codes(part: str) -> set[int]:
    """``word_bigrams`` of ``part`` coded as ``bigram_codes``."""
    return bigram_codes(_NOT_WORD_RE.sub("", part))


def share(grams: set, whole: set) -> float:
    """``containment`` from bigram sets (or code sets): the share of ``grams`` found in ``whole``."""
    return len(grams & whole) / len(grams) if grams else 0.0


class PageEvidence:
    """The shapes of a page's lines and the neighbour facts the scorer uses."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.shapes = [shape_of(ln.text) for ln in lines]
        n = len(lines)
        self._bodyish = [self._is_bodyish(k) for k in range(n)]
        self.parallel = self._parallel_sets()
        self._first_heading = self._first_headings_after_bylines()
        tops = sum(1 for k in range(n) if self.is_top_byline(k))
        self.bylined_page = tops >= 2  # this paper prints its bylines above the body
        # Whether lines printed without a blank line between them say anything on this page.
        self.uses_blank_lines = sum(1 for ln in lines if ln.blank_before > 0) * 4 >= n

    # ------------------------------------------------------------------ line classes

    def _is_bodyish(self, k: int) -> bool:
        s = self.shapes[k]
        return not (
            s.headingish or s.noise or s.image or s.note or s.box or s.lead or s.byline or s.names or s.credit
        )

    def is_bylineish(self, k: int) -> bool:
        s = self.shapes[k]
        return bool(s.box or s.byline or s.names or s.lead)

    def is_top_byline(self, k: int) -> bool:
        """A byline printed between a headline and its body."""
        s = self.shapes[k]
        if s.box or (s.lead and s.lead.byline):
            return True
        if not (s.byline or s.names):
            return False
        return k > 0 and self.shapes[k - 1].headingish and k + 1 < len(self.lines) and self._bodyish[k + 1]

    # ------------------------------------------------------------------ neighbours

    def next_index(self, k: int) -> int | None:
        return k + 1 if k + 1 < len(self.lines) else None

    def next_after_headings(self, k: int) -> int | None:
        """The first line after ``k`` that is not heading-shaped (None at the page end)."""
        j = k + 1
        while j < len(self.lines) and j <= k + 8 and self.shapes[j].headingish and not self.shapes[j].lone_name:
            j += 1
        return j if j < len(self.lines) else None

    def prev_ends(self, k: int) -> bool:
        """True when the text before line ``k`` is finished (or is no body at all)."""
        if k == 0:
            return True
        p = self.shapes[k - 1]
        return not self._bodyish[k - 1] or p.ends

    def window_before(self, k: int, chars: int = WINDOW_CHARS, max_lines: int = WINDOW_LINES) -> str:
        """The body text just before line ``k`` (about ``chars``), back to a byline or headline."""
        return "".join(self.lines[j].text[-chars:] for j in reversed(self.lines_before(k, chars, max_lines)))

    def lines_before(self, k: int, chars: int = WINDOW_CHARS, max_lines: int = WINDOW_LINES) -> list[int]:
        """The lines ``window_before`` is made of (nearest first)."""
        out: list[int] = []
        size = 0
        j = k - 1
        stop = max(-1, k - 1 - 2 * max_lines)  # lines looked at, body or not: bounded
        while j > stop and len(out) < max_lines and size < chars:
            s = self.shapes[j]
            if self._bodyish[j] or s.lead:
                out.append(j)
                size += min(chars, len(self.lines[j].text))
            elif s.box or s.byline or s.names or s.note or (s.headingish and s.level in (1, 2)):
                break
            j -= 1
        return out

    def window_after(self, k: int) -> str:
        """The body text just after line ``k`` (at most ``WINDOW_CHARS``)."""
        return "".join(self.lines[j].text[:WINDOW_CHARS] for j in self.lines_after(k))

    def lines_after(self, k: int) -> list[int]:
        """The lines ``window_after`` is made of."""
        out: list[int] = []
        size = 0
        j = k + 1
        stop = min(len(self.lines), k + 1 + 2 * WINDOW_LINES)
        while j < stop and len(out) < WINDOW_LINES and size < WINDOW_CHARS:
            s = self.shapes[j]
            if self._bodyish[j] or s.lead:
                out.append(j)
                size += min(WINDOW_CHARS, len(self.lines[j].text))
            elif out and (s.headingish or self.is_bylineish(j)):
                break
            j += 1
        return out

    def bodyish(self, k: int) -> bool:
        return self._bodyish[k]

    def is_top_byline_run_start(self, k: int) -> bool:
        """True for the first heading after a byline printed above a body (with body between)."""
        return self._first_heading[k]

    def _first_headings_after_bylines(self) -> list[bool]:
        out = [False] * len(self.lines)
        armed = False
        for k, s in enumerate(self.shapes):
            if s.box or s.lead:
                armed = True
            elif s.headingish and armed and k > 0 and self._bodyish[k - 1]:
                out[k] = True
                armed = False
            elif s.headingish and s.level in (1, 2):
                armed = False
        return out

    # ------------------------------------------------------------------ parallel sub-heads

    def _signature(self, k: int) -> tuple[int, int] | None:
        s = self.shapes[k]
        if not s.headingish or s.dash or s.lone_name or s.separators == 0:
            return None
        nxt = k + 1
        if nxt >= len(self.lines) or not self._bodyish[nxt]:
            return None
        return (s.level, s.separators)

    def _parallel_sets(self) -> list[bool]:
        """True for a heading with a twin nearby: same marks and clause pattern, length within 2.

        Sub-heads of one article are printed as a set of look-alike phrases; headlines
        of different articles rarely are.
        """
        out = [False] * len(self.lines)
        last_seen: dict[tuple[int, int], list[int]] = {}
        for k in range(len(self.lines)):
            sig = self._signature(k)
            if sig is None:
                continue
            recent = [j for j in last_seen.get(sig, []) if k - j <= PARALLEL_SPAN]
            for j in recent:
                if abs(self.shapes[j].length - self.shapes[k].length) <= 2:
                    out[j] = out[k] = True
            recent.append(k)
            last_seen[sig] = recent[-8:]
        return out
