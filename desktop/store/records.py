"""Typed values the store hands out and takes in (no SQL here).

Owns: ``ArticleFilter``, ``ArticleRow`` (a line of the article list),
``ArticleRecord`` (one article with everything an editor sees), ``SpanRow``,
``Event``, ``PageInfo``, ``ImportOutcome``, ``PageInput``, ``Changes`` (what a write touched,
so that views refresh only what concerns them), and what searching inside articles finds:
``SearchHit`` (count and snippet per article) and ``Occurrence`` (for label-all).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Fields of an article an editor may set with Store.set_field().
EDITABLE_FIELDS: tuple[str, ...] = (
    "title",
    "kicker",
    "subtitle",
    "byline",
    "source",
    "dateline",
    "dateline_iso",
    "note",
)

# Columns the article list may be sorted by.
SORT_KEYS: tuple[str, ...] = ("page", "position", "title", "status", "n_spans", "id", "confidence")


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a list, a count or an export covers.  Empty = all."""

    statuses: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # article has every one of these tags
    labels: tuple[str, ...] = ()  # article has at least one span of each label
    pages: tuple[str, ...] = ()  # source names of pages
    query: str = ""  # full-text search over title + body (Chinese, >= 1 char)
    include_superseded: bool = True  # False: only articles of the current version of each page


@dataclass
class ArticleRow:
    """One line of the article list: cheap to load in bulk."""

    id: int
    page: str
    position: int
    title: str
    status: str
    n_spans: int
    tags: list[str]
    flags: list[str]
    page_version: int = 1
    superseded: bool = False  # the page was re-imported with a changed text


@dataclass
class SpanRow:
    id: int
    start: int
    end: int
    label: str
    text: str
    value: Any
    origin: str  # "auto" | "human" | "imported"
    needs_check: bool = False
    confidence: float | None = None  # the model's probability for a machine suggestion
    suggested: str | None = None  # who first proposed it: "auto" | "imported" | None (an editor)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "value": self.value,
            "origin": self.origin,
            "needs_check": self.needs_check,
            "confidence": self.confidence,
            "suggested": self.suggested,
        }


@dataclass
class ArticleRecord:
    """One article with every field an editor reviews."""

    id: int
    page_id: int
    page: str
    position: int
    title: str
    kicker: str
    subtitle: str
    byline: str
    authors: list[dict[str, str]]
    source: str
    dateline: str
    dateline_iso: str | None
    sections: list[dict[str, Any]]
    captions: list[str]
    body: str
    spans: list[SpanRow]
    flags: list[str]
    tags: list[str]
    status: str
    note: str
    reviewer: str | None
    reviewed_at: str | None
    segments: list[dict[str, Any]] = field(default_factory=list)
    continued_from: str = ""  # the page a continued article comes from ("第一版"), or ""
    continued_to: str = ""  # the page it continues on, or ""


@dataclass
class Event:
    id: int
    article_id: int | None
    editor: str
    at: str  # ISO 8601 UTC
    action: str  # e.g. "set_field", "add_span", "set_status"
    before: Any
    after: Any


@dataclass
class PageInfo:
    id: int
    source_name: str
    content_hash: str
    imported_at: str
    n_articles: int
    version: int
    superseded: bool
    source_name_raw: bytes | None = None  # the file name's bytes when they are not UTF-8 (source_name escapes them)


@dataclass
class ImportOutcome:
    """Result of Store.add_page."""

    page_id: int | None
    status: str  # "new" | "unchanged" | "new_version"
    n_articles: int
    spans_by_label: dict[str, int] = field(default_factory=dict)
    spans_dropped: int = 0  # pipeline spans refused: out of the body or overlapping an earlier one
    version: int = 1  # version of the page under its source name


@dataclass(frozen=True)
class PageInput:
    """Arguments of one Store.add_page call, for Store.add_pages (batch import)."""

    source_name: str
    raw_text: str
    text: str
    content_hash: str
    result: Any  # desktop.pipeline.model.PageResult
    encoding: str = "utf-8"
    source_name_raw: bytes | None = None  # the file name's bytes when not UTF-8 (pipeline.ingest.display_name)


@dataclass
class Changes:
    """What one write touched.  Views refresh only what concerns them."""

    article_ids: set[int] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)  # "fields" "spans" "status" "tags" "articles" "vocabulary"
    span_id: int | None = None  # the span a span write created or changed
    event_ids: list[int] = field(default_factory=list)  # the events the write recorded (what undo_events takes)

    def merge(self, other: Changes) -> Changes:
        return Changes(
            self.article_ids | other.article_ids,
            self.kinds | other.kinds,
            other.span_id if other.span_id is not None else self.span_id,
            self.event_ids + [e for e in other.event_ids if e not in self.event_ids],
        )


@dataclass(frozen=True)
class SearchHit:
    """The hits of a query in one article: how many (title and body), and a snippet of the body
    around the first one; ``marks`` are the hits' ranges inside ``snippet``."""

    count: int
    snippet: str
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Occurrence:
    """One place where a text occurs in an article body and no span touches it."""

    article_id: int
    title: str
    start: int
    end: int
    left: str  # up to ``context`` characters before
    right: str  # up to ``context`` characters after


class ExportRecord(dict[str, Any]):
    """An export record as ``export_records`` makes it: every key in ``desktop.export.base.RECORD_KEYS``
    order, every span's in ``SPAN_KEYS`` order (``ordered_record`` hands it on without copying)."""

    __slots__ = ()
