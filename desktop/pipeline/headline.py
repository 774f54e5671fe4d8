"""Headline blocks: which heading lines form an article's headline, and its parts.

Owns: ``split_block`` (a run of heading lines -> the lines that belong to the
headline and the leading ones that do not, e.g. a page banner or a title
printed after the previous article), ``headline_parts`` (headline lines ->
kicker/title/subtitle pieces), ``has_inline_subtitle`` and ``join_heading`` (pieces -> the cleaned field
text).

Rules, from the shape of the lines only:
* ``#`` is the title, ``##`` after it the subtitle, plain lines above it the kicker;
  a block of ``##`` lines only is title + subtitle.
* Plain lines printed together (no blank line between them) form one headline;
  one line is the title, two lines are kicker + title, three or more are kicker,
  title, subtitle.
* A line (or the part of a line) starting with ``——`` is a subtitle.
* Plain heading lines set apart by blank lines above the headline proper do not
  belong to it.
* A field's text loses what frames a headline: 【】, ★ ★, an item number ① before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.pipeline.lines import (
    Line,
    Piece,
    brackets_balanced,
    line_piece,
    mark_level,
    starts_with_dash,
    strip_marks,
)
from desktop.pipeline.repair import join_fragments, normalise_spacing

_INLINE_DASH_RE = re.compile(r"[ \t\u3000]+(?=——)")


def _groups(lines: Sequence[Line]) -> list[list[Line]]:
    """Split lines into runs printed together (no blank line between them)."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and line.blank_before == 0:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def split_block(lines: Sequence[Line]) -> tuple[list[Line], list[Line]]:
    """``(leading lines that are not part of the headline, headline lines)``."""
    if not lines:
        return [], []
    levels = [mark_level(ln.text) for ln in lines]
    if 1 in levels:
        first_title = levels.index(1)
        # Plain lines printed right above the ``#`` line are its kicker.
        start = first_title
        while start > 0 and levels[start - 1] == 0 and lines[start].blank_before == 0:
            start -= 1
        return list(lines[:start]), list(lines[start:])
    if any(levels):
        first_marked = next(i for i, lv in enumerate(levels) if lv)
        return list(lines[:first_marked]), list(lines[first_marked:])
    groups = _groups(lines)
    keep = 1
    while keep < len(groups) and all(starts_with_dash(ln.text) for ln in groups[-keep]):
        keep += 1
    proper = [ln for g in groups[-keep:] for ln in g]
    extras = [ln for g in groups[:-keep] for ln in g]
    return extras, proper


def has_inline_subtitle(text: str) -> bool:
    """True for a heading line printed as ``title ——subtitle``."""
    m = _INLINE_DASH_RE.search(text)
    return m is not None and bool(strip_marks(text[: m.start()]))


def _split_inline_subtitle(line: Line) -> list[tuple[str, Piece]]:
    """A heading line ``A ——B`` is title A + subtitle B."""
    m = _INLINE_DASH_RE.search(line.text)
    if not m or not strip_marks(line.text[: m.start()]):
        return [("title", line_piece(line))]
    head = line.text[: m.start()]
    tail = line.text[m.end() :]
    return [
        ("title", Piece(line.start, line.start + len(head), head)),
        ("subtitle", Piece(line.start + m.end(), line.end, tail)),
    ]


def headline_parts(lines: Sequence[Line]) -> list[tuple[str, Piece]]:
    """Role (kicker/title/subtitle) of each piece of the headline lines, in page order."""
    if not lines:
        return []
    levels = [mark_level(ln.text) for ln in lines]
    dashed = [starts_with_dash(ln.text) for ln in lines]
    roles: list[str]
    if 1 in levels:
        first = levels.index(1)
        last = first
        while last + 1 < len(lines) and levels[last + 1] == 1 and not dashed[last + 1]:
            last += 1
        roles = ["kicker"] * first + ["title"] * (last - first + 1) + ["subtitle"] * (len(lines) - last - 1)
    elif any(levels):
        # A title whose quote or bracket stays open goes on over the next line.
        wrapped = 1
        while wrapped < len(lines) and not brackets_balanced("".join(strip_marks(ln.text) for ln in lines[:wrapped])):
            wrapped += 1
        roles = ["title"] * wrapped + ["subtitle"] * (len(lines) - wrapped)
    else:
        plain = [i for i, d in enumerate(dashed) if not d]
        roles = ["subtitle"] * len(lines)
        if len(plain) == 1:
            roles[plain[0]] = "title"
        elif len(plain) == 2:
            roles[plain[0]], roles[plain[1]] = "kicker", "title"
        elif len(plain) >= 3:
            roles[plain[0]], roles[plain[1]] = "kicker", "title"
    out: list[tuple[str, Piece]] = []
    for line, role, dash in zip(lines, roles, dashed):
        if role == "title" and not dash:
            out.extend(_split_inline_subtitle(line))
        else:
            out.append((role, line_piece(line)))
    return out


def join_heading(pieces: Sequence[Piece]) -> str:
    """Field text of heading pieces: marks, dashes, enclosing 【】 or ★ ★ and a leading item
    number (①) removed, wrapped lines joined."""
    return normalise_spacing(join_fragments(_unbox(strip_marks(p.text)) for p in pieces)).strip()


def _unbox(text: str) -> str:
    """``【headline】`` printed in lenticular brackets, ``★ headline ★`` between stars and
    ``①headline`` numbered as an item of a column are the headline alone."""
    text = _ITEM_NUMBER_RE.sub("", text, count=1)
    if len(text) > 2 and text[0] in "【〖" and text[-1] in "】〗" and not any(c in "【〖】〗" for c in text[1:-1]):
        return text[1:-1].strip()
    if len(text) > 2 and text[0] in _STARS and text[-1] == text[0]:
        return text[1:-1].strip()
    return text


# A headline numbered as an item of a column (①自治区启动…, ❷…, ⑴…).
_ITEM_NUMBER_RE = re.compile(r"^[\u2460-\u2473\u2776-\u277f\u2474-\u2487][ \t\u3000]*")
_STARS = frozenset("★☆")
