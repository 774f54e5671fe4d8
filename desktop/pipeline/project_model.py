"""A project's own entity model: a second CRF stacked on the shipped extractor.

Owns: ``stack_features`` (the second layer's feature rows of one text, from the
shipped extractor's output), ``ProjectModel`` (a trained model: CRFsuite bytes
and its header, serialisable to one blob), ``ProjectExtractor`` (extraction
with a project model: the ``EntityExtractor`` interface) and ``STACK_PARAMS``.
Training is in ``project_training``.

Why stacked: the shipped tagger learned the news corpora and the spec; a
project's editors have their own conventions.  The second CRF is trained on
the project's reviewed articles only, with the shipped extractor's spans among
its features, so it starts from everything the shipped model knows (it learns
"keep that span" quickly) and the project's conventions win wherever the
editors' spans differ from it — without retraining on the corpora (seconds
instead of minutes).  It relabels PER, LOC and ORG; DATE, MONEY, PERCENT and
DOC stay the rules' (with their normalised values).

Confidence of a project span: the smallest marginal probability, over its
characters, of the second CRF's tag that marks each of them (as ``tagger``).

The gate (``header["gate"]``, chosen by cross-validation in ``project_training``):
a model learned from a few dozen articles also unlearns some names the shipped
model had right (it has seen too few of them to keep them all).  With a gate
``g``, a project span that is not one of the shipped extractor's is kept only
when the second CRF's confidence in it is at least ``g``, and a shipped span
that no kept span overlaps comes back.  ``None`` (models without the key): the
second CRF's spans as they are.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from desktop.pipeline.model import LABELS, Span
from desktop.pipeline.ner_data import ENTITY_LABELS, spans_to_tags, tags_to_spans

MAGIC = b"NEWSDESK-PROJECT-CRF 1\n"
STACK_VERSION = 1
STACK_PARAMS: dict[str, Any] = {
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 60,  # 40 above LARGE_CHARS of training text (project_training.iterations_for)
    "feature.minfreq": 1,
    "feature.possible_transitions": True,
}


class ProjectModelError(ValueError):
    """A stored project model that cannot be used (one line)."""


def _bucket(conf: float | None) -> str:
    if conf is None:
        return "n"
    return "h" if conf >= 0.9 else ("m" if conf >= 0.6 else "l")


def stack_features(text: str, tokens: Sequence[tuple[str, str]], base: Sequence[Span]) -> list[list[str]]:
    """Feature rows of ``text`` for the second layer: the shipped extractor's tag at and around
    each character (with its confidence band, and with the character), the characters
    ``i-1 .. i+1`` and the jieba word holding ``i`` when it has two or more characters.

    Kept small on purpose (bench/bench_learning.py): with bigrams or the word's place and
    POS tag, a model of 50 reviewed sentences lost names the shipped model had right
    (PER F1 -5 points: 卡洛斯·阿马特 cut at the "·" it had seen only outside names)."""
    n = len(text)
    btags = spans_to_tags(n, [(s.start, s.end, s.label) for s in base], LABELS, "BIOES")
    band = ["n"] * n
    for s in base:
        b = _bucket(s.confidence)
        for k in range(s.start, min(s.end, n)):
            band[k] = b
    word = [""] * n
    at = 0
    for w, _pos in tokens:
        m = len(w)
        if m > 1:
            for k in range(at, min(at + m, n)):
                word[k] = w
        at += m
    chars = ["^", *text, "$"]
    tags = ["^", *btags, "$"]
    rows: list[list[str]] = []
    for i in range(n):
        c, t = i + 1, btags[i]
        rows.append([
            "b=" + t, "b-1=" + tags[c - 1], "b+1=" + tags[c + 1], "bb=" + tags[c - 1] + "|" + t + "|" + tags[c + 1],
            "bc=" + t + band[i], "bx=" + t + "|" + text[i],
            "c=" + text[i], "c-1=" + chars[c - 1], "c+1=" + chars[c + 1], "ww=" + word[i],
        ])  # fmt: skip
    return rows


@dataclass(frozen=True)
class ProjectModel:
    """A trained second layer: CRFsuite bytes and the header (dates, counts, scores)."""

    crf: bytes
    header: dict[str, Any]

    def to_blob(self) -> bytes:
        head = dict(self.header, stack_version=STACK_VERSION, crf_sha256=hashlib.sha256(self.crf).hexdigest())
        return MAGIC + json.dumps(head, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n" + self.crf

    @classmethod
    def from_blob(cls, blob: bytes) -> ProjectModel:
        if not isinstance(blob, (bytes, bytearray)) or not blob.startswith(MAGIC):
            raise ProjectModelError("the stored project model is not a Newsdesk project model")
        blob = bytes(blob)
        eol = blob.find(b"\n", len(MAGIC))
        try:
            header = json.loads(blob[len(MAGIC) : eol].decode("utf-8")) if eol > 0 else None
        except (ValueError, UnicodeDecodeError):
            header = None
        if not isinstance(header, dict):
            raise ProjectModelError("the stored project model is corrupt (header)")
        crf = blob[eol + 1 :]
        if hashlib.sha256(crf).hexdigest() != header.get("crf_sha256"):
            raise ProjectModelError("the stored project model is corrupt (checksum mismatch)")
        if header.get("stack_version") != STACK_VERSION:
            raise ProjectModelError(
                f"the stored project model was made for stack features v{header.get('stack_version')}, "
                f"this Newsdesk uses v{STACK_VERSION}: train it again"
            )
        return cls(crf, header)


class _StackTagger:
    """CRFsuite tagger of a project model (calls serialised: a tagger keeps the last sequence)."""

    def __init__(self, crf: bytes) -> None:
        import pycrfsuite

        self._crf = crf  # must outlive the tagger, which reads the model from this buffer
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open_inmemory(crf)
        except ValueError as err:
            raise ProjectModelError(f"the stored project model is not a valid CRF model ({err})") from None
        self._lock = threading.Lock()

    def tag(self, rows: list[list[str]]) -> list[tuple[int, int, str, float]]:
        if not rows:
            return []
        with self._lock:
            tags = self._tagger.tag(rows)
            marginal = self._tagger.marginal
            return [(s, e, lab, min(marginal(tags[k], k) for k in range(s, e))) for s, e, lab in tags_to_spans(tags)]


class ProjectExtractor:
    """Entity extraction with a project model on top of ``base`` (an ``EntityExtractor``).

    Same interface as ``EntityExtractor`` where the app, the importer and the
    re-extraction use it: ``extract``, ``warm_up``, ``model_problem``.
    ``model_id`` names the stored model (statistics group machine spans by it).
    """

    def __init__(self, base: Any, model: ProjectModel, model_id: int | None = None) -> None:
        self.base = base
        self.model = model
        self.model_id = model_id
        self._tagger = _StackTagger(model.crf)
        gate = model.header.get("gate")
        self.gate: float | None = float(gate) if isinstance(gate, (int, float)) else None

    @property
    def model_problem(self) -> str | None:
        return self.base.model_problem

    def warm_up(self) -> None:
        self.base.warm_up()

    def extract(self, text: str) -> list[Span]:
        if not isinstance(text, str) or not text:
            return []
        from desktop.pipeline.rules import tokenize

        base = self.base.extract(text)
        return self.relabel(text, tokenize(text), base)

    def relabel(self, text: str, tokens: Sequence[tuple[str, str]], base: Sequence[Span],
                gate: float | None | str = "model") -> list[Span]:
        """The final spans of ``text`` from the shipped extractor's ``base`` spans (the model's
        gate unless ``gate`` is given: cross-validation tries each)."""
        tagged = self._tagger.tag(stack_features(text, tokens, base))
        return self.decide(text, base, tagged, self.gate if isinstance(gate, str) else gate)

    def tagged(self, text: str, tokens: Sequence[tuple[str, str]], base: Sequence[Span]) -> list[tuple[int, int, str, float]]:
        """The second CRF's spans ``(start, end, label, confidence)`` of ``text``."""
        return self._tagger.tag(stack_features(text, tokens, base))

    def decide(self, text: str, base: Sequence[Span], tagged: Sequence[tuple[int, int, str, float]],
               gate: float | None) -> list[Span]:
        """The final spans from the shipped ``base`` spans and the second CRF's ``tagged`` ones, under ``gate``."""
        from desktop.pipeline.gazetteer import code_of_name

        if gate is not None:
            shipped = {(s.start, s.end, s.label) for s in base}
            tagged = [t for t in tagged if t[:3] in shipped or t[3] >= gate]
        kept = [s for s in base if s.label not in ENTITY_LABELS]
        taken = [(s.start, s.end) for s in kept]
        by_place = {(s.start, s.end, s.label): s for s in base}
        out = list(kept)
        gaz = self.base._rules.gazetteer  # noqa: SLF001 - the base extractor's own gazetteer
        for start, end, label, conf in tagged:
            if any(a < end and start < b for a, b in taken):
                continue  # a DATE/MONEY/PERCENT/DOC span of the rules stays whole
            same = by_place.get((start, end, label))
            if same is not None:
                out.append(replace(same, confidence=conf))
                continue
            value = code_of_name(text[start:end], gaz, []) if label == "LOC" else None
            out.append(Span(start, end, label, text[start:end], value or None, confidence=conf))
        if gate is not None:  # shipped names the project model dropped without a confident replacement
            out += [s for s in base if s.label in ENTITY_LABELS and not any(o.start < s.end and s.start < o.end for o in out)]
        return sorted(out, key=lambda s: (s.start, s.end))
