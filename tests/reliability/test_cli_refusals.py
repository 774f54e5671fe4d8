"""The command line refuses bad project files and unwritable targets cleanly.

``newsdesk export --db BAD`` exits 2 with one ``newsdesk: ...`` line, no
traceback, and the file's bytes unchanged (non-SQLite, corrupt SQLite, a newer
schema); ``newsdesk import --db BAD`` likewise.  ``newsdesk export -o`` into a
read-only folder exits 1 with a clear message and leaves no file behind.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store import migrations
from desktop.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

DROP_DAC = (
    "import ctypes, os, sys\n"
    "libc = ctypes.CDLL(None, use_errno=True)\n"
    "for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH\n"
    "    assert libc.prctl(24, cap, 0, 0, 0) == 0, ctypes.get_errno()\n"
    "os.execv(sys.executable, [sys.executable] + sys.argv[1:])\n"
)


def newsdesk(*args: str, obey_file_modes: bool = False) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "desktop", *args]
    if obey_file_modes and os.geteuid() == 0:  # root ignores 0o555 unless it drops CAP_DAC_OVERRIDE
        cmd = [sys.executable, "-c", DROP_DAC, "-m", "desktop", *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)


def assert_clean_refusal(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    err = result.stderr.strip()
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    assert len(err.splitlines()) == 1 and err.startswith("newsdesk: "), err
    for w in words:
        assert w in err, err


def _project_with_page(path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "store"))
    from store_helpers import add

    s = Store.open(path)
    add(s)
    s.close()


def _non_sqlite(tmp: Path) -> Path:
    p = tmp / "notes.sqlite"
    p.write_bytes("这不是数据库\n".encode() * 500)
    return p


def _corrupt(tmp: Path) -> Path:
    good = tmp / "good.sqlite"
    _project_with_page(good)
    data = bytearray(good.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    p = tmp / "corrupt.sqlite"
    p.write_bytes(bytes(data))
    return p


def _newer(tmp: Path) -> Path:
    p = tmp / "newer.sqlite"
    _project_with_page(p)
    c = sqlite3.connect(p)
    c.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('newsdesk', 'v99_future', 'x')")
    c.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
    c.commit()
    c.close()
    return p


@pytest.mark.parametrize(
    "make, words",
    [(_non_sqlite, ("not a Newsdesk project",)), (_corrupt, ()), (_newer, ("newer version of Newsdesk",))],
    ids=["non-sqlite", "corrupt", "newer-schema"],
)
@pytest.mark.parametrize("command", ["export", "import"])
def test_bad_project_file_is_refused_untouched(tmp_path: Path, make, words, command: str) -> None:
    bad = make(tmp_path)
    before = bad.read_bytes()
    siblings = sorted(p.name for p in tmp_path.iterdir())
    if command == "export":
        result = newsdesk("export", "--db", str(bad), "-o", str(tmp_path / "out.jsonl"))
    else:
        result = newsdesk("import", "--db", str(bad), "--quiet", str(SEEDS / sorted(os.listdir(SEEDS))[0]))
    assert_clean_refusal(result, 2, str(bad.name), *words)
    assert bad.read_bytes() == before
    assert not (tmp_path / "out.jsonl").exists()
    # No backup, lock or output litter beside a refused file.  (SQLite's own -wal/-shm may
    # appear: the read-only inspection of a WAL-mode file creates them; they are not the file.)
    after = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert after == [n for n in siblings if not n.endswith(("-wal", "-shm"))]


def test_export_to_read_only_folder_fails_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    _project_with_page(db)
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = newsdesk("export", "--db", str(db), "-o", str(folder / "x.jsonl"), obey_file_modes=True)
        assert_clean_refusal(result, 1, "x.jsonl")
        assert "ermission" in result.stderr  # names the reason
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_export_to_full_disk_fails_cleanly(tmp_path: Path) -> None:
    """A full disk, simulated with RLIMIT_FSIZE (the write fails mid-file like ENOSPC): exit 1, no file."""
    db = tmp_path / "p.sqlite"
    _project_with_page(db)
    target = tmp_path / "out" / "x.jsonl"
    target.parent.mkdir()
    # The limit is set once the first chunk of records was read and encoded (output file open), so the
    # output write is what fails -- as when the disk fills up during an export.
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "import desktop.export.stream as st\n"
        "_real = st._encoded\n"
        "def _encoded(*args, **kwargs):\n"
        "    it = _real(*args, **kwargs)\n"
        "    first = next(it)  # the first chunk is read and encoded: the output file is open\n"
        "    resource.setrlimit(resource.RLIMIT_FSIZE, (256, 256))\n"
        "    yield first\n"
        "    yield from it\n"
        "st._encoded = _encoded\n"
        "sys.argv = ['newsdesk'] + sys.argv[1:]\n"
        "from desktop.cli import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code, "export", "--db", str(db), "-o", str(target)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert_clean_refusal(result, 1, "x.jsonl")
    assert list(target.parent.iterdir()) == []
