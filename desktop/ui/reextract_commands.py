"""Re-running entity extraction from the app: on the current article, or on every
article not yet signed off, each as one undoable step.

Owns: ``ReextractArticleCommand`` (one article: redo writes the fresh machine
spans, undo puts the previous ones back with their ids), ``ReextractBatchCommand``
(the batch already written by a task; undo/redo apply the recorded before/after
spans through ``Store.replace_auto_spans_many(force=True)``) and ``Reextraction``,
the controller the two actions call.  The batch runs ``desktop.ops.reextraction.run_batch``
on a worker thread behind the cancellable progress dialog, writing through a
``GuiThreadProxy`` of the store; reviewed and rejected articles are left alone.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.ops.reextraction import BatchSummary, reextract_ids, run_batch, span_dict, spans_for
from desktop.store.errors import StoreError
from desktop.store.records import Changes
from desktop.ui.commands import StoreCommand
from desktop.ui.context import AppContext
from desktop.ui.i18n import fill
from desktop.ui.messages import Refusal
from desktop.ui.tasks import Task, on_gui_thread

if TYPE_CHECKING:
    from desktop.store.store import Store

log = logging.getLogger("newsdesk")


class ReextractArticleCommand(StoreCommand):
    """Replace one article's machine spans by ``new_spans`` (from ``spans_for``)."""

    def __init__(self, ctx: AppContext, article_id: int, new_spans: list[dict[str, Any]]) -> None:
        super().__init__(ctx, article_id, QCoreApplication.translate("Commands", "Re-run extraction"))
        self.new_spans = [dict(s) for s in new_spans]
        self.before: list[dict[str, Any]] = []  # the auto spans it removed (ids included)
        self.after: list[dict[str, Any]] | None = None  # the auto spans it wrote (ids included)
        self.spans_skipped = 0

    def forward(self, store: Store) -> Changes:
        if self.after is None:
            result = store.replace_auto_spans(self.article_id, self.new_spans)
            if self.article_id not in result.article_ids:
                raise Refusal(QCoreApplication.translate("Commands", "The machine spans are already up to date"))
            self.before = result.removed[self.article_id]
            self.after = result.added[self.article_id]
            self.spans_skipped = result.spans_skipped
            return result
        return store.replace_auto_spans(self.article_id, self.after, force=True)

    def backward(self, store: Store) -> Changes:
        return store.replace_auto_spans(self.article_id, self.before, force=True)


class ReextractBatchCommand(StoreCommand):
    """A finished batch as one undo step.  The first redo (at push) writes nothing:
    the task already did; it only tells the views."""

    def __init__(self, ctx: AppContext, summary: BatchSummary) -> None:
        super().__init__(
            ctx,
            ctx.article_id if ctx.article_id is not None else -1,
            fill(QCoreApplication.translate("Commands", "Re-run extraction on %1 articles"), len(summary.after)),
        )
        self.before = dict(summary.before)
        self.after = dict(summary.after)

    @staticmethod
    def _mapping(spans: dict[int, list[tuple]]) -> dict[int, list[dict[str, Any]]]:
        return {aid: [span_dict(t) for t in items] for aid, items in spans.items()}

    def forward(self, store: Store) -> Changes:
        if not self._applied_once:
            return Changes(set(self.after), {"spans"})
        return store.replace_auto_spans_many(self._mapping(self.after), force=True)

    def backward(self, store: Store) -> Changes:
        return store.replace_auto_spans_many(self._mapping(self.before), force=True)

    def _apply(self, write: Any) -> None:
        # Unlike single-article commands, undo/redo keep the editor on the article they are at.
        try:
            self.ctx.apply(write)
        except StoreError as err:
            if not self._applied_once:
                self.setObsolete(True)
            self.ctx.note_failure(err)
            return
        self._applied_once = True

    def redo(self) -> None:
        self._apply(self.forward)

    def undo(self) -> None:
        self._apply(self.backward)


class Reextraction(QObject):
    """What the two re-extraction actions do."""

    batch_finished = Signal(object)  # BatchSummary, or None when the task failed

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_task: Task | None = None

    def _say(self, text: str) -> None:
        self.ctx.status_message.emit(text)

    def _writable(self) -> bool:
        if not self.ctx.has_store:
            return False
        if self.ctx.store.readonly:
            self._say(self.tr("The project is open read-only"))
            return False
        return True

    # --- one article ------------------------------------------------------------------
    def rerun_article(self) -> bool:
        record = self.ctx.record
        if record is None or not self._writable():
            return False
        if record.status == "reviewed":
            self._say(self.tr("This article is reviewed: its spans stay as signed off. Set it back to in review to re-run extraction."))
            return False
        command = ReextractArticleCommand(self.ctx, record.id, spans_for(record.body))
        if not self.ctx.push(command):
            return False
        text = fill(
            self.tr("Re-ran extraction: %1 machine spans removed, %2 added"), len(command.before), len(command.after or [])
        )
        if command.spans_skipped:
            text += " " + fill(self.tr("(%1 skipped: they overlap your spans)"), command.spans_skipped)
        self._say(text)
        return True

    # --- every article not signed off --------------------------------------------------------
    def rerun_unreviewed(self, confirmed: bool = False) -> Task | None:
        """Re-extract every open article on a worker; ``confirmed``: the editor already said yes
        (after training a model: ``training_flow``)."""
        if not self._writable():
            return None
        if self.last_task is not None and self.last_task.is_running():
            self._say(self.tr("Extraction is already being re-run"))
            return None
        store = self.ctx.store
        ids = reextract_ids(store)
        if not ids:
            self._say(self.tr("Every article is reviewed or rejected: nothing to re-extract"))
            return None
        question = fill(
            self.tr(
                "Re-run entity extraction on %1 articles that are not reviewed or rejected?\n\n"
                "Their machine spans are replaced; spans you made or imported stay. "
                "You can undo it in one step."
            ),
            len(ids),
        )
        if not confirmed and not self.ctx.interaction.confirm(self.tr("Re-run extraction"), question):
            return None
        proxy = on_gui_thread(store)

        def work(progress: Any, cancelled: Any) -> BatchSummary:
            return run_batch(proxy, ids, progress, cancelled)

        task = self.ctx.tasks.run("reextract", work, show_progress=True, label=self.tr("Re-running extraction…"))
        task.succeeded.connect(lambda summary, s=store: self._on_batch_done(s, summary))
        task.failed.connect(self._on_batch_failed)
        self.last_task = task
        return task

    def _on_batch_done(self, store: Store, summary: BatchSummary) -> None:
        if not self.ctx.has_store or self.ctx.store is not store:
            self.batch_finished.emit(summary)  # the project was closed meanwhile: its undo history is gone
            return
        if summary.after:
            self.ctx.push(ReextractBatchCommand(self.ctx, summary))
        text = fill(
            self.tr("Re-ran extraction on %1 articles: %2 changed, %3 machine spans removed, %4 added"),
            summary.processed, summary.changed, summary.spans_removed, summary.spans_added,
        )
        if summary.cancelled:
            text = self.tr("Cancelled.") + " " + text
        self._say(text)
        for aid, error in summary.failed:
            log.warning("re-extraction failed on article %s: %s", aid, error)
        if summary.error:
            log.warning("re-extraction stopped: %s", summary.error)
        problems = []
        if summary.failed:
            titles = [t or self.tr("(no title)") for t in self._titles([aid for aid, _e in summary.failed[:10]])]
            problems.append(fill(
                self.tr("%1 articles could not be re-extracted; their spans are as they were. The log has the details. %2"),
                len(summary.failed), "、".join(f"「{t}」" for t in titles) + ("…" if len(summary.failed) > 10 else ""),
            ))
        if summary.error:
            problems.append(self.tr(
                "The re-extraction stopped before the end: what was done is saved (Ctrl+Z undoes it). "
                "Try again; the log has the details."
            ))
        if problems:
            self.ctx.interaction.show_error(self.tr("Some articles were not re-extracted"), "\n\n".join(problems))
        self.batch_finished.emit(summary)

    def _titles(self, ids: list[int]) -> list[str]:
        rows = self.ctx.store.article_rows(ids) if self.ctx.has_store else {}
        return [rows[a].title if a in rows else "" for a in ids]

    def _on_batch_failed(self, error: str) -> None:
        log.warning("re-extraction failed: %s", error)
        self.ctx.interaction.show_error(
            self.tr("Re-running extraction failed"),
            self.tr(
                "The re-extraction stopped with an error. Articles finished before it keep their new machine spans; "
                "spans you made are never touched. Try again; the log has the details."
            ),
        )
        self.batch_finished.emit(None)
