"""Reopening a project returns to the article and the list filter the editor left.

Owns: ``SessionMemory``: remembers, per project (``Settings.project_place``),
the current article and the filter bar's status, tag, label and search; it
saves a moment after either changes (so a crash loses little, and stepping
through articles does not write the settings file at every step) and at once
when the project closes; when a project opens it puts the filter back, then
the article — or, if that article is gone or filtered out, the first of the
list.  The project controller shows the first article only when nothing was
restored.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from desktop.store.errors import StoreError
from desktop.store.records import ArticleFilter
from desktop.ui.context import AppContext
from desktop.ui.widgets.article_list import ArticleList

SAVE_DELAY_MS = 1500


class SessionMemory(QObject):
    def __init__(self, ctx: AppContext, article_list: ArticleList, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list = article_list
        self._restoring = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        ctx.article_selected.connect(self._changed)
        article_list.filter_bar.filter_changed.connect(self._changed)
        ctx.project_closing.connect(self.save)
        ctx.project_changed.connect(self.restore)

    def _changed(self, *_args: object) -> None:
        if not self._restoring and self.ctx.has_store:
            self._timer.start()

    def place(self) -> dict:
        flt = self.list.filter_bar.current_filter()
        return {
            "article_id": self.ctx.article_id,
            "status": flt.statuses[0] if flt.statuses else "",
            "tag": flt.tags[0] if flt.tags else "",
            "label": flt.labels[0] if flt.labels else "",
            "query": flt.query,
        }

    def save(self) -> None:
        self._timer.stop()
        path = self.ctx.project_path
        if path is not None and not self._restoring:
            self.ctx.settings.set_project_place(path, self.place())

    def restore(self) -> None:
        path = self.ctx.project_path
        if path is None:
            return
        place = self.ctx.settings.project_place(path)
        if not place:
            return
        self._restoring = True
        try:
            flt = ArticleFilter(
                statuses=(place["status"],) if place.get("status") else (),
                tags=(place["tag"],) if place.get("tag") else (),
                labels=(place["label"],) if place.get("label") else (),
                query=str(place.get("query") or ""),
            )
            self.list.filter_bar.set_filter(flt)  # the list reloads with it
            model = self.list.model
            wanted = place.get("article_id")
            if isinstance(wanted, int) and model.row_of(wanted) >= 0:
                self._select(wanted)
            elif isinstance(wanted, int) and not model.complete and self._select(wanted):
                pass  # past the first rows of a list still being read: the row follows when it is listed
            elif model.rowCount():
                self._select(model.article_id_at(0))
        finally:
            self._restoring = False

    def _select(self, article_id: int | None) -> bool:
        try:
            self.ctx.select_article(article_id)
        except StoreError:
            self.ctx.select_article(None)
            return False
        return True
