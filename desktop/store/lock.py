"""The advisory write lock of a project: ``<file>.lock`` held with ``fcntl.flock``
(POSIX) or ``msvcrt.locking`` (Windows) for as long as a read-write Store is open.

Owns: ``ProjectLock``.  The lock belongs to the open file description, so it is
released by the OS when the process dies (even by SIGKILL); a stale ``.lock``
file left behind never blocks anyone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop.store.errors import ProjectLockedError, StoreError


class ProjectLock:
    """Exclusive, non-blocking lock on ``<project>.lock``."""

    def __init__(self, project: Path) -> None:
        self.path = project.with_name(project.name + ".lock")
        self._fd: int | None = None

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
            if sys.platform == "win32":
                import msvcrt

                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
