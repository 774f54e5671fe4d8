"""Undoable segmentation edits: split, merge, body edit, heading promotion, moving
paragraphs, captions, text that is not an article, articles made from page blocks.

Owns: ``SegmentCommand`` and its subclasses.  Before its first write a command
takes ``store.snapshot_articles(page_id)``; right after it, a second snapshot.
``undo()`` restores the first and ``redo()`` (after the first time) the second
through ``store.restore_articles``, so undo and redo give back exactly the
previous text, spans, fields, article membership and ids.  Each step is still
one store write, one transaction and one event row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop.store.errors import StoreError
from desktop.store.records import Changes
from desktop.ui.commands import StoreCommand
from desktop.ui.context import AppContext

if TYPE_CHECKING:
    from desktop.store.store import Store


class SegmentCommand(StoreCommand):
    """Base: ``operate(store)`` the first time; snapshot restores afterwards."""

    def __init__(self, ctx: AppContext, article_id: int, page_id: int, text: str) -> None:
        super().__init__(ctx, article_id, text)
        self.page_id = page_id
        self.before: dict[str, Any] = ctx.store.snapshot_articles(page_id)
        self.after: dict[str, Any] | None = None
        self.focus_after = article_id

    def operate(self, store: Store) -> Changes:
        raise NotImplementedError

    def forward(self, store: Store) -> Changes:
        if self.after is None:
            changes = self.operate(store)
            self.after = store.snapshot_articles(self.page_id)
            return changes
        return store.restore_articles(self.after)

    def backward(self, store: Store) -> Changes:
        return store.restore_articles(self.before)

    def redo(self) -> None:
        super().redo()
        self._focus(self.focus_after)

    def undo(self) -> None:
        super().undo()
        self._focus(self.article_id)

    def _focus(self, article_id: int) -> None:
        if self.ctx.has_store and self.ctx.article_id != article_id and not self.isObsolete():
            try:
                self.ctx.select_article(article_id)
            except StoreError as err:  # the write was refused and the article is gone
                self.ctx.note_failure(err)


class SplitArticleCommand(SegmentCommand):
    def __init__(self, ctx: AppContext, article_id: int, page_id: int, offset: int) -> None:
        super().__init__(ctx, article_id, page_id, QCoreApplication.translate("Commands", "Split article"))
        self.offset = offset
        self.new_id: int | None = None

    def operate(self, store: Store) -> Changes:
        changes = store.split_article(self.article_id, self.offset)
        self.new_id = next(iter(changes.article_ids - {self.article_id}), None)
        return changes


class MergeArticlesCommand(SegmentCommand):
    def __init__(self, ctx: AppContext, first_id: int, second_id: int, page_id: int) -> None:
        super().__init__(ctx, first_id, page_id, QCoreApplication.translate("Commands", "Merge articles"))
        self.second_id = second_id

    def operate(self, store: Store) -> Changes:
        return store.merge_articles(self.article_id, self.second_id)


class EditBodyCommand(SegmentCommand):
    def __init__(self, ctx: AppContext, article_id: int, page_id: int, new_body: str) -> None:
        super().__init__(ctx, article_id, page_id, QCoreApplication.translate("Commands", "Edit body text"))
        self.new_body = new_body

    def operate(self, store: Store) -> Changes:
        return store.set_body(self.article_id, self.new_body)


class RestoreOriginalBodyCommand(SegmentCommand):
    def __init__(self, ctx: AppContext, article_id: int, page_id: int) -> None:
        super().__init__(ctx, article_id, page_id, QCoreApplication.translate("Commands", "Restore original text"))

    def operate(self, store: Store) -> Changes:
        return store.restore_original_body(self.article_id)


class PromoteLineCommand(SegmentCommand):
    def __init__(self, ctx: AppContext, article_id: int, page_id: int, paragraph: int, field: str) -> None:
        super().__init__(ctx, article_id, page_id, QCoreApplication.translate("Commands", "Paragraph to heading"))
        self.paragraph, self.field = paragraph, field

    def operate(self, store: Store) -> Changes:
        return store.promote_line(self.article_id, self.paragraph, self.field)


class DemoteFieldCommand(SegmentCommand):
    def __init__(self, ctx: AppContext, article_id: int, page_id: int, field: str = "title") -> None:
        super().__init__(ctx, article_id, page_id, QCoreApplication.translate("Commands", "Heading back into body"))
        self.field = field

    def operate(self, store: Store) -> Changes:
        return store.demote_field(self.article_id, self.field)


class MergeWithPreviousCommand(MergeArticlesCommand):
    """Merge the shown article into the one before it; undo shows the shown one again."""

    def __init__(self, ctx: AppContext, previous_id: int, article_id: int, page_id: int) -> None:
        super().__init__(ctx, previous_id, article_id, page_id)
        self.setText(QCoreApplication.translate("Commands", "Merge with the previous article"))

    def undo(self) -> None:
        super().undo()
        self._focus(self.second_id)


class MoveParagraphsCommand(SegmentCommand):
    def __init__(self, ctx: AppContext, article_id: int, page_id: int, start: int, end: int, target_id: int) -> None:
        super().__init__(ctx, article_id, page_id, QCoreApplication.translate("Commands", "Move paragraphs"))
        self.start, self.end, self.target_id = start, end, target_id

    def operate(self, store: Store) -> Changes:
        return store.move_paragraphs(self.article_id, self.start, self.end, self.target_id)


class MarkCaptionCommand(SegmentCommand):
    def __init__(self, ctx: AppContext, article_id: int, page_id: int, start: int, end: int) -> None:
        super().__init__(ctx, article_id, page_id, QCoreApplication.translate("Commands", "Paragraphs to caption"))
        self.start, self.end = start, end

    def operate(self, store: Store) -> Changes:
        return store.mark_caption(self.article_id, self.start, self.end)


class MarkNotArticleCommand(SegmentCommand):
    """Paragraphs (``start``/``end``) or, without them, the whole article become blocks of no
    article.  A whole article is gone afterwards: ``shown_after`` (a neighbour, or None) is
    shown then, and undo shows the article again."""

    def __init__(
        self, ctx: AppContext, article_id: int, page_id: int, start: int | None = None, end: int | None = None, *,
        drop_checked: bool = False, shown_after: int | None = None,
    ) -> None:
        super().__init__(ctx, article_id, page_id, QCoreApplication.translate("Commands", "Mark as not an article"))
        self.removed_id = article_id
        self.start, self.end, self.drop_checked = start, end, drop_checked
        self.whole = start is None
        self.focus_after = shown_after if self.whole else article_id  # type: ignore[assignment]

    def operate(self, store: Store) -> Changes:
        return store.mark_not_article(self.removed_id, self.start, self.end, drop_checked=self.drop_checked)

    def redo(self) -> None:
        # StoreCommand shows ``article_id`` after a redo: not the article that goes away
        self.article_id = self.focus_after if self.whole else self.removed_id
        super().redo()

    def undo(self) -> None:
        self.article_id = self.removed_id
        super().undo()


class MakeArticleCommand(SegmentCommand):
    """A new article from a block of no article (``spans`` computed by the caller);
    the new article is shown afterwards."""

    def __init__(
        self, ctx: AppContext, article_id: int, page_id: int, block_index: int, spans: list[dict[str, Any]]
    ) -> None:
        super().__init__(ctx, article_id, page_id, QCoreApplication.translate("Commands", "Make an article from a block"))
        self.block_index, self.spans = block_index, [dict(s) for s in spans]
        self.new_id: int | None = None

    def operate(self, store: Store) -> Changes:
        changes = store.make_article(self.page_id, self.block_index, self.spans)
        self.new_id = next(iter(changes.article_ids), None)
        if self.new_id is not None:
            self.focus_after = self.new_id
        return changes


class BlockToCaptionCommand(SegmentCommand):
    """A block of no article becomes a caption of the article the page view was opened from."""

    def __init__(self, ctx: AppContext, article_id: int, page_id: int, block_index: int) -> None:
        super().__init__(ctx, article_id, page_id, QCoreApplication.translate("Commands", "Block to caption"))
        self.block_index = block_index

    def operate(self, store: Store) -> Changes:
        return store.block_to_caption(self.page_id, self.block_index, self.article_id)
