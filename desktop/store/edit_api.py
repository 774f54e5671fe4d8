"""The Store's edits of one article's fields, spans, status and tags; revert; re-extraction.

Owns: ``EditMethods`` (a mixin of ``store.Store``).  Each edit is one transaction that records
its events and the article's state before and after it (``journal.py``; ``undo.py`` takes it
back) and returns ``Changes``; the scope each declares is the articles it changes.

    store.set_field(article_id, name, value, flags=None) -> Changes  (name in records.EDITABLE_FIELDS; the title
                   updates the title flags, see annotations.flags_after_title; flags given are written as given)
    store.set_authors(article_id, authors: list[dict]) -> Changes
    store.set_body(article_id, body) -> Changes   (spans and sections follow the edit; see body.py)
    store.add_span(article_id, start, end, label, *, value=None, origin="human", span_id=None,
                   confidence=None, suggested=UNSET) -> Changes
                   (Changes.span_id = new id; errors.OverlapError if it overlaps another span of the article,
                   errors.StoreError if out of the body)
    store.update_span(span_id, *, start=None, end=None, label=None, value=UNSET, origin=None,
                      needs_check=None) -> Changes   (an editor's change makes an auto span "human")
    store.remove_span(span_id) -> Changes          store.remove_spans(span_ids) -> Changes
    store.add_spans(items) -> spans.SpansAdded  (label-all: many spans in ONE transaction; .span_ids per item,
                   None where refused)
    store.accept_auto_spans(article_id) -> Changes          (origin auto -> human)
    store.set_status(article_id, status) -> Changes         (reviewed sets reviewer/reviewed_at)
    store.set_tags(article_id, tags: list[str]) -> Changes
    store.tag_vocabulary() -> list[dict]  ({"name","group"})   store.add_tag(name, group="topic") -> Changes
    store.revert_plan(article_id, event_id) -> journal.RevertPlan (what a revert would undo)
    store.revert_article(article_id, event_id) -> Changes   (as right after event_id; 0 = as imported)
    store.replace_auto_spans(article_id, spans, *, force=False) -> reextract.Reextracted
    store.replace_auto_spans_many(mapping, *, force=False, skip_statuses=(), bodies=None, model_id=UNSET)
                   -> reextract.Reextracted   (ONE transaction; see reextract.py)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from desktop.store import annotations as field_edits
from desktop.store import (
    articles,
    body,
    journal,
    models,
    reextract,
    spans,
)
from desktop.store.core import StoreCore, reading
from desktop.store.records import Changes
from desktop.store.spans import UNSET


class EditMethods(StoreCore):
    """Mixed into ``Store``; see the module docstring."""

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

    def accept_auto_spans(self, article_id: int) -> Changes:
        with self._write([article_id]) as db:
            return spans.accept_auto_spans(db, self.editor, article_id)

    def set_status(self, article_id: int, status: str) -> Changes:
        with self._write([article_id]) as db:
            return field_edits.set_status(db, self.editor, article_id, status)

    def set_tags(self, article_id: int, tags: list[str]) -> Changes:
        with self._write([article_id]) as db:
            return field_edits.set_tags(db, self.editor, article_id, tags)

    @reading
    def tag_vocabulary(self) -> list[dict[str, str]]:
        return field_edits.tag_vocabulary(self.db)

    def add_tag(self, name: str, group: str = "topic") -> Changes:
        with self._write() as db:
            return field_edits.add_tag(db, self.editor, name, group)

    @reading
    def revert_plan(self, article_id: int, event_id: int) -> journal.RevertPlan:
        return journal.revert_plan(self.db, article_id, event_id)

    def revert_article(self, article_id: int, event_id: int) -> Changes:
        # article scope when only the article changes, page scope when the page goes back too
        def page() -> int | None:
            page_level = journal.revert_plan(self.db, article_id, event_id).page_event is not None
            return articles.page_of(self.db, article_id) if page_level else None

        with self._write([article_id], page=page) as db:
            return journal.revert_article(db, self.editor, article_id, event_id)

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
