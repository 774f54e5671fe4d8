"""A file name that is not valid UTF-8 does not stop an import (issue 18, item 3).

Before: ``bad\\xff\\xfename.txt`` raised ``UnicodeEncodeError`` in
``pages.insert_page`` and nothing of the batch was imported.  Now the page is
imported under a readable name with the bad bytes escaped (``source_name``),
the exact bytes are kept (``source_name_raw``), and the name reads the same in
the summary, the article list and the exports.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
PAGE_A = "# 成都市召开产业发展大会\n\n本报讯（记者 王伟）3月5日，成都市召开产业发展大会，投入12亿元建设数字经济园区。\n"
PAGE_B = "# 绵阳市举行科技论坛\n\n本报讯（记者 李明）4月2日，绵阳市举行科技论坛，三百余家企业参加。\n"
PAGE_C = "# 德阳市推进乡村振兴\n\n本报讯（通讯员 张华）5月8日，德阳市召开乡村振兴推进会。\n"
BAD_IN_FOLDER = b"bad\xff\xfename.txt"
BAD_GIVEN = b"direct\xfe.txt"


def run(*args: str | os.PathLike[str]) -> subprocess.CompletedProcess[str]:
    # os.fsencode turns the surrogate-escaped names back into their bytes on the command line
    return subprocess.run([sys.executable, "-m", "desktop", *map(os.fspath, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_undecodable_names_are_imported_kept_and_shown(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / os.fsdecode(BAD_IN_FOLDER)).write_bytes(PAGE_A.encode())
    (folder / "good.txt").write_bytes(PAGE_B.encode())
    direct = tmp_path / os.fsdecode(BAD_GIVEN)
    direct.write_bytes(PAGE_C.encode())
    db = tmp_path / "p.sqlite"

    result = run("import", "--db", db, "--quiet", "--workers", "1", folder, direct)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert "Traceback" not in out
    assert "pages new: 3" in result.stdout, result.stdout

    shown_a, shown_c = r"bad\xff\xfename.txt", r"direct\xfe.txt"
    with Store.open(db, readonly=True) as store:
        pages = {p.source_name: p for p in store.pages()}
        assert set(pages) == {shown_a, "good.txt", shown_c}
        # lossless: the exact bytes are kept beside the readable name
        assert pages[shown_a].source_name_raw == BAD_IN_FOLDER
        assert pages[shown_c].source_name_raw == BAD_GIVEN
        assert pages["good.txt"].source_name_raw is None
        # the article list shows the readable name
        rows = store.article_rows(store.article_ids())
        assert {r.page for r in rows.values()} == {shown_a, "good.txt", shown_c}

    # the exports show it, and it works as a --page filter
    exported = run("export", "--db", db, "--page", shown_a)
    assert exported.returncode == 0, exported.stderr
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    assert records and {r["page"] for r in records} == {shown_a}
    assert "成都市" in records[0]["body"]

    # importing the same files again changes nothing
    again = run("import", "--db", db, "--quiet", "--workers", "1", folder, direct)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "unchanged: 3" in again.stdout, again.stdout


def test_unreadable_file_with_an_undecodable_name_is_named_readably(tmp_path: Path) -> None:
    """A file that is skipped is named in the summary with its bytes escaped (printing the
    raw name would itself fail on a UTF-8 terminal)."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / os.fsdecode(b"empty\xff.txt")).write_bytes(b"")
    (folder / "good.txt").write_bytes(PAGE_B.encode())
    result = run("import", "--db", tmp_path / "p.sqlite", "--quiet", "--workers", "1", folder)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert r"empty\xff.txt: empty file" in result.stdout, result.stdout
