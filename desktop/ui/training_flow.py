"""Review ▸ Train from reviewed articles: the project's own model, trained without freezing the window.

Owns: ``TrainingFlow``: ``train`` (reads the reviewed articles, trains in a
child process driven from a worker thread — CRFsuite and the extractor hold
the GIL, so a thread alone would stall the window — behind a cancellable
progress dialog; stores the model as current and uses it at once; then offers
to re-annotate the open articles with the existing re-extraction: machine
spans only, one undo step) and ``use_project_model`` (when a project opens,
its current model is put in use).

Cancel: the child stops at its next step, nothing is stored, the previous
model stays current and the project is untouched.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.ui.context import AppContext
from desktop.ui.i18n import fill
from desktop.ui.reextract_commands import Reextraction
from desktop.ui.tasks import Task

if TYPE_CHECKING:
    from desktop.store.store import Store

log = logging.getLogger(__name__)
NOTHING = "nothing to learn from"  # the work's result when no article is reviewed


class TrainingFlow(QObject):
    trained = Signal(object)  # the new model's id, or None (cancelled or failed)

    def __init__(self, ctx: AppContext, reextraction: Reextraction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reextraction = reextraction
        self.last_task: Task | None = None
        self.seed = 11
        ctx.project_changed.connect(self.use_project_model)

    def _say(self, text: str) -> None:
        self.ctx.status_message.emit(text)

    def use_project_model(self) -> None:
        """Put the open project's current model in use (the shipped one when it has none)."""
        if not self.ctx.has_store:
            if "desktop.pipeline.entities" in sys.modules:
                sys.modules["desktop.pipeline.entities"].use_project_model(None)
            return
        from desktop.store.errors import StoreError

        try:
            current = self.ctx.store.current_model()
        except StoreError as err:  # a damaged project open read-only: keep the shipped model
            log.warning("cannot read the project's models: %s", err)
            current = None
        if current is None:
            if "desktop.pipeline.entities" in sys.modules:  # else nothing is loaded: keep start-up light
                sys.modules["desktop.pipeline.entities"].use_project_model(None)
            return
        from desktop.pipeline import entities
        from desktop.pipeline.project_model import ProjectModelError

        try:
            entities.use_project_model(current[1], current[0])
        except ProjectModelError as err:
            entities.use_project_model(None)
            self._say(fill(self.tr("Project model %1 cannot be used (%2); the shipped model is used"), current[0], str(err)))

    def show_models(self) -> Any:
        """The Project models dialog (choose or delete a stored model); returns it after it closes."""
        if not self.ctx.has_store:
            return None
        from desktop.ui.dialogs.models_dialog import ModelsDialog

        dialog = ModelsDialog(self.ctx.store, self.ctx.interaction, self.use_project_model, self.ctx.interaction.parent)
        dialog.exec()
        return dialog

    def train(self) -> Task | None:
        if not self.ctx.has_store:
            return None
        store = self.ctx.store
        if store.readonly:
            self._say(self.tr("The project is open read-only"))
            return None
        if self.last_task is not None and self.last_task.is_running():
            self._say(self.tr("A model is already being trained"))
            return None
        read = store.training_texts_reader(include_imported=False)  # read on the worker, not here
        seed = self.seed

        def work(progress: Any, cancelled: Any) -> Any:
            from desktop.ops.learning import train_in_subprocess
            from desktop.pipeline.project_training import Cancelled, TrainingText

            texts = [TrainingText(body, tuple(spans), aid) for aid, body, spans in read()]
            if not texts:
                return NOTHING
            stages = {"reading": self.tr("Reading the reviewed articles"), "training": self.tr("Training")}

            def report(stage: str, done: int, total: int) -> None:
                name = stages.get(stage) or fill(self.tr("Cross-validation %1"), stage.rpartition(" ")[2])
                progress(done, total, name)

            try:
                return train_in_subprocess(texts, seed=seed, progress=report, cancelled=cancelled)
            except Cancelled:
                return None

        label = self.tr("Training from the reviewed articles…")
        task = self.ctx.tasks.run("train", work, show_progress=True, label=label)
        task.succeeded.connect(lambda result, s=store: self._done(s, result))
        task.failed.connect(self._failed)
        self.last_task = task
        return task

    def _done(self, store: Store, result: Any) -> None:
        if result is NOTHING:
            self.ctx.interaction.show_info(
                self.tr("Train from reviewed articles"),
                self.tr("No article is reviewed yet. Review some articles (Ctrl+Enter) and train again."),
            )
            self.trained.emit(None)
            return
        if result is None:
            self._say(self.tr("Training cancelled: the previous model stays in use"))
            self.trained.emit(None)
            return
        if not self.ctx.has_store or self.ctx.store is not store:
            self.trained.emit(None)  # the project was closed meanwhile: nothing is stored
            return
        blob, header = result
        from desktop.pipeline import entities

        model_id = store.add_model(blob, header)
        entities.use_project_model(blob, model_id)
        cv = (header.get("cv") or {}).get("micro", {}).get("f1")
        text = fill(self.tr("Model %1 trained on %2 articles (%3 spans) and in use"), model_id, header["articles"], header["spans"])
        if cv is not None:
            text += " " + fill(self.tr("(cross-validated F1 %1)"), f"{cv:.3f}")
        self._say(text)
        self.trained.emit(model_id)
        from desktop.ops.reextraction import reextract_ids

        n = len(reextract_ids(store))
        if n and self.ctx.interaction.confirm(
            self.tr("Re-annotate with the new model"),
            fill(self.tr(
                "Re-annotate the %1 articles that are not reviewed or rejected with the new model?\n\n"
                "Only machine spans are replaced; spans you made or imported and reviewed articles stay as they are. "
                "You can undo it in one step."
            ), n),
        ):
            self.reextraction.rerun_unreviewed(confirmed=True)

    def _failed(self, error: str) -> None:
        log.warning("training failed: %s", error)
        self.ctx.interaction.show_error(
            self.tr("Training failed"),
            self.tr("The model could not be trained; the previous model stays in use and the project is unchanged. "
                    "The log has the details."),
        )
        self.trained.emit(None)
