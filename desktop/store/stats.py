"""Project statistics: progress, review throughput, spans, and what editors
changed in the machine's output.

Owns: ``ProjectStats``, ``LabelEdits`` and ``project_stats`` (called by
``Store.stats`` under the store lock; aggregates in SQL and the editor figures
merged one article at a time, so memory stays flat at any archive size), plus ``body_key`` and
``articles_by_body`` (matching imported records onto articles by text).

How the machine-vs-editor figures are derived, on **reviewed** articles only,
from the events table (span writes record the whole span before/after, id
included; ``accept_auto_spans`` records the ids it confirmed):

* a span whose earliest span event is not an ``add_span`` (or that has no event
  at all) existed at import: its state then is the ``before`` of that earliest
  event, or its current row.  It was the machine's if that origin was ``auto``
  or an ``accept_auto_spans`` event lists its id;
* such an auto span is then, under its original label: **deleted** (no longer in
  the article), **relabelled** (label changed), **moved** (boundaries changed:
  text changed, or offsets changed without a body edit of the article) or
  **kept** (still auto, or accepted unchanged);
* a span first seen in an ``add_span`` event that is still there with origin
  ``human`` was **added** by hand (counted under its current label).  An undo
  that restores a removed span re-adds it under the same id, so it stays the
  machine's.

precision = kept / (kept + deleted + relabelled + moved); recall = kept / (kept + added).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlite_utils import Database

from desktop.store.codec import loads

_WS = re.compile(r"\s+")
_SPAN_ACTIONS = ("add_span", "remove_span", "update_span", "accept_auto_spans", "set_body")


@dataclass
class LabelEdits:
    """What editors did to the machine's spans of one label (reviewed articles)."""

    kept: int = 0
    deleted: int = 0
    relabelled: int = 0
    moved: int = 0
    added: int = 0

    @property
    def machine(self) -> int:
        return self.kept + self.deleted + self.relabelled + self.moved

    @property
    def precision(self) -> float | None:
        return self.kept / self.machine if self.machine else None

    @property
    def recall(self) -> float | None:
        total = self.kept + self.added
        return self.kept / total if total else None


@dataclass
class ProjectStats:
    """Every figure of ``newsdesk stats`` and the Statistics dialog."""

    articles: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    reviewed_per_day: list[tuple[str, int]] = field(default_factory=list)  # (YYYY-MM-DD UTC, n), oldest first
    reviewed_per_editor: dict[str, int] = field(default_factory=dict)
    spans_by_label: dict[str, int] = field(default_factory=dict)
    spans_by_origin: dict[str, int] = field(default_factory=dict)
    edits: dict[str, LabelEdits] = field(default_factory=dict)  # label -> figures
    reviewed_articles: int = 0


def body_key(text: str) -> str:
    """Identity of a body for matching: hashed with all whitespace removed (in OCR'd Chinese
    text, spaces and line breaks carry no meaning and vary between tools)."""
    norm = _WS.sub("", text)
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


def articles_by_body(db: Database, include_superseded: bool = False) -> dict[str, list[int]]:
    """body_key -> article ids (ascending), over current page versions unless asked otherwise."""
    sql = "SELECT a.id, a.body FROM articles a JOIN pages p ON p.id = a.page_id"
    if not include_superseded:
        sql += " WHERE p.superseded = 0"
    out: dict[str, list[int]] = {}
    for aid, body in db.execute(sql + " ORDER BY a.id"):
        out.setdefault(body_key(body or ""), []).append(aid)
    return out


def _pairs(db: Database, sql: str) -> list[tuple[Any, int]]:
    return [(k, n) for k, n in db.execute(sql)]


def project_stats(db: Database) -> ProjectStats:
    st = ProjectStats()
    st.by_status = dict(_pairs(db, "SELECT status, count(*) FROM articles GROUP BY status ORDER BY status"))
    st.articles = sum(st.by_status.values())
    st.reviewed_articles = st.by_status.get("reviewed", 0)
    st.reviewed_per_day = _pairs(
        db,
        "SELECT substr(reviewed_at, 1, 10) AS day, count(*) FROM articles"
        " WHERE status = 'reviewed' AND reviewed_at IS NOT NULL GROUP BY day ORDER BY day",
    )
    st.reviewed_per_editor = dict(
        _pairs(
            db,
            "SELECT coalesce(reviewer, '?') AS who, count(*) FROM articles WHERE status = 'reviewed'"
            " GROUP BY who ORDER BY count(*) DESC, who",
        )
    )
    st.spans_by_label = dict(_pairs(db, "SELECT label, count(*) FROM spans GROUP BY label ORDER BY count(*) DESC, label"))
    st.spans_by_origin = dict(_pairs(db, "SELECT origin, count(*) FROM spans GROUP BY origin ORDER BY origin"))
    st.edits = _edit_figures(db)
    return st


def _grouped(cursor: Iterable[tuple], key: int) -> Iterator[tuple[int, list[tuple]]]:
    """(article id, its rows) from rows ordered by the article id in column ``key``."""
    for aid, rows in groupby(cursor, key=itemgetter(key)):
        yield aid, list(rows)


def _edit_figures(db: Database, condition: str = "", params: tuple = ()) -> dict[str, LabelEdits]:
    """Streams: the reviewed articles' span events and current spans come ordered by article and are
    merged one article at a time, so memory holds one article's events, whatever the archive size.
    ``condition``: more SQL on ``articles`` (with ``params``) narrowing which reviewed articles count."""
    figures: dict[str, LabelEdits] = {}
    reviewed_ids = "SELECT id FROM articles WHERE status = 'reviewed'" + (f" AND {condition}" if condition else "")
    marks = ", ".join("?" * len(_SPAN_ACTIONS))
    events = _grouped(db.execute(
        f"SELECT article_id, action, before, after FROM events WHERE article_id IN ({reviewed_ids})"
        f" AND action IN ({marks}) AND undone = 0 ORDER BY article_id, id",
        (*params, *_SPAN_ACTIONS),
    ), 0)
    spans = _grouped(db.execute(
        f'SELECT id, article_id, start, "end", label, text, origin FROM spans WHERE article_id IN ({reviewed_ids})'
        " ORDER BY article_id", params
    ), 1)
    next_events = next(events, None)
    next_spans = next(spans, None)
    for (aid,) in db.execute(f"{reviewed_ids} ORDER BY id", params):
        article_events: list[tuple[str, Any, Any]] = []
        while next_events is not None and next_events[0] <= aid:
            if next_events[0] == aid:
                article_events = [(action, loads(before), loads(after)) for _a, action, before, after in next_events[1]]
            next_events = next(events, None)
        now: dict[int, dict[str, Any]] = {}
        while next_spans is not None and next_spans[0] <= aid:
            if next_spans[0] == aid:
                now = {sid: {"start": start, "end": end, "label": label, "text": text, "origin": origin}
                       for sid, _a, start, end, label, text, origin in next_spans[1]}
            next_spans = next(spans, None)
        _article_edits(article_events, now, figures)
    return figures


def _article_edits(
    events: list[tuple[str, Any, Any]], now: dict[int, dict[str, Any]], figures: dict[str, LabelEdits]
) -> None:
    first: dict[int, tuple[str, Any]] = {}  # span id -> (earliest action, its before)
    accepted: set[int] = set()
    body_edited = False
    for action, before, after in events:
        if action == "accept_auto_spans":
            accepted.update((before or {}).get("span_ids") or [])
        elif action == "set_body":
            body_edited = True
        else:
            sid = (after if action == "add_span" else before or {}).get("id")
            if sid is not None and sid not in first:
                first[sid] = (action, before)
    for sid in set(first) | set(now):
        action, before = first.get(sid, ("", None))
        final = now.get(sid)
        if action == "add_span":
            if final is not None and final["origin"] == "human":
                figures.setdefault(final["label"], LabelEdits()).added += 1
            continue
        initial = before if before is not None else final
        if initial is None:
            continue
        if initial.get("origin") != "auto" and sid not in accepted:
            continue
        fig = figures.setdefault(initial["label"], LabelEdits())
        if final is None:
            fig.deleted += 1
        elif final["label"] != initial["label"]:
            fig.relabelled += 1
        elif final["text"] != initial["text"] or (
            not body_edited and (final["start"], final["end"]) != (initial["start"], initial["end"])
        ):
            fig.moved += 1
        else:
            fig.kept += 1


def label_order(counts: Counter[str] | dict[str, Any]) -> list[str]:
    """Labels in the pipeline's order, unknown ones after (alphabetical)."""
    from desktop.pipeline.model import LABELS

    return [lb for lb in LABELS if lb in counts] + sorted(lb for lb in counts if lb not in LABELS)
