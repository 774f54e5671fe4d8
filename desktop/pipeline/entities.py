"""Entity spans of an article body: PER, ORG, LOC, DATE, MONEY, PERCENT, DOC.

Owns: ``EntityExtractor`` (runs every finder over one body and resolves their
overlaps) and ``extract_spans`` (the same through one shared extractor).

Finders: ``doc_titles`` (DOC), ``dates`` (DATE), ``numbers`` (MONEY, PERCENT),
``places`` + ``gazetteer`` (LOC), ``orgs`` (ORG), ``persons`` (PER); jieba words
give the boundaries for short aliases and the person candidates.

Overlaps are resolved by a fixed priority: a DOC title covers everything inside
it; then the longest candidate wins (an ORG that contains its place beats the
LOC), and on equal length ORG > LOC > PER > DATE > MONEY > PERCENT.  The result
is sorted, maximal and non-overlapping, with ``origin="auto"``.
"""

from __future__ import annotations

import threading
from typing import Any

from desktop.pipeline.dates import find_dates
from desktop.pipeline.doc_titles import find_doc_titles
from desktop.pipeline.gazetteer import Gazetteer, load_gazetteer
from desktop.pipeline.model import Span
from desktop.pipeline.numbers import find_money, find_percents
from desktop.pipeline.orgs import find_orgs, prepare_patterns
from desktop.pipeline.persons import PersonFinder
from desktop.pipeline.places import find_places

_PRIORITY = {"DOC": 0, "ORG": 1, "LOC": 2, "PER": 3, "DATE": 4, "MONEY": 5, "PERCENT": 6}

_shared_lock = threading.Lock()
_shared: dict[str, Any] = {}


def _shared_resources() -> tuple[Gazetteer, PersonFinder]:
    """Gazetteer and person finder, loaded once per process (thread-safe)."""
    with _shared_lock:
        if "gazetteer" not in _shared:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict…" chatter on stderr
            jieba.initialize()
            _shared["gazetteer"] = load_gazetteer()
            _shared["persons"] = PersonFinder()
            prepare_patterns()
        return _shared["gazetteer"], _shared["persons"]


class EntityExtractor:
    """Extracts entity spans from article bodies; cheap to create, loads lazily."""

    def __init__(self) -> None:
        self._resources: tuple[Gazetteer, PersonFinder] | None = None

    def warm_up(self) -> None:
        """Load the jieba dictionary, the gazetteer and the word lists now."""
        self._resources = _shared_resources()

    def extract(self, text: str) -> list[Span]:
        """Spans of ``text`` sorted by start, maximal, non-overlapping, ``text[start:end] == span.text``."""
        if not isinstance(text, str) or not text:
            return []
        if self._resources is None:
            self.warm_up()
        assert self._resources is not None
        gaz, persons = self._resources
        import jieba

        tokens: list[tuple[int, str]] = []
        word_starts: set[int] = set()
        pos = 0
        for word in jieba.lcut(text):
            tokens.append((pos, word))
            word_starts.add(pos)
            pos += len(word)
        word_starts.add(len(text))

        candidates: list[tuple[int, int, str, Any]] = []
        candidates += [(s, e, "DOC", None) for s, e in find_doc_titles(text)]
        candidates += [(s, e, "DATE", v) for s, e, v in find_dates(text)]
        candidates += [(s, e, "MONEY", v) for s, e, v in find_money(text)]
        candidates += [(s, e, "PERCENT", v) for s, e, v in find_percents(text)]
        places = find_places(text, gaz, word_starts)
        candidates += [(m.start, m.end, "LOC", m.code) for m in places]
        candidates += [(m.start, m.end, "ORG", None) for m in find_orgs(text, places, word_starts)]
        candidates += [(s, e, "PER", None) for s, e in persons.find(text, tokens)]
        return _resolve(text, candidates)


def _resolve(text: str, candidates: list[tuple[int, int, str, Any]]) -> list[Span]:
    occupied = bytearray(len(text))
    taken: list[Span] = []

    def order(c: tuple[int, int, str, Any]) -> tuple[int, int, int, int]:
        start, end, label, _ = c
        return (0 if label == "DOC" else 1, -(end - start), _PRIORITY[label], start)

    for start, end, label, value in sorted(candidates, key=order):
        if not (0 <= start < end <= len(text)) or occupied.find(1, start, end) != -1:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append(Span(start=start, end=end, label=label, text=text[start:end], value=value, origin="auto"))
    taken.sort(key=lambda s: s.start)
    return taken


_extractor_lock = threading.Lock()
_extractor: EntityExtractor | None = None


def extract_spans(text: str) -> list[Span]:
    """Entity spans of ``text`` through one process-wide ``EntityExtractor``."""
    global _extractor
    with _extractor_lock:
        if _extractor is None:
            _extractor = EntityExtractor()
    return _extractor.extract(text)
