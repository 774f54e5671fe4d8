"""Bring spans and labels from doccano, Label Studio or Newsdesk JSONL files into a project.

Owns: ``import_annotations`` and its ``AnnotationImportSummary``.  Records are
read with ``desktop.export.readers``; every write goes through ``Store``
methods (no SQL, no Qt).

Every record is read and checked against its format's declared schema
(``desktop.export.record_schema``) before anything is written.  A file with a
record that is not JSON or not of that shape (an offset that is not an integer,
``NaN``, a label that is a list, ``tags`` that are a string...) is refused as a
whole with ``AnnotationImportError`` -- one line: file, line, reason -- and the
project is not touched: importing part of a file and then the corrected file
would leave two versions of its page.

Two modes:

* ``match="new"``: every record becomes an article of its own, on one
  synthetic page named after the file (body = the record's text; title,
  authors, sections… taken from the record when it carries them, as Newsdesk
  JSONL does).  Importing the same file again changes nothing (same content
  hash).
* ``match="text"``: a record whose text equals the body of existing articles
  (whitespace ignored) adds its spans to those articles, offsets
  mapped across the whitespace differences; unmatched records become new
  articles as above.

Imported spans get origin ``imported`` and keep the confidence the file gives
(a number in 0..1).  A well-formed span out of the text, whose stated text differs from it, overlapping an earlier span of the record or
a span already on the article, or with an unknown label, is reported (with the
record's line) and skipped; the rest of the file still imports.  A section out
of its body is reported the same way.
Record tags are applied with ``Store.set_tags``; statuses are not imported
(a review is an editor's act in this project).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.export.readers import AnnotationReadError, read_doccano, read_jsonl, read_label_studio
from desktop.pipeline.ingest import content_hash, display_name
from desktop.pipeline.model import LABELS, ROLES, Article, Author, PageResult, Section, Span
from desktop.store.errors import OverlapError, StoreError

if TYPE_CHECKING:
    from desktop.store.store import Store

READERS: dict[str, Callable[..., Iterator[tuple[int, dict[str, Any]]]]] = {
    "jsonl": read_jsonl,
    "doccano": read_doccano,
    "label-studio": read_label_studio,
}
MATCH_MODES: tuple[str, ...] = ("new", "text")
_TEXT_FIELDS = ("title", "kicker", "subtitle", "byline", "source", "dateline")
_WS = re.compile(r"\s")


@dataclass
class SkippedSpan:
    record: int  # line of the record in the file (for Label Studio: the line its task starts on)
    start: Any
    end: Any
    label: str
    reason: str


@dataclass
class AnnotationImportSummary:
    file: str
    records: int = 0
    matched: int = 0  # records whose text matched existing articles
    new: int = 0  # records written as new articles
    articles_touched: int = 0  # existing articles that received at least one span
    spans_imported: int = 0
    spans_by_label: Counter = field(default_factory=Counter)
    skipped: list[SkippedSpan] = field(default_factory=list)
    page_status: str = ""  # "new" | "new_version" | "unchanged" | "" (no new articles)

    def skipped_reasons(self) -> Counter:
        return Counter(s.reason for s in self.skipped)


class AnnotationImportError(Exception):
    """The file could not be imported; nothing was written.  The message is one line."""


def read_records(path: Path, fmt: str, skipped: list[SkippedSpan] | None = None) -> list[tuple[int, dict[str, Any]]]:
    """(line, record) of every record of ``path``, each checked against the format's schema.

    A record that is not JSON or not of the declared shape refuses the whole file
    (AnnotationImportError naming the line and the reason).  A span that does not
    fit its text is reported in ``skipped`` and left out (without ``skipped``:
    refused like a bad record)."""
    if fmt not in READERS:
        raise AnnotationImportError(f"unknown format {fmt!r}; use one of {', '.join(READERS)}")

    def bad_span(line: int, start: Any, end: Any, label: Any, reason: str) -> None:
        assert skipped is not None
        skipped.append(SkippedSpan(line, start, end, str(label), reason))

    try:
        return list(READERS[fmt](path, on_bad_span=bad_span if skipped is not None else None))
    except AnnotationReadError as err:
        raise AnnotationImportError(str(err)) from None
    except OSError as err:
        raise AnnotationImportError(f"{path}: cannot read: {err.strerror or err}") from None


def _valid_spans(no: int, body: str, spans: Iterable[Mapping[str, Any]], skipped: list[SkippedSpan]) -> list[dict[str, Any]]:
    """Spans in order of start, dropping (and reporting) bad and overlapping ones."""
    out: list[dict[str, Any]] = []
    last_end = -1
    for s in sorted(spans, key=lambda s: (s.get("start", 0), s.get("end", 0))):
        start, end, label = s.get("start"), s.get("end"), str(s.get("label", ""))
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body)):
            skipped.append(SkippedSpan(no, start, end, label, "out of range or empty"))
        elif label not in LABELS:
            skipped.append(SkippedSpan(no, start, end, label, "unknown label"))
        elif start < last_end:
            skipped.append(SkippedSpan(no, start, end, label, "overlaps another span"))
        else:
            last_end = end
            out.append({"start": start, "end": end, "label": label, "value": s.get("value"),
                        "confidence": _confidence(s.get("confidence"))})
    return out


def _confidence(value: Any) -> float | None:
    """A machine span's confidence as the file gives it (a number in 0..1), else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0.0 <= value <= 1.0:
        return float(value)
    return None


def _article(
    position: int, record: Mapping[str, Any], spans: list[dict[str, Any]], line: int, skipped: list[SkippedSpan]
) -> Article:
    body = record.get("body") or ""
    authors = []
    for a in record.get("authors") or []:
        if isinstance(a, Mapping) and a.get("name"):
            role = a.get("role") if a.get("role") in ROLES else "作者"
            authors.append(Author(str(a["name"]), str(role)))
    sections = []
    for s in record.get("sections") or []:
        if isinstance(s, Mapping) and isinstance(s.get("start"), int) and 0 <= s["start"] <= s.get("end", -1) <= len(body):
            sections.append(Section(str(s.get("title") or ""), s["start"], s["end"]))
        else:
            skipped.append(SkippedSpan(line, s.get("start"), s.get("end"), "(section)", "section out of range"))
    texts: dict[str, Any] = {k: record.get(k) if isinstance(record.get(k), str) else "" for k in _TEXT_FIELDS}
    iso = record.get("dateline_iso")
    return Article(
        position=position,
        authors=authors,
        dateline_iso=iso if isinstance(iso, str) and iso else None,
        sections=sections,
        captions=[str(c) for c in record.get("captions") or []],
        body=body,
        spans=[Span(s["start"], s["end"], s["label"], body[s["start"]:s["end"]], s["value"], "imported", s["confidence"])
               for s in spans],
        flags=[str(f) for f in record.get("flags") or []],
        **texts,
    )


def _nonspace_positions(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if not _WS.match(c)]


def _map_span(src: str, dst: str, start: int, end: int) -> tuple[int, int] | None:
    """Offsets of ``src[start:end]`` in ``dst`` when both differ only in whitespace."""
    if src == dst:
        return start, end
    a, b = _nonspace_positions(src), _nonspace_positions(dst)
    if len(a) != len(b):
        return None
    first = next((k for k, i in enumerate(a) if i >= start), None)
    last = next((k for k in range(len(a) - 1, -1, -1) if a[k] < end), None)
    if first is None or last is None or first > last:
        return None
    return b[first], b[last] + 1


def import_annotations(
    store: Store,
    path: str | Path,
    fmt: str,
    *,
    match: str = "new",
    progress: Callable[[int, int, str], None] | None = None,
) -> AnnotationImportSummary:
    """Import the annotations of ``path`` (format ``fmt``) into ``store``; see the module docstring."""
    path = Path(path)
    if match not in MATCH_MODES:
        raise AnnotationImportError(f"unknown match mode {match!r}; use one of {', '.join(MATCH_MODES)}")
    skipped: list[SkippedSpan] = []
    records = read_records(path, fmt, skipped)
    progress = progress or (lambda done, total, name: None)
    summary = AnnotationImportSummary(file=display_name(path.name)[0], records=len(records), skipped=skipped)
    index = store.articles_by_body() if match == "text" else {}
    new_articles: list[Article] = []
    new_tags: list[list[str]] = []
    touched: set[int] = set()
    from desktop.store.stats import body_key

    for done, (line, record) in enumerate(records, start=1):
        body = record.get("body") or ""
        spans = _valid_spans(line, body, record.get("spans") or [], summary.skipped)
        targets = index.get(body_key(body), []) if match == "text" else []
        if not targets:
            new_articles.append(_article(len(new_articles), record, spans, line, summary.skipped))
            new_tags.append(list(record.get("tags") or []))
            summary.spans_by_label.update(s["label"] for s in spans)
            summary.spans_imported += len(spans)
        else:
            summary.matched += 1
            for aid in targets:
                if _add_to_article(store, aid, line, body, spans, summary):
                    touched.add(aid)
        progress(done, len(records), summary.file)
    summary.new = len(new_articles)
    summary.articles_touched = len(touched)
    if new_articles:
        _write_page(store, path, new_articles, new_tags, summary)
    return summary


def _add_to_article(
    store: Store, aid: int, no: int, body: str, spans: list[dict[str, Any]], summary: AnnotationImportSummary
) -> int:
    """Add the record's spans to article ``aid``; the number added."""
    article = store.get_article(aid)
    target = article.body
    existing = {(s.start, s.end, s.label) for s in article.spans}
    added = 0
    for s in spans:
        mapped = _map_span(body, target, s["start"], s["end"])
        if mapped is None:
            summary.skipped.append(SkippedSpan(no, s["start"], s["end"], s["label"], "out of range or empty"))
            continue
        if (*mapped, s["label"]) in existing:
            summary.skipped.append(SkippedSpan(no, s["start"], s["end"], s["label"], "already on the article"))
            continue
        try:
            store.add_span(aid, mapped[0], mapped[1], s["label"], value=s["value"], origin="imported",
                           confidence=s["confidence"])
        except OverlapError:
            summary.skipped.append(SkippedSpan(no, s["start"], s["end"], s["label"], "overlaps a span of the article"))
            continue
        except StoreError:
            summary.skipped.append(SkippedSpan(no, s["start"], s["end"], s["label"], "out of range or empty"))
            continue
        added += 1
        summary.spans_imported += 1
        summary.spans_by_label[s["label"]] += 1
    return added


def _write_page(
    store: Store, path: Path, articles: list[Article], tags: list[list[str]], summary: AnnotationImportSummary
) -> None:
    name, raw_name = display_name(path.name)
    try:
        data = path.read_bytes()
        digest, raw_text = content_hash(data), data.decode("utf-8-sig", errors="replace")
        del data
        text = "\n\n".join(a.body for a in articles)
        outcome = store.add_page(name, raw_text, text, digest, PageResult(text=text, articles=articles),
                                 source_name_raw=raw_name)
    except MemoryError:  # the page's transaction, if it had begun, was rolled back
        raise AnnotationImportError(
            f"{name}: not enough memory to write its {len(articles)} new article(s); nothing was written"
        ) from None
    summary.page_status = outcome.status
    if outcome.status == "unchanged":
        summary.new = 0
        summary.spans_imported -= sum(len(a.spans) for a in articles)
        for a in articles:
            summary.spans_by_label.subtract(s.label for s in a.spans)
        summary.spans_by_label = +summary.spans_by_label
        return
    if any(tags) and outcome.page_id is not None:
        ids = [r.id for r in _page_rows(store, outcome.page_id)]
        for aid, t in zip(ids, tags):
            if t:
                store.set_tags(aid, t)


def _page_rows(store: Store, page_id: int) -> list[Any]:
    from desktop.store.records import ArticleFilter

    name = next(p.source_name for p in store.pages() if p.id == page_id)
    rows = store.article_rows(store.article_ids(ArticleFilter(pages=(name,), include_superseded=False)))
    return sorted((r for r in rows.values()), key=lambda r: r.position)


def format_summary(summary: AnnotationImportSummary) -> str:
    lines = [
        f"{summary.file}: {summary.records} record(s): {summary.matched} matched existing article(s)"
        f" ({summary.articles_touched} article(s) updated), {summary.new} new article(s)",
        f"spans imported: {summary.spans_imported}"
        + (" (" + ", ".join(f"{k} {v}" for k, v in sorted(summary.spans_by_label.items())) + ")" if summary.spans_by_label else ""),
    ]
    if summary.page_status == "unchanged":
        lines.append("this file was imported before: no new articles written")
    reasons = summary.skipped_reasons()
    lines.append(f"spans skipped: {len(summary.skipped)}"
                 + (" (" + ", ".join(f"{r}: {n}" for r, n in sorted(reasons.items())) + ")" if reasons else ""))
    for s in summary.skipped[:20]:
        lines.append(f"  line {s.record}: {s.label} [{s.start}, {s.end}) {s.reason}")
    if len(summary.skipped) > 20:
        lines.append(f"  … and {len(summary.skipped) - 20} more")
    return "\n".join(lines)
