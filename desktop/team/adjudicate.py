"""Where editors' versions of an article disagree, and what taking one side changes (pure).

Owns: ``Disagreement`` (a stretch of the body where the versions' spans differ: every
span not in all versions, grouped with those it overlaps), ``disagreements`` (them, in
body order) and ``choice_plan`` (the spans to remove and to add so that the article has,
in that stretch, one editor's spans, every editor's (``BOTH``), or none (``NEITHER``)).

Only versions whose body is the article's are compared (an editor who changed the text
has spans at other offsets); ``skipped_editors`` names the others.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int, str]
BOTH, NEITHER = "<both>", "<neither>"


@dataclass(frozen=True)
class Disagreement:
    start: int
    end: int
    spans: dict[str, tuple[Span, ...]]  # editor -> their spans in this stretch (may be none)


@dataclass
class VersionsView:
    editors: list[str]  # the editors whose versions are compared, sorted
    spans: dict[str, list[Span]]
    groups: list[Disagreement] = field(default_factory=list)
    skipped_editors: list[str] = field(default_factory=list)  # changed the body: not comparable


def span_tuples(state: Mapping[str, Any]) -> list[Span]:
    return sorted((int(s["start"]), int(s["end"]), str(s["label"])) for s in state["spans"])


def disagreements(body: str, versions: Mapping[str, Mapping[str, Any]]) -> VersionsView:
    """The groups of differing spans of ``versions`` (editor -> article state) on ``body``."""
    editors = sorted(e for e, v in versions.items() if (v["article"].get("body") or "") == body)
    view = VersionsView(editors, {e: span_tuples(versions[e]) for e in editors},
                        skipped_editors=sorted(set(versions) - set(editors)))
    if len(editors) < 2:
        return view
    sets = [set(view.spans[e]) for e in editors]
    differing = sorted(sets[0].union(*sets[1:]) - sets[0].intersection(*sets[1:]))
    clusters: list[list[Span]] = []
    for span in differing:
        if clusters and span[0] < max(s[1] for s in clusters[-1]):
            clusters[-1].append(span)
        else:
            clusters.append([span])
    for cluster in clusters:
        start, end = min(s[0] for s in cluster), max(s[1] for s in cluster)
        members = set(cluster)
        view.groups.append(Disagreement(start, end, {
            e: tuple(s for s in view.spans[e] if s in members) for e in editors
        }))
    return view


def wanted_spans(group: Disagreement, choice: str) -> list[Span]:
    """The spans the stretch should have for ``choice`` (an editor, ``BOTH`` or ``NEITHER``).
    ``BOTH``: every editor's spans, a span overlapping one already taken left out (the first
    editor's wins), the same span once."""
    if choice == NEITHER:
        return []
    if choice != BOTH:
        return list(group.spans[choice])
    taken: list[Span] = []
    for editor in sorted(group.spans):
        for span in group.spans[editor]:
            if span not in taken and all(span[1] <= t[0] or span[0] >= t[1] for t in taken):
                taken.append(span)
    return sorted(taken)


def choice_plan(group: Disagreement, current: Sequence[tuple[int, int, int, str]], choice: str) -> tuple[list[int], list[Span]]:
    """(ids of current spans to remove, spans to add) so that the stretch holds ``wanted_spans``.
    ``current``: the article's spans as (id, start, end, label)."""
    wanted = wanted_spans(group, choice)
    inside = [c for c in current if c[1] < group.end and c[2] > group.start]
    keep = {(c[1], c[2], c[3]) for c in inside} & set(wanted)
    remove = [c[0] for c in inside if (c[1], c[2], c[3]) not in keep]
    add = [w for w in wanted if w not in keep]
    return remove, add


def chosen(group: Disagreement, current: Sequence[tuple[int, int, int, str]]) -> list[str]:
    """Which choices the article's spans in the stretch match now (editors, BOTH, NEITHER)."""
    now = sorted((c[1], c[2], c[3]) for c in current if c[1] < group.end and c[2] > group.start)
    out = [e for e in sorted(group.spans) if sorted(group.spans[e]) == now]
    if now == wanted_spans(group, BOTH) and len(out) != len(group.spans):
        out.append(BOTH)
    if not now:
        out.append(NEITHER)
    return out
