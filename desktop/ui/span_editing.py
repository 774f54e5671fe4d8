"""What the span keys do: create, relabel, accept, walk, resize, delete; the span menu.

Owns: ``SpanEditing``, the controller between the article view, the context
and the span commands.  It keeps the view's highlight selection in step with
the context's current span, turns each span action into one undoable command,
and builds the right-click menu of a span (its label choices, accept, delete,
label all occurrences, its history) from the same ``QAction``s the keys
trigger, so the menu shows their keys.  Refusals go to the status bar in the
interface language (``messages``).  Label-all is ``label_all.LabelAll``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QMenu

from desktop.store.records import ArticleRecord, SpanRow
from desktop.ui.actions import ActionSet
from desktop.ui.commands import (
    AcceptAutoSpansCommand,
    AcceptSpanCommand,
    AddSpanCommand,
    RemoveSpanCommand,
    UpdateSpanCommand,
)
from desktop.ui.context import AppContext
from desktop.ui.label_palette import label_styles
from desktop.ui.widgets.article_view import ArticleView
from desktop.ui.widgets.span_highlighter import is_checked


class SpanEditing(QObject):
    def __init__(self, ctx: AppContext, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.actions: ActionSet | None = None  # set by the window once its actions exist (the menu uses them)
        self.menu: QMenu | None = None  # the span menu while it is open (tests drive it)
        view.span_clicked.connect(ctx.select_span)
        view.text.menu_requested.connect(self.show_menu)
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
            self._say(self.tr("Select some text (mouse or Shift+arrows) or click a span first, then press a label key"))
            return
        if span.label != label:
            self.ctx.push(UpdateSpanCommand(self.ctx, record.id, span, {"label": span.label}, {"label": label}))

    def delete_span(self) -> None:
        span, record = self.selected_span(), self.record
        if span is None or record is None:
            self._say(self.tr("No span selected: click a span or press Tab to reach one"))
            return
        # The next span after it becomes current; after the last one, the one before it:
        # never a jump back to the first span (and the top of the article).
        others = [s for s in self._ordered() if s.id != span.id]
        after = next((s for s in others if s.start >= span.start), None) or (others[-1] if others else None)
        if self.ctx.push(RemoveSpanCommand(self.ctx, record.id, span)):
            self.ctx.select_span(after.id if after else None)

    def accept_span(self) -> None:
        """The current span becomes the editor's as it is; then on to the next span not yet checked."""
        span, record = self.selected_span(), self.record
        if span is None or record is None:
            self._say(self.tr("No span selected: click a span or press Tab to reach one"))
            return
        if not is_checked(span.origin) and not self.ctx.push(AcceptSpanCommand(self.ctx, record.id, span)):
            return
        unchecked = [s for s in self._ordered() if not is_checked(s.origin) and s.id != span.id]
        following = next((s for s in unchecked if s.start > span.start), None) or (unchecked[0] if unchecked else None)
        if following is None:
            self._say(self.tr("Every span of this article is checked"))
            return
        self.view.clear_text_selection()
        self.ctx.select_span(following.id)

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
            self._say(self.tr("No span selected: click a span or press Tab to reach one"))
            return
        start, end = span.start, span.end
        if side == "start":
            start += delta
        else:
            end += delta
        if not (0 <= start < end <= len(record.body)):
            self._say(self.tr("A span cannot be empty or go past the end of the text"))
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

    # --- the span menu -------------------------------------------------------------------
    def show_menu(self, offset: int, where: QPoint) -> None:
        """Right-click at ``offset``: the span there (or the selected text) and what can be done with it."""
        menu = self.build_menu(offset)
        self.menu = menu
        try:
            menu.exec(where)
        finally:
            self.menu = None
            menu.deleteLater()

    def build_menu(self, offset: int) -> QMenu:
        text = self.view.text
        selected = self.view.selected_range()
        inside_selection = selected is not None and selected[0] <= offset < selected[1]
        span = None if inside_selection else self.view.span_at(offset)
        if span is not None:
            self.view.clear_text_selection()
            self.ctx.select_span(span.id)
        menu = QMenu(text)
        menu.setObjectName("span_menu")
        a = self.actions
        if a is not None and (span is not None or inside_selection):
            labels = menu.addMenu(self.tr("Label as") if span is None else self.tr("Change label to"))
            labels.setObjectName("span_menu_labels")
            language = self.ctx.settings.language()
            for style in label_styles():
                action = a[f"span.label.{style.label}"]
                item = labels.addAction(f"{style.display_name(language)} ({style.label})")
                item.setShortcut(action.shortcut())
                item.setObjectName(f"span_menu_label_{style.label}")
                item.setCheckable(span is not None)
                item.setChecked(span is not None and span.label == style.label)
                item.triggered.connect(lambda _c=False, label=style.label: self.apply_label(label))
            if span is not None:
                menu.addSeparator()
                accept = menu.addAction(a["span.accept"].text())
                accept.setObjectName("span_menu_accept")
                accept.setShortcut(a["span.accept"].shortcut())
                accept.setEnabled(not is_checked(span.origin))  # a human span is the editor's already
                accept.triggered.connect(lambda _c=False: self.accept_span())
                menu.addAction(a["span.delete"])
            menu.addSeparator()
            menu.addAction(a["span.label_all"])
            menu.addAction(a["span.label_all_project"])
            if span is not None:
                menu.addSeparator()
                menu.addAction(a["span.history"])
            menu.addSeparator()
        standard = text.createStandardContextMenu()  # Copy, Select All
        for action in standard.actions():
            action.setParent(menu)
            menu.addAction(action)
        standard.deleteLater()
        return menu
