"""A damaged project is not written into (issue 18, item 6).

Two database pages overwritten mid-file: ``PRAGMA integrity_check`` fails, but
``import``, ``reextract`` and ``import-annotations`` used to write into the
file with exit 0.  Now a read-write open runs ``PRAGMA quick_check`` first and
refuses with the reason and a pointer to the backup; the file is left as it
was; the app offers to open it read-only.  The check is skipped only for a
project this program closed cleanly and nobody changed since (the stamp in its
``.lock`` file); its cost is measured by bench/bench_open_check.py.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from desktop.store import db as store_db
from desktop.store.store import Store
from test_cli_refusals import assert_clean_refusal, newsdesk


def damage(path: Path, table: str = "articles") -> list[int]:
    """Overwrite two b-tree pages of ``table`` in the middle of the file with random bytes."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", (table,))]
    finally:
        conn.close()
    assert len(pages) >= 4, pages
    chosen = pages[len(pages) // 2: len(pages) // 2 + 2]
    rng = random.Random(18)
    with open(path, "r+b") as f:
        for n in chosen:
            f.seek((n - 1) * size)
            f.write(bytes(rng.randrange(256) for _ in range(size)))
    return chosen


@pytest.fixture
def damaged(seed_project_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "p.sqlite"
    shutil.copy(seed_project_template, path)
    with Store.open(path) as store:  # a normal session: the project gets its "checked" stamp
        assert store.integrity_check() == "ok"
    time.sleep(0.05)  # damage comes later than the close (file times are coarse)
    damage(path)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    except sqlite3.DatabaseError:
        pass  # "database disk image is malformed": damaged all the same
    finally:
        conn.close()
    return path


@pytest.mark.parametrize("command", ["import", "reextract", "import-annotations"])
def test_writing_commands_refuse_a_damaged_project(damaged: Path, tmp_path: Path, seed_paths, command: str) -> None:
    ann = tmp_path / "a.jsonl"
    ann.write_text('{"body": "德阳市举行论坛。"}\n', encoding="utf-8")
    backup = damaged.with_name(damaged.name + ".bak-v3")
    backup.write_bytes(b"")  # what an upgrade leaves beside the project
    before = damaged.read_bytes()
    args = {
        "import": ["import", "--db", str(damaged), "--quiet", "--workers", "1", str(seed_paths[0])],
        "reextract": ["reextract", "--db", str(damaged), "--all-unreviewed", "--quiet"],
        "import-annotations": ["import-annotations", "--db", str(damaged), "--format", "jsonl", str(ann)],
    }[command]
    result = newsdesk(*args)
    assert_clean_refusal(result, 2, "is damaged", "nothing was written", "p.sqlite.bak-v3", "read-only")
    assert damaged.read_bytes() == before


def test_without_a_backup_the_message_says_so(damaged: Path) -> None:
    from desktop.store.errors import DamagedProjectError

    with pytest.raises(DamagedProjectError, match="no backup copy"):
        Store.open(damaged)


def test_the_check_is_skipped_only_for_a_project_left_as_it_was(tmp_path: Path, seed_project_template: Path,
                                                                 monkeypatch) -> None:
    path = tmp_path / "p.sqlite"
    shutil.copy(seed_project_template, path)
    calls: list[Path] = []
    real = store_db.check_damage
    monkeypatch.setattr(store_db, "check_damage", lambda conn, p: (calls.append(p), real(conn, p)))
    Store.open(path).close()
    assert len(calls) == 1  # never seen: checked
    Store.open(path).close()
    assert len(calls) == 1  # closed cleanly by us and unchanged: not again
    time.sleep(0.05)
    with open(path, "r+b") as f:  # another program writes (same size)
        f.seek(200)
        f.write(f.read(1))
    Store.open(path).close()
    assert len(calls) == 2


def _english_settings(qapp, tmp_path: Path):
    """Settings in English, installed on the application: the messages below are asserted in
    English whatever language an earlier test in the same process left installed."""
    from desktop.ui.app import configure_application
    from desktop.ui.settings import LANGUAGE, Settings

    settings = Settings(tmp_path / "settings.ini")
    settings.set(LANGUAGE, "en")
    configure_application(qapp, settings)
    return settings


def test_the_app_offers_to_open_it_read_only(damaged: Path, tmp_path: Path, qapp) -> None:
    from desktop.ui.app import build_main_window

    window = build_main_window(_english_settings(qapp, tmp_path))
    asked: list[str] = []
    window.ctx.interaction.show_error = lambda title, text: asked.append("error: " + text)
    window.ctx.interaction.confirm = lambda title, text: (asked.append(text), True)[1]
    try:
        assert window.project.open_project(damaged) is True
        assert len(asked) == 1 and "is damaged" in asked[0] and "read-only" in asked[0], asked
        assert window.ctx.has_store and window.ctx.store.readonly
    finally:
        window.close()


def test_every_article_of_a_damaged_project_can_be_browsed_read_only(damaged: Path, tmp_path: Path, qapp) -> None:
    """Rows that cannot be read show as such and the status bar says why; no exception
    escapes the list model or the selection (none reaches sys.excepthook)."""
    import sys
    import traceback

    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import build_main_window

    settings = _english_settings(qapp, tmp_path)
    escaped: list[str] = []
    previous = sys.excepthook
    sys.excepthook = lambda *exc: escaped.append("".join(traceback.format_exception(*exc)))
    window = build_main_window(settings)
    window.ctx.interaction.show_error = lambda title, text: escaped.append("error dialog: " + text)
    window.ctx.interaction.confirm = lambda title, text: True
    said: list[str] = []
    window.ctx.status_message.connect(said.append)
    try:
        assert window.project.open_project(damaged) is True
        window.show()
        ids = window.ctx.store.article_ids()
        assert ids
        for article_id in ids:
            window.ctx.select_article(article_id)
            QApplication.processEvents()
        unreadable = [i for i in ids if _unreadable(window.ctx.store, i)]
        assert unreadable, "the damage hit no article: the fixture no longer damages the articles table"
        assert any("damaged" in s for s in said), said
        assert escaped == [], escaped[0][-2000:]
        from desktop.ui.models.article_table import COL_TITLE, ArticleTableModel

        model = window.findChild(ArticleTableModel)
        titles = {model.data(model.index(r, COL_TITLE)) for r in range(model.rowCount())}
        assert any("damaged" in str(t) for t in titles), titles
    finally:
        window.close()
        sys.excepthook = previous


def _unreadable(store, article_id: int) -> bool:
    from desktop.store.errors import StoreError

    try:
        store.get_article(article_id)
    except StoreError:
        return True
    return False
