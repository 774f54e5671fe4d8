"""The adjudicator's edits as undoable steps (``commands.StoreEdit``, see ``commands.py``).

Owns: ``TakeSpansCommand`` (one choice in one stretch of disagreement: the spans to remove
and to add, in one store transaction) and ``FinishAdjudicationCommand`` (the article becomes
reviewed with the adjudicator recorded).  Undo puts back what the store's journal recorded
before each: the removed spans under their ids, the article to adjudicate and no
adjudication record.
"""

from __future__ import annotations

from desktop.store.records import SpanRow
from desktop.ui.commands import StoreEdit
from desktop.ui.context import AppContext


def TakeSpansCommand(  # noqa: N802
    ctx: AppContext, article_id: int, remove: list[SpanRow], add: list[tuple[int, int, str]],
) -> StoreEdit:
    remove_ids = [s.id for s in remove]
    items = [{"start": s, "end": e, "label": lb} for s, e, lb in add]
    return StoreEdit(ctx, article_id, lambda store: store.replace_spans(article_id, remove_ids, items))


def FinishAdjudicationCommand(ctx: AppContext, article_id: int) -> StoreEdit:  # noqa: N802
    return StoreEdit(ctx, article_id, lambda store: store.finish_adjudication(article_id))
