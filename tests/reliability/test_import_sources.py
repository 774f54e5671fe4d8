"""What an import is given is reported for what it is (issue 18, item 8).

* an unreadable subfolder used to be skipped silently: now it is named in the
  summary, and the batch exits 1;
* a FIFO, a device or a symbolic-link loop given directly was "no such file or
  folder": now each is named for what it is, and never opened (a FIFO would
  block the import forever); a FIFO with a page suffix inside a folder too;
* ``import-annotations --match text`` counted every matched article as
  "updated" even when all its spans were already there.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.cli import main
from desktop.store.store import Store
from test_cli_refusals import newsdesk

PAGE = "# 成都市召开产业发展大会\n\n本报讯（记者 王伟）3月5日，成都市召开产业发展大会，投入12亿元建设数字经济园区。\n"


def test_unreadable_subfolder_is_named(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    (root / "2023" / "locked").mkdir(parents=True)
    (root / "2023" / "ok.txt").write_text(PAGE, encoding="utf-8")
    (root / "2023" / "locked" / "hidden.txt").write_text(PAGE.replace("3月5日", "3月6日"), encoding="utf-8")
    (root / "2023" / "locked").chmod(0o000)
    try:
        result = newsdesk("import", "--db", str(tmp_path / "p.sqlite"), "--quiet", "--workers", "1", str(root),
                          obey_file_modes=True)
    finally:
        (root / "2023" / "locked").chmod(0o755)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    assert "pages new: 1" in result.stdout, result.stdout
    line = next((ln for ln in result.stdout.splitlines() if "locked" in ln), "")
    assert "2023/locked" in line and "folder not read" in line and "Permission denied" in line, result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
def test_special_files_are_named_for_what_they_are(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    folder = tmp_path / "pages"
    folder.mkdir()
    os.mkfifo(folder / "inner-pipe.txt")
    (folder / "good.txt").write_text(PAGE, encoding="utf-8")
    # a timeout here would mean a FIFO was opened and the import waits for a writer
    result = newsdesk("import", "--db", str(tmp_path / "p.sqlite"), "--quiet", "--workers", "1",
                      str(fifo), "/dev/null", str(loop), str(broken), str(tmp_path / "missing.txt"), str(folder))
    out = result.stdout
    assert result.returncode == 1 and "Traceback" not in out + result.stderr, out + result.stderr
    assert "pages new: 1" in out, out
    reasons = dict(ln.strip().split(": ", 1) for ln in out.splitlines() if ln.startswith("  "))
    assert "named pipe (FIFO)" in reasons[str(fifo)]
    assert "device" in reasons["/dev/null"]
    assert "symbolic link loop" in reasons[str(loop)]
    assert "broken symbolic link" in reasons[str(broken)]
    assert reasons[str(tmp_path / "missing.txt")] == "no such file or folder"
    assert "named pipe (FIFO)" in reasons[str(folder / "inner-pipe.txt")]


def test_match_text_counts_only_articles_that_got_spans(seed_project_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite"
    shutil.copy(seed_project_template, db)
    with Store.open(db) as store:
        ids = store.article_ids()[:4]
        records = [r for r in store.iter_records() if r["id"] in ids]
    # the same texts with spans the articles already have
    src = tmp_path / "same.jsonl"
    import json

    src.write_text("".join(json.dumps({"body": r["body"], "spans": r["spans"]}, ensure_ascii=False) + "\n"
                           for r in records), encoding="utf-8")
    assert all(r["spans"] for r in records)
    result = CliRunner().invoke(main, ["import-annotations", "--db", str(db), "--format", "jsonl", "--match", "text",
                                       str(src)])
    assert "4 matched existing article(s) (0 article(s) updated)" in result.output, result.output
    assert "spans imported: 0" in result.output
