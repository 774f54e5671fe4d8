"""``newsdesk import`` when the project cannot take the pages: one line, no traceback
(issue 18, item 4, second half).

* a read-only project file: refused before anything is read or written, saying
  the file is read-only and how to fix it (before: ``ReadOnlyError`` traceback);
* another process holds a write transaction: the import waits (the busy timeout,
  5 s) and then says the project is busy; ``import-annotations`` the same
  (before: ``StoreError`` traceback, and no wait at all: a write transaction that
  began with a read failed at once on the lock upgrade);
* the disk fills up mid-import (a real 2 MB tmpfs, mounted in a private mount
  namespace): "disk is full", the pages written before are whole and the
  message counts them (before: ``StoreError`` traceback).

The project is unchanged in the first two; in the third it holds only whole pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.ops.importer import import_paths
from desktop.store.store import Store
from project_state import ROOT, fingerprint, small_project
from test_cli_refusals import assert_clean_refusal, newsdesk

SENTENCES = ["成都市青白江区水务局召开会议，李鹏飞出席并讲话。", "本报讯（记者 王伟）3月5日，成都市召开产业发展大会。",
             "绵阳市举行科技论坛，三百余家企业参加。", "德阳市召开乡村振兴推进会，投入12亿元。"]


def write_pages(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    out = []
    for i in range(n):
        paras = ["".join(SENTENCES[(i + j + k) % 4] for k in range(8)) for j in range(12)]
        p = folder / f"page{i}.txt"
        p.write_text(f"# 第{i}版 新闻\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
        out.append(p)
    return out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return small_project(tmp_path / "p.sqlite")


def test_import_into_a_read_only_project_file(project: Path, tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", 1)
    before, data = fingerprint(project), project.read_bytes()
    project.chmod(0o444)
    try:
        result = newsdesk("import", "--db", str(project), "--quiet", str(pages[0]), obey_file_modes=True)
    finally:
        project.chmod(0o644)
    assert_clean_refusal(result, 2, "read-only", "chmod")
    assert project.read_bytes() == data
    assert fingerprint(project) == before


HOLDER = (
    "import sqlite3, sys, time\n"
    "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "c.execute('BEGIN IMMEDIATE')\n"
    "c.execute(\"INSERT INTO tags (name, [group]) VALUES ('held', 'topic')\")\n"
    "print('held', flush=True)\n"
    "time.sleep(120)\n"
)


@pytest.mark.parametrize("command", ["import", "import-annotations"])
def test_import_while_another_process_writes(project: Path, tmp_path: Path, command: str) -> None:
    pages = write_pages(tmp_path / "pages", 1)
    src = tmp_path / "a.jsonl"
    src.write_text('{"body": "德阳市举行论坛。", "spans": [{"start": 0, "end": 3, "label": "LOC"}]}\n', encoding="utf-8")
    before = fingerprint(project)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(project)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        if command == "import":
            # the pipeline runs first; time the store's part from the parent's side
            args = ["import", "--db", str(project), "--quiet", "--workers", "1", str(pages[0])]
        else:
            args = ["import-annotations", "--db", str(project), "--format", "jsonl", str(src)]
        t0 = time.monotonic()
        result = newsdesk(*args)
        elapsed = time.monotonic() - t0
    finally:
        holder.kill()
        holder.wait()
    assert_clean_refusal(result, 1, "busy")
    assert elapsed >= 4.5, f"gave up after {elapsed:.1f} s instead of waiting for the other writer"
    assert fingerprint(project) == before  # the holder's insert was rolled back with it


FULL_DISK = r"""
set -e
mount -t tmpfs -o size=2m tmpfs "$MNT"
cp "$TEMPLATE" "$MNT/p.sqlite"
avail=$(df -k --output=avail "$MNT" | tail -1)
dd if=/dev/zero of="$MNT/filler" bs=1k count=$((avail - FREE_KB)) status=none
set +e
"$PY" -m desktop import --db "$MNT/p.sqlite" --quiet --workers 1 "$PAGES"
code=$?
echo "exit $code" > "$OUT/exit"
cp "$MNT"/p.sqlite* "$OUT"/
exit $code
"""


def test_import_onto_a_full_disk(project: Path, tmp_path: Path) -> None:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip("needs Linux, unshare and root to mount a small tmpfs")
    folder = tmp_path / "pages"
    write_pages(folder, 8)
    # what each page holds when there is room
    roomy = tmp_path / "roomy.sqlite"
    shutil.copy(project, roomy)
    with Store.open(roomy) as store:
        import_paths(store, [folder], workers=1)
        want = {r["page"]: [] for r in store.iter_records()}
        for r in store.iter_records():
            want[r["page"]].append((r["body"], [(s["start"], s["end"], s["label"]) for s in r["spans"]]))
    original = fingerprint(project)

    mnt, out = tmp_path / "mnt", tmp_path / "out"
    mnt.mkdir()
    out.mkdir()
    env = {**os.environ, "MNT": str(mnt), "OUT": str(out), "TEMPLATE": str(project), "FREE_KB": "300",
           "PY": sys.executable, "PAGES": str(folder)}
    run = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", FULL_DISK], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    if "mount:" in run.stderr and not (out / "exit").exists():
        pytest.skip(f"cannot mount a tmpfs here: {run.stderr.strip()}")
    assert (out / "exit").read_text().split() == ["exit", "1"], run.stdout + run.stderr
    assert_clean_refusal(run, 1, "disk is full", "page(s) imported before it are complete")

    with Store.open(out / "p.sqlite", readonly=True) as store:
        assert store.integrity_check() == "ok"
        got: dict[str, list] = {}
        for r in store.iter_records():
            got.setdefault(r["page"], []).append((r["body"], [(s["start"], s["end"], s["label"]) for s in r["spans"]]))
        state = {"records": [r for r in store.iter_records() if r["page"] == "p1.txt"]}
    new_pages = sorted(set(got) - {"p1.txt"})
    assert state["records"] == [r for r in original["records"] if r["page"] == "p1.txt"]  # what was there stays
    assert 1 <= len(new_pages) < 8, new_pages  # the disk filled up part-way through
    for name in new_pages:  # every page written is whole
        assert got[name] == want[name], name
    assert f"the {len(new_pages)} page(s) imported before it are complete" in run.stderr
