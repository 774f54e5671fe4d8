"""Re-running entity extraction from the app: on the current article, or on every
article not yet signed off, each as one undoable step.

Owns: ``ReextractArticleCommand`` (one article: a ``StoreEdit`` writing the fresh machine
spans), ``ReextractBatchCommand`` (the batch already written by a task, in chunks: one
``StoreEdit`` holding the events of every chunk, so undo and redo take the whole batch back
and forth in one store transaction) and ``Reextraction``, the controller the two actions
call.  The batch runs ``desktop.ops.reextraction.run_batch`` on a worker thread behind the
cancellable progress dialog, writing through a ``GuiThreadProxy`` of the store; reviewed and
rejected articles are left alone.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.ops.reextraction import BatchSummary, reextract_ids, run_batch, spans_for
from desktop.store.records import Changes
from desktop.ui.commands import StoreEdit
from desktop.ui.context import AppContext
from desktop.ui.i18n import fill
from desktop.ui.messages import Refusal
from desktop.ui.tasks import Task, on_gui_thread

if TYPE_CHECKING:
    from desktop.store.store import Store

log = logging.getLogger("newsdesk")


def ReextractArticleCommand(ctx: AppContext, article_id: int, new_spans: list[dict[str, Any]]) -> StoreEdit:  # noqa: N802
    """Replace one article's machine spans by ``new_spans`` (from ``spans_for``); ``result`` is
    the store's ``Reextracted`` (``removed`` / ``added`` spans, ``spans_skipped``)."""
    spans = [dict(s) for s in new_spans]

    def write(store: Store) -> Changes:
        result = store.replace_auto_spans(article_id, spans)
        if article_id not in result.article_ids:
            raise Refusal(QCoreApplication.translate("Commands", "The machine spans are already up to date"))
        return result

    return StoreEdit(ctx, article_id, write)


def ReextractBatchCommand(ctx: AppContext, summary: BatchSummary) -> StoreEdit:  # noqa: N802
    """A finished batch as one undo step.  The first redo (at push) writes nothing: the task
    already did; it only tells the views.  Undo and redo keep the editor where they are."""
    done = Changes(set(summary.after), {"spans"}, event_ids=list(summary.event_ids))
    command = StoreEdit(ctx, ctx.article_id, lambda store: done)
    command.show_undo = command.show_redo = None
    return command


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
        result: Any = command.result
        text = fill(
            self.tr("Re-ran extraction: %1 machine spans removed, %2 added"),
            len(result.removed.get(record.id, [])), len(result.added.get(record.id, [])),
        )
        if result.spans_skipped:
            text += " " + fill(self.tr("(%1 skipped: they overlap your spans)"), result.spans_skipped)
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
