"""Opening, creating, importing into and exporting a project.

Owns: ``ProjectController``: the File menu's work.  Opening a project turns
store errors into one clear message; importing runs ``desktop.ops.importer`` on a
worker thread behind a cancellable progress dialog (the importer writes each
page in one transaction, so a cancel leaves no half-imported page); exporting
writes JSONL atomically on a worker thread.  The first-run demo project is
built here from the bundled seed pages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.resources import seeds_dir
from desktop.store.records import Changes
from desktop.ui.context import AppContext
from desktop.ui.i18n import fill
from desktop.ui.messages import explain
from desktop.ui.settings import LAST_IMPORT_DIR
from desktop.ui.tasks import Task, on_gui_thread, run_and_wait

if TYPE_CHECKING:
    from desktop.store.store import Store

DEMO_FILE_NAME = "demo.sqlite"


SLOW_OPEN_BYTES = 100_000_000  # from here an upgrade or a damage check takes a second or more


def _big(path: Path) -> bool:
    try:
        return path.stat().st_size >= SLOW_OPEN_BYTES
    except OSError:
        return False


def open_store(path: Path, *, create: bool, editor: str, readonly: bool = False, parent: QWidget | None = None) -> Store:
    """The project at ``path``, open.  An open that first upgrades the file (a backup copy of it,
    then the upgrade) or checks it for damage takes minutes on a big archive: it runs on a
    worker thread behind a busy dialog, so the window keeps painting."""
    from desktop.store.db import slow_open
    from desktop.store.store import Store

    def work() -> Store:
        return Store.open(path, create=create, editor=editor, readonly=readonly)

    slow = None if readonly or not _big(path) else slow_open(path)
    if slow is None:
        return work()
    label = (
        QCoreApplication.translate("ProjectController", "Upgrading the project to this version's format (a backup copy is kept)…")
        if slow == "upgrade"
        else QCoreApplication.translate("ProjectController", "Checking the project file (it was not closed cleanly last time)…")
    )
    return run_and_wait(work, f"{label}\n{path.name}", parent)


def import_work(store: Store, paths: list[Path]) -> Callable[..., Any]:
    """The import as a callable for a worker thread.

    ``store`` is the open store seen through a ``GuiThreadProxy`` (``on_gui_thread``): the pipeline runs on
    the worker, each page's one-transaction write on the GUI thread (the
    project has one connection and one write lock).
    """

    def work(progress: Callable[..., None], cancelled: Callable[[], bool]) -> Any:
        from desktop.ops.importer import import_paths

        # the project's own model, if it has one (read on the GUI thread through the proxy)
        return import_paths(store, paths, progress=progress, cancelled=cancelled, model=store.current_model())

    return work


def export_work(project: Path, target: Path) -> Callable[..., Any]:
    """The export as a callable for a worker thread: streamed from the project file on connections
    of its own, encoded on up to two worker processes, progress counted in articles."""

    def work(progress: Callable[..., None], cancelled: Callable[[], bool]) -> Any:
        from desktop.export.stream import export_project

        return export_project(
            "jsonl", project, target, progress=lambda done, total: progress(done, total, ""), cancelled=cancelled
        )

    return work


class ProjectController(QObject):
    import_finished = Signal(object)  # ImportSummary or None

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_task: Task | None = None

    # --- open / new ---------------------------------------------------------------
    def open_project(self, path: Path, *, create: bool = False) -> bool:
        from desktop.store.errors import DamagedProjectError, ProjectLockedError, ReadOnlyLocationError, StoreError

        try:
            try:
                store = open_store(path, create=create, editor=self.ctx.settings.editor_name(),
                                   parent=self.ctx.tasks.dialog_parent)
            except ProjectLockedError as err:
                explain(err)  # logged
                if not self.ctx.interaction.confirm(
                    self.tr("Project in use"),
                    fill(self.tr("%1\n\nThe project is open in another window or program. Open it read-only?"), path),
                ):
                    return False
                store = open_store(path, create=False, editor=self.ctx.settings.editor_name(), readonly=True)
            except (DamagedProjectError, ReadOnlyLocationError) as err:  # cannot be written: reading may still work
                if not path.exists():
                    raise  # nothing to read: the outer handler shows why
                if not self.ctx.interaction.confirm(
                    self.tr("Cannot save changes to this project"),
                    fill(self.tr("%1\n\nOpen it read-only?"), f"{path}\n\n{explain(err)}"),
                ):
                    return False
                store = open_store(path, create=False, editor=self.ctx.settings.editor_name(), readonly=True)
        except StoreError as err:
            self.ctx.interaction.show_error(self.tr("Cannot open project"), f"{path}\n\n{explain(err)}")
            return False
        self.ctx.set_store(store)
        self.ctx.settings.remember_project(path)
        if self.ctx.article_id is None:  # nothing restored where the editor left the project
            ids = store.first_article_ids(limit=1)
            self.ctx.select_article(ids[0] if ids else None)
        return True

    def open_dialog(self) -> None:
        path = self.ctx.interaction.choose_open_project(str(self.ctx.project_path.parent) if self.ctx.project_path else "")
        if path is not None:
            self.open_project(path)

    def new_project(self) -> None:
        path = self.ctx.interaction.choose_new_project(str(self.ctx.project_path.parent) if self.ctx.project_path else "")
        if path is None:
            return
        if path.exists() and not self.ctx.interaction.confirm(
            self.tr("New project"), fill(self.tr("%1 exists. Open it instead?"), path)
        ):
            return
        self.open_project(path, create=True)

    # --- import -------------------------------------------------------------------
    def import_files(self) -> None:
        paths = self.ctx.interaction.choose_page_files(self.ctx.settings.get(LAST_IMPORT_DIR))
        if paths:
            self.ctx.settings.set(LAST_IMPORT_DIR, str(paths[0].parent))
            self.run_import(paths)

    def import_folder(self) -> None:
        folder = self.ctx.interaction.choose_folder(self.ctx.settings.get(LAST_IMPORT_DIR))
        if folder is not None:
            self.ctx.settings.set(LAST_IMPORT_DIR, str(folder))
            self.run_import([folder])

    def run_import(self, paths: list[Path]) -> Task | None:
        project = self.ctx.project_path
        if project is None:
            self.ctx.status_message.emit(self.tr("Open or create a project first"))
            return None
        task = self.ctx.tasks.run(
            "import",
            import_work(on_gui_thread(self.ctx.store), paths),
            show_progress=True,
            label=self.tr("Importing pages…"),
        )
        task.succeeded.connect(self._on_imported)
        task.failed.connect(lambda error: self.ctx.interaction.show_error(self.tr("Import failed"), error))
        task.failed.connect(lambda _error: self.import_finished.emit(None))
        self.last_task = task
        return task

    def _on_imported(self, summary: Any) -> None:
        self.ctx.changes_applied.emit(Changes(kinds={"articles"}))
        if self.ctx.article_id is None:
            ids = self.ctx.store.first_article_ids(limit=1)
            self.ctx.select_article(ids[0] if ids else None)
        text = fill(
            self.tr("Imported %1 new pages (%2 articles); %3 unchanged; %4 skipped"),
            summary.pages_new + summary.pages_new_version,
            summary.articles,
            summary.pages_unchanged,
            len(summary.skipped),
        )
        if summary.cancelled:
            text = self.tr("Import cancelled.") + " " + text
        self.ctx.status_message.emit(text)
        if summary.skipped:
            details = "\n".join(f"{p.path}: {p.reason}" for p in summary.skipped[:20])
            self.ctx.interaction.show_error(self.tr("Some files were not imported"), details)
        self.import_finished.emit(summary)

    # --- export -------------------------------------------------------------------
    def export_jsonl(self) -> Task | None:
        project = self.ctx.project_path
        if project is None:
            return None
        target = self.ctx.interaction.choose_export_file(str(project.with_suffix(".jsonl")))
        if target is None:
            return None
        task = self.ctx.tasks.run(
            "export", export_work(project, target), show_progress=True, label=self.tr("Exporting…")
        )
        task.succeeded.connect(lambda _stats: self.ctx.status_message.emit(fill(self.tr("Exported to %1"), target)))
        task.failed.connect(lambda error: self.ctx.interaction.show_error(self.tr("Export failed"), error))
        self.last_task = task
        return task

    # --- first run ------------------------------------------------------------------
    def open_or_build_demo(self, data_dir: Path) -> bool:
        """Open the demo project, importing the bundled seed pages when it is new."""
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / DEMO_FILE_NAME
        is_new = not path.exists()
        if not self.open_project(path, create=True):
            return False
        if is_new or self.ctx.store.count_articles() == 0:
            self.run_import([seeds_dir()])
        return True
