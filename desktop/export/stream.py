"""Exporting a whole project at disk speed: streamed, in order, on several cores, with progress.

Owns :func:`export_project` (what ``newsdesk export`` and the app's export
dialogs call), :data:`LINE_FORMATS` (the formats whose output is one piece of
text per record, joined in order: jsonl, doccano, conll, csv) and
:func:`encode_chunk` (one chunk of ids -> its text, run on a worker process).

How: the ids to export are read first as one int64 array (the store's page
order: 8 bytes an article), cut into chunks of ``CHUNK`` ids.  For a line
format each chunk is read and encoded by a worker process on its own
read-only connection (records -> options -> text), and the main process
writes the chunks' texts in order into the atomic output file, with at most
``2 × workers`` chunks in flight, so memory stays at a few chunks whatever the
archive size.  The work is CPU-bound (building records and JSON text: ~35 MB/s
a core measured at 1M articles) and splits evenly, so two workers come close
to twice one.  Other formats (Label Studio's one JSON array, brat's folder,
train/dev/test splits) stream the same records through their writer in this
process.  ``progress(done, total)`` is called after each chunk; ``cancelled()``
stops between chunks (the partial file is removed: nothing is written).
"""

from __future__ import annotations

import csv
import gc
import io
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from orjson import OPT_APPEND_NEWLINE as APPEND_NEWLINE, JSONEncodeError, dumps

from desktop.export.atomic import atomic_file
from desktop.export.base import ExportStats
from desktop.export.json_text import json_bytes
from desktop.export.options import ExportOptions, apply_options, options_are_default
from desktop.store.records import ArticleFilter

CHUNK = 1000  # articles per chunk of work (~4.5 MB of JSONL)


class ExportCancelled(Exception):
    """The export was cancelled; nothing was written."""


def _jsonl(record: Mapping[str, Any], _options: ExportOptions) -> tuple[bytes, int]:
    from desktop.export.base import ordered_record

    return json_bytes(ordered_record(record)) + b"\n", len(record["spans"])


def _doccano(record: Mapping[str, Any], options: ExportOptions) -> tuple[bytes, int]:
    from desktop.export.doccano import DEFAULT_UNIT, doccano_line

    line = doccano_line(record, options.offset_unit or DEFAULT_UNIT)
    return json_bytes(line) + b"\n", len(line["label"])


def _conll(record: Mapping[str, Any], _options: ExportOptions) -> tuple[str, int]:
    from desktop.export.conll import write_document

    out = io.StringIO()
    tagged = write_document(out, record)
    return out.getvalue(), tagged


def _csv(record: Mapping[str, Any], _options: ExportOptions) -> tuple[str, int]:
    from desktop.export.csv_table import csv_row

    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(csv_row(record))
    return out.getvalue(), len(record["spans"])


def _csv_header() -> str:
    from desktop.export.csv_table import COLUMNS

    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(COLUMNS)
    return out.getvalue()


# name -> (encode one record, header text, file encoding); the text of a file is the header and
# the records' texts in order, exactly what the format's writer (desktop/export/<name>.py) writes.
LINE_FORMATS: dict[str, tuple[Callable[[Mapping[str, Any], ExportOptions], tuple[str | bytes, int]], Callable[[], str] | None, str]] = {
    "jsonl": (_jsonl, None, "utf-8"),
    "doccano": (_doccano, None, "utf-8"),
    "conll": (_conll, None, "utf-8"),
    "csv": (_csv, _csv_header, "utf-8-sig"),
}

# --- worker side ------------------------------------------------------------------------------
_WORKER_STORE: dict[str, Any] = {}


def _worker_db(project: str) -> Any:
    """This worker process's read-only connection to ``project`` (opened once)."""
    db = _WORKER_STORE.get(project)
    if db is None:
        from desktop.store.export_records import open_reader

        db = open_reader(Path(project))
        _WORKER_STORE.clear()
        _WORKER_STORE[project] = db
    return db


def encode_chunk(project: str, fmt: str, ids: list[int], options: ExportOptions) -> tuple[bytes, int, int]:
    """(UTF-8 bytes, records, spans) of the records of ``ids`` in ``fmt``; runs on a worker process
    (the encoding to bytes too: the main process only writes).

    The cyclic garbage collector is paused meanwhile: records hold no cycles, and its passes over
    the ~100,000 dicts and lists a chunk makes cost ~10 % of the encoding."""
    from desktop.store.export_records import records_for_ids

    db = _worker_db(project)
    records = records_for_ids(db, ids, options.all_editors)
    collecting = gc.isenabled()
    gc.disable()
    try:
        if fmt == "jsonl" and options_are_default(options):
            return _jsonl_chunk(records)
        encode = LINE_FORMATS[fmt][0]
        parts: list[bytes] = []
        n_records = n_spans = 0
        for record in apply_options(records, options):
            text, spans = encode(record, options)
            parts.append(text if isinstance(text, bytes) else text.encode("utf-8"))
            n_records += 1
            n_spans += spans
        return b"".join(parts), n_records, n_spans
    finally:
        if collecting:
            gc.enable()


def _jsonl_chunk(records: Iterator[dict[str, Any]]) -> tuple[bytes, int, int]:
    """``encode_chunk`` of JSONL with default options: the store's records are already in JSONL key
    order (``ordered_record`` would return them as they are), so each goes to orjson directly."""
    from desktop.export.base import ordered_record

    parts: list[bytes] = []
    n_spans = 0
    for record in records:
        try:
            parts.append(dumps(record, option=APPEND_NEWLINE))
        except (JSONEncodeError, TypeError):  # what orjson refuses: the standard library, as json_bytes does
            parts.append(json_bytes(ordered_record(record)) + b"\n")
        n_spans += len(record["spans"])
    return b"".join(parts), len(parts), n_spans


# --- main side --------------------------------------------------------------------------------
def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def _chunks(ids: Any) -> Iterator[list[int]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK].tolist()


def export_project(
    fmt: str,
    project: str | os.PathLike[str],
    path: str | os.PathLike[str],
    options: ExportOptions | None = None,
    flt: ArticleFilter = ArticleFilter(),
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportStats:
    """Export the articles of the project file ``project`` that pass ``flt`` to ``path`` in ``fmt``.

    ``workers``: processes encoding chunks of a line format (default: one per core, at most 2;
    1 encodes in this process).  ``progress(done, total)`` counts articles.
    """
    from desktop.store.store import Store

    options = options or ExportOptions()
    store = Store.open(Path(project), create=False, readonly=True)
    try:
        ids = store.export_ids(flt)
    finally:
        store.close()
    total = len(ids)
    workers = default_workers() if workers is None else max(1, workers)
    if fmt not in LINE_FORMATS or options.split is not None:
        return _through_writer(fmt, project, ids, path, options, flt, progress, cancelled)
    encode, header, encoding = LINE_FORMATS[fmt]
    n_records = n_spans = done = 0
    with atomic_file(path, encoding="utf-8", newline="") as stream:
        out = stream.buffer  # the chunks come encoded; "utf-8-sig" is a BOM before the header
        out.write(((header() if header is not None else "")).encode(encoding))
        for (data, records, spans), size in _encoded(str(project), fmt, ids, options, workers, cancelled):
            out.write(data)
            n_records += records
            n_spans += spans
            done += size
            if progress is not None:
                progress(done, total)
    return ExportStats(records=n_records, spans=n_spans, files=1, outputs=(str(path),))


def _encoded(
    project: str, fmt: str, ids: Any, options: ExportOptions, workers: int, cancelled: Callable[[], bool] | None
) -> Iterator[tuple[tuple[bytes, int, int], int]]:
    """(encode_chunk result, chunk size) of each chunk, in order."""
    if workers <= 1 or len(ids) <= CHUNK:
        for chunk in _chunks(ids):
            if cancelled is not None and cancelled():
                raise ExportCancelled("export cancelled")
            yield encode_chunk(project, fmt, chunk, options), len(chunk)
        _WORKER_STORE.clear()
        return
    # spawn: a fresh interpreter per worker (forking a process with Qt and SQLite threads is unsafe)
    context = multiprocessing.get_context("spawn")
    pending: deque[tuple[Future[tuple[bytes, int, int]], int]] = deque()
    chunks = _chunks(ids)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            for chunk in chunks:
                pending.append((pool.submit(encode_chunk, project, fmt, chunk, options), len(chunk)))
                if len(pending) >= 2 * workers:
                    break
            while pending:
                if cancelled is not None and cancelled():
                    raise ExportCancelled("export cancelled")
                future, size = pending.popleft()
                result = future.result()
                nxt = next(chunks, None)
                if nxt is not None:
                    pending.append((pool.submit(encode_chunk, project, fmt, nxt, options), len(nxt)))
                yield result, size
        finally:
            for future, _size in pending:
                future.cancel()


def _through_writer(
    fmt: str, project: str | os.PathLike[str], ids: Any, path: str | os.PathLike[str], options: ExportOptions,
    flt: ArticleFilter, progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None,
) -> ExportStats:
    """A format written as a whole (or a split): the records streamed through its writer, here."""
    from desktop.export.registry import export
    from desktop.store.export_records import open_reader, records_for_ids

    total = len(ids)
    done = [0]

    def records() -> Iterator[dict[str, Any]]:
        db = open_reader(Path(project))
        try:
            for chunk in _chunks(ids):
                if cancelled is not None and cancelled():
                    raise ExportCancelled("export cancelled")
                yield from records_for_ids(db, chunk, options.all_editors)
                done[0] += len(chunk)
                if progress is not None:
                    progress(done[0], total * (4 if options.split else 1))  # a split reads them 4 times
        finally:
            db.close()

    return export(fmt, records, path, options)
