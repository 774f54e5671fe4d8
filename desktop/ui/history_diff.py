"""What a body edit changed, as runs of kept, deleted and inserted text.

Owns: ``Run`` (a piece of text and what it is), ``body_diff`` (character
level within changed paragraphs, with a little context around each change
and "…" between distant ones) and ``count_changes``.  Plain Python: the
history dialog turns runs into ``QTextCharFormat``s, so page text is never
parsed as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

TEXT, QUOTE, OLD, NEW, INSERTED, DELETED, GAP = "text", "quote", "old", "new", "inserted", "deleted", "gap"
CONTEXT = 16  # characters kept on each side of a change
CHAR_DIFF_LIMIT = 2_000_000  # above len(a) * len(b), a changed paragraph is shown as replaced whole


@dataclass(frozen=True)
class Run:
    text: str
    kind: str = TEXT  # one of TEXT, QUOTE, OLD, NEW, INSERTED, DELETED, GAP


def _opcodes(a: list[str] | str, b: list[str] | str) -> list[tuple[str, int, int, int, int]]:
    return list(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())


def _raw_runs(old: str, new: str) -> list[Run]:
    """Kept/deleted/inserted runs covering both texts: paragraphs first, then characters."""
    a, b = old.split("\n"), new.split("\n")
    runs: list[Run] = []
    for op, i1, i2, j1, j2 in _opcodes(a, b):
        left, right = "\n".join(a[i1:i2]), "\n".join(b[j1:j2])
        if op == "equal":
            runs.append(Run(left))
        elif op == "delete":
            runs.append(Run(left, DELETED))
        elif op == "insert":
            runs.append(Run(right, INSERTED))
        elif len(left) * len(right) > CHAR_DIFF_LIMIT:
            runs += [Run(left, DELETED), Run("\n"), Run(right, INSERTED)]
        else:
            for cop, k1, k2, m1, m2 in _opcodes(left, right):
                if cop == "equal":
                    runs.append(Run(left[k1:k2]))
                if cop in ("delete", "replace"):
                    runs.append(Run(left[k1:k2], DELETED))
                if cop in ("insert", "replace"):
                    runs.append(Run(right[m1:m2], INSERTED))
        if i2 < len(a) or j2 < len(b):  # the line break after this group of paragraphs
            runs.append(Run("\n"))
    return _merge([r for r in runs if r.text])


def _merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if out and out[-1].kind == run.kind:
            out[-1] = Run(out[-1].text + run.text, run.kind)
        else:
            out.append(run)
    return out


def body_diff(old: str, new: str, context: int = CONTEXT) -> list[Run]:
    """The changes from ``old`` to ``new`` with ``context`` kept characters around each;
    longer kept stretches are cut to "…" (kind GAP)."""
    runs = _raw_runs(old, new)
    out: list[Run] = []
    for i, run in enumerate(runs):
        if run.kind != TEXT:
            out.append(run)
            continue
        first, last = i == 0, i == len(runs) - 1
        text = run.text
        keep_head = 0 if first else context  # after a change
        keep_tail = 0 if last else context  # before a change
        if len(text) <= keep_head + keep_tail + 1:
            out.append(run)
            continue
        if keep_head:
            out.append(Run(text[:keep_head]))
        out.append(Run("…", GAP))
        if keep_tail:
            out.append(Run(text[-keep_tail:]))
    return _merge(out) if any(r.kind in (INSERTED, DELETED) for r in out) else []


def count_changes(old: str, new: str) -> tuple[int, int]:
    """(characters inserted, characters deleted) from ``old`` to ``new``."""
    runs = _raw_runs(old, new)
    return (
        sum(len(r.text) for r in runs if r.kind == INSERTED),
        sum(len(r.text) for r in runs if r.kind == DELETED),
    )
