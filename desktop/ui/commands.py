"""Every edit an editor makes, as an undoable command that writes through the store.

Owns: the ``QUndoCommand`` subclasses pushed on ``AppContext.undo_stack``.  A
command holds ids and old/new values, never widgets.  ``redo()`` and
``undo()`` each call one store method (one transaction, one event row);
``push()`` runs ``redo()``, so the first write happens there.  A write the
store refuses (an overlapping span, say) marks the command obsolete, so the
stack drops it, and the reason goes to the status bar.  Consecutive edits of
the same field, or resizes of the same span, merge into one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.store.errors import StoreError
from desktop.store.records import Changes, SpanRow
from desktop.ui.context import AppContext
from desktop.ui.i18n import fill

MERGE_FIELD = 1001
MERGE_SPAN_RESIZE = 1002



class StoreCommand(QUndoCommand):
    """Base: run a store write in redo()/undo() and publish its Changes."""

    def __init__(self, ctx: AppContext, article_id: int, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.article_id = article_id
        self._applied_once = False

    def forward(self, store: Any) -> Changes:
        raise NotImplementedError

    def backward(self, store: Any) -> Changes:
        raise NotImplementedError

    def _run(self, write: Callable[[Any], Changes]) -> None:
        try:
            self.ctx.apply(write)
        except StoreError as err:
            if not self._applied_once:
                self.setObsolete(True)  # refused at push: the stack drops it
            self.ctx.note_failure(err)
            return
        if self._applied_once and self.ctx.article_id != self.article_id:
            self.ctx.select_article(self.article_id)  # undo/redo shows the article it touched
        self._applied_once = True

    def redo(self) -> None:
        self._run(self.forward)

    def undo(self) -> None:
        self._run(self.backward)


class SetFieldCommand(StoreCommand):
    """Change one article field (title, kicker, …, note)."""

    def __init__(self, ctx: AppContext, article_id: int, name: str, old: Any, new: Any) -> None:
        super().__init__(ctx, article_id, fill(QCoreApplication.translate("Commands", "Edit %1"), name))
        self.name, self.old, self.new = name, old, new

    def forward(self, store: Any) -> Changes:
        return store.set_field(self.article_id, self.name, self.new)

    def backward(self, store: Any) -> Changes:
        return store.set_field(self.article_id, self.name, self.old)

    def id(self) -> int:
        return MERGE_FIELD

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFieldCommand) or (other.article_id, other.name) != (self.article_id, self.name):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True


class SetAuthorsCommand(StoreCommand):
    def __init__(self, ctx: AppContext, article_id: int, old: list[dict], new: list[dict]) -> None:
        super().__init__(ctx, article_id, QCoreApplication.translate("Commands", "Edit authors"))
        self.old, self.new = [dict(a) for a in old], [dict(a) for a in new]

    def forward(self, store: Any) -> Changes:
        return store.set_authors(self.article_id, self.new)

    def backward(self, store: Any) -> Changes:
        return store.set_authors(self.article_id, self.old)


class SetTagsCommand(StoreCommand):
    def __init__(self, ctx: AppContext, article_id: int, old: list[str], new: list[str]) -> None:
        super().__init__(ctx, article_id, QCoreApplication.translate("Commands", "Change tags"))
        self.old, self.new = list(old), list(new)

    def forward(self, store: Any) -> Changes:
        return store.set_tags(self.article_id, self.new)

    def backward(self, store: Any) -> Changes:
        return store.set_tags(self.article_id, self.old)


class SetStatusCommand(StoreCommand):
    def __init__(self, ctx: AppContext, article_id: int, old: str, new: str) -> None:
        super().__init__(ctx, article_id, QCoreApplication.translate("Commands", "Set status"))
        self.old, self.new = old, new

    def forward(self, store: Any) -> Changes:
        return store.set_status(self.article_id, self.new)

    def backward(self, store: Any) -> Changes:
        return store.set_status(self.article_id, self.old)


class AddSpanCommand(StoreCommand):
    """Create a span; undo removes it, redo restores it under the same id."""

    def __init__(
        self, ctx: AppContext, article_id: int, start: int, end: int, label: str, *, value: Any = None, origin: str = "human"
    ) -> None:
        super().__init__(ctx, article_id, fill(QCoreApplication.translate("Commands", "Add %1 span"), label))
        self.start, self.end, self.label, self.value, self.origin = start, end, label, value, origin
        self.span_id: int | None = None

    def forward(self, store: Any) -> Changes:
        changes = store.add_span(
            self.article_id, self.start, self.end, self.label, value=self.value, origin=self.origin, span_id=self.span_id
        )
        self.span_id = changes.span_id
        return changes

    def backward(self, store: Any) -> Changes:
        return store.remove_span(self.span_id)


class RemoveSpanCommand(StoreCommand):
    def __init__(self, ctx: AppContext, article_id: int, span: SpanRow) -> None:
        super().__init__(ctx, article_id, fill(QCoreApplication.translate("Commands", "Delete %1 span"), span.label))
        self.span = span

    def forward(self, store: Any) -> Changes:
        return store.remove_span(self.span.id)

    def backward(self, store: Any) -> Changes:
        s = self.span
        return store.add_span(
            self.article_id, s.start, s.end, s.label, value=s.value, origin=s.origin, span_id=s.id,
            confidence=s.confidence, suggested=s.suggested,
        )


class UpdateSpanCommand(StoreCommand):
    """Relabel a span, move its boundaries or change its normalised value.

    The store makes a changed machine span the editor's (origin ``human``); ``old``
    carries the span's origin so that undo gives the machine its span back.
    """

    def __init__(
        self, ctx: AppContext, article_id: int, span: SpanRow, old: dict[str, Any], new: dict[str, Any]
    ) -> None:
        text = QCoreApplication.translate("Commands", "Resize span") if set(new) <= {"start", "end"} else QCoreApplication.translate("Commands", "Change span")
        super().__init__(ctx, article_id, text)
        self.span_id, self.old, self.new = span.id, {**old, "origin": span.origin}, dict(new)

    def forward(self, store: Any) -> Changes:
        return store.update_span(self.span_id, **self.new)

    def backward(self, store: Any) -> Changes:
        return store.update_span(self.span_id, **self.old)

    def id(self) -> int:
        return MERGE_SPAN_RESIZE if set(self.new) <= {"start", "end"} else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateSpanCommand) or other.span_id != self.span_id or other.id() != self.id():
            return False
        for key, value in other.old.items():
            self.old.setdefault(key, value)
        self.new.update(other.new)
        if all(self.old.get(k) == v for k, v in self.new.items()):
            self.setObsolete(True)
        return True


class AcceptAutoSpansCommand(StoreCommand):
    """Mark every machine span of an article as checked by a human."""

    def __init__(self, ctx: AppContext, article_id: int, auto_spans: list[SpanRow]) -> None:
        super().__init__(ctx, article_id, QCoreApplication.translate("Commands", "Accept machine spans"))
        self.auto_spans = list(auto_spans)

    def forward(self, store: Any) -> Changes:
        return store.accept_auto_spans(self.article_id)

    def backward(self, store: Any) -> Changes:
        changes = Changes()
        for s in self.auto_spans:  # each span back to its own origin, same id, same place
            changes = changes.merge(store.update_span(s.id, origin=s.origin))
        return changes


class LabelOccurrencesCommand(StoreCommand):
    """Label many occurrences of a text at once (one undo step).

    Each span is one store write; undo removes exactly the spans this command
    created, redo restores them under the same ids.
    """

    def __init__(self, ctx: AppContext, article_id: int, label: str, targets: list[tuple[int, int, int]]) -> None:
        super().__init__(ctx, article_id, fill(QCoreApplication.translate("Commands", "Label %1 occurrences"), len(targets)))
        self.label = label
        self.targets = list(targets)  # (article_id, start, end)
        self.span_ids: list[int | None] = [None] * len(self.targets)

    def forward(self, store: Any) -> Changes:
        changes = Changes()
        for i, (article_id, start, end) in enumerate(self.targets):
            try:
                done = store.add_span(article_id, start, end, self.label, origin="human", span_id=self.span_ids[i])
            except StoreError:
                continue  # a span appeared there since the preview; leave it
            self.span_ids[i] = done.span_id
            changes = changes.merge(done)
        if not changes.article_ids:
            raise StoreError(QCoreApplication.translate("Commands", "Nothing left to label"))
        return changes

    def backward(self, store: Any) -> Changes:
        changes = Changes()
        for span_id in self.span_ids:
            if span_id is not None:
                changes = changes.merge(store.remove_span(span_id))
        return changes
