"""What the segmentation keys do: split, merge, edit the body, move headings, move
paragraphs to another article, captions, text that is not an article, and the
page view with its actions on bands.

Owns: ``SegmentEditing``, the controller between the article view, the
context and the commands of ``segment_commands``.  Each action becomes one
undoable command; refusals go to the status bar, questions through
``ctx.interaction``.  Paragraph actions work on the selected paragraphs, or on
the paragraph at the cursor when nothing is selected.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.pipeline.page_fixes import block_article, paragraph_bounds
from desktop.store.errors import StoreError
from desktop.store.records import ArticleRecord
from desktop.ui.context import AppContext
from desktop.ui.dialogs.page_view import MAKE_ARTICLE, NOT_ARTICLE, OPEN, TO_CAPTION, PageViewDialog
from desktop.ui.i18n import fill
from desktop.ui.messages import explain
from desktop.ui.segment_commands import (
    BlockToCaptionCommand,
    DemoteFieldCommand,
    EditBodyCommand,
    MakeArticleCommand,
    MarkCaptionCommand,
    MarkNotArticleCommand,
    MergeArticlesCommand,
    MergeWithPreviousCommand,
    MoveParagraphsCommand,
    PromoteLineCommand,
    RestoreOriginalBodyCommand,
    SplitArticleCommand,
)
from desktop.ui.widgets.article_view import ArticleView


class SegmentEditing(QObject):
    def __init__(self, ctx: AppContext, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view

    @property
    def record(self) -> ArticleRecord | None:
        return self.ctx.record

    def _say(self, text: str) -> None:
        self.ctx.status_message.emit(text)

    def split_at_cursor(self) -> None:
        record = self.record
        if record is None:
            return
        selected = self.view.selected_range()
        offset = selected[0] if selected else self.view.cursor_offset()
        if not 0 < offset < len(record.body):
            self._say(self.tr("Put the cursor where the new article should begin"))
            return
        self.ctx.push(SplitArticleCommand(self.ctx, record.id, record.page_id, offset))

    def merge_with_next(self) -> None:
        record = self.record
        if record is None:
            return
        next_id = self.ctx.store.neighbour_id(record.id, +1)
        if next_id is None or self.ctx.store.get_article(next_id).page_id != record.page_id:
            self._say(self.tr("This is the last article of its page"))
            return
        self.ctx.push(MergeArticlesCommand(self.ctx, record.id, next_id, record.page_id))

    def edit_body(self) -> None:
        record = self.record
        if record is None:
            return
        try:
            original = self.ctx.store.original_body(record.id)
        except StoreError:
            original = None
        text = self.ctx.interaction.edit_body(record.title or str(record.id), record.body, original)
        if text is None or text == record.body:
            return
        if not text.strip():
            self._say(self.tr("The body cannot be empty"))
            return
        self.ctx.push(EditBodyCommand(self.ctx, record.id, record.page_id, text))

    def restore_original(self) -> None:
        record = self.record
        if record is None:
            return
        try:
            original = self.ctx.store.original_body(record.id)
        except StoreError as err:
            self._say(explain(err))
            return
        if original == record.body:
            self._say(self.tr("The body is already the page's original text"))
            return
        self.ctx.push(RestoreOriginalBodyCommand(self.ctx, record.id, record.page_id))

    def promote_paragraph(self) -> None:
        record = self.record
        if record is None:
            return
        paragraph = record.body[: self.view.cursor_offset()].count("\n")
        names = {self.tr("Title"): "title", self.tr("Subtitle"): "subtitle", self.tr("Kicker"): "kicker"}
        choice = self.ctx.interaction.choose_item(self.tr("Paragraph to heading"), self.tr("Make the paragraph at the cursor the:"), list(names))
        if choice in names:
            self.ctx.push(PromoteLineCommand(self.ctx, record.id, record.page_id, paragraph, names[choice]))

    def demote_title(self) -> None:
        record = self.record
        if record is None:
            return
        if not record.title.strip():
            self._say(self.tr("The article has no title"))
            return
        self.ctx.push(DemoteFieldCommand(self.ctx, record.id, record.page_id, "title"))

    # --- paragraphs, captions, blocks --------------------------------------------------
    def _chosen_range(self, record: ArticleRecord) -> tuple[int, int]:
        """The selected text, or the caret, widened to whole paragraphs."""
        selected = self.view.selected_range()
        start, end = selected if selected else (self.view.cursor_offset(),) * 2
        start, end = min(start, len(record.body)), min(end, len(record.body))
        return paragraph_bounds(record.body, start, end)

    def merge_with_previous(self) -> None:
        record = self.record
        if record is None:
            return
        previous_id = self.ctx.store.neighbour_id(record.id, -1)
        if previous_id is None or self.ctx.store.get_article(previous_id).page_id != record.page_id:
            self._say(self.tr("This is the first article of its page"))
            return
        self.ctx.push(MergeWithPreviousCommand(self.ctx, previous_id, record.id, record.page_id))

    def move_paragraphs(self) -> None:
        record = self.record
        if record is None:
            return
        start, end = self._chosen_range(record)
        others = [a for a in self.ctx.store.page_layout(record.page_id)["articles"] if a["id"] != record.id]
        if not others:
            self._say(self.tr("This is the only article of its page"))
            return
        untitled = self.tr("(no title)")  # outside the f-string, where lupdate finds it
        names = {f"{a['position'] + 1}. {a['title'] or untitled}": a["id"] for a in others}
        choice = self.ctx.interaction.choose_item(
            self.tr("Move paragraphs"), self.tr("Move the chosen paragraphs to the article:"), list(names)
        )
        if choice in names:
            self.ctx.push(MoveParagraphsCommand(self.ctx, record.id, record.page_id, start, end, names[choice]))

    def mark_caption(self) -> None:
        record = self.record
        if record is None:
            return
        start, end = self._chosen_range(record)
        self.ctx.push(MarkCaptionCommand(self.ctx, record.id, record.page_id, start, end))

    def mark_not_article(self) -> None:
        """The selected paragraphs, or the whole article when nothing (or all the body) is selected."""
        record = self.record
        if record is None:
            return
        if self.view.selected_range() is None:
            self._not_article(record, None)
            return
        start, end = self._chosen_range(record)
        self._not_article(record, None if (start, end) == (0, len(record.body)) else (start, end))

    def _not_article(self, record: ArticleRecord, chosen: tuple[int, int] | None) -> None:
        inside = record.spans if chosen is None else [s for s in record.spans if s.start < chosen[1] and s.end > chosen[0]]
        checked = sum(1 for s in inside if s.origin != "auto")
        if checked and not self.ctx.interaction.confirm(
            self.tr("Not an article"), fill(self.tr("%1 checked spans will be removed; continue?"), checked)
        ):
            return
        if chosen is not None:
            self.ctx.push(MarkNotArticleCommand(
                self.ctx, record.id, record.page_id, *chosen, drop_checked=bool(checked)
            ))
            return
        shown_after = self.ctx.article_id if self.ctx.article_id != record.id else self._neighbour_on_page(record)
        self.ctx.push(MarkNotArticleCommand(
            self.ctx, record.id, record.page_id, drop_checked=bool(checked), shown_after=shown_after
        ))

    def _neighbour_on_page(self, record: ArticleRecord) -> int | None:
        ids = [a["id"] for a in self.ctx.store.page_layout(record.page_id)["articles"]]
        i = ids.index(record.id) if record.id in ids else -1
        if 0 <= i < len(ids) - 1:
            return ids[i + 1]
        return ids[i - 1] if i > 0 else None

    def show_page(self) -> None:
        """The page view; the band action the editor chose there is done here."""
        record = self.record
        if record is None:
            return
        layout = self.ctx.store.page_layout(record.page_id)
        dialog = PageViewDialog(record.page, layout, record.id, self.view.window())
        if not dialog.exec():
            return
        if dialog.action == OPEN and dialog.chosen_id is not None:
            self.ctx.select_article(dialog.chosen_id)
        elif dialog.action == NOT_ARTICLE and dialog.chosen_id is not None:
            self._not_article(self.ctx.store.get_article(dialog.chosen_id), None)
        elif dialog.action == MAKE_ARTICLE and dialog.chosen_block is not None:
            self.make_article(record, layout, dialog.chosen_block)
        elif dialog.action == TO_CAPTION and dialog.chosen_block is not None:
            self.ctx.push(BlockToCaptionCommand(self.ctx, record.id, record.page_id, dialog.chosen_block))

    def make_article(self, record: ArticleRecord, layout: dict, block_index: int) -> None:
        """A new article from block ``block_index`` of ``layout`` (the page of ``record``)."""
        body, spans = block_article(layout["text"], layout["blocks"][block_index])
        if not body.strip():
            self._say(self.tr("That block holds no text"))
            return
        self.ctx.push(MakeArticleCommand(self.ctx, record.id, record.page_id, block_index, spans))
