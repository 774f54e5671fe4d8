"""The learned entity tagger: its model file, loading it safely, tagging with confidence.

Owns: the model file format (``write_model`` / ``read_model``), ``ModelError``
(a missing, corrupt or incompatible model, with a one-line message),
``default_model_path`` and ``CrfTagger`` (PER/LOC/ORG spans of one text from
its feature rows, each with the model's probability).

Model file
----------
``NEWSDESK-CRF 1\\n``, then one line of JSON (the header: feature version,
labels, SHA-256 and length of the model bytes, training parameters, data,
held-out scores, date), then the CRFsuite model bytes.  The checksum is checked
before CRFsuite sees the bytes: CRFsuite crashes the process on a truncated
model instead of raising, so a damaged file must never reach it.

Confidence
----------
A span's confidence is the smallest marginal probability, over its characters,
of the tag that marks each of them as part of that span (CRFsuite's
forward-backward marginals): the probability that the weakest character of the
span is tagged as it is, an upper bound on the probability of the whole span
being right.  The same figure is given for spans the rules found
(``tag(rows, others)``), so a rule span the model doubts shows it.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.pipeline.ner_data import tags_to_spans
from desktop.pipeline.tagger_features import FEATURE_VERSION

MAGIC = b"NEWSDESK-CRF 1\n"
MODEL_ENV = "NEWSDESK_ENTITY_MODEL"  # a model path, or "none" for the rules alone
MODEL_FILE = "entities.crf"

SpanConf = tuple[int, int, str, float]


class ModelError(Exception):
    """The entity model cannot be used; ``str()`` is one line naming the file and why."""


def default_model_path() -> Path | None:
    """The model to use when none is named: ``$NEWSDESK_ENTITY_MODEL``, else the shipped one.

    None when the variable says ``none`` (rules only).
    """
    env = os.environ.get(MODEL_ENV, "").strip()
    if env.lower() in ("none", "off", "rules"):
        return None
    if env:
        return Path(env)
    from desktop.resources import resource_path

    return resource_path("models", MODEL_FILE)


def write_model(path: str | Path, crf_bytes: bytes, header: dict[str, Any]) -> dict[str, Any]:
    """Write a model file atomically: magic, header line (checksum added), CRFsuite bytes; returns the header."""
    head = dict(header)
    head.update(
        format=1,
        feature_version=FEATURE_VERSION,
        crf_sha256=hashlib.sha256(crf_bytes).hexdigest(),
        crf_length=len(crf_bytes),
    )
    path = Path(path)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        f.write(MAGIC)
        f.write(json.dumps(head, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
        f.write(crf_bytes)
    os.replace(tmp, path)
    return head


def read_model(path: str | Path) -> tuple[dict[str, Any], bytes]:
    """Header and CRFsuite bytes of a model file, checked; raises ``ModelError``."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ModelError(f"entity model {path} not found") from None
    except OSError as err:
        raise ModelError(f"entity model {path} cannot be read: {err.strerror or err}") from None
    if not data.startswith(MAGIC):
        raise ModelError(f"entity model {path} is not a Newsdesk model file (bad signature)")
    eol = data.find(b"\n", len(MAGIC))
    try:
        if eol < 0:
            raise ValueError("no header line")
        header = json.loads(data[len(MAGIC) : eol].decode("utf-8"))
        if not isinstance(header, dict):
            raise ValueError("header is not an object")
    except (ValueError, UnicodeDecodeError) as err:
        raise ModelError(f"entity model {path} is corrupt (header: {err})") from None
    crf = data[eol + 1 :]
    if len(crf) != header.get("crf_length") or hashlib.sha256(crf).hexdigest() != header.get("crf_sha256"):
        raise ModelError(f"entity model {path} is corrupt or truncated (checksum mismatch)")
    if header.get("feature_version") != FEATURE_VERSION:
        raise ModelError(
            f"entity model {path} was built for features v{header.get('feature_version')}, "
            f"this Newsdesk computes v{FEATURE_VERSION}: rebuild it with 'newsdesk train'"
        )
    return header, crf


def model_problem(path: str | Path | None) -> str | None:
    """One line saying why the model at ``path`` cannot be used, or None when it can (no CRFsuite load)."""
    if path is None:
        return None
    try:
        read_model(path)
    except ModelError as err:
        return str(err)
    return None


class CrfTagger:
    """A loaded model: tags feature rows, returns spans with confidence.

    One CRFsuite tagger holds the state of the last sequence it tagged, so calls
    are serialised by a lock (extractors in several threads may share a model).
    """

    def __init__(self, path: str | Path) -> None:
        import pycrfsuite

        self.path = Path(path)
        self.header, crf = read_model(self.path)
        self._lock = threading.Lock()
        self._tagger = pycrfsuite.Tagger()
        self._crf = crf  # CRFsuite reads the model from this buffer: it must live as long as the tagger
        try:
            self._tagger.open_inmemory(crf)
        except ValueError as err:
            raise ModelError(f"entity model {self.path} is not a valid CRF model ({err})") from None
        self.labels = tuple(self._tagger.labels())
        self.size = len(crf)
        self._bioes = any(t.startswith(("E-", "S-")) for t in self.labels)
        self._entity_labels = frozenset(t[2:] for t in self.labels if t != "O")

    def tag(
        self, rows: Sequence[Sequence[str]], others: Sequence[tuple[int, int, str]] = ()
    ) -> tuple[list[SpanConf], list[float]]:
        """Spans ``(start, end, label, confidence)`` of the text whose feature rows are ``rows``,
        and the model's probability for each of ``others`` (spans found another way)."""
        if not rows:
            return [], [0.0] * len(others)
        with self._lock:
            tags = self._tagger.tag(rows)
            marginal = self._tagger.marginal
            spans = [
                (start, end, label, min([marginal(tags[k], k) for k in range(start, end)]))
                for start, end, label in tags_to_spans(tags)
            ]
            return spans, [self._span_probability(s, e, lab) for s, e, lab in others]

    def _span_probability(self, start: int, end: int, label: str) -> float:
        """Smallest marginal of the tags that would mark ``[start, end)`` as ``label``."""
        if label not in self._entity_labels:
            return 0.0
        marginal = self._tagger.marginal
        if self._bioes:
            if end - start == 1:
                return marginal("S-" + label, start)
            wanted = ["B-" + label, *(["I-" + label] * (end - start - 2)), "E-" + label]
        else:
            wanted = ["B-" + label, *(["I-" + label] * (end - start - 1))]
        return min([marginal(t, k) for k, t in zip(range(start, end), wanted)])

    def tags_and_marginals(self, rows: Sequence[Sequence[str]]) -> tuple[list[str], list[float]]:
        """The best tag sequence and each tag's marginal probability (for analysis and tests)."""
        if not rows:
            return [], []
        with self._lock:
            tags = self._tagger.tag(rows)
            return tags, [self._tagger.marginal(t, i) for i, t in enumerate(tags)]


_models_lock = threading.Lock()
_models: dict[tuple[Path, int, int], CrfTagger | ModelError] = {}


def load_tagger(path: str | Path) -> CrfTagger:
    """The model at ``path``, loaded once per process and file version (a failure is remembered too)."""
    resolved = Path(path).resolve()
    try:
        st = resolved.stat()
        key = (resolved, st.st_size, st.st_mtime_ns)
    except OSError:
        key = (resolved, -1, -1)
    with _models_lock:
        if key not in _models:
            try:
                _models[key] = CrfTagger(resolved)
            except ModelError as err:
                _models[key] = err
        found = _models[key]
    if isinstance(found, ModelError):
        raise found
    return found
