"""A project in a read-only folder (issue 18, item 5).

SQLite cannot create the ``-shm`` file a WAL-mode project needs, so every
command used to call the project "damaged or not a Newsdesk project" and even
``export``/``stats`` could not read it.  Now the reading commands work (the file
is opened immutable when no ``-wal`` is beside it: all its changes are in the
file), the writing commands say the folder is read-only and how to fix it, and a
project left with a ``-wal`` (not closed cleanly) is explained, not misread.

Root ignores 0o555; the CLI runs with CAP_DAC_OVERRIDE dropped
(``test_cli_refusals.newsdesk(obey_file_modes=True)``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store.store import Store
from project_state import ROOT, fingerprint, small_project
from test_cli_refusals import assert_clean_refusal, newsdesk


@pytest.fixture
def ro_folder(tmp_path: Path):
    folder = tmp_path / "只读"
    folder.mkdir()
    project = small_project(folder / "p.sqlite")
    before = fingerprint(project)  # (a read-only open leaves an empty -wal and a -shm behind)
    Store.open(project).close()  # the last writer to close removes them: closed cleanly
    assert sorted(p.name for p in folder.iterdir()) == ["p.sqlite", "p.sqlite.lock"]
    folder.chmod(0o555)
    yield project, before
    folder.chmod(0o755)


def test_reading_commands_work(ro_folder, tmp_path: Path) -> None:
    project, before = ro_folder
    out = tmp_path / "out.jsonl"
    result = newsdesk("export", "--db", str(project), "-o", str(out), obey_file_modes=True)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records == before["records"]  # everything, exactly
    stats = newsdesk("stats", "--db", str(project), obey_file_modes=True)
    assert stats.returncode == 0 and "Traceback" not in stats.stderr, stats.stderr
    assert "3" in stats.stdout
    assert sorted(p.name for p in project.parent.iterdir()) == ["p.sqlite", "p.sqlite.lock"]


@pytest.mark.parametrize("command", ["import", "import-annotations", "reextract"])
def test_writing_commands_say_the_folder_is_read_only(ro_folder, tmp_path: Path, command: str) -> None:
    project, before = ro_folder
    page = tmp_path / "page.txt"
    page.write_text("本报讯 成都市召开会议。\n", encoding="utf-8")
    ann = tmp_path / "a.jsonl"
    ann.write_text('{"body": "德阳市举行论坛。"}\n', encoding="utf-8")
    args = {
        "import": ["import", "--db", str(project), "--quiet", str(page)],
        "import-annotations": ["import-annotations", "--db", str(project), "--format", "jsonl", str(ann)],
        "reextract": ["reextract", "--db", str(project), "--all-unreviewed", "--quiet"],
    }[command]
    result = newsdesk(*args, obey_file_modes=True)
    assert_clean_refusal(result, 2, "folder", "is read-only", "chmod", "copy the project")
    project.parent.chmod(0o755)
    assert fingerprint(project) == before


UNCLEAN = (
    "import os, sys\n"
    "from desktop.store.store import Store\n"
    "s = Store.open(sys.argv[1], editor='x')\n"
    "s.add_tag('未保存的检查点')\n"
    "os._exit(0)  # no close: the change stays in p.sqlite-wal\n"
)


def test_a_wal_left_behind_is_explained(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    project = small_project(folder / "p.sqlite")
    subprocess.run([sys.executable, "-c", UNCLEAN, str(project)], cwd=ROOT, check=True, timeout=60)
    (folder / "p.sqlite-shm").unlink()
    assert (folder / "p.sqlite-wal").stat().st_size > 0
    folder.chmod(0o555)
    try:
        result = newsdesk("export", "--db", str(project), "-o", str(tmp_path / "o.jsonl"), obey_file_modes=True)
    finally:
        folder.chmod(0o755)
    # reading the file without its -wal would silently miss the last change: refuse and say why
    assert_clean_refusal(result, 2, "read-only", "p.sqlite-wal", "writable folder")
    assert not (tmp_path / "o.jsonl").exists()
