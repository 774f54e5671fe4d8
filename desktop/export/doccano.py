"""doccano sequence-labeling JSONL (the format doccano imports and exports).

Owns :func:`write_doccano`.  One line per record::

    {"id": 1, "text": "...", "label": [[6, 12, "ORG"], ...], "page": ..., "title": ..., ...}

``text`` and ``label`` are the keys doccano 1.x exports and imports by default
(``data_export/pipeline/factories.py``: ``data``->``text``, ``spans``->``label``);
older doccano used ``data``/``labels`` and consumers pin versions (dc#113,
PaddleNLP#3037), so :func:`desktop.export.readers.parse_doccano` accepts both.
All other record fields follow as extra keys (doccano keeps them as ``meta``);
``body`` and ``spans`` are not repeated.  Normalised span values that would be
lost in ``label`` go to ``values``: ``[[start, end, "LABEL", value], ...]``.

Offsets: UTF-16 code units by default, because doccano's editor counts in
JavaScript string units unless the project enables grapheme mode (dc#2290):
after 𠮷 every offset is one more than Python's.  ``offset_unit="codepoint"``
writes Python code points instead (for scripts such as PaddleNLP's converters
that slice Python strings).  End exclusive.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.export.atomic import atomic_file
from desktop.export.base import ExportStats, ordered_record, sorted_spans
from desktop.export.json_text import json_line
from desktop.export.offsets import OffsetMap
from desktop.export.options import ExportOptions, apply_options

DEFAULT_UNIT = "utf16"


def doccano_line(record: Mapping[str, Any], unit: str) -> dict[str, Any]:
    """The doccano object for one record, offsets in ``unit``."""
    rec = ordered_record(record)
    body = rec["body"]
    omap = OffsetMap(body)
    spans = sorted_spans(rec)
    out: dict[str, Any] = {
        "id": rec["id"],
        "text": body,
        "label": [[omap.export(s["start"], unit), omap.export(s["end"], unit), s["label"]] for s in spans],
    }
    for key, value in rec.items():
        if key not in ("id", "body", "spans"):
            out[key] = value
    out["values"] = [
        [omap.export(s["start"], unit), omap.export(s["end"], unit), s["label"], s["value"]]
        for s in spans
        if s.get("value") is not None
    ]
    return out


def write_doccano(
    records: Iterable[Mapping[str, Any]],
    path: str | os.PathLike[str],
    options: ExportOptions | None = None,
) -> ExportStats:
    """Write ``records`` to ``path`` as doccano JSONL, atomically."""
    options = options or ExportOptions()
    unit = options.offset_unit or DEFAULT_UNIT
    n_records = n_spans = 0
    with atomic_file(path) as stream:
        for record in apply_options(records, options):
            line = doccano_line(record, unit)
            stream.write(json_line(line))
            stream.write("\n")
            n_records += 1
            n_spans += len(line["label"])
    return ExportStats(records=n_records, spans=n_spans, files=1, outputs=(str(path),))


__all__ = ["DEFAULT_UNIT", "doccano_line", "write_doccano"]
