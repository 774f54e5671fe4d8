"""SIGKILL of ``newsdesk import`` leaves no process behind (issue 18, item 7).

The import processes larger batches on a spawn pool of two workers (~213 MB
each) plus multiprocessing's resource tracker.  A pool worker waits on a pipe
it holds both ends of, so it never saw its parent die: 33 of 36 killed imports
left the workers and the tracker alive forever.  Now each worker arms
``PR_SET_PDEATHSIG`` (and a watchdog on the parent's pid) as it starts; the
tracker exits once the last holder of its pipe is gone.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.ops.importer import POOL_THRESHOLD
from project_state import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

SENTENCES = ["成都市青白江区水务局召开会议，李鹏飞出席并讲话。", "本报讯（记者 王伟）3月5日，成都市召开产业发展大会。",
             "绵阳市举行科技论坛，三百余家企业参加。", "德阳市召开乡村振兴推进会，投入12亿元。"]


def _stat(pid: int) -> tuple[int, int] | None:
    """(parent pid, session id) of a live process, None when gone (a zombie counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[1]), int(fields[3])) if fields[0] not in ("Z", "X") else None


def in_session(pid: int, session: int) -> bool:
    st = _stat(pid)
    return st is not None and st[1] == session


def descendants(root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            st = _stat(int(entry))
            if st is not None:
                children.setdefault(st[0], []).append(int(entry))
    found, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def test_killed_import_leaves_no_worker(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(POOL_THRESHOLD + 8):  # enough pages for the pool
        paras = ["".join(SENTENCES[(i + j + k) % 4] for k in range(10)) for j in range(30)]
        (folder / f"page{i:02d}.txt").write_text(f"# 第{i}版\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "import", "--db", str(tmp_path / "p.sqlite"), "--quiet", "--workers", "2",
         str(folder)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    seen: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while len(seen) < 3 and time.monotonic() < deadline:  # two workers and the resource tracker
            assert proc.poll() is None, "the import ended before its pool was up"
            seen |= descendants(proc.pid)
            time.sleep(0.1)
        assert len(seen) >= 3, f"pool not seen: {seen}"
        time.sleep(1.0)  # the workers are loading their dictionaries or working
        seen |= descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        killed = time.monotonic()
        proc.wait()
        deadline = time.monotonic() + 15
        # (the import ran in a session of its own: its orphans keep that session id)
        while time.monotonic() < deadline and any(in_session(p, proc.pid) for p in seen):
            time.sleep(0.1)
        survivors = sorted(p for p in seen if in_session(p, proc.pid))
        assert not survivors, f"still running after the import was killed: {survivors}"
        print(f"{len(seen)} descendants, all gone {time.monotonic() - killed:.2f} s after the kill")
    finally:
        for pid in seen | descendants(proc.pid):  # never leave our own children behind
            if in_session(pid, proc.pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
