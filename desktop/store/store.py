"""The Store facade: the one API through which the app, the CLI and the exporters
read and write a Newsdesk project (one SQLite file).

Owns: opening/creating a project, typed reads, and writes that each run in one
transaction, record an event (who, when, what, before, after) and return a
``Changes``.  Nothing outside ``desktop.store`` runs SQL.

CONTRACT (the UI and CLI are written against these signatures; keep them):

    Store.open(path, *, create=True, readonly=False, editor=None) -> Store
        raises errors.NotAProjectError   (corrupt / non-SQLite / foreign db; file untouched)
               errors.NewerSchemaError   (written by a newer Newsdesk; file untouched)
               errors.ProjectLockedError (another process holds the write lock)
        An older schema is migrated after a backup copy "<name>.bak-v<N>" is written beside it.
    store.path, store.readonly, store.editor (str, settable), store.close()

    # pages / import
    store.has_page_hash(content_hash) -> bool
    store.add_page(source_name, raw_text, text, content_hash, result: PageResult,
                   *, encoding="utf-8") -> ImportOutcome       (one transaction)
    store.pages() -> list[PageInfo]
    store.page_text(page_id) -> str                         (normalised page text)

    # reading articles
    store.count_articles(flt: ArticleFilter = ArticleFilter()) -> int
    store.article_ids(flt=ArticleFilter(), sort="page", descending=False) -> list[int]
    store.article_rows(ids: Sequence[int]) -> dict[int, ArticleRow]
    store.get_article(article_id) -> ArticleRecord
    store.neighbour_id(article_id, direction: +1|-1, flt=ArticleFilter(),
                       unreviewed_only=False) -> int | None  (in the default page/position order)
    store.search(query, limit=200) -> list[int]             (article ids, Chinese, 2+ chars fast)
    store.progress() -> tuple[int, int]                     (reviewed, total)

    # edits: each one transaction + one event row; each returns Changes
    store.set_field(article_id, name, value, flags=None) -> Changes  (name in records.EDITABLE_FIELDS; the title
                   updates the title flags, see annotations.flags_after_title; flags given are written as given)
    store.set_authors(article_id, authors: list[dict]) -> Changes
    store.add_span(article_id, start, end, label, *, value=None, origin="human", span_id=None) -> Changes
                   (Changes.span_id = new id; errors.OverlapError if it overlaps another span of the article,
                   errors.StoreError if out of the body)
    store.update_span(span_id, *, start=None, end=None, label=None, value=UNSET) -> Changes
    store.remove_span(span_id) -> Changes
    store.accept_auto_spans(article_id) -> Changes          (origin auto -> human)
    store.add_spans(items) -> spans.SpansAdded  (label-all: many spans in ONE transaction; .span_ids per item,
                   None where refused)    store.remove_spans(span_ids) -> Changes
    store.search_hits(query, ids) -> {id: records.SearchHit}  (hit count + snippet per article)
    store.occurrences(text, ids, statuses=(), context=16) -> (list[records.Occurrence], ids left out by status)
    store.set_status(article_id, status) -> Changes         (reviewed sets reviewer/reviewed_at)
    store.set_tags(article_id, tags: list[str]) -> Changes
    store.tag_vocabulary() -> list[dict]                    ({"name","group"}; default set from resources)
    store.add_tag(name, group="topic") -> Changes
    store.events(article_id=None, limit=500) -> list[Event]

    # export
    store.iter_records(flt=ArticleFilter()) -> Iterator[dict]   (the JSONL record of the export issue)
    store.label_counts(flt=ArticleFilter()) -> dict[str, int]

Additions beyond the contract (same rules):

    store.add_pages(pages: Sequence[PageInput]) -> list[ImportOutcome]   (all in one transaction)
    store.add_page(..., source_name_raw=None)   (a file name's bytes when not UTF-8; source_name shows them escaped)
    store.set_body(article_id, body) -> Changes   (spans and sections follow the edit; see body.py)
    store.update_span(..., origin=None, needs_check=None)   (an editor's change of label, boundaries or
                   value makes an auto/imported span "human"; see span_origin.py)
    store.add_span(..., confidence=None, suggested=UNSET)   (suggested: who first proposed the span)
    store.rebuild_search_index()
    store.integrity_check() -> str                  ("ok" or SQLite's list of problems)
    ArticleFilter.include_superseded, ArticleRow.page_version / .superseded,
    ImportOutcome.spans_dropped / .version
    store.stats() -> stats.ProjectStats           (status, review throughput, spans, editor changes)
    store.find_articles_by_body(body) -> list[int] (same body after normalising whitespace; current pages)
    store.articles_by_body() -> dict[str, list[int]] (stats.body_key(body) -> ids, for bulk matching)

    # segmentation (see segmentation.py; Changes.kinds has "articles" when membership changed)
    store.split_article(article_id, body_offset) -> Changes   (new article right after; Changes.article_ids
                   holds both; a span crossing the cut stays whole in the first part, needs_check)
    store.merge_articles(first_id, second_id) -> Changes      (same page, adjacent; second removed)
    store.promote_line(article_id, paragraph, field) -> Changes (body paragraph -> title/kicker/subtitle)
    store.demote_field(article_id, field="title") -> Changes  (field -> first body paragraph)
    store.original_body(article_id) -> str                   (rebuilt from segments over the page text)
    store.restore_original_body(article_id) -> Changes        (set_body(original_body))
    store.snapshot_articles(page_id) -> dict   store.restore_articles(snapshot) -> Changes (the page exactly so)
    store.page_layout(page_id) -> dict   ({"text", "articles": [{"id","position","title","segments"}], "blocks"})
    # page blocks (see page_blocks.py; a range is widened to whole "\n" paragraphs; a span crossing its
    #   edge refuses; blocks of no article are page_layout's "blocks", kind "not_article" when an editor set them)
    store.move_paragraphs(article_id, start, end, target_id) -> Changes (to another article of the page: end of
                   its body when it comes first, start when after; spans keep ids; all paragraphs -> refused)
    store.mark_caption(article_id, start, end) -> Changes     (paragraphs -> captions; auto spans there removed,
                   human/imported refuse)
    store.mark_not_article(article_id, start=None, end=None, *, drop_checked=False) -> Changes  (no range: the
                   article becomes blocks and goes; range: those paragraphs do; checked spans refuse unless drop_checked)
    store.make_article(page_id, block_index, spans=()) -> Changes  (block -> new unreviewed article placed by page
                   offset; spans {start,end,label,value} become auto spans; Changes.article_ids = {new id})
    store.block_to_caption(page_id, block_index, article_id) -> Changes  (block -> captions of the article)

    # undo (see undo.py; every write keeps the states before and after it, Changes.event_ids names its events)
    store.undo_events(ids) / store.redo_events(ids) -> Changes  (errors.UndoRefused says why not)
    # history (see journal.py)
    store.article_history(article_id, limit=500) -> list[Event]  (newest first; page-level edits that
                   changed the article included)
    store.revert_plan(article_id, event_id) -> journal.RevertPlan (what a revert would undo; .missing when
                   the point predates the journal; .other_articles when the page's segmentation goes back too)
    store.revert_article(article_id, event_id) -> Changes   (as right after event_id; 0 = as imported)

    # re-extraction (see reextract.py; returns reextract.Reextracted, a Changes with .removed/.added
    #   per changed article, .spans_skipped, .articles_skipped; one "reextract" event per changed article)
    store.replace_auto_spans(article_id, spans: list[dict], *, force=False) -> Reextracted
                   (origin "auto" spans replaced by spans {start,end,label,value[,id,text,needs_check]};
                   human/imported spans stay, new ones overlapping them or outside the body are skipped;
                   StoreError for a reviewed article unless force)
    store.replace_auto_spans_many(mapping: {article_id: spans}, *, force=False, skip_statuses=(),
                   bodies=None) -> Reextracted   (all in ONE transaction; gone / skip_statuses / body
                   changed since `bodies` -> left out, listed in .articles_skipped)
    store.article_bodies(ids) -> dict[int, str]
    store.replace_auto_spans_many(..., model_id=M)   (also records which stored model made the spans)

    # project models (see models.py; bytes are opaque here: desktop.pipeline.project_model reads them)
    store.models() -> list[models.ModelInfo]     store.model_data(id) -> bytes
    store.current_model() -> (id, bytes) | None  store.add_model(data, header, make_current=True) -> id
    store.set_current_model(id | None)           store.delete_model(id)
    store.training_texts(include_imported=False) -> [(article id, body, [(start, end, label)])]
    store.training_texts_reader(include_imported=False) -> callable for a worker thread (own connection)
    store.learning_stats() -> learning_stats.LearningStats
    store.uncertain_article_ids(below) -> set[int]   (articles with a machine span of confidence < below)
    store.mark_extracted(article_ids, model_id | None)   store.mark_page_extracted(page_id, model_id | None)

Team work (work packages, merging, adjudication): see ``team_facade.py``.

Threads: one Store may be used from a worker thread and the GUI thread; each
call holds the store's lock, so calls never interleave inside a transaction.
Every ``sqlite3`` error leaves as a ``StoreError`` with a readable message.
"""

from __future__ import annotations

import contextlib
import getpass
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from desktop.pipeline.model import PageResult
from sqlite_utils import Database

from desktop.store import annotations as field_edits, articles, body, journal, pages, search, spans, stats
from desktop.store import lazy_search, models, page_order, records, reextract

from desktop.store.db import connect, open_database, translate_errors, write_transaction
from desktop.store.errors import NotFoundError, ReadOnlyError, StoreError
from desktop.store.events import events_by_ids, list_events
from desktop.store.export_records import export_ids, iter_records
from desktop.store.records import ArticleFilter, ArticleRecord, ArticleRow, Changes, Event, ImportOutcome, PageInfo, PageInput
from desktop.store.spans import UNSET
from desktop.store.team_facade import TeamMethods
from desktop.store.undo import UndoMethods, journalled, note_write

__all__ = ["Store", "UNSET"]

P = ParamSpec("P")
R = TypeVar("R")


# Imported on first use: segmentation and page blocks pull in the pipeline's text repair
# (cn2an, a few hundred compiled patterns: ~0.5 s), which opening a project and showing
# its first article do not need.
def _segmentation() -> Any:
    from desktop.store import segmentation

    return segmentation


def _page_blocks() -> Any:
    from desktop.store import page_blocks

    return page_blocks


def _reading(fn: Callable[P, R]) -> Callable[P, R]:
    @wraps(fn)
    def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        self = args[0]
        with self._lock, translate_errors():  # type: ignore[attr-defined]
            return fn(*args, **kwargs)

    return inner


def _default_editor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers, Windows services)
        return "editor"


@journalled
class Store(TeamMethods, UndoMethods):
    """One open project.  Build with ``Store.open``; see the module docstring."""

    def __init__(self, path: Path, db: Any, lock: Any, readonly: bool, editor: str) -> None:
        self.path = path
        self.readonly = readonly
        self.editor = editor
        self._db = db
        self._file_lock = lock
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, readonly: bool = False, editor: str | None = None) -> Store:
        path = Path(path)
        db, lock = open_database(path, create=create, readonly=readonly)
        store = cls(path, db, lock, readonly, editor or _default_editor())
        if editor is None:  # a work package opens under its editor's name (team_facade.py)
            store.editor = (store.package_info() or {}).get("package_editor") or store.editor
        return store

    def close(self) -> None:
        with self._lock:
            if self._db is None:
                return
            try:
                if not self.readonly:
                    with contextlib.suppress(Exception):
                        self._db.execute("PRAGMA optimize")
                self._db.close()
            finally:
                self._db = None
                if self._file_lock is not None:
                    self._file_lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._db is None

    @property
    def db(self) -> Any:
        if self._db is None:
            raise StoreError("the project is closed", code="project_closed")
        return self._db

    @contextlib.contextmanager
    def _write(
        self,
        articles: Iterable[int] | Callable[[], Iterable[int]] = (),
        page: int | Callable[[], int | None] | None = None,
    ) -> Iterator[Any]:
        """One transaction under the store lock; sqlite3 errors become StoreError.

        ``articles`` / ``page``: whose state the journal keeps from before this write
        (article scope, or the whole page for edits that change its articles).  Either may be
        a function that looks the scope up (the page of an article, the article of a span): it
        runs inside the transaction, so no other write can move the article in between."""
        if self.readonly:
            raise ReadOnlyError(f"{self.path.name} is open read-only; changes cannot be saved.")
        with self._lock, translate_errors(), write_transaction(self.db):
            if callable(articles):
                articles = list(articles())
            if callable(page):
                page = page()
            pending = journal.begin(self.db, articles, page) if (articles or page is not None) else None
            yield self.db
            if pending is not None:
                note_write(journal.attach(self.db, pending))

    # pages / import -------------------------------------------------------
    @_reading
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

    @_reading
    def pages(self) -> list[PageInfo]:
        return pages.page_infos(self.db)

    @_reading
    def page_text(self, page_id: int) -> str:
        text = pages.page_text(self.db, page_id)
        if text is None:
            raise NotFoundError(f"page {page_id} does not exist", kind="page", id=page_id)
        return text

    # reading articles -----------------------------------------------------
    @_reading
    def count_articles(self, flt: ArticleFilter = ArticleFilter()) -> int:
        return articles.count_articles(self.db, flt)

    @_reading
    def article_ids(self, flt: ArticleFilter = ArticleFilter(), sort: str = "page", descending: bool = False) -> list[int]:
        return articles.article_ids(self.db, flt, sort, descending)

    # Compact id arrays and the page order read off the GUI thread (issue 17; see page_order.py).
    @_reading
    def article_id_array(self, flt: ArticleFilter = ArticleFilter(), sort: str = "page", descending: bool = False) -> Any:
        """``article_ids`` as an int64 numpy array (8 bytes an article)."""
        return articles.article_id_array(self.db, flt, sort, descending)

    @_reading
    def first_article_ids(
        self, flt: ArticleFilter = ArticleFilter(), sort: str = "page", descending: bool = False, limit: int = 200
    ) -> list[int]:
        """The first ``limit`` ids of ``article_ids`` without reading them all."""
        return articles.first_article_ids(self.db, flt, sort, descending, limit)

    @_reading
    def order_cached(self) -> bool:
        return page_order.cached(self.db)

    @_reading
    def order_reader(self) -> Callable[[], tuple[Any, Any]]:
        """A callable for a worker thread: reads the page order on its own read-only connection
        and returns (token, ids) for ``adopt_order``.  Touches nothing of this store."""
        token, path = page_order.order_state(self.db), self.path

        def read() -> tuple[Any, Any]:
            conn = connect(path, readonly=True)
            try:
                with translate_errors():
                    return token, page_order.read_order(conn)
            finally:
                conn.close()

        return read

    @_reading
    def adopt_order(self, token: Any, ids: Any) -> bool:
        """Keep a page order read by ``order_reader`` if nothing changed since; False: not kept."""
        return page_order.adopt(self.db, token, ids)

    # A plain text search in two steps: the first hits at once, every hit from a worker (lazy_search.py).
    @_reading
    def first_search_ids(self, query: str, limit: int, descending: bool = False) -> tuple[list[int], bool] | None:
        """(first ``limit`` hits in page order, whether that is all) or None: list them all at once."""
        return lazy_search.first_hits(self.db, query, limit, descending)

    @_reading
    def search_reader(self, query: str) -> Callable[[], tuple[Any, Any]]:
        """A callable for a worker thread: every hit of ``query`` read on its own read-only
        connection, as (token, ids) for ``search_in_page_order``.  Touches nothing of this store."""
        token, path = lazy_search.hits_token(self.db), self.path

        def read() -> tuple[Any, Any]:
            conn = connect(path, readonly=True)
            try:
                with translate_errors():
                    return token, lazy_search.read_hits(conn, query)
            finally:
                conn.close()

        return read

    @_reading
    def search_in_page_order(self, token: Any, hits: Any, descending: bool = False) -> Any:
        """Hits read by ``search_reader`` in page order; None if anything changed since: search again."""
        return lazy_search.hits_in_page_order(self.db, token, hits, descending)

    @_reading
    def article_rows(self, ids: Sequence[int]) -> dict[int, ArticleRow]:
        return articles.article_rows(self.db, ids)

    @_reading
    def get_article(self, article_id: int) -> ArticleRecord:
        return articles.get_article(self.db, article_id)

    @_reading
    def neighbour_id(
        self, article_id: int, direction: int, flt: ArticleFilter = ArticleFilter(), unreviewed_only: bool = False
    ) -> int | None:
        return articles.neighbour_id(self.db, article_id, direction, flt, unreviewed_only)

    @_reading
    def search(self, query: str, limit: int = 200) -> list[int]:
        if not query.strip():
            return []
        return articles.article_ids(self.db, ArticleFilter(query=query))[:limit]

    @_reading
    def progress(self) -> tuple[int, int]:
        return articles.progress(self.db)

    @_reading
    def progress_reader(self) -> Callable[[], tuple[int, int]]:
        """``progress`` as a callable for a worker thread (its own read-only connection)."""
        path = self.path

        def read() -> tuple[int, int]:
            conn = connect(path, readonly=True)
            try:
                with translate_errors():
                    row = conn.execute(articles.PROGRESS_SQL).fetchone()
                    return row[0], row[1]
            finally:
                conn.close()

        return read

    # edits ------------------------------------------------------------------
    def set_field(self, article_id: int, name: str, value: str | None, flags: list[str] | None = None) -> Changes:
        with self._write([article_id]) as db:
            return field_edits.set_field(db, self.editor, article_id, name, value, flags)

    def set_authors(self, article_id: int, authors: list[dict[str, str]]) -> Changes:
        with self._write([article_id]) as db:
            return field_edits.set_authors(db, self.editor, article_id, authors)

    def set_body(self, article_id: int, new_body: str) -> Changes:
        with self._write([article_id]) as db:
            return body.set_body(db, self.editor, article_id, new_body)

    def add_span(
        self, article_id: int, start: int, end: int, label: str, *, value: Any = None, origin: str = "human",
        span_id: int | None = None, confidence: float | None = None, suggested: Any = UNSET,
    ) -> Changes:
        with self._write([article_id]) as db:
            return spans.add_span(
                db, self.editor, article_id, start, end, label, value=value, origin=origin, span_id=span_id,
                confidence=confidence, suggested=suggested,
            )

    def update_span(
        self, span_id: int, *, start: int | None = None, end: int | None = None, label: str | None = None,
        value: Any = UNSET, origin: str | None = None, needs_check: bool | None = None,
    ) -> Changes:
        with self._write(lambda: spans.owners(self.db, [span_id])) as db:
            return spans.update_span(
                db, self.editor, span_id, start=start, end=end, label=label, value=value, origin=origin,
                needs_check=needs_check,
            )

    def remove_span(self, span_id: int) -> Changes:
        with self._write(lambda: spans.owners(self.db, [span_id])) as db:
            return spans.remove_span(db, self.editor, span_id)

    def add_spans(self, items: list[dict[str, Any]]) -> spans.SpansAdded:
        with self._write(list(dict.fromkeys(i["article_id"] for i in items))) as db:
            return spans.add_spans(db, self.editor, items)

    def remove_spans(self, span_ids: Sequence[int]) -> Changes:
        with self._write(lambda: spans.owners(self.db, span_ids)) as db:
            return spans.remove_spans(db, self.editor, list(span_ids))

    @_reading
    def search_hits(self, query: str, ids: Sequence[int]) -> dict[int, records.SearchHit]:
        return search.search_hits(self.db, query, ids)

    @_reading
    def occurrences(
        self, text: str, ids: Sequence[int], statuses: Sequence[str] = (), context: int = 16
    ) -> tuple[list[records.Occurrence], list[int]]:
        return search.occurrences(self.db, text, ids, statuses, context)

    def accept_auto_spans(self, article_id: int) -> Changes:
        with self._write([article_id]) as db:
            return spans.accept_auto_spans(db, self.editor, article_id)

    def set_status(self, article_id: int, status: str) -> Changes:
        with self._write([article_id]) as db:
            return field_edits.set_status(db, self.editor, article_id, status)

    def set_tags(self, article_id: int, tags: list[str]) -> Changes:
        with self._write([article_id]) as db:
            return field_edits.set_tags(db, self.editor, article_id, tags)

    @_reading
    def tag_vocabulary(self) -> list[dict[str, str]]:
        return field_edits.tag_vocabulary(self.db)

    def add_tag(self, name: str, group: str = "topic") -> Changes:
        with self._write() as db:
            return field_edits.add_tag(db, self.editor, name, group)

    @_reading
    def events(self, article_id: int | None = None, limit: int = 500) -> list[Event]:
        return list_events(self.db, article_id, limit)

    def rebuild_search_index(self) -> None:
        with self._write() as db:
            search.rebuild(db)

    @_reading
    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check``: "ok", or the problems found (one per line)."""
        rows = self.db.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(str(r[0]) for r in rows)

    # export -----------------------------------------------------------------
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

    @_reading
    def export_ids(self, flt: ArticleFilter = ArticleFilter()) -> Any:
        """The ids ``iter_records(flt)`` yields, in order, as an int64 array (for chunked exports)."""
        return export_ids(self.db, flt)

    @_reading
    def label_counts(self, flt: ArticleFilter = ArticleFilter()) -> dict[str, int]:
        return articles.label_counts(self.db, flt)

    # statistics and matching (additions) --------------------------------------
    @_reading
    def stats(self) -> stats.ProjectStats:
        return stats.project_stats(self.db)

    @_reading
    def articles_by_body(self) -> dict[str, list[int]]:
        return stats.articles_by_body(self.db)

    def find_articles_by_body(self, body_text: str) -> list[int]:
        return self.articles_by_body().get(stats.body_key(body_text), [])

    # segmentation (additions) ------------------------------------------------------------
    def split_article(self, article_id: int, body_offset: int) -> Changes:
        with self._write(page=lambda: articles.page_of(self.db, article_id)) as db:
            return _segmentation().split_article(db, self.editor, article_id, body_offset)

    def merge_articles(self, first_id: int, second_id: int) -> Changes:
        with self._write(page=lambda: articles.page_of(self.db, first_id)) as db:
            return _segmentation().merge_articles(db, self.editor, first_id, second_id)

    def promote_line(self, article_id: int, paragraph: int, field: str) -> Changes:
        with self._write([article_id]) as db:
            return _segmentation().promote_line(db, self.editor, article_id, paragraph, field)

    def demote_field(self, article_id: int, field: str = "title") -> Changes:
        with self._write([article_id]) as db:
            return _segmentation().demote_field(db, self.editor, article_id, field)

    @_reading
    def original_body(self, article_id: int) -> str:
        return _segmentation().original_body(self.db, article_id)

    def restore_original_body(self, article_id: int) -> Changes:
        with self._write([article_id]) as db:
            return _segmentation().restore_original_body(db, self.editor, article_id)

    @_reading
    def snapshot_articles(self, page_id: int) -> dict[str, Any]:
        return _segmentation().snapshot_articles(self.db, page_id)

    def restore_articles(self, snapshot: dict[str, Any]) -> Changes:
        page_id = snapshot.get("page_id") if isinstance(snapshot, dict) else None
        with self._write(page=page_id if isinstance(page_id, int) else None) as db:
            return _segmentation().restore_articles(db, self.editor, snapshot)

    @_reading
    def page_layout(self, page_id: int) -> dict[str, Any]:
        return _segmentation().page_layout(self.db, page_id)

    # history: revert an article to a recorded point (additions; see journal.py) ----------
    @_reading
    def revert_plan(self, article_id: int, event_id: int) -> journal.RevertPlan:
        return journal.revert_plan(self.db, article_id, event_id)

    def revert_article(self, article_id: int, event_id: int) -> Changes:
        # article scope when only the article changes, page scope when the page goes back too
        def page() -> int | None:
            page_level = journal.revert_plan(self.db, article_id, event_id).page_event is not None
            return articles.page_of(self.db, article_id) if page_level else None

        with self._write([article_id], page=page) as db:
            return journal.revert_article(db, self.editor, article_id, event_id)

    @_reading
    def article_history(self, article_id: int, limit: int = 500) -> list[Event]:
        """The article's events newest first, page-level edits that changed it included."""
        return events_by_ids(self.db, journal.history_event_ids(self.db, article_id)[-limit:])

    # re-extraction (additions) --------------------------------------------------------------
    def replace_auto_spans(
        self, article_id: int, new_spans: Sequence[dict[str, Any]], *, force: bool = False
    ) -> reextract.Reextracted:
        with self._write([article_id]) as db:
            return reextract.replace_auto_spans(db, self.editor, article_id, new_spans, force=force)

    def replace_auto_spans_many(
        self, mapping: Mapping[int, Sequence[dict[str, Any]]], *, force: bool = False,
        skip_statuses: Sequence[str] = (), bodies: dict[int, str] | None = None, model_id: Any = UNSET,
    ) -> reextract.Reextracted:
        with self._write(list(mapping)) as db:
            result = reextract.replace_auto_spans_many(
                db, self.editor, mapping, force=force, skip_statuses=skip_statuses, bodies=bodies
            )
            if model_id is not UNSET:
                models.mark_extracted(db, [a for a in mapping if a not in set(result.articles_skipped)], model_id)
            return result

    # project models (see models.py) ----------------------------------------------------------
    @_reading
    def learning_stats(self) -> Any:
        """``learning_stats.LearningStats``: machine P/R per model version, editor changes per day."""
        from desktop.store.learning_stats import learning_stats

        return learning_stats(self.db)

    @_reading
    def models(self) -> list[models.ModelInfo]:
        return models.list_models(self.db)

    @_reading
    def model_data(self, model_id: int) -> bytes:
        return models.model_data(self.db, model_id)

    @_reading
    def current_model(self) -> tuple[int, bytes] | None:
        """(id, bytes) of the project's current model, or None (the shipped model is used)."""
        return models.current_model(self.db)

    @_reading
    def uncertain_article_ids(self, below: float) -> set[int]:
        return models.uncertain_article_ids(self.db, below)

    @_reading
    def training_texts(self, include_imported: bool = False) -> list[tuple[int, str, list[tuple[int, int, str]]]]:
        return models.training_texts(self.db, include_imported)

    def training_texts_reader(self, include_imported: bool = False) -> Callable[[], list[tuple[int, str, list[tuple[int, int, str]]]]]:
        """``training_texts`` as a callable for a worker thread (its own read-only connection)."""
        path = self.path

        def read() -> list[tuple[int, str, list[tuple[int, int, str]]]]:
            conn = connect(path, readonly=True)
            try:
                with translate_errors():
                    return models.training_texts(conn, include_imported)
            finally:
                conn.close()

        return read

    def add_model(self, data: bytes, header: dict[str, Any], *, make_current: bool = True) -> int:
        with self._write() as db:
            return models.add_model(db, self.editor, data, header, make_current=make_current)

    def set_current_model(self, model_id: int | None) -> None:
        with self._write() as db:
            models.set_current(db, model_id)

    def delete_model(self, model_id: int) -> None:
        with self._write() as db:
            models.delete_model(db, model_id)

    def mark_extracted(self, article_ids: Sequence[int], model_id: int | None) -> None:
        with self._write() as db:
            models.mark_extracted(db, list(article_ids), model_id)

    def mark_page_extracted(self, page_id: int, model_id: int | None) -> None:
        with self._write() as db:
            models.mark_page_extracted(db, page_id, model_id)

    @_reading
    def article_bodies(self, ids: Sequence[int]) -> dict[int, str]:
        return reextract.article_bodies(self.db, ids)

    # page blocks (additions) -----------------------------------------------------------------
    def move_paragraphs(self, article_id: int, start: int, end: int, target_id: int) -> Changes:
        with self._write(page=lambda: articles.page_of(self.db, article_id)) as db:
            return _page_blocks().move_paragraphs(db, self.editor, article_id, start, end, target_id)

    def mark_caption(self, article_id: int, start: int, end: int) -> Changes:
        with self._write([article_id]) as db:
            return _page_blocks().mark_caption(db, self.editor, article_id, start, end)

    def mark_not_article(
        self, article_id: int, start: int | None = None, end: int | None = None, *, drop_checked: bool = False
    ) -> Changes:
        with self._write(page=lambda: articles.page_of(self.db, article_id)) as db:
            return _page_blocks().mark_not_article(db, self.editor, article_id, start, end, drop_checked=drop_checked)

    def make_article(self, page_id: int, block_index: int, spans: Sequence[dict[str, Any]] = ()) -> Changes:
        with self._write(page=page_id) as db:
            return _page_blocks().make_article(db, self.editor, page_id, block_index, list(spans))

    def block_to_caption(self, page_id: int, block_index: int, article_id: int) -> Changes:
        with self._write(page=page_id) as db:
            return _page_blocks().block_to_caption(db, self.editor, page_id, block_index, article_id)
