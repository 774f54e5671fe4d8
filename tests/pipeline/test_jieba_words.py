"""The shipped jieba word table answers exactly what jieba's dictionary says, without loading jieba."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

from desktop.pipeline.jieba_words import JiebaWords, build_table, jieba_dict_path, jieba_words, read_jieba_dict, table_path


def test_the_shipped_table_was_built_from_the_installed_dictionary():
    meta = json.loads(table_path().with_name("jieba_words.json").read_text(encoding="utf-8"))
    assert meta["source_sha256"] == hashlib.sha256(jieba_dict_path().read_bytes()).hexdigest(), (
        "jieba's dict.txt changed: rebuild with python -m desktop.pipeline.jieba_words"
    )


def test_every_dictionary_entry_has_its_frequency_and_tag():
    words = jieba_words()
    expected: dict[str, tuple[int, str]] = {}
    for word, freq, tag in read_jieba_dict():
        expected[word] = (freq, tag)  # the last entry of a word wins, as in jieba
    assert len(words) == len(expected) > 300_000
    for word, entry in expected.items():
        assert words.entry(word) == entry, word
    assert words.freq("城市") == expected["城市"][0] > 0
    assert words.tag("北京") == "ns"


def test_a_word_not_in_the_dictionary_reads_as_jieba_reads_it():
    words = jieba_words()
    # "中华人民共和" is only a prefix of a dictionary word: jieba.dt.FREQ has it with 0.
    for word in ("中华人民共和", "某某某某某", "", "𠮷野家"):
        assert words.freq(word) == 0
        assert words.tag(word) is None
        assert words.entry(word) is None
        assert word not in words


def test_a_table_built_from_a_small_dictionary(tmp_path):
    source = tmp_path / "dict.txt"
    source.write_text("甲乙 5 n\n丙丁 7 nrfg\n甲乙 9 ns\nbroken line\n", encoding="utf-8")
    meta = build_table(tmp_path / "t.marisa", source)
    table = JiebaWords(tmp_path / "t.marisa")
    assert meta["entries"] == 2 == len(table)
    assert table.entry("甲乙") == (9, "ns")
    assert table.entry("丙丁") == (7, "nrfg")
    assert table.freq("甲") == 0 and "甲乙" in table and "broken" not in table


def test_extracting_entities_does_not_load_python_jieba_dictionaries():
    code = (
        "import sys\n"
        "from desktop.pipeline.entities import EntityExtractor\n"
        "e = EntityExtractor(); e.warm_up(); e.extract('新华社北京电 国务院总理会见了法国外长。')\n"
        "print('jieba.posseg' in sys.modules, getattr(sys.modules.get('jieba'), 'dt', None) is not None "
        "and sys.modules['jieba'].dt.initialized)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["False", "False"]


def test_the_shipped_person_words_are_the_words_jieba_tags_as_names():
    from desktop.pipeline.jieba_words import PERSON_TAGS, person_words

    expected: dict[str, str] = {}
    for word, _freq, tag in read_jieba_dict():
        expected[word] = tag  # the last entry of a word wins, as in jieba
    assert person_words() == frozenset(w for w, tag in expected.items() if tag in PERSON_TAGS)
    assert "安全感" in person_words() and "社区" not in person_words()


def test_the_shipped_named_words_are_the_organisation_and_place_names_jieba_tags():
    from desktop.pipeline.jieba_words import NAMED_LENGTHS, NAMED_TAGS, named_words

    expected: dict[str, str] = {}
    for word, _freq, tag in read_jieba_dict():
        expected[word] = tag
    low, high = NAMED_LENGTHS
    assert named_words() == {w: t for w, t in expected.items() if t in NAMED_TAGS and low <= len(w) <= high}
    assert named_words()["国务院"] == "nt" and "社区" not in named_words()
