"""Errors the store raises: every failure a user can meet is a ``StoreError``
with a message fit to show in a dialog (no raw ``sqlite3`` tracebacks).

Owns: ``StoreError`` and its subclasses.
"""

from __future__ import annotations


class StoreError(Exception):
    """A project could not be read or written; the message says why."""


class NotAProjectError(StoreError):
    """The file is not a Newsdesk project (not SQLite, corrupt, or another app's database)."""


class NewerSchemaError(StoreError):
    """The project was written by a newer Newsdesk than this one."""


class ProjectLockedError(StoreError):
    """Another Newsdesk process has the project open for writing."""


class OverlapError(StoreError):
    """A span would overlap another span of the same article."""


class ReadOnlyError(StoreError):
    """A write was attempted on a project opened read-only."""


class NotFoundError(StoreError):
    """An article, span or page id does not exist (any more)."""


class ReadOnlyLocationError(StoreError):
    """The project cannot be written where it is: a read-only folder, file or disk.
    The message says which and how to fix it; read-only opens still work."""


class DamagedProjectError(StoreError):
    """SQLite's check found damage in the project; it was not opened for writing.
    The message names the problem and the backup copy, if there is one."""
