"""Re-run entity extraction over articles already in a project.

Owns: ``spans_for`` (the pipeline's spans of one body as JSON-able dicts),
``reextract_ids`` (which articles a batch covers: every one not reviewed and
not rejected), ``run_batch`` (compute on the caller's thread, write chunk by
chunk through ``Store.replace_auto_spans_many``), ``BatchSummary`` and
``format_summary``, and the compact span tuples the UI keeps for undo
(``span_tuple`` / ``span_dict``).  No Qt: the app calls ``run_batch`` from a
worker thread (the store through a ``GuiThreadProxy``), the CLI from the
terminal.

A cancel is looked at before each article: the chunk being computed is dropped
unwritten, chunks already written stay, and each chunk is one transaction —
so nothing is ever half-written.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.pipeline.model import STATUSES
from desktop.store.errors import StoreError
from desktop.store.records import ArticleFilter

if TYPE_CHECKING:
    from desktop.store.store import Store


def _entities() -> Any:
    """The entity module, imported on first use: it pulls in cn2an and jieba (~0.25 s),
    which the window's start-up must not wait for."""
    from desktop.pipeline import entities

    return entities

ProgressFn = Callable[..., None]
CancelledFn = Callable[[], bool]

# Statuses a batch leaves alone: the editor signed these articles off.
CLOSED_STATUSES: tuple[str, ...] = ("reviewed", "rejected", "to_adjudicate")  # to adjudicate: editors' versions
OPEN_STATUSES: tuple[str, ...] = tuple(s for s in STATUSES if s not in CLOSED_STATUSES)

# (id, start, end, label, value, needs_check, confidence): one auto span, enough to put it back.
SpanTuple = tuple[int, int, int, str, Any, bool, float | None]


def _json_value(value: Any) -> Any:
    """``value`` as it comes back from the store's JSON column (tuples -> lists; else str)."""
    try:
        return json.loads(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError):
        return str(value)


def spans_for(body: str, extractor: Any = None) -> list[dict[str, Any]]:
    """The entity spans of ``body`` by ``extractor`` (default: the process-wide one, with the project
    model in use): dicts start/end/label/text/value/confidence (value JSON-able)."""
    found = _entities().extract_spans(body) if extractor is None else extractor.extract(body)
    return [
        {"start": s.start, "end": s.end, "label": s.label, "text": s.text, "value": _json_value(s.value),
         "confidence": s.confidence}
        for s in found
    ]


def span_tuple(span: dict[str, Any]) -> SpanTuple:
    return (span["id"], span["start"], span["end"], span["label"], span.get("value"), bool(span.get("needs_check")),
            span.get("confidence"))


def span_dict(t: Sequence[Any]) -> dict[str, Any]:
    """A span tuple back as the dict ``Store.replace_auto_spans`` takes (id kept)."""
    return {"id": t[0], "start": t[1], "end": t[2], "label": t[3], "value": t[4], "needs_check": bool(t[5]),
            "confidence": t[6]}


def reextract_ids(store: Store) -> list[int]:
    """Articles a batch covers: not reviewed and not rejected, in page order."""
    return store.article_ids(ArticleFilter(statuses=OPEN_STATUSES))


@dataclass
class BatchSummary:
    total: int = 0  # articles asked for
    processed: int = 0  # articles whose spans were computed and written (changed or not)
    changed: int = 0
    spans_removed: int = 0
    spans_added: int = 0
    spans_skipped: int = 0  # new spans refused: overlapping a human/imported span, outside the body…
    articles_skipped: list[int] = field(default_factory=list)  # gone, signed off or edited meanwhile
    removed_by_label: Counter = field(default_factory=Counter)
    added_by_label: Counter = field(default_factory=Counter)
    before: dict[int, list[SpanTuple]] = field(default_factory=dict)  # changed article -> its old auto spans
    after: dict[int, list[SpanTuple]] = field(default_factory=dict)  # changed article -> its new auto spans
    event_ids: list[int] = field(default_factory=list)  # the events the chunks recorded (undo takes them back)
    failed: list[tuple[int, str]] = field(default_factory=list)  # (article, error) the pipeline failed on: untouched
    error: str | None = None  # a chunk could not be written: the batch stopped there (earlier chunks stay)
    cancelled: bool = False
    seconds: float = 0.0


def run_batch(
    store: Store,
    article_ids: Sequence[int],
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    chunk: int = 100,
    *,
    skip_statuses: Sequence[str] = CLOSED_STATUSES,
    force: bool = False,
    extractor: Any = None,
) -> BatchSummary:
    """Re-extract the given articles, ``chunk`` articles per transaction; see the module docstring.

    Articles whose status is in ``skip_statuses`` when their chunk is written are left
    out, as are articles edited between reading and writing their chunk.
    ``extractor``: what finds the spans (default: the process-wide one); the
    articles written record its ``model_id`` (None: the shipped model).
    """
    model_id = getattr(extractor if extractor is not None else _entities().shared_extractor(), "model_id", None)
    started = time.perf_counter()
    progress = progress or (lambda done, total, name="": None)
    cancelled = cancelled or (lambda: False)
    chunk = max(1, int(chunk))
    ids = list(dict.fromkeys(article_ids))
    summary = BatchSummary(total=len(ids))
    done = 0
    for i in range(0, len(ids), chunk):
        part = ids[i : i + chunk]
        if cancelled():
            summary.cancelled = True
            break
        bodies = store.article_bodies(part)
        mapping: dict[int, list[dict[str, Any]]] = {}
        for aid in part:
            if cancelled():
                summary.cancelled = True  # drop this chunk unwritten
                break
            if aid in bodies:
                try:
                    mapping[aid] = spans_for(bodies[aid], extractor)
                except Exception as err:  # noqa: BLE001 - a pipeline bug on one body must not sink the batch
                    summary.failed.append((aid, f"{type(err).__name__}: {err}"))
            done += 1
            progress(done, len(ids), f"#{aid}")
        if summary.cancelled:
            break
        summary.articles_skipped.extend(aid for aid in part if aid not in bodies)
        if not mapping:
            continue
        try:
            result = store.replace_auto_spans_many(
                mapping, force=force, skip_statuses=tuple(skip_statuses), bodies={a: bodies[a] for a in mapping},
                model_id=model_id,
            )
        except StoreError as err:
            summary.error = str(err)
            break
        summary.articles_skipped.extend(result.articles_skipped)
        summary.event_ids.extend(result.event_ids)
        summary.processed += len(mapping) - len(result.articles_skipped)
        summary.spans_skipped += result.spans_skipped
        for aid in sorted(result.article_ids):
            removed, added = result.removed.get(aid, []), result.added.get(aid, [])
            summary.changed += 1
            summary.spans_removed += len(removed)
            summary.spans_added += len(added)
            summary.removed_by_label.update(s["label"] for s in removed)
            summary.added_by_label.update(s["label"] for s in added)
            summary.before[aid] = [span_tuple(s) for s in removed]
            summary.after[aid] = [span_tuple(s) for s in added]
    summary.seconds = time.perf_counter() - started
    return summary


def format_summary(summary: BatchSummary) -> str:
    """The summary as a few lines for the terminal."""
    lines = [
        f"articles: {summary.processed} re-extracted of {summary.total}, {summary.changed} changed"
        + (f", {len(summary.articles_skipped)} left out (gone, signed off or edited meanwhile)"
           if summary.articles_skipped else ""),
        f"machine spans: {summary.spans_removed} removed, {summary.spans_added} added"
        + (f", {summary.spans_skipped} skipped (overlap a human/imported span)" if summary.spans_skipped else ""),
    ]
    labels = sorted(set(summary.added_by_label) | set(summary.removed_by_label))
    if labels:
        lines.append(
            "by label: "
            + ", ".join(f"{lab} -{summary.removed_by_label[lab]} +{summary.added_by_label[lab]}" for lab in labels)
        )
    for aid, error in summary.failed[:20]:
        lines.append(f"article {aid} not re-extracted: {error}")
    if summary.error:
        lines.append(f"stopped: {summary.error}")
    if summary.cancelled:
        lines.append("cancelled: the articles above were written in whole chunks; the rest were not touched")
    lines.append(f"time: {summary.seconds:.1f} s")
    return "\n".join(lines)
