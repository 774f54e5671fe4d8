"""The Store's segmentation edits: splitting, merging and reshaping the articles of a page.

Owns: ``SegmentMethods`` (a mixin of ``store.Store``; see segmentation.py and page_blocks.py).
An edit that changes which article holds what declares the whole page as its scope (the
journal keeps the page before and after); one that reshapes a single article declares it.

    store.split_article(article_id, body_offset) -> Changes   (new article right after; Changes.article_ids
                   holds both; a span crossing the cut stays whole in the first part, needs_check)
    store.merge_articles(first_id, second_id) -> Changes      (same page, adjacent; second removed)
    store.promote_line(article_id, paragraph, field) -> Changes (body paragraph -> title/kicker/subtitle)
    store.demote_field(article_id, field="title") -> Changes  (field -> first body paragraph)
    store.original_body(article_id) -> str                   (rebuilt from segments over the page text)
    store.restore_original_body(article_id) -> Changes        (set_body(original_body))
    store.move_paragraphs(article_id, start, end, target_id) -> Changes (to another article of the page)
    store.mark_caption(article_id, start, end) -> Changes     (paragraphs -> captions)
    store.mark_not_article(article_id, start=None, end=None, *, drop_checked=False) -> Changes
    store.make_article(page_id, block_index, spans=()) -> Changes  (block -> new unreviewed article)
    store.block_to_caption(page_id, block_index, article_id) -> Changes  (block -> captions of the article)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.store import (
    articles,
)
from desktop.store.core import StoreCore, page_blocks_module, reading, segmentation_module
from desktop.store.records import Changes


class SegmentMethods(StoreCore):
    """Mixed into ``Store``; see the module docstring."""

    def split_article(self, article_id: int, body_offset: int) -> Changes:
        with self._write(page=lambda: articles.page_of(self.db, article_id)) as db:
            return segmentation_module().split_article(db, self.editor, article_id, body_offset)

    def merge_articles(self, first_id: int, second_id: int) -> Changes:
        with self._write(page=lambda: articles.page_of(self.db, first_id)) as db:
            return segmentation_module().merge_articles(db, self.editor, first_id, second_id)

    def promote_line(self, article_id: int, paragraph: int, field: str) -> Changes:
        with self._write([article_id]) as db:
            return segmentation_module().promote_line(db, self.editor, article_id, paragraph, field)

    def demote_field(self, article_id: int, field: str = "title") -> Changes:
        with self._write([article_id]) as db:
            return segmentation_module().demote_field(db, self.editor, article_id, field)

    @reading
    def original_body(self, article_id: int) -> str:
        return segmentation_module().original_body(self.db, article_id)

    def restore_original_body(self, article_id: int) -> Changes:
        with self._write([article_id]) as db:
            return segmentation_module().restore_original_body(db, self.editor, article_id)

    def move_paragraphs(self, article_id: int, start: int, end: int, target_id: int) -> Changes:
        with self._write(page=lambda: articles.page_of(self.db, article_id)) as db:
            return page_blocks_module().move_paragraphs(db, self.editor, article_id, start, end, target_id)

    def mark_caption(self, article_id: int, start: int, end: int) -> Changes:
        with self._write([article_id]) as db:
            return page_blocks_module().mark_caption(db, self.editor, article_id, start, end)

    def mark_not_article(
        self, article_id: int, start: int | None = None, end: int | None = None, *, drop_checked: bool = False
    ) -> Changes:
        with self._write(page=lambda: articles.page_of(self.db, article_id)) as db:
            return page_blocks_module().mark_not_article(db, self.editor, article_id, start, end, drop_checked=drop_checked)

    def make_article(self, page_id: int, block_index: int, spans: Sequence[dict[str, Any]] = ()) -> Changes:
        with self._write(page=page_id) as db:
            return page_blocks_module().make_article(db, self.editor, page_id, block_index, list(spans))

    def block_to_caption(self, page_id: int, block_index: int, article_id: int) -> Changes:
        with self._write(page=page_id) as db:
            return page_blocks_module().block_to_caption(db, self.editor, page_id, block_index, article_id)
