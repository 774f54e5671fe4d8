"""What the damage check costs when a large project is opened for writing.

``Store.open`` (read-write) runs ``PRAGMA quick_check`` before it writes
anything, unless the project carries the stamp of a clean close by this program
(desktop/store/db.py).  This prints, for a 100,000-article project (1.9 GB): the
file size, ``quick_check`` on a cold page cache (the file's pages dropped with
``posix_fadvise(DONTNEED)``, as after a reboot) and a warm one, the full
``integrity_check`` for comparison, and the whole read-write open with the
check (stamp removed) and with the stamp.

The project is built once with the synthetic articles of ``bench_search.py``
(~1,500 characters and ~20 spans each, through ``Store.add_pages``) and kept
at PROJECT; a second run reuses it.

Run: ``nice python bench/bench_open_check.py PROJECT.sqlite [--articles 100000]``.
"""

from __future__ import annotations

import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_search import make_article, sentences  # noqa: E402

from desktop.pipeline.model import PageResult  # noqa: E402
from desktop.store.records import PageInput  # noqa: E402
from desktop.store.store import Store  # noqa: E402


def build(path: Path, n: int) -> None:
    rng = random.Random(7)
    pool = sentences()
    store = Store.open(path, editor="bench")
    try:
        done = page_no = 0
        while done < n:
            batch = []
            for _ in range(100):
                if done >= n:
                    break
                k = min(10, n - done)
                arts = [make_article(rng, pool, i) for i in range(k)]
                text = "\n\n".join(a.body for a in arts)
                batch.append(PageInput(f"page_{page_no:06d}.txt", "", text, f"hash{page_no}",
                                       PageResult(text=text, articles=arts)))
                page_no += 1
                done += k
            store.add_pages(batch)
            print(f"\rbuilding: {done:,} articles", end="", file=sys.stderr, flush=True)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    print(file=sys.stderr)


def drop_cache(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def timed_pragma(path: Path, pragma: str, cold: bool) -> tuple[float, str]:
    if cold:
        drop_cache(path)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        t0 = time.perf_counter()
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        return time.perf_counter() - t0, rows[0][0]
    finally:
        conn.close()


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = Path(sys.argv[1])
    n = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else 100_000
    if not path.exists():
        t0 = time.perf_counter()
        build(path, n)
        print(f"built in {time.perf_counter() - t0:.0f} s")
    size = path.stat().st_size
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    print(f"project: {size / 1e9:.2f} GB")
    for pragma in ("quick_check", "integrity_check"):
        for cold in (True, False):
            times = [timed_pragma(path, pragma, cold) for _ in range(3 if pragma == "quick_check" else 1)]
            med = statistics.median(t for t, _ in times)
            print(f"{pragma:16s} {'cold' if cold else 'warm'} cache: {med:6.2f} s  "
                  f"({size / 1e6 / med:,.0f} MB/s) -> {times[0][1]}")
    lock = path.with_name(path.name + ".lock")
    for cold in (True, False):
        lock.write_bytes(b"")  # no stamp: as after a change by another program or a crash
        if cold:
            drop_cache(path)
        t0 = time.perf_counter()
        Store.open(path, editor="bench").close()
        print(f"Store.open read-write, check runs, {'cold' if cold else 'warm'} cache: {time.perf_counter() - t0:.2f} s")
    drop_cache(path)
    t0 = time.perf_counter()
    Store.open(path, editor="bench").close()
    print(f"Store.open read-write of a project this program closed (stamp: no check), cold: "
          f"{time.perf_counter() - t0:.2f} s")
    drop_cache(path)
    t0 = time.perf_counter()
    Store.open(path, readonly=True).close()
    print(f"Store.open read-only (no check), cold: {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
