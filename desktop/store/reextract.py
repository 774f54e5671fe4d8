"""Re-extraction writes: swap an article's machine ("auto") spans for a fresh set.

Owns: ``replace_auto_spans`` and ``replace_auto_spans_many`` (run by the Store
facade inside its one transaction), ``article_bodies`` (the bulk read the batch
needs) and ``Reextracted``, the ``Changes`` they return with the spans removed
and added per changed article.

Rules:

* only spans with origin ``"auto"`` are removed; human and imported spans stay.
  A new span is skipped (and counted) when it overlaps a remaining
  human/imported span or an earlier new span, falls outside the body, has an
  unknown label, carries a ``"text"`` that is not ``body[start:end]``, or a
  value that is not JSON;
* new spans are written with origin ``"auto"`` (``suggested`` ``"auto"``); a span
  dict may carry ``"id"`` (kept when free, so undo/redo give back the same ids),
  ``"needs_check"`` and ``"confidence"`` (the model's probability);
* an article whose auto spans would come out the same (start, end, label,
  value, needs_check, confidence) is left alone: same ids, no event;
* a reviewed article is refused with ``StoreError`` unless ``force=True``
  (``replace_auto_spans_many`` may instead leave out articles of
  ``skip_statuses``, gone articles, and articles whose body is no longer the
  one the spans were computed for);
* each changed article gets one ``"reextract"`` event: before
  ``{"spans": [removed rows]}``, after ``{"spans": [added rows]}`` (whole span
  rows, ids included), and ``articles.n_spans`` follows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlite_utils import Database

from desktop.pipeline.model import LABELS
from desktop.store.codec import dumps, loads
from desktop.store.errors import NotFoundError, StoreError
from desktop.store.events import record_event
from desktop.store.records import Changes

ACTION = "reextract"
_COLUMNS = ("id", "article_id", "start", "end", "label", "text", "value", "origin", "needs_check", "confidence",
            "suggested")
_SELECT = f'SELECT {", ".join(f"[{c}]" for c in _COLUMNS)} FROM spans'
_INSERT = f'INSERT INTO spans ({", ".join(f"[{c}]" for c in _COLUMNS)}) VALUES ({", ".join("?" * len(_COLUMNS))})'

_CHUNK = 500  # ids per IN (...) query, below SQLite's parameter limit


@dataclass
class Reextracted(Changes):
    """What a re-extraction wrote.  ``article_ids`` holds the changed articles only."""

    removed: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # auto spans taken out (whole rows)
    added: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # spans written (whole rows, ids)
    spans_skipped: int = 0  # new spans refused: overlap, outside the body, bad label/text/value
    articles_skipped: list[int] = field(default_factory=list)  # left out: gone, skip_statuses, body changed


@dataclass
class _Plan:
    article_id: int
    body: str
    removed: list[dict[str, Any]]
    new: list[dict[str, Any]]  # validated: start, end, label, text, value (encoded), needs_check, confidence, id?


def article_bodies(db: Database, ids: Sequence[int]) -> dict[int, str]:
    """Body of each given article (missing ids are left out)."""
    ids = list(dict.fromkeys(ids))
    out: dict[int, str] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        cur = db.execute(f"SELECT id, body FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
        out.update((r[0], r[1]) for r in cur)
    return out


def _row(values: Iterable[Any]) -> dict[str, Any]:
    d = dict(zip(_COLUMNS, values))
    d["value"] = loads(d["value"])
    d["needs_check"] = bool(d["needs_check"])
    return d


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _accept(body: str, kept: list[tuple[int, int]], spans: Iterable[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The new spans that may be written, sorted, and how many were refused."""
    occupied = bytearray(len(body))
    for start, end in kept:
        start, end = max(start, 0), min(end, len(body))
        if start < end:
            occupied[start:end] = b"\x01" * (end - start)
    valid: list[tuple[int, int, int, Mapping[str, Any]]] = []
    skipped = 0
    for n, s in enumerate(spans):
        start, end = s.get("start"), s.get("end")  # type: ignore[assignment]  # checked just below
        if not (_is_int(start) and _is_int(end) and 0 <= start < end <= len(body)) or s.get("label") not in LABELS:
            skipped += 1
            continue
        text = s.get("text")
        if text is not None and text != body[start:end]:
            skipped += 1  # computed for another body
            continue
        valid.append((start, end, n, s))
    out: list[dict[str, Any]] = []
    for start, end, _n, s in sorted(valid, key=lambda v: v[:3]):
        if occupied.find(1, start, end) != -1:
            skipped += 1
            continue
        try:
            value = dumps(s.get("value"))
        except (TypeError, ValueError):
            skipped += 1
            continue
        confidence = s.get("confidence")
        if confidence is not None and not (isinstance(confidence, (int, float)) and 0.0 <= confidence <= 1.0):
            skipped += 1
            continue
        occupied[start:end] = b"\x01" * (end - start)
        span_id = s.get("id")
        out.append(
            {
                "id": span_id if _is_int(span_id) else None,
                "start": start,
                "end": end,
                "label": s["label"],
                "text": body[start:end],
                "value": value,
                "needs_check": bool(s.get("needs_check", False)),
                "confidence": None if confidence is None else float(confidence),
            }
        )
    return out, skipped


def _key(s: Mapping[str, Any], encoded_value: str | None) -> tuple:
    return (s["start"], s["end"], s["label"], encoded_value, bool(s["needs_check"]), s.get("confidence"))


def _plan(
    db: Database, article_id: int, body: str, spans: Iterable[Mapping[str, Any]]
) -> tuple[_Plan | None, int]:
    """What to write for one article: None when its auto spans would not change."""
    rows = [_row(r) for r in db.execute(f'{_SELECT} WHERE article_id = ? ORDER BY start, "end", id', (article_id,))]
    auto = [r for r in rows if r["origin"] == "auto"]
    kept = [(r["start"], r["end"]) for r in rows if r["origin"] != "auto"]
    new, skipped = _accept(body, kept, spans)
    old_keys = sorted((_key(r, dumps(r["value"])) for r in auto), key=repr)
    new_keys = sorted((_key(s, s["value"]) for s in new), key=repr)
    if old_keys == new_keys:
        return None, skipped
    return _Plan(article_id, body, auto, new), skipped


def _apply(db: Database, editor: str, plans: list[_Plan], result: Reextracted) -> Reextracted:
    """Delete every planned article's auto spans first, then insert: an id freed anywhere in
    the batch is free for the spans that ask for it (undo of a batch gets its ids back)."""
    for plan in plans:
        db.execute("DELETE FROM spans WHERE article_id = ? AND origin = 'auto'", (plan.article_id,))
    inserted: dict[int, list[int]] = {p.article_id: [] for p in plans}
    # Spans asking for an id go in before the others, which take max(id) + 1 and might take it.
    for wants_id in (True, False):
        for plan in plans:
            for s in plan.new:
                if (s["id"] is not None) != wants_id:
                    continue
                span_id = s["id"]
                if span_id is not None and db.execute("SELECT 1 FROM spans WHERE id = ?", (span_id,)).fetchone():
                    span_id = None  # taken meanwhile: equal content under a new id
                cur = db.execute(
                    _INSERT,
                    (span_id, plan.article_id, s["start"], s["end"], s["label"], s["text"], s["value"], "auto",
                     int(s["needs_check"]), s["confidence"], "auto"),
                )
                inserted[plan.article_id].append(cast(int, cur.lastrowid) if span_id is None else span_id)
    for plan in plans:
        aid = plan.article_id
        ids = inserted[aid]
        added: list[dict[str, Any]] = []
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            cur = db.execute(f"{_SELECT} WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
            added.extend(_row(r) for r in cur)
        added.sort(key=lambda r: (r["start"], r["end"]))
        db.execute(
            "UPDATE articles SET n_spans = (SELECT count(*) FROM spans WHERE article_id = ?) WHERE id = ?", (aid, aid)
        )
        record_event(db, aid, editor, ACTION, {"spans": plan.removed}, {"spans": added})
        result.article_ids.add(aid)
        result.removed[aid] = plan.removed
        result.added[aid] = added
    if plans:
        result.kinds.add("spans")
    return result


def _refuse_reviewed(article_id: int) -> StoreError:
    return StoreError(
        f"article {article_id} is reviewed; its spans stay as they were signed off "
        "(set it back to in review to re-run extraction)",
        code="article_reviewed", id=article_id,
    )


def replace_auto_spans(
    db: Database, editor: str, article_id: int, spans: Iterable[Mapping[str, Any]], *, force: bool = False
) -> Reextracted:
    """Replace the article's auto spans by ``spans`` (dicts: start, end, label, value; optional id,
    text, needs_check, confidence).  See the module docstring for what is kept and skipped."""
    row = db.execute("SELECT status, body FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"article {article_id} does not exist (it may have been removed)", kind="article", id=article_id)
    status, body = row
    if status == "reviewed" and not force:
        raise _refuse_reviewed(article_id)
    result = Reextracted()
    plan, result.spans_skipped = _plan(db, article_id, body, spans)
    return _apply(db, editor, [plan] if plan else [], result)


def replace_auto_spans_many(
    db: Database,
    editor: str,
    mapping: Mapping[int, Iterable[Mapping[str, Any]]],
    *,
    force: bool = False,
    skip_statuses: Sequence[str] = (),
    bodies: Mapping[int, str] | None = None,
) -> Reextracted:
    """``replace_auto_spans`` for many articles in the caller's one transaction.

    Articles that are gone, whose status is in ``skip_statuses``, or whose body
    differs from ``bodies[id]`` (when given: edited since the spans were
    computed) are left out and listed in ``articles_skipped``.  Any other
    reviewed article refuses the whole call unless ``force``.
    """
    result = Reextracted()
    ids = list(mapping)
    found: dict[int, tuple[str, str]] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        cur = db.execute(f"SELECT id, status, body FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
        found.update((r[0], (r[1], r[2])) for r in cur)
    plans: list[_Plan] = []
    for aid in ids:
        if aid not in found:
            result.articles_skipped.append(aid)
            continue
        status, body = found[aid]
        if status in skip_statuses or (bodies is not None and aid in bodies and bodies[aid] != body):
            result.articles_skipped.append(aid)
            continue
        if status == "reviewed" and not force:
            raise _refuse_reviewed(aid)
        plan, skipped = _plan(db, aid, body, mapping[aid])
        result.spans_skipped += skipped
        if plan is not None:
            plans.append(plan)
    return _apply(db, editor, plans, result)
