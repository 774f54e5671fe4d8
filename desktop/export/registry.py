"""The list of export formats and the one entry point callers use, :func:`export`.

Owns :data:`FORMATS` (name -> writer, file extension, one-line description),
:func:`get_format` and :func:`export`, which runs a writer with options and,
when a split is asked for, writes ``<stem>.train/.dev/.test.<ext>`` with all
articles of a page in one split.  The CLI and the Export dialog call
:func:`export`; they never pick writers by hand.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from desktop.export.atomic import ExportError, describe_os_error, ensure_replaceable_dir, replace_folder
from desktop.export.base import ExportStats
from desktop.export.brat import write_brat
from desktop.export.conll import write_conll
from desktop.export.csv_table import write_csv
from desktop.export.doccano import write_doccano
from desktop.export.jsonl import write_jsonl
from desktop.export.label_studio import config_path, write_label_studio
from desktop.export.options import (
    SPLIT_NAMES,
    ExportOptions,
    assign_pages,
    page_key,
    split_path,
)

Records = Iterable[Mapping[str, Any]]
RecordSource = Records | Callable[[], Records]


class Writer(Protocol):
    def __call__(
        self, records: Records, path: str | os.PathLike[str], options: ExportOptions | None = None
    ) -> ExportStats: ...


@dataclass(frozen=True)
class FormatInfo:
    """One export format: its writer, file extension ('' for a folder) and description."""

    name: str
    writer: Writer
    extension: str
    description: str

    @property
    def is_folder(self) -> bool:
        return not self.extension


FORMATS: dict[str, FormatInfo] = {
    info.name: info
    for info in (
        FormatInfo("jsonl", write_jsonl, ".jsonl",
                   "Newsdesk JSONL: every field and span, code-point offsets (lossless)"),
        FormatInfo("doccano", write_doccano, ".jsonl",
                   "doccano sequence labeling JSONL (text + label), UTF-16 offsets"),
        FormatInfo("label-studio", write_label_studio, ".json",
                   "Label Studio tasks JSON + labeling config, UTF-16 offsets"),
        FormatInfo("conll", write_conll, ".conll",
                   "character-level IOB2 CoNLL (one character per line) for NER training"),
        FormatInfo("csv", write_csv, ".csv",
                   "CSV table of article fields, UTF-8 with BOM for Excel"),
        FormatInfo("brat", write_brat, "",
                   "brat standoff folder: .txt + .ann per article, annotation.conf"),
    )
}


def get_format(name: str) -> FormatInfo:
    """The format called ``name``; ValueError listing the known names otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown export format {name!r}; known: {', '.join(FORMATS)}") from None


def _open(source: RecordSource) -> Records:
    return source() if callable(source) else source


def export(
    fmt: str,
    records: RecordSource,
    path: str | os.PathLike[str],
    options: ExportOptions | None = None,
) -> ExportStats:
    """Export ``records`` in format ``fmt`` to ``path``.

    ``records`` is an iterable, or a callable returning a fresh iterable (for
    example ``lambda: store.iter_records(flt)``).  With ``options.split`` a
    callable is read once to count articles per page and once per split, so
    memory stays at one record; a plain iterable is held in memory instead.
    The three split outputs are staged in a temp folder and moved into place
    only when all three are complete.
    """
    info = get_format(fmt)
    options = options or ExportOptions()
    if options.split is None:
        return info.writer(_open(records), path, options)
    if not callable(records):
        held = list(records)
        records = lambda: held  # noqa: E731 - re-readable view of the held records
    return _export_split(info, records, Path(path), options)


def _export_split(
    info: FormatInfo, source: Callable[[], Records], path: Path, options: ExportOptions
) -> ExportStats:
    assert options.split is not None
    counts = Counter(page_key(r) for r in source())
    assignment = assign_pages(counts, options.split, options.seed)
    plain = replace(options, split=None)

    def part(name: str) -> Iterator[Mapping[str, Any]]:
        return (r for r in source() if assignment[page_key(r)] == name)

    if not path.parent.is_dir():
        raise ExportError(path, f"folder {path.parent} does not exist")
    for name in SPLIT_NAMES:
        final = split_path(path, name)
        if info.is_folder:
            ensure_replaceable_dir(final)
        elif final.is_dir():
            raise ExportError(final, "a folder with this name exists")
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".split.tmp", dir=path.parent))
    except OSError as exc:
        raise ExportError(path, describe_os_error(exc)) from exc
    try:
        total = ExportStats()
        moves: list[tuple[Path, Path]] = []
        for name in SPLIT_NAMES:
            final = split_path(path, name)
            staged = staging / final.name
            stats = info.writer(part(name), staged, plain)
            total += replace(stats, outputs=(str(final),))
            moves.append((staged, final))
            if info.name == "label-studio":
                moves.append((config_path(staged), config_path(final)))
        for staged, final in moves:
            _move_into_place(staged, final)
        return total
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move_into_place(staged: Path, final: Path) -> None:
    if staged.is_dir():
        replace_folder(staged, final)
        return
    try:
        os.replace(staged, final)
    except OSError as exc:
        raise ExportError(final, describe_os_error(exc)) from exc
