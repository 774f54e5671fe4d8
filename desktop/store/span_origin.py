"""Whose a span is: the machine's suggestion, or the editor's.

Owns the rule every write follows: a span an editor changes in any way
(label, boundaries, value) or explicitly accepts becomes ``human`` — it is the
editor's, re-extraction never replaces it and exports count it as human — while
its ``suggested`` column keeps who first proposed it (``auto`` for the machine,
``imported`` for an annotation import, NULL for a span an editor made), so
statistics of machine quality still see where it came from.

Also owns ``promote_edited_spans``, the v4 migration step that applies the rule
to projects written before it existed, from their events.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from desktop.store.codec import loads

# Span keys an editor's change is about; moving needs_check or the origin itself is not a change.
EDITED_KEYS: tuple[str, ...] = ("start", "end", "label", "value")


def suggested_for(origin: str) -> str | None:
    """``suggested`` of a span created with ``origin``: who proposed it, or None for an editor's own."""
    return origin if origin in ("auto", "imported") else None


def origin_after_edit(old: dict[str, Any], new: dict[str, Any]) -> str:
    """The origin a span has after an editor's write turned ``old`` into ``new``.

    A machine (``auto``) or imported span whose label, boundaries or value changed
    becomes ``human``; anything else keeps its origin.
    """
    if old["origin"] != "human" and any(old[k] != new[k] for k in EDITED_KEYS):
        return "human"
    return old["origin"]


def promote_edited_spans(db: Database) -> int:
    """Apply the rule to a project written before it; returns how many spans became ``human``.

    From the span events (oldest first): a span's first recorded state is the
    ``before`` of its earliest ``update_span``/``remove_span`` event, and a span
    whose earliest event is an ``add_span`` was made by hand.  Then:

    * an ``auto`` span whose label, text or value now differs from its first state
      was changed by an editor: it becomes ``human`` with ``suggested = 'auto'`` (a
      change of offsets alone can come from an edit of the body text around it,
      which is not a change of the span);
    * a ``human`` span that was not made by hand (accepted, or changed above) gets
      ``suggested = 'auto'``.
    """
    first_state: dict[int, dict[str, Any]] = {}
    made_by_hand: set[int] = set()
    seen: set[int] = set()
    cur = db.execute(
        "SELECT action, before, after FROM events WHERE action IN ('add_span', 'update_span', 'remove_span') ORDER BY id"
    )
    for action, before, after in cur:
        state = loads(after if action == "add_span" else before)
        if not isinstance(state, dict) or "id" not in state:
            continue
        sid = state["id"]
        if sid not in seen:
            seen.add(sid)
            if action == "add_span":
                made_by_hand.add(sid)
            else:
                first_state[sid] = state
    promoted: list[int] = []
    ids = sorted(first_state)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows = db.execute(
            f"SELECT id, label, text, value FROM spans WHERE origin = 'auto' AND id IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        for sid, label, text, value in rows:
            was = first_state[sid]
            if was.get("origin") == "auto" and (label, text, loads(value)) != (was.get("label"), was.get("text"), was.get("value")):
                promoted.append(sid)
    for i in range(0, len(promoted), 500):
        chunk = promoted[i : i + 500]
        db.execute(f"UPDATE spans SET origin = 'human' WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
    hand = sorted(made_by_hand)
    db.execute("UPDATE spans SET suggested = 'auto' WHERE origin = 'human'")
    for i in range(0, len(hand), 500):
        chunk = hand[i : i + 500]
        db.execute(
            f"UPDATE spans SET suggested = NULL WHERE origin = 'human' AND id IN ({', '.join('?' * len(chunk))})", chunk
        )
    return len(promoted)
