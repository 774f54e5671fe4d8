"""File ▸ Split into work packages / Merge work packages: the dialogs, then the work on a worker.

Owns: ``TeamFlow`` — asks (``SplitDialog``; the package files through ``Interaction``), runs
``team.packages.split_project`` / ``merge_packages`` as a cancellable ``Task`` (the store seen
through ``on_gui_thread``, as every task sees it: the packages are written and read on the
worker, the store's calls run on the GUI thread; a merge is one transaction per package) and
reports the outcome.  A merge is not undoable (like an import): the undo
history is cleared, since the merged articles may no longer be what it remembers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.store.errors import StoreError
from desktop.store.records import Changes
from desktop.team.packages import MergeReport, SplitResult, merge_packages, split_project
from desktop.ui.context import AppContext
from desktop.ui.dialogs.packages_dialog import SplitDialog
from desktop.ui.i18n import fill
from desktop.ui.messages import explain
from desktop.ui.tasks import Task, on_gui_thread

_KINDS = {"articles", "fields", "spans", "status", "tags", "vocabulary"}


class TeamFlow(QObject):
    merged = Signal(object)  # MergeReport
    split_done = Signal(object)  # SplitResult

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_task: Task | None = None

    # --- split ----------------------------------------------------------------------
    def split_dialog(self) -> None:
        if not self.ctx.has_store:
            return
        project = self.ctx.project_path
        assert project is not None  # a store is open
        owner = self.parent()
        dialog = SplitDialog(project.parent / f"{project.stem}-packages", self.ctx.interaction,
                             owner if isinstance(owner, QWidget) else None)
        if dialog.exec():
            self.run_split(**dialog.values())

    def run_split(self, editors: list[str], folder: Path, overlap: float, statuses: tuple[str, ...], seed: int) -> Task:
        store = on_gui_thread(self.ctx.store)

        def work(progress: Any, cancelled: Any) -> SplitResult:
            return split_project(store, editors, folder, overlap=overlap, statuses=statuses, seed=seed,
                                 progress=progress, cancelled=cancelled)

        task = self.ctx.tasks.run("split", work, show_progress=True, label=self.tr("Writing work packages…"))
        task.succeeded.connect(self._on_split)
        task.failed.connect(lambda error: self.ctx.interaction.show_error(self.tr("The packages were not written"), error))
        self.last_task = task
        return task

    def _on_split(self, result: SplitResult) -> None:
        lines = [fill(self.tr("%1: %2 articles"), editor, result.counts[editor]) + f"\n    {path}"
                 for editor, path in result.files.items()]
        self.ctx.status_message.emit(fill(self.tr("%1 work packages written"), len(result.files)))
        self.ctx.interaction.show_info(
            self.tr("Work packages"),
            fill(self.tr("%1 articles go to every editor (for agreement)."), result.shared) + "\n\n" + "\n".join(lines),
        )
        self.split_done.emit(result)

    # --- merge ----------------------------------------------------------------------
    def merge_dialog(self) -> None:
        if not self.ctx.has_store:
            return
        project = self.ctx.project_path
        assert project is not None  # a store is open
        paths = self.ctx.interaction.choose_package_files(str(project.parent))
        if paths:
            self.run_merge(paths)

    def run_merge(self, paths: list[Path]) -> Task:
        store = on_gui_thread(self.ctx.store)

        def work(progress: Any, cancelled: Any) -> MergeReport:
            return merge_packages(store, paths, progress, cancelled)

        task = self.ctx.tasks.run("merge", work, show_progress=True, label=self.tr("Merging work packages…"))
        task.succeeded.connect(self._on_merged)
        task.failed.connect(lambda error: self.ctx.interaction.show_error(self.tr("Merging failed"), error))
        self.last_task = task
        return task

    def _on_merged(self, report: MergeReport) -> None:
        self.ctx.undo_stack.clear()
        ids = report.article_ids
        self.ctx.apply(lambda _store: Changes(set(ids), set(_KINDS)))
        taken = sum(o.applied for o in report.outcomes)
        disputed = sum(o.to_adjudicate for o in report.outcomes)
        text = fill(self.tr("Merged %1 packages: %2 articles took an editor's version, %3 are to adjudicate"),
                    len(report.outcomes), taken, disputed)
        if all(o.unchanged for o in report.outcomes) and report.outcomes:
            text = self.tr("Nothing new in these packages: no article edited since they were made or last merged")
        self.ctx.status_message.emit(text)
        if report.errors:
            lines = [f"{path.name}: " + (explain(err) if isinstance(err, StoreError) else self.tr("no such file"))
                     for path, err in report.errors]
            self.ctx.interaction.show_error(self.tr("Some packages were not merged"), "\n".join(lines))
        self.merged.emit(report)
