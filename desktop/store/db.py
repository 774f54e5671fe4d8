"""Opening a project file: checks, pragmas, lock, upgrade, and SQLite error translation.

Owns: ``open_database`` (returns a ``sqlite_utils.Database`` and the held lock),
``inspect_file`` (the read-only check run before anything touches a file) and
``translate_errors`` (turns ``sqlite3`` errors into ``StoreError`` messages).

Order of an open: a file that exists is first inspected through a separate
read-only connection (``mode=ro`` URI); a file that is not SQLite, is corrupt,
is another application's database or was written by a newer Newsdesk is
refused before any write connection exists, so it stays byte-for-byte as it
was.  Then the write lock is taken, an older schema is copied to
``<file>.bak-v<N>`` (SQLite backup API) and upgraded.  Pragmas of a read-write
connection: WAL, synchronous=NORMAL, foreign_keys=ON, busy timeout 5 s.
"""

from __future__ import annotations

import contextlib
import sqlite3
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from desktop.store import migrations
from desktop.store.errors import NewerSchemaError, NotAProjectError, ReadOnlyError, StoreError
from desktop.store.lock import ProjectLock

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class FileInfo:
    version: int
    applied: tuple[str, ...]

    @property
    def pending(self) -> bool:
        return self.version < migrations.CURRENT_VERSION


def _ro_uri(path: Path) -> str:
    return "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=ro"


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(_ro_uri(path), uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    return conn


def inspect_file(path: Path) -> FileInfo:
    """Read-only check of an existing file.  Raises NotAProjectError / NewerSchemaError."""
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as err:
        raise StoreError(f"cannot read {path}: {err.strerror or err}", code="cannot_read", reason=str(err.strerror or err)) from err
    if not head.startswith(SQLITE_HEADER):
        raise NotAProjectError(f"{path.name} is not a Newsdesk project (it is not an SQLite database).", code="not_a_project")
    try:
        conn = connect(path, readonly=True)
    except sqlite3.Error as err:
        raise NotAProjectError(f"{path.name} cannot be opened as a Newsdesk project: {err}", code="db_damaged") from err
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        applied = tuple(migrations.applied_steps(conn))
    except sqlite3.DatabaseError as err:
        raise NotAProjectError(f"{path.name} is damaged or not a Newsdesk project: {err}", code="db_damaged") from err
    finally:
        conn.close()
    if app_id != migrations.APPLICATION_ID or not applied:
        raise NotAProjectError(f"{path.name} is an SQLite database, but not a Newsdesk project.", code="not_a_project")
    unknown = [a for a in applied if a not in migrations.KNOWN_STEPS]
    if version > migrations.CURRENT_VERSION or unknown:
        raise NewerSchemaError(
            f"{path.name} was saved by a newer version of Newsdesk (project format {version}, "
            f"this version reads up to {migrations.CURRENT_VERSION}). Update Newsdesk to open it; "
            "the file was not changed.",
            code="newer_schema", version=version,
        )
    return FileInfo(version=version, applied=applied)


def _write_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")


def open_database(path: Path, *, create: bool, readonly: bool) -> tuple[Database, ProjectLock | None]:
    """Open (or create) the project at ``path``; see the module docstring for the order of checks."""
    exists = path.exists() and path.stat().st_size > 0
    if not exists and (readonly or not create):
        raise StoreError(f"There is no Newsdesk project at {path}.", code="no_project")
    info = inspect_file(path) if exists else None
    if readonly:
        assert info is not None
        if info.pending:
            raise StoreError(
                f"{path.name} uses an older project format ({info.version}); "
                "open it once read-write to upgrade it (a backup copy is kept).",
                code="older_format_read_only",
            )
        with translate_errors():
            conn = connect(path, readonly=True)
            conn.execute("PRAGMA query_only = ON")
            return Database(conn, execute_plugins=False), None
    if not path.parent.is_dir():
        raise StoreError(f"The folder {path.parent} does not exist.", code="folder_missing")
    lock = ProjectLock(path)
    lock.acquire()
    conn: sqlite3.Connection | None = None
    try:
        with translate_errors():
            conn = connect(path, readonly=False)
            _write_pragmas(conn)
            db = Database(conn, execute_plugins=False)
            if info is not None:
                info = inspect_file(path)  # under the lock: another process may have upgraded it meanwhile
                if info.pending:
                    migrations.backup_copy(conn, path, info.version)
            migrations.migrate(db)
        return db, lock
    except BaseException:
        if conn is not None:
            conn.close()
        lock.release()
        raise


def _message(err: sqlite3.Error) -> tuple[str, str]:
    """(refusal code, English message) for a database error."""
    text = str(err)
    low = text.lower()
    if "locked" in low or "busy" in low:
        return "db_busy", "The project is busy: another program is writing to it. Try again in a moment."
    if "readonly" in low or "read-only" in low:
        return "read_only", "The project is open read-only; changes cannot be saved."
    if "disk is full" in low or "database or disk is full" in low:
        return "disk_full", "The disk is full; the last change was not saved."
    if "malformed" in low or "not a database" in low:
        return "db_damaged", "The project file is damaged: " + text
    if "disk i/o" in low or "unable to open" in low:
        return "db_io", "The project file cannot be read or written (disk or permission problem): " + text
    return "store_error", "Project database error: " + text


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Re-raise ``sqlite3`` errors as ``StoreError`` (``ReadOnlyError`` for writes on a read-only file)."""
    try:
        yield
    except sqlite3.Error as err:
        code, msg = _message(err)
        low = str(err).lower()
        if "readonly" in low or "read-only" in low or "query_only" in low:
            raise ReadOnlyError(msg) from err
        raise StoreError(msg, code=code, reason=str(err)) from err
