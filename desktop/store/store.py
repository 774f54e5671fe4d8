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
    store.set_field(article_id, name, value) -> Changes     (name in records.EDITABLE_FIELDS)
    store.set_authors(article_id, authors: list[dict]) -> Changes
    store.add_span(article_id, start, end, label, *, value=None, origin="human",
                   span_id=None) -> Changes                 (Changes.span_id = new id;
                   raises errors.OverlapError if it overlaps another span of the article,
                   errors.StoreError if out of the body; span_id lets undo restore the same id)
    store.update_span(span_id, *, start=None, end=None, label=None, value=UNSET) -> Changes
    store.remove_span(span_id) -> Changes
    store.accept_auto_spans(article_id) -> Changes          (origin auto -> human)
    store.set_status(article_id, status) -> Changes         (reviewed sets reviewer/reviewed_at)
    store.set_tags(article_id, tags: list[str]) -> Changes
    store.tag_vocabulary() -> list[dict]                    ({"name","group"}; default set from resources)
    store.add_tag(name, group="topic") -> Changes
    store.events(article_id=None, limit=500) -> list[Event]

    # export
    store.iter_records(flt=ArticleFilter()) -> Iterator[dict]   (the JSONL record of the export issue)
    store.label_counts(flt=ArticleFilter()) -> dict[str, int]
"""

from __future__ import annotations
