"""Newsdesk JSONL: one article (or sentence) record per line, nothing lost.

Owns :func:`write_jsonl`.  Each line is the record with its keys in the order
of :data:`desktop.export.base.RECORD_KEYS` (sentence records add
``article_id`` and ``sentence_index`` after ``id``), with Chinese characters
as they are (not ``\\u`` escapes) and compact separators
(``desktop.export.json_text``), UTF-8 without BOM, ``\\n`` line ends.  This
is the lossless format: span values and origins, sections, captions, review
state.

Offsets: Python code points into ``body``, end exclusive (the store's unit).
Loads with Hugging Face ``datasets``: ``load_dataset("json", data_files=...)``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.export.atomic import atomic_file
from desktop.export.base import ExportStats, ordered_record
from desktop.export.json_text import json_line
from desktop.export.options import ExportOptions, apply_options


def dumps_record(record: Mapping[str, Any]) -> str:
    """One JSONL line (without the line end) for ``record``."""
    return json_line(ordered_record(record))


def write_jsonl(
    records: Iterable[Mapping[str, Any]],
    path: str | os.PathLike[str],
    options: ExportOptions | None = None,
) -> ExportStats:
    """Write ``records`` to ``path`` as Newsdesk JSONL, atomically."""
    options = options or ExportOptions()
    n_records = n_spans = 0
    with atomic_file(path) as stream:
        for record in apply_options(records, options):
            stream.write(dumps_record(record))
            stream.write("\n")
            n_records += 1
            n_spans += len(record["spans"])
    return ExportStats(records=n_records, spans=n_spans, files=1, outputs=(str(path),))
