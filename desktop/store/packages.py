"""Work packages: the project file an editor takes away, written and read (SQL only here).

Owns: ``project_info`` / ``set_info`` (the ``project_info`` table: the project's
``project_id``, and in a package its ``package_*`` keys), ``write_package`` (a
new project file holding some articles of a project: their pages, articles,
spans, tags and history, the whole tag vocabulary, a search index of its own)
and ``read_package`` (a package checked and read for merging: every article
the editor touched, as its state, and the editor's events).

A package is an ordinary project (same schema; the app opens it like any
other) whose ``project_info`` says ``package_id`` (random), ``package_of`` (the
``project_id`` of the project it came from), ``package_editor``,
``package_base_event`` (the last event copied in: later events are the
editor's) and ``package_created_at``.  Ids of pages, articles and spans are the
project's own, so merging finds every article where it was.

A package is refused for merging, with the reason, when it is not a Newsdesk
project, was saved by a newer Newsdesk (its format is newer than this build's:
see ``db.inspect_file``), is not a work package, or belongs to another project.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desktop.store import journal, search
from desktop.store.db import connect, inspect_file, open_database, translate_errors, write_transaction
from desktop.store.errors import NewerSchemaError, NotAProjectError, StoreError

# Tables copied into a package, in foreign-key order, with the rows that go (temp.pick: the articles' ids).
_COPIED = (
    ("pages", "id IN (SELECT page_id FROM src.articles WHERE id IN (SELECT id FROM temp.pick))"),
    ("tags", "name NOT IN (SELECT name FROM main.tags)"),
    ("articles", "id IN (SELECT id FROM temp.pick)"),
    ("spans", "article_id IN (SELECT id FROM temp.pick)"),
    ("article_tags", "article_id IN (SELECT id FROM temp.pick)"),
    ("events", "article_id IN (SELECT id FROM temp.pick)"),
)
# What an editor's version is compared by: the article state without ids, times and who reviewed.
_NOT_CONTENT = {"id", "page_id", "position", "reviewer", "reviewed_at", "n_spans", "segments"}


class PackageRefused(StoreError):
    """A file that cannot be merged into this project; the message says why."""


def project_info(db: Database | sqlite3.Connection) -> dict[str, str]:
    conn = db.conn if isinstance(db, Database) else db
    return dict(conn.execute("SELECT key, value FROM project_info").fetchall())


def set_info(db: Database, values: dict[str, str]) -> None:
    db.conn.executemany(
        "INSERT INTO project_info (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [(k, str(v)) for k, v in values.items()],
    )


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA main.table_info([{table}])")]


def write_package(source: Path, target: Path, meta: dict[str, str], article_ids: list[int]) -> int:
    """Write the package ``target`` (must not exist) with ``article_ids`` of the project file
    ``source``; ``meta``: the ``package_*`` keys but ``package_base_event``.  Returns the number of
    articles written.  The source is only read (attached to the new file's connection)."""
    if target.exists():
        raise StoreError(f"{target} already exists; choose an empty folder", code="package_exists")
    db, lock = open_database(target, create=True, readonly=False)
    try:
        with translate_errors():
            conn = db.conn
            conn.execute("ATTACH DATABASE ? AS src", (str(source),))
            try:
                conn.execute("CREATE TEMP TABLE pick (id INTEGER PRIMARY KEY)")
                with write_transaction(db):
                    conn.executemany("INSERT OR IGNORE INTO temp.pick (id) VALUES (?)", [(int(i),) for i in article_ids])
                    for table, where in _COPIED:
                        cols = ", ".join(f"[{c}]" for c in _columns(conn, table))
                        conn.execute(f"INSERT INTO main.[{table}] ({cols}) SELECT {cols} FROM src.[{table}] WHERE {where}")
                    base = conn.execute("SELECT coalesce(max(id), 0) FROM main.events").fetchone()[0]
                    set_info(db, {**meta, "package_base_event": str(base)})
                    search.rebuild(db)
                    n = conn.execute("SELECT count(*) FROM main.articles").fetchone()[0]
                    conn.execute("DROP TABLE temp.pick")
            finally:
                conn.execute("DETACH DATABASE src")
        return n
    finally:
        db.close()
        if lock is not None:
            lock.release()


def content_key(state: dict[str, Any]) -> str:
    """A fingerprint of what an editor decided in an article state (not who, when or which ids)."""
    article = {k: v for k, v in state["article"].items() if k not in _NOT_CONTENT}
    spans = sorted(
        (s["start"], s["end"], s["label"], s.get("value") or "") for s in state["spans"]
    )
    text = json.dumps([article, spans, sorted(state["tags"])], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def fingerprint(state: dict[str, Any]) -> str:
    """The whole version (reviewer and times included): a change of it is a new version."""
    text = json.dumps(state, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class PackageContent:
    """A package read for merging."""

    path: Path
    package_id: str
    editor: str
    created_at: str
    versions: dict[int, dict[str, Any]] = field(default_factory=dict)  # touched article -> its state
    events: list[dict[str, Any]] = field(default_factory=list)  # the editor's events, oldest first
    last_event_id: int = 0


def _refuse(path: Path, why: str, code: str) -> PackageRefused:
    return PackageRefused(f"{path.name}: {why}; not merged", code=code, path=str(path))


def read_package(path: Path, project_id: str) -> PackageContent:
    """Check ``path`` is a work package of the project ``project_id`` and read what its editor did."""
    try:
        inspect_file(path)
    except NewerSchemaError as err:
        raise _refuse(path, f"it was saved by a newer Newsdesk (project format {err.details.get('version')})",
                      "package_newer") from err
    except NotAProjectError as err:  # its message names the file already
        raise PackageRefused(f"{str(err).rstrip('.')}; not merged", code="package_not_project", path=str(path)) from err
    with translate_errors():
        conn = connect(path, readonly=True)
    try:
        with translate_errors():
            conn.execute("BEGIN")
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            info = project_info(conn) if "project_info" in tables else {}
            if "package_id" not in info:
                raise _refuse(path, "it is a Newsdesk project, not a work package", "not_a_package")
            if info.get("package_of") != project_id:
                raise _refuse(path, f"it is a work package of another project (project {info.get('package_of')}, "
                                    f"this one is {project_id})", "package_foreign")
            base = int(info.get("package_base_event", "0"))
            content = PackageContent(path, info["package_id"], info.get("package_editor", ""),
                                     info.get("package_created_at", ""))
            live = " AND undone = 0" if "undone" in _columns(conn, "events") else ""  # an undone edit did not happen
            cur = conn.execute(f"SELECT id, article_id, editor, at, action, before, after FROM events WHERE id > ?{live} ORDER BY id",
                               (base,))
            names = ("id", "article_id", "editor", "at", "action", "before", "after")
            content.events = [dict(zip(names, r)) for r in cur]
            content.last_event_id = max((e["id"] for e in content.events), default=base)
            touched = sorted({e["article_id"] for e in content.events if e["article_id"] is not None})
            db = Database(conn, execute_plugins=False)
            for aid in touched:
                state = journal.article_state(db, aid)
                if state is not None:
                    content.versions[aid] = state
            return content
    finally:
        conn.close()

