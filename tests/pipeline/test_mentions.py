"""A sure name found once is given to its other occurrences in the text (mentions.py).
Invented names and sentences."""

from __future__ import annotations

from desktop.pipeline.mentions import SURE
from desktop.pipeline.mentions import repeat_mentions as _repeat
from desktop.pipeline.rules import word_boundaries


def repeat_mentions(text, spans, tokens, occupied=()):
    return _repeat(text, spans, *word_boundaries(tokens), occupied)


def _tokens(*words: str) -> list[tuple[str, str]]:
    return [(w, "x") for w in words]


def _names(text, spans):
    return [(text[s:e], label) for s, e, label, _ in spans]


def test_other_occurrences_of_a_sure_name_get_its_label_and_confidence():
    tokens = _tokens("青峰药业", "今年", "增长", "。", "明年", "青峰药业", "还要", "扩产")
    text = "".join(w for w, _ in tokens)
    out = repeat_mentions(text, [(0, 4, "ORG", 0.9)], tokens)
    assert _names(text, out) == [("青峰药业", "ORG"), ("青峰药业", "ORG")]
    assert out[1][3] == 0.9


def test_an_unsure_name_is_not_repeated():
    tokens = _tokens("青峰药业", "增长", "，", "青峰药业", "扩产")
    text = "".join(w for w, _ in tokens)
    assert len(repeat_mentions(text, [(0, 4, "ORG", SURE - 0.01)], tokens)) == 1


def test_an_occurrence_inside_a_longer_word_is_not_a_mention():
    tokens = _tokens("高峰", "扳回", "一球", "。", "高峰期", "拥堵")
    text = "".join(w for w, _ in tokens)
    assert _names(text, repeat_mentions(text, [(0, 2, "PER", 0.95)], tokens)) == [("高峰", "PER")]


def test_a_name_given_two_labels_or_touching_another_span_is_left_alone():
    tokens = _tokens("黄河", "说", "，", "黄河", "水", "，", "黄河")
    text = "".join(w for w, _ in tokens)
    two_labels = [(0, 2, "PER", 0.95), (4, 6, "LOC", 0.95)]
    assert repeat_mentions(text, two_labels, tokens) == two_labels
    tokens = _tokens("马清远", "说", "。", "马清远", "二〇二五年")
    text = "".join(w for w, _ in tokens)
    out = repeat_mentions(text, [(0, 3, "PER", 0.99)], tokens, occupied=[(6, 9)])  # a DATE over it, say
    assert len(out) == 1


def test_the_longest_sure_name_is_placed_first():
    tokens = _tokens("青峰", "说", "，", "青峰", "药业", "增长", "；", "青峰", "药业", "扩产")
    text = "".join(w for w, _ in tokens)
    spans = [(0, 2, "PER", 0.9), (4, 8, "ORG", 0.9)]
    assert _names(text, repeat_mentions(text, spans, tokens)) == [("青峰", "PER"), ("青峰药业", "ORG"), ("青峰药业", "ORG")]
