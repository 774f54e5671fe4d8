"""Word lists kept as data in ``resources/lexicon/``: reading them.

Owns: ``words(name)`` (the entries of one list, comments and blank lines
dropped, cached per process) and ``stop_chars()``.  Each list file starts with a
comment saying where its entries come from.
"""

from __future__ import annotations

from functools import cache

from desktop.resources import resource_path


@cache
def words(name: str) -> tuple[str, ...]:
    """Entries of ``resources/lexicon/<name>.txt`` in file order."""
    with open(resource_path("lexicon", f"{name}.txt"), encoding="utf-8") as f:
        return tuple(s for s in (ln.strip() for ln in f) if s and not s.startswith("#"))


@cache
def stop_chars() -> str:
    """Function characters that never occur inside a name (的, 和, 将 …)."""
    return "".join(words("stop_chars"))


def alternation(entries: tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first, so the longest word wins."""
    import re

    return "|".join(re.escape(w) for w in sorted(set(entries), key=len, reverse=True))
