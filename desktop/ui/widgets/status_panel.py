"""The status bar: project name, reviewed / total with a progress bar, the editor.

Owns: ``StatusPanel``, which refreshes its counts when statuses change or
articles come and go, and shows transient messages from the context.
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
        self.refresh()

    def _project_opened(self) -> None:
        """Name and editor now; the counts on the next event-loop turn, after the first article is
        shown (counting a million articles' statuses takes ~0.1 s)."""
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
        reviewed, total = self.ctx.store.progress() if self.ctx.has_store else (0, 0)
        self.counts.setText(fill(self.tr("Reviewed %1 / %2"), reviewed, total))
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(reviewed)
        self.editor.setText(fill(self.tr("Editor: %1"), self.ctx.settings.editor_name()))
