"""The article history and reverting an article to a chosen point.

Owns: ``RevertArticleCommand`` (undoable through page snapshots, like every
segmentation command: a revert may bring back or remove articles of the page)
and ``HistoryController`` (opens the history dialog, asks the store what the
chosen revert would do, asks the editor when other articles of the page would
change too, and pushes the command).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from desktop.store.errors import StoreError
from desktop.store.records import Changes
from desktop.ui.context import AppContext
from desktop.ui.dialogs.history import HistoryDialog
from desktop.ui.i18n import fill, local_time
from desktop.ui.segment_commands import SegmentCommand


class RevertArticleCommand(SegmentCommand):
    def __init__(self, ctx: AppContext, article_id: int, page_id: int, event_id: int) -> None:
        super().__init__(ctx, article_id, page_id, QCoreApplication.translate("Commands", "Revert article to an earlier point"))
        self.event_id = event_id

    def operate(self, store: Any) -> Changes:
        return store.revert_article(self.article_id, self.event_id)


class HistoryController(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: HistoryDialog | None = None  # the open dialog (tests answer it)

    def show_history(self) -> None:
        record = self.ctx.record
        if record is None or not self.ctx.has_store:
            return
        parent = self.parent()
        self.dialog = HistoryDialog(
            record.title or str(record.id), self.ctx.store.article_history(record.id),
            parent if isinstance(parent, QWidget) else None,
        )
        try:
            accepted = self.dialog.exec()
            chosen = self.dialog.revert_to
        finally:
            self.dialog.deleteLater()
            self.dialog = None
            if isinstance(parent, QWidget):
                parent.activateWindow()  # keys go back to the article
        if accepted and chosen is not None:
            self.revert(record.id, chosen)

    def revert(self, article_id: int, event_id: int) -> bool:
        """Revert after asking when needed; False when nothing was done."""
        store = self.ctx.store
        try:
            plan = store.revert_plan(article_id, event_id)
        except StoreError as err:
            self.ctx.note_failure(err)
            return False
        if plan.missing:
            self.ctx.status_message.emit(fill(self.tr("Cannot revert to this point: %1"), plan.missing))
            return False
        if plan.nothing_to_do:
            self.ctx.status_message.emit(self.tr("The article already is as it was at that point"))
            return False
        if plan.page_event is not None and plan.other_articles:
            text = fill(
                self.tr(
                    "The page's articles were split, merged or moved since %1. Reverting brings the whole page back "
                    "to how it was then: %2 other article(s) of the page change too and %3 edit(s) made to them since "
                    "are undone. You can undo this with Ctrl+Z. Revert?"
                ),
                local_time(plan.page_event_at) or "?", str(len(plan.other_articles)), str(plan.other_events),
            )
            if not self.ctx.interaction.confirm(self.tr("Revert article"), text):
                return False
        page_id = store.get_article(article_id).page_id
        return self.ctx.push(RevertArticleCommand(self.ctx, article_id, page_id, event_id))
