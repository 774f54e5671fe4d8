"""SIGKILL at many random points of an import and of a stream of edits loses nothing reported.

A child process imports 20 pages through ``desktop.ops.importer.import_paths`` (the
real pipeline and store, one core), printing ``page NAME`` after each page's
store write returned, then edits article notes, printing ``saved N`` after each
``Store.set_field`` returned.  The parent kills it with SIGKILL after a seeded
random point of its reported progress (after k pages, or after k edits, plus a
random fraction of a step), eight times, each time on a fresh project, then checks:

* the project opens read-write (the lock died with the process);
* ``Store.integrity_check()`` is "ok";
* no half-imported page: every page in the project has exactly the number of
  articles the pipeline produces for it (computed here, independently), and
  every page reported saved is there;
* every edit reported saved is present (the note of each article holds that
  edit or a later one, never an earlier one).

``test_checker_detects_damage`` proves the checks can fail: it damages a
project the two ways a crash-unsafe store would (a page missing an article, an
edit lost) and expects the checker to complain.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store.records import ArticleFilter
from desktop.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

N_PAGES = 20
RUNS = 8
PAGE_CHARS = 1500  # short pages keep each run ~3 s

CHILD = r"""
import sys
from pathlib import Path
from desktop.pipeline.entities import EntityExtractor
from desktop.ops.importer import import_paths
from desktop.store.store import Store

folder, db = Path(sys.argv[1]), Path(sys.argv[2])
EntityExtractor().warm_up()
store = Store.open(db, editor="crash")
print("ready", flush=True)

def progress(done, total, name):
    print("page", name, flush=True)

import_paths(store, [folder], progress=progress, workers=1)
ids = store.article_ids(sort="id")
print("imported", flush=True)
i = 0
while True:
    store.set_field(ids[i % len(ids)], "note", f"n{i}")
    print("saved", i, flush=True)
    i += 1
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    """20 short synthetic pages on disk and, for each, the pipeline's article count."""
    from synth import make_pages

    from desktop.pipeline.ingest import decode_page
    from desktop.pipeline.process import process_text

    folder = tmp_path_factory.mktemp("pages")
    expected = {}
    for i, text in enumerate(make_pages(N_PAGES, seed=3)):
        cut = text[:PAGE_CHARS]
        cut = cut[: cut.rfind("\n") + 1] or cut
        data = cut.encode("utf-8")
        name = f"p{i:02d}.txt"
        (folder / name).write_bytes(data)
        expected[name] = len(process_text(decode_page(data).text).articles)
    return folder, expected


def check_project(db: Path, expected: dict[str, int], pages_saved: list[str], last_saved: int) -> list[str]:
    """Every problem found after a crash (empty = all good)."""
    problems = []
    store = Store.open(db, editor="check")  # raises if still locked or damaged
    try:
        verdict = store.integrity_check()
        if verdict != "ok":
            problems.append(f"integrity_check: {verdict}")
        in_project = {p.source_name: p for p in store.pages()}
        for name in pages_saved:
            if name not in in_project:
                problems.append(f"page {name} was reported saved but is missing")
        for name, info in in_project.items():
            n = store.count_articles(ArticleFilter(pages=(name,)))
            if n != expected[name] or info.n_articles != expected[name]:
                problems.append(f"page {name}: {n} articles stored ({info.n_articles} recorded), pipeline makes {expected[name]}")
        if last_saved >= 0:
            ids = store.article_ids(sort="id")
            for k, aid in enumerate(ids):
                mine = list(range(k, last_saved + 1, len(ids)))
                if not mine:
                    continue
                note = store.get_article(aid).note
                got = int(note[1:]) if note.startswith("n") else -1
                if got < mine[-1] or got > last_saved + 1:
                    problems.append(f"article {aid}: note {note!r}, expected n{mine[-1]} (or the one in flight)")
    finally:
        store.close()
    return problems


def run_and_kill(folder: Path, db: Path, trigger: tuple[str, int], delay: float) -> tuple[list[str], int, str]:
    """Start the child; once it has reported ``trigger`` (``("page", k)``: k pages written, or
    ``("saved", k)``: k edits), wait ``delay`` s more and kill it.  Returns what it reported.

    Kill points are set by the child's own progress, not by wall time from its start, so the
    runs hit the import and the edits whatever the machine's speed and load."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), str(db)], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, text=True, bufsize=1,
    )
    pages: list[str] = []
    last = -1
    phase = "start"
    kind, count = trigger
    try:
        line = proc.stdout.readline()
        assert line.startswith("ready"), f"child did not start: {line!r}"
        seen = 0
        while seen < count and proc.poll() is None:
            line = proc.stdout.readline()
            if not line:
                break
            seen += line.startswith(kind + " ")
            _note(line, pages)
            if line.startswith("saved "):
                last = int(line.split()[1])
        os.set_blocking(proc.stdout.fileno(), False)
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.002)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        rest = proc.stdout.read() or ""
        for ln in rest.split("\n")[:-1]:  # a line cut by the kill has no newline: not reported
            _note(ln, pages)
            if ln.startswith("saved "):
                last = int(ln.split()[1])
        phase = "edits" if last >= 0 or "imported" in rest else ("import" if pages else "start")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return pages, last, phase


def _note(line: str, pages: list[str]) -> None:
    if line.startswith("page "):
        pages.append(line[5:].rstrip("\n"))


def test_sigkill_at_random_points_of_import_and_edits(archive, tmp_path: Path) -> None:
    folder, expected = archive
    rng = random.Random(20240611)
    phases = []
    for run in range(RUNS):
        # Most kill points fall inside the import (after 0..19 pages, anywhere in the next
        # page's pipeline run or store write), some among the edits.
        if run % 4 == 3:
            trigger = ("saved", rng.randrange(1, 40))
        else:
            trigger = ("page", rng.randrange(0, N_PAGES - 1))
        delay = rng.uniform(0.0, 0.15)
        db = tmp_path / f"run{run}.sqlite"
        pages, last, phase = run_and_kill(folder, db, trigger, delay)
        phases.append(phase)
        if not db.exists():
            continue
        problems = check_project(db, expected, pages, last)
        assert not problems, f"run {run} (kill {delay:.3f} s after {trigger}, {len(pages)} pages, last edit {last}): {problems}"
    # The kill points must have hit both phases, or the test proves less than it says.
    assert "import" in phases and "edits" in phases, phases


def test_checker_detects_damage(archive, tmp_path: Path) -> None:
    folder, expected = archive
    db = tmp_path / "whole.sqlite"
    from desktop.ops.importer import import_paths

    store = Store.open(db, editor="t")
    import_paths(store, [folder], workers=1)
    ids = store.article_ids(sort="id")
    for i in range(5):
        store.set_field(ids[i], "note", f"n{i}")
    store.close()
    names = sorted(expected)
    assert check_project(db, expected, names, 4) == []
    # An edit reported saved but lost:
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET note = 'n-1' WHERE id = ?", (ids[3],))
    conn.commit()
    assert any("note" in p for p in check_project(db, expected, names, 4))
    # A half-imported page (one article of a page missing):
    victim = conn.execute("SELECT id FROM articles ORDER BY id DESC LIMIT 1").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM articles WHERE id = ?", (victim,))
    conn.commit()
    conn.close()
    assert any("articles stored" in p for p in check_project(db, expected, names, 4))
