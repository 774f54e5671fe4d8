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

from desktop.pipeline.evidence import PageEvidence, containment
from desktop.pipeline.lines import strip_marks
from desktop.pipeline.roles import late_title_overlap

FEATURE_VERSION = 3
CLASS_FEATURE = 4  # index of the ``c=<line class>`` feature in a line's list

_NUMBERED_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、．.](?!\d))")
_LABEL_RE = re.compile(r"^[【〖\[「][^】〗\]」]{1,12}[】〗\]」]$")
_INLINE_HEAD_RE = re.compile(r"^【[^】]{2,40}】")
_TABLE_RE = re.compile(r"\S[ \t\u3000]{2,}\S.*\S[ \t\u3000]{2,}\S")
_COLON_END = ("：", ":")
_BULLET_START = "■□◆◇●○▶►◎▲△▼★☆"
_SUBJECT_CHARS = 120


def _length_bucket(n: int) -> str:
    for limit, name in ((4, "4"), (8, "8"), (15, "15"), (25, "25"), (40, "40"), (80, "80"), (160, "160")):
        if n <= limit:
            return name
    return "more"


def _bucket(x: float, edges: tuple[float, ...]) -> str:
    for i, e in enumerate(edges):
        if x < e:
            return str(i)
    return str(len(edges))


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
    classes = [line_class(ev, k) for k in range(n)]
    # How often a heading's mark + length pattern occurs on the page (look-alike sub-heads).
    patterns = [
        (s.level, _length_bucket(s.length), s.separators > 0) if s.headingish else None for s in ev.shapes
    ]
    pattern_count = Counter(p for p in patterns if p is not None)
    marked = Counter(s.level for s in ev.shapes if s.headingish)
    page = [
        f"page_bylined={ev.bylined_page}",
        f"page_blanks={ev.uses_blank_lines}",
        f"page_marked={sum(v for lv, v in marked.items() if lv) > 0}",
    ]
    out: list[list[str]] = []
    for k in range(n):
        out.append(_line_features(ev, k, classes, patterns, pattern_count, page))
    return out


def _line_features(
    ev: PageEvidence,
    k: int,
    classes: list[str],
    patterns: list[tuple[int, str, bool] | None],
    pattern_count: Counter,
    page: list[str],
) -> list[str]:
    s = ev.shapes[k]
    line = ev.lines[k]
    n = len(ev.lines)
    text = line.text
    core = strip_marks(text) if s.headingish else text
    cls = classes[k]
    f = ["bias", *page, f"c={cls}", f"lvl={min(s.level, 4)}", f"len={_length_bucket(s.length)}"]
    f.append(f"c_len={cls}|{_length_bucket(s.length)}")
    flags = (
        ("dash", s.dash), ("ends", s.ends), ("lead_shape", s.lead_shape), ("credit", s.credit),
        ("lone_name", s.lone_name), ("names", s.names), ("byline", s.byline), ("box", bool(s.box)),
        ("lead", s.lead is not None), ("lead_by", bool(s.lead and s.lead.byline)),
        ("lead_hl", bool(s.lead and s.lead.headline_end)), ("note_at", s.note_at > 0),
        ("byline_at", s.byline_at > 0), ("parallel", ev.parallel[k]),
        ("top_byline", ev.is_top_byline(k)), ("first_after_byline", ev.is_top_byline_run_start(k)),
    )  # fmt: skip
    f.extend(name for name, on in flags if on)
    if s.headingish:
        f.append(f"sep={min(s.separators, 3)}")
        f.append(f"lvl_sep={min(s.level, 4)}|{min(s.separators, 2)}")
        count = pattern_count[patterns[k]]
        f.append(f"pattern_repeats={min(count, 4)}")
        f.append(f"lvl_repeats={min(s.level, 4)}|{min(count, 3)}")
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
    first = text[:1]
    if first in _BULLET_START:
        f.append("bullet")
    elif first in "【〖[":
        f.append("bracket_start")
        if _INLINE_HEAD_RE.match(text):
            f.append("inline_head")
    elif first in "（(":
        f.append("paren_start")
        if text.endswith(("）", ")")):
            f.append("bracketed")
    if _TABLE_RE.search(text) and s.length < 120:
        f.append("table_row")
    if not s.headingish:
        clauses = sum(text.count(c) for c in "，,；;。")
        f.append(f"clauses={min(clauses, 4)}")
    # Blank lines and position.
    f.append(f"blank_before={min(line.blank_before, 3)}")
    blank_after = ev.lines[k + 1].blank_before if k + 1 < n else 9
    f.append(f"blank_after={min(blank_after, 3)}")
    if k == 0:
        f.append("first_line")
    if k == n - 1:
        f.append("last_line")
    elif k >= n - 3:
        f.append("near_end")
    if k < 3:
        f.append("near_top")
    prev_ends = ev.prev_ends(k)
    f.append(f"prev_ends={prev_ends}")
    f.append(f"c_prev_ends={cls}|{prev_ends}")
    # Neighbours: shape classes two above and two below, and pairs with this line.
    for off in (-2, -1, 1, 2):
        j = k + off
        c = classes[j] if 0 <= j < n else "none"
        f.append(f"c{off:+d}={c}")
        if off in (-1, 1):
            f.append(f"c{off:+d}|c={c}|{cls}")
            if 0 <= j < n:
                lv = ev.shapes[j].level
                f.append(f"lvl{off:+d}|lvl={min(lv, 4)}|{min(s.level, 4)}")
    f.append(f"c-1|c|c+1={classes[k - 1] if k else 'none'}|{cls}|{classes[k + 1] if k + 1 < n else 'none'}")
    if s.headingish or s.lead_shape or (s.credit and not s.ends):
        f.extend(_context_features(ev, k, cls))
    return f


def _context_features(ev: PageEvidence, k: int, cls: str) -> list[str]:
    """What surrounds a heading-like line: what follows it, and whether the text after it
    carries on the subject of the text before it."""
    f: list[str] = []
    after = ev.next_after_headings(k)
    if after is None:
        f.append("after=end")
    else:
        f.append(f"after={line_class(ev, after)}")
        f.append(f"c|after={cls}|{line_class(ev, after)}")
        f.append(f"headings_between={min(after - k - 1, 3)}")
    before_text = ev.window_before(k)
    after_text = ev.window_after(k)
    text = ev.lines[k].text
    if before_text and after_text:
        carry = containment(after_text[:_SUBJECT_CHARS], before_text)
        f.append(f"carry={_bucket(carry, (0.08, 0.15, 0.3))}")
        f.append(f"c_carry={cls}|{_bucket(carry, (0.08, 0.15, 0.3))}")
    elif not before_text:
        f.append("carry=nothing_before")
    if before_text:
        f.append(f"overlap_before={_bucket(containment(text, before_text), (0.1, 0.3, 0.6))}")
    if after_text:
        f.append(f"overlap_after={_bucket(containment(text, after_text), (0.1, 0.3, 0.6))}")
    if ev.shapes[k].headingish:
        late = late_title_overlap(ev, k, before_text, after_text)
        if late is not None:
            f.append(f"late_title={_bucket(late, (0.2, 0.5))}")
    if ev.shapes[k].lead_shape and before_text:
        f.append(f"lead_new={_bucket(containment(text[:_SUBJECT_CHARS], before_text), (0.15,))}")
    return f
