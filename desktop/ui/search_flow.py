"""Finding text across the archive: hits in the shown article, and F3 / Shift+F3.

Owns: ``SearchFlow``, the controller between the filter bar's search, the
result list and the article view.  The query of the list's filter is the
query the article view frames; the bar's label says how many articles were
found and which hit of the shown article is current.  F3 goes to the next
hit: in the shown article first, then on to the next article of the result
list (its first hit), wrapping around after the last; Shift+F3 goes back the
same way.  The hit gone to is selected in the text, so a label key or
label-all acts on it at once.  An article that matches only in its title is
one stop (the caret at its start).  Enter in the result list goes into the
text at the first hit.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.store.records import ArticleFilter, ArticleRecord
from desktop.ui.context import AppContext
from desktop.ui.i18n import fill
from desktop.ui.widgets.article_list import ArticleList
from desktop.ui.widgets.article_view import ArticleView


class SearchFlow(QObject):
    def __init__(self, ctx: AppContext, article_list: ArticleList, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list = article_list
        self.view = view
        article_list.filter_bar.filter_changed.connect(self._on_filter)
        article_list.table.open_requested.connect(self.enter_article)
        ctx.article_shown.connect(lambda _r: self._update_label())
        ctx.project_changed.connect(self._update_label)
        article_list.model.loading_finished.connect(self._update_label)

    @property
    def query(self) -> str:
        return self.list.model.article_filter.query.strip()

    def _on_filter(self, flt: ArticleFilter) -> None:
        self.view.set_query(flt.query)
        self._update_label()

    def _update_label(self) -> None:
        label = self.list.filter_bar.hits_label
        if not self.query:
            label.setVisible(False)
            return
        model = self.list.model
        text = fill(self.tr("%1 articles") if model.complete else self.tr("%1+ articles (counting…)"), model.rowCount())
        hits = self.view.hits
        if self.ctx.record is not None and hits:
            current = self.view.current_hit
            if current >= 0:
                text += " · " + fill(self.tr("hit %1 of %2 here"), current + 1, len(hits))
            else:
                text += " · " + fill(self.tr("%1 here"), len(hits))
        label.setText(text)
        label.setVisible(True)

    def _say(self, text: str) -> None:
        self.ctx.status_message.emit(text)

    # --- F3 / Shift+F3 ------------------------------------------------------------------
    def next_hit(self) -> None:
        self._step(+1)

    def previous_hit(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.query:
            self._say(self.tr("Search first (Ctrl+F), then F3 goes from hit to hit"))
            return
        record = self.ctx.record
        if record is not None and self._step_in_article(direction):
            return
        self._next_article(direction)

    def _step_in_article(self, direction: int) -> bool:
        hits = self.view.hits
        if not hits:
            return False
        current = self.view.current_hit
        if current >= 0:
            target = current + direction
        elif direction > 0:
            offset = self.view.cursor_offset()
            target = next((i for i, (s, _e) in enumerate(hits) if s >= offset), len(hits))
        else:
            offset = self.view.cursor_offset()
            target = next((i for i in range(len(hits) - 1, -1, -1) if hits[i][1] <= offset), -1)
        if not 0 <= target < len(hits):
            return False
        self._go(target)
        return True

    def _next_article(self, direction: int) -> None:
        model = self.list.model
        rows = model.rowCount()
        if rows == 0:
            self._say(fill(self.tr("No article contains “%1”"), self.query))
            return
        row = model.row_of(self.ctx.article_id) if self.ctx.article_id is not None else -1
        target = row + direction if row >= 0 else (0 if direction > 0 else rows - 1)
        wrapped = not 0 <= target < rows
        target %= rows
        article_id = model.article_id_at(target)
        if article_id is None:
            return
        self.ctx.select_article(article_id)
        hits = self.view.hits
        if hits:
            self._go(0 if direction > 0 else len(hits) - 1)
        else:
            self.view.text.setFocus()
            self._update_label()
            self._say(fill(self.tr("“%1” is in the title of this article"), self.query))
        if wrapped:
            self._say(self.tr("Search went round: back at the first article of the list") if direction > 0
                      else self.tr("Search went round: back at the last article of the list"))

    def _go(self, index: int) -> None:
        self.view.show_hit(index)
        self.view.text.setFocus()
        self._update_label()

    # --- from the list into the text -----------------------------------------------------
    def enter_article(self) -> None:
        """Enter on a result: the text gets the focus, at the first hit when there is one."""
        record: ArticleRecord | None = self.ctx.record
        if record is None:
            return
        if self.query and self.view.hits:
            self._go(0)
        else:
            self.view.text.setFocus()
