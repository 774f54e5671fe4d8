"""Plain-text tables of a project's statistics, for ``newsdesk stats``.

Owns: ``format_stats`` (all tables) and ``table`` (one aligned table; widths
count a CJK character as two columns so Chinese editor names line up).
No SQL and no Qt: the figures come from ``Store.stats()``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from desktop.pipeline.model import STATUSES
from desktop.store.stats import ProjectStats, label_order


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A titled table; the first column is left-aligned, the others right-aligned."""
    cells = [[str(c) for c in header]] + [[str(c) for c in r] for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(header))]
    lines = [title]
    for n, row in enumerate(cells):
        lines.append("  " + "  ".join(_pad(c, widths[i], i > 0) for i, c in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  " + "  ".join("-" * w for w in widths))
    if not rows:
        lines.append("  (none)")
    return "\n".join(lines)


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def format_stats(st: ProjectStats) -> str:
    statuses = [s for s in STATUSES if s in st.by_status] + sorted(s for s in st.by_status if s not in STATUSES)
    parts = [
        table("Articles by status", ("status", "articles"),
              [(s, st.by_status[s]) for s in statuses] + [("total", st.articles)]),
        table("Reviewed per day (UTC)", ("day", "reviewed"), st.reviewed_per_day),
        table("Reviewed per editor", ("editor", "reviewed"), list(st.reviewed_per_editor.items())),
        table("Spans by label", ("label", "spans"),
              [(lb, st.spans_by_label[lb]) for lb in label_order(st.spans_by_label)]
              + [("total", sum(st.spans_by_label.values()))]),
    ]
    rows = []
    for lb in label_order(st.edits):
        e = st.edits[lb]
        rows.append((lb, e.kept, e.deleted, e.relabelled, e.moved, e.added, percent(e.precision), percent(e.recall)))
    parts.append(
        table(
            f"Editor changes to the machine's spans ({st.reviewed_articles} reviewed article(s))",
            ("label", "kept", "deleted", "relabelled", "moved", "added", "precision", "recall"),
            rows,
        )
    )
    parts.append(
        "  precision = kept / (kept + deleted + relabelled + moved); recall = kept / (kept + added)"
    )
    return "\n\n".join(parts)


def format_learning(ls: Any) -> str:
    """The learning figures of ``Store.learning_stats()``: P/R per model version, changes per day."""
    rows = []
    for m in ls.by_model:
        for lab, f in m["labels"].items():
            rows.append((m["name"], m["articles"], lab, f["machine"], percent(f["precision"]), percent(f["recall"])))
    parts = [
        table("Machine vs editors per model version (reviewed articles)",
              ("model", "articles", "label", "machine spans", "precision", "recall"), rows),
        table("Editor changes per reviewed article (by day of review, UTC)", ("day", "reviewed", "changes", "per article"),
              [(d, n, c, f"{r:.2f}") for d, n, c, r in ls.changes_per_day]),
    ]
    return "\n\n".join(parts)


def stats_json(st: ProjectStats, ls: Any) -> dict[str, Any]:
    """Every figure of ``newsdesk stats`` as JSON-able data."""
    return {
        "articles": st.articles,
        "by_status": st.by_status,
        "reviewed_articles": st.reviewed_articles,
        "reviewed_per_day": [{"day": d, "reviewed": n} for d, n in st.reviewed_per_day],
        "reviewed_per_editor": st.reviewed_per_editor,
        "spans_by_label": st.spans_by_label,
        "spans_by_origin": st.spans_by_origin,
        "edits": {lab: {"kept": e.kept, "deleted": e.deleted, "relabelled": e.relabelled, "moved": e.moved,
                        "added": e.added, "precision": e.precision, "recall": e.recall} for lab, e in st.edits.items()},
        "learning": ls.to_json(),
    }
