"""Undo and redo of recorded writes: the one way an edit is taken back.

Owns: ``undo_writes`` and ``redo_writes`` (put the rows a write changed back as the journal
recorded them right before it, or again as right after it), ``cancels_out``, ``UndoMethods``
(the ``Store``'s ``undo_events``, ``redo_events``, ``events_of`` and ``cancel_out``) and
``journalled`` (the class decorator that puts the ids of the events a ``Store`` method
recorded on the ``Changes`` it returns, ``Changes.event_ids``).

A *write* is what one store transaction recorded: its events share ``events.write_id`` and
its states (``journal.py``: each article's row, spans, tags and adjudication, or its whole
page, before and after; the tags it added to the vocabulary).  Undo and redo take event ids
and act on the whole writes holding them, several writes in one transaction (newest first
for undo, oldest first for redo), and mark the events ``undone`` (the history leaves them
out) or in effect again.  They are not events themselves: an undone edit simply is not in
the history any more, and its redo brings it back.

Refused, with ``errors.UndoRefused`` (and nothing changed):

* ``undo_later_edit``: a later write still in effect changed one of the same articles (or,
  for a page-level write, any article of that page, or the page's segmentation): undo that
  one first.  Its event and article are in ``details``.
* ``undo_changed``: the rows are not as the write left them (undo) or found them (redo),
  though no recorded write says why.
* ``undo_not_recorded``: no after-state (an edit made by an older Newsdesk, or a write undo
  does not cover: an import, a merge of work packages).
* ``undo_state``: already undone (undo), or in effect (redo).
* ``ids_taken`` (a ``StoreError``): a span id the write had is used by another article now.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import wraps
from types import FunctionType
from typing import Any, TypeVar

from sqlite_utils import Database

from desktop.store import search
from desktop.store.codec import dumps, loads
from desktop.store.errors import StoreError, UndoRefused
from desktop.store.events import events_by_ids
from desktop.store.journal import ARTICLE, LIVE, PAGE, VOCABULARY, journal_states, page_only, page_state, unpack
from desktop.store.records import Changes, Event

# Writes undo does not cover: they change tables the journal does not keep (work packages).
NOT_UNDOABLE = {"import_page", "merge_version", "merge_to_adjudicate"}
_KINDS = {"articles", "fields", "spans", "status", "tags"}
_STATUS = ("status", "reviewer", "reviewed_at")
_IDS = "SELECT value FROM json_each(?)"
# The events of some writes, oldest first, always through the write_id index: most events of a
# big archive (its imports) have no write id, so SQLite's statistics call that index unselective
# and it walked every event in id order instead (30 ms a merge of two field edits at 170,000
# events, against 0.1 ms).
WRITE_EVENTS_SQL = (
    f"SELECT id, write_id, action, undone FROM events INDEXED BY idx_events_write_id WHERE write_id IN ({_IDS}) ORDER BY id"
)


@dataclass
class _Write:
    id: int
    events: list[int] = field(default_factory=list)
    articles: list[tuple[int, Any, Any]] = field(default_factory=list)  # (article id, before, after)
    page: tuple[int, Any, Any, list[int]] | None = None  # (page id, before, after, touched)
    vocabulary: list[dict[str, str]] = field(default_factory=list)  # tags the write added

    def keys(self) -> set[tuple[str, int]]:
        """What a later write must not have changed: ("a", article id), ("p", page id)."""
        keys = {("a", a) for a, _b, _f in self.articles}
        if self.page is not None:
            page_id, before, after, _t = self.page
            keys |= {("p", page_id)} | {("a", a["id"]) for a in [*before["articles"], *after["articles"]]}
        return keys

    def article_ids(self) -> set[int]:
        ids = {a for a, _b, _f in self.articles}
        if self.page is not None:
            ids |= {a["id"] for a in [*self.page[1]["articles"], *self.page[2]["articles"]]}
        return ids


def _load(db: Database, event_ids: Sequence[int], undone: int) -> list[_Write]:
    """The whole writes holding ``event_ids``, oldest first; refused unless every one has its
    states and every event is ``undone`` (0: in effect, for an undo; 1: undone, for a redo)."""
    asked = sorted({int(i) for i in event_ids})
    found = dict(db.execute(f"SELECT id, write_id FROM events WHERE id IN ({_IDS})", (dumps(asked),)).fetchall())
    if not asked or len(found) < len(asked) or None in found.values():
        raise UndoRefused(f"events {asked} have no recorded states to undo or redo", code="undo_not_recorded")
    writes = {w: _Write(w) for w in sorted(set(found.values()))}
    cur = db.execute(WRITE_EVENTS_SQL, (dumps(list(writes)),))
    for event_id, write_id, action, flag in cur:
        if action in NOT_UNDOABLE:
            raise UndoRefused(f"event {event_id} ({action}) cannot be undone", code="undo_not_recorded", action=action)
        if flag != undone:
            raise UndoRefused(f"event {event_id} is {'in effect' if undone else 'undone already'}", code="undo_state")
        writes[write_id].events.append(event_id)
    ids = [e for w in writes.values() for e in w.events]
    owner = {e: w for w in writes.values() for e in w.events}
    cur = db.execute(f"SELECT event_id, article_id, page_id, scope, touched, data, after FROM states WHERE event_id IN ({_IDS})",
                     (dumps(ids),))
    for event_id, article_id, page_id, scope, touched, data, after in cur:
        write = owner[event_id]
        if after is None:
            raise UndoRefused(f"event {event_id} was recorded without its after-state", code="undo_not_recorded")
        if scope == ARTICLE:
            write.articles.append((article_id, unpack(data), unpack(after)))
        elif scope == PAGE:
            write.page = (page_id, unpack(data), unpack(after), loads(touched, []))
        elif scope == VOCABULARY:
            write.vocabulary = unpack(after)
    for write in writes.values():
        if not write.articles and write.page is None:
            raise UndoRefused(f"write {write.id} recorded no state", code="undo_not_recorded")
    return list(writes.values())


def _check_later(db: Database, writes: list[_Write]) -> None:
    """Refuse when a write after the first of ``writes``, in effect and not among them, changed
    what they changed."""
    keys = set().union(*(w.keys() for w in writes))
    own = dumps([e for w in writes for e in w.events])
    first = min(w.id for w in writes)
    later = db.execute(
        f"SELECT id, article_id FROM events WHERE id > ? AND {LIVE} AND id NOT IN ({_IDS}) ORDER BY id", (first, own)
    )
    for event_id, article_id in later:
        if ("a", article_id) in keys:
            raise _later(db, event_id, article_id)
    pages = db.execute(
        "SELECT s.event_id, s.page_id, s.touched, e.article_id FROM states s JOIN events e ON e.id = s.event_id"
        f" WHERE s.scope = ? AND s.event_id > ? AND e.{LIVE} AND s.event_id NOT IN ({_IDS}) ORDER BY s.event_id",
        (PAGE, first, own),
    )
    for event_id, page_id, touched, article_id in pages:
        hit = [a for a in loads(touched, []) if ("a", a) in keys]
        if ("p", page_id) in keys or hit:
            raise _later(db, event_id, hit[0] if hit else article_id)


def _later(db: Database, event_id: int, article_id: int | None) -> UndoRefused:
    row = db.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()
    return UndoRefused(f"event {event_id} changed article {article_id} later", code="undo_later_edit", event_id=event_id,
                       article_id=article_id, title=row[0] if row else "")


def _same(now: Any, then: Any) -> bool:
    return now == then  # states are rows of scalars and lists of them: JSON gives them back equal


def _put_articles(db: Database, states: dict[int, dict[str, Any] | None], current: dict[int, dict[str, Any]]) -> None:
    """Make each article exactly its state (``journal.journal_state``'s shape; None: no such
    article; ``current``: what they are now): all are cleared first, as a write may have given
    a span id of one to another."""
    for article_id in states:
        cur = current.get(article_id)
        for table in ("spans", "article_tags", "adjudications"):
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        if cur is not None:
            search.unindex_articles(db, [(article_id, cur["article"]["title"], cur["article"]["body"])])
            if states[article_id] is None:
                db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    wanted = [s["id"] for state in states.values() if state is not None for s in state["spans"]]
    taken = db.execute(f"SELECT id FROM spans WHERE id IN ({_IDS})", (dumps(wanted),)).fetchall() if wanted else []
    if taken:
        raise StoreError(f"span ids {sorted(r[0] for r in taken)} are used by other articles now", code="ids_taken")
    for article_id, state in states.items():
        if state is None:
            continue
        row = state["article"]
        if article_id not in current:
            _insert(db, "articles", row)
        else:
            cols = [c for c in row if c != "id"]
            db.execute(f"UPDATE articles SET {', '.join(f'[{c}] = ?' for c in cols)} WHERE id = ?",
                       [row[c] for c in cols] + [article_id])
        for span in state["spans"]:
            _insert(db, "spans", span)
        db.conn.executemany("INSERT INTO article_tags (article_id, tag) VALUES (?, ?)", [(article_id, t) for t in state["tags"]])
        if state.get("adjudication"):
            _insert(db, "adjudications", state["adjudication"])
        search.index_articles(db, [(article_id, row["title"], row["body"])])


def _insert(db: Database, table: str, row: dict[str, Any]) -> None:
    cols = list(row)
    db.execute(f"INSERT INTO {table} ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})",
               [row[c] for c in cols])


def _put_page(db: Database, snap: dict[str, Any]) -> None:
    from desktop.store.segmentation import replace_page

    ids = [r[0] for r in db.execute("SELECT id FROM articles WHERE page_id = ?", (snap["page_id"],))]
    db.execute(f"DELETE FROM adjudications WHERE article_id IN ({_IDS})", (dumps(ids + [a["id"] for a in snap["articles"]]),))
    replace_page(db, page_only(snap))
    for row in snap.get("adjudications", []):
        _insert(db, "adjudications", row)


def _apply(db: Database, write: _Write, backwards: bool) -> None:
    """Write one write's before-states (``backwards``) or after-states over the current rows,
    which must be its after- or before-states."""

    def now_then(before: Any, after: Any) -> tuple[Any, Any]:
        return (after, before) if backwards else (before, after)

    if not backwards:
        for tag in write.vocabulary:
            db.execute('INSERT OR IGNORE INTO tags (name, "group") VALUES (?, ?)', (tag["name"], tag["group"]))
    if write.page is not None:
        page_id, before, after, _touched = write.page
        now, then = now_then(before, after)
        if not _same(page_state(db, page_id), now):
            raise UndoRefused(f"page {page_id} is not as write {write.id} left it", code="undo_changed", page_id=page_id)
        _put_page(db, then)
    targets: dict[int, Any] = {}
    current = journal_states(db, [a for a, _b, _f in write.articles])
    for article_id, before, after in write.articles:
        now, targets[article_id] = now_then(before, after)
        if not _same(current.get(article_id), now):
            raise UndoRefused(f"article {article_id} is not as write {write.id} left it", code="undo_changed",
                              article_id=article_id)
    if targets:
        _put_articles(db, targets, current)
    if backwards:
        for tag in write.vocabulary:
            if db.execute("SELECT 1 FROM article_tags WHERE tag = ? LIMIT 1", (tag["name"],)).fetchone():
                raise UndoRefused(f"tag {tag['name']} is used by a later edit", code="undo_later_edit", tag=tag["name"])
            db.execute("DELETE FROM tags WHERE name = ?", (tag["name"],))


def _run(db: Database, event_ids: Sequence[int], backwards: bool) -> Changes:
    writes = _load(db, event_ids, 0 if backwards else 1)
    _check_later(db, writes)
    for write in reversed(writes) if backwards else writes:
        _apply(db, write, backwards)
    ids = [e for w in writes for e in w.events]
    db.execute(f"UPDATE events SET undone = ? WHERE id IN ({_IDS})", (1 if backwards else 0, dumps(ids)))
    return Changes(set().union(*(w.article_ids() for w in writes)), set().union(*(_kinds(w) for w in writes)), event_ids=ids)


def _kinds(write: _Write) -> set[str]:
    """``Changes.kinds`` of undoing or redoing ``write``: "articles" only when it changed a page's
    articles (the list reloads then), else what differs between its before and after states."""
    kinds = {"vocabulary"} if write.vocabulary else set()
    if write.page is not None:
        return kinds | _KINDS
    for _a, before, after in write.articles:
        if before is None or after is None:
            return kinds | _KINDS
        old, new = before["article"], after["article"]
        if any(old.get(c) != new.get(c) for c in _STATUS):
            kinds.add("status")
        if any(old.get(c) != new.get(c) for c in set(old) | set(new) if c not in _STATUS):
            kinds.add("fields")
        kinds |= {k for k in ("spans", "tags") if before[k] != after[k]}
    return kinds


def undo_writes(db: Database, event_ids: Sequence[int]) -> Changes:
    """Put back the state before the writes holding ``event_ids``; their events become undone."""
    return _run(db, event_ids, backwards=True)


def redo_writes(db: Database, event_ids: Sequence[int]) -> Changes:
    """Make the writes holding ``event_ids`` (undone) again: their after-states; in effect again."""
    return _run(db, event_ids, backwards=False)


def cancels_out(db: Database, event_ids: Sequence[int]) -> bool:
    """True when the writes holding ``event_ids`` (in effect) left every row as it was before the
    first of them: together they changed nothing (consecutive edits of one field, say).

    Asked at every merge of two edits of a field: only the first before-state and the last
    after-state of each article or page are unpacked (not even those when their packed bytes
    are equal), not every state of every write as ``_load`` does for an undo."""
    asked = sorted({int(i) for i in event_ids})
    found = dict(db.execute(f"SELECT id, write_id FROM events WHERE id IN ({_IDS})", (dumps(asked),)).fetchall())
    if not asked or len(found) < len(asked) or None in found.values():
        return False
    writes = sorted(set(found.values()))
    owner: dict[int, int] = {}
    for event_id, write_id, action, flag in db.execute(WRITE_EVENTS_SQL, (dumps(writes),)):
        if action in NOT_UNDOABLE or flag != 0:
            return False
        owner[event_id] = write_id
    first: dict[tuple[str, int], bytes] = {}
    last: dict[tuple[str, int], bytes] = {}
    stated: set[int] = set()
    cur = db.execute(f"SELECT event_id, article_id, page_id, scope, data, after FROM states WHERE event_id IN ({_IDS})"
                     " ORDER BY event_id", (dumps(list(owner)),))
    for event_id, article_id, page_id, scope, data, after in cur:
        if after is None or scope not in (ARTICLE, PAGE):
            return False  # recorded without its after-state, or the write added tags to the vocabulary
        key = ("a", article_id) if scope == ARTICLE else ("p", page_id)
        first.setdefault(key, data)
        last[key] = after
        stated.add(owner[event_id])
    if stated != set(writes):
        return False  # a write that recorded no state
    return all(first[k] == last[k] or unpack(first[k]) == unpack(last[k]) for k in first)


# --- the Store's side ------------------------------------------------------------------------
class UndoMethods:
    """Mixed into ``Store``: uses its ``db``, ``_lock`` and ``_write``."""

    db: Any
    _lock: Any

    def undo_events(self, event_ids: Sequence[int]) -> Changes:
        """Undo the writes holding ``event_ids`` (one transaction); ``UndoRefused`` says why not."""
        with self._write() as db:  # type: ignore[attr-defined]
            return undo_writes(db, event_ids)

    def redo_events(self, event_ids: Sequence[int]) -> Changes:
        """Redo the undone writes holding ``event_ids`` (one transaction); ``UndoRefused`` says why not."""
        with self._write() as db:  # type: ignore[attr-defined]
            return redo_writes(db, event_ids)

    def events_of(self, event_ids: Sequence[int]) -> list[Event]:
        """The events of ``event_ids`` (undone ones too), oldest first."""
        with self._lock:
            return events_by_ids(self.db, list(event_ids), include_undone=True)[::-1]

    def cancel_out(self, event_ids: Sequence[int]) -> bool:
        """Whether the writes holding ``event_ids`` together changed nothing (see ``cancels_out``)."""
        with self._lock:
            return cancels_out(self.db, event_ids)


# --- event ids on the Changes a Store method returns ---------------------------------------------
_recent = threading.local()  # .ids: event ids of the writes this thread made, appended by note_write
C = TypeVar("C", bound=type)


def note_write(event_ids: list[int]) -> None:
    """Called by ``Store._write`` after each write with the ids of the events it recorded."""
    if getattr(_recent, "ids", None) is not None:
        _recent.ids.extend(event_ids)


def _with_event_ids(fn: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(fn)
    def inner(*args: Any, **kwargs: Any) -> Any:
        outer = getattr(_recent, "ids", None)
        mine: list[int] = []
        _recent.ids = mine
        try:
            result = fn(*args, **kwargs)
        finally:
            _recent.ids = outer
            if outer is not None:
                outer.extend(mine)
        if isinstance(result, Changes) and mine and not result.event_ids:
            result.event_ids = list(mine)
        return result

    return inner


def journalled(cls: C) -> C:
    """Wrap each public method of ``cls`` (and of its mixins) so that a ``Changes`` it returns
    carries the ids of the events its writes recorded: a new kind of edit needs a store
    function, nothing more, to be undoable."""
    seen: set[str] = set()
    for klass in cls.__mro__:
        for name, attr in vars(klass).items():
            if name in seen or name.startswith("_"):
                continue
            seen.add(name)
            if isinstance(attr, FunctionType):
                setattr(cls, name, _with_event_ids(attr))
    return cls
