"""Segmentation and text edits as undoable steps: split, merge, body edit, heading promotion,
moving paragraphs, captions, text that is not an article, articles made from page blocks.

Owns: the constructors of these edits, each a ``commands.StoreEdit`` around one store write.
The store decides the scope its journal keeps (the article for a body edit, a restored body,
a promoted or demoted heading, a caption; the whole page for edits that change which
articles a page has), and undo/redo put back exactly what it recorded, ids included.  What
differs between the edits is only which article is shown afterwards.
"""

from __future__ import annotations

from typing import Any

from desktop.ui.commands import StoreEdit
from desktop.ui.context import AppContext


def SplitArticleCommand(ctx: AppContext, article_id: int, page_id: int, offset: int) -> StoreEdit:  # noqa: N802
    """The new second part is ``new_id`` after the push; undo shows the first part whole again."""
    return StoreEdit(ctx, article_id, lambda store: store.split_article(article_id, offset), show_at_push=True)


def MergeArticlesCommand(ctx: AppContext, first_id: int, second_id: int, page_id: int) -> StoreEdit:  # noqa: N802
    return StoreEdit(ctx, first_id, lambda store: store.merge_articles(first_id, second_id), show_at_push=True)


def MergeWithPreviousCommand(ctx: AppContext, previous_id: int, article_id: int, page_id: int) -> StoreEdit:  # noqa: N802
    """Merge the shown article into the one before it; undo shows the shown one again."""
    command = MergeArticlesCommand(ctx, previous_id, article_id, page_id)
    command.show_undo = article_id
    return command


def EditBodyCommand(ctx: AppContext, article_id: int, page_id: int, new_body: str) -> StoreEdit:  # noqa: N802
    return StoreEdit(ctx, article_id, lambda store: store.set_body(article_id, new_body), show_at_push=True)


def RestoreOriginalBodyCommand(ctx: AppContext, article_id: int, page_id: int) -> StoreEdit:  # noqa: N802
    return StoreEdit(ctx, article_id, lambda store: store.restore_original_body(article_id), show_at_push=True)


def PromoteLineCommand(ctx: AppContext, article_id: int, page_id: int, paragraph: int, field: str) -> StoreEdit:  # noqa: N802
    return StoreEdit(ctx, article_id, lambda store: store.promote_line(article_id, paragraph, field), show_at_push=True)


def DemoteFieldCommand(ctx: AppContext, article_id: int, page_id: int, field: str = "title") -> StoreEdit:  # noqa: N802
    return StoreEdit(ctx, article_id, lambda store: store.demote_field(article_id, field), show_at_push=True)


def MoveParagraphsCommand(  # noqa: N802
    ctx: AppContext, article_id: int, page_id: int, start: int, end: int, target_id: int
) -> StoreEdit:
    return StoreEdit(ctx, article_id, lambda store: store.move_paragraphs(article_id, start, end, target_id), show_at_push=True)


def MarkCaptionCommand(ctx: AppContext, article_id: int, page_id: int, start: int, end: int) -> StoreEdit:  # noqa: N802
    return StoreEdit(ctx, article_id, lambda store: store.mark_caption(article_id, start, end), show_at_push=True)


def MarkNotArticleCommand(  # noqa: N802
    ctx: AppContext, article_id: int, page_id: int, start: int | None = None, end: int | None = None, *,
    drop_checked: bool = False, shown_after: int | None = None,
) -> StoreEdit:
    """Paragraphs (``start``/``end``) or, without them, the whole article become blocks of no
    article.  A whole article is gone afterwards: ``shown_after`` (a neighbour, or None) is
    shown then, and undo shows the article again."""
    command = StoreEdit(
        ctx, article_id, lambda store: store.mark_not_article(article_id, start, end, drop_checked=drop_checked),
        show_at_push=True,
    )
    if start is None:
        command.show_redo = shown_after
    return command


def MakeArticleCommand(  # noqa: N802
    ctx: AppContext, article_id: int, page_id: int, block_index: int, spans: list[dict[str, Any]]
) -> StoreEdit:
    """A new article from a block of no article (``spans`` computed by the caller); the new
    article (``new_id``) is shown afterwards."""
    items = [dict(s) for s in spans]
    return StoreEdit(ctx, article_id, lambda store: store.make_article(page_id, block_index, items), show_at_push=True, show_new=True)


def BlockToCaptionCommand(ctx: AppContext, article_id: int, page_id: int, block_index: int) -> StoreEdit:  # noqa: N802
    """A block of no article becomes a caption of the article the page view was opened from."""
    return StoreEdit(ctx, article_id, lambda store: store.block_to_caption(page_id, block_index, article_id), show_at_push=True)
