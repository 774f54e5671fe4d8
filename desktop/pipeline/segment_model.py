"""The learned line-role model: a CRF over the lines of a page (CRFsuite, ``python-crfsuite``).

Owns: ``RoleModel`` (a trained model file opened for tagging: the most likely role of
every line, and the log-probability of each role of each line, which the decoder
of ``desktop.pipeline.decode`` weighs together with its hard constraints),
``model_path``/``default_model`` (the model shipped in ``resources/models``) and
``MIN_PROB`` (roles less likely than this are not offered to the decoder).

Model card: ``resources/models/segmenter.md``; rebuild: ``python -m
desktop.pipeline.segment_train --out resources/models/segmenter.crfsuite``.
"""

from __future__ import annotations

import json
import math
import threading
from functools import cache
from pathlib import Path

import pycrfsuite

from desktop.pipeline.evidence import PageEvidence
from desktop.pipeline.roles import IMAGE, LEAD, NOISE, NOTE_FROM, NOTE_TO
from desktop.pipeline.segment_features import CLASS_FEATURE, FEATURE_VERSION, page_features

MODEL_NAME = "segmenter.crfsuite"
META_NAME = "segmenter.json"
MIN_PROB = 1e-2
# Past this sum of a line's marginals, every role not read yet is below MIN_PROB (the margin
# covers the rounding of the CRF's marginals, which sum to 1 within about 1e-12).
_SURE_ALL = 1.0 - MIN_PROB / 2
# Line shape classes whose role is certain: nothing readable or a table row, an image line,
# a continuation note, a wire tag opening a lead.
CERTAIN = {"noise": NOISE, "image": IMAGE, "note_from": NOTE_FROM, "note_to": NOTE_TO, "lead": LEAD}


class RoleModel:
    """A CRF line-role model read from ``path`` (a CRFsuite file)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"segmentation model not found: {self.path}")
        meta_path = self.path.with_suffix(".json")
        self.meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        version = self.meta.get("feature_version", FEATURE_VERSION)
        if version != FEATURE_VERSION:
            raise ValueError(
                f"{self.path}: built for line features v{version}, this program computes v{FEATURE_VERSION}; "
                "rebuild it (python -m desktop.pipeline.segment_train)"
            )
        self._local = threading.local()  # a CRFsuite tagger is not shared between threads
        self.labels = list(self._tagger().labels())
        # The roles lines of each group of shape classes had in training (a tag dictionary).
        known = set(self.labels)
        self._allowed = {c: tuple(x for x in r if x in known) for c, r in self.meta.get("allowed", {}).items()}

    def _tagger(self) -> pycrfsuite.Tagger:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = pycrfsuite.Tagger()
            tagger.open(str(self.path))
            self._local.tagger = tagger
        return tagger

    def tag(self, ev: PageEvidence) -> list[str]:
        """The most likely role sequence of the page under the CRF alone."""
        if not ev.lines:
            return []
        return list(self._tagger().tag(page_features(ev)))

    def log_probs(self, ev: PageEvidence) -> list[dict[str, float]]:
        """Per line, the log marginal probability of each role at least ``MIN_PROB`` likely."""
        if not ev.lines:
            return []
        tagger = self._tagger()
        features = page_features(ev)
        tagger.set(features)
        out: list[dict[str, float]] = []
        floor = math.log(MIN_PROB)
        allowed = self._allowed
        marginal = tagger.marginal
        log = math.log
        # The marginals of a line sum to 1: once more than _SURE_ALL of it is read, every role
        # not read yet is below MIN_PROB and need not be asked for.  The role most likely for
        # the last line of the same class is asked for first: most lines are that sure of it.
        likely: dict[str, str] = {}
        for k in range(len(ev.lines)):
            cls = features[k][CLASS_FEATURE][2:]
            if cls in CERTAIN:  # a pattern that decides the role alone (as for the hand-set scorer)
                out.append({CERTAIN[cls]: 0.0})
                continue
            seen = allowed.get(cls)
            labels = self.labels if seen is None else seen
            # A role lines of this shape class never had in training is not offered; a heading
            # keeps every role headings had, however unlikely: the page decides.
            keep_all = seen is not None and cls[0] == "h"
            guess = likely.get(cls)
            if guess is not None:
                p = marginal(guess, k)
                if p > _SURE_ALL:
                    if keep_all:
                        out.append({label: log(p) if label == guess else floor for label in labels})
                    else:
                        out.append({guess: log(p)})
                    continue
            row = {}
            mass = 0.0  # the probability of the roles read so far
            top, top_p = "", -1.0
            for label in labels:
                if mass > _SURE_ALL:
                    if keep_all:
                        row[label] = floor
                    continue
                p = marginal(label, k)
                mass += p
                if p > top_p:
                    top, top_p = label, p
                if p >= MIN_PROB:
                    row[label] = log(p)
                elif keep_all:
                    row[label] = floor
            likely[cls] = top
            if not row:  # nothing likely enough: every role of the class, equally unlikely
                row = dict.fromkeys(seen or self.labels, floor)
            out.append(row)
        return out


def model_path() -> Path:
    from desktop.resources import resource_path

    return resource_path("models", MODEL_NAME)


@cache
def default_model() -> RoleModel | None:
    """The shipped model, or None when the file is missing (the hand-set scorer is used then)."""
    path = model_path()
    return RoleModel(path) if path.is_file() else None
