"""Page segmentation: page text -> articles with their fields (no entity spans).

Owns: ``segment_page`` (the entry point), the line classification (``classify``)
and the reading of the page in one pass (``_PageReader``): where articles start,
which heading lines are headlines, sub-heads, captions or page banners, which
byline closes which article, and the headline printed after its own body.

How an article start is recognised, from the shape of the page only:
* a run of heading lines followed by a byline or a ``本报讯`` lead, marked with
  ``#``/``##``, holding a ``——`` subtitle, or printed as several lines together;
* any heading at the top of the page or after a trailing byline;
* a ``□`` byline or a ``本报讯`` lead after a body (an article without headline);
* a trailing byline (``某某 文/图``) in an article that already has a byline: the
  article it closes started at the first heading line after a finished paragraph.
Every non-blank line goes to exactly one article field or page block, so the
segments and blocks account for every character of the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.pipeline.byline import box_byline, end_byline, is_lone_name, match_lead
from desktop.pipeline.draft import Draft, build_article
from desktop.pipeline.headline import has_inline_subtitle, headline_parts, split_block
from desktop.pipeline.lines import (
    Line,
    Piece,
    ends_sentence,
    has_words,
    is_heading_shaped,
    line_piece,
    mark_level,
    split_lines,
    starts_with_dash,
    strip_marks,
)
from desktop.pipeline.model import PageBlock, PageResult

BODY, MARK, SUB, BOX, LEAD, CREDIT, END_BYLINE, DASH, HEADING, NOISE = (
    "body", "mark", "sub", "box", "lead", "credit", "end_byline", "dash", "heading", "noise",
)  # fmt: skip
HEADLIKE = frozenset({MARK, DASH, HEADING})

_PHOTO_CREDIT_RE = re.compile(
    r"^[(（][^()（）]{0,40}(?:图片由|照片由|图片来源|供图|摄影?|提供)[^()（）]{0,20}[)）]$"
)
# How much of a heading's words a body must share for the heading to belong to it.
MISPLACED_MIN_OVERLAP = 0.3
_FOLLOWING_LINES = 20


def classify(text: str) -> str:
    """The kind of one stripped page line, from its shape alone."""
    level = mark_level(text)
    if level:
        if not has_words(strip_marks(text)):
            return NOISE
        return SUB if level >= 3 else MARK
    if not has_words(text):
        return NOISE
    if box_byline(text) is not None:
        return BOX
    if match_lead(text):
        return LEAD
    if _PHOTO_CREDIT_RE.match(text):
        return CREDIT
    if end_byline(text):
        return END_BYLINE
    if is_heading_shaped(text):
        return DASH if starts_with_dash(text) else HEADING
    return BODY


def _bigrams(text: str) -> set[str]:
    chars = [ch for ch in strip_marks(text) if ch.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:])}


def _overlap(heading: str, text: str) -> float:
    grams = _bigrams(heading)
    if not grams:
        return 0.0
    return len(grams & _bigrams(text)) / len(grams)


class _PageReader:
    """Reads the classified lines of a page once, building drafts and page blocks."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.kinds = [classify(ln.text) for ln in lines]
        self.drafts: list[Draft] = []
        self.blocks: list[PageBlock] = []
        self.cur: Draft | None = None

    def read(self) -> None:
        i, n = 0, len(self.lines)
        while i < n:
            kind = self.kinds[i]
            if kind in HEADLIKE:
                j = i
                while j < n and self.kinds[j] in HEADLIKE:
                    j += 1
                self._heading_run(i, j)
                i = j
                continue
            getattr(self, f"_on_{kind}")(i)
            i += 1

    # ------------------------------------------------------------------ helpers

    def _new_draft(self) -> Draft:
        self.cur = Draft()
        self.drafts.append(self.cur)
        return self.cur

    def _open_draft(self) -> Draft:
        """The current article, or a new one when there is none or it was closed."""
        if self.cur is None or self.cur.closed:
            return self._new_draft()
        return self.cur

    def _block(self, kind: str, line: Line) -> None:
        self.blocks.append(PageBlock(kind, line.text, line.start, line.end))

    def _following_text(self, j: int) -> str:
        parts: list[str] = []
        for k in range(j, min(len(self.lines), j + _FOLLOWING_LINES)):
            if self.kinds[k] in (BODY, LEAD):
                parts.append(self.lines[k].text)
            elif self.kinds[k] in (MARK, BOX) and parts:
                break
        return "".join(parts)

    # ------------------------------------------------------------------ headings

    def _heading_run(self, i: int, j: int) -> None:
        block = list(self.lines[i:j])
        kinds = self.kinds[i:j]
        after = self.kinds[j] if j < len(self.lines) else None
        cur = self.cur
        first = block[0]
        if (
            cur is not None
            and cur.has_body()
            and kinds[0] == HEADING
            and is_lone_name(first.text)
            and (len(block) > 1 or after in (None, BOX, LEAD, SUB))
        ):
            cur.add_byline(line_piece(first), first.text)
            cur.closed = True
            block, kinds = block[1:], kinds[1:]
            if not block:
                return
        firm = (
            cur is None
            or cur.closed
            or after in (BOX, LEAD)
            or any(k in (MARK, DASH) for k in kinds)
            or any(has_inline_subtitle(ln.text) for ln in block)
            or any(ln.blank_before == 0 for ln in block[1:])
        )
        if not firm:
            assert cur is not None
            for line in block:
                cur.add_item("candidate", line_piece(line))
            return
        extras, proper = split_block(block)
        if cur is not None and cur.has_body() and not cur.has_title():
            self._take_misplaced_title(cur, extras, proper, j)
        for line in extras:
            self._block("banner", line)
        if proper:
            self._new_draft().headline = headline_parts(proper)

    def _take_misplaced_title(self, prev: Draft, extras: list[Line], proper: list[Line], j: int) -> None:
        """Give ``prev`` the heading printed after its body, if its words are ``prev``'s."""
        candidates = extras or proper
        if not candidates:
            return
        line = candidates[0]
        stands_alone = bool(extras) or len(proper) == 1 or proper[1].blank_before > 0
        if not stands_alone:
            return
        prev_score = _overlap(line.text, prev.body_text())
        next_score = _overlap(line.text, self._following_text(j))
        if prev_score >= MISPLACED_MIN_OVERLAP and prev_score > next_score:
            prev.misplaced_title.append(line_piece(line))
            prev.closed = True
            candidates.pop(0)

    # ------------------------------------------------------------------ other kinds

    def _on_sub(self, i: int) -> None:
        line = self.lines[i]
        if self.cur is None or self.cur.closed:
            self._new_draft().headline = [("title", line_piece(line))]
        else:
            self.cur.add_item("section", line_piece(line))

    def _on_box(self, i: int) -> None:
        line = self.lines[i]
        cur = self.cur
        if cur is None or cur.closed or cur.items or cur.byline_pieces:
            cur = self._new_draft()
        cur.add_byline(line_piece(line), box_byline(line.text) or "")
        cur.top_byline = True

    def _on_lead(self, i: int) -> None:
        line = self.lines[i]
        tag = match_lead(line.text)
        assert tag is not None
        cur = self.cur
        if cur is None or cur.closed or cur.items or cur.source:
            cur = self._new_draft()
        cur.source = tag.source
        cur.add_byline(Piece(line.start, line.start + tag.tag_end, line.text[: tag.tag_end]), tag.byline)
        cur.top_byline = cur.top_byline or bool(tag.byline)
        body = line.text[tag.body_start :]
        cur.add_item("body", Piece(line.start + tag.body_start, line.end, body))

    def _on_credit(self, i: int) -> None:
        if self.cur is None:
            self._block("caption", self.lines[i])
        else:
            self.cur.add_item("caption", line_piece(self.lines[i]))

    def _on_end_byline(self, i: int) -> None:
        line = self.lines[i]
        after = self.kinds[i + 1] if i + 1 < len(self.lines) else None
        cur = self.cur
        if cur is None or cur.closed or (not cur.items and not cur.byline_pieces):
            # A byline printed above the body without a □ bullet.
            cur = self._open_draft()
            cur.add_byline(line_piece(line), line.text)
            cur.top_byline = True
            return
        if cur.top_byline and after in (BODY, LEAD) and not self._split_point(cur):
            cur = self._new_draft()
            cur.add_byline(line_piece(line), line.text)
            cur.top_byline = True
            return
        if cur.top_byline:
            cur = self._split_at_first_heading(cur)
        cur.add_byline(line_piece(line), line.text)
        cur.closed = True

    def _split_point(self, draft: Draft) -> int | None:
        """Index of the heading line where a second article starts inside ``draft``.

        It is the first heading item after a finished body paragraph with body after it.
        """
        items = draft.items
        last_body = max((k for k, (role, _) in enumerate(items) if role == "body"), default=-1)
        for k in range(1, last_body):
            role, _ = items[k]
            before_role, before = items[k - 1]
            if role == "candidate" and before_role == "body" and ends_sentence(before.text):
                return k
        return None

    def _split_at_first_heading(self, draft: Draft) -> Draft:
        k = self._split_point(draft)
        if k is None:
            return draft
        new = self._new_draft()
        new.headline = [("title", draft.items[k][1])]
        new.set_items(draft.items[k + 1 :])
        draft.set_items(draft.items[:k])
        draft.closed = True
        return new

    def _on_body(self, i: int) -> None:
        self._open_draft().add_item("body", line_piece(self.lines[i]))

    def _on_noise(self, i: int) -> None:
        self._block("noise", self.lines[i])


def segment_page(text: str) -> PageResult:
    """Split a page (line ends already ``\\n``) into articles and page blocks."""
    reader = _PageReader(split_lines(text))
    reader.read()
    drafts = [d for d in reader.drafts if not d.is_empty()]
    articles = [build_article(position, draft) for position, draft in enumerate(drafts)]
    blocks = sorted(reader.blocks, key=lambda b: b.start)
    return PageResult(text=text, articles=articles, blocks=blocks)
