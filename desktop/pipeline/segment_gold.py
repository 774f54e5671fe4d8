"""Line roles read off a gold file: what the segmenter's line-role model is trained on.

Owns: ``DevPage`` (a page's lines with the gold role of each and the page group it
belongs to), ``gold_line_roles`` (page text + its gold article records -> the
role of every non-blank line, in the vocabulary of ``desktop.pipeline.roles``)
and ``load_dev_pages`` (a folder of pages with ``*.jsonl`` gold, the format of
``tests/data/gold/seeds_gold.jsonl``, -> ``DevPage`` list).

The gold says which text went into which field of which article; this module
finds the page line each field came from.  Texts are compared without
whitespace and ``#`` marks (the gold removes OCR spaces, marks and brackets), body
lines are matched in page order against the article's body, so a line is body
only where the body really continues.  A line that holds a wire tag and the start of
the lead is ``lead``; body text closed by a continuation note or a bracketed byline is
``note_to``/``end_byline``; a headline line printed after its own body is
``title_after``; lines of no article are ``banner`` (a heading above a headline),
``image`` or ``noise``.  The first body line of an article that has nothing above it
gets ``new_body`` when it follows an open article (``body`` would continue that one).

Pure: no Qt, no SQL; reads files only in ``load_dev_pages``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.pipeline.decode import NEW, START, step
from desktop.pipeline.evidence import IMAGE_RE, NOTE_RE, PageEvidence
from desktop.pipeline.lines import Line, is_heading_shaped, split_lines
from desktop.pipeline.roles import (
    BANNER,
    BODY,
    BYLINE,
    CAPTION,
    END_BYLINE,
    HEAD,
    IMAGE,
    LEAD,
    NEW_BODY,
    NOISE,
    NOTE_FROM,
    NOTE_TO,
    SUBHEAD,
    TITLE_AFTER,
)

_SPACE_RE = re.compile(r"\s+")
_HEAD_JUNK_RE = re.compile(r"^(?:#{1,6}|[■□◆◇●○▶►◎▲△▼]|[—－\-]{2,}|【|〖)+|[】〗]$")
_BRACKETS = "（）()【】〔〕[]［］"
_NOTE_WORDS = ("上接", "接上", "下转", "转下", "转至")
LOOKAHEAD_ARTICLES = 3  # a line may belong to the current article or one of the next few


def norm(text: str) -> str:
    """Comparison form: NFKC, no whitespace, no leading ``#``."""
    return _SPACE_RE.sub("", unicodedata.normalize("NFKC", text)).lstrip("#")


def head_norm(text: str) -> str:
    """Comparison form of a heading: also without bullets, dashes and 【】."""
    text = norm(text)
    prev = None
    while prev != text:
        prev, text = text, _HEAD_JUNK_RE.sub("", text)
    return text


def _byline_norm(text: str) -> str:
    text = norm(text).lstrip("□■◆◇●○◎")
    return text.strip(_BRACKETS)


@dataclass
class DevPage:
    """A development page: its text, lines, gold records and the gold role of each line."""

    name: str
    group: str  # pages of one paper share a group (leave-one-group-out)
    text: str
    lines: list[Line]
    roles: list[str]
    gold: list[dict[str, Any]]


@dataclass
class _Art:
    index: int
    heads: list[str]  # normalised kicker/title/subtitle (non-empty)
    title: str
    misplaced: bool
    byline: str
    source: str
    captions: list[str]
    sections: list[str]
    body: str  # normalised body, paragraphs joined
    cursor: int = 0  # the first body character not matched yet
    seen: bool = False
    covered: bytearray | None = None  # body characters matched (the gold may reorder columns)

    def cover(self, start: int, end: int) -> None:
        if self.covered is None:
            self.covered = bytearray(len(self.body))
        self.covered[start:end] = b"\x01" * (end - start)
        while self.cursor < len(self.body) and self.covered[self.cursor]:
            self.cursor += 1

    @property
    def started(self) -> bool:
        return self.covered is not None


def _article(index: int, rec: Mapping[str, Any]) -> _Art:
    heads = [head_norm(rec.get(k, "") or "") for k in ("kicker", "title", "subtitle")]
    return _Art(
        index=index,
        heads=[h for h in heads if h],
        title=head_norm(rec.get("title", "") or ""),
        misplaced="title_misplaced" in (rec.get("flags") or []),
        byline=_byline_norm(rec.get("byline", "") or ""),
        source=norm(rec.get("source", "") or ""),
        captions=[norm(c) for c in rec.get("captions", []) or [] if norm(c)],
        sections=[head_norm(s) for s in rec.get("sections", []) or []],
        body=norm((rec.get("body", "") or "").replace("\n", "")),
    )


def _is_heading_of(line: str, art: _Art) -> bool:
    h = head_norm(line)
    if not h:
        return False
    if h in art.heads:
        return True
    joined = "".join(art.heads)
    if "—" in h and h.replace("—", "") == joined.replace("—", ""):  # 'title ——subtitle' on one line
        return True
    # A heading wrapped over lines.
    return len(h) >= 2 and h in joined and (joined.startswith(h) or joined.endswith(h) or len(h) >= 4)


def _body_match(line: str, art: _Art) -> tuple[int, int, int] | None:
    """``(prefix, suffix, body position)``: ``line`` less ``prefix`` leading and ``suffix``
    trailing characters is the body of ``art`` at that position."""
    if art.cursor >= len(art.body):
        return None
    rest = art.body
    n = len(line)
    if rest.startswith(line, art.cursor):
        return 0, 0, art.cursor
    first = not art.started
    # A wire tag (or an inline headline) before the first body line of an article.
    prefixes = [k for k in range(1, min(n - 1, 60)) if first and _is_tag(line[:k], art)]
    for k in prefixes:
        if rest.startswith(line[k:], art.cursor):
            return k, 0, art.cursor
    # Body, then a continuation note or a bracketed byline closing the line.
    for k in [0, *prefixes]:
        for s in range(1, min(n - k - 3, 60)):
            if rest.startswith(line[k : n - s], art.cursor) and _is_closing(line[n - s :], art):
                return k, s, art.cursor
    # A column the gold reads in another order.
    if n >= 6:
        pos = rest.find(line, art.cursor)
        while pos >= 0 and art.covered is not None and any(art.covered[pos : pos + n]):
            pos = rest.find(line, pos + 1)
        if pos >= 0:
            return 0, 0, pos
    return None


def _is_tag(prefix: str, art: _Art) -> bool:
    if art.source and art.source in prefix:
        return True
    if art.byline and art.byline in prefix:
        return True
    return bool(head_norm(prefix)) and head_norm(prefix) in art.heads


def _is_closing(suffix: str, art: _Art) -> bool:
    if any(w in suffix for w in _NOTE_WORDS):
        return True
    return bool(art.byline) and _byline_norm(suffix) == art.byline


def _closing_kind(suffix: str) -> str:
    if any(w in suffix for w in _NOTE_WORDS):
        return NOTE_TO
    return END_BYLINE


def gold_line_roles(text: str, records: Sequence[Mapping[str, Any]]) -> list[str]:
    """The gold role of every non-blank line of ``text`` (see the module docstring)."""
    lines = split_lines(text)
    arts = [_article(i, r) for i, r in enumerate(records)]
    owner: list[int | None] = [None] * len(lines)
    roles: list[str] = [NOISE] * len(lines)
    cur = 0
    for k, ln in enumerate(lines):
        raw = ln.text
        t = norm(raw)
        if IMAGE_RE.match(raw.strip()):
            roles[k] = IMAGE
            continue
        note = NOTE_RE.match(head_norm(raw)) if len(t) <= 24 else None
        if note:
            direction = NOTE_FROM if note.group("dir") in ("上接", "接上", "接") else NOTE_TO
            if direction == NOTE_FROM:
                target = next((a for a in arts[cur:] if not a.seen or a.cursor == 0), None)
            else:
                target = arts[cur] if cur < len(arts) else None
            if target is not None:
                roles[k], owner[k] = direction, target.index
                target.seen = True
                cur = target.index
            continue
        found = False
        for a in arts[cur : cur + LOOKAHEAD_ARTICLES]:
            role = _line_role(t, raw, a)
            if role is None:
                continue
            roles[k], owner[k] = role, a.index
            a.seen = True
            cur = a.index
            found = True
            break
        if not found:
            roles[k] = NOISE
    _page_level(lines, roles, owner)
    _starts(lines, roles, owner)
    return roles


def _line_role(t: str, raw: str, a: _Art) -> str | None:
    started = a.started
    if t and not started and _is_heading_of(raw, a):
        return HEAD
    if t and started and a.misplaced and head_norm(raw) == a.title:
        return TITLE_AFTER
    if a.byline and _byline_norm(raw) == a.byline:
        return END_BYLINE if started else BYLINE
    if started and a.byline and (part := _byline_norm(raw)) and a.byline.endswith(part) and len(part) < len(a.byline):
        # the closing part of a byline printed in two places: 本报讯（通讯员 某甲）… and a last line （某乙）
        return END_BYLINE
    h = head_norm(raw)
    if h and h in a.sections and started:
        sec = norm(raw)
        if a.body.startswith(sec, a.cursor):  # sub-heads are body paragraphs in the gold
            a.cover(a.cursor, a.cursor + len(sec))
        return SUBHEAD
    if t in a.captions or h in [head_norm(c) for c in a.captions]:
        return CAPTION
    m = _body_match(t, a)
    if m is not None:
        prefix, suffix, pos = m
        a.cover(pos, pos + len(t) - prefix - suffix)
        if suffix and started:
            return _closing_kind(t[len(t) - suffix :])
        return LEAD if prefix else BODY
    return None


def _page_level(lines: Sequence[Line], roles: list[str], owner: list[int | None]) -> None:
    """Lines of no article: a heading right above a headline is a banner, the rest noise."""
    for k in range(len(lines) - 1, -1, -1):
        if owner[k] is not None or roles[k] == IMAGE:
            continue
        nxt = next((j for j in range(k + 1, len(lines)) if roles[j] != IMAGE), None)
        if (
            nxt is not None
            and roles[nxt] in (HEAD, BANNER)
            and is_heading_shaped(lines[k].text)
            and (roles[k - 1] not in (HEAD,) if k > 0 else True)
        ):
            roles[k] = BANNER


def _starts(lines: Sequence[Line], roles: list[str], owner: list[int | None]) -> None:
    """``new_body`` where a plain body line must start its article, and a consistency pass:
    roles the decoder cannot take in that order fall back to the nearest legal one."""
    ev = PageEvidence(lines)
    ctx = START
    prev_owner: int | None = None
    for k in range(len(lines)):
        role = roles[k]
        starts_here = owner[k] is not None and owner[k] != prev_owner and prev_owner is not None
        if role == BODY and starts_here:
            moved = step(ctx, BODY, ev, k)
            if moved is None or moved[2] != NEW:
                roles[k] = role = NEW_BODY
        moved = step(ctx, role, ev, k)
        if moved is None:
            for alt in (NOISE, BODY):
                moved = step(ctx, alt, ev, k)
                if moved is not None:
                    roles[k] = alt
                    break
        if moved is not None:
            ctx = moved[1]
        if owner[k] is not None:
            prev_owner = owner[k]


def page_group(name: str) -> str:
    """Pages of one paper form a group: the four seed pages are one paper, every other
    development page is its own."""
    return "seeds" if re.match(r"^\d{3}_[0-9a-f]{16}\.txt$", name) else Path(name).stem


def load_dev_pages(folder: str | Path, seeds_dir: str | Path | None = None) -> list[DevPage]:
    """Every page with gold in ``folder`` (gold ``*.jsonl``; pages beside it or in ``seeds_dir``)."""
    from desktop.pipeline.evaluate import _load_gold_path, _page_file

    gold, page_dirs = _load_gold_path(Path(folder))
    by_page: dict[str, list[dict[str, Any]]] = {}
    for rec in gold:
        by_page.setdefault(rec["page"], []).append(rec)
    pages: list[DevPage] = []
    for name, records in by_page.items():
        folders = [*page_dirs.get(name, []), *([Path(seeds_dir)] if seeds_dir else [])]
        raw = _page_file(name, folders).read_text(encoding="utf-8")
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
        lines = split_lines(text)
        pages.append(DevPage(name, page_group(name), text, lines, gold_line_roles(text, records), records))
    return pages
