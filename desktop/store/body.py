"""Editing an article's body text (OCR fixes, line joins) without losing the
spans and section offsets around the edit.

Owns: ``set_body`` and the offset mapping ``remap``.  The old and new bodies are
compared with ``difflib.SequenceMatcher`` (no autojunk); an offset inside an
unchanged stretch moves with it.  A span untouched by the edit keeps its label,
value and origin at its new offsets.  A span a change touches is kept with
boundaries mapped outward over the change and ``needs_check`` set, so the
editor looks at it; a span whose text vanished entirely is removed.  The event
records the old and new body with every span, enough to undo.
"""

from __future__ import annotations

from bisect import bisect_right
from difflib import SequenceMatcher
from typing import Any

from sqlite_utils import Database

from desktop.store import search
from desktop.store.codec import dumps, loads
from desktop.store.errors import NotFoundError, StoreError
from desktop.store.events import record_event
from desktop.store.records import Changes


class OffsetMap:
    """Maps offsets of the old body to the new one, telling whether a range was touched."""

    def __init__(self, old: str, new: str) -> None:
        ops = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        self._ops = ops
        self._starts = [op[1] for op in ops]

    def _op(self, pos: int) -> tuple[str, int, int, int, int]:
        i = max(0, bisect_right(self._starts, pos) - 1)
        return self._ops[i]

    def start(self, pos: int) -> int:
        tag, i1, i2, j1, j2 = self._op(pos)
        return j1 + (pos - i1) if tag == "equal" else j1

    def end(self, pos: int) -> int:
        """Map an exclusive end: the end of the character before ``pos``."""
        if pos == 0:
            return 0
        tag, i1, i2, j1, j2 = self._op(pos - 1)
        return j1 + (pos - i1) if tag == "equal" else j2

    def touched(self, start: int, end: int) -> bool:
        """True if a change lies inside [start, end) or at its edges."""
        for tag, i1, i2, _, _ in self._ops:
            if tag == "equal":
                continue
            if i1 < end and i2 > start or (i1 == i2 and start <= i1 <= end) or i2 == start or i1 == end:
                return True
        return False


def set_body(db: Database, editor: str, article_id: int, new_body: str) -> Changes:
    if not isinstance(new_body, str):
        raise StoreError("the body must be text", code="body_not_text")
    row = db.execute("SELECT title, body, sections FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"article {article_id} does not exist (it may have been removed)", kind="article", id=article_id)
    title, old_body, sections_json = row
    if old_body == new_body:
        return Changes()
    m = OffsetMap(old_body, new_body)
    cur = db.execute(
        'SELECT id, start, "end", label, text, value, origin, needs_check FROM spans WHERE article_id = ? ORDER BY start',
        (article_id,),
    )
    old_spans = [
        {"id": r[0], "start": r[1], "end": r[2], "label": r[3], "text": r[4], "value": loads(r[5]), "origin": r[6],
         "needs_check": bool(r[7])}
        for r in cur
    ]
    new_spans: list[dict[str, Any]] = []
    removed: list[int] = []
    last_end = 0
    for s in old_spans:
        start, end = m.start(s["start"]), m.end(s["end"])
        start = max(start, last_end)
        if start >= end:
            removed.append(s["id"])
            continue
        changed = m.touched(s["start"], s["end"])
        n = dict(s, start=start, end=end, text=new_body[start:end], needs_check=s["needs_check"] or changed)
        new_spans.append(n)
        last_end = end
    for sid in removed:
        db.execute("DELETE FROM spans WHERE id = ?", (sid,))
    db.conn.executemany(
        'UPDATE spans SET start = ?, "end" = ?, text = ?, needs_check = ? WHERE id = ?',
        [(s["start"], s["end"], s["text"], int(s["needs_check"]), s["id"]) for s in new_spans],
    )
    old_sections = loads(sections_json, [])
    new_sections = []
    for sec in old_sections:
        st, en = m.start(sec["start"]), m.end(sec["end"])
        if st < en:
            new_sections.append(dict(sec, start=st, end=en, title=new_body[st:en]))
    db.execute(
        "UPDATE articles SET body = ?, sections = ?, n_spans = ? WHERE id = ?",
        (new_body, dumps(new_sections), len(new_spans), article_id),
    )
    search.reindex_article(db, article_id, (title, old_body), (title, new_body))
    record_event(
        db, article_id, editor, "set_body",
        {"body": old_body, "spans": old_spans, "sections": old_sections},
        {"body": new_body, "spans": new_spans, "sections": new_sections},
    )
    return Changes({article_id}, {"fields", "spans"})
