"""What the span keys do: create, relabel, walk, resize, delete, propagate.

Owns: ``SpanEditing``, the controller between the article view, the context
and the span commands.  It keeps the view's highlight selection in step with
the context's current span, and turns each span action into one undoable
command.  Refusals (overlap, empty selection) go to the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.store.records import ArticleRecord, SpanRow
from desktop.ui.commands import (
    AcceptAutoSpansCommand,
    AddSpanCommand,
    LabelOccurrencesCommand,
    RemoveSpanCommand,
    UpdateSpanCommand,
)
from desktop.ui.context import AppContext
from desktop.ui.i18n import fill
from desktop.ui.label_palette import label_styles
from desktop.ui.widgets.article_view import ArticleView

PROJECT_SEARCH_LIMIT = 100_000
OPEN_STATUSES = ("unreviewed", "in_review")


def free_occurrences(body: str, text: str, spans: list[SpanRow]) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of ``text`` in ``body`` that touch no span."""
    found: list[tuple[int, int]] = []
    if not text:
        return found
    i = body.find(text)
    while i >= 0:
        end = i + len(text)
        if all(end <= s.start or i >= s.end for s in spans):
            found.append((i, end))
        i = body.find(text, end)
    return found


class SpanEditing(QObject):
    def __init__(self, ctx: AppContext, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        view.span_clicked.connect(ctx.select_span)
        ctx.span_selected.connect(view.select_span)
        ctx.article_shown.connect(view.show_record)
        ctx.article_updated.connect(self._on_updated)

    def _on_updated(self, record: ArticleRecord) -> None:
        self.view.update_record(record)
        self.view.select_span(self.ctx.span_id)

    @property
    def record(self) -> ArticleRecord | None:
        return self.ctx.record

    def selected_span(self) -> SpanRow | None:
        return self.view.span_by_id(self.ctx.span_id)

    def _say(self, text: str) -> None:
        self.ctx.status_message.emit(text)

    # --- create / relabel / delete -----------------------------------------------
    def apply_label(self, label: str) -> None:
        record = self.record
        if record is None:
            return
        selected = self.view.selected_range()
        if selected is not None:
            start, end = selected
            command = AddSpanCommand(self.ctx, record.id, start, end, label)
            if self.ctx.push(command):
                self.view.clear_text_selection()
                self.ctx.select_span(command.span_id)
            return
        span = self.selected_span()
        if span is None:
            self._say(self.tr("Select some text or a span first"))
            return
        if span.label != label:
            self.ctx.push(UpdateSpanCommand(self.ctx, record.id, span, {"label": span.label}, {"label": label}))

    def delete_span(self) -> None:
        span, record = self.selected_span(), self.record
        if span is None or record is None:
            self._say(self.tr("No span selected"))
            return
        after = self._neighbour(span.start, +1, exclude=span.id)
        if self.ctx.push(RemoveSpanCommand(self.ctx, record.id, span)):
            self.ctx.select_span(after.id if after else None)

    # --- walking -----------------------------------------------------------------
    def _ordered(self) -> list[SpanRow]:
        return sorted(self.record.spans, key=lambda s: (s.start, s.end)) if self.record else []

    def _neighbour(self, offset: int, step: int, exclude: int | None = None) -> SpanRow | None:
        spans = [s for s in self._ordered() if s.id != exclude]
        if step > 0:
            return next((s for s in spans if s.start > offset), None) or (spans[0] if spans else None)
        return next((s for s in reversed(spans) if s.start < offset), None) or (spans[-1] if spans else None)

    def next_span(self) -> None:
        self._walk(+1)

    def previous_span(self) -> None:
        self._walk(-1)

    def _walk(self, step: int) -> None:
        span = self.selected_span()
        offset = span.start if span else self.view.cursor_offset() - (1 if step > 0 else 0)
        target = self._neighbour(offset, step)
        if target is not None:
            self.view.clear_text_selection()
            self.ctx.select_span(target.id)

    # --- resizing ------------------------------------------------------------------
    def move_start(self, delta: int) -> None:
        self._move("start", delta)

    def move_end(self, delta: int) -> None:
        self._move("end", delta)

    def _move(self, side: str, delta: int) -> None:
        span, record = self.selected_span(), self.record
        if span is None or record is None:
            self._say(self.tr("No span selected"))
            return
        start, end = span.start, span.end
        if side == "start":
            start += delta
        else:
            end += delta
        if not (0 <= start < end <= len(record.body)):
            self._say(self.tr("A span cannot be empty or leave the text"))
            return
        old, new = ({"start": span.start}, {"start": start}) if side == "start" else ({"end": span.end}, {"end": end})
        self.ctx.push(UpdateSpanCommand(self.ctx, record.id, span, old, new))

    # --- bulk --------------------------------------------------------------------
    def accept_auto(self) -> None:
        record = self.record
        if record is None:
            return
        auto = [s for s in record.spans if s.origin == "auto"]
        if not auto:
            self._say(self.tr("No machine spans left to accept"))
            return
        self.ctx.push(AcceptAutoSpansCommand(self.ctx, record.id, auto))

    def _text_and_label(self) -> tuple[str, str] | None:
        record = self.record
        if record is None:
            return None
        span = self.selected_span()
        if span is not None:
            return record.body[span.start : span.end], span.label
        selected = self.view.selected_range()
        if selected is None:
            self._say(self.tr("Select a span, or some text, first"))
            return None
        names = [s.label for s in label_styles()]
        label = self.ctx.interaction.choose_item(self.tr("Label all occurrences"), self.tr("Label:"), names)
        if not label:
            return None
        return record.body[selected[0] : selected[1]], label

    def label_all(self, *, project: bool) -> None:
        chosen = self._text_and_label()
        record = self.record
        if chosen is None or record is None:
            return
        text, label = chosen
        targets: list[tuple[int, int, int]] = [(record.id, s, e) for s, e in free_occurrences(record.body, text, record.spans)]
        if project:
            for article_id in self.ctx.store.search(text, limit=PROJECT_SEARCH_LIMIT):
                if article_id == record.id:
                    continue
                other = self.ctx.store.get_article(article_id)
                if other.status not in OPEN_STATUSES:
                    continue  # reviewed and rejected articles are left as the editor signed them off
                targets += [(article_id, s, e) for s, e in free_occurrences(other.body, text, other.spans)]
        if not targets:
            self._say(fill(self.tr("No unlabelled occurrence of “%1” found"), text))
            return
        n_articles = len({t[0] for t in targets})
        question = fill(
            self.tr("Label %1 occurrences of “%2” as %3 in %4 articles?"), len(targets), text, label, n_articles
        )
        if self.ctx.interaction.confirm(self.tr("Label all occurrences"), question):
            self.ctx.push(LabelOccurrencesCommand(self.ctx, record.id, label, targets))
