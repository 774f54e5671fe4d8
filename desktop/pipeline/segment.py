"""Page segmentation: page text -> articles with their fields (no entity spans).

Owns: ``segment_page`` (the entry point), ``line_roles`` (the role chosen for
every line, for the page view) and the cutter (``_Cutter``) that turns the
roles into articles and page blocks.

How a page is read:
1. ``evidence.PageEvidence`` describes each line's shape and its neighbours;
2. ``roles.emissions`` scores the plausible roles of each line from that evidence;
3. ``decode.decode`` chooses the roles of all lines together (Viterbi over role +
   article context);
4. the cutter replays the chosen roles: a headline block, a byline or wire tag
   after a body, a continuation note ``（上接…）`` or a new lead after a closed
   article starts an article; everything else attaches to the article being read
   or becomes a page block (banner, image, stray caption, noise).
Every non-blank line goes to exactly one article field or page block, so the
segments and blocks account for every character of the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.pipeline.byline import LeadTag, match_lead, unbracket
from desktop.pipeline.decode import ATTACH, CONTINUE, NEW, START, decode, step
from desktop.pipeline.draft import Draft, build_article
from desktop.pipeline.evidence import PageEvidence
from desktop.pipeline.headline import headline_parts
from desktop.pipeline.lines import Line, Piece, line_piece, split_lines
from desktop.pipeline.model import PageBlock, PageResult
from desktop.pipeline.segment_model import RoleModel, default_model
from desktop.pipeline.segment_overrides import with_plain_headlines
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
    NOTE_FROM,
    NOTE_TO,
    SUBHEAD,
    TITLE_AFTER,
)


@dataclass(frozen=True)
class LineRole:
    """The role the segmenter gave one line of the page (page-text offsets)."""

    start: int
    end: int
    role: str


class _Cutter:
    """Builds drafts and page blocks from the lines and their decided roles."""

    def __init__(self, lines: Sequence[Line], ev: PageEvidence) -> None:
        self.lines = lines
        self.ev = ev
        self.drafts: list[Draft] = []
        self.blocks: list[PageBlock] = []
        self.cur: Draft | None = None
        self.head_lines: list[Line] = []
        self.ctx = START
        # A lead whose bracketed byline a line break cut (本报讯（记者 某某 / 某某）…): the next
        # line's index and where its body starts, once the byline has taken its first part.
        self._byline_rest: tuple[int, int] | None = None

    def _new(self) -> Draft:
        self._flush_head()
        self.cur = Draft()
        self.drafts.append(self.cur)
        return self.cur

    def _draft(self) -> Draft:
        return self.cur if self.cur is not None else self._new()

    def _flush_head(self) -> None:
        if self.head_lines and self.cur is not None:
            self.cur.headline = headline_parts(self.head_lines)
        self.head_lines = []

    def _block(self, kind: str, line: Line) -> None:
        self.blocks.append(PageBlock(kind, line.text, line.start, line.end))

    def take(self, k: int, role: str) -> None:
        line = self.lines[k]
        moved = step(self.ctx, role, self.ev, k)
        if moved is None:  # only after a fallback of the decoder: keep the text as body
            role, moved = BODY, step(START, BODY, self.ev, k)
            assert moved is not None
        _, self.ctx, action = moved
        if role == HEAD:
            if action == NEW:
                self._new()
            self.head_lines.append(line)
            return
        if self.head_lines:
            self._flush_head()
        if action == NEW:
            self._new()
        if self._byline_rest is not None and self._byline_rest[0] == k and role == BODY:
            at = self._byline_rest[1]  # the end of the cut byline: its text went in with the lead line
            draft = self._draft()
            draft.add_byline(Piece(line.start, line.start + at, line.text[:at]), "")
            self._body(draft, line, at)
        elif role in (BODY, NEW_BODY):
            self._body(self._draft(), line, 0)
        elif role == BANNER:
            self._block("banner", line)
        elif role in (IMAGE,):
            self._block("image", line)
        elif role == CAPTION:
            if action == ATTACH and self.cur is not None:
                self.cur.add_item("caption", line_piece(line))
            else:
                self._block("caption", line)
        elif role == SUBHEAD:
            self._draft().add_item("section", line_piece(line))
        elif role == TITLE_AFTER:
            self._draft().misplaced_title.append(line_piece(line))
        elif role == END_BYLINE and self.ev.shapes[k].byline_at:
            self._body(self._draft(), line, 0)
        elif role in (BYLINE, END_BYLINE):
            draft = self._draft()
            draft.add_byline(line_piece(line), self.ev.shapes[k].box or unbracket(line.text))  # box: box_byline(text)
            draft.top_byline = draft.top_byline or role == BYLINE
        elif role == LEAD:
            self._lead(line)
        elif role in (NOTE_FROM, NOTE_TO):
            self._note(line, role)
        else:
            self._block("noise", line)

    def _body(self, draft: Draft, line: Line, start: int) -> None:
        """``line[start:]`` as body; a bracketed byline closing it goes to the byline."""
        at = self.ev.shapes[line.index].byline_at
        if at > start:
            body = line.text[start:at].rstrip()
            draft.add_item("body", Piece(line.start + start, line.start + start + len(body), body))
            tail = line.text[at:]
            draft.add_byline(Piece(line.start + at, line.end, tail), unbracket(tail.strip()))
        else:
            draft.add_item("body", Piece(line.start + start, line.end, line.text[start:]))

    def _lead(self, line: Line) -> None:
        shape = self.ev.shapes[line.index]  # its lead is match_lead(text) unless it is a box byline
        tag = shape.lead if shape.box is None else match_lead(line.text)
        draft = self._draft()
        if tag is None:  # a lead whose wire tag the rules cannot read: all of it is body
            self._body(draft, line, 0)
            return
        draft.source = tag.source
        start = 0
        if tag.headline_end:  # 【headline】 printed at the start of the lead
            # Heading lines above a lead that prints its own headline are a column banner.
            for _, piece in draft.headline:
                self.blocks.append(PageBlock("banner", piece.text, piece.start, piece.end))
            draft.headline = []
            head = line.text[: tag.headline_end]
            draft.headline.append(("title", Piece(line.start, line.start + tag.headline_end, head)))
            start = tag.headline_end
            while start < tag.tag_end and line.text[start].isspace():
                start += 1
        cut = self._cut_byline(line, tag)
        if cut is not None:  # the byline goes on into the next line: all of this one is tag
            draft.add_byline(Piece(line.start + start, line.end, line.text[start:]), cut.byline)
            draft.top_byline = True
            return
        draft.add_byline(
            Piece(line.start + start, line.start + tag.tag_end, line.text[start : tag.tag_end]), tag.byline
        )
        draft.top_byline = True
        self._body(draft, line, tag.body_start)

    def _cut_byline(self, line: Line, tag: LeadTag) -> LeadTag | None:
        """The wire tag read over this line and the next when a line break cut its bracketed
        byline (a narrow column); sets where the next line's body starts.  None otherwise."""
        rest = line.text[tag.tag_end :].strip()
        k = line.index + 1
        if tag.byline or not rest.startswith(("（", "(")) or "）" in rest or ")" in rest or k >= len(self.lines):
            return None
        following = self.lines[k]
        if following.blank_before or not ("）" in following.text[:24] or ")" in following.text[:24]):
            return None
        joined = match_lead(line.text + following.text)
        if joined is None or not joined.byline or joined.tag_end <= len(line.text):
            return None
        self._byline_rest = (k, joined.body_start - len(line.text))
        return joined

    def _note(self, line: Line, role: str) -> None:
        shape = self.ev.shapes[line.index]
        draft = self._draft()
        if shape.note is None:  # no readable note: keep the line as body
            draft.add_item("body", line_piece(line))
            return
        if shape.note_at:  # a note closing a paragraph: the text before it is body
            body = line.text[: shape.note_at].rstrip()
            if body:
                draft.add_item("body", Piece(line.start, line.start + len(body), body))
            draft.notes.append(Piece(line.start + shape.note_at, line.end, line.text[shape.note_at :]))
        else:
            draft.notes.append(line_piece(line))
        if role == NOTE_FROM:
            draft.continued_from = shape.note[1]
        else:
            draft.continued_to = shape.note[1]

    def finish(self) -> None:
        self._flush_head()


_DEFAULT = object()
# The line-role model was trained on whole pages: its page and neighbour features say little
# about a page of a few lines (a brief, a pasted fragment), which the hand-set scorer reads.
MIN_MODEL_LINES = 10


def decide_roles(ev: PageEvidence, model: RoleModel | None | object = _DEFAULT) -> list[str]:
    """The role of every line: the line-role model's scores decided jointly with the
    decoder's constraints (``model.meta['decoder']``: ``joint``, the default, or ``crf``,
    the CRF's own best sequence); the hand-set scores when there is no model (and, with the
    default model, for a page of fewer than ``MIN_MODEL_LINES`` lines)."""
    if model is _DEFAULT:
        model = default_model() if len(ev.lines) >= MIN_MODEL_LINES else None
    if model is None:
        return decode(ev)
    assert isinstance(model, RoleModel)
    if model.meta.get("decoder") == "crf":
        return model.tag(ev)
    return decode(ev, with_plain_headlines(ev, model.log_probs(ev)), float(model.meta.get("move_weight", 1.0)))


def _read(
    text: str, roles: Sequence[str] | None = None, model: RoleModel | None | object = _DEFAULT
) -> tuple[list[Line], list[str], _Cutter]:
    lines = split_lines(text)
    ev = PageEvidence(lines)
    roles = decide_roles(ev, model) if roles is None else list(roles)
    cutter = _Cutter(lines, ev)
    for k, role in enumerate(roles):
        cutter.take(k, role)
    cutter.finish()
    return lines, roles, cutter


def line_roles(text: str, model: RoleModel | None | object = _DEFAULT) -> list[LineRole]:
    """The role the segmenter chose for each non-blank line of ``text``, in page order."""
    lines, roles, _ = _read(text, None, model)
    return [LineRole(ln.start, ln.end, role) for ln, role in zip(lines, roles)]


def segment_page(
    text: str, roles: Sequence[str] | None = None, model: RoleModel | None | object = _DEFAULT
) -> PageResult:
    """Split a page (line ends already ``\\n``) into articles and page blocks.

    ``roles`` (one per non-blank line) cuts the page by those roles instead of the
    decided ones: how gold line roles are checked against the gold articles.
    ``model`` is the line-role model to use (default: the shipped one; None: the
    hand-set scorer).
    """
    _, _, cutter = _read(text, roles, model)
    drafts = [d for d in cutter.drafts if not d.is_empty()]
    articles = [build_article(position, draft) for position, draft in enumerate(drafts)]
    blocks = sorted(cutter.blocks, key=lambda b: b.start)
    return PageResult(text=text, articles=articles, blocks=blocks)


__all__ = ["LineRole", "line_roles", "segment_page", "CONTINUE"]
