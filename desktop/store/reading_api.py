"""The Store's reads: the article list, search, one article, history, export records, statistics.

Owns: ``ReadingMethods`` (a mixin of ``store.Store``; each read holds the store's lock).  The
``*_reader`` methods hand a worker thread a callable that reads on a read-only connection of
its own and touches nothing of the store (the background policy, ``desktop/ui/tasks.py``).

    store.count_articles(flt: ArticleFilter = ArticleFilter()) -> int
    store.article_ids(flt=ArticleFilter(), sort="page", descending=False) -> list[int]
    store.article_id_array(flt, sort, descending) -> int64 array    store.first_article_ids(..., limit=200)
    store.order_cached() / order_reader() / adopt_order(token, ids)   (the page order, read off the GUI thread)
    store.first_search_ids(query, limit) / search_reader(query) / search_in_page_order(token, hits)
    store.article_rows(ids: Sequence[int]) -> dict[int, ArticleRow]
    store.get_article(article_id) -> ArticleRecord
    store.neighbour_id(article_id, direction: +1|-1, flt=ArticleFilter(),
                       unreviewed_only=False) -> int | None  (in the default page/position order)
    store.search(query, limit=200) -> list[int]             (article ids, Chinese, 2+ chars fast)
    store.progress() -> tuple[int, int]                     (reviewed, total)   store.progress_reader()
    store.search_hits(query, ids) -> {id: records.SearchHit}  (hit count + snippet per article)
    store.occurrences(text, ids, statuses=(), context=16) -> (list[records.Occurrence], ids left out by status)
    store.events(article_id=None, limit=500) -> list[Event]
    store.article_history(article_id, limit=500) -> list[Event]  (newest first; page-level edits that
                   changed the article included)
    store.article_bodies(ids) -> dict[int, str]
    store.iter_records(flt=ArticleFilter(), *, all_editors=False) -> Iterator[dict]   (the JSONL record)
    store.export_ids(flt) -> int64 array            store.label_counts(flt=ArticleFilter()) -> dict[str, int]
    store.stats() -> stats.ProjectStats           (status, review throughput, spans, editor changes)
    store.find_articles_by_body(body) -> list[int] (same body after normalising whitespace; current pages)
    store.articles_by_body() -> dict[str, list[int]] (stats.body_key(body) -> ids, for bulk matching)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlite_utils import Database

from desktop.store import (
    articles,
    journal,
    lazy_search,
    page_order,
    records,
    reextract,
    search,
    stats,
)
from desktop.store.core import StoreCore, own_connection_reader, reading
from desktop.store.db import connect, translate_errors
from desktop.store.events import events_by_ids, list_events
from desktop.store.export_records import export_ids, iter_records
from desktop.store.records import ArticleFilter, ArticleRecord, ArticleRow, Event


class ReadingMethods(StoreCore):
    """Mixed into ``Store``; see the module docstring."""

    @reading
    def count_articles(self, flt: ArticleFilter = ArticleFilter()) -> int:
        return articles.count_articles(self.db, flt)

    @reading
    def article_ids(self, flt: ArticleFilter = ArticleFilter(), sort: str = "page", descending: bool = False) -> list[int]:
        return articles.article_ids(self.db, flt, sort, descending)

    @reading
    def article_id_array(self, flt: ArticleFilter = ArticleFilter(), sort: str = "page", descending: bool = False) -> Any:
        """``article_ids`` as an int64 numpy array (8 bytes an article)."""
        return articles.article_id_array(self.db, flt, sort, descending)

    @reading
    def first_article_ids(
        self, flt: ArticleFilter = ArticleFilter(), sort: str = "page", descending: bool = False, limit: int = 200
    ) -> list[int]:
        """The first ``limit`` ids of ``article_ids`` without reading them all."""
        return articles.first_article_ids(self.db, flt, sort, descending, limit)

    @reading
    def order_cached(self) -> bool:
        return page_order.cached(self.db)

    @reading
    def order_reader(self) -> Callable[[], tuple[Any, Any]]:
        """A callable for a worker thread: reads the page order on its own read-only connection
        and returns (token, ids) for ``adopt_order``.  Touches nothing of this store."""
        token = page_order.order_state(self.db)
        return own_connection_reader(self.path, lambda conn: (token, page_order.read_order(conn)))

    @reading
    def adopt_order(self, token: Any, ids: Any) -> bool:
        """Keep a page order read by ``order_reader`` if nothing changed since; False: not kept."""
        return page_order.adopt(self.db, token, ids)

    @reading
    def first_search_ids(self, query: str, limit: int, descending: bool = False) -> tuple[list[int], bool] | None:
        """(first ``limit`` hits in page order, whether that is all) or None: list them all at once."""
        return lazy_search.first_hits(self.db, query, limit, descending)

    @reading
    def search_reader(self, query: str) -> Callable[[], tuple[Any, Any]]:
        """A callable for a worker thread: every hit of ``query`` read on its own read-only
        connection, as (token, ids) for ``search_in_page_order``.  Touches nothing of this store."""
        token = lazy_search.hits_token(self.db)
        return own_connection_reader(self.path, lambda conn: (token, lazy_search.read_hits(conn, query)))

    @reading
    def search_in_page_order(self, token: Any, hits: Any, descending: bool = False) -> Any:
        """Hits read by ``search_reader`` in page order; None if anything changed since: search again."""
        return lazy_search.hits_in_page_order(self.db, token, hits, descending)

    @reading
    def article_rows(self, ids: Sequence[int]) -> dict[int, ArticleRow]:
        return articles.article_rows(self.db, ids)

    @reading
    def get_article(self, article_id: int) -> ArticleRecord:
        return articles.get_article(self.db, article_id)

    @reading
    def neighbour_id(
        self, article_id: int, direction: int, flt: ArticleFilter = ArticleFilter(), unreviewed_only: bool = False
    ) -> int | None:
        return articles.neighbour_id(self.db, article_id, direction, flt, unreviewed_only)

    @reading
    def search(self, query: str, limit: int = 200) -> list[int]:
        if not query.strip():
            return []
        return articles.article_ids(self.db, ArticleFilter(query=query))[:limit]

    @reading
    def progress(self) -> tuple[int, int]:
        return articles.progress(self.db)

    @reading
    def progress_reader(self) -> Callable[[], tuple[int, int]]:
        """``progress`` as a callable for a worker thread (its own read-only connection)."""

        def read(conn: Any) -> tuple[int, int]:
            row = conn.execute(articles.PROGRESS_SQL).fetchone()
            return row[0], row[1]

        return own_connection_reader(self.path, read)

    @reading
    def search_hits(self, query: str, ids: Sequence[int]) -> dict[int, records.SearchHit]:
        return search.search_hits(self.db, query, ids)

    @reading
    def occurrences(
        self, text: str, ids: Sequence[int], statuses: Sequence[str] = (), context: int = 16
    ) -> tuple[list[records.Occurrence], list[int]]:
        return search.occurrences(self.db, text, ids, statuses, context)

    @reading
    def events(self, article_id: int | None = None, limit: int = 500) -> list[Event]:
        return list_events(self.db, article_id, limit)

    @reading
    def article_history(self, article_id: int, limit: int = 500) -> list[Event]:
        """The article's events newest first, page-level edits that changed it included."""
        return events_by_ids(self.db, journal.history_event_ids(self.db, article_id)[-limit:])

    @reading
    def article_bodies(self, ids: Sequence[int]) -> dict[int, str]:
        return reextract.article_bodies(self.db, ids)

    def iter_records(self, flt: ArticleFilter = ArticleFilter(), *, all_editors: bool = False) -> Iterator[dict[str, Any]]:
        """Stream export records from a separate read-only connection (a stable snapshot that
        edits made meanwhile through this Store do not disturb); sqlite3 errors become StoreError."""
        self.db  # noqa: B018 - raises if closed
        with translate_errors():
            reader = Database(connect(self.path, readonly=True), execute_plugins=False)
            try:
                yield from iter_records(reader, flt, all_editors)
            finally:
                reader.close()

    @reading
    def export_ids(self, flt: ArticleFilter = ArticleFilter()) -> Any:
        """The ids ``iter_records(flt)`` yields, in order, as an int64 array (for chunked exports)."""
        return export_ids(self.db, flt)

    @reading
    def label_counts(self, flt: ArticleFilter = ArticleFilter()) -> dict[str, int]:
        return articles.label_counts(self.db, flt)

    @reading
    def stats(self) -> stats.ProjectStats:
        return stats.project_stats(self.db)

    @reading
    def articles_by_body(self) -> dict[str, list[int]]:
        return stats.articles_by_body(self.db)

    def find_articles_by_body(self, body_text: str) -> list[int]:
        return self.articles_by_body().get(stats.body_key(body_text), [])
