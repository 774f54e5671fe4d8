"""Span writes: add, update (move, relabel, revalue), remove, accept the automatic ones.

Owns: the span invariants — ``0 <= start < end <= len(body)``, label in
``LABELS``, no overlap with another span of the same article, ``text ==
body[start:end]`` — and keeping ``articles.n_spans`` equal to the number of
spans.  An editor's change of a machine span makes it ``human`` (the rule is in
``span_origin``); ``confidence`` and ``suggested`` ride along untouched.  Each
write runs in the caller's transaction and records one event whose
before/after hold the whole span (id included), enough to undo it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from desktop.pipeline.model import LABELS
from desktop.store.codec import dumps, loads
from desktop.store.errors import NotFoundError, OverlapError, StoreError
from desktop.store.events import record_event
from desktop.store.records import Changes
from desktop.store.span_origin import origin_after_edit, suggested_for

ORIGINS: tuple[str, ...] = ("auto", "human", "imported")


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()

_SPAN_COLUMNS = 'id, article_id, start, "end", label, text, value, origin, needs_check, confidence, suggested'


def _span(db: Database, span_id: int) -> dict[str, Any]:
    cur = db.execute(f"SELECT {_SPAN_COLUMNS} FROM spans WHERE id = ?", (span_id,))
    row = cur.fetchone()
    if row is None:
        raise NotFoundError(f"span {span_id} does not exist (it may have been removed)", kind="span", id=span_id)
    d = dict(zip((c[0] for c in cur.description), row))
    d["value"] = loads(d["value"])
    d["needs_check"] = bool(d["needs_check"])
    return d


def _body(db: Database, article_id: int) -> str:
    row = db.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"article {article_id} does not exist (it may have been removed)", kind="article", id=article_id)
    return row[0]


def check_span(db: Database, article_id: int, start: int, end: int, label: str, exclude: int | None = None) -> str:
    """Validate a span; returns the body.  Raises StoreError / OverlapError."""
    body = _body(db, article_id)
    if label not in LABELS:
        raise StoreError(f"unknown label {label!r}; use one of {', '.join(LABELS)}", code="unknown_label", label=label)
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body)):
        raise StoreError(
            f"span [{start}, {end}) is outside the article body (length {len(body)}) or empty",
            code="span_outside_body", start=start, end=end, length=len(body),
        )
    other = db.execute(
        'SELECT id, start, "end", label, text FROM spans WHERE article_id = ? AND start < ? AND "end" > ?'
        " AND id IS NOT ? ORDER BY start LIMIT 1",
        (article_id, end, start, exclude),
    ).fetchone()
    if other is not None:
        raise OverlapError(
            f"the span 「{body[start:end]}」 [{start}, {end}) overlaps the {other[3]} span 「{other[4]}」 "
            f"[{other[1]}, {other[2]}) (id {other[0]}); spans may not overlap",
            text=body[start:end], start=start, end=end, other_label=other[3], other_text=other[4],
            other_start=other[1], other_end=other[2], other_id=other[0],
        )
    return body


def _count(db: Database, article_id: int, delta: int) -> None:
    db.execute("UPDATE articles SET n_spans = n_spans + ? WHERE id = ?", (delta, article_id))


def add_span(
    db: Database, editor: str, article_id: int, start: int, end: int, label: str, *,
    value: Any = None, origin: str = "human", span_id: int | None = None, needs_check: bool = False,
    confidence: float | None = None, suggested: Any = UNSET,
) -> Changes:
    """Insert a span.  ``suggested`` defaults to what ``origin`` implies (an undo passes the saved one)."""
    if origin not in ORIGINS:
        raise StoreError(f"unknown span origin {origin!r}", code="unknown_origin", origin=origin)
    body = check_span(db, article_id, start, end, label)
    if span_id is not None and db.execute("SELECT 1 FROM spans WHERE id = ?", (span_id,)).fetchone():
        raise StoreError(f"span id {span_id} is already in use", code="span_id_in_use", id=span_id)
    if suggested is UNSET:
        suggested = suggested_for(origin)
    cur = db.execute(
        'INSERT INTO spans (id, article_id, start, "end", label, text, value, origin, needs_check, confidence, suggested)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (span_id, article_id, start, end, label, body[start:end], dumps(value), origin, int(needs_check),
         confidence, suggested),
    )
    new_id = cur.lastrowid if span_id is None else span_id
    assert new_id is not None  # an INSERT sets lastrowid
    _count(db, article_id, +1)
    record_event(db, article_id, editor, "add_span", None, _span(db, new_id))
    return Changes({article_id}, {"spans"}, span_id=new_id)


def update_span(
    db: Database, editor: str, span_id: int, *, start: int | None = None, end: int | None = None,
    label: str | None = None, value: Any = UNSET, origin: str | None = None, needs_check: bool | None = None,
) -> Changes:
    """Change a span.  Without an explicit ``origin``, a changed label, boundary or value
    makes a machine or imported span the editor's (``human``); an explicit origin (an
    undo putting the span back, an accept) is written as given."""
    old = _span(db, span_id)
    new = dict(old)
    new["start"] = old["start"] if start is None else start
    new["end"] = old["end"] if end is None else end
    new["label"] = old["label"] if label is None else label
    if value is not UNSET:
        new["value"] = value
    if origin is not None:
        if origin not in ORIGINS:
            raise StoreError(f"unknown span origin {origin!r}", code="unknown_origin", origin=origin)
        new["origin"] = origin
    else:
        new["origin"] = origin_after_edit(old, new)
    if needs_check is not None:
        new["needs_check"] = bool(needs_check)
    body = check_span(db, old["article_id"], new["start"], new["end"], new["label"], exclude=span_id)
    new["text"] = body[new["start"] : new["end"]]
    if new == old:
        return Changes(span_id=span_id)
    db.execute(
        'UPDATE spans SET start = ?, "end" = ?, label = ?, text = ?, value = ?, origin = ?, needs_check = ? WHERE id = ?',
        (new["start"], new["end"], new["label"], new["text"], dumps(new["value"]), new["origin"],
         int(new["needs_check"]), span_id),
    )
    record_event(db, old["article_id"], editor, "update_span", old, new)
    return Changes({old["article_id"]}, {"spans"}, span_id=span_id)


def remove_span(db: Database, editor: str, span_id: int) -> Changes:
    old = _span(db, span_id)
    db.execute("DELETE FROM spans WHERE id = ?", (span_id,))
    _count(db, old["article_id"], -1)
    record_event(db, old["article_id"], editor, "remove_span", old, None)
    return Changes({old["article_id"]}, {"spans"}, span_id=span_id)


def accept_auto_spans(db: Database, editor: str, article_id: int) -> Changes:
    """Mark every automatic span of the article as confirmed by a human (origin auto -> human;
    ``suggested`` keeps ``auto``)."""
    _body(db, article_id)
    ids = [r[0] for r in db.execute("SELECT id FROM spans WHERE article_id = ? AND origin = 'auto' ORDER BY id", (article_id,))]
    if not ids:
        return Changes()
    db.execute("UPDATE spans SET origin = 'human' WHERE article_id = ? AND origin = 'auto'", (article_id,))
    record_event(db, article_id, editor, "accept_auto_spans", {"origin": "auto", "span_ids": ids}, {"origin": "human", "span_ids": ids})
    return Changes({article_id}, {"spans"})


@dataclass
class SpansAdded(Changes):
    """What ``add_spans`` did: ``span_ids[i]`` is the id of item i, or None when it was refused."""

    span_ids: list[int | None] = field(default_factory=list)
    refused: list[StoreError] = field(default_factory=list)


def add_spans(db: Database, editor: str, items: list[dict[str, Any]]) -> SpansAdded:
    """Insert many spans (label-all) in the caller's one transaction, each with its own event.

    ``items``: dicts with ``article_id``, ``start``, ``end``, ``label`` and optionally
    ``origin`` (default human), ``span_id`` (a redo restoring the same ids), ``value``.
    An item the span rules refuse (it overlaps a span made meanwhile) is skipped and
    listed in ``refused``; the others are written.
    """
    result = SpansAdded()
    for item in items:
        try:
            done = add_span(
                db, editor, item["article_id"], item["start"], item["end"], item["label"],
                value=item.get("value"), origin=item.get("origin", "human"), span_id=item.get("span_id"),
            )
        except (OverlapError, NotFoundError) as err:
            result.span_ids.append(None)
            result.refused.append(err)
            continue
        result.span_ids.append(done.span_id)
        result.article_ids |= done.article_ids
        result.kinds |= done.kinds
    return result


def remove_spans(db: Database, editor: str, span_ids: list[int]) -> Changes:
    """Remove many spans in the caller's one transaction (undo of ``add_spans``); ids gone already are skipped."""
    changes = Changes()
    for span_id in span_ids:
        if db.execute("SELECT 1 FROM spans WHERE id = ?", (span_id,)).fetchone() is None:
            continue
        changes = changes.merge(remove_span(db, editor, span_id))
    changes.span_id = None
    return changes


def owners(db: Database, span_ids: list[int] | tuple[int, ...] | Any) -> list[int]:
    """The articles the spans ``span_ids`` belong to (spans gone are left out): a write's scope look-up."""
    ids = list(span_ids)
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return [r[0] for r in db.execute(f"SELECT DISTINCT article_id FROM spans WHERE id IN ({marks})", ids)]
