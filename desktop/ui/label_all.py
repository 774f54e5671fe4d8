"""Label all occurrences of what the editor points at: in this article, or in the project.

Owns: ``LabelAll``, the controller of Ctrl+L and Ctrl+Shift+L.  It acts on
the visible text selection when there is one, else on the current span (the
highlighted one): the text is the selection's or the span's, the label the
span's (or the one of a span that covers exactly the selection); otherwise the
editor chooses it.  In the article the editor confirms a count; across the
project the keyword-in-context dialog (``LabelAllDialog``) lists every
occurrence, each with a tick box.  Either way the ticked occurrences are
labelled by ONE ``LabelOccurrencesCommand`` (one undo step).  Only articles
not yet reviewed or rejected are touched; occurrences a span already touches
are not offered (``store.occurrences``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject

from desktop.store.records import ArticleFilter, ArticleRecord
from desktop.ui.commands import LabelOccurrencesCommand
from desktop.ui.context import AppContext
from desktop.ui.dialogs.label_all_dialog import LabelAllDialog
from desktop.ui.i18n import fill
from desktop.ui.label_palette import label_styles
from desktop.ui.messages import label_name
from desktop.ui.widgets.article_view import ArticleView

OPEN_STATUSES = ("unreviewed", "in_review")


class LabelAll(QObject):
    def __init__(self, ctx: AppContext, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.dialog: LabelAllDialog | None = None  # the open project-wide dialog (tests drive it)

    def _say(self, text: str) -> None:
        self.ctx.status_message.emit(text)

    def target(self) -> tuple[str, str | None] | None:
        """(text, label or None) of what the editor points at: the selection first, then the current span."""
        record = self.ctx.record
        if record is None:
            return None
        selected = self.view.selected_range()
        if selected is not None:
            start, end = selected
            exact = next((s for s in record.spans if (s.start, s.end) == (start, end)), None)
            return record.body[start:end], exact.label if exact else None
        span = self.view.span_by_id(self.ctx.span_id)
        if span is not None:
            return record.body[span.start : span.end], span.label
        return None

    def _choose_label(self, text: str) -> str | None:
        language = self.ctx.settings.language()
        names = {f"{s.display_name(language)} ({s.label})": s.label for s in label_styles()}
        choice = self.ctx.interaction.choose_item(
            self.tr("Label all occurrences"), fill(self.tr("Label every 「%1」 as:"), text), list(names)
        )
        return names.get(choice or "")

    def label_all(self, *, project: bool) -> None:
        record = self.ctx.record
        if record is None:
            return
        chosen = self.target()
        if chosen is None:
            self._say(self.tr("Select some text or click a span first, then label all its occurrences"))
            return
        text, label = chosen
        if not text.strip():
            self._say(self.tr("Select some text or click a span first, then label all its occurrences"))
            return
        if project:
            self._in_project(record, text, label)
        else:
            self._in_article(record, text, label)

    # --- this article -------------------------------------------------------------------
    def _in_article(self, record: ArticleRecord, text: str, label: str | None) -> None:
        found, _ = self.ctx.store.occurrences(text, [record.id])
        if not found:
            self._say(fill(self.tr("Every “%1” in this article is labelled already"), text))
            return
        if label is None:
            label = self._choose_label(text)
            if label is None:
                return
        question = fill(self.tr("Label %1 occurrences of “%2” in this article as %3?"), len(found), text, label_name(label))
        if self.ctx.interaction.confirm(self.tr("Label all occurrences"), question):
            self._push(record.id, label, [(o.article_id, o.start, o.end) for o in found], text)

    # --- the project ----------------------------------------------------------------------
    def _candidates(self, text: str) -> Any:
        """The articles the index finds ``text`` in, page order, as an int64 array (8 bytes each)."""
        return self.ctx.store.article_id_array(ArticleFilter(query=text))

    def _find(self, text: str):  # noqa: ANN202 - a Finder
        store = self.ctx.store

        def find(ids: Sequence[int]):  # noqa: ANN202
            return store.occurrences(text, ids, OPEN_STATUSES, context=0)  # the model reads context when shown

        return find

    def _in_project(self, record: ArticleRecord, text: str, label: str | None) -> None:
        candidates = self._candidates(text)
        if not (candidates == record.id).any():  # a text the index cannot match (punctuation) is still searched here
            import numpy as np

            candidates = np.concatenate([np.array([record.id], dtype=np.int64), candidates])
        parent = self.view.window()
        self.dialog = LabelAllDialog(
            text, label, candidates, self._find(text), self.ctx.store.article_bodies, self.ctx.settings.language(), parent
        )
        try:
            accepted = self.dialog.exec()
            chosen, targets = self.dialog.label, self.dialog.targets()
        finally:
            self.dialog.deleteLater()
            self.dialog = None
        if accepted and chosen and targets:
            self._push(record.id, chosen, targets, text)

    def _push(self, article_id: int, label: str, targets: list[tuple[int, int, int]], text: str) -> None:
        command = LabelOccurrencesCommand(self.ctx, article_id, label, targets)
        if not self.ctx.push(command):
            return
        span_ids: list[int | None] = getattr(command.result, "span_ids", [])
        n_articles = len({a for (a, _s, _e), sid in zip(targets, span_ids) if sid is not None})
        labelled = sum(1 for sid in span_ids if sid is not None)
        message = fill(
            self.tr("Labelled %1 occurrences of “%2” as %3 in %4 articles (Ctrl+Z undoes all of them)"),
            labelled, text, label_name(label), n_articles,
        )
        if labelled < len(span_ids):
            message += " " + fill(self.tr("%1 skipped: a span was made there meanwhile."), len(span_ids) - labelled)
        self._say(message)
