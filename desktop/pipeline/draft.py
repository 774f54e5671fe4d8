"""An article while the page is being read, and the finished ``Article`` made from it.

Owns: ``Draft`` (the page pieces collected for one article: headline pieces,
bylines, and body items in page order) and ``build_article`` (a draft -> an
``Article``: column-break joins, sub-heads kept as section paragraphs, captions
taken out of the body, dateline, authors, flags and segments).

Body items are ``(role, piece)`` with role ``body``, ``section``, ``caption`` or
``candidate`` (a plain heading line inside the article: it becomes a caption
when it sits in a column break, else a section).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.pipeline.byline import parse_authors
from desktop.pipeline.dateline import find_dateline
from desktop.pipeline.headline import join_heading
from desktop.pipeline.lines import Piece, ends_sentence, has_inner_spaces, strip_marks
from desktop.pipeline.model import Article, Author, Section, Segment
from desktop.pipeline.repair import join_fragments, normalise_spacing


@dataclass
class Draft:
    """The pieces of the page gathered for one article, in page order per field."""

    headline: list[tuple[str, Piece]] = field(default_factory=list)  # kicker/title/subtitle
    misplaced_title: list[Piece] = field(default_factory=list)  # title printed after the body
    byline_pieces: list[Piece] = field(default_factory=list)
    byline_texts: list[str] = field(default_factory=list)
    source: str = ""
    top_byline: bool = False  # a byline printed above the body (□ line or 本报讯 (…))
    items: list[tuple[str, Piece]] = field(default_factory=list)
    closed: bool = False  # a trailing byline ended it
    body_items: int = 0  # number of ``body`` items, kept by ``add_item``/``set_items``
    notes: list[Piece] = field(default_factory=list)  # continuation notes (上接/下转)
    continued_from: str = ""  # the page named by a （上接…） note
    continued_to: str = ""  # the page named by a （下转…） note

    def add_item(self, role: str, piece: Piece) -> None:
        self.items.append((role, piece))
        self.body_items += role == "body"

    def set_items(self, items: list[tuple[str, Piece]]) -> None:
        self.items = items
        self.body_items = sum(1 for role, _ in items if role == "body")

    def has_body(self) -> bool:
        return self.body_items > 0

    def has_title(self) -> bool:
        return bool(self.misplaced_title) or any(role == "title" for role, _ in self.headline)

    def is_empty(self) -> bool:
        return not (self.headline or self.misplaced_title or self.byline_pieces or self.items or self.notes)

    def add_byline(self, piece: Piece, text: str) -> None:
        self.byline_pieces.append(piece)
        if text:
            self.byline_texts.append(text)

    def body_text(self) -> str:
        return "".join(p.text for role, p in self.items if role == "body")


def _resolve_candidates(items: list[tuple[str, Piece]]) -> list[tuple[str, Piece]]:
    """Plain heading lines inside an article: caption in a column break, else section."""
    resolved: list[tuple[str, Piece]] = []
    for i, (role, piece) in enumerate(items):
        if role != "candidate":
            resolved.append((role, piece))
            continue
        before = items[i - 1] if i > 0 else None
        after = next((r for r, _ in items[i + 1 :] if r != "caption"), None)
        in_column_break = (
            before is not None and before[0] == "body" and not ends_sentence(before[1].text) and after == "body"
        )
        if after is None or (in_column_break and not has_inner_spaces(piece.text)):
            resolved.append(("caption", piece))
        else:
            resolved.append(("section", piece))
    return resolved


def _paragraphs(items: Iterable[tuple[str, Piece]]) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """Body paragraphs (kind, pieces) with column breaks joined, and the captions taken out."""
    paragraphs: list[tuple[str, list[str]]] = []
    captions: list[str] = []
    open_pieces: list[str] | None = None
    for role, piece in items:
        if role == "caption":
            captions.append(piece.text)
        elif role == "section":
            paragraphs.append(("section", [strip_marks(piece.text)]))
            open_pieces = None
        elif open_pieces is not None and not ends_sentence(open_pieces[-1]):
            open_pieces.append(piece.text)
        else:
            open_pieces = [piece.text]
            paragraphs.append(("body", open_pieces))
    return paragraphs, captions


def _unique_authors(bylines: Iterable[str]) -> list[Author]:
    authors: list[Author] = []
    seen: set[str] = set()
    for text in bylines:
        for author in parse_authors(text):
            if author.name not in seen:
                seen.add(author.name)
                authors.append(author)
    return authors


def build_article(position: int, draft: Draft) -> Article:
    """The finished article of a draft."""
    items = _resolve_candidates(draft.items)
    paragraphs, captions = _paragraphs(items)
    body_parts: list[str] = []
    sections: list[Section] = []
    offset = 0
    for kind, pieces in paragraphs:
        text = normalise_spacing(join_fragments(pieces))
        if kind == "section":
            sections.append(Section(text, offset, offset + len(text)))
        body_parts.append(text)
        offset += len(text) + 1
    lead = next((text for (kind, _), text in zip(paragraphs, body_parts) if kind == "body"), "")
    dateline, dateline_iso = find_dateline(lead)
    if not dateline and draft.source:  # 本报北京3月12日电: the wire tag dates the news
        dateline, dateline_iso = find_dateline(normalise_spacing(draft.source))

    by_role: dict[str, list[Piece]] = {"kicker": [], "title": [], "subtitle": []}
    for role, piece in draft.headline:
        by_role[role].append(piece)
    title_pieces = draft.misplaced_title or by_role["title"]
    flags: list[str] = []
    if draft.misplaced_title:
        flags.append("title_misplaced")
    elif not title_pieces:
        flags.append("title_missing")
    if draft.continued_from or draft.continued_to:
        flags.append("continued")
    elif paragraphs and paragraphs[-1][0] == "body" and not ends_sentence(paragraphs[-1][1][-1]):
        flags.append("truncated")

    segments = [Segment(p.start, p.end, role) for role, p in draft.headline]
    segments += [Segment(p.start, p.end, "title") for p in draft.misplaced_title]
    segments += [Segment(p.start, p.end, "byline") for p in draft.byline_pieces]
    segments += [Segment(p.start, p.end, "note") for p in draft.notes]
    segments += [Segment(p.start, p.end, role) for role, p in items]
    segments.sort(key=lambda s: s.start)
    return Article(
        position=position,
        title=join_heading(title_pieces),
        kicker=join_heading(by_role["kicker"]),
        subtitle=join_heading(by_role["subtitle"]),
        byline=" ".join(draft.byline_texts),
        authors=_unique_authors(draft.byline_texts),
        source=draft.source,
        dateline=dateline,
        dateline_iso=dateline_iso,
        sections=sections,
        captions=captions,
        body="\n".join(body_parts),
        flags=flags,
        segments=segments,
        continued_from=draft.continued_from,
        continued_to=draft.continued_to,
    )


def body_from_segments(page_text: str, segments: Iterable[Segment]) -> str:
    """The body the pipeline builds from an article's body/section/caption segments of ``page_text``.

    Same paragraph rule as ``build_article`` (column breaks joined, captions left out),
    so for an article as imported this returns its imported body.
    """
    items = [
        (s.role, Piece(s.start, s.end, page_text[s.start : s.end]))
        for s in sorted(segments, key=lambda s: s.start)
        if s.role in ("body", "section", "caption")
    ]
    paragraphs, _ = _paragraphs(items)
    return "\n".join(normalise_spacing(join_fragments(pieces)) for _, pieces in paragraphs)
