"""The status bar: project name, reviewed / total with a progress bar, the editor.

Owns: ``StatusPanel``, which refreshes its counts when statuses change or
articles come and go, and shows transient messages from the context.  The
counts are read on a worker thread (``store.progress_reader``: its own
connection): counting a million articles' statuses takes 0.1 s warm and far
more from a cold disk, which neither the first article nor a review keystroke
should wait for.  A count older than the latest asked for is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressBar, QStatusBar, QWidget

from desktop.store.records import Changes
from desktop.ui.context import AppContext
from desktop.ui.i18n import fill
from desktop.ui.plain_text import plain_label, tooltip

MESSAGE_MS = 6000


class StatusPanel(QStatusBar):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_panel")
        self.ctx = ctx
        self.project = plain_label(parent=self)  # a project file name is text, never markup
        self.project.setObjectName("status_project")
        self.counts = plain_label(parent=self)
        self.counts.setObjectName("status_counts")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("status_progress")
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.editor = plain_label(parent=self)
        self.editor.setObjectName("status_editor")
        for widget in (self.project, self.counts, self.progress, self.editor):
            self.addPermanentWidget(widget)
        ctx.project_changed.connect(self._project_opened)
        ctx.changes_applied.connect(self._on_changes)
        ctx.status_message.connect(lambda text: self.showMessage(text, MESSAGE_MS))
        self._asked = 0  # counts asked for; a worker's answer to an older ask is dropped
        self.refresh()

    def _project_opened(self) -> None:
        """Name and editor now; the counts from a worker, asked on the next event-loop turn."""
        self.refresh(counts=False)
        self.counts.setText("…")
        QTimer.singleShot(0, self.refresh)

    def _on_changes(self, changes: Changes) -> None:
        if changes.kinds & {"status", "articles"}:
            self.refresh()

    def refresh(self, counts: bool = True) -> None:
        path = self.ctx.project_path
        self.project.setText(path.name if path else self.tr("No project"))
        self.project.setToolTip(tooltip(str(path)) if path else "")
        self.editor.setText(fill(self.tr("Editor: %1"), self.ctx.settings.editor_name()))
        if not counts:
            return
        self._asked += 1
        asked = self._asked
        if not self.ctx.has_store:
            self._show_counts(asked, (0, 0))
            return
        read = self.ctx.store.progress_reader()
        task = self.ctx.tasks.run("status-counts", lambda _progress, _cancelled: read())
        task.succeeded.connect(lambda result: self._show_counts(asked, result))

    def _show_counts(self, asked: int, counts: tuple[int, int]) -> None:
        if asked != self._asked:
            return  # a newer count is on its way
        reviewed, total = counts
        self.counts.setText(fill(self.tr("Reviewed %1 / %2"), reviewed, total))
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(reviewed)
