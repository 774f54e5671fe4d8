"""Sentence boundaries in a Chinese article body, shared by CoNLL and sentence units.

Owns :func:`sentence_ranges`.  A sentence ends after 。！？!? (plus any closing
quotes or brackets right after it) and at every line break.  A boundary that
would fall strictly inside a span is not taken, so an entity broken by an OCR
column break (``四川\\n省财政厅``) stays in one sentence.  Ranges are trimmed of
surrounding whitespace and empty ranges are dropped.  Offsets are code points.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

SENTENCE_ENDERS = frozenset("。！？!?")
# Characters that close a sentence together with its ender: 。” stays one sentence.
CLOSERS = frozenset("”’\"'」』）)】》")
LINE_BREAKS = frozenset("\n\r\u2028\u2029")


def _candidate_cuts(text: str) -> list[int]:
    cuts: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in SENTENCE_ENDERS:
            j = i + 1
            while j < n and (text[j] in SENTENCE_ENDERS or text[j] in CLOSERS):
                j += 1
            cuts.append(j)
            i = j
            continue
        if ch in LINE_BREAKS:
            cuts.append(i + 1)
        i += 1
    return cuts


def sentence_ranges(
    text: str, spans: Iterable[Mapping[str, Any]] = ()
) -> list[tuple[int, int]]:
    """``[start, end)`` code-point ranges of the sentences of ``text``, in order."""
    inside = bytearray(len(text) + 1)  # inside[p] = 1: a cut at p would split a span
    for span in spans:
        for p in range(max(0, span["start"] + 1), min(len(text), span["end"])):
            inside[p] = 1
    bounds = [0] + [c for c in _candidate_cuts(text) if 0 < c < len(text) and not inside[c]]
    bounds.append(len(text))
    ranges: list[tuple[int, int]] = []
    for start, end in zip(bounds, bounds[1:]):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            ranges.append((start, end))
    return ranges
