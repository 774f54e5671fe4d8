"""Export options and the record transformations they stand for.

Owns :class:`ExportOptions`, :func:`apply_options` (label filter, human-only,
article or sentence units), :func:`judged` (the human-only article rule) and
the page-grouped train/dev/test split
(:func:`assign_pages`, :func:`split_records`, :func:`split_path`).  Filtering
records by status, tags or pages is the store's job, not this module's.

Human-only keeps the spans whose origin is ``human`` (made, changed or
accepted by an editor) or ``imported``, and only the articles an editor
judged: status ``reviewed``, or at least one such span, and never a
``rejected`` article.  An unreviewed article with machine spans only would
otherwise be exported with no spans and teach a model that it mentions no
entities at all.  The rule looks at all of an article's spans, before the
label filter: a reviewed article keeps its place with no PER spans when only
PER is asked for.

The split is reproducible (a fixed seed drives ``random.Random``) and has no
leakage across a page: every article of one page goes to the same split, so
near-duplicate reprints and shared layout noise never sit on both sides.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.export.offsets import OFFSET_UNITS
from desktop.export.sentences import sentence_ranges

UNITS: tuple[str, ...] = ("article", "sentence")
SPLIT_NAMES: tuple[str, ...] = ("train", "dev", "test")
HUMAN_ORIGINS = frozenset({"human", "imported"})


@dataclass(frozen=True)
class ExportOptions:
    """How records are shaped on the way out.

    labels: labels to keep (empty = all).  human_only: keep only spans whose
    origin is human or imported, in articles an editor judged (:func:`judged`).
    unit: "article" or "sentence".  split: None or
    (train, dev, test) ratios, with seed.  offset_unit: for doccano and Label
    Studio only, "utf16" or "codepoint"; None = the format's own unit.  all_editors: each record
    also carries ``editors``, every editor's merged version of it (team work; the record
    itself is the adjudicated version).
    """

    labels: tuple[str, ...] = ()
    human_only: bool = False
    unit: str = "article"
    split: tuple[float, float, float] | None = None
    seed: int = 0
    offset_unit: str | None = None
    all_editors: bool = False  # also every editor's merged version of an article (key "editors")

    def __post_init__(self) -> None:
        object.__setattr__(self, "labels", tuple(self.labels))
        if self.unit not in UNITS:
            raise ValueError(f"unit must be one of {UNITS}, not {self.unit!r}")
        if self.offset_unit is not None and self.offset_unit not in OFFSET_UNITS:
            raise ValueError(f"offset_unit must be one of {OFFSET_UNITS}, not {self.offset_unit!r}")
        if self.split is not None:
            object.__setattr__(self, "split", normalise_ratios(self.split))

    def keeps(self, span: Mapping[str, Any]) -> bool:
        """Whether ``span`` survives the label filter and the human-only switch."""
        if self.labels and span["label"] not in self.labels:
            return False
        return not (self.human_only and span.get("origin", "auto") not in HUMAN_ORIGINS)


def judged(record: Mapping[str, Any]) -> bool:
    """Whether an editor judged the article's spans: reviewed, or holding a span an editor made,
    changed, accepted or imported; a rejected article never is."""
    status = record.get("status")
    if status == "rejected":
        return False
    if status == "reviewed":
        return True
    return any(s.get("origin", "auto") in HUMAN_ORIGINS for s in record.get("spans") or [])


def normalise_ratios(ratios: Iterable[float]) -> tuple[float, float, float]:
    values = tuple(float(r) for r in ratios)
    if len(values) != 3:
        raise ValueError(f"split needs three ratios (train, dev, test), got {len(values)}")
    if any(r < 0 for r in values) or sum(values) <= 0:
        raise ValueError(f"split ratios must be non-negative and not all zero: {values}")
    total = sum(values)
    return (values[0] / total, values[1] / total, values[2] / total)


def options_are_default(options: ExportOptions) -> bool:
    """Whether :func:`apply_options` hands the records on unchanged (no label filter, not human-only,
    article units)."""
    return not options.labels and not options.human_only and options.unit == "article"


def apply_options(
    records: Iterable[Mapping[str, Any]], options: ExportOptions
) -> Iterator[Mapping[str, Any]]:
    """Yield records with spans filtered and, for unit="sentence", one per sentence;
    with ``human_only``, articles no editor judged are left out (:func:`judged`).

    The split is not applied here (see :func:`split_records`); input records
    are not modified.
    """
    if options_are_default(options):
        yield from records  # nothing to change: no copies (writers never change a record)
        return
    for record in records:
        if options.human_only and not judged(record):
            continue
        out = dict(record)
        out["spans"] = [dict(s) for s in record.get("spans") or [] if options.keeps(s)]
        if options.unit == "sentence":
            yield from sentence_records(out)
        else:
            yield out


def sentence_records(record: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Split one article record into sentence records with re-based offsets.

    Each carries ``article_id`` and ``sentence_index`` and the id
    ``<article id>-s<index>``; the other article fields are copied.
    """
    body: str = record.get("body") or ""
    spans = record.get("spans") or []
    for index, (start, end) in enumerate(sentence_ranges(body, spans)):
        out = dict(record)
        out["id"] = f"{record.get('id')}-s{index}"
        out["article_id"] = record.get("id")
        out["sentence_index"] = index
        out["body"] = body[start:end]
        out["spans"] = [
            {**s, "start": s["start"] - start, "end": s["end"] - start}
            for s in spans
            if s["start"] >= start and s["end"] <= end
        ]
        out["sections"] = [
            {**sec, "start": sec["start"] - start, "end": sec["end"] - start}
            for sec in record.get("sections") or []
            if sec["start"] >= start and sec["end"] <= end
        ]
        yield out


def page_key(record: Mapping[str, Any]) -> str:
    """The grouping key of the split: the page the article came from."""
    return str(record.get("page") or "")


def assign_pages(
    page_counts: Mapping[str, int], ratios: Iterable[float], seed: int
) -> dict[str, str]:
    """Map each page to "train", "dev" or "test" so article counts follow ``ratios``.

    Pages are shuffled with ``random.Random(seed)`` (from sorted order, so the
    result does not depend on input order) and laid end to end; a page goes to
    the split in which the midpoint of its articles falls.
    """
    shares = normalise_ratios(ratios)
    pages = sorted(page_counts)
    random.Random(seed).shuffle(pages)
    total = sum(page_counts.values()) or 1
    bounds = (shares[0], shares[0] + shares[1])
    assignment: dict[str, str] = {}
    seen = 0
    for page in pages:
        count = page_counts[page]
        middle = (seen + count / 2) / total
        seen += count
        if middle < bounds[0]:
            assignment[page] = "train"
        elif middle < bounds[1]:
            assignment[page] = "dev"
        else:
            assignment[page] = "test"
    return assignment


def split_records(
    records: Iterable[Mapping[str, Any]], ratios: Iterable[float], seed: int
) -> dict[str, list[Mapping[str, Any]]]:
    """Group ``records`` into train/dev/test lists, a page never in two of them.

    This holds all records in memory; :func:`desktop.export.registry.export`
    streams instead when given a callable that re-reads the records.
    """
    items = list(records)
    assignment = assign_pages(Counter(page_key(r) for r in items), ratios, seed)
    out: dict[str, list[Mapping[str, Any]]] = {name: [] for name in SPLIT_NAMES}
    for record in items:
        out[assignment[page_key(record)]].append(record)
    return out


def split_path(path: str | Path, name: str) -> Path:
    """``data.jsonl`` -> ``data.train.jsonl``; a folder ``corpus`` -> ``corpus.train``."""
    target = Path(path)
    if target.suffix:
        return target.with_name(f"{target.stem}.{name}{target.suffix}")
    return target.with_name(f"{target.name}.{name}")
