"""A name found once is the same name wherever else it stands in the text.

Owns: ``repeat_mentions``.  The tagger decides each mention from its own few characters
of context, so an article that names a company or a person five times may get one or
two of them: 青峰药业 after 据悉 is found, 青峰药业 before 还要 is not.  Here every
PER/LOC/ORG span the extractor is sure of (confidence >= ``SURE``) is looked up again in
the same text; each other occurrence that stands as words of its own (it starts where a
jieba word starts and ends where one ends: not 高峰 inside 高峰期) and that no other
span touches becomes a span of the same label and confidence.  A name given two labels
in the text is left alone.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

SpanC = tuple[int, int, str, "float | None"]

SURE = 0.8
_LABELS = frozenset(("PER", "LOC", "ORG"))
_MIN_CHARS = 2


def repeat_mentions(
    text: str,
    spans: Sequence[SpanC],
    word_starts: Container[int],
    word_ends: Container[int],
    occupied: Sequence[tuple[int, int]] = (),
) -> list[SpanC]:
    """``spans`` with the other occurrences of their sure names added, sorted by start;
    ``word_starts`` and ``word_ends`` are where jieba's words of ``text`` start and end
    (``rules.word_boundaries``), ``occupied`` other spans' (start, end) that a new mention
    must not touch either."""
    labels: dict[str, set[str]] = {}
    sure: dict[str, float] = {}
    for start, end, label, conf in spans:
        if label not in _LABELS:
            continue
        name = text[start:end]
        labels.setdefault(name, set()).add(label)
        if end - start >= _MIN_CHARS and conf is not None and conf >= SURE:
            sure[name] = max(conf, sure.get(name, 0.0))
    names = [n for n in sure if len(labels[n]) == 1]
    if not names:
        return list(spans)
    taken = bytearray(len(text))
    for start, end, *_ in spans:
        taken[start:end] = b"\x01" * (end - start)
    for start, end in occupied:
        taken[start:end] = b"\x01" * (end - start)
    added: list[SpanC] = []
    for name in sorted(names, key=len, reverse=True):  # the longest name first: 青峰药业 before 青峰
        label = next(iter(labels[name]))
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if at in word_starts and end in word_ends and not any(taken[at:end]):
                added.append((at, end, label, sure[name]))
                taken[at:end] = b"\x01" * len(name)
            at = text.find(name, end)
    return sorted([*spans, *added], key=lambda s: (s[0], -s[1])) if added else list(spans)

