"""Dataset exporters and readers: Newsdesk records to the formats other tools load.

Owns every file format Newsdesk writes (JSONL, doccano, Label Studio, CoNLL,
CSV, brat), the options applied on the way out (label filter, human-only,
sentence units, train/dev/test split), atomic writing, and the readers that
parse those formats back.  Exporters are pure functions over record dicts:
no Qt, no SQL.  The entry point for callers is :func:`export` in
:mod:`desktop.export.registry`.
"""

from __future__ import annotations

from desktop.export.atomic import ExportError
from desktop.export.base import ExportStats
from desktop.export.options import ExportOptions, apply_options, split_records
from desktop.export.registry import FORMATS, FormatInfo, export, get_format

__all__ = [
    "FORMATS",
    "ExportError",
    "ExportOptions",
    "ExportStats",
    "FormatInfo",
    "apply_options",
    "export",
    "get_format",
    "split_records",
]
