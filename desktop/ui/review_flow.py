"""Moving through the archive and signing articles off.

Owns: ``ReviewFlow``: next/previous article in the list as filtered and
sorted, next unreviewed article, and the status keys (reviewed-and-next,
reject, back to in review), each status change an undoable command; on an article to
adjudicate, "reviewed" finishes the adjudication (the adjudicator recorded) and goes on to
the next article to adjudicate.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject

from desktop.pipeline.model import TO_ADJUDICATE as ADJUDICATE_STATUS
from desktop.store.records import ArticleFilter
from desktop.ui.commands import SetStatusCommand
from desktop.ui.team_commands import FinishAdjudicationCommand
from desktop.ui.context import AppContext
from desktop.ui.widgets.article_list import ArticleList


class ReviewFlow(QObject):
    def __init__(self, ctx: AppContext, article_list: ArticleList, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list = article_list

    def _set_status(self, status: str) -> bool:
        record = self.ctx.record
        if record is None:
            return False
        if record.status == status:
            return True
        if record.status == ADJUDICATE_STATUS and status == "reviewed":  # done adjudicating: the adjudicator is recorded
            return self.ctx.push(FinishAdjudicationCommand(self.ctx, record.id))
        return self.ctx.push(SetStatusCommand(self.ctx, record.id, record.status, status))

    def mark_reviewed_and_next(self) -> None:
        adjudicating = self.ctx.record is not None and self.ctx.record.status == ADJUDICATE_STATUS
        if self._set_status("reviewed"):
            if adjudicating and self.next_to_adjudicate():
                return
            self.next_unreviewed()

    def next_to_adjudicate(self) -> bool:
        """The first article still to adjudicate (after finishing one); False when none is left."""
        ids = self.ctx.store.first_article_ids(ArticleFilter(statuses=(ADJUDICATE_STATUS,)), limit=1)
        if ids:
            self.ctx.select_article(ids[0])
        return bool(ids)

    def reject(self) -> None:
        self._set_status("rejected")

    def set_in_review(self) -> None:
        self._set_status("in_review")

    def next_article(self) -> None:
        self._step(+1)

    def previous_article(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        model = self.list.model
        if model.rowCount() == 0:
            return
        current = model.row_of(self.ctx.article_id) if self.ctx.article_id is not None else -1
        row = 0 if current < 0 else current + step
        if 0 <= row < model.rowCount():
            self.ctx.select_article(model.article_id_at(row))

    def next_unreviewed(self) -> None:
        """The next unreviewed article after this one in page order, within the filter (in the
        "least confident first" order: the unreviewed article the model is least sure of)."""
        if not self.ctx.has_store:
            return
        current = self.ctx.article_id
        flt = self.list.model.article_filter
        target = None
        if self.list.model.order == "confidence":  # least confident first: the least sure one left
            ids = self.ctx.store.first_article_ids(replace(flt, statuses=("unreviewed",)), sort="confidence", limit=2)
            target = next((i for i in ids if i != current), None)
        elif current is not None:
            target = self.ctx.store.neighbour_id(current, +1, flt, unreviewed_only=True)
        if target is None and self.list.model.order != "confidence":  # wrap around to the first one
            ids = self.ctx.store.first_article_ids(replace(flt, statuses=("unreviewed",)), limit=2)
            target = next((i for i in ids if i != current), None)
        if target is None:
            self.ctx.status_message.emit(self.tr("Every article in the list has been reviewed"))
            return
        self.ctx.select_article(target)
