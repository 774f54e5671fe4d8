"""jieba's dictionary as a compact word table: the frequency and part-of-speech tag of a word.

Owns: ``JiebaWords`` (``entry``, ``freq``, ``tag``), ``read_jieba_dict``, ``jieba_words()`` (the
shipped table, opened once per process), ``person_words()`` (the words it tags as person names),
``named_words()`` (the words it tags as organisation or place names, for the entity tagger's
dictionary features), ``build_table`` (writes the table and both word lists from the
``dict.txt`` of the installed jieba) and ``python -m desktop.pipeline.jieba_words`` (rebuilds
``resources/lexicon/jieba_words.marisa``, ``jieba_person_words.txt`` and
``jieba_named_words.txt``).

Why it exists: the rules ask jieba's dictionary small questions (is this a common word?
does jieba tag it ``ns``?), and the cut itself is done by rjieba.  Python jieba answers
them from dictionaries of 580,000 prefixes and 349,000 tags that take about 135 MB of
memory and 0.8 s to build in every process that extracts entities.  The same 349,045
entries in a MARISA trie (``marisa-trie``) are a file of a few MB that is memory-mapped,
not loaded, and a look-up costs under a microsecond.

The table is derived data: ``jieba_words.json`` beside it records the SHA-256 of the
``dict.txt`` it was built from, and a test checks every entry against the installed jieba.
So the app needs jieba only to rebuild the table: jieba (42 MB installed) is a test and
build dependency, not a run-time one; rjieba does the cut.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path

TABLE_NAME = "jieba_words.marisa"
META_NAME = "jieba_words.json"
PERSONS_NAME = "jieba_person_words.txt"
PERSON_TAGS = ("nr", "nrfg", "nrt")  # jieba's tags of person names
NAMED_NAME = "jieba_named_words.txt"
# jieba's tags of organisation and place names: the entity tagger's dictionary features.
NAMED_TAGS = ("nt", "ns")
NAMED_LENGTHS = (2, 8)  # shortest and longest such word kept
_FORMAT = "<I4s"  # frequency, tag (ASCII, at most 4 bytes: nrfg)


def jieba_dict_path() -> Path:
    """The main dictionary of the installed jieba (found, not imported: jieba is not initialised)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("jieba is not installed: its dictionary is needed to build the word table")
    return Path(spec.origin).parent / "dict.txt"


def read_jieba_dict(path: Path | None = None) -> Iterator[tuple[str, int, str]]:
    """(word, frequency, tag) of every entry of jieba's ``dict.txt``; the last entry of a word wins, as in jieba."""
    with open(path or jieba_dict_path(), "rb") as f:
        for raw in f:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3:
                yield parts[0], int(parts[1]), parts[2]


class JiebaWords:
    """A read-only word -> (frequency, tag) table in a memory-mapped MARISA trie."""

    def __init__(self, path: str | Path) -> None:
        import marisa_trie

        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"jieba word table not found: {self.path}")
        self._trie = marisa_trie.RecordTrie(_FORMAT)
        self._trie.mmap(str(self.path))

    def __len__(self) -> int:
        return len(self._trie)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._trie

    def entry(self, word: str) -> tuple[int, str] | None:
        """(frequency, tag) of ``word``, None when jieba's dictionary does not have it."""
        found = self._trie.get(word)
        if not found:
            return None
        freq, tag = found[0]
        return freq, tag.rstrip(b"\0 ").decode("ascii")

    def freq(self, word: str) -> int:
        """jieba's frequency of ``word`` (0 when not in the dictionary, as ``jieba.dt.FREQ.get(word, 0)``)."""
        found = self._trie.get(word)
        return found[0][0] if found else 0

    def tag(self, word: str) -> str | None:
        """jieba's part-of-speech tag of ``word`` (as ``jieba.posseg.dt.word_tag_tab.get(word)``)."""
        found = self.entry(word)
        return found[1] if found else None


def build_table(target: Path, source: Path | None = None) -> dict[str, object]:
    """Write the table of ``source`` (default: the installed jieba's ``dict.txt``) to ``target``
    and its metadata beside it; returns the metadata."""
    import marisa_trie

    source = source or jieba_dict_path()
    entries: dict[str, tuple[int, bytes]] = {}
    for word, freq, tag in read_jieba_dict(source):
        entries[word] = (freq, tag.encode("ascii"))
    trie = marisa_trie.RecordTrie(_FORMAT, entries.items())
    tmp = target.with_suffix(".tmp")
    trie.save(str(tmp))
    tmp.replace(target)
    persons = sorted(w for w, (_freq, tag) in entries.items() if tag.decode("ascii") in PERSON_TAGS)
    tmp = target.with_name(PERSONS_NAME + ".tmp")
    tmp.write_text("".join(w + "\n" for w in persons), encoding="utf-8")
    tmp.replace(target.with_name(PERSONS_NAME))
    named = sorted((w, t) for w, (_freq, tag) in entries.items() if (t := tag.decode("ascii")) in NAMED_TAGS and _named_length(w))
    tmp = target.with_name(NAMED_NAME + ".tmp")
    tmp.write_text("".join(f"{w}\t{t}\n" for w, t in named), encoding="utf-8")
    tmp.replace(target.with_name(NAMED_NAME))
    meta: dict[str, object] = {
        "source": "jieba dict.txt",
        "source_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        "entries": len(entries),
        "person_words": len(persons),
        "named_words": len(named),
        "format": _FORMAT,
    }
    target.with_name(META_NAME).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


def table_path() -> Path:
    from desktop.resources import resource_path

    return resource_path("lexicon", TABLE_NAME)


_lock = threading.Lock()


@cache
def _open_shipped() -> JiebaWords:
    return JiebaWords(table_path())


@cache
def person_words() -> frozenset[str]:
    """Every word jieba's dictionary tags as a person name (``PERSON_TAGS``), from the shipped list
    written beside the table (79,267 words; read in a few tens of milliseconds)."""
    path = table_path().with_name(PERSONS_NAME)
    return frozenset(path.read_text(encoding="utf-8").split())


def _named_length(word: str) -> bool:
    return NAMED_LENGTHS[0] <= len(word) <= NAMED_LENGTHS[1]


@cache
def named_words() -> dict[str, str]:
    """Word -> tag of every word of two to eight characters jieba's dictionary tags as an
    organisation or place name (``NAMED_TAGS``), from the shipped list written beside the table
    (21,000 words: a few MB, read in a few tens of milliseconds)."""
    path = table_path().with_name(NAMED_NAME)
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, tag = line.partition("\t")
        if word and tag:
            found[word] = tag
    return found


def jieba_words() -> JiebaWords:
    """The shipped table (``resources/lexicon/jieba_words.marisa``), opened once per process."""
    with _lock:
        return _open_shipped()


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else table_path()
    meta = build_table(target)
    print(f"wrote {target} ({target.stat().st_size:,} bytes, {meta['entries']:,} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
