"""The article history and reverting an article to a chosen point.

Owns: ``RevertArticleCommand`` (a ``commands.StoreEdit`` around ``store.revert_article``: the
store's journal keeps the article, or the whole page when the revert brings back or removes
articles of the page, so undo and redo put back exactly what was there) and
``HistoryController`` (opens the history dialog of the article, or of one span: the article's
events that concern it, ``concerns_span``; asks the store what the chosen revert would do,
asks the editor when other articles of the page would change too, and pushes the command).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desktop.store.errors import StoreError
from desktop.store.records import Event
from desktop.ui.commands import StoreEdit
from desktop.ui.context import AppContext
from desktop.ui.dialogs.history import HistoryDialog
from desktop.ui.i18n import fill, local_time
from desktop.ui.messages import label_name


def RevertArticleCommand(ctx: AppContext, article_id: int, page_id: int, event_id: int) -> StoreEdit:  # noqa: N802
    return StoreEdit(ctx, article_id, lambda store: store.revert_article(article_id, event_id), show_at_push=True)


_SPAN_ID_LISTS = ("span_ids", "moved_spans", "flagged_spans", "removed_spans")


def concerns_span(event: Event, span_id: int) -> bool:
    """Whether an event made, changed, accepted, moved or removed the span ``span_id``."""

    def walk(value: Any) -> bool:
        if isinstance(value, dict):
            if value.get("id") == span_id and "label" in value and "start" in value:
                return True
            for key, inner in value.items():
                if key in _SPAN_ID_LISTS and isinstance(inner, list) and span_id in inner:
                    return True
                if walk(inner):
                    return True
        elif isinstance(value, list):
            return any(walk(v) for v in value)
        return False

    return walk(event.before) or walk(event.after)


class HistoryController(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: HistoryDialog | None = None  # the open dialog (tests answer it)
        self.shown_events: list[Event] = []  # the events the open (or last) dialog lists

    def show_history(self) -> None:
        record = self.ctx.record
        if record is None or not self.ctx.has_store:
            return
        self._open(record.id, record.title or self.tr("(no title)"), self.ctx.store.article_history(record.id))

    def show_span_history(self) -> None:
        """The history of the current span: the article's events that made, changed, accepted,
        moved or removed it."""
        record = self.ctx.record
        span = next((s for s in record.spans if s.id == self.ctx.span_id), None) if record is not None else None
        if record is None or span is None:
            self.ctx.status_message.emit(self.tr("No span selected: click a span or press Tab to reach one"))
            return
        events = [e for e in self.ctx.store.article_history(record.id) if concerns_span(e, span.id)]
        self._open(record.id, fill(self.tr("%1 「%2」"), label_name(span.label), span.text), events)

    def _open(self, article_id: int, title: str, events: list[Event]) -> None:
        record_id = article_id
        self.shown_events = list(events)
        parent = self.parent()
        self.dialog = HistoryDialog(title, events, parent if isinstance(parent, QWidget) else None)
        try:
            accepted = self.dialog.exec()
            chosen = self.dialog.revert_to
        finally:
            self.dialog.deleteLater()
            self.dialog = None
            if isinstance(parent, QWidget):
                parent.activateWindow()  # keys go back to the article
        if accepted and chosen is not None:
            self.revert(record_id, chosen)

    def revert(self, article_id: int, event_id: int) -> bool:
        """Revert after asking when needed; False when nothing was done."""
        store = self.ctx.store
        try:
            plan = store.revert_plan(article_id, event_id)
        except StoreError as err:
            self.ctx.note_failure(err)
            return False
        if plan.missing:
            self.ctx.note_failure(StoreError(f"cannot revert to this point: {plan.missing}", code="revert_not_recorded"))
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
