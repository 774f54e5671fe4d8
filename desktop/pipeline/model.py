"""Plain data records the pipeline produces and every other layer consumes.

Owns: ``Span``, ``Author``, ``Section``, ``Segment``, ``Article``, ``PageBlock``
and ``PageResult``.  No Qt, no SQL: these are frozen-ish dataclasses with
``to_dict``/``from_dict`` so the store and the exporters can serialise them.

Offsets
-------
* ``Span.start``/``Span.end`` and ``Section.start``/``Section.end`` are Python
  code-point offsets into ``Article.body``; end is exclusive.
* ``Segment.start``/``Segment.end`` and ``PageBlock.start``/``PageBlock.end``
  are code-point offsets into ``PageResult.text`` (the page text with line
  ends normalised to ``\\n``).  They tell which part of the page went where.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "DATE", "MONEY", "PERCENT", "DOC")

ROLES: tuple[str, ...] = ("记者", "特约记者", "实习记者", "通讯员", "作者")

STATUSES: tuple[str, ...] = ("unreviewed", "in_review", "reviewed", "rejected", "to_adjudicate")
TO_ADJUDICATE = "to_adjudicate"  # editors' versions differ (team work: desktop/store/merge.py)

FLAGS: tuple[str, ...] = ("title_missing", "title_misplaced", "truncated", "continued")

# Roles a ``Segment`` or ``PageBlock`` can have.
SEGMENT_ROLES: tuple[str, ...] = (
    "kicker",
    "title",
    "subtitle",
    "byline",
    "body",
    "section",
    "caption",
    "note",  # a continuation note: （上接第一版） / （下转第四版）
)
BLOCK_KINDS: tuple[str, ...] = ("banner", "caption", "image", "noise", "not_article")  # not_article: set by an editor


@dataclass
class Span:
    """An entity mention inside an article body."""

    start: int
    end: int
    label: str
    text: str
    value: Any = None  # MONEY: int yuan; DATE: {"start": iso, "end": iso} or iso str; LOC: code
    origin: str = "auto"  # "auto" | "human" | "imported"
    confidence: float | None = None  # the model's probability for this span (machine spans), else None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(
            start=int(d["start"]),
            end=int(d["end"]),
            label=str(d["label"]),
            text=str(d.get("text", "")),
            value=d.get("value"),
            origin=str(d.get("origin", "auto")),
            confidence=None if d.get("confidence") is None else float(d["confidence"]),
        )


@dataclass
class Author:
    name: str
    role: str  # one of ROLES

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Section:
    """An in-article sub-head.  Its text is a paragraph of the body at [start, end)."""

    title: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Segment:
    """A piece of the page text that went into one field of one article."""

    start: int
    end: int
    role: str  # one of SEGMENT_ROLES

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class PageBlock:
    """A block of the page that belongs to no article (banner, stray caption, noise)."""

    kind: str  # one of BLOCK_KINDS
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Article:
    """One article of a page with its extracted fields and spans."""

    position: int  # 0-based order on the page
    title: str = ""
    kicker: str = ""
    subtitle: str = ""
    byline: str = ""
    authors: list[Author] = field(default_factory=list)
    source: str = ""
    dateline: str = ""
    dateline_iso: str | None = None
    sections: list[Section] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    body: str = ""
    spans: list[Span] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    continued_from: str = ""  # continuation note at the start: the page it comes from ("第一版")
    continued_to: str = ""  # continuation note at the end: the page it goes on ("第三版")

    def to_dict(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "title": self.title,
            "kicker": self.kicker,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "authors": [a.to_dict() for a in self.authors],
            "source": self.source,
            "dateline": self.dateline,
            "dateline_iso": self.dateline_iso,
            "sections": [s.to_dict() for s in self.sections],
            "captions": list(self.captions),
            "body": self.body,
            "spans": [s.to_dict() for s in self.spans],
            "flags": list(self.flags),
            "segments": [s.to_dict() for s in self.segments],
            "continued_from": self.continued_from,
            "continued_to": self.continued_to,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            position=int(d.get("position", 0)),
            title=d.get("title", "") or "",
            kicker=d.get("kicker", "") or "",
            subtitle=d.get("subtitle", "") or "",
            byline=d.get("byline", "") or "",
            authors=[Author(a["name"], a["role"]) for a in d.get("authors", [])],
            source=d.get("source", "") or "",
            dateline=d.get("dateline", "") or "",
            dateline_iso=d.get("dateline_iso"),
            sections=[Section(**s) for s in d.get("sections", [])],
            captions=list(d.get("captions", [])),
            body=d.get("body", "") or "",
            spans=[Span.from_dict(s) for s in d.get("spans", [])],
            flags=list(d.get("flags", [])),
            segments=[Segment(**s) for s in d.get("segments", [])],
            continued_from=d.get("continued_from", "") or "",
            continued_to=d.get("continued_to", "") or "",
        )


@dataclass
class PageResult:
    """What the pipeline makes of one page."""

    text: str  # page text with line ends normalised to "\n"
    articles: list[Article] = field(default_factory=list)
    blocks: list[PageBlock] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "articles": [a.to_dict() for a in self.articles],
            "blocks": [b.to_dict() for b in self.blocks],
        }
