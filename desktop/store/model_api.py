"""The Store's project models: the entity models a project trained on its own reviewed articles.

Owns: ``ModelMethods`` (a mixin of ``store.Store``; see models.py: the bytes are opaque here,
``desktop.pipeline.project_model`` reads them).

    store.models() -> list[models.ModelInfo]     store.model_data(id) -> bytes
    store.current_model() -> (id, bytes) | None  store.add_model(data, header, make_current=True) -> id
    store.set_current_model(id | None)           store.delete_model(id)
    store.training_texts(include_imported=False) -> [(article id, body, [(start, end, label)])]
    store.training_texts_reader(include_imported=False) -> callable for a worker thread (own connection)
    store.learning_stats() -> learning_stats.LearningStats
    store.uncertain_article_ids(below) -> set[int]   (articles with a machine span of confidence < below)
    store.mark_extracted(article_ids, model_id | None)   store.mark_page_extracted(page_id, model_id | None)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.store import (
    models,
)
from desktop.store.core import StoreCore, own_connection_reader, reading


class ModelMethods(StoreCore):
    """Mixed into ``Store``; see the module docstring."""

    @reading
    def learning_stats(self) -> Any:
        """``learning_stats.LearningStats``: machine P/R per model version, editor changes per day."""
        from desktop.store.learning_stats import learning_stats

        return learning_stats(self.db)

    @reading
    def models(self) -> list[models.ModelInfo]:
        return models.list_models(self.db)

    @reading
    def model_data(self, model_id: int) -> bytes:
        return models.model_data(self.db, model_id)

    @reading
    def current_model(self) -> tuple[int, bytes] | None:
        """(id, bytes) of the project's current model, or None (the shipped model is used)."""
        return models.current_model(self.db)

    @reading
    def uncertain_article_ids(self, below: float) -> set[int]:
        return models.uncertain_article_ids(self.db, below)

    @reading
    def training_texts(self, include_imported: bool = False) -> list[tuple[int, str, list[tuple[int, int, str]]]]:
        return models.training_texts(self.db, include_imported)

    def training_texts_reader(self, include_imported: bool = False) -> Callable[[], list[tuple[int, str, list[tuple[int, int, str]]]]]:
        """``training_texts`` as a callable for a worker thread (its own read-only connection)."""
        return own_connection_reader(self.path, lambda conn: models.training_texts(conn, include_imported))

    def add_model(self, data: bytes, header: dict[str, Any], *, make_current: bool = True) -> int:
        with self._write() as db:
            return models.add_model(db, self.editor, data, header, make_current=make_current)

    def set_current_model(self, model_id: int | None) -> None:
        with self._write() as db:
            models.set_current(db, model_id)

    def delete_model(self, model_id: int) -> None:
        with self._write() as db:
            models.delete_model(db, model_id)

    def mark_extracted(self, article_ids: Sequence[int], model_id: int | None) -> None:
        with self._write() as db:
            models.mark_extracted(db, list(article_ids), model_id)

    def mark_page_extracted(self, page_id: int, model_id: int | None) -> None:
        with self._write() as db:
            models.mark_page_extracted(db, page_id, model_id)
