"""What the segmentation keys do: split, merge, edit the body, move headings.

Owns: ``SegmentEditing``, the controller between the article view, the
context and the commands of ``segment_commands``.  Each action becomes one
undoable command; refusals go to the status bar, questions through
``ctx.interaction``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.store.errors import StoreError
from desktop.store.records import ArticleRecord
from desktop.ui.context import AppContext
from desktop.ui.segment_commands import (
    DemoteFieldCommand,
    EditBodyCommand,
    MergeArticlesCommand,
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
            self._say(str(err))
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
