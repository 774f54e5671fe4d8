"""Features of page lines for the learned line-role model (a CRF over the lines of a page).

Owns: ``FEATURE_VERSION`` and ``page_features`` (``PageEvidence`` -> one list of
feature strings per line).  The features are the *shape* of a line and of its
neighbours, never its words: ``#`` marks, length bucket, clause punctuation, how it
ends, byline / wire-tag / credit / continuation / image patterns, the bullet or
bracket it starts with, a numbered-heading form, position on the page, blank lines
around it, whether the text after a heading carries on the wording of the text
before it, whether its mark/length pattern repeats on the page (sub-heads of one
article look alike), and compact shape classes of the lines two above and two below.

Pure and linear in the page: every neighbour window is bounded (see
``desktop.pipeline.evidence``).
"""

from __future__ import annotations

import re
from collections import Counter

from desktop.pipeline.evidence import (
    PageEvidence,
    bigram_codes,
    containment,
    share,
    word_bigram_codes,
    word_bigrams,
)
from desktop.pipeline.lines import strip_marks
from desktop.pipeline.roles import late_title_overlap

FEATURE_VERSION = 5
CLASS_FEATURE = 1  # index of the ``c=<line class>`` feature in a line's list

_NUMBERED_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、．.](?!\d))")
_LABEL_RE = re.compile(r"^[【〖\[「][^】〗\]」]{1,12}[】〗\]」]$")
_INLINE_HEAD_RE = re.compile(r"^【[^】]{2,40}】")
_TABLE_RE = re.compile(r"\S[ \t\u3000]{2,}\S.*\S[ \t\u3000]{2,}\S")
_COLON_END = ("：", ":")
_BULLET_START = "■□◆◇●○▶►◎▲△▼★☆"
_SUBJECT_CHARS = 120


def _length_bucket(n: int) -> str:
    if n < len(_LENGTH_BUCKETS):
        return _LENGTH_BUCKETS[n]
    return _bucket_of(n)


def _bucket_of(n: int) -> str:
    for limit, name in ((4, "4"), (8, "8"), (15, "15"), (25, "25"), (40, "40"), (80, "80"), (160, "160")):
        if n <= limit:
            return name
    return "more"


_LENGTH_BUCKETS = tuple(_bucket_of(i) for i in range(161))


def _bucket(x: float, edges: tuple[float, ...]) -> str:
    for i, e in enumerate(edges):
        if x < e:
            return str(i)
    return str(len(edges))


def class_group(cls: str) -> str:
    """The coarse group of a line class (all headings, all paragraphs, all bylines): roles are
    listed per group, so a role seen with one mark level is open to the others."""
    if cls[0] == "h":
        return "heading"
    if cls.startswith("body"):
        return "body"
    if cls in ("box", "byline"):
        return "byline"
    return cls


def line_class(ev: PageEvidence, k: int) -> str:
    """A compact shape class of line ``k``: what a neighbour looks like at a glance."""
    s = ev.shapes[k]
    if s.noise:
        return "noise"
    if s.image:
        return "image"
    if s.note:
        return "note_" + s.note[0]
    if s.lead:
        return "lead"
    if s.box:
        return "box"
    if s.byline or s.names:
        return "byline"
    if s.credit:
        return "credit"
    if s.headingish:
        return f"h{min(s.level, 3)}" + ("d" if s.dash else "")
    if s.byline_at:
        return "body_by"
    return "body_end" if s.ends else "body_open"


def page_features(ev: PageEvidence) -> list[list[str]]:
    """The feature strings of every line of the page."""
    n = len(ev.lines)
    shapes = ev.shapes
    classes = [line_class(ev, k) for k in range(n)]
    # How often a heading's mark + length pattern occurs on the page (look-alike sub-heads).
    patterns = [(s.level, _length_bucket(s.length), s.separators > 0) if s.headingish else None for s in shapes]
    pattern_count = Counter(p for p in patterns if p is not None)
    marked = sum(1 for s in shapes if s.headingish and s.level)
    page = [f"page_bylined={ev.bylined_page}", f"page_blanks={ev.uses_blank_lines}", f"page_marked={marked > 0}"]
    padded = ["none", "none", *classes, "none", "none"]  # padded[k + 2] is line k's class
    levels = [_LEVELS[min(s.level, 4)] for s in shapes]
    out: list[list[str]] = []
    memo: dict = {}  # the last text windows read for a heading-like line
    for k in range(n):
        s = shapes[k]
        cls = classes[k]
        c_prev, c_next = padded[k + 1], padded[k + 3]
        f = _own_features(ev, k, cls, patterns, pattern_count)
        f.extend(page)
        prev_ends = "True" if ev.prev_ends(k) else "False"
        lvl = levels[k]
        f += (
            "prev_ends=" + prev_ends,
            "c_prev_ends=" + cls + "|" + prev_ends,
            "c-2=" + padded[k],
            "c-1=" + c_prev,
            "c+1=" + c_next,
            "c+2=" + padded[k + 4],
            "c-1|c=" + c_prev + "|" + cls,
            "c+1|c=" + c_next + "|" + cls,
            "c-1|c|c+1=" + c_prev + "|" + cls + "|" + c_next,
        )
        if k > 0:
            f.append("lvl-1|lvl=" + levels[k - 1] + "|" + lvl)
        if k + 1 < n:
            f.append("lvl+1|lvl=" + levels[k + 1] + "|" + lvl)
        if s.headingish or (s.credit and not s.ends):
            f.extend(_context_features(ev, k, cls, classes, memo))
        elif s.lead_shape:
            before_text = ev.window_before(k)
            if before_text:  # a lead that shares little wording with the text above may open new news
                new = containment(ev.lines[k].text[:_SUBJECT_CHARS], before_text)
                f.append("lead_new=" + _bucket(new, (0.15,)))
        out.append(f)
    return out


_LEVELS = ("0", "1", "2", "3", "4")
_BLANKS = ("0", "1", "2", "3")


def _own_features(
    ev: PageEvidence, k: int, cls: str, patterns: list[tuple[int, str, bool] | None], pattern_count: Counter
) -> list[str]:
    """The features of line ``k`` itself: its class, marks, length, flags, position."""
    s = ev.shapes[k]
    line = ev.lines[k]
    n = len(ev.lines)
    text = line.text
    length = _length_bucket(s.length)
    level = s.level
    lvl = _LEVELS[level if level < 4 else 4]
    f = ["bias", "c=" + cls, "lvl=" + lvl, "len=" + length, "c_len=" + cls + "|" + length]
    # (CLASS_FEATURE is the index of "c=" above.)
    if s.dash:
        f.append("dash")
    if s.ends:
        f.append("ends")
    if s.lead_shape:
        f.append("lead_shape")
    if s.credit:
        f.append("credit")
    if s.lone_name:
        f.append("lone_name")
    if s.names:
        f.append("names")
    if s.byline:
        f.append("byline")
    if s.box:
        f.append("box")
    lead = s.lead
    if lead is not None:
        f.append("lead")
        if lead.byline:
            f.append("lead_by")
        if lead.headline_end:
            f.append("lead_hl")
    if s.note_at:
        f.append("note_at")
    if s.byline_at:
        f.append("byline_at")
    if ev.parallel[k]:
        f.append("parallel")
    if (s.box or lead or s.byline or s.names) and ev.is_top_byline(k):
        f.append("top_byline")
    if ev.is_top_byline_run_start(k):
        f.append("first_after_byline")
    if s.headingish:
        core = strip_marks(text)
        count = pattern_count[patterns[k]]
        seps = s.separators
        f += (
            "sep=" + str(min(seps, 3)),
            "lvl_sep=" + lvl + "|" + str(min(seps, 2)),
            "pattern_repeats=" + str(min(count, 4)),
            "lvl_repeats=" + lvl + "|" + str(min(count, 3)),
        )
        if _LABEL_RE.match(core):
            f.append("label")
        if _NUMBERED_RE.match(core):
            f.append("numbered")
        if " ——" in text or "\u3000——" in text:
            f.append("inline_dash")
        if core.endswith(("？", "?", "！", "!")):
            f.append("ends_qmark")
        if text.endswith(_COLON_END):
            f.append("ends_colon")
    else:
        clauses = text.count("，") + text.count(",") + text.count("；") + text.count(";") + text.count("。")
        f.append(_CLAUSES[clauses if clauses < 4 else 4])
    first = text[:1]
    if first in _BULLET_START:
        f.append("bullet")
        if k > 0 and ev.lines[k - 1].text[:1] == first:
            f.append("bullet_run")  # the next item of a run of bulleted items (a brief column)
    elif first in "【〖[":
        f.append("bracket_start")
        if _INLINE_HEAD_RE.match(text):
            f.append("inline_head")
    elif first in "（(":
        f.append("paren_start")
        if text.endswith(("）", ")")):
            f.append("bracketed")
    # (_TABLE_RE needs at least four space characters.)
    if s.length < 120 and text.count(" ") + text.count("\u3000") + text.count("\t") >= 4 and _TABLE_RE.search(text):
        f.append("table_row")
    blanks = line.blank_before
    f.append(_BLANK_BEFORE[blanks if blanks < 3 else 3])
    if k + 1 < n:
        blanks = ev.lines[k + 1].blank_before
        f.append(_BLANK_AFTER[blanks if blanks < 3 else 3])
    else:
        f.append("blank_after=3")
        f.append("last_line")
    return f


_CLAUSES = tuple(f"clauses={i}" for i in range(5))
_BLANK_BEFORE = tuple("blank_before=" + b for b in _BLANKS)
_BLANK_AFTER = tuple("blank_after=" + b for b in _BLANKS)


def _context_features(ev: PageEvidence, k: int, cls: str, classes: list[str], memo: dict) -> list[str]:
    """What surrounds a heading-like line: what follows it, and whether the text after it
    carries on the subject of the text before it.  ``memo`` (one per page) keeps the last text
    windows read, by line indices: the lines of a headline block share their windows."""
    f: list[str] = []
    after = ev.next_after_headings(k)
    if after is None:
        f.append("after=end")
    else:
        f.append("after=" + classes[after])
        f.append("c|after=" + cls + "|" + classes[after])
        f.append(f"headings_between={min(after - k - 1, 3)}")
    # The subject of each side is read from its nearest _SUBJECT_CHARS characters.
    before_key = ev.lines_before(k, _SUBJECT_CHARS)
    if memo.get("before_key") != before_key:
        memo["before_key"], memo["before"], memo["before_codes"] = before_key, _before_text(ev, before_key), None
    before_text = memo["before"]
    after_key = ev.lines_after(k)
    if memo.get("after_key") != after_key:
        memo["after_key"], memo["after"], memo["after_codes"] = after_key, _after_text(ev, after_key), None
    after_text = memo["after"]
    if before_text and after_text:
        # The share of the after text's word bigrams found in the text before (as codes).
        if memo["before_codes"] is None:
            memo["before_codes"] = bigram_codes(before_text)
        if memo["after_codes"] is None:
            memo["after_codes"] = word_bigram_codes(after_text)
        carry = _bucket(share(memo["after_codes"], memo["before_codes"]), (0.08, 0.15, 0.3))
        f.append("carry=" + carry)
        f.append("c_carry=" + cls + "|" + carry)
    elif not before_text:
        f.append("carry=nothing_before")
    # The share of the line's own bigrams found before and after it (``containment``).
    grams = word_bigrams(ev.lines[k].text)
    before_overlap = sum(1 for g in grams if g in before_text) / len(grams) if grams else 0.0
    after_overlap = sum(1 for g in grams if g in after_text) / len(grams) if grams else 0.0
    if before_text:
        f.append("overlap_before=" + _bucket(before_overlap, (0.1, 0.3, 0.6)))
    if after_text:
        f.append("overlap_after=" + _bucket(after_overlap, (0.1, 0.3, 0.6)))
    if ev.shapes[k].headingish:
        late = late_title_overlap(ev, k, before_text, after_text, (before_overlap, after_overlap))
        if late is not None:
            f.append("late_title=" + _bucket(late, (0.2, 0.5)))
    return f


def _before_text(ev: PageEvidence, indices: list[int]) -> str:
    """The text before a line (its lines nearest first in ``indices``)."""
    lines = ev.lines
    if len(indices) == 1:  # most often: the tail of one paragraph
        return lines[indices[0]].text[-_SUBJECT_CHARS:]
    return "".join([lines[j].text[-_SUBJECT_CHARS:] for j in reversed(indices)])[-_SUBJECT_CHARS:]


def _after_text(ev: PageEvidence, indices: list[int]) -> str:
    """The text after a line (its lines in ``indices``)."""
    text = ""
    for j in indices:
        text += ev.lines[j].text[:_SUBJECT_CHARS]
        if len(text) >= _SUBJECT_CHARS:
            break
    return text[:_SUBJECT_CHARS]
