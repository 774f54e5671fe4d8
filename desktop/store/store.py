"""The Store facade: the one API through which the app, the CLI and the exporters
read and write a Newsdesk project (one SQLite file).

Owns: ``Store`` and ``Store.open``.  Nothing outside ``desktop.store`` runs SQL.  Reads are
typed; every write runs in one transaction, records its events (who, when, what) and the
state before and after it (``journal.py``), and returns a ``Changes`` whose ``event_ids``
name those events, so that ``undo.py`` can take the write back or make it again.

The methods are grouped by area, one mixin each (its module docstring lists its methods
with their contract):

* ``pages_api.PageMethods``: importing pages, a page's text, layout and snapshot;
* ``reading_api.ReadingMethods``: the article list and its order, search, one article, its
  history, export records, statistics, and the readers a worker thread may use;
* ``edit_api.EditMethods``: one article's fields, spans, status and tags; revert;
  re-extraction;
* ``segment_api.SegmentMethods``: splitting, merging and reshaping the articles of a page;
* ``model_api.ModelMethods``: the project's own entity models;
* ``team_facade.TeamMethods``: work packages, merging them, adjudication;
* ``undo.UndoMethods``: ``undo_events`` / ``redo_events`` (``errors.UndoRefused`` says why not);

on ``core.StoreCore`` (the connection, the lock, ``_write``).

    Store.open(path, *, create=True, readonly=False, editor=None) -> Store
        raises errors.NotAProjectError   (corrupt / non-SQLite / foreign db; file untouched)
               errors.NewerSchemaError   (written by a newer Newsdesk; file untouched)
               errors.ProjectLockedError (another process holds the write lock)
        An older schema is migrated after a backup copy "<name>.bak-v<N>" is written beside it.
    store.path, store.readonly, store.editor (str, settable), store.closed, store.close()
"""

from __future__ import annotations

from pathlib import Path

from desktop.store.core import default_editor
from desktop.store.db import open_database
from desktop.store.edit_api import EditMethods
from desktop.store.model_api import ModelMethods
from desktop.store.pages_api import PageMethods
from desktop.store.reading_api import ReadingMethods
from desktop.store.segment_api import SegmentMethods
from desktop.store.spans import UNSET
from desktop.store.team_facade import TeamMethods
from desktop.store.undo import UndoMethods, journalled

__all__ = ["Store", "UNSET"]


@journalled
class Store(PageMethods, ReadingMethods, EditMethods, SegmentMethods, ModelMethods, TeamMethods, UndoMethods):
    """One open project.  Build with ``Store.open``; see the module docstring."""

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, readonly: bool = False, editor: str | None = None) -> Store:
        path = Path(path)
        db, lock = open_database(path, create=create, readonly=readonly)
        store = cls(path, db, lock, readonly, editor or default_editor())
        if editor is None:  # a work package opens under its editor's name (team_facade.py)
            store.editor = (store.package_info() or {}).get("package_editor") or store.editor
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
