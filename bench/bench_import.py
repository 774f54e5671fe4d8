"""Import throughput end to end, beside raw jieba.lcut on the same text.

Prints, for a synthetic archive of N pages (bench/synth.py): characters and
articles per second of ``newsdesk import`` (decode -> segment -> extract ->
store) with 1 and with 2 worker processes, raw ``jieba.lcut`` characters per
second on the same page texts in the same run, and the ratios; plus peak RSS.

Run: ``python bench/bench_import.py [N_PAGES=200]``.
"""

from __future__ import annotations

import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synth import write_archive  # noqa: E402

from desktop.ops.importer import import_paths  # noqa: E402
from desktop.store.store import Store  # noqa: E402


def machine() -> str:
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        paths = write_archive(folder, n)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        chars = sum(len(t) for t in texts)
        print(f"machine: {machine()}")
        print(f"archive: {n} pages, {chars:,} characters")

        import jieba

        jieba.lcut("预热词典")
        t0 = time.perf_counter()
        for t in texts:
            jieba.lcut(t)
        jieba_rate = chars / (time.perf_counter() - t0)
        print(f"raw jieba.lcut: {jieba_rate:,.0f} chars/s (1 core)")

        for workers in (1, 2):
            db = Path(tmp) / f"w{workers}.sqlite"
            store = Store.open(db, create=True)
            t0 = time.perf_counter()
            summary = import_paths(store, [folder], workers=workers)
            dt = time.perf_counter() - t0
            store.close()
            rate = summary.chars / dt
            print(
                f"import, {workers} worker(s): {dt:.1f} s, {rate:,.0f} chars/s, {summary.articles / dt:,.1f} articles/s, "
                f"{summary.articles} articles, skipped {len(summary.skipped)}; "
                f"ratio to raw jieba.lcut: {rate / jieba_rate:.2f}"
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak RSS: main process {peak:.0f} MB, largest worker {kids:.0f} MB")


if __name__ == "__main__":
    main()
