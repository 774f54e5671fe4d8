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
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.store.errors import StoreError
from desktop.store.records import Changes, SpanRow
from desktop.ui.context import AppContext
from desktop.ui.i18n import fill
from desktop.ui.messages import Refusal

if TYPE_CHECKING:
    from desktop.store.store import Store

MERGE_FIELD = 1001
MERGE_SPAN_RESIZE = 1002



class StoreCommand(QUndoCommand):
    """Base: run a store write in redo()/undo() and publish its Changes."""

    def __init__(self, ctx: AppContext, article_id: int, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.article_id = article_id
        self._applied_once = False

    def forward(self, store: Store) -> Changes:
        raise NotImplementedError

    def backward(self, store: Store) -> Changes:
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
    """Change one article field (title, kicker, …, note).

    Setting the title may clear or raise title flags (the store's rule,
    ``annotations.flags_after_title``); undo writes back the flags the article
    had, so a cleared 缺少标题 comes back exactly."""

    def __init__(self, ctx: AppContext, article_id: int, name: str, old: Any, new: Any) -> None:
        super().__init__(ctx, article_id, fill(QCoreApplication.translate("Commands", "Edit %1"), name))
        self.name, self.old, self.new = name, old, new
        self.old_flags: list[str] | None = None
        if name == "title":
            record = ctx.record if ctx.record is not None and ctx.record.id == article_id else ctx.store.get_article(article_id)
            self.old_flags = list(record.flags)

    def forward(self, store: Store) -> Changes:
        return store.set_field(self.article_id, self.name, self.new)

    def backward(self, store: Store) -> Changes:
        return store.set_field(self.article_id, self.name, self.old, self.old_flags)

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

    def forward(self, store: Store) -> Changes:
        return store.set_authors(self.article_id, self.new)

    def backward(self, store: Store) -> Changes:
        return store.set_authors(self.article_id, self.old)


class SetTagsCommand(StoreCommand):
    def __init__(self, ctx: AppContext, article_id: int, old: list[str], new: list[str]) -> None:
        super().__init__(ctx, article_id, QCoreApplication.translate("Commands", "Change tags"))
        self.old, self.new = list(old), list(new)

    def forward(self, store: Store) -> Changes:
        return store.set_tags(self.article_id, self.new)

    def backward(self, store: Store) -> Changes:
        return store.set_tags(self.article_id, self.old)


class SetStatusCommand(StoreCommand):
    def __init__(self, ctx: AppContext, article_id: int, old: str, new: str) -> None:
        super().__init__(ctx, article_id, QCoreApplication.translate("Commands", "Set status"))
        self.old, self.new = old, new

    def forward(self, store: Store) -> Changes:
        return store.set_status(self.article_id, self.new)

    def backward(self, store: Store) -> Changes:
        return store.set_status(self.article_id, self.old)


class AddSpanCommand(StoreCommand):
    """Create a span; undo removes it, redo restores it under the same id."""

    def __init__(
        self, ctx: AppContext, article_id: int, start: int, end: int, label: str, *, value: Any = None, origin: str = "human"
    ) -> None:
        super().__init__(ctx, article_id, fill(QCoreApplication.translate("Commands", "Add %1 span"), label))
        self.start, self.end, self.label, self.value, self.origin = start, end, label, value, origin
        self.span_id: int | None = None

    def forward(self, store: Store) -> Changes:
        changes = store.add_span(
            self.article_id, self.start, self.end, self.label, value=self.value, origin=self.origin, span_id=self.span_id
        )
        self.span_id = changes.span_id
        return changes

    def backward(self, store: Store) -> Changes:
        assert self.span_id is not None  # set by forward(), which ran first
        return store.remove_span(self.span_id)


class RemoveSpanCommand(StoreCommand):
    def __init__(self, ctx: AppContext, article_id: int, span: SpanRow) -> None:
        super().__init__(ctx, article_id, fill(QCoreApplication.translate("Commands", "Delete %1 span"), span.label))
        self.span = span

    def forward(self, store: Store) -> Changes:
        return store.remove_span(self.span.id)

    def backward(self, store: Store) -> Changes:
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

    def forward(self, store: Store) -> Changes:
        return store.update_span(self.span_id, **self.new)

    def backward(self, store: Store) -> Changes:
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

    def forward(self, store: Store) -> Changes:
        return store.accept_auto_spans(self.article_id)

    def backward(self, store: Store) -> Changes:
        changes = Changes()
        for s in self.auto_spans:  # each span back to its own origin, same id, same place
            changes = changes.merge(store.update_span(s.id, origin=s.origin))
        return changes


class AcceptSpanCommand(StoreCommand):
    """An editor accepts one machine (or imported) span as it is: its origin becomes ``human``
    (``suggested`` keeps who proposed it); undo gives it back its origin."""

    def __init__(self, ctx: AppContext, article_id: int, span: SpanRow) -> None:
        super().__init__(ctx, article_id, fill(QCoreApplication.translate("Commands", "Accept %1 span"), span.label))
        self.span_id, self.old_origin = span.id, span.origin

    def forward(self, store: Store) -> Changes:
        return store.update_span(self.span_id, origin="human")

    def backward(self, store: Store) -> Changes:
        return store.update_span(self.span_id, origin=self.old_origin)


class LabelOccurrencesCommand(StoreCommand):
    """Label many occurrences of a text at once: one store transaction, one undo step.

    ``targets`` are (article id, start, end); undo removes exactly the spans this
    command created, redo restores them under the same ids.  Occurrences a span
    took meanwhile are skipped (``skipped`` counts them).
    """

    def __init__(self, ctx: AppContext, article_id: int, label: str, targets: list[tuple[int, int, int]]) -> None:
        super().__init__(ctx, article_id, fill(QCoreApplication.translate("Commands", "Label %1 occurrences"), len(targets)))
        self.label = label
        self.targets = list(targets)  # (article_id, start, end)
        self.span_ids: list[int | None] = [None] * len(self.targets)
        self.skipped = 0

    def forward(self, store: Store) -> Changes:
        items = [
            {"article_id": a, "start": s, "end": e, "label": self.label, "origin": "human", "span_id": sid}
            for (a, s, e), sid in zip(self.targets, self.span_ids)
            if sid is not None or not self._applied_once
        ]
        done = store.add_spans(items)
        if not self._applied_once:
            self.span_ids = list(done.span_ids)
            self.skipped = sum(1 for sid in self.span_ids if sid is None)
        if not done.article_ids:
            raise Refusal(QCoreApplication.translate("Commands", "Nothing left to label: every occurrence is labelled already"))
        return done

    def backward(self, store: Store) -> Changes:
        return store.remove_spans([sid for sid in self.span_ids if sid is not None])

    @property
    def labelled(self) -> int:
        return sum(1 for sid in self.span_ids if sid is not None)
