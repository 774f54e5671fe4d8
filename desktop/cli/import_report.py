"""Plain-text summaries printed by the command line (no Qt, no SQL).

Owns: ``format_import_summary`` — pages, articles, spans by label, skipped
files with their reasons, warnings and throughput of an import.
"""

from __future__ import annotations

from desktop.ops.importer import ImportSummary
from desktop.pipeline.model import LABELS


def format_import_summary(s: ImportSummary) -> str:
    lines = [
        f"files: {s.files}   pages new: {s.pages_new}   new versions: {s.pages_new_version}   unchanged: {s.pages_unchanged}",
        f"articles: {s.articles}   characters: {s.chars:,}   time: {s.seconds:.1f} s"
        + (f"   ({s.chars / s.seconds:,.0f} chars/s)" if s.seconds > 0 and s.chars else ""),
    ]
    if s.spans_by_label:
        lines.append("spans: " + "  ".join(f"{lab} {s.spans_by_label.get(lab, 0)}" for lab in LABELS))
    if s.cancelled:
        lines.append("import cancelled: the pages listed above are complete; the rest were not imported")
    for w in s.warnings:
        lines.append(f"warning: {w.path}: {w.reason}")
    if s.skipped:
        lines.append(f"skipped {len(s.skipped)} file(s):")
        lines.extend(f"  {p.path}: {p.reason}" for p in s.skipped)
    return "\n".join(lines)
