"""Going where the model is unsure: the next uncertain span, least confident articles first.

Owns: ``UncertainFlow``: ``next_uncertain`` (F8: the next uncertain machine span
of the article after the selected one, else the first one of the next article in
the list that has one, wrapping once) and ``set_least_confident`` (Ctrl+F8: the
article list and "mark reviewed and next" follow the articles whose least sure
machine span is least sure first, active learning; off: page order).
Uncertain: ``uncertainty.is_uncertain`` (machine span, confidence below the
preference).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Qt

from desktop.ui.context import AppContext
from desktop.ui.uncertainty import is_uncertain, threshold
from desktop.ui.widgets.article_list import ArticleList

OPEN = ("unreviewed", "in_review")


class UncertainFlow(QObject):
    def __init__(self, ctx: AppContext, article_list: ArticleList, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list = article_list

    @property
    def least_confident(self) -> bool:
        return self.list.model.order == "confidence"

    def set_least_confident(self, on: bool) -> None:
        if on == self.least_confident:
            return
        self.list.table.horizontalHeader().setSortIndicatorShown(not on)
        if on:
            self.list.model.set_order("confidence")
            self.ctx.status_message.emit(self.tr("Articles the model is least sure of come first"))
        else:
            self.list.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            self.list.model.set_order("page")
            self.ctx.status_message.emit(self.tr("Articles in page order"))
        current = self.ctx.article_id
        if current is not None:
            self.list._follow(current)  # noqa: SLF001 - keep the current article's row selected

    def next_uncertain(self) -> None:
        record = self.ctx.record
        if record is not None:
            spans = sorted((s for s in record.spans if is_uncertain(s)), key=lambda s: (s.start, s.end))
            selected = next((s for s in record.spans if s.id == self.ctx.span_id), None)
            after = selected.start if selected is not None else -1
            following = next((s for s in spans if s.start > after), None)
            if following is not None:
                self.ctx.select_span(following.id)
                return
        if not self.ctx.has_store:
            return
        target = self._next_article()
        if target is None:
            self.ctx.status_message.emit(self.tr("No uncertain machine span left in the list"))
            return
        self.ctx.select_article(target)
        record = self.ctx.record
        if record is not None:
            first = min((s for s in record.spans if is_uncertain(s)), key=lambda s: (s.start, s.end), default=None)
            if first is not None:
                self.ctx.select_span(first.id)

    def _next_article(self) -> int | None:
        """The next article in the list's order (wrapping) that has an uncertain machine span and is open."""
        model = self.list.model
        statuses = tuple(s for s in (model.article_filter.statuses or OPEN) if s in OPEN)
        if not statuses:
            return None
        flt = replace(model.article_filter, statuses=statuses)
        ids = self.ctx.store.article_ids(flt, sort=model.order)
        unsure = self.ctx.store.uncertain_article_ids(threshold())
        if not ids or not unsure:
            return None
        current = self.ctx.article_id
        start = ids.index(current) + 1 if current in ids else 0
        for aid in ids[start:] + ids[:start]:
            if aid in unsure and aid != current:
                return aid
        return None
