"""Import page files into a project: find files, run the pipeline, store the pages.

Owns: walking the given files and folders (``.txt`` and ``.md``, recursive),
skipping unchanged files by content hash before any work, running
``desktop.pipeline.process`` on one core or, for larger batches, on a pool of
worker processes (both cores), and writing each page with its articles through
``Store.add_page`` in one transaction — so a cancel or a crash never leaves a
half-imported page.  Bad files are reported by name with the reason and the rest
of the batch still imports.  No Qt: the app calls ``import_paths`` from a worker
thread, the CLI from the terminal.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from desktop.pipeline.ingest import UndecodableError, content_hash
from desktop.pipeline.process import ProcessedPage, process_bytes

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


def collect_paths(paths: Iterable[str | os.PathLike]) -> tuple[list[tuple[Path, str]], list[FileProblem]]:
    """Expand files and folders into (file, source name) pairs in a stable order.

    A file given directly is named by its file name; a file found in a folder by
    its path relative to that folder, so equal names in different folders stay
    different pages.
    """
    found: list[tuple[Path, str]] = []
    problems: list[FileProblem] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in PAGE_SUFFIXES:
                    found.append((f, f.relative_to(p).as_posix()))
        elif p.is_file():
            found.append((p, p.name))
        else:
            problems.append(FileProblem(str(p), "no such file or folder"))
    return found, problems


def _process_job(job: _Job) -> ProcessedPage | FileProblem:
    try:
        return process_bytes(job.source_name, job.data, job.digest)
    except UndecodableError as err:
        return FileProblem(str(job.path), str(err))
    except Exception as err:  # a pipeline bug must not sink the batch
        return FileProblem(str(job.path), f"internal error while processing: {type(err).__name__}: {err}")


def _warm_worker() -> None:
    from desktop.pipeline.entities import EntityExtractor

    EntityExtractor().warm_up()


def _results(jobs: list[_Job], workers: int, cancelled: CancelledFn) -> Iterator[ProcessedPage | FileProblem]:
    """Process jobs in order, in this process or on a pool, with a bounded queue."""
    if workers <= 1 or len(jobs) < POOL_THRESHOLD:
        for job in jobs:
            if cancelled():
                return
            yield _process_job(job)
        return
    ctx = multiprocessing.get_context("spawn")  # never fork a process that may hold Qt threads
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm_worker) as pool:
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
) -> ImportSummary:
    """Import page files and folders into ``store``; see the module docstring."""
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
    for path, name in files:
        try:
            data = path.read_bytes()
        except OSError as err:
            summary.skipped.append(FileProblem(str(path), f"cannot read: {err.strerror or err}"))
            done += 1
            continue
        digest = content_hash(data)
        if store.has_page_hash(digest):
            summary.pages_unchanged += 1
            done += 1
            progress(done, total, name)
            continue
        jobs.append(_Job(path, name, data, digest))
    for result in _results(jobs, workers, cancelled):
        done += 1
        if isinstance(result, FileProblem):
            summary.skipped.append(result)
            progress(done, total, Path(result.path).name)
            continue
        outcome = store.add_page(
            result.source_name,
            result.decoded.raw_text,
            result.decoded.text,
            result.content_hash,
            result.result,
            encoding=result.decoded.encoding,
        )
        for w in result.warnings:
            summary.warnings.append(FileProblem(result.source_name, w))
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
    summary.cancelled = cancelled() and done < total
    summary.seconds = time.perf_counter() - started
    return summary
