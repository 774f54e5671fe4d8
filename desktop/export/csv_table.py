"""CSV table of article fields, one row per record, that Excel opens with Chinese intact.

Owns :func:`write_csv` and :data:`COLUMNS`.  UTF-8 with a BOM (Excel on
Windows otherwise guesses the ANSI code page and shows mojibake), ``\\r\\n``
row ends, RFC 4180 quoting (a body with line breaks stays one cell).
``authors`` is ``name(role);name(role)``, ``tags`` and ``flags`` are joined
with ``;``, ``n_spans`` counts the spans kept by the options.

Offsets: none; spans are not in this table (use JSONL, doccano or brat).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.export.atomic import atomic_file
from desktop.export.base import ExportStats, ordered_record
from desktop.export.options import ExportOptions, apply_options

COLUMNS: tuple[str, ...] = (
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
    "status",
    "tags",
    "flags",
    "n_spans",
    "reviewer",
    "reviewed_at",
    "body",
)


def format_authors(authors: Iterable[Mapping[str, Any]]) -> str:
    """``[{"name": "李鹏飞", "role": "记者"}]`` -> ``李鹏飞(记者)``; joined with ``;``."""
    parts = []
    for author in authors:
        role = author.get("role") or ""
        parts.append(f"{author.get('name', '')}({role})" if role else str(author.get("name", "")))
    return ";".join(parts)


def csv_row(record: Mapping[str, Any]) -> list[str]:
    """The cells of one record, in COLUMNS order."""
    rec = ordered_record(record)
    values: dict[str, Any] = dict(rec)
    values["authors"] = format_authors(rec["authors"])
    values["tags"] = ";".join(rec["tags"])
    values["flags"] = ";".join(rec["flags"])
    values["n_spans"] = len(rec["spans"])
    return ["" if values[c] is None else str(values[c]) for c in COLUMNS]


def write_csv(
    records: Iterable[Mapping[str, Any]],
    path: str | os.PathLike[str],
    options: ExportOptions | None = None,
) -> ExportStats:
    """Write ``records`` to ``path`` as a UTF-8-with-BOM CSV table, atomically."""
    options = options or ExportOptions()
    n_records = n_spans = 0
    with atomic_file(path, encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for record in apply_options(records, options):
            writer.writerow(csv_row(record))
            n_records += 1
            n_spans += len(record["spans"])
    return ExportStats(records=n_records, spans=n_spans, files=1, outputs=(str(path),))
