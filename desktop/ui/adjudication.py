"""Adjudicating an article whose editors' versions differ: what the keys do.

Owns: ``Adjudication`` — shows the ``AdjudicationPanel`` (in its dock) while the current
article is ``to_adjudicate``, keeps the current stretch of disagreement, and turns the
keys into undoable commands: take editor N's spans there (Alt+1…Alt+5), both (Alt+B),
neither (Alt+0), next/previous stretch (Alt+↓/↑).  Finishing (Ctrl+Enter, the usual
"reviewed" key, see ``ReviewFlow``) records the adjudicator.  Other edits work as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget

from desktop.pipeline.model import TO_ADJUDICATE as ADJUDICATE_STATUS
from desktop.store.records import ArticleRecord
from desktop.team.adjudicate import BOTH, NEITHER, VersionsView, choice_plan, disagreements
from desktop.ui.context import AppContext
from desktop.ui.team_commands import FinishAdjudicationCommand, TakeSpansCommand
from desktop.ui.widgets.adjudication_panel import AdjudicationPanel


class Adjudication(QObject):
    def __init__(self, ctx: AppContext, dock: QDockWidget, panel: AdjudicationPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dock = dock
        self.panel = panel
        self.view: VersionsView | None = None
        self.article_id: int | None = None
        self.current = 0
        ctx.article_shown.connect(self._show)
        ctx.article_updated.connect(self._show)
        panel.row_chosen.connect(self.go_to)

    @property
    def active(self) -> bool:
        return self._state() is not None

    def _state(self) -> tuple[VersionsView, ArticleRecord] | None:
        """The versions on show and the article they are of, while adjudicating it."""
        record = self.ctx.record
        if self.view is None or record is None or record.id != self.article_id:
            return None
        return self.view, record

    def _show(self, record: ArticleRecord | None) -> None:
        if record is None or record.status != ADJUDICATE_STATUS or not self.ctx.has_store:
            self.view, self.article_id = None, None
            self.dock.hide()
            return
        if record.id != self.article_id:
            self.current = 0
        self.article_id = record.id
        self.view = disagreements(record.body, self.ctx.store.editor_versions(record.id))
        self.current = max(0, min(self.current, len(self.view.groups) - 1))
        self.panel.show_versions(record.body, self.view, self._now(record), self.current)
        self.dock.show()

    @staticmethod
    def _now(record: ArticleRecord) -> list[tuple[int, int, int, str]]:
        return [(s.id, s.start, s.end, s.label) for s in record.spans]

    # --- keys ---------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        state = self._state()
        if state is None or not state[0].groups:
            return
        view, record = state
        self.current = max(0, min(index, len(view.groups) - 1))
        self.panel.show_versions(record.body, view, self._now(record), self.current)

    def next_stretch(self) -> None:
        self.go_to(self.current + 1)

    def previous_stretch(self) -> None:
        self.go_to(self.current - 1)

    def take_editor(self, n: int) -> None:
        state = self._state()
        if state is not None and n < len(state[0].editors):
            self.take(state[0].editors[n])

    def take_both(self) -> None:
        self.take(BOTH)

    def take_neither(self) -> None:
        self.take(NEITHER)

    def take(self, choice: str) -> bool:
        """Give the current stretch ``choice``'s spans (an editor, BOTH or NEITHER), then go to the next."""
        state = self._state()
        if state is None or not state[0].groups:
            self.ctx.status_message.emit(self.tr("This article has nothing to adjudicate"))
            return False
        view, record = state
        group = view.groups[self.current]
        remove_ids, add = choice_plan(group, self._now(record), choice)
        if not remove_ids and not add:
            self.next_stretch()
            return True
        remove = [s for s in record.spans if s.id in remove_ids]
        if not self.ctx.push(TakeSpansCommand(self.ctx, record.id, remove, add)):
            return False
        self.next_stretch()
        return True

    def finish(self) -> bool:
        record = self.ctx.record
        if record is None or record.status != ADJUDICATE_STATUS:
            return False
        return self.ctx.push(FinishAdjudicationCommand(self.ctx, record.id))
