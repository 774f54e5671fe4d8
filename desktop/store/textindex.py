"""The token scheme of the full-text index, in plain Python (no SQL).

Owns: turning a title or body into the token string the FTS5 table indexes,
and turning a user query into an FTS5 MATCH expression.

Why bigrams: SQLite 3.40's trigram tokenizer cannot match queries under three
characters, and two-character words are the most common Chinese queries.

Scheme: the text is lower-cased and every character that is not a letter,
digit or CJK character (not ``str.isalnum``) becomes a space, cutting the text
into *runs*.  The token string is every overlapping pair of characters of that
text, space-separated: inside a run a pair is a bigram (``成都 都市``); a pair
touching a space is reduced by the tokenizer to the single character beside
the space, so every run also yields its first (except at the very start of
the text) and its last character as one-character tokens (``，成都市`` ->
``成 成都 都市 市``).  FTS5's ``ascii``
tokenizer indexes exactly these tokens: it splits only at ASCII spaces and
punctuation and keeps every non-ASCII character inside a token (CJK bigrams stay
whole; tested).  It does the same job as ``unicode61`` here, since the case
folding is done before, and measured 35 % faster on a bulk build.  Hence:

* a query run of n >= 2 characters is the phrase of its n-1 bigrams, which matches
  exactly the texts containing that run as a substring inside one run (the
  one-character tokens at each run edge stop a phrase from bridging two runs);
* a query run of 1 character is the prefix query ``"c"*``: every character of a
  text starts a token (a bigram, or the one-character token closing its run);
* a query with several runs (``成都 高新``) matches texts containing every run.
"""

from __future__ import annotations

import re
from operator import add

_RUN = re.compile(r"[^\W_]+")
_CHUNK = 65_536  # characters paired at a time: a 20 MB body never holds a list of all its pairs
_GAP = re.compile(r"[\W_]+")


def runs(text: str) -> list[str]:
    """The maximal runs of letters/digits/CJK of ``text``, lower-cased."""
    return _RUN.findall(text.lower())


def index_tokens(text: str) -> str:
    """The token string stored in the index for ``text`` (see the module docstring)."""
    t = _GAP.sub(" ", text.lower())
    if not t:
        return ""
    chunks = (t[i : i + _CHUNK + 1] for i in range(0, len(t) - 1, _CHUNK))
    return " ".join(" ".join(map(add, c, c[1:])) for c in chunks) + " " + t[-1]


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for ``query``; None if it has no letter or digit."""
    parts = []
    for r in runs(query):
        if len(r) == 1:
            parts.append(f'"{r}"*')
        else:
            parts.append('"' + " ".join(map(add, r, r[1:])) + '"')
    return " AND ".join(parts) if parts else None


def hit_ranges(text: str, query: str) -> list[tuple[int, int]]:
    """Where ``query`` matches in ``text``, as the index matches it: every run of the query
    found as a substring, ignoring case; ``[start, end)`` in order, overlapping hits joined.

    (The index finds a run only inside a run of the text; a run of letters/digits/CJK
    cannot occur across a gap of the text anyway, so a substring search agrees.)
    """
    found: list[tuple[int, int]] = []
    for r in dict.fromkeys(runs(query)):
        found += [(m.start(), m.end()) for m in re.finditer(re.escape(r), text, re.IGNORECASE)]
    found.sort()
    joined: list[tuple[int, int]] = []
    for start, end in found:
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined
