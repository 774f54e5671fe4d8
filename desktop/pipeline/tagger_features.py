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
  (政府, 委员会), a division or country name or alias of the gazetteer, a town
  or village of the gazetteer, a surname;
* whether ``i`` starts with a surname (single, or compound such as 欧阳);
* the rule finders' tag at ``i`` (``B-LOC``, ``I-ORG``, ``I-DATE`` ...): the tagger
  starts from what the rules know and learns how far to trust it.

Everything is built column by column with list comprehensions over the whole
text (no per-character dicts): the tagger's speed is mostly this function's.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

FEATURE_VERSION = 1

# Full-width ASCII -> half-width, every digit -> "0".
_NORMALISE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
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
WORD_CLASSES: tuple[str, ...] = ("ttl", "hon", "say", "org", "gaz", "loc", "sur")


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
            ("org", organ_words),
            ("say", speech_verbs),
            ("hon", honorifics),
            ("ttl", titles),
        ):  # later lists win: a title beats a surname or a place of the same spelling
            for w in entries:
                word_class[w] = name
        return cls(word_class, single, compound, local_places)

    def classify(self, word: str) -> str:
        """The class of ``word``: the hand-made lists, then the gazetteer; ``-`` for none."""
        found = self.word_class.get(word)
        if found is not None:
            return found
        if len(word) >= 3 and word[-1] in _LOCAL_ENDS and any(word in c for c in self.local_places):
            return "loc"
        return "-"


# Last characters of town and village names (镇 乡 街道 苏木; 社区 村 居委会 嘎查).
_LOCAL_ENDS = frozenset("镇乡道木区村会查")


def _classes(norm: str) -> str:
    """One class letter per character (astral characters, rare name characters such as 𠮷, are P)."""
    out = norm.translate(_CLASSES)
    return _ASTRAL.sub("P", out) if not out.isascii() else out


def _word_columns(n: int, tokens: Sequence[tuple[str, str]], lex: FeatureLexicon) -> tuple[list[str], ...]:
    """Word-level feature columns, computed per word and spread over its characters."""
    words = [w for w, _ in tokens]
    tags = [t for _, t in tokens]
    sizes = [len(w) for w in words]
    if sum(sizes) != n:  # tokens must cover the text exactly
        raise ValueError(f"tokens cover {sum(sizes)} characters of {n}")
    classify = lex.classify
    classes = [classify(w) for w in words]
    owner = [k for k, size in enumerate(sizes) for _ in range(size)]  # word index of each character
    place = "".join(["S" if size == 1 else "B" + "M" * (size - 2) + "E" for size in sizes])
    left_tags = ["^", *tags[:-1]]
    right_tags = [*tags[1:], "$"]
    left_cls = ["^", *classes[:-1]]
    right_cls = [*classes[1:], "$"]
    per_word = (
        ["w=" + w if len(w) > 1 else "w=" for w in words],
        ["wl=" + str(min(size, 5)) for size in sizes],
        ["we=" + w[-1] if len(w) > 1 else "we=" for w in words],
        ["lr=" + a + "|" + b for a, b in zip(left_tags, right_tags)],
        ["wc=" + c for c in classes],
        ["nb=" + a + "|" + b for a, b in zip(left_cls, right_cls)],
    )
    char_tags = [tags[k] for k in owner]
    wp = ["wp=" + p + t for p, t in zip(place, char_tags)]
    return (wp, *([col[k] for k in owner] for col in per_word))


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
    single, compound = lex.surnames, lex.compound_surnames
    wp, ww, wl, we, ctx, cls_cur, cls_nb = _word_columns(n, tokens, lex)
    columns = (
        ["c=" + c for c in norm],
        ["c-1=" + c for c in prev1],
        ["c+1=" + c for c in nxt1],
        ["b-2=" + a + b for a, b in zip(prev2, prev1)],
        ["b-1=" + a + b for a, b in zip(prev1, norm)],
        ["b+1=" + a + b for a, b in zip(norm, nxt1)],
        ["b+2=" + a + b for a, b in zip(nxt1, nxt2)],
        ["t=" + a + b + c for a, b, c in zip(prev1, norm, nxt1)],
        ["k=" + cpad[i : i + 3] for i in range(n)],
        wp,
        ww,
        wl,
        we,
        ctx,
        cls_cur,
        cls_nb,
        [
            "s=2" if text[i : i + 2] in compound else ("s=1" if c in single else "s=0")
            for i, c in enumerate(text)
        ],
        ["r=" + t for t in rule_tags],
    )
    return list(zip(*columns))
