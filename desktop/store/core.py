"""The open project under every Store method: its connection, its lock and its write transaction.

Owns: ``StoreCore`` (path, editor, read-only flag, the SQLite connection, ``close``, the
``db`` property and ``_write``: one transaction under the store's lock that keeps the
journal's states before and after the write), the ``reading`` decorator (a read under the
lock, sqlite3 errors as ``StoreError``), ``own_connection_reader`` (the readers a worker thread
may use) and the lazily imported segmentation modules.  The
Store's methods are grouped by area in mixins of ``StoreCore`` (``pages_api``,
``reading_api``, ``edit_api``, ``segment_api``, ``model_api``, ``team_facade``, ``undo``);
``store.Store`` puts them together.

Threads: the app uses the open Store on the GUI thread only (``desktop/ui/tasks.py``); the
lock is a guard, so that a call from another thread waits instead of interleaving inside a
transaction.  Every ``sqlite3`` error leaves as a ``StoreError`` with a readable message.
"""

from __future__ import annotations

import contextlib
import getpass
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from desktop.store import journal
from desktop.store.db import connect, translate_errors, write_transaction
from desktop.store.errors import ReadOnlyError, StoreError
from desktop.store.undo import note_write

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


def reading(fn: Callable[P, R]) -> Callable[P, R]:
    """A Store read: holds the store's lock; sqlite3 errors become ``StoreError``."""

    @wraps(fn)
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        self = args[0]
        with self._lock, translate_errors():  # type: ignore[attr-defined]
            return fn(*args, **kwargs)

    return inner


def own_connection_reader(path: Path, read: Callable[[Any], T]) -> Callable[[], T]:
    """A callable for a worker thread: ``read(conn)`` on a read-only connection of its own to the
    project at ``path`` (closed after), sqlite3 errors as ``StoreError``; touches no Store."""

    def run() -> T:
        conn = connect(path, readonly=True)
        try:
            with translate_errors():
                return read(conn)
        finally:
            conn.close()

    return run


# Imported on first use: segmentation and page blocks pull in the pipeline's text repair
# (cn2an, a few hundred compiled patterns: ~0.5 s), which opening a project and showing
# its first article do not need.
def segmentation_module() -> Any:
    from desktop.store import segmentation

    return segmentation


def page_blocks_module() -> Any:
    from desktop.store import page_blocks

    return page_blocks


def default_editor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers, Windows services)
        return "editor"


class StoreCore:
    """The state every Store method works on; see the module docstring."""

    def __init__(self, path: Path, db: Any, lock: Any, readonly: bool, editor: str) -> None:
        self.path = path
        self.readonly = readonly
        self.editor = editor
        self._db = db
        self._file_lock = lock
        self._lock = threading.RLock()

    def close(self) -> None:
        with self._lock:
            if self._db is None:
                return
            try:
                if not self.readonly:
                    with contextlib.suppress(Exception):
                        self._db.execute("PRAGMA optimize")
                self._db.close()
            finally:
                self._db = None
                if self._file_lock is not None:
                    self._file_lock.release()

    @property
    def closed(self) -> bool:
        return self._db is None

    @property
    def db(self) -> Any:
        if self._db is None:
            raise StoreError("the project is closed", code="project_closed")
        return self._db

    @contextlib.contextmanager
    def _write(
        self,
        articles: Iterable[int] | Callable[[], Iterable[int]] = (),
        page: int | Callable[[], int | None] | None = None,
    ) -> Iterator[Any]:
        """One transaction under the store lock; sqlite3 errors become StoreError.

        ``articles`` / ``page``: whose state the journal keeps from before and after this write
        (article scope, or the whole page for edits that change its articles).  Either may be
        a function that looks the scope up (the page of an article, the article of a span): it
        runs inside the transaction, so no other write can move the article in between."""
        if self.readonly:
            raise ReadOnlyError(f"{self.path.name} is open read-only; changes cannot be saved.")
        with self._lock, translate_errors(), write_transaction(self.db):
            if callable(articles):
                articles = list(articles())
            if callable(page):
                page = page()
            pending = journal.begin(self.db, articles, page) if (articles or page is not None) else None
            yield self.db
            if pending is not None:
                note_write(journal.attach(self.db, pending))
