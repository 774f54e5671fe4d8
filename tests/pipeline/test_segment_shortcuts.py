"""The segmenter's speed shortcuts give exactly what the plain computations give.

The shortcuts that rest on an argument rather than on a plain rewrite: the line-role model
stops asking for marginals once a line's roles read so far hold all but MIN_PROB / 2 of it
(marginals sum to 1), and the carry feature codes bigrams as integers (two UTF-32 code
units as one 64-bit number).  Each is checked against the plain computation.
"""

from __future__ import annotations

import math
import random
from operator import add
from pathlib import Path

import pytest

from desktop.pipeline.byline import closing_byline, match_lead
from desktop.pipeline.evidence import PageEvidence, bigram_codes, word_bigram_codes, word_bigrams
from desktop.pipeline.lines import split_lines
from desktop.pipeline.segment_features import CLASS_FEATURE, page_features
from desktop.pipeline.segment_model import CERTAIN, MIN_PROB, default_model

ROOT = Path(__file__).resolve().parents[2]
PAGE_FILES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "pages").glob("*.txt"))


def _pages() -> list[str]:
    return [f.read_text(encoding="utf-8").replace("\r\n", "\n") for f in PAGE_FILES]


def _plain_log_probs(model, ev: PageEvidence) -> list[dict[str, float]]:
    """``RoleModel.log_probs`` as first written: every marginal of every line asked for."""
    tagger = model._tagger()
    features = page_features(ev)
    tagger.set(features)
    floor = math.log(MIN_PROB)
    out: list[dict[str, float]] = []
    for k in range(len(ev.lines)):
        cls = features[k][CLASS_FEATURE][2:]
        if cls in CERTAIN:
            out.append({CERTAIN[cls]: 0.0})
            continue
        seen = model._allowed.get(cls)
        row = {}
        heading = cls[0] == "h"
        for label in model.labels if seen is None else seen:
            p = tagger.marginal(label, k)
            if p >= MIN_PROB:
                row[label] = math.log(p)
            elif heading and seen is not None:
                row[label] = floor
        if not row:
            row = dict.fromkeys(seen or model.labels, floor)
        out.append(row)
    return out


def test_log_probs_equal_the_plain_computation_role_for_role_and_in_order() -> None:
    model = default_model()
    if model is None:
        pytest.skip("no shipped line-role model")
    pages = _pages()
    for text in [*pages, "\n\n".join(pages)]:
        ev = PageEvidence(split_lines(text))
        fast = model.log_probs(ev)
        plain = _plain_log_probs(model, ev)
        assert [list(row.items()) for row in fast] == [list(row.items()) for row in plain]


def test_bigram_codes_are_a_one_to_one_coding_of_the_bigrams() -> None:
    rng = random.Random(7)
    alphabet = "日前记者，。 a1Z\u3000\U00020001\ud800"
    samples = ["", "a", "ab", "abc", "日前", "\U00020001日"] + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(2000)
    ]
    for text in samples:
        strings = set(map(add, text, text[1:]))
        codes = bigram_codes(text)
        assert codes == {ord(a) | ord(b) << 32 for a, b in strings}
        assert len(word_bigram_codes(text)) == len(word_bigrams(text))


def test_the_pre_checked_byline_readers_agree_with_their_patterns_on_every_line() -> None:
    """The wire-tag and closing-byline readers skip their patterns on lines that cannot match;
    on the development pages they find what the patterns alone find."""
    from desktop.pipeline import byline

    for text in _pages():
        for line in split_lines(text):
            t = line.text
            if "讯" not in t and "电" not in t:
                assert match_lead(t) is None and byline._LEAD_RE.match(t) is None
            if not t.rstrip().endswith((")", "）")):
                assert closing_byline(t) == 0
                assert byline._CLOSING_BRACKETED_RE.search(t, max(0, len(t) - 48)) is None
