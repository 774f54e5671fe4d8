"""Entity spans of an article body: PER, ORG, LOC, DATE, MONEY, PERCENT, DOC.

Owns: ``EntityExtractor`` (one text -> its spans: the rule finders, the learned
tagger, how they are put together, the spec's conventions, the final overlap
resolution) and ``extract_spans`` (the same through one shared extractor).

For one text:

1. jieba's words and part-of-speech tags (rjieba: the same cut, ~20x faster);
2. the rule finders (``rules.RuleFinders``): DOC, DATE, MONEY and PERCENT with
   their normalised values, LOC with its division code, ORG, PER;
3. the tagger (``tagger.CrfTagger``, the model shipped in resources/models/, loaded on
   the first text) tags PER/LOC/ORG from character, word, word-list, dictionary-name
   and rule features, each span with its probability;
4. ``combine.merge_entity_spans`` settles where tagger and rules disagree, and
   ``mentions.repeat_mentions`` gives the other occurrences of a sure name its label;
5. ``conventions.SpecConventions`` turns the result into the spec's convention
   (skipped with ``convention="corpus"``, which leaves the news-corpus convention
   the tagger learned);
6. ``rules.resolve`` makes the whole maximal and non-overlapping (DOC covers what
   is inside it, then the longest span wins); LOC spans get their division code.

Confidence: every PER/LOC/ORG span carries the tagger's probability for it (see
``tagger``), also when the rules found it; DATE, MONEY, PERCENT and DOC spans,
which the tagger does not know, and every span when no model is loaded carry
``RULE_CONFIDENCE`` of their label: the precision of the rule finders measured
on held-out data (bench/bench_entities.py), a documented constant rather than a
probability.

Without a model (missing or corrupt file, or ``model=None``) the extractor runs the
rules alone, as before the tagger existed; ``model_problem`` says why in one line.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from desktop.pipeline.combine import merge_entity_spans
from desktop.pipeline.conventions import SpecConventions
from desktop.pipeline.doc_titles import find_doc_titles
from desktop.pipeline.gazetteer import PROVINCE_ABBR, Gazetteer, code_of_name
from desktop.pipeline.jieba_words import named_words
from desktop.pipeline.lexicon import words
from desktop.pipeline.mentions import repeat_mentions
from desktop.pipeline.short_forms import bracketed_short_forms, listed_siblings
from desktop.pipeline.model import LABELS, Span
from desktop.pipeline.orgs import clause_starts
from desktop.pipeline.ner_data import ENTITY_LABELS, spans_to_tags
from desktop.pipeline.rules import Candidate, RuleFinders, resolve, tokenize, word_boundaries
from desktop.pipeline.tagger import CrfTagger, ModelError, default_model_path, load_tagger
from desktop.pipeline.tagger_features import FeatureLexicon, char_features

log = logging.getLogger(__name__)

CONVENTIONS: tuple[str, ...] = ("spec", "corpus")
_CONTEXT = 32  # places named before that resolve an ambiguous division name (the nearest decide)
# Precision of the rule finders, capped at 0.99 (a rule is never certain): PER/ORG/LOC on the
# held-out dev parts of the corpora and the seed gold pooled (42/45, 88/104, 367/423);
# DATE/MONEY/PERCENT/DOC on the whole seed gold (34/35, 19/19, 19/19, 19/19 — the pages the
# rules were written on, so optimistic).  Measured with bench/bench_entities.py's data.
RULE_CONFIDENCE: dict[str, float] = {
    "PER": 0.93, "ORG": 0.85, "LOC": 0.87, "DATE": 0.97, "MONEY": 0.99, "PERCENT": 0.99, "DOC": 0.99,
}  # fmt: skip


class _Default:
    def __repr__(self) -> str:
        return "DEFAULT_MODEL"


DEFAULT_MODEL: Any = _Default()


@dataclass(frozen=True)
class Lexicons:
    features: FeatureLexicon
    conventions: SpecConventions


@cache
def _surnames() -> tuple[str, ...]:
    return tuple(s for line in words("surnames") for s in line.split())


def build_lexicons(gaz: Gazetteer) -> Lexicons:
    """The word lists of the tagger's features and of the conventions (from resources/lexicon)."""
    features = FeatureLexicon.build(
        titles=words("person_titles"), honorifics=words("honorifics"), speech_verbs=words("speech_verbs"),
        organ_words=(*words("organ_words"), *words("national_bodies"), *words("bare_bodies")),
        surnames=_surnames(),
        places=(gaz.admin, gaz.aliases, gaz.countries, gaz.world_cities),
        local_places=(gaz.towns, gaz.villages),
        known_orgs=words("known_orgs"),
        named_words=named_words(),
    )
    provinces = [n for table in (gaz.admin, gaz.aliases) for n, codes in table.items() if all(c.endswith("0000") for c in codes)]
    conventions = SpecConventions.build(
        titles=words("person_titles"),
        honorifics=words("honorifics"),
        organ_words=words("organ_words"),
        body_heads=words("body_heads"),
        surnames=_surnames(),
        province_abbreviations=PROVINCE_ABBR,
        countries=gaz.countries,
        provinces=provinces,
        generic_places=words("generic_place_words"),
    )
    return Lexicons(features, conventions)


_lexicons_lock = threading.Lock()
_lexicons: dict[int, Lexicons] = {}


def _shared_lexicons(gaz: Gazetteer) -> Lexicons:
    with _lexicons_lock:
        if id(gaz) not in _lexicons:
            _lexicons[id(gaz)] = build_lexicons(gaz)
        return _lexicons[id(gaz)]


class EntityExtractor:
    """Extracts entity spans from texts; cheap to create, loads everything on first use.

    ``model``: ``DEFAULT_MODEL`` (the shipped model, or ``$NEWSDESK_ENTITY_MODEL``),
    a path, or None for the rules alone.  ``convention``: ``"spec"`` (the
    annotation spec, default) or ``"corpus"`` (the news-corpus convention the
    tagger learned: no post-processing of its spans).
    """

    def __init__(self, model: Any = DEFAULT_MODEL, convention: str = "spec") -> None:
        if convention not in CONVENTIONS:
            raise ValueError(f"convention must be one of {CONVENTIONS}, not {convention!r}")
        self._model_path: Path | None = default_model_path() if model is DEFAULT_MODEL else (Path(model) if model is not None else None)
        self.convention = convention
        self._rules = RuleFinders()
        self._lex: Lexicons | None = None
        self._tagger: CrfTagger | None = None
        self._loaded = False
        self.model_problem: str | None = None
        self._lock = threading.Lock()  # loading happens once

    @property
    def tagger(self) -> CrfTagger | None:
        """The loaded model (None when running on the rules alone)."""
        self.warm_up()
        return self._tagger

    def warm_up(self) -> None:
        """Load the jieba dictionary, the gazetteer, the word lists and the model now."""
        if self._loaded:
            return
        with self._lock:
            if not self._loaded:
                self._load()

    def _load(self) -> None:
        self._rules.warm_up()
        tokenize("预热")  # rjieba reads its dictionary on first use
        self._lex = _shared_lexicons(self._rules.gazetteer)
        if self._model_path is not None:
            try:
                self._tagger = load_tagger(self._model_path)
            except ModelError as err:
                self.model_problem = f"{err}; entities come from the rules alone"
                log.info("%s", self.model_problem)
        self._loaded = True

    def spec_gold(self, text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Gold spans in the corpus convention mapped to the spec, by the extractor's own conventions."""
        self.warm_up()
        assert self._lex is not None
        entity = [(s, e, lab, None) for s, e, lab in spans if lab in ENTITY_LABELS]
        other = [(s, e, lab) for s, e, lab in spans if lab not in ENTITY_LABELS]
        tokens = tokenize(text)
        mapped = self._lex.conventions.apply(text, entity, word_boundaries(tokens)[1], find_doc_titles(text), tokens)
        return sorted(other + [(s, e, lab) for s, e, lab, _ in mapped])

    def features(self, text: str, tokens: list[tuple[str, str]] | None = None) -> list[tuple[str, ...]]:
        """The tagger's feature rows of ``text`` (training uses exactly these)."""
        self.warm_up()
        assert self._lex is not None
        if tokens is None:
            tokens = tokenize(text)
        rule_spans = resolve(text, self._rules.candidates(text, [w for w, _ in tokens], [t for _, t in tokens]))
        return self._rows(text, tokens, rule_spans)

    def _rows(self, text: str, tokens: list[tuple[str, str]], rule_spans: list[Span]) -> list[tuple[str, ...]]:
        assert self._lex is not None
        rule_tags = spans_to_tags(len(text), [(s.start, s.end, s.label) for s in rule_spans], LABELS)
        return char_features(text, tokens, rule_tags, self._lex.features)

    def extract(self, text: str) -> list[Span]:
        """Spans of ``text`` sorted by start, maximal, non-overlapping, ``text[start:end] == span.text``.

        A text longer than ``SECTION`` characters (no news article is; a damaged page
        that is one 20 MB paragraph is) is read section by section, cut after a line end
        or a sentence-final stop, so that memory stays bounded by the section, not the text.
        """
        if not isinstance(text, str) or not text:
            return []
        if len(text) > SECTION:
            out: list[Span] = []
            for a, b in _sections(text):
                out += [replace(s, start=s.start + a, end=s.end + a) for s in self._extract(text[a:b])]
            return out
        return self._extract(text)

    def _extract(self, text: str) -> list[Span]:
        self.warm_up()
        assert self._lex is not None
        tokens = tokenize(text)
        candidates = self._rules.candidates(text, [w for w, _ in tokens], [t for _, t in tokens])
        rule_spans = resolve(text, candidates)
        if self._tagger is None:
            return [_with_confidence(s, RULE_CONFIDENCE.get(s.label)) for s in rule_spans]
        entity_rules = [(s.start, s.end, s.label) for s in rule_spans if s.label in ENTITY_LABELS]
        tagged, doubts = self._tag(text, tokens, rule_spans, entity_rules)
        scored_rules = [(s, e, lab, p) for (s, e, lab), p in zip(entity_rules, doubts)]
        starts, ends = word_boundaries(tokens)
        merged = merge_entity_spans(tagged, scored_rules, word_ends=ends, text=text, verb_starts=clause_starts(tokens))
        others = [(s.start, s.end) for s in rule_spans if s.label not in ENTITY_LABELS]
        merged = repeat_mentions(text, listed_siblings(text, bracketed_short_forms(text, merged)), starts, ends, others)
        titles = [(s.start, s.end) for s in rule_spans if s.label == "DOC"]
        if self.convention == "spec":
            merged = self._lex.conventions.apply(text, merged, ends, titles, tokens)
        codes = {(s.start, s.end): s.value for s in rule_spans if s.label == "LOC"}
        named = {(s, e) for s, e, _, _ in merged}  # a title that is exactly a name is that name (《环球时报》)
        final: list[Candidate] = [
            (s.start, s.end, s.label, s.value, RULE_CONFIDENCE.get(s.label))
            for s in rule_spans
            if s.label not in ENTITY_LABELS and not (s.label == "DOC" and (s.start, s.end) in named)
        ]
        context: list[str] = []
        for start, end, label, conf in merged:
            value = None
            if label == "LOC":
                value = codes.get((start, end)) or code_of_name(text[start:end], self._rules.gazetteer, context[-_CONTEXT:])
                if value:
                    context.append(value)
            final.append((start, end, label, value, conf if conf is not None else RULE_CONFIDENCE.get(label)))
        return resolve(text, final)


    def _tag(
        self, text: str, tokens: list[tuple[str, str]], rule_spans: list[Span], others: list[tuple[int, int, str]]
    ) -> tuple[list[tuple[int, int, str, float]], list[float | None]]:
        """The tagger's spans of ``text`` and its probability for each of ``others``.

        A long text is tagged piece by piece (``_pieces``), so that its feature rows
        never take more than a few MB; the rule spans in a piece are scored there,
        one that crosses pieces gets None (its label's ``RULE_CONFIDENCE`` later).
        """
        assert self._tagger is not None and self._lex is not None
        rule_tags = spans_to_tags(len(text), [(s.start, s.end, s.label) for s in rule_spans], LABELS)
        tagged: list[tuple[int, int, str, float]] = []
        doubts: list[float | None] = [None] * len(others)
        k = 0
        for a, b, piece_tokens in _pieces(tokens):
            rows = char_features(text[a:b], piece_tokens, rule_tags[a:b], self._lex.features)
            first = k
            while k < len(others) and others[k][1] <= b:
                k += 1
            inside = [(s - a, e - a, lab) for s, e, lab in others[first:k] if s >= a]
            spans, probs = self._tagger.tag(rows, inside)
            tagged += [(s + a, e + a, lab, p) for s, e, lab, p in spans]
            for j, p in zip([j for j in range(first, k) if others[j][0] >= a], probs):
                doubts[j] = p
        return tagged, doubts


PIECE = 3000  # characters tagged at once: beyond this a text is cut after a sentence end
SECTION = 50_000  # characters read at once by ``extract`` (tokens, rule candidates, tags)
_SECTION_ENDS = re.compile(r"[\n。！？!?；;]")


def _sections(text: str) -> list[tuple[int, int]]:
    """(start, end) of consecutive sections of ``text``: at least ``SECTION`` characters each
    (the last may be shorter), cut after a line end or a sentence-final stop, or at
    ``2 * SECTION`` where there is none."""
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > SECTION:
        m = _SECTION_ENDS.search(text, start + SECTION, start + 2 * SECTION)
        end = m.end() if m else start + 2 * SECTION
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def _pieces(tokens: list[tuple[str, str]]) -> list[tuple[int, int, list[tuple[str, str]]]]:
    """(start, end, tokens) of consecutive pieces of a text: about ``PIECE`` characters each,
    cut after a line end or a sentence-final stop (or anywhere past twice that)."""
    pieces: list[tuple[int, int, list[tuple[str, str]]]] = []
    start = pos = 0
    current: list[tuple[str, str]] = []
    for token in tokens:
        current.append(token)
        pos += len(token[0])
        size = pos - start
        if size >= PIECE and (token[0][-1] in "\n。！？!?；;" or size >= 2 * PIECE):
            pieces.append((start, pos, current))
            start, current = pos, []
    if current:
        pieces.append((start, pos, current))
    return pieces


def _with_confidence(span: Span, confidence: float | None) -> Span:
    span.confidence = confidence
    return span


_extractor_lock = threading.Lock()
_extractor: EntityExtractor | None = None


_project: Any = None  # a ProjectExtractor over the shared extractor, when a project model is in use


def shared_extractor() -> Any:
    """The process-wide extractor: the shipped model, spec convention, with the project model
    installed by ``use_project_model`` on top when there is one."""
    global _extractor
    with _extractor_lock:
        if _extractor is None:
            _extractor = EntityExtractor()
        return _project if _project is not None else _extractor


def use_project_model(blob: bytes | None, model_id: int | None = None) -> int | None:
    """Make the project model in ``blob`` (``ProjectModel.to_blob``) the process-wide one (None: the
    shipped model alone); returns the id of the one in use before.  ``ProjectModelError`` on a bad blob."""
    global _project
    from desktop.pipeline.project_model import ProjectExtractor, ProjectModel

    extractor = None
    if blob is not None:
        base = shared_extractor() if _project is None else _project.base
        extractor = ProjectExtractor(base, ProjectModel.from_blob(blob), model_id)
    with _extractor_lock:
        before = None if _project is None else _project.model_id
        _project = extractor
    return before


def project_extractor() -> Any:
    """The installed ``ProjectExtractor`` (None: the shipped model alone), to put back with ``set_project_extractor``."""
    return _project


def set_project_extractor(extractor: Any) -> None:
    global _project
    with _extractor_lock:
        _project = extractor


def project_model_id() -> int | None:
    """Id of the project model in use process-wide (None: the shipped model)."""
    return None if _project is None else _project.model_id


def extract_spans(text: str) -> list[Span]:
    """Entity spans of ``text`` through one process-wide ``EntityExtractor``."""
    return shared_extractor().extract(text)
