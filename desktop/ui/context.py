"""The state every pane shares, passed explicitly to each widget.

Owns: ``AppContext(QObject)``: the open ``Store``, the one ``QUndoStack``, the
``Settings``, the ``TaskRunner``, the ``Interaction`` seam, and the current
selection (article and span).  Every store write goes through ``apply``,
which re-emits the returned ``Changes`` as ``changes_applied`` so each pane
refreshes only what concerns it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.store.errors import NotFoundError, StoreError
from desktop.store.records import ArticleRecord, Changes
from desktop.ui.interaction import Interaction
from desktop.ui.messages import explain
from desktop.ui.settings import Settings
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.store.store import Store


class AppContext(QObject):
    """Store, undo stack, settings, tasks, prompts and the current selection."""

    changes_applied = Signal(object)  # Changes
    project_closing = Signal()  # the open project is about to close (or be replaced)
    project_changed = Signal()
    article_selected = Signal(object)  # article id or None
    article_shown = Signal(object)  # ArticleRecord or None: a different article is current
    article_updated = Signal(object)  # ArticleRecord: the current article was edited
    span_selected = Signal(object)  # span id or None
    status_message = Signal(str)

    def __init__(
        self,
        settings: Settings,
        interaction: Interaction | None = None,
        tasks: TaskRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.interaction = interaction or Interaction()
        self.tasks = tasks or TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self._store: Store | None = None
        self.article_id: int | None = None
        self.record: ArticleRecord | None = None
        self.span_id: int | None = None
        self._failure: Exception | None = None

    # --- project -----------------------------------------------------------
    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("no project is open")
        return self._store

    @property
    def has_store(self) -> bool:
        return self._store is not None

    @property
    def project_path(self) -> Path | None:
        return Path(self._store.path) if self._store is not None else None

    def set_store(self, store: Store | None) -> None:
        """Switch projects: the undo history belongs to the project it edits.

        Panes hear ``article_shown(None)`` first, then ``project_changed``, so a
        pane that restores a place on ``project_changed`` (``SessionMemory``) is
        not blanked afterwards."""
        if self._store is not None:
            self.project_closing.emit()
        if self._store is not None and self._store is not store:
            self._store.close()
        self.undo_stack.clear()
        self._store = store
        if store is not None:  # a work package is edited under the name of the editor it was made for
            store.editor = (store.package_info() or {}).get("package_editor") or self.settings.editor_name()
        self.article_id = None
        self.record = None
        self.span_id = None
        self.article_shown.emit(None)
        self.project_changed.emit()

    def close(self) -> None:
        self.tasks.cancel_all_and_wait()
        self.set_store(None)

    # --- selection ---------------------------------------------------------
    def select_article(self, article_id: int | None) -> None:
        if article_id == self.article_id:
            return
        self.article_id = article_id
        self.span_id = None
        try:
            self.record = self.store.get_article(article_id) if article_id is not None else None
        except NotFoundError:
            raise
        except StoreError as error:  # a damaged project open read-only: this article cannot be read
            self.record = None
            self.status_message.emit(explain(error))
        self.article_selected.emit(article_id)
        self.article_shown.emit(self.record)

    def select_span(self, span_id: int | None) -> None:
        if span_id == self.span_id:
            return
        self.span_id = span_id
        self.span_selected.emit(span_id)

    # --- writes ------------------------------------------------------------
    def apply(self, write: Callable[[Store], Changes]) -> Changes:
        """Run one store write (one transaction) and tell every pane."""
        changes = write(self.store)
        gone = False
        if self.article_id is not None and self.article_id in changes.article_ids:
            try:
                self.record = self.store.get_article(self.article_id)
            except NotFoundError:  # merged away, or a split undone
                self.article_id, self.record, self.span_id, gone = None, None, None, True
            if self.span_id is not None and self.record is not None and all(s.id != self.span_id for s in self.record.spans):
                self.span_id = None
        self.changes_applied.emit(changes)
        if gone:
            self.article_selected.emit(None)
            self.article_shown.emit(None)
        elif self.record is not None and self.article_id in changes.article_ids:
            self.article_updated.emit(self.record)
        if "articles" in changes.kinds and not gone:
            self.article_selected.emit(self.article_id)  # rows moved: the list follows the current article
        return changes

    def push(self, command: QUndoCommand) -> bool:
        """Push an edit; its redo() writes through the store.

        Returns False (and shows why in the status bar) when the store refused
        it; a refused command marks itself obsolete and is not kept.
        """
        self._failure = None
        self.undo_stack.push(command)
        failure, self._failure = self._failure, None
        if failure is not None:
            self.status_message.emit(explain(failure))
            return False
        return True

    def note_failure(self, error: Exception) -> None:
        """Called by a command whose store write was refused: the editor reads why in the
        interface language (``messages.explain``); the details go to the log."""
        self._failure = error
        self.status_message.emit(explain(error))
