"""The whole pipeline for one page: text -> segmented articles with entity spans.

Owns: ``process_text`` (segment the page, then run the entity extractor over
each article body) and ``process_bytes`` (decode a file's bytes first).  The
importer and the ``annotate`` command go through here so that every route into
a project uses the same extractor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.pipeline.entities import extract_spans
from desktop.pipeline.ingest import DecodedPage, content_hash, decode_page
from desktop.pipeline.model import PageResult
from desktop.pipeline.segment import segment_page


def process_text(text: str) -> PageResult:
    """Segment a page (line ends already normalised) and annotate each article body."""
    result = segment_page(text)
    for article in result.articles:
        article.spans = extract_spans(article.body)
    return result


@dataclass
class ProcessedPage:
    """A decoded and processed page file, ready for Store.add_page."""

    source_name: str
    content_hash: str
    decoded: DecodedPage
    result: PageResult
    warnings: list[str] = field(default_factory=list)


def process_bytes(source_name: str, data: bytes, digest: str | None = None) -> ProcessedPage:
    """Decode and process one page file.  Raises ingest.UndecodableError."""
    decoded = decode_page(data)
    result = process_text(decoded.text)
    return ProcessedPage(
        source_name=source_name,
        content_hash=digest or content_hash(data),
        decoded=decoded,
        result=result,
        warnings=list(decoded.warnings),
    )
