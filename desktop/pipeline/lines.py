"""Page lines and their shapes: the vocabulary the segmenter reasons with.

Owns: ``Line`` (one non-blank line of the page with its offsets), ``Piece`` (a
part of a line going to one field), ``split_lines``
(page text -> lines, linear in the text length), the markup helpers (``#``
levels, the ``□`` bullet) and the shape predicates: whether a line ends a
sentence, whether it is shaped like a heading (short, no clause punctuation)
and whether it holds any readable character at all.

Pure: no Qt, no SQL.  Nothing here knows any particular newspaper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# CJK ideographs (BMP blocks and the supplementary planes).
CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_RE = re.compile(f"[{CJK_CHARS}]")

# Marks that end a sentence; closing quotes/brackets after them are transparent.
SENTENCE_FINAL = "。！？!?…."
CLOSERS = "”’」』）)】》〉\"'"
# Punctuation that only occurs inside sentences, never in a printed heading.
CLAUSE_PUNCT = "，,；;。"

HEADING_MAX_CHARS = 80
BULLETS = "□■◆◇●○◎"

_MARK_RE = re.compile(r"^(#{1,6})[ \t\u3000]*")
_DASH_RE = re.compile(r"^[—－\-]{2,}\s*")
_WORDISH_RE = re.compile(rf"[0-9A-Za-z{CJK_CHARS}]")


@dataclass(frozen=True)
class Line:
    """A non-blank line of the page: ``text`` is ``page[start:end]`` (stripped)."""

    index: int  # position among the non-blank lines
    start: int
    end: int
    text: str
    blank_before: int  # blank lines between this line and the previous non-blank one


@dataclass(frozen=True)
class Piece:
    """A stretch of the page, ``page[start:end] == text``, that goes into one field."""

    start: int
    end: int
    text: str


def line_piece(line: Line) -> Piece:
    return Piece(line.start, line.end, line.text)


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with their code-point offsets (whitespace stripped)."""
    lines: list[Line] = []
    pos = 0
    blanks = 0
    for raw in text.split("\n"):
        stripped_left = raw.lstrip()
        if stripped_left:
            content = stripped_left.rstrip()
            start = pos + (len(raw) - len(stripped_left))
            lines.append(Line(len(lines), start, start + len(content), content, blanks))
            blanks = 0
        else:
            blanks += 1
        pos += len(raw) + 1
    return lines


def mark_level(text: str) -> int:
    """Number of leading ``#`` marks (0 when the line is not marked)."""
    if text[:1] != "#":
        return 0
    m = _MARK_RE.match(text)
    return len(m.group(1)) if m else 0


# A line starting with none of these has no mark, bullet or dash to strip.
_MARK_STARTS = frozenset("#" + BULLETS + "—－-")


def strip_marks(text: str) -> str:
    """The line without its leading ``#`` marks, bullet or ``——`` dash."""
    first = text[:1]
    if first not in _MARK_STARTS and not first.isspace():
        return text.strip()
    text = _MARK_RE.sub("", text, count=1)
    text = text.lstrip(BULLETS).lstrip()
    return _DASH_RE.sub("", text, count=1).strip()


def starts_with_dash(text: str) -> bool:
    if text[:1] not in ("#", "—", "－", "-"):
        return False
    return bool(_DASH_RE.match(_MARK_RE.sub("", text, count=1)))


def has_words(text: str) -> bool:
    """True when the text has at least one letter, digit or CJK character."""
    return bool(_WORDISH_RE.search(text))


def ends_sentence(text: str) -> bool:
    """True when the text ends with sentence-final punctuation (closing quotes ignored)."""
    body = text.rstrip().rstrip(CLOSERS)
    if not body:
        # Nothing but closers: a quotation that closed, which ends the sentence.
        return bool(text.strip())
    return body[-1] in SENTENCE_FINAL


def is_heading_shaped(text: str) -> bool:
    """Short, readable, and free of clause punctuation: a headline, sub-head or caption."""
    return heading_shaped_core(strip_marks(text))


_CLAUSE_RE = re.compile(f"[{re.escape(CLAUSE_PUNCT)}]")


def heading_shaped_core(content: str) -> bool:
    """``is_heading_shaped`` of a line whose marks are already stripped (``strip_marks``)."""
    if not content or len(content) > HEADING_MAX_CHARS or not CJK_RE.search(content):
        return False
    if _CLAUSE_RE.search(content) or not brackets_balanced(content):
        return False
    # A '.' after CJK is an OCR '。': a sentence, not a heading (headings may end in ? or !).
    return not content.rstrip(CLOSERS).endswith(("。", "…", "."))


_PAIRS = {"《": "》", "（": "）", "(": ")", "“": "”", "〈": "〉", "【": "】", "「": "」"}
_CLOSING = {v: k for k, v in _PAIRS.items()}
_OPENER_RE = re.compile(f"[{re.escape(''.join(_PAIRS))}]")


def brackets_balanced(text: str) -> bool:
    """False when a bracket or quote opens and never closes (a sentence cut mid-way)."""
    if not _OPENER_RE.search(text):  # nothing opens: balanced
        return True
    depth: dict[str, int] = {}
    for ch in text:
        if ch in _PAIRS:
            depth[ch] = depth.get(ch, 0) + 1
        elif ch in _CLOSING:
            opener = _CLOSING[ch]
            depth[opener] = max(0, depth.get(opener, 0) - 1)
    return not any(depth.values())


def has_inner_spaces(text: str) -> bool:
    """True when the heading text is several phrases separated by spaces."""
    return len(strip_marks(text).split()) >= 2
