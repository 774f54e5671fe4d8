"""Opening a project file: checks, pragmas, lock, upgrade, and SQLite error translation.

Owns: ``open_database`` (returns a ``sqlite_utils.Database`` and the held lock),
``inspect_file`` (the read-only check run before anything touches a file), ``slow_open``
(whether an open will upgrade or check the file first: the app then opens it off the GUI
thread behind a progress dialog),
``write_transaction`` (``BEGIN IMMEDIATE``, so a write waits for another
writer up to the busy timeout instead of failing at once) and
``translate_errors`` (turns ``sqlite3`` errors into ``StoreError`` messages).

Order of an open: a file that exists is first inspected through a separate
read-only connection (``mode=ro`` URI); a file that is not SQLite, is corrupt,
is another application's database or was written by a newer Newsdesk is
refused before any write connection exists, so it stays byte-for-byte as it
was.  Then the write lock is taken, an older schema is copied to
``<file>.bak-v<N>`` (SQLite backup API) and upgraded.  Pragmas of a read-write
connection: WAL, synchronous=NORMAL, foreign_keys=ON, busy timeout 5 s.

Where a project cannot be written: a read-write open of a project in a
read-only folder (SQLite must create ``-wal``/``-shm`` and Newsdesk its
``.lock`` there), or of a read-only file, is refused with
``ReadOnlyLocationError`` saying which and how to fix it.  Read-only opens work
there: a WAL-mode file normally needs its ``-shm`` beside it, so when the folder
cannot take one and no ``-wal`` with content exists (the project was closed
cleanly: every change is in the file itself) it is opened ``immutable``; with
changes left in a ``-wal`` that cannot be done correctly, and the message says so.

Damage: before the first write of a session ``PRAGMA quick_check`` runs
(about 0.9 s per GB with the file in the page cache, 9 s per GB from disk on
this machine: bench/bench_open_check.py).  A project this program closed
cleanly and nobody changed since carries a stamp (its size and modification
time, in the ``.lock`` file) and skips the check; a crash, a ``-wal`` left
behind or any change by another program brings it back.  Damage refuses the
open with ``DamagedProjectError`` naming the backup copy.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from desktop.store import migrations
from desktop.store.errors import (
    DamagedProjectError,
    NewerSchemaError,
    NotAProjectError,
    ReadOnlyError,
    ReadOnlyLocationError,
    StoreError,
)
from desktop.store.lock import ProjectLock

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class FileInfo:
    version: int
    applied: tuple[str, ...]

    @property
    def pending(self) -> bool:
        return self.version < migrations.CURRENT_VERSION or any(s not in self.applied for s in migrations.KNOWN_STEPS)


def _ro_uri(path: Path, immutable: bool = False) -> str:
    return "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=ro" + ("&immutable=1" if immutable else "")


def side_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def folder_writable(path: Path) -> bool:
    folder = path.resolve().parent
    return os.access(folder, os.W_OK | os.X_OK)


def _connect_ro(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(_ro_uri(path), uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the WAL index, if any
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if folder_writable(path) or not path.is_file():
            raise
    # A WAL-mode project in a folder where SQLite cannot create its -shm file.
    wal = side_file(path, "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(
            f"{path.name} cannot be read here: its folder {path.resolve().parent} is read-only and changes are "
            f"still in {wal.name} (the project was not closed cleanly, or is open elsewhere), which SQLite can only "
            f"read by creating {path.name}-shm beside it. Make the folder writable, or copy the project together "
            f"with {wal.name} to a writable folder.",
            code="wal_in_read_only_folder",
        )
    # No -wal (or an empty one, and no -shm: nobody is writing): every change is in the file
    # itself, and nobody here may write in this folder, so reading it as immutable is exact.
    return sqlite3.connect(_ro_uri(path, immutable=True), uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = _connect_ro(path)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    return conn


def _check_writable(path: Path, exists: bool) -> None:
    """Refuse a read-write open where nothing can be written, saying what to change."""
    folder = path.resolve().parent
    if not folder_writable(path):
        raise ReadOnlyLocationError(
            f"The folder {folder} is read-only: Newsdesk cannot save changes to {path.name} there (it writes "
            f"{path.name}.lock, and SQLite {path.name}-wal and -shm, beside the project). Make the folder writable "
            "(chmod u+w), or copy the project to a writable folder; reading it (export, stats, opening it "
            "read-only) works as it is.",
            what="folder",
        )
    if exists and not os.access(path, os.W_OK):
        raise ReadOnlyLocationError(
            f"The project file {path} is read-only (its permissions do not allow writing), so changes cannot be "
            "saved. Make it writable (chmod u+w), or open it read-only.",
            what="file",
        )


def _backup_hint(path: Path) -> str:
    prefix = path.name + ".bak-v"
    backups = sorted((p for p in path.parent.iterdir() if p.name.startswith(prefix)), key=lambda p: p.stat().st_mtime)
    if backups:
        return (f"The copy {backups[-1].name} beside it was made before its last upgrade; it lacks the changes "
                "made since. ")
    return f"There is no backup copy beside it (a {path.name}.bak-vN is written only before an upgrade). "


def file_stamp(path: Path) -> str | None:
    """Size and modification time of a project whose changes are all in the file (no -wal with content)."""
    wal = side_file(path, "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None
    st = path.stat()
    return f"checked {st.st_size} {st.st_mtime_ns}"


def closed_cleanly(path: Path, note: str) -> bool:
    """Whether this program closed the project cleanly and nothing changed it since: its stamp is
    the note it left in the lock file (else an open runs the damage check first)."""
    stamp = file_stamp(path)
    return stamp is not None and note == stamp


def check_damage(conn: sqlite3.Connection, path: Path) -> None:
    """``PRAGMA quick_check``; DamagedProjectError naming the problem and the backup."""
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA quick_check(3)").fetchall()]
    except sqlite3.DatabaseError as err:
        problems = [str(err)]
    if problems == ["ok"]:
        return
    lines = [ln.strip() for p in problems for ln in p.splitlines() if ln.strip() and not ln.startswith("***")]
    raise DamagedProjectError(
        f"{path.name} is damaged ({'; '.join(lines)[:300]}); nothing was written to it. "
        + _backup_hint(path)
        + "Restore it from a backup (the sqlite3 shell's .recover command can copy what is still readable into a new "
        "file); meanwhile it can be opened read-only."
    )


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


def slow_open(path: Path) -> str | None:
    """What a read-write open of ``path`` will do besides opening, when that takes time on a big
    project: "upgrade" (a backup copy of the whole file, then the upgrade), "check" (the damage
    check: a crash, a ``-wal`` left behind or a change by another program since this program
    closed it) or None.  Never raises: a file that cannot be opened is the open's to explain."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        if inspect_file(path).pending:
            return "upgrade"
        return None if closed_cleanly(path, ProjectLock(path).peek_note()) else "check"
    except (OSError, StoreError):
        return None


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
            reader = connect(path, readonly=True)
            reader.execute("PRAGMA query_only = ON")
            return Database(reader, execute_plugins=False), None
    if not path.parent.is_dir():
        raise StoreError(f"The folder {path.parent} does not exist.", code="folder_missing")
    _check_writable(path, exists)
    lock = ProjectLock(path)
    lock.acquire()
    conn: sqlite3.Connection | None = None
    try:
        with translate_errors():
            if info is not None and not closed_cleanly(path, lock.read_note()):
                ro = connect(path, readonly=True)
                try:
                    check_damage(ro, path)
                finally:
                    ro.close()
            conn = connect(path, readonly=False)
            _write_pragmas(conn)
            db = Database(conn, execute_plugins=False)
            if info is not None:
                info = inspect_file(path)  # under the lock: another process may have upgraded it meanwhile
                if info.pending:
                    migrations.backup_copy(conn, path, info.version)
            migrations.migrate(db)
        lock.note_on_release = lambda: file_stamp(path)
        return db, lock
    except BaseException:
        if conn is not None:
            conn.close()
        lock.release()
        raise


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """``db.atomic()``, but the outermost transaction starts with ``BEGIN IMMEDIATE``: the write
    lock is taken first (waiting up to the busy timeout for another writer), so a write that
    starts with a read never fails at once with "database is locked" on the upgrade."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.conn.execute("COMMIT")
    except BaseException:
        db.rollback()
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
