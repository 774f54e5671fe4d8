"""Which machine spans the editor should look at first: those the model is unsure of.

Owns: the threshold in use (``threshold`` / ``set_threshold``, from the
preference ``preferences/uncertain_below``), ``is_uncertain`` (a machine span,
still unchecked, whose confidence is below it) and ``span_order`` (the span
table's order: uncertain spans first, least sure first, then the rest by
place).  The highlighter draws uncertain spans with a wavy underline, the span
table lists them first, F8 walks them (``span_editing``, ``uncertain_flow``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

DEFAULT_THRESHOLD = 0.6
_threshold = DEFAULT_THRESHOLD


def threshold() -> float:
    return _threshold


def set_threshold(value: float) -> None:
    global _threshold
    _threshold = min(1.0, max(0.0, float(value)))


def is_uncertain(span: Any, below: float | None = None) -> bool:
    """A machine span (origin ``auto``) with a confidence below the threshold."""
    limit = _threshold if below is None else below
    return span.origin == "auto" and span.confidence is not None and span.confidence < limit


def span_order(spans: Sequence[Any]) -> list[Any]:
    """Uncertain spans first (least confident first), then every other span by start."""
    unsure = sorted((s for s in spans if is_uncertain(s)), key=lambda s: (s.confidence, s.start, s.end))
    rest = sorted((s for s in spans if not is_uncertain(s)), key=lambda s: (s.start, s.end))
    return unsure + rest
