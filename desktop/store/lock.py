"""The advisory write lock of a project: ``<file>.lock`` held with ``fcntl.flock``
(POSIX) or ``msvcrt.locking`` (Windows) for as long as a read-write Store is open.

Owns: ``ProjectLock``.  The lock belongs to the open file description, so it is
released by the OS when the process dies (even by SIGKILL); a stale ``.lock``
file left behind never blocks anyone.

The file's content is a note for the next opener: ``desktop.store.db`` keeps
there the stamp of a project it closed after checking it (see its docstring),
written by ``release`` while the lock is still held.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.store.errors import ProjectLockedError, StoreError


_NOTE_MAX = 4096  # bytes of the note read back


class ProjectLock:
    """Exclusive, non-blocking lock on ``<project>.lock``."""

    def __init__(self, project: Path) -> None:
        self.path = project.with_name(project.name + ".lock")
        self._fd: int | None = None
        # Called by release() while the lock is held; its text (None: none) replaces the note.
        self.note_on_release: Callable[[], str | None] | None = None

    def read_note(self) -> str:
        """The note the last holder left (read while holding the lock)."""
        if self._fd is None:
            return ""
        try:
            return os.pread(self._fd, _NOTE_MAX, 0).decode("utf-8", "replace") if hasattr(os, "pread") else ""
        except OSError:
            return ""

    def peek_note(self) -> str:
        """The same note read without the lock (what an open will find, unless someone opens first)."""
        try:
            with open(self.path, "rb") as f:
                return f.read(_NOTE_MAX).decode("utf-8", "replace")
        except OSError:
            return ""

    def _write_note(self, fd: int) -> None:
        try:
            note = self.note_on_release() if self.note_on_release is not None else None
        except OSError:
            note = None
        try:
            os.ftruncate(fd, 0)
            if note and hasattr(os, "pwrite"):
                os.pwrite(fd, note.encode("utf-8"), 0)
        except OSError:
            pass  # a missing note only means the next open checks the project again

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise StoreError(
                f"cannot create the lock file {self.path}: {err.strerror or err}", code="cannot_lock", reason=str(err.strerror or err)
            ) from err
        try:
            if sys.platform == "win32":
                import msvcrt

                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            os.close(fd)
            raise ProjectLockedError(
                f"The project {self.path.with_suffix('').name} is open in another Newsdesk window or process. "
                "Close it there, or open this project read-only.",
                code="project_locked",
            ) from err
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            self._write_note(fd)
            if sys.platform == "win32":
                import msvcrt

                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
