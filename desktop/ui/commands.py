"""Every edit an editor makes is one kind of undoable command: ``StoreEdit``.

Owns: ``StoreEdit``, the one ``QUndoCommand`` subclass pushed on ``AppContext.undo_stack``,
and the constructors of the field and span edits (``SetFieldCommand`` … ``LabelOccurrencesCommand``;
the segmentation, re-extraction, adjudication and revert edits are built the same way in
``segment_commands``, ``reextract_commands``, ``team_commands`` and ``history_revert``).

A ``StoreEdit`` holds a store write (a function of the store) and, once that ran, the ids of
the events it recorded (``Changes.event_ids``); never widgets, old values or snapshots.  Its
first ``redo()`` (``push()`` runs it) makes the write; after that ``undo()`` and ``redo()``
call ``store.undo_events`` / ``store.redo_events`` with those ids, and the store puts back
exactly the states its journal recorded before and after the write (``desktop/store/undo.py``).
So a new kind of edit needs a store function and a constructor here, nothing else.  The
command's text is the history's phrase of its events (``command_text``), so
the Edit menu, the history and a revert speak of the same change.

A write the store refuses at push, or an undo/redo it refuses (a later edit that is not undone
changed the same article), marks the command obsolete, so the stack drops it, and the reason
goes to the status bar.  Commands with the same ``merge_key`` (consecutive edits of one field,
resizes of one span) merge into one step holding all their events; a merged step that changed
nothing in the end goes away.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.store.errors import StoreError
from desktop.store.records import Changes, Event, SpanRow
from desktop.ui.context import AppContext
from desktop.ui.i18n import fill
from desktop.ui.messages import Refusal

if TYPE_CHECKING:
    from desktop.store.store import Store

MERGEABLE = 1001  # id() of every command with a merge key; the keys decide what merges


class StoreEdit(QUndoCommand):
    """One undo step: a store write, then undo/redo of the events it recorded.

    ``article_id``: the article the edit concerns, shown again after an undo or redo
    (``show_undo`` / ``show_redo`` change that; None keeps the editor where they are);
    ``show_at_push``: show ``show_redo`` right after the first write too; ``show_new``: that
    is the article the write made (``new_id``)."""

    def __init__(
        self, ctx: AppContext, article_id: int | None, write: Callable[[Store], Changes], *,
        merge_key: Hashable | None = None, show_at_push: bool = False, show_new: bool = False,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.article_id = article_id
        self.write = write
        self.merge_key = merge_key
        self.show_undo = self.show_redo = article_id
        self.show_at_push, self.show_new = show_at_push, show_new
        self.result: Changes | None = None  # what the first write returned
        self.event_ids: list[int] = []

    # --- what the first write made ------------------------------------------------------------
    @property
    def span_id(self) -> int | None:
        return self.result.span_id if self.result is not None else None

    @property
    def new_id(self) -> int | None:
        """An article the first write made (a split's second part, an article made from a block)."""
        made = sorted(self.result.article_ids - {self.article_id}) if self.result is not None else []
        return made[0] if made else None

    # --- QUndoCommand ------------------------------------------------------------------------
    def redo(self) -> None:
        if self.result is None:
            self._first()
        else:
            self._step(lambda store: store.redo_events(self.event_ids), self.show_redo)

    def undo(self) -> None:
        self._step(lambda store: store.undo_events(self.event_ids), self.show_undo)

    def id(self) -> int:
        return MERGEABLE if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, StoreEdit) or other.merge_key != self.merge_key or not other.event_ids:
            return False
        self.event_ids += other.event_ids
        self._name()
        if self.ctx.store.cancel_out(self.event_ids):
            self.setObsolete(True)  # back where it started: the step goes
        return True

    # --- inside -------------------------------------------------------------------------------
    def _first(self) -> None:
        try:
            self.result = self.ctx.apply(self.write)
        except StoreError as err:
            self.setObsolete(True)  # refused at push: the stack drops it
            self.ctx.note_failure(err)
            return
        self.event_ids = list(self.result.event_ids)
        if not self.event_ids:
            self.setObsolete(True)  # the write changed nothing: nothing to undo
            return
        self._name()
        if self.show_new:
            self.show_redo = self.new_id if self.new_id is not None else self.article_id
        if self.show_at_push:
            self._show(self.show_redo)

    def _step(self, call: Callable[[Store], Changes], show: int | None) -> None:
        try:
            self.ctx.apply(call)
        except StoreError as err:
            self.setObsolete(True)  # the store will not take it back (or forward): the stack drops it
            self.ctx.note_failure(err)
            return
        self._show(show)

    def _show(self, article_id: int | None) -> None:
        if article_id is None or not self.ctx.has_store or self.ctx.article_id == article_id or self.isObsolete():
            return
        try:
            self.ctx.select_article(article_id)
        except StoreError as err:  # the article is gone
            self.ctx.note_failure(err)

    def _name(self) -> None:
        self.setText(command_text(self.ctx.store.events_of(self.event_ids)))


_ONE_CHANGE = {"set_field", "update_span"}  # consecutive ones merge into one step: first before, last after


def command_text(events: list[Event]) -> str:
    """An undo step holding ``events`` (oldest first) in the history's words: merged edits of one
    field or span as one change, a re-extraction summed up, several articles counted."""
    from desktop.ui.history_phrases import describe, runs, t  # they import the widgets, which import this

    if not events:
        return ""
    first, last = events[0], events[-1]
    articles = {e.article_id for e in events if e.article_id is not None}
    if len(events) > 1 and first.action in _ONE_CHANGE and all((e.action, e.article_id) == (first.action, first.article_id) for e in events):
        text = describe(replace(first, after=last.after)).summary()
    elif all(e.action == "reextract" for e in events):
        removed, added = ([s for e in events for s in ((getattr(e, side) or {}).get("spans") or [])] for side in ("before", "after"))
        text = "".join(r.text for r in runs(t("reextracted"), str(len(removed)), str(len(added))))
    else:
        text = describe(first).summary()
        if len(events) > 1 and len(articles) < 2:
            text += fill(t("and_more"), len(events) - 1)
    return text + (fill(t("in_articles"), len(articles)) if len(articles) > 1 else "")


# --- fields ---------------------------------------------------------------------------------------
def SetFieldCommand(ctx: AppContext, article_id: int, name: str, old: Any, new: Any) -> StoreEdit:  # noqa: N802
    """One article field (title, kicker, …, note); the store's title rule may change the flags too.
    Consecutive edits of the same field merge.  (``old``: what the editor saw; the journal keeps it.)"""
    return StoreEdit(ctx, article_id, lambda store: store.set_field(article_id, name, new), merge_key=("field", article_id, name))


def SetAuthorsCommand(ctx: AppContext, article_id: int, old: list[dict], new: list[dict]) -> StoreEdit:  # noqa: N802
    authors = [dict(a) for a in new]
    return StoreEdit(ctx, article_id, lambda store: store.set_authors(article_id, authors))


def SetTagsCommand(ctx: AppContext, article_id: int, old: list[str], new: list[str]) -> StoreEdit:  # noqa: N802
    tags = list(new)
    return StoreEdit(ctx, article_id, lambda store: store.set_tags(article_id, tags))


def SetStatusCommand(ctx: AppContext, article_id: int, old: str, new: str) -> StoreEdit:  # noqa: N802
    return StoreEdit(ctx, article_id, lambda store: store.set_status(article_id, new))


# --- spans ----------------------------------------------------------------------------------------
def AddSpanCommand(  # noqa: N802
    ctx: AppContext, article_id: int, start: int, end: int, label: str, *, value: Any = None, origin: str = "human"
) -> StoreEdit:
    """A new span (``span_id`` after the push); redo brings it back under the same id."""
    return StoreEdit(ctx, article_id, lambda store: store.add_span(article_id, start, end, label, value=value, origin=origin))


def RemoveSpanCommand(ctx: AppContext, article_id: int, span: SpanRow) -> StoreEdit:  # noqa: N802
    return StoreEdit(ctx, article_id, lambda store: store.remove_span(span.id))


def UpdateSpanCommand(  # noqa: N802
    ctx: AppContext, article_id: int, span: SpanRow, old: dict[str, Any], new: dict[str, Any]
) -> StoreEdit:
    """Relabel a span, move its boundaries or change its value (the store makes a changed
    machine span the editor's); consecutive resizes of one span merge."""
    values = dict(new)
    key = ("resize", span.id) if set(values) <= {"start", "end"} else None
    return StoreEdit(ctx, article_id, lambda store: store.update_span(span.id, **values), merge_key=key)


def AcceptAutoSpansCommand(ctx: AppContext, article_id: int, auto_spans: list[SpanRow]) -> StoreEdit:  # noqa: N802
    """Every machine span of the article becomes checked; undo gives each its origin back."""
    return StoreEdit(ctx, article_id, lambda store: store.accept_auto_spans(article_id))


def AcceptSpanCommand(ctx: AppContext, article_id: int, span: SpanRow) -> StoreEdit:  # noqa: N802
    """One machine (or imported) span becomes the editor's as it is (``suggested`` keeps who
    proposed it)."""
    return StoreEdit(ctx, article_id, lambda store: store.update_span(span.id, origin="human"))


def LabelOccurrencesCommand(  # noqa: N802
    ctx: AppContext, article_id: int, label: str, targets: list[tuple[int, int, int]]
) -> StoreEdit:
    """Label many occurrences, ``targets`` (article id, start, end), in one store transaction:
    one undo step.  ``result.span_ids[i]`` is the span made at target i, None where a span took
    the place meanwhile."""
    items = [{"article_id": a, "start": s, "end": e, "label": label, "origin": "human"} for a, s, e in targets]

    def write(store: Store) -> Changes:
        done = store.add_spans(items)
        if not done.article_ids:
            raise Refusal(QCoreApplication.translate("Commands", "Nothing left to label: every occurrence is labelled already"))
        return done

    return StoreEdit(ctx, article_id, write)
