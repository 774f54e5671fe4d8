"""The desk learns from its editors: training a project model from a store, and using it.

Owns: ``install_current`` (make the project's current stored model the one the
importer and re-extraction use in this process), ``train_from_store`` (read the
reviewed articles, train, store the model as current; the CLI's way) and
``train_in_subprocess`` (the same training in a child process, with progress
and cancel: the app's way, so that the GUI thread never waits for CRFsuite or
the extractor, which hold the GIL).  No Qt, no SQL.

A cancelled training stores nothing: the previous model stays current and the
project is as it was.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.pipeline.project_training import Cancelled, TrainingText

if TYPE_CHECKING:
    from desktop.store.store import Store

ProgressFn = Callable[[str, int, int], None]
CancelledFn = Callable[[], bool]


def install_current(store: Store) -> str | None:
    """Use the project's current model process-wide (or the shipped model when it has none).

    Returns None, or one line saying why the stored model cannot be used (the shipped one is then)."""
    from desktop.pipeline import entities
    from desktop.pipeline.project_model import ProjectModelError

    current = store.current_model()
    if current is None:
        entities.use_project_model(None, None)
        return None
    try:
        entities.use_project_model(current[1], current[0])
    except ProjectModelError as err:
        entities.use_project_model(None)
        return f"project model {current[0]}: {err}; the shipped model is used"
    return None


def training_inputs(store: Store, include_imported: bool) -> list[TrainingText]:
    return [TrainingText(body, tuple(spans), aid) for aid, body, spans in store.training_texts(include_imported)]


def _meta(include_imported: bool) -> dict[str, Any]:
    return {"include_imported": include_imported}


def train_from_store(
    store: Store, *, include_imported: bool = False, seed: int = 11,
    progress: ProgressFn | None = None, cancelled: CancelledFn | None = None, base: Any = None,
) -> tuple[int, dict[str, Any]]:
    """Train on the project's reviewed articles in this process, store the model as current: (id, header).

    ``base``: the extractor the project model stacks on (default: the shipped one; the
    learning bench gives one that did not learn its texts).
    ``ValueError`` when there is nothing to learn from; ``Cancelled`` leaves the store untouched."""
    from desktop.pipeline.entities import EntityExtractor
    from desktop.pipeline.project_training import train_project_model

    texts = training_inputs(store, include_imported)
    model = train_project_model(texts, base if base is not None else EntityExtractor(), seed=seed, progress=progress, cancelled=cancelled,
                                meta=_meta(include_imported))
    if cancelled is not None and cancelled():
        raise Cancelled()
    model_id = store.add_model(model.to_blob(), model.header)
    return model_id, model.header


def _child(texts: list[TrainingText], seed: int, include_imported: bool, out: Any, stop: Any) -> None:
    """Child process: train and send ("progress", stage, done, total) ... then ("done", blob, header)."""
    from desktop.pipeline.entities import EntityExtractor
    from desktop.pipeline.project_training import train_project_model

    try:
        model = train_project_model(
            texts, EntityExtractor(), seed=seed, meta=_meta(include_imported),
            progress=lambda stage, done, total: out.put(("progress", stage, done, total)),
            cancelled=stop.is_set,
        )
        out.put(("done", model.to_blob(), model.header))
    except Cancelled:
        out.put(("cancelled",))
    except Exception as err:  # noqa: BLE001 - reported to the parent as one line
        out.put(("error", f"{type(err).__name__}: {err}"))


def train_in_subprocess(
    texts: list[TrainingText], *, seed: int = 11, include_imported: bool = False,
    progress: ProgressFn | None = None, cancelled: CancelledFn | None = None,
) -> tuple[bytes, dict[str, Any]]:
    """Train in a child process; (blob, header).  ``Cancelled`` when ``cancelled()`` turned true
    (the child is stopped), ``RuntimeError`` with the child's one-line error."""
    if not texts:
        raise ValueError("no reviewed article to learn from")
    ctx = multiprocessing.get_context("spawn")  # never fork a process that holds Qt threads
    out = ctx.Queue()
    stop = ctx.Event()
    child = ctx.Process(target=_child, args=(texts, seed, include_imported, out, stop), daemon=True)
    child.start()
    try:
        while True:
            if cancelled is not None and cancelled():
                stop.set()
                raise Cancelled()
            try:
                msg = out.get(timeout=0.1)
            except queue.Empty:
                if not child.is_alive() and out.empty():
                    raise RuntimeError(f"the training process ended unexpectedly (exit code {child.exitcode})") from None
                continue
            if msg[0] == "progress":
                if progress is not None:
                    progress(msg[1], msg[2], msg[3])
            elif msg[0] == "done":
                return msg[1], msg[2]
            elif msg[0] == "cancelled":
                raise Cancelled()
            else:
                raise RuntimeError(msg[1])
    finally:
        child.join(timeout=5)
        if child.is_alive():
            child.terminate()
            child.join(timeout=5)
