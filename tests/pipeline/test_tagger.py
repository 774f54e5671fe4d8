"""The learned tagger: features, the model file, training reproducibility, fallback to the rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.pipeline.entities import EntityExtractor
from desktop.pipeline.rules import RuleFinders, tokenize
from desktop.pipeline.tagger import MAGIC, CrfTagger, ModelError, model_problem, read_model, write_model
from desktop.pipeline.tagger_features import FeatureLexicon, char_features
from desktop.pipeline.tagger_training import TrainParams, train_tagger
from tests.pipeline.tagger_corpus import write_corpus

TINY = TrainParams(max_iterations=25)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tagger")
    out = folder / "tiny.crf"
    train_tagger([write_corpus(folder / "tiny.bio")], out, params=TINY)
    return out


# --------------------------------------------------------------------------- features


@pytest.fixture(scope="module")
def lex() -> FeatureLexicon:
    return FeatureLexicon.build(
        titles=["书记"], honorifics=["先生"], speech_verbs=["说"], organ_words=["水利局"],
        surnames=["王", "欧阳"], places=[["青石县"]], local_places=({"白沙镇"},),
    )


def test_one_row_per_character_with_window_word_and_lexicon_features(lex):
    text = "欧阳青说１９９８年"
    tokens = [("欧阳青", "nr"), ("说", "v"), ("１９９８", "m"), ("年", "m")]
    rows = char_features(text, tokens, ["B-PER", "I-PER", "I-PER"] + ["O"] * 6, lex)
    assert len(rows) == len(text)
    first = set(rows[0])
    assert {"c=欧", "c-1=\x02", "c+1=阳", "b+1=欧阳", "wp=Bnr", "w=欧阳青", "s=2", "r=B-PER", "lr=^|v"} <= first
    assert "nb=^|say" in first  # the next word is a verb of saying
    assert "wc=say" in set(rows[3])
    # digits read as 0, full-width as half-width
    assert "c=0" in set(rows[4]) and "k=HDD" in set(rows[4])


def test_word_lists_and_gazetteer_classes(lex):
    text = "青石县水利局白沙镇王书记"
    tokens = [("青石县", "ns"), ("水利局", "n"), ("白沙镇", "ns"), ("王", "nr"), ("书记", "n")]
    rows = char_features(text, tokens, ["O"] * len(text), lex)
    assert "wc=gaz" in rows[0] and "wc=org" in rows[3] and "wc=loc" in rows[6]
    assert "wc=sur" in rows[9] and "s=1" in rows[9] and "wc=ttl" in rows[10]


def test_named_words_of_the_dictionary_mark_every_character_they_cover_whatever_the_cut():
    lex = FeatureLexicon.build(
        titles=[], honorifics=[], speech_verbs=[], organ_words=[], surnames=[],
        named_words={"青石县": "ns", "青石县农机站": "nt"},
    )
    text = "据青石县农机站说"
    tokens = [("据", "p"), ("青石", "nr"), ("县农机站", "n"), ("说", "v")]  # a cut that splits both names
    rows = [set(r) for r in char_features(text, tokens, ["O"] * len(text), lex)]
    assert {"nd=B-ns", "nd=B-nt"} <= rows[1]
    assert {"nd=E-ns", "nd=M-nt"} <= rows[3]
    assert "nd=E-nt" in rows[6] and not any(f.startswith("nd=") for f in rows[0] | rows[7])


def test_tokens_must_cover_the_text(lex):
    with pytest.raises(ValueError, match="tokens cover"):
        char_features("青石县", [("青石", "ns")], ["O"] * 3, lex)
    assert char_features("", [], [], lex) == []


def test_extractor_features_use_rjieba_words_and_the_rules():
    ex = EntityExtractor(model=None)
    text = "2023年,四川省财政厅拨款"
    rows = ex.features(text)
    assert len(rows) == len(text)
    assert "r=B-DATE" in rows[0] and "r=B-ORG" in rows[6]
    words = [w for w, _ in tokenize(text)]
    assert "".join(words) == text


# --------------------------------------------------------------------------- model file


def test_model_file_round_trip_and_checks(tmp_path):
    write_model(tmp_path / "m.crf", b"lCRF-bytes", {"note": "x"})
    header, crf = read_model(tmp_path / "m.crf")
    assert crf == b"lCRF-bytes" and header["note"] == "x" and header["crf_length"] == 10


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: data[: len(data) // 2], "corrupt or truncated"),
        (lambda data: data[:-1] + bytes([data[-1] ^ 0xFF]), "corrupt or truncated"),
        (lambda data: b"PK\x03\x04 not a model at all", "not a Newsdesk model file"),
        (lambda data: MAGIC + b"{not json\n" + data, "corrupt \\(header"),
    ],
)
def test_damaged_model_gives_one_clear_line(tiny_model, tmp_path, damage, message):
    bad = tmp_path / "bad.crf"
    bad.write_bytes(damage(tiny_model.read_bytes()))
    with pytest.raises(ModelError, match=message) as info:
        CrfTagger(bad)
    assert "\n" not in str(info.value) and str(bad) in str(info.value)
    assert model_problem(bad) == str(info.value)


def test_model_of_other_features_is_refused(tiny_model, tmp_path):
    header, crf = read_model(tiny_model)
    header["feature_version"] = -1
    path = tmp_path / "old.crf"
    path.write_bytes(MAGIC + json.dumps(header).encode() + b"\n" + crf)
    with pytest.raises(ModelError, match="rebuild it with 'newsdesk train'"):
        CrfTagger(path)


@pytest.mark.parametrize("kind", ["missing", "corrupt"])
def test_without_a_usable_model_the_rules_still_run(tiny_model, tmp_path, kind):
    path = tmp_path / "model.crf"
    if kind == "corrupt":
        path.write_bytes(tiny_model.read_bytes()[:200])
    ex = EntityExtractor(model=path)
    text = "2023年,四川省财政厅拨款4亿元,同比增长34.3%。"
    got = [(s.label, s.text) for s in ex.extract(text)]
    assert ex.model_problem and ("not found" in ex.model_problem) == (kind == "missing")
    assert "rules alone" in ex.model_problem
    assert got == [(s.label, s.text) for s in RuleFinders().spans(text)]
    assert ex.tagger is None


# --------------------------------------------------------------------------- training


def test_training_reproduces_exactly_with_a_fixed_seed(tiny_model, tmp_path):
    corpus = write_corpus(tmp_path / "tiny.bio")
    again = train_tagger([corpus], tmp_path / "again.crf", params=TINY)
    assert again["crf_sha256"] == read_model(tiny_model)[0]["crf_sha256"]
    other = train_tagger([corpus], tmp_path / "other.crf", seed=5, params=TINY)
    assert other["data"] != again["data"]  # another seed holds out other sentences


def test_header_records_data_params_and_heldout_scores(tiny_model):
    header, _ = read_model(tiny_model)
    assert header["params"]["max_iterations"] == 25 and header["seed"] == 11
    (data,) = header["data"]
    assert data["file"] == "tiny.bio" and data["train"]["texts"] + data["dev"]["texts"] + data["test"]["texts"] == 20
    scores = header["heldout_scores"]["tiny.bio"]
    assert set(scores["dev"]) == {"spec", "corpus"}
    assert set(scores["dev"]["spec"]["labels"]) <= {"PER", "LOC", "ORG"}


def test_learning_dev_scores_only_test_and_changes_the_model(tiny_model, tmp_path):
    from dataclasses import replace

    corpus = write_corpus(tmp_path / "tiny.bio")
    header = train_tagger([corpus], tmp_path / "dev.crf", params=replace(TINY, learn_dev=True))
    assert header["params"]["learn_dev"] is True
    assert set(header["heldout_scores"]["tiny.bio"]) == {"test"}  # dev was learned: not scored as held out
    assert header["crf_sha256"] != read_model(tiny_model)[0]["crf_sha256"]


def test_tagged_spans_carry_probabilities(tiny_model):
    ex = EntityExtractor(model=tiny_model)
    text = "韩小雨到青石县水利局工作，2023年拨款4亿元。"
    spans = ex.extract(text)
    assert ex.tagger is not None and spans
    for s in spans:
        assert s.text == text[s.start : s.end] and s.confidence is not None and 0.0 < s.confidence <= 1.0
    tags, marginals = ex.tagger.tags_and_marginals(ex.features(text))
    assert len(tags) == len(text) and all(0.0 < p <= 1.0 for p in marginals)


def test_one_in_four_texts_is_learned_without_its_final_stop():
    from desktop.pipeline.ner_data import Example
    from desktop.pipeline.tagger_training import without_final_stop

    texts = [Example(f"王{i}到青石县。", [(0, 2, "PER"), (3, 6, "LOC")]) for i in range(400)]
    cut = [without_final_stop(ex, 11) for ex in texts]
    stripped = [c for c, ex in zip(cut, texts) if c.text != ex.text]
    assert 0.18 < len(stripped) / len(texts) < 0.32
    assert all(c.text == ex.text[:-1] and c.spans == ex.spans for c, ex in zip(cut, texts) if c.text != ex.text)
    assert [c.text for c in cut] == [without_final_stop(ex, 11).text for ex in texts]  # deterministic
    assert without_final_stop(Example("没有句号", []), 11).text == "没有句号"


def test_a_long_text_is_tagged_piece_by_piece_with_the_same_result(tiny_model):
    import desktop.pipeline.entities as entities

    ex = EntityExtractor(model=tiny_model)
    sentence = "韩小雨到青石县水利局工作，2023年拨款4亿元。"
    one = [(s.label, s.text, s.start) for s in ex.extract(sentence)]
    text = sentence * 400  # ten thousand characters: several pieces of entities.PIECE
    assert len(text) > 3 * entities.PIECE
    got = [(s.label, s.text, s.start) for s in ex.extract(text)]
    n = len(sentence)
    assert got == [(lab, t, start + k * n) for k in range(400) for lab, t, start in one]


def test_mention_replacement_swaps_names_and_keeps_their_offsets_right():
    from desktop.pipeline.ner_data import Example
    from desktop.pipeline.tagger_training import MentionReplacer

    examples = [
        Example("甲乙丙到丁戊市开会。", [(0, 3, "PER"), (4, 7, "LOC")]),
        Example("欧阳小明在己庚县和辛壬公司。", [(0, 4, "PER"), (5, 8, "LOC"), (9, 13, "ORG")]),
    ]
    replacer = MentionReplacer(examples, ("PER", "LOC"), seed=3)
    seen_texts = set()
    for _ in range(20):
        (variant,) = replacer.variants(examples[1], 1)
        seen_texts.add(variant.text)
        labels = [label for _, _, label in variant.spans]
        assert labels == ["PER", "LOC", "ORG"]
        per, loc, org = (variant.text[s:e] for s, e, _ in variant.spans)
        assert per in {"甲乙丙", "欧阳小明"} and loc in {"丁戊市", "己庚县"}
        assert org == "辛壬公司"  # a label not replaced keeps its mention
        assert variant.text.endswith("。")
    assert len(seen_texts) > 1
    again = MentionReplacer(examples, ("PER", "LOC"), seed=3)
    first = MentionReplacer(examples, ("PER", "LOC"), seed=3)
    assert [again.variants(e, 2) for e in examples] == [first.variants(e, 2) for e in examples]
    assert MentionReplacer(examples, (), seed=3).variants(examples[0], 1) == []
    assert replacer.variants(Example("没有名字。", []), 1) == []
