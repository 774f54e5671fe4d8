"""A text longer than ``entities.SECTION`` is read section by section: bounded memory,
the same spans as its sections read alone, offsets in the whole text."""

from __future__ import annotations

import pytest

from desktop.pipeline import entities
from desktop.pipeline.entities import EntityExtractor, _sections

PARAGRAPH = "江北县交通运输局召开会议，赵明远出席并讲话。会议决定投入3000万元修建乡村公路。\n"


def test_sections_cover_the_text_and_end_after_a_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entities, "SECTION", 100)
    text = PARAGRAPH * 20
    cuts = _sections(text)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in zip(cuts, cuts[1:]))
    assert all(text[b - 1] in "\n。！？!?；;" for _, b in cuts[:-1])
    assert all(b - a >= 100 for a, b in cuts[:-1])


def test_a_text_without_stops_is_cut_at_twice_the_section(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entities, "SECTION", 100)
    cuts = _sections("字" * 1000)
    assert cuts[0] == (0, 200) and cuts[-1][1] == 1000


def test_a_long_text_gets_the_spans_of_its_sections(monkeypatch: pytest.MonkeyPatch) -> None:
    extractor = EntityExtractor()
    text = PARAGRAPH * 12
    monkeypatch.setattr(entities, "SECTION", len(PARAGRAPH) * 3)
    cuts = _sections(text)
    assert len(cuts) == 4
    sectioned = extractor.extract(text)
    expected = [
        (s.start + a, s.end + a, s.label) for a, b in cuts for s in extractor._extract(text[a:b])
    ]
    assert [(s.start, s.end, s.label) for s in sectioned] == expected
    assert all(text[s.start : s.end] == s.text for s in sectioned)
    per = [s for s in sectioned if s.label == "PER"]
    assert [s.text for s in per] == ["赵明远"] * 12  # every paragraph's name, in each section


def test_a_very_long_word_does_not_repeat_its_text_in_every_character() -> None:
    """A 10,000-digit "word" once cost 5 GB and 20 s in CRFsuite, which copies each
    character's feature strings: its identity feature is one shared short string."""
    from desktop.pipeline.rules import tokenize
    from desktop.pipeline.tagger_features import LONG_WORD, char_features

    extractor = EntityExtractor()
    text = "会议在成都召开。" + "1234567890" * 1000 + "。李明出席。"
    assert any(s.text == "李明" for s in extractor.extract(text))
    tokens = tokenize(text)
    assert any(len(w) > LONG_WORD for w, _ in tokens)
    assert extractor._lex is not None
    rows = char_features(text, tokens, ["O"] * len(text), extractor._lex.features)
    assert max(len(f) for row in rows for f in row) < 40
