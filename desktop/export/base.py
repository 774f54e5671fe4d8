"""Shared shapes of the export layer: the record key order and ExportStats.

Owns :data:`RECORD_KEYS` (the Newsdesk record, field by field, in the order
JSONL writes them), :func:`ordered_record` (fills missing fields with their
empty value and puts keys in that order) and :class:`ExportStats`, the result
every writer returns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.store.records import ExportRecord

# The article record, exactly as the store yields it, in JSONL key order.
RECORD_KEYS: tuple[str, ...] = (
    "id",
    "page",
    "position",
    "title",
    "kicker",
    "subtitle",
    "byline",
    "authors",
    "source",
    "dateline",
    "dateline_iso",
    "continued_from",
    "continued_to",
    "sections",
    "captions",
    "body",
    "spans",
    "flags",
    "tags",
    "status",
    "reviewer",
    "reviewed_at",
)

# Keys a sentence-unit record carries besides RECORD_KEYS; written right after "id".
SENTENCE_KEYS: tuple[str, ...] = ("article_id", "sentence_index")

_LIST_KEYS = {"authors", "sections", "captions", "spans", "flags", "tags"}
_NULL_KEYS = {"id", "position", "dateline_iso", "reviewer", "reviewed_at"}

SPAN_KEYS: tuple[str, ...] = ("start", "end", "label", "text", "value", "origin", "confidence", "suggested")


def empty_value(key: str) -> Any:
    """The value a missing record field takes: [] for lists, None for ids/dates, '' else."""
    if key in _LIST_KEYS:
        return []
    if key in _NULL_KEYS:
        return None
    if key == "status":
        return "unreviewed"
    return ""


def ordered_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``record`` with every RECORD_KEYS field, in order; unknown keys follow.

    A record already in that shape (as the store yields them: every key, in order, and every
    span's SPAN_KEYS in order) is returned itself, not copied (callers do not change it)."""
    if type(record) is ExportRecord:  # made in this shape by the store
        return record
    if type(record) is dict and tuple(record) == RECORD_KEYS and all(
        type(s) is dict and tuple(s) == SPAN_KEYS for s in record["spans"]
    ):
        return record
    out: dict[str, Any] = {}
    for key in RECORD_KEYS:
        out[key] = record[key] if key in record else empty_value(key)
        if key == "id":
            for extra in SENTENCE_KEYS:
                if extra in record:
                    out[extra] = record[extra]
    for key, value in record.items():
        if key not in out:
            out[key] = value
    out["spans"] = [ordered_span(s) for s in out["spans"]]
    return out


def ordered_span(span: Mapping[str, Any]) -> dict[str, Any]:
    """A span dict with SPAN_KEYS in order (value, confidence None and origin 'auto' when missing;
    ``suggested`` as the origin implies when missing)."""
    origin = span.get("origin", "auto")
    out: dict[str, Any] = {
        "start": span["start"],
        "end": span["end"],
        "label": span["label"],
        "text": span.get("text", ""),
        "value": span.get("value"),
        "origin": origin,
        "confidence": span.get("confidence"),
        "suggested": span.get("suggested", origin if origin in ("auto", "imported") else None),
    }
    for key, value in span.items():
        if key not in out:
            out[key] = value
    return out


def sorted_spans(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The record's spans by start, then longest first, then label."""
    return sorted(record.get("spans") or [], key=lambda s: (s["start"], -s["end"], s["label"]))


def record_id(record: Mapping[str, Any], index: int) -> str:
    """The record's id as text, or its 1-based position in the export when it has none."""
    rid = record.get("id")
    return str(index + 1) if rid is None or rid == "" else str(rid)


@dataclass(frozen=True)
class ExportStats:
    """What one export wrote: records, spans, files, and the top-level output paths."""

    records: int = 0
    spans: int = 0
    files: int = 0
    outputs: tuple[str, ...] = field(default=())

    def __add__(self, other: ExportStats) -> ExportStats:
        return ExportStats(
            records=self.records + other.records,
            spans=self.spans + other.spans,
            files=self.files + other.files,
            outputs=self.outputs + other.outputs,
        )
