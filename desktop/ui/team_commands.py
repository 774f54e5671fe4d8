"""The adjudicator's edits as undoable commands (see ``commands.py`` for the pattern).

Owns: ``TakeSpansCommand`` (one choice in one stretch of disagreement: the spans to remove
and to add, in one store transaction; undo puts the removed ones back under their ids) and
``FinishAdjudicationCommand`` (the article becomes reviewed with the adjudicator recorded;
undo marks it to adjudicate again).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.store.records import Changes, SpanRow
from desktop.ui.commands import StoreCommand
from desktop.ui.context import AppContext

if TYPE_CHECKING:
    from desktop.store.store import Store


class TakeSpansCommand(StoreCommand):
    def __init__(
        self, ctx: AppContext, article_id: int, text: str, remove: list[SpanRow], add: list[tuple[int, int, str]],
    ) -> None:
        super().__init__(ctx, article_id, text)
        self.remove = remove
        self.add = add
        self.added_ids: list[int | None] = [None] * len(add)

    def forward(self, store: Store) -> Changes:
        items = [{"start": s, "end": e, "label": lb, "span_id": i} for (s, e, lb), i in zip(self.add, self.added_ids)]
        result = store.replace_spans(self.article_id, [s.id for s in self.remove], items)
        self.added_ids = list(result.span_ids)  # the plan removes every span in the stretch first: none refused
        return result

    def backward(self, store: Store) -> Changes:
        items = [
            {"start": s.start, "end": s.end, "label": s.label, "value": s.value, "origin": s.origin, "span_id": s.id}
            for s in self.remove
        ]
        return store.replace_spans(self.article_id, [i for i in self.added_ids if i is not None], items)


class FinishAdjudicationCommand(StoreCommand):
    def __init__(self, ctx: AppContext, article_id: int) -> None:
        super().__init__(ctx, article_id, QCoreApplication.translate("Commands", "Finish adjudication"))

    def forward(self, store: Store) -> Changes:
        return store.finish_adjudication(self.article_id)

    def backward(self, store: Store) -> Changes:
        return store.reopen_adjudication(self.article_id)
