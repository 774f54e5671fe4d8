"""Import page files into a project: find files, run the pipeline, store the pages.

Owns: walking the given files and folders (``.txt`` and ``.md``, recursive),
skipping unchanged files by content hash before any work, running
``desktop.pipeline.process`` on one core or, for larger batches, on a pool of
worker processes (both cores), and writing each page with its articles through
``Store.add_page`` in one transaction — so a cancel or a crash never leaves a
half-imported page.  Bad files are reported by name with the reason and the rest
of the batch still imports: an unreadable folder, a named pipe, a device, a
socket, a broken link or a symbolic-link loop is named for what it is (and
never opened: reading a FIFO would wait forever).  A file name that is not
valid UTF-8 is imported under a readable escaped name, its bytes kept
(``pipeline.ingest.display_name``).  A store error (read-only, busy, disk full)
stops the batch: the pages written before it are whole, and the error says how
many there were.  Pool workers die with the process that started them
(``PR_SET_PDEATHSIG`` on Linux, a watchdog on the parent's pid elsewhere on
POSIX), so a killed import leaves no worker behind.  No Qt: the app calls
``import_paths`` from a worker thread, the CLI from the terminal.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import signal
import stat
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from desktop.pipeline.ingest import UndecodableError, content_hash, display_name
from desktop.pipeline.process import ProcessedPage, process_bytes
from desktop.store.errors import StoreError

PAGE_SUFFIXES = (".txt", ".md")
# Below this many pages to process, a worker pool costs more than it saves
# (each worker loads jieba's dictionary and the gazetteer, ~2 s).
POOL_THRESHOLD = 12

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


@dataclass
class FileProblem:
    path: str
    reason: str


@dataclass
class ImportSummary:
    files: int = 0
    pages_new: int = 0
    pages_unchanged: int = 0
    pages_new_version: int = 0
    articles: int = 0
    chars: int = 0
    spans_by_label: Counter = field(default_factory=Counter)
    skipped: list[FileProblem] = field(default_factory=list)
    warnings: list[FileProblem] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.cancelled


@dataclass
class _Job:
    path: Path
    source_name: str
    data: bytes
    digest: str


def shown(path: str | os.PathLike[str]) -> str:
    """A path as text that can be printed and stored (bytes that are not UTF-8 escaped)."""
    return display_name(os.fspath(path))[0]


def _not_a_page(p: Path) -> str | None:
    """Why ``p`` cannot be imported as a file or folder, or None when it can."""
    try:
        mode = p.stat().st_mode
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "a symbolic link loop (following it leads back to itself)"
        if err.errno in (errno.ENOENT, errno.ENOTDIR):
            return "a broken symbolic link (its target does not exist)" if p.is_symlink() else "no such file or folder"
        return f"cannot read: {err.strerror or err}"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a page file: not read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a page file: not read"
    if stat.S_ISSOCK(mode):
        return "a socket, not a page file: not read"
    return "not a regular file: not read"


def _walk(folder: Path, problems: list[FileProblem]) -> list[Path]:
    """Page files under ``folder`` (symbolic links to folders not followed, as before);
    folders that cannot be read and special files with a page suffix go to ``problems``."""

    def unreadable(err: OSError) -> None:
        where = err.filename if err.filename is not None else folder
        problems.append(FileProblem(shown(where), f"folder not read: {err.strerror or err}; the pages in it were not imported"))

    found: list[Path] = []
    for top, dirs, files in os.walk(folder, onerror=unreadable):
        dirs.sort()
        for name in files:
            f = Path(top, name)
            if f.suffix.lower() not in PAGE_SUFFIXES:
                continue
            why = _not_a_page(f)
            if why is None and f.is_dir():
                why = "a folder with a page suffix: not read"  # (a link to a folder)
            if why is None:
                found.append(f)
            else:
                problems.append(FileProblem(shown(f), why))
    return sorted(found)


def collect_paths(paths: Iterable[str | os.PathLike]) -> tuple[list[tuple[Path, str]], list[FileProblem]]:
    """Expand files and folders into (file, source name) pairs in a stable order.

    A file given directly is named by its file name; a file found in a folder by
    its path relative to that folder, so equal names in different folders stay
    different pages.  Names are as the file system has them (undecodable bytes as
    surrogates); ``display_name`` makes them storable.
    """
    found: list[tuple[Path, str]] = []
    problems: list[FileProblem] = []
    for raw in paths:
        p = Path(raw)
        why = _not_a_page(p)
        if why is not None:
            problems.append(FileProblem(shown(p), why))
        elif p.is_dir():
            found.extend((f, f.relative_to(p).as_posix()) for f in _walk(p, problems))
        else:
            found.append((p, p.name))
    return found, problems


def _process_job(job: _Job) -> ProcessedPage | FileProblem:
    try:
        return process_bytes(job.source_name, job.data, job.digest)
    except UndecodableError as err:
        return FileProblem(shown(job.path), str(err))
    except Exception as err:  # a pipeline bug must not sink the batch
        return FileProblem(shown(job.path), f"internal error while processing: {type(err).__name__}: {err}")


PR_SET_PDEATHSIG = 1
WATCHDOG_S = 1.0


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(WATCHDOG_S)
        if os.getppid() != parent:
            os._exit(1)


def _follow_parent(parent: int) -> None:
    """Make this worker die with ``parent``: a killed import must leave no worker behind
    (a pool worker waits on a pipe it holds both ends of, so it would never notice)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog below still works
    if os.name == "posix":
        threading.Thread(target=_watch_parent, args=(parent,), name="parent-watchdog", daemon=True).start()
        if os.getppid() != parent:  # the parent died before the signal was armed
            os._exit(1)


def _warm_worker(parent: int | None = None, model: tuple[int, bytes] | None = None) -> None:
    if parent is not None:
        _follow_parent(parent)
    from desktop.pipeline import entities

    if model is not None:
        entities.use_project_model(model[1], model[0])
    entities.shared_extractor().warm_up()


def _results(jobs: list[_Job], workers: int, cancelled: CancelledFn,
             model: tuple[int, bytes] | None = None) -> Generator[ProcessedPage | FileProblem, None, None]:
    """Process jobs in order, in this process or on a pool, with a bounded queue."""
    if workers <= 1 or len(jobs) < POOL_THRESHOLD:
        for job in jobs:
            if cancelled():
                return
            yield _process_job(job)
        return
    ctx = multiprocessing.get_context("spawn")  # never fork a process that may hold Qt threads
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm_worker,
                             initargs=(os.getpid(), model)) as pool:
        window: list[Future] = []
        it = iter(jobs)
        try:
            for job in it:
                window.append(pool.submit(_process_job, job))
                if len(window) >= workers * 4:
                    break
            while window:
                if cancelled():
                    return
                result = window.pop(0).result()
                nxt = next(it, None)
                if nxt is not None:
                    window.append(pool.submit(_process_job, nxt))
                yield result
        finally:
            for f in window:
                f.cancel()
            pool.shutdown(wait=True, cancel_futures=True)


def import_paths(
    store,
    paths: Iterable[str | os.PathLike],
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    workers: int | None = None,
    model: tuple[int, bytes] | None = None,
) -> ImportSummary:
    """Import page files and folders into ``store``; see the module docstring.

    ``model``: ``(id, bytes)`` of a stored project model to extract entities with
    (``Store.current_model()``); None: the model in use in this process."""
    if model is not None:
        from desktop.pipeline import entities

        if entities.project_model_id() != model[0]:
            previous = entities.project_extractor()
            entities.use_project_model(model[1], model[0])
            try:
                return _import_paths(store, paths, progress, cancelled, workers, model)
            finally:
                entities.set_project_extractor(previous)
    return _import_paths(store, paths, progress, cancelled, workers, model)


def _import_paths(store, paths, progress, cancelled, workers, model) -> ImportSummary:  # noqa: ANN001
    """``import_paths`` with the model installed in this process."""
    started = time.perf_counter()
    progress = progress or (lambda done, total, name: None)
    cancelled = cancelled or (lambda: False)
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    summary = ImportSummary()
    files, problems = collect_paths(paths)
    summary.files = len(files)
    summary.skipped.extend(problems)
    total = len(files)
    done = 0
    jobs: list[_Job] = []
    raw_names: dict[str, bytes] = {}
    for path, name in files:
        name, raw_name = display_name(name)
        if raw_name is not None:
            raw_names[name] = raw_name
        try:
            data = path.read_bytes()
        except OSError as err:
            summary.skipped.append(FileProblem(shown(path), f"cannot read: {err.strerror or err}"))
            done += 1
            continue
        digest = content_hash(data)
        if store.has_page_hash(digest):
            summary.pages_unchanged += 1
            done += 1
            progress(done, total, name)
            continue
        jobs.append(_Job(path, name, data, digest))
    results = _results(jobs, workers, cancelled, model)
    try:
        for result in results:
            done += 1
            if isinstance(result, FileProblem):
                summary.skipped.append(result)
                progress(done, total, Path(result.path).name)
                continue
            try:
                outcome = store.add_page(
                    result.source_name,
                    result.decoded.raw_text,
                    result.decoded.text,
                    result.content_hash,
                    result.result,
                    encoding=result.decoded.encoding,
                    source_name_raw=raw_names.get(result.source_name),
                )
            except StoreError as err:
                written = summary.pages_new + summary.pages_new_version
                raise type(err)(
                    f"{err} The import stopped at {result.source_name}: the {written} page(s) imported before it are "
                    "complete; nothing of the rest was written."
                ) from err
            for w in result.warnings:
                summary.warnings.append(FileProblem(result.source_name, w))
            if model is not None and outcome.page_id is not None and outcome.status != "unchanged":
                store.mark_page_extracted(outcome.page_id, model[0])
            if outcome.status == "unchanged":
                summary.pages_unchanged += 1
            else:
                if outcome.status == "new_version":
                    summary.pages_new_version += 1
                else:
                    summary.pages_new += 1
                summary.articles += outcome.n_articles
                summary.chars += len(result.decoded.text)
                for a in result.result.articles:
                    summary.spans_by_label.update(s.label for s in a.spans)
            progress(done, total, result.source_name)
    finally:
        results.close()  # shut the pool down now, also when a store error ends the batch
    summary.cancelled = cancelled() and done < total
    summary.seconds = time.perf_counter() - started
    return summary
