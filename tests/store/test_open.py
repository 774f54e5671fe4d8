"""Opening projects: create/reopen, refusals that leave files untouched, lock, read-only, migration."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import add, page_result

from desktop.store import migrations
from desktop.store.errors import (
    NewerSchemaError,
    NotAProjectError,
    ProjectLockedError,
    ReadOnlyError,
    StoreError,
)
from desktop.store.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_create_then_reopen_keeps_data_and_pragmas(project: Path) -> None:
    s = Store.open(project, editor="bob")
    add(s)
    s.close()
    s = Store.open(project, create=False)
    assert s.count_articles() == 3
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert s.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
    assert {t["name"] for t in s.tag_vocabulary()} >= {"经济", "成都", "需复核"}
    s.close()


def test_open_missing_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no Newsdesk project"):
        Store.open(tmp_path / "nope.newsdesk", create=False)
    assert not (tmp_path / "nope.newsdesk").exists()


def test_non_sqlite_file_is_refused_and_unchanged(tmp_path: Path) -> None:
    p = tmp_path / "notes.newsdesk"
    p.write_bytes(b"this is not a database\n" * 10)
    before = p.read_bytes()
    with pytest.raises(NotAProjectError):
        Store.open(p)
    assert p.read_bytes() == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["notes.newsdesk"]


def test_foreign_sqlite_file_is_refused_and_unchanged(tmp_path: Path) -> None:
    p = tmp_path / "other.db"
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE t (x)")
    c.execute("INSERT INTO t VALUES (1)")
    c.commit()
    c.close()
    before = p.read_bytes()
    with pytest.raises(NotAProjectError, match="not a Newsdesk project"):
        Store.open(p)
    assert p.read_bytes() == before


def test_corrupt_sqlite_file_is_refused_and_unchanged(tmp_path: Path, project: Path) -> None:
    s = Store.open(project)
    add(s)
    s.close()
    data = bytearray(project.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page, keep the header
    bad = tmp_path / "bad.newsdesk"
    bad.write_bytes(bytes(data))
    with pytest.raises(NotAProjectError):
        Store.open(bad)
    assert bad.read_bytes() == bytes(data)


def test_newer_schema_is_refused_and_file_untouched(project: Path) -> None:
    s = Store.open(project)
    add(s)
    s.db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('newsdesk', 'v3_future', 'x')")
    s.db.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
    s.close()
    before = project.read_bytes()
    for kwargs in ({}, {"readonly": True}):
        with pytest.raises(NewerSchemaError, match="newer version of Newsdesk"):
            Store.open(project, **kwargs)
        assert project.read_bytes() == before


def test_readonly_refuses_every_write(filled: Store, project: Path) -> None:
    aid = filled.article_ids()[0]
    filled.close()
    ro = Store.open(project, readonly=True)
    assert ro.readonly and ro.count_articles() == 6
    writes = [
        lambda: ro.set_field(aid, "title", "x"),
        lambda: ro.add_span(aid, 0, 1, "PER"),
        lambda: ro.set_status(aid, "reviewed"),
        lambda: ro.set_tags(aid, ["经济"]),
        lambda: ro.add_tag("新"),
        lambda: ro.add_page("n.txt", "r", "t", "hx", page_result()),
    ]
    for w in writes:
        with pytest.raises(ReadOnlyError):
            w()
    assert ro.get_article(aid).title == "青白江区召开水务会议"
    ro.close()


def test_readonly_open_works_beside_a_writer(filled: Store, project: Path) -> None:
    ro = Store.open(project, readonly=True)
    assert ro.count_articles() == 6
    filled.set_status(filled.article_ids()[0], "reviewed")
    assert ro.progress() == (1, 6)
    ro.close()


def test_second_writer_in_another_process_is_refused(store: Store, project: Path) -> None:
    code = (
        "import sys\n"
        "from desktop.store.store import Store\n"
        "from desktop.store.errors import ProjectLockedError\n"
        "try:\n"
        f"    Store.open({str(project)!r})\n"
        "except ProjectLockedError as e:\n"
        "    print('LOCKED', e)\n"
        "    sys.exit(3)\n"
        f"s = Store.open({str(project)!r}, readonly=True)\n"
        "print('RO', s.count_articles())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 3, out.stderr
    assert "open in another" in out.stdout and "read-only" in out.stdout
    store.close()
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "RO 0" in out.stdout, out.stderr


def test_lock_in_same_process_and_released_on_close(project: Path) -> None:
    s = Store.open(project)
    with pytest.raises(ProjectLockedError):
        Store.open(project)
    s.close()
    Store.open(project).close()


def _build_v1(path: Path) -> None:
    """A version-1 project made by hand: no articles.note, no spans.needs_check."""
    from sqlite_utils import Database

    db = Database(path)
    migrations.MIGRATIONS.ensure_migrations_table(db)
    with db.atomic():
        migrations.v1_initial(db)
        db["_sqlite_migrations"].insert(
            {"migration_set": "newsdesk", "name": "v1_initial", "applied_at": "2024-01-01 00:00:00"}
        )
    with db.atomic():
        db.execute(
            "INSERT INTO pages (id, source_name, content_hash, raw_text, text, imported_at) "
            "VALUES (1, 'old.txt', 'hh', 'raw', '张三来了', '2024-01-01T00:00:00Z')"
        )
        db.execute(
            "INSERT INTO articles (id, page_id, position, title, body, status, reviewer, reviewed_at, n_spans) "
            "VALUES (1, 1, 0, '旧标题', '张三来了', 'reviewed', 'carol', '2024-01-02T00:00:00Z', 1)"
        )
        db.execute("INSERT INTO spans (article_id, start, \"end\", label, text, origin) VALUES (1, 0, 2, 'PER', '张三', 'human')")
    db.close()


def test_v1_project_is_backed_up_and_migrated(project: Path) -> None:
    _build_v1(project)
    v1_bytes_cols = sqlite3.connect(project).execute("PRAGMA table_info(articles)").fetchall()
    assert "note" not in {c[1] for c in v1_bytes_cols}
    with pytest.raises(StoreError, match="older project format"):
        Store.open(project, readonly=True)
    s = Store.open(project, editor="dave")
    backup = project.with_name(project.name + ".bak-v1")
    assert backup.exists()
    b = sqlite3.connect(backup)
    assert b.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "needs_check" not in {c[1] for c in b.execute("PRAGMA table_info(spans)")}
    b.close()
    rec = s.get_article(1)
    assert (rec.title, rec.status, rec.reviewer, rec.note) == ("旧标题", "reviewed", "carol", "")
    assert [(x.text, x.needs_check) for x in rec.spans] == [("张三", False)]
    s.set_field(1, "note", "checked after upgrade")
    s.update_span(rec.spans[0].id, needs_check=True)
    s.close()
    s = Store.open(project)
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION == 7
    assert s.get_article(1).note == "checked after upgrade"
    assert s.get_article(1).spans[0].needs_check is True
    s.close()


def test_operational_errors_become_store_errors(store: Store) -> None:
    from desktop.store.db import translate_errors

    with pytest.raises(StoreError, match="busy"), translate_errors():
        raise sqlite3.OperationalError("database is locked")
    with pytest.raises(StoreError, match="cannot sort"):
        store.article_ids(sort="nonsense")
