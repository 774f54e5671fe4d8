"""The Store's page methods: importing pages, reading them, and a page's articles as a whole.

Owns: ``PageMethods`` (a mixin of ``store.Store``; the rules of ``core.StoreCore``: reads hold
the store's lock, writes run in one transaction through ``_write`` and return ``Changes``).

    store.has_page_hash(content_hash) -> bool
    store.add_page(source_name, raw_text, text, content_hash, result: PageResult, *, encoding="utf-8",
                   source_name_raw=None) -> ImportOutcome   (one transaction; a file name's bytes when not UTF-8)
    store.add_pages(pages: Sequence[PageInput]) -> list[ImportOutcome]   (all in one transaction)
    store.pages() -> list[PageInfo]
    store.page_text(page_id) -> str                         (normalised page text)
    store.page_layout(page_id) -> dict   ({"text", "articles": [{"id","position","title","segments"}], "blocks"})
    store.snapshot_articles(page_id) -> dict   store.restore_articles(snapshot) -> Changes (the page exactly so)
    store.rebuild_search_index()
    store.integrity_check() -> str                  ("ok" or SQLite's list of problems)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.pipeline.model import PageResult
from desktop.store import (
    pages,
    search,
)
from desktop.store.core import StoreCore, reading, segmentation_module
from desktop.store.errors import NotFoundError
from desktop.store.records import Changes, ImportOutcome, PageInfo, PageInput


class PageMethods(StoreCore):
    """Mixed into ``Store``; see the module docstring."""

    @reading
    def has_page_hash(self, content_hash: str) -> bool:
        return pages.has_hash(self.db, content_hash)

    def add_page(
        self, source_name: str, raw_text: str, text: str, content_hash: str, result: PageResult, *, encoding: str = "utf-8",
        source_name_raw: bytes | None = None,
    ) -> ImportOutcome:
        return self.add_pages([PageInput(source_name, raw_text, text, content_hash, result, encoding, source_name_raw)])[0]

    def add_pages(self, items: Sequence[PageInput]) -> list[ImportOutcome]:
        with self._write() as db:
            return [pages.insert_page(db, self.editor, item) for item in items]

    @reading
    def pages(self) -> list[PageInfo]:
        return pages.page_infos(self.db)

    @reading
    def page_text(self, page_id: int) -> str:
        text = pages.page_text(self.db, page_id)
        if text is None:
            raise NotFoundError(f"page {page_id} does not exist", kind="page", id=page_id)
        return text

    @reading
    def page_layout(self, page_id: int) -> dict[str, Any]:
        return segmentation_module().page_layout(self.db, page_id)

    @reading
    def snapshot_articles(self, page_id: int) -> dict[str, Any]:
        return segmentation_module().snapshot_articles(self.db, page_id)

    def restore_articles(self, snapshot: dict[str, Any]) -> Changes:
        page_id = snapshot.get("page_id") if isinstance(snapshot, dict) else None
        with self._write(page=page_id if isinstance(page_id, int) else None) as db:
            return segmentation_module().restore_articles(db, self.editor, snapshot)

    def rebuild_search_index(self) -> None:
        with self._write() as db:
            search.rebuild(db)

    @reading
    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check``: "ok", or the problems found (one per line)."""
        rows = self.db.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(str(r[0]) for r in rows)
