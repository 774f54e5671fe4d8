"""Training a project model (the second CRF of ``project_model``) from reviewed articles.

Owns: ``TrainingText`` (one reviewed text with its editors' PER/LOC/ORG spans),
``train_project_model`` (read the shipped extractor's output once per text,
cross-validate on the project's texts, train on all of them), ``Cancelled``
and ``fold_of``.

Cost: the shipped extractor runs once per text (its output does not depend on
the project model), then CRFsuite trains ``folds`` + 1 times on the small
stacked feature set (``STACK_PARAMS``: 60 L-BFGS iterations, 40 above
``LARGE_CHARS`` of text, where 60 would pass a minute; 1,000 articles
of ~570 characters: ~9 s extraction, ~2 s features, ~5 s cross-validation,
~21 s training on this 2-core machine, bench/bench_learning.py).  The same texts,
seed and Newsdesk give the same model bytes.

Cross-validation also chooses the model's gate (``GATES``; see ``project_model``):
the held-out folds are decoded with each, at no extra training, and the better
micro-F1 wins (a tie: no gate).  Too few texts to cross-validate: the gate is on.

Cross-validation: every text goes to one of ``folds`` folds by a hash of the
seed and its text; each fold is tagged by a model trained on the others and
the per-label exact-match scores are pooled over the folds.  Fewer than
``2 * folds`` texts: no cross-validation (``cv`` is None).  Two folds and
``CV_ITERATIONS`` keep it cheap (each fold model learns half the texts), and
beyond ``CV_MAX_TEXTS`` texts it runs on a fixed sample of that many: the
scores are of slightly weaker models than the one stored, so they understate
it a little.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, UTC
from pathlib import Path
from typing import Any

from desktop.pipeline.evaluate import score_spans
from desktop.pipeline.model import Span
from desktop.pipeline.ner_data import ENTITY_LABELS, spans_to_tags
from desktop.pipeline.project_model import STACK_PARAMS, ProjectExtractor, ProjectModel, stack_features

ProgressFn = Callable[[str, int, int], None]  # (stage, done, total)
CancelledFn = Callable[[], bool]
FOLDS = 2
CV_ITERATIONS = 25  # L-BFGS iterations of a cross-validation model
CV_MAX_TEXTS = 400  # cross-validation on at most this many texts (a fixed sample): its cost stays bounded
GATES: tuple[float | None, ...] = (None, 0.5)  # decoding gates tried by cross-validation (project_model's docstring)
LARGE_CHARS = 250_000  # more training text than this: 40 iterations instead of 60 (time, see the docstring)


def iterations_for(chars: int) -> int:
    """L-BFGS iterations of the stored model for ``chars`` characters of training text."""
    return int(STACK_PARAMS["max_iterations"]) if chars <= LARGE_CHARS else 40


class Cancelled(Exception):
    """Training was cancelled; nothing was produced."""


@dataclass(frozen=True)
class TrainingText:
    """One reviewed text: its body and the editors' spans ``(start, end, label)``."""

    text: str
    spans: tuple[tuple[int, int, str], ...]
    article_id: int | None = None


def fold_of(text: str, seed: int, folds: int = FOLDS) -> int:
    digest = hashlib.sha1(f"fold\x1f{seed}\x1f{text}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % folds


def _train_crf(items: Sequence[tuple[list[list[str]], list[str]]], progress: ProgressFn, stage: str,
               cancelled: CancelledFn, iterations: int | None = None) -> bytes:
    import pycrfsuite

    params = dict(STACK_PARAMS, max_iterations=iterations or STACK_PARAMS["max_iterations"])
    total = int(params["max_iterations"])

    class Trainer(pycrfsuite.Trainer):
        def message(self, message: str) -> None:  # CRFsuite's log: once per iteration, among others
            if cancelled():
                raise Cancelled()
            if message.startswith("***** Iteration #"):
                progress(stage, int(message.split("#")[1].split()[0]), total)

    trainer = Trainer(algorithm="lbfgs", verbose=False)
    for rows, tags in items:
        trainer.append(rows, tags)
    trainer.set_params(params)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "project.crfsuite"
        trainer.train(str(path))
        return path.read_bytes()


def train_project_model(
    texts: Sequence[TrainingText],
    base: Any,
    *,
    seed: int = 11,
    folds: int = FOLDS,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    meta: dict[str, Any] | None = None,
) -> ProjectModel:
    """A project model trained on ``texts`` over ``base`` (an ``EntityExtractor``); see the module docstring.

    Raises ``ValueError`` when no text has a character, ``Cancelled`` when ``cancelled()`` turns true.
    """
    from desktop.pipeline.rules import tokenize

    progress = progress or (lambda stage, done, total: None)
    cancelled = cancelled or (lambda: False)
    texts = [t for t in texts if t.text]
    if not texts:
        raise ValueError("no reviewed article to learn from")
    started = time.perf_counter()
    base.warm_up()
    prepared: list[tuple[TrainingText, list[tuple[str, str]], list[Span], list[list[str]], list[str]]] = []
    for k, t in enumerate(texts):
        if cancelled():
            raise Cancelled()
        tokens = tokenize(t.text)
        found = base.extract(t.text)
        rows = stack_features(t.text, tokens, found)
        tags = spans_to_tags(len(t.text), [s for s in t.spans if s[2] in ENTITY_LABELS], ENTITY_LABELS, "BIOES")
        prepared.append((t, tokens, found, rows, tags))
        if k % 20 == 0 or k + 1 == len(texts):
            progress("reading", k + 1, len(texts))
    cv: dict[str, Any] | None = None
    fold = [fold_of(t.text, seed, folds) for t in texts]
    if len(texts) > CV_MAX_TEXTS:  # cross-validate on a fixed sample (by a hash of seed and text)
        ranked = sorted(range(len(texts)), key=lambda k: hashlib.sha1(f"cv\x1f{seed}\x1f{texts[k].text}".encode()).digest())
        chosen = set(ranked[:CV_MAX_TEXTS])
        fold = [g if k in chosen else -1 for k, g in enumerate(fold)]
    gate: float | None = GATES[-1]  # too few texts to cross-validate: keep what the shipped model finds
    if len(texts) >= 2 * folds and folds > 1:
        gold_docs: list[list[dict[str, Any]]] = []
        pred_docs: dict[float | None, list[list[dict[str, Any]]]] = {g: [] for g in GATES}
        for f in range(folds):
            train = [(rows, tags) for (_t, _w, _b, rows, tags), g in zip(prepared, fold) if g not in (f, -1)]
            held = [p for p, g in zip(prepared, fold) if g == f]
            if not train or not held:
                continue
            crf = _train_crf(train, progress, f"cross-validation {f + 1}/{folds}", cancelled, CV_ITERATIONS)
            model = ProjectExtractor(base, ProjectModel(crf, {}))
            for t, tokens, found, _rows, _tags in held:
                tagged = model.tagged(t.text, tokens, found)
                for g in GATES:
                    pred = model.decide(t.text, found, tagged, g)
                    pred_docs[g].append([{"start": s.start, "end": s.end, "label": s.label} for s in pred if s.label in ENTITY_LABELS])
                gold_docs.append([{"start": s, "end": e, "label": lab} for s, e, lab in t.spans if lab in ENTITY_LABELS])
        reports = {g: score_spans(gold_docs, pred_docs[g]) for g in GATES}
        gate = max(GATES, key=lambda g: (reports[g]["micro"]["f1"], g is None))  # a tie: the plain second CRF
        report = reports[gate]
        cv = {
            "folds": folds,
            "texts": len(gold_docs),
            "labels": {lab: _rounded(s) for lab, s in report["labels"].items()},
            "micro": _rounded(report["micro"]),
            "micro_by_gate": {str(g): round(float(reports[g]["micro"]["f1"]), 4) for g in GATES},
        }
    chars = sum(len(t.text) for t in texts)
    iterations = iterations_for(chars)
    crf = _train_crf([(rows, tags) for _t, _w, _b, rows, tags in prepared], progress, "training", cancelled, iterations)
    labels = Counter(lab for t in texts for _s, _e, lab in t.spans if lab in ENTITY_LABELS)
    header: dict[str, Any] = {
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seed": seed,
        "articles": len(texts),
        "spans": sum(labels.values()),
        "spans_by_label": dict(sorted(labels.items())),
        "characters": chars,
        "cv": cv,
        "gate": gate,
        "params": dict(STACK_PARAMS, max_iterations=iterations, cv_iterations=CV_ITERATIONS),
        "base_model": (base.tagger.header.get("crf_sha256", "") if getattr(base, "tagger", None) else "rules")[:16],
        "seconds": round(time.perf_counter() - started, 1),
        **(meta or {}),
    }
    return ProjectModel(crf, header)


def _rounded(s: dict[str, Any]) -> dict[str, Any]:
    return {k: (round(float(v), 4) if k in ("precision", "recall", "f1") else v) for k, v in s.items()}
