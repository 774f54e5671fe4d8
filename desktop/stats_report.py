"""Plain-text tables of a project's statistics, for ``newsdesk stats``.

Owns: ``format_stats`` (all tables) and ``table`` (one aligned table; widths
count a CJK character as two columns so Chinese editor names line up).
No SQL and no Qt: the figures come from ``Store.stats()``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

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
