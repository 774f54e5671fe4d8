"""The best sequence of line roles for a whole page, and what each role does to the article.

Owns: ``Context`` (what the article being read has so far: a headline, a byline
above its body, body text, whether it was closed), ``step`` (one role applied
to a context: the new context, the cost of the move and what the page cutter
does with the line) and ``decode`` (a Viterbi search over lines whose states
are role + context, so that a role is chosen with the whole page in view: an
article that already has a byline above its body cannot also be closed by a
byline at its end, so one of the headings inside it must start a new article;
a body after a closing byline starts a new article; a headline printed after
its body needs an article without a headline).

Costs are added to the evidence scores of ``desktop.pipeline.roles``; the
search keeps the best few states per line, so it runs in linear time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from desktop.pipeline.evidence import PageEvidence
from desktop.pipeline.roles import (
    BANNER,
    BODY,
    BYLINE,
    CAPTION,
    END_BYLINE,
    HEAD,
    IMAGE,
    LEAD,
    NEW_BODY,
    NOISE,
    NOTE_FROM,
    NOTE_TO,
    SUBHEAD,
    TITLE_AFTER,
    emissions,
)

# What the cutter does with a line.
NEW, ATTACH, CONTINUE, BLOCK = "new", "attach", "continue", "block"

# Costs of moves (points, like the evidence weights).
SECOND_BYLINE = -4.0  # an article with a byline above its body closed by another byline
HEADLESS_BYLINE = -0.5  # a byline after a body starts an article with no headline here
HEADLESS_BODY = -1.0  # a body after a closed article starts an article with no headline
HEAD_APART = -2.5  # plain headline lines with a blank line between them
HEAD_AFTER_BYLINE = -2.0  # a headline right after a byline, before any body
PAGE_ENDS_IN_HEADING = -2.0
BEAM = 8
BEAM_MARGIN = 10.0  # a state this far behind the best cannot catch up (no move costs more)
# With the line-role model's log-probabilities (floor log 0.01 = -4.6 a line).
LEARNED_BEAM = 5
LEARNED_MARGIN = 8.0

_AFTER_HEAD = frozenset({HEAD, BYLINE, LEAD, BODY, NOTE_FROM, CAPTION, IMAGE, NOISE})
_AFTER_BANNER = frozenset({BANNER, HEAD, CAPTION, IMAGE, NOISE})


class Context(NamedTuple):
    """The role of the previous line and what the current article has so far."""

    role: str = ""
    open: bool = False  # an article is being read
    title: bool = False
    byline: bool = False  # a byline above its body (or a wire tag)
    body: bool = False
    closed: bool = False  # a closing byline, a 'continued on' note or a late headline ended it


START = Context()


def step(ctx: Context, role: str, ev: PageEvidence, k: int) -> tuple[float, Context, str] | None:
    """``(cost, new context, action)`` of giving line ``k`` ``role`` after ``ctx``; None if impossible."""
    flag = False
    if role == HEAD:
        if ctx.role == HEAD:
            flag = _together(ev, k)
    elif role in _CLOSABLE:
        flag = ev.shapes[k].byline_at > 0
    return _move(ctx, role, flag)


def _together(ev: PageEvidence, k: int) -> bool:
    """Whether heading line ``k`` is printed together with the heading line above it."""
    line, shape, before = ev.lines[k], ev.shapes[k], ev.shapes[k - 1]
    return line.blank_before == 0 or shape.dash or (shape.level != before.level and shape.level * before.level > 0)


_CLOSABLE = frozenset({BODY, NEW_BODY, LEAD})
_NO_VALUE = float("-inf")


@lru_cache(maxsize=4096)
def _move(ctx: Context, role: str, flag: bool) -> tuple[float, Context, str] | None:
    """The move of ``step``: depends only on the context, the role and ``flag``: for a headline
    line after another, whether the two are printed together; for a paragraph, whether a
    bracketed byline closes it (and with it the article)."""
    together = closes = flag
    prev = ctx.role
    live = ctx.open and not ctx.closed
    if prev == HEAD and role not in _AFTER_HEAD:
        return None
    if prev == BANNER and role not in _AFTER_BANNER:
        return None
    if role == HEAD:
        if prev == HEAD:
            return (0.0 if together else HEAD_APART), Context(HEAD, True, True, False, False, False), CONTINUE
        cost = HEAD_AFTER_BYLINE if (live and ctx.byline and not ctx.body) else 0.0
        return cost, Context(HEAD, True, True, False, False, False), NEW
    if role == BANNER:
        return 0.0, Context(BANNER), BLOCK
    if role == SUBHEAD:
        if not (live and ctx.body) or prev == HEAD:
            return None
        return 0.0, Context(SUBHEAD, True, ctx.title, ctx.byline, True, False), ATTACH
    if role == TITLE_AFTER:
        if not (live and ctx.body and not ctx.title):
            return None
        return 0.0, Context(TITLE_AFTER, True, True, ctx.byline, True, True), ATTACH
    if role in (BYLINE, LEAD):
        has_body = role == LEAD
        shut = closes and role == LEAD
        if prev == HEAD or (live and not ctx.body and not (ctx.byline and role == BYLINE)):
            return 0.0, Context(role, True, ctx.title, True, has_body, shut), ATTACH
        cost = HEADLESS_BYLINE if role == BYLINE else 0.0
        return cost, Context(role, True, False, True, has_body, shut), NEW
    if role == END_BYLINE:
        if not (live and ctx.body):
            return None
        cost = SECOND_BYLINE if ctx.byline else 0.0
        return cost, Context(END_BYLINE, True, ctx.title, ctx.byline, True, True), ATTACH
    if role == NOTE_FROM:
        if prev == HEAD or (live and not ctx.body):
            return 0.0, Context(NOTE_FROM, True, ctx.title, ctx.byline, False, False), ATTACH
        return 0.0, Context(NOTE_FROM, True, False, False, False, False), NEW
    if role == NOTE_TO:  # (a note closing a paragraph brings its own body)
        if not live:
            return None
        return 0.0, Context(NOTE_TO, True, ctx.title, ctx.byline, True, True), ATTACH
    if role == BODY:
        if live:
            return 0.0, Context(BODY, True, ctx.title, ctx.byline, True, closes), ATTACH
        return HEADLESS_BODY, Context(BODY, True, False, False, True, closes), NEW
    if role == NEW_BODY:
        if not (live and ctx.body):
            return None
        return 0.0, Context(NEW_BODY, True, False, False, True, closes), NEW
    if role in (CAPTION, IMAGE, NOISE):
        action = ATTACH if (role == CAPTION and live) else BLOCK
        return 0.0, Context(role, ctx.open, ctx.title, ctx.byline, ctx.body, ctx.closed), action
    raise ValueError(f"unknown role {role!r}")


def decode(
    ev: PageEvidence, learned: Sequence[Mapping[str, float]] | None = None, move_weight: float = 1.0
) -> list[str]:
    """The best role of every line of the page, chosen jointly.

    ``learned`` gives, per line, the score of each role (log-probabilities of the
    line-role model); without it the hand-set evidence scores of ``roles.emissions`` are
    used.  ``move_weight`` scales the costs of moves (the hard constraints stay hard).
    """
    n = len(ev.lines)
    if n == 0:
        return []
    beam, margin = (BEAM, BEAM_MARGIN) if learned is None else (LEARNED_BEAM, LEARNED_MARGIN)
    beams: dict[Context, float] = {START: 0.0}
    back: list[dict[Context, Context]] = []
    for k in range(n):
        scores = learned[k] if learned is not None else emissions(ev, k)
        nxt: dict[Context, float] = {}
        ptr: dict[Context, Context] = {}
        # The flags of ``step``, read once for the line.
        closes = ev.shapes[k].byline_at > 0
        together = k > 0 and HEAD in scores and _together(ev, k)
        for ctx, total in beams.items():
            after_head = ctx.role == HEAD
            for role, score in scores.items():
                if role == HEAD:
                    moved = _move(ctx, role, together and after_head)
                else:
                    moved = _move(ctx, role, closes and role in _CLOSABLE)
                if moved is None:
                    continue
                cost, new_ctx, _ = moved
                value = total + score + move_weight * cost
                if value > nxt.get(new_ctx, _NO_VALUE):
                    nxt[new_ctx] = value
                    ptr[new_ctx] = ctx
        if not nxt:  # no role fits: keep the line as body of whatever is open
            for ctx, total in beams.items():
                cost, new_ctx, _ = step(ctx, BODY, ev, k) or (0.0, Context(BODY, True, False, False, True), NEW)
                if total + cost > nxt.get(new_ctx, float("-inf")):
                    nxt[new_ctx], ptr[new_ctx] = total + cost, ctx
        if len(nxt) > 1:
            top = max(nxt.values())
            if len(nxt) > beam:
                nxt = dict(sorted(nxt.items(), key=lambda item: item[1], reverse=True)[:beam])
            nxt = {c: v for c, v in nxt.items() if v >= top - margin}
        beams = nxt
        back.append(ptr)
    end = {ctx: total + (move_weight * PAGE_ENDS_IN_HEADING if ctx.role in (HEAD, BANNER) else 0.0) for ctx, total in beams.items()}
    best = max(end, key=lambda c: end[c])
    roles = [""] * n
    for k in range(n - 1, -1, -1):
        roles[k] = best.role
        best = back[k][best]
    return roles
