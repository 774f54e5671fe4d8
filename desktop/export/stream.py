"""Exporting a whole project at disk speed: streamed, in order, on several cores, with progress.

Owns :func:`export_project` (what ``newsdesk export`` and the app's export
dialogs call), :data:`LINE_FORMATS` (the formats whose output is one piece of
text per record, joined in order: jsonl, doccano, conll, csv),
:func:`encode_chunk` (one chunk of ids -> its bytes) and
:func:`encode_chunk_to_file` (the same, written to a file: run on a worker process).

How: the ids to export are read first as one int64 array (the store's page
order: 8 bytes an article), cut into chunks of ``CHUNK`` ids.  For a line
format each chunk is read and encoded by a worker process on its own
read-only connection (records -> options -> bytes) and written to a chunk file
in a private folder of the system's temporary directory; the main process
appends the chunk files in order to the atomic output file (inside the kernel,
``sendfile``, where the system can) and removes each, with at most
``2 × workers`` chunks in flight, so memory and temporary space stay at a few
chunks whatever the archive size.  JSONL with default options goes from the
store's records to orjson without any copy or reordering, and the cyclic
garbage collector is paused while a chunk is encoded (records hold no cycles).
The work is CPU-bound (reading rows and building the records and their JSON
text) and splits evenly, so two workers come close to twice one.  With one
worker, or a single chunk, everything runs in this process.  Other formats
(Label Studio's one JSON array, brat's folder, train/dev/test splits) stream
the same records through their writer in this process.  ``progress(done,
total)`` is called after each chunk; ``cancelled()`` stops between chunks (the
partial file and the chunk files are removed: nothing is written).
"""

from __future__ import annotations

import csv
import errno
import gc
import io
import multiprocessing
import os
import shutil
import sys
import tempfile
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
    """(UTF-8 bytes, records, spans) of the records of ``ids`` in ``fmt``."""
    parts, n_records, n_spans = _encode_parts(project, fmt, ids, options)
    return b"".join(parts), n_records, n_spans


def encode_chunk_to_file(path: str, project: str, fmt: str, ids: list[int], options: ExportOptions) -> tuple[int, int]:
    """(records, spans) of ``encode_chunk``, its bytes written to the new file ``path``; runs on a
    worker process.  The main process copies the file into the output inside the kernel
    (:func:`_append_file`): the ~4.5 MB of a chunk are not joined, pickled, piped and unpickled."""
    parts, n_records, n_spans = _encode_parts(project, fmt, ids, options)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        _write_parts(fd, parts)
    finally:
        os.close(fd)
    return n_records, n_spans


def _write_parts(fd: int, parts: list[bytes]) -> None:
    if not hasattr(os, "writev"):  # Windows
        data = memoryview(b"".join(parts))
        while data:
            data = data[os.write(fd, data) :]
        return
    for i in range(0, len(parts), _IOV_MAX):
        batch = parts[i : i + _IOV_MAX]
        written = os.writev(fd, batch)
        if written < sum(map(len, batch)):  # a short write (rare on a file): the rest piece by piece
            rest = memoryview(b"".join(batch))[written:]
            while rest:
                rest = rest[os.write(fd, rest) :]


_IOV_MAX = 1024  # buffers per writev call (Linux's limit)


def _encode_parts(project: str, fmt: str, ids: list[int], options: ExportOptions) -> tuple[list[bytes], int, int]:
    """(the UTF-8 bytes of each record, records, spans) of the records of ``ids`` in ``fmt`` (the
    encoding to bytes happens here, on the worker: the main process only writes).

    The cyclic garbage collector is paused meanwhile: records hold no cycles, and its passes over
    the ~100,000 dicts and lists a chunk makes cost ~10 % of the encoding."""
    from desktop.store.export_records import records_for_ids

    db = _worker_db(project)
    records = records_for_ids(db, ids, options.all_editors)
    collecting = gc.isenabled()
    gc.disable()
    try:
        if fmt == "jsonl" and options_are_default(options):
            return _jsonl_parts(records)
        encode = LINE_FORMATS[fmt][0]
        parts: list[bytes] = []
        n_spans = 0
        for record in apply_options(records, options):
            text, spans = encode(record, options)
            parts.append(text if isinstance(text, bytes) else text.encode("utf-8"))
            n_spans += spans
        return parts, len(parts), n_spans
    finally:
        if collecting:
            gc.enable()


def _jsonl_parts(records: Iterator[dict[str, Any]]) -> tuple[list[bytes], int, int]:
    """``_encode_parts`` of JSONL with default options: the store's records are already in JSONL key
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
    return parts, len(parts), n_spans


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
        out.flush()  # from here on the output is written through its file descriptor
        fd = out.fileno()
        for data, records, spans, size in _encoded(str(project), fmt, ids, options, workers, cancelled):
            if isinstance(data, bytes):
                _write_parts(fd, [data])
            else:
                _append_file(data, fd)
            n_records += records
            n_spans += spans
            done += size
            if progress is not None:
                progress(done, total)
    return ExportStats(records=n_records, spans=n_spans, files=1, outputs=(str(path),))


def _encoded(
    project: str, fmt: str, ids: Any, options: ExportOptions, workers: int, cancelled: Callable[[], bool] | None
) -> Iterator[tuple[bytes | str, int, int, int]]:
    """(the chunk's bytes, or the file holding them, records, spans, chunk size) of each chunk, in
    order; a chunk file is removed once :func:`_append_file` copied it."""
    if workers <= 1 or len(ids) <= CHUNK:
        for chunk in _chunks(ids):
            if cancelled is not None and cancelled():
                raise ExportCancelled("export cancelled")
            yield (*encode_chunk(project, fmt, chunk, options), len(chunk))
        _WORKER_STORE.clear()
        return
    # spawn: a fresh interpreter per worker (forking a process with Qt and SQLite threads is unsafe)
    context = multiprocessing.get_context("spawn")
    pending: deque[tuple[Future[tuple[int, int]], str, int]] = deque()
    chunks = _chunks(ids)
    folder = tempfile.mkdtemp(prefix="newsdesk-export-")  # the chunks handed over: a few at a time
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:

            def submit(index: int, chunk: list[int]) -> None:
                part = os.path.join(folder, f"{index}.part")
                pending.append((pool.submit(encode_chunk_to_file, part, project, fmt, chunk, options), part, len(chunk)))

            try:
                submitted = 0
                for chunk in chunks:
                    submit(submitted, chunk)
                    submitted += 1
                    if len(pending) >= 2 * workers:
                        break
                while pending:
                    if cancelled is not None and cancelled():
                        raise ExportCancelled("export cancelled")
                    future, part, size = pending.popleft()
                    records, spans = future.result()
                    nxt = next(chunks, None)
                    if nxt is not None:
                        submit(submitted, nxt)
                        submitted += 1
                    yield part, records, spans, size
            finally:
                for future, _part, _size in pending:
                    future.cancel()
    finally:  # the pool has shut down: no worker writes here any more
        shutil.rmtree(folder, ignore_errors=True)


def _append_file(part: str, fd: int) -> None:
    """Append the file ``part`` to the output ``fd`` and remove it: copied inside the kernel
    (``sendfile``) where the system can, else through a buffer."""
    with open(part, "rb") as src:
        size = os.fstat(src.fileno()).st_size
        sent = 0
        if hasattr(os, "sendfile") and sys.platform.startswith("linux"):  # file to file: Linux only
            try:
                while sent < size:
                    n = os.sendfile(fd, src.fileno(), sent, size - sent)
                    if n == 0:
                        break
                    sent += n
            except OSError as exc:
                if exc.errno not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP) or sent:
                    raise
        if sent < size:
            src.seek(sent)
            while block := src.read(1 << 20):
                _write_parts(fd, [block])
    os.unlink(part)


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
