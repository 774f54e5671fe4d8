"""Per-character features of the entity tagger (a linear-chain CRF over characters).

Owns: ``FeatureLexicon`` (the word lists the features look words up in) and
``char_features`` (one list of feature strings per character of a text).
``FEATURE_VERSION`` changes whenever the features change: a model records the
version it was trained with and the tagger refuses a model of another version.

The features of the character at ``i`` (digits read as ``0`` and full-width
forms as half-width, so ``2023`` and ``１９９８`` look alike):

* characters ``i-1 .. i+1``, the four bigrams in ``i-2 .. i+2`` and the trigram
  centred on ``i``, and the character classes (Han, digit, Latin, punctuation
  ...) of ``i-1 .. i+1`` (single characters two away were tried and dropped: they
  cost held-out F1);
* the jieba word that holds ``i``: its place in the word (B/M/E/S) with the
  word's part-of-speech tag (``ns``, ``nr``, ``nt`` ... from jieba's dictionary and
  HMM), the word itself and its last character when it has two or more
  characters, its length, and the tags of the words before and after it;
* what the word lists say of that word and of its neighbours: a person title or
  role (书记, 记者), an honorific (先生, 大爷), a verb of saying, an organ word
  (政府, 委员会), a known organisation named on its own (华为, 新华社: the
  ``known_orgs`` list), a division or country name or alias of the gazetteer, a
  town or village of the gazetteer, a surname;
* whether ``i`` starts with a surname (single, or compound such as 欧阳);
* how far ahead the next head of an organisation name ends (a word of the organ
  lists, a word jieba tags ``nt``, or one ending in 部/局/委/院/厂/队/社 …), up to ten
  characters and not across punctuation: the start of a long ORG is far from its head;
* the rule finders' tag at ``i`` (``B-LOC``, ``I-ORG``, ``I-DATE`` ...): the tagger
  starts from what the rules know and learns how far to trust it;
* the place of ``i`` in every organisation or place name of jieba's dictionary that
  covers it (``nd=B-nt``, ``nd=M-ns`` …; ``jieba_words.named_words``: 21,786 words
  tagged ``nt`` or ``ns``), whether or not jieba's cut chose that word — the cut keeps
  日本外务省 whole or splits a name a neighbour glued onto; these matches do not
  depend on it (held-out dev F1 +0.003 on MSRA and +0.010 on People's Daily; the
  same with person names added was worse on People's Daily persons).

Everything is built column by column with list comprehensions over the whole
text (no per-character dicts): the tagger's speed is mostly this function's.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

FEATURE_VERSION = 6

# Full-width ASCII -> half-width, every digit -> "0".
_NORMALISE: dict[int, int | str] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_NORMALISE.update({ord(d): "0" for d in "0123456789０１２３４５６７８９"})
_NORMALISE[0x3000] = " "
def _class_table() -> dict[int, str]:
    """Code point -> class letter for the whole BMP: H Han, D digit, L Latin letter, S space, P other."""
    table: dict[int, str] = {}
    for cp in range(0x10000):
        c = chr(cp)
        if "\u3400" <= c <= "\u4dbf" or "\u4e00" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff":
            table[cp] = "H"
        elif "0" <= c <= "9":
            table[cp] = "D"
        elif "A" <= c <= "Z" or "a" <= c <= "z":
            table[cp] = "L"
        elif c.isspace():
            table[cp] = "S"
        else:
            table[cp] = "P"
    return table


_CLASSES = _class_table()
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

# Word-list classes, in the order a word is looked up (the first list that has it wins).
WORD_CLASSES: tuple[str, ...] = ("ttl", "hon", "say", "org", "kno", "gaz", "loc", "sur")




@dataclass(frozen=True)
class FeatureLexicon:
    """Word -> class (one of ``WORD_CLASSES``), and the surname sets.

    ``word_class`` holds the hand-made lists and the gazetteer's division and
    country names; ``local_places`` are the gazetteer's town and village sets,
    shared and not copied (the village list alone has hundreds of thousands of
    names) and looked up only for words that end like one.
    """

    word_class: dict[str, str]
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    local_places: tuple[Container[str], ...] = ()
    compound_starts: frozenset[str] = frozenset()
    named_words: Mapping[str, str] = field(default_factory=dict)
    # first character of a named word -> the lengths of the named words starting with it
    named_lengths: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        titles: Iterable[str],
        honorifics: Iterable[str],
        speech_verbs: Iterable[str],
        organ_words: Iterable[str],
        surnames: Iterable[str],
        places: Iterable[Iterable[str]] = (),
        local_places: tuple[Container[str], ...] = (),
        known_orgs: Iterable[str] = (),
        named_words: Mapping[str, str] | None = None,
    ) -> FeatureLexicon:
        surnames = tuple(surnames)
        single = frozenset(s for s in surnames if len(s) == 1)
        compound = frozenset(s for s in surnames if len(s) > 1)
        word_class: dict[str, str] = {}
        for names in places:
            for w in names:
                if len(w) >= 2:
                    word_class[w] = "gaz"
        for name, entries in (
            ("sur", surnames),
            ("kno", known_orgs),
            ("org", organ_words),
            ("say", speech_verbs),
            ("hon", honorifics),
            ("ttl", titles),
        ):  # later lists win: a title beats a surname or a place of the same spelling
            for w in entries:
                word_class[w] = name
        named_words = named_words or {}
        lengths: dict[str, set[int]] = {}
        for w in named_words:
            lengths.setdefault(w[0], set()).add(len(w))
        return cls(
            word_class,
            single,
            compound,
            local_places,
            frozenset(c[0] for c in compound),
            named_words,
            {c: tuple(sorted(sizes)) for c, sizes in lengths.items()},
        )

    def classify(self, word: str) -> str:
        """The class of ``word``: the hand-made lists, then the gazetteer; ``-`` for none."""
        found = self.word_class.get(word)
        if found is not None:
            return found
        if len(word) >= 3 and word[-1] in _LOCAL_ENDS and any(word in c for c in self.local_places):
            return "loc"
        return "-"


# Last characters that make a word the head of an organisation name (外交部, 水利局, 人民
# 医院, 化工厂, 足球队, 出版社, 实验学校 …); those that end common words far more often than
# names (会 社会, 行 进行, 报 通报, 系 关系, 所 场所, 庭 家庭 …) count only through the organ
# word lists or jieba's organisation tag ``nt``.
_ORGAN_ENDS = frozenset("部局委院厂队社党校馆署司厅")
# Distance (in characters) to the end of the next organ head -> feature value.
_DISTANCE = ("", "1", "2", "3", "4", "5", "6", "6", "9", "9", "9")


def _organ_ahead(n: int, words: Sequence[str], tags: Sequence[str], classes: Sequence[str], cls: str) -> list[str]:
    """For each character, how far ahead the next organ head word ends (``oa=1`` .. ``oa=9``,
    ``oa=-`` when none ends within ten characters or punctuation comes first)."""
    ends = bytearray(n + 1)
    pos = 0
    for w, t, c in zip(words, tags, classes):
        pos += len(w)
        if c == "org" or t == "nt" or (len(w) >= 2 and w[-1] in _ORGAN_ENDS):
            ends[pos] = 1
    out = ["oa=-"] * n
    nxt = -1
    for i in range(n - 1, -1, -1):
        if ends[i + 1]:
            nxt = i + 1
        elif cls[i] in "PS":
            nxt = -1
        if nxt > 0 and nxt - i <= 10:
            out[i] = _OA[nxt - i]
    return out


_OA = ["oa=-", *("oa=" + d for d in _DISTANCE[1:])]

# Last characters of town and village names (镇 乡 街道 苏木; 社区 村 居委会 嘎查).
_LOCAL_ENDS = frozenset("镇乡道木区村会查")


def _classes(norm: str) -> str:
    """One class letter per character (astral characters, rare name characters such as 𠮷, are P)."""
    out = norm.translate(_CLASSES)
    return _ASTRAL.sub("P", out) if not out.isascii() else out


class _Prefixed(dict):
    """``prefix + key`` for each key, made once and then looked up (cheaper than concatenating)."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, key: str) -> str:
        value = self[key] = self.prefix + key
        return value


_C0, _C1, _C2, _K, _R = _Prefixed("c="), _Prefixed("c-1="), _Prefixed("c+1="), _Prefixed("k="), _Prefixed("r=")
_WORD_PLACES = {1: ("S",)}
# A word longer than this gets one shared identity feature instead of its own text: no
# training word is that long (so the model has no weight for such an identity), and
# CRFsuite copies each character's feature strings, so a 10,000-digit "word" would
# otherwise cost 10,000 x 10,000 bytes and minutes of hashing.
LONG_WORD = 16


def _places(size: int) -> tuple[str, ...]:
    found = _WORD_PLACES.get(size)
    if found is None:
        found = _WORD_PLACES[size] = ("B", *("M" * (size - 2)), "E")
    return found


def _word_rows(
    n: int, tokens: Sequence[tuple[str, str]], lex: FeatureLexicon
) -> tuple[list[tuple[str, ...]], list[str], list[str], list[str]]:
    """The word-level features of each character (computed once per word, repeated over its
    characters), and the words with their tags and classes."""
    words = [w for w, _ in tokens]
    tags = [t for _, t in tokens]
    sizes = [len(w) for w in words]
    if sum(sizes) != n:  # tokens must cover the text exactly
        raise ValueError(f"tokens cover {sum(sizes)} characters of {n}")
    classify = lex.classify
    classes = [classify(w) for w in words]
    left_tags = ["^", *tags[:-1]]
    right_tags = [*tags[1:], "$"]
    left_cls = ["^", *classes[:-1]]
    right_cls = [*classes[1:], "$"]
    shared = [
        (
            ("w=" + w if size <= LONG_WORD else "w=~long") if size > 1 else "w=",
            "wl=" + str(min(size, 5)),
            "we=" + w[-1] if size > 1 else "we=",
            "lr=" + lt + "|" + rt,
            "wc=" + c,
            "nb=" + lc + "|" + rc,
        )
        for w, size, lt, rt, c, lc, rc in zip(words, sizes, left_tags, right_tags, classes, left_cls, right_cls)
    ]
    rows: list[tuple[str, ...]] = [
        ("wp=" + place + tag, *feats) for size, tag, feats in zip(sizes, tags, shared) for place in _places(size)
    ]
    return rows, words, tags, classes


def char_features(
    text: str,
    tokens: Sequence[tuple[str, str]],
    rule_tags: Sequence[str],
    lex: FeatureLexicon,
) -> list[tuple[str, ...]]:
    """Feature strings of each character of ``text``.

    ``tokens`` are jieba's (word, part-of-speech) pairs covering ``text`` exactly;
    ``rule_tags`` are the rule finders' IOB2 tags, one per character.
    """
    n = len(text)
    if n == 0:
        return []
    norm = text.translate(_NORMALISE)
    pad = "\x02\x02" + norm + "\x03\x03"
    prev2, prev1, nxt1, nxt2 = pad[0:n], pad[1 : n + 1], pad[3 : n + 3], pad[4 : n + 4]
    cls = _classes(norm)
    cpad = "^" + cls + "$"
    single, compound, compound_starts = lex.surnames, lex.compound_surnames, lex.compound_starts
    c0, c1, c2, k = _C0, _C1, _C2, _K
    columns = (
        [c0[c] for c in norm],
        [c1[c] for c in prev1],
        [c2[c] for c in nxt1],
        ["b-2=" + a + b for a, b in zip(prev2, prev1)],
        ["b-1=" + a + b for a, b in zip(prev1, norm)],
        ["b+1=" + a + b for a, b in zip(norm, nxt1)],
        ["b+2=" + a + b for a, b in zip(nxt1, nxt2)],
        ["t=" + a + b + c for a, b, c in zip(prev1, norm, nxt1)],
        [k[cpad[i : i + 3]] for i in range(n)],
        [
            "s=2" if c in compound_starts and text[i : i + 2] in compound else ("s=1" if c in single else "s=0")
            for i, c in enumerate(text)
        ],
        [_R[t] for t in rule_tags],
    )
    word_rows, words, tags, classes = _word_rows(n, tokens, lex)
    ahead = _organ_ahead(n, words, tags, classes, cls)
    rows = [chars + words + (oa,) for chars, words, oa in zip(zip(*columns), word_rows, ahead)]
    if lex.named_words:
        for i, extra in _named_matches(text, lex):
            rows[i] = rows[i] + extra
    return rows


def _named_matches(text: str, lex: FeatureLexicon) -> list[tuple[int, tuple[str, ...]]]:
    """(index, features) of each character inside a named word of jieba's dictionary (an
    organisation or a place: ``nd=B-nt``, ``nd=M-ns``, ``nd=E-nt`` …), whether or not jieba's
    cut chose that word; characters in none are left out."""
    n = len(text)
    found: dict[int, set[str]] = {}
    lengths, named = lex.named_lengths.get, lex.named_words.get
    for i, c in enumerate(text):
        sizes = lengths(c)
        if not sizes:
            continue
        for size in sizes:
            j = i + size
            if j > n:
                break
            tag = named(text[i:j])
            if tag is None:
                continue
            found.setdefault(i, set()).add("nd=B-" + tag)
            found.setdefault(j - 1, set()).add("nd=E-" + tag)
            for k in range(i + 1, j - 1):
                found.setdefault(k, set()).add("nd=M-" + tag)
    return [(i, tuple(sorted(f))) for i, f in found.items()]
