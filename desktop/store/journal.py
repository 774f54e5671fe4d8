"""The journal: what an article (or its page) looked like right before each edit
and right after it, so an edit can be undone and redone exactly (``undo.py``) and the
history view can put an article back as it was at any recorded point.

Owns: ``begin``/``attach`` (the ``Store`` takes the before-state at the start of
a write transaction; at its end ``attach`` takes the after-state, stores both linked to
the event rows the write recorded and marks those events as one write, ``write_id``),
``revert_plan`` and ``revert_article``, and the ``states`` table's reads.  Undone events
(``events.undone``) are left out of the history and of what a revert looks at.

Two scopes:

* ``article``: the article's row, spans (ids included) and tags, taken before an
  edit that changes only that article (a field, a span, the body, the status…).
  One row per article per write, linked to the first event the write recorded
  for that article.
* ``page``: a ``segmentation.snapshot_articles`` of the whole page (every
  article, span, tag and the blocks of no article), taken before an edit that
  changes which articles a page has (split, merge, move, restore, revert…).
  ``touched`` lists the articles whose row, spans or tags the write changed,
  added or removed (found by comparing the snapshots before and after).
* ``vocabulary``: the tags a write added to the tag vocabulary (``after``; ``data`` is an
  empty list), so that undo takes them out again.

Article and page states also hold the articles' ``adjudications`` rows.

States are zlib-compressed JSON.  Reverting article A to "right after event E"
(E = 0: as imported, before its first recorded edit):

* F = the first event after E that changed A (its own events, and page-scope
  events that touched it).  None: A already is as it was then.
* M = the first page-scope event after E that touched A.  Without one, A's
  article state before F is written back over A (position and page kept): only
  A changes.  With one, the page goes back to its snapshot before M (this also
  undoes what was done to the page's other articles since M — ``revert_plan``
  lists them so the editor is asked first), then, when F came before M, A's
  state before F is written over that.

The revert is itself a page-scope edit, so it shows in the history and can be
reverted in turn.  Edits made before this journal existed (schema v3) have no
state: points before them cannot be reverted to, and ``revert_plan`` says so.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from desktop.store import search
from desktop.store.codec import dumps, loads
from desktop.store.errors import NotFoundError, StoreError
from desktop.store.events import record_event
from desktop.store.records import Changes

ARTICLE, PAGE, VOCABULARY = "article", "page", "vocabulary"
LIVE = "undone = 0"  # events that are in effect (not undone)
_IDS = "SELECT value FROM json_each(?)"  # a JSON list of ids as a subquery
_KINDS = {"articles", "fields", "spans", "status", "tags"}


# --- encoding ------------------------------------------------------------------------
def _pack(value: Any) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def unpack(data: bytes) -> Any:
    return json.loads(zlib.decompress(data).decode("utf-8"))


def _rows(cur: Any) -> list[dict[str, Any]]:
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur]


# --- states ----------------------------------------------------------------------------
def article_state(db: Database, article_id: int) -> dict[str, Any] | None:
    """The article's row, its spans and tags; None when it does not exist."""
    rows = _rows(db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)))
    if not rows:
        return None
    spans = _rows(db.execute("SELECT * FROM spans WHERE article_id = ? ORDER BY id", (article_id,)))
    tags = [r[0] for r in db.execute("SELECT tag FROM article_tags WHERE article_id = ? ORDER BY tag", (article_id,))]
    return {"article": rows[0], "spans": spans, "tags": tags}


def _adjudications(db: Database, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return _rows(db.execute(f"SELECT * FROM adjudications WHERE article_id IN ({marks}) ORDER BY article_id", ids))


def journal_state(db: Database, article_id: int) -> dict[str, Any] | None:
    """``article_state`` and the article's adjudication row (None: none)."""
    return journal_states(db, [article_id]).get(article_id)


def journal_states(db: Database, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """``journal_state`` of many articles in four queries (ids that do not exist are left out)."""
    wanted = dumps(list(dict.fromkeys(ids)))
    out: dict[int, dict[str, Any]] = {
        row["id"]: {"article": row, "spans": [], "tags": [], "adjudication": None}
        for row in _rows(db.execute(f"SELECT * FROM articles WHERE id IN ({_IDS})", (wanted,)))
    }
    for span in _rows(db.execute(f"SELECT * FROM spans WHERE article_id IN ({_IDS}) ORDER BY id", (wanted,))):
        out[span["article_id"]]["spans"].append(span)
    for article_id, tag in db.execute(f"SELECT article_id, tag FROM article_tags WHERE article_id IN ({_IDS}) ORDER BY tag", (wanted,)):
        out[article_id]["tags"].append(tag)
    for row in _rows(db.execute(f"SELECT * FROM adjudications WHERE article_id IN ({_IDS})", (wanted,))):
        out[row["article_id"]]["adjudication"] = row
    return out


def page_state(db: Database, page_id: int) -> dict[str, Any]:
    """``segmentation.snapshot_articles`` and the adjudication rows of the page's articles."""
    from desktop.store.segmentation import snapshot_articles

    snap = snapshot_articles(db, page_id)
    snap["adjudications"] = _adjudications(db, [a["id"] for a in snap["articles"]])
    return snap


def page_only(snap: dict[str, Any]) -> dict[str, Any]:
    """A journal page state as ``segmentation.replace_page`` takes it."""
    return {k: v for k, v in snap.items() if k != "adjudications"}


def _per_article(snap: dict[str, Any]) -> dict[int, Any]:
    """article id -> (row, spans, tags) of a page snapshot, for comparing two snapshots."""
    out: dict[int, Any] = {a["id"]: [a, [], []] for a in snap["articles"]}
    for s in snap["spans"]:
        out[s["article_id"]][1].append(s)
    for article_id, tag in snap["tags"]:
        out[article_id][2].append(tag)
    return out


def _last_event_id(db: Database) -> int:
    return db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]


def _last_tag(db: Database) -> int:
    return db.execute("SELECT coalesce(max(rowid), 0) FROM tags").fetchone()[0]


@dataclass
class Pending:
    """Before-states taken at the start of one write."""

    last_event: int
    last_tag: int = 0  # the vocabulary's last rowid: tags after it were added by the write
    articles: dict[int, tuple[int, bytes]] = field(default_factory=dict)  # id -> (page id, packed state)
    page: tuple[int, dict[str, Any]] | None = None  # (page id, snapshot)


# The packed after-state of the last write to one article (article scope): the next edit of it
# usually finds it just so, and its before-state is then these bytes, not packed again (packing
# is ~half of a field edit's store call).  Keyed by article id and checked by content, so a
# state of another project or one changed since is packed anew.
_last_after: dict[int, tuple[dict[str, Any], bytes]] = {}


def begin(db: Database, articles: Iterable[int] = (), page: int | None = None) -> Pending:
    """Take the before-states of ``articles`` (article scope) or of ``page`` (page scope)."""
    pending = Pending(_last_event_id(db), _last_tag(db))
    if page is not None:
        pending.page = (page, page_state(db, page))
        return pending
    for article_id, state in journal_states(db, articles).items():
        last = _last_after.get(article_id)
        packed = last[1] if last is not None and last[0] == state else _pack(state)
        pending.articles[article_id] = (state["article"]["page_id"], packed)
    return pending


_INSERT = "INSERT INTO states (event_id, article_id, page_id, scope, touched, data, after) VALUES (?, ?, ?, ?, ?, ?, ?)"


def attach(db: Database, pending: Pending) -> list[int]:
    """Store the before- and after-states linked to the events the write recorded (none
    recorded: nothing kept), mark those events as one write; returns their ids."""
    events = [tuple(r) for r in db.execute("SELECT id, article_id FROM events WHERE id > ? ORDER BY id", (pending.last_event,))]
    if not events:
        return []
    ids = [e for e, _a in events]
    db.execute("UPDATE events SET write_id = ? WHERE id BETWEEN ? AND ?", (ids[0], ids[0], ids[-1]))
    added = [dict(name=r[0], group=r[1]) for r in db.execute('SELECT name, "group" FROM tags WHERE rowid > ?', (pending.last_tag,))]
    if added:
        db.execute(_INSERT, (ids[0], -1, 0, VOCABULARY, "[]", _pack([]), _pack(added)))
    if pending.page is not None:
        page_id, before = pending.page
        try:
            after = page_state(db, page_id)
        except NotFoundError:
            after = {"page_id": page_id, "articles": [], "spans": [], "tags": [], "adjudications": []}
        old, new = _per_article(before), _per_article(after)
        touched = sorted(i for i in set(old) | set(new) if old.get(i) != new.get(i))
        event_id, article_id = events[0]
        db.execute(_INSERT, (event_id, article_id or 0, page_id, PAGE, dumps(touched), _pack(before), _pack(after)))
        return ids
    first_event: dict[int, int] = {}
    for e, a in events:
        first_event.setdefault(a, e)
    changed = {a: e for a, e in first_event.items() if a in pending.articles}  # others: the write did not change them
    afters = journal_states(db, changed)
    packed = {a: _pack(afters.get(a)) for a in changed}
    db.conn.executemany(_INSERT, [
        (event_id, article_id, pending.articles[article_id][0], ARTICLE, dumps([article_id]), pending.articles[article_id][1],
         packed[article_id])
        for article_id, event_id in changed.items()
    ])
    _last_after.clear()
    if len(afters) == 1:  # an edit of one article; a write over thousands (label all) is not kept
        _last_after.update((a, (state, packed[a])) for a, state in afters.items())
    return ids


# --- reading the history ----------------------------------------------------------------
def _page_states(db: Database, page_id: int, after: int) -> dict[int, list[int]]:
    """Page-scope states of the page after event ``after``: event id -> articles touched."""
    cur = db.execute(
        "SELECT s.event_id, s.touched FROM states s JOIN events e ON e.id = s.event_id"
        f" WHERE s.page_id = ? AND s.scope = ? AND s.event_id > ? AND e.{LIVE}", (page_id, PAGE, after)
    )
    return {r[0]: loads(r[1], []) for r in cur}


def touching_event_ids(db: Database, article_id: int, page_id: int, after: int = 0) -> list[int]:
    """Ids of the events after ``after`` that changed the article, oldest first: its own
    article-level edits and the page-level edits that touched it."""
    paged = _page_states(db, page_id, after)
    own = [r[0] for r in db.execute(f"SELECT id FROM events WHERE article_id = ? AND id > ? AND {LIVE}", (article_id, after))]
    hits = {e for e in own if e not in paged} | {e for e, touched in paged.items() if article_id in touched}
    return sorted(hits)


def history_event_ids(db: Database, article_id: int) -> list[int]:
    """The article's own events and the page-level events that touched it, oldest first."""
    row = db.execute("SELECT page_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    own = [r[0] for r in db.execute(f"SELECT id FROM events WHERE article_id = ? AND {LIVE}", (article_id,))]
    if row is None:
        return sorted(own)
    return sorted(set(own) | set(touching_event_ids(db, article_id, row[0])))


def _state_row(db: Database, event_id: int, scope: str, article_id: int | None = None) -> dict[str, Any] | None:
    if scope == PAGE:
        rows = _rows(db.execute("SELECT * FROM states WHERE event_id = ? AND scope = ?", (event_id, PAGE)))
    else:
        rows = _rows(
            db.execute("SELECT * FROM states WHERE event_id = ? AND scope = ? AND article_id = ?", (event_id, ARTICLE, article_id))
        )
    return rows[0] if rows else None


def _event_time(db: Database, event_id: int) -> str:
    row = db.execute("SELECT at FROM events WHERE id = ?", (event_id,)).fetchone()
    return row[0] if row else "?"


@dataclass
class RevertPlan:
    """What reverting an article to a point would do (read-only; shown before asking)."""

    article_id: int
    event_id: int
    undone: list[int] = field(default_factory=list)  # events of this article that are undone
    page_event: int | None = None  # the first page-level edit undone (the page goes back to before it)
    page_event_at: str | None = None
    other_articles: list[int] = field(default_factory=list)  # other articles of the page that change too
    other_events: int = 0  # edits to those articles that are undone
    missing: str | None = None  # why the point cannot be reverted to

    @property
    def nothing_to_do(self) -> bool:
        return not self.undone and self.missing is None


def _plan(db: Database, article_id: int, event_id: int) -> tuple[RevertPlan, dict[str, Any] | None, dict[str, Any] | None]:
    rows = _rows(db.execute("SELECT id, page_id FROM articles WHERE id = ?", (article_id,)))
    if not rows:
        raise NotFoundError(f"article {article_id} does not exist (it may have been merged or removed)", kind="article", id=article_id)
    page_id = rows[0]["page_id"]
    plan = RevertPlan(article_id, event_id)
    touching = touching_event_ids(db, article_id, page_id, event_id)
    plan.undone = touching
    if not touching:
        return plan, None, None
    first = touching[0]
    page_events = sorted(e for e, touched in _page_states(db, page_id, event_id).items() if article_id in touched)
    page_row = article_row = None
    if page_events:
        plan.page_event = page_events[0]
        plan.page_event_at = _event_time(db, plan.page_event)
        page_row = _state_row(db, plan.page_event, PAGE)
        snap = unpack(page_row["data"]) if page_row else None
        if snap is not None:
            then = {a["id"] for a in snap["articles"]}
            now = {r[0] for r in db.execute("SELECT id FROM articles WHERE page_id = ?", (page_id,))}
            changed_since = {
                r[0]
                for r in db.execute(
                    f"SELECT DISTINCT article_id FROM events WHERE id >= ? AND article_id IS NOT NULL AND {LIVE}",
                    (plan.page_event,),
                )
            }
            others = ((then | now) & (changed_since | (then ^ now))) - {article_id}
            plan.other_articles = sorted(others)
            if others:
                marks = ", ".join("?" * len(others))
                plan.other_events = db.execute(
                    f"SELECT count(*) FROM events WHERE id >= ? AND {LIVE} AND article_id IN ({marks})",
                    (plan.page_event, *sorted(others)),
                ).fetchone()[0]
    if first != plan.page_event:
        article_row = _state_row(db, first, ARTICLE, article_id)
        if article_row is None:
            plan.missing = f"the article's state before the edit of {_event_time(db, first)} was not recorded"
    if plan.page_event is not None and page_row is None:
        plan.missing = f"the page's state before the edit of {plan.page_event_at} was not recorded"
    if plan.missing:
        plan.missing += " (it was made with an older version of Newsdesk); choose a later point"
    return plan, page_row, article_row


def revert_plan(db: Database, article_id: int, event_id: int) -> RevertPlan:
    return _plan(db, article_id, event_id)[0]


def revert_article(db: Database, editor: str, article_id: int, event_id: int) -> Changes:
    """Put the article back as it was right after ``event_id`` (0: before its first recorded edit)."""
    from desktop.store.segmentation import replace_page

    plan, page_row, article_row = _plan(db, article_id, event_id)
    if plan.missing:
        raise StoreError(f"cannot revert to this point: {plan.missing}", code="revert_not_recorded")
    if plan.nothing_to_do:
        return Changes()
    changed: set[int] = {article_id}
    if page_row is not None:
        replaced = replace_page(db, page_only(unpack(page_row["data"])))
        if replaced is not None:
            changed |= set(replaced[1]) | set(replaced[2])
    if article_row is not None:
        _replace_article(db, unpack(article_row["data"]))
    record_event(
        db, article_id, editor, "revert_article",
        {"undone_events": plan.undone},
        {"to_event": event_id, "page_from_event": plan.page_event, "other_articles": plan.other_articles},
    )
    return Changes(changed, set(_KINDS))


def _replace_article(db: Database, state: dict[str, Any]) -> None:
    """Write an article state over the current article (its page and position are kept)."""
    row = dict(state["article"])
    article_id = row["id"]
    current = _rows(db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)))
    if not current:
        raise NotFoundError(f"article {article_id} no longer exists", kind="article", id=article_id)
    cur = current[0]
    row["page_id"], row["position"] = cur["page_id"], cur["position"]
    own_spans = [r[0] for r in db.execute("SELECT id FROM spans WHERE article_id = ?", (article_id,))]
    db.execute("DELETE FROM spans WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM article_tags WHERE article_id = ?", (article_id,))
    cols = [c for c in row if c != "id" and c in cur]
    db.execute(f"UPDATE articles SET {', '.join(f'[{c}] = ?' for c in cols)} WHERE id = ?", [row[c] for c in cols] + [article_id])
    for span in state["spans"]:
        span = dict(span, article_id=article_id)
        taken = span["id"] not in own_spans and db.execute("SELECT 1 FROM spans WHERE id = ?", (span["id"],)).fetchone()
        if taken:
            span.pop("id")  # its id went to another span meanwhile: same span, new id
        names = list(span)
        db.execute(
            f"INSERT INTO spans ({', '.join(f'[{c}]' for c in names)}) VALUES ({', '.join('?' * len(names))})",
            [span[c] for c in names],
        )
    for tag in state["tags"]:
        db.execute('INSERT OR IGNORE INTO tags (name, "group") VALUES (?, ?)', (tag, "topic"))
        db.execute("INSERT INTO article_tags (article_id, tag) VALUES (?, ?)", (article_id, tag))
    search.reindex_article(db, article_id, (cur["title"], cur["body"]), (row["title"], row["body"]))



def replace_article(db: Database, state: dict[str, Any]) -> None:
    """Write an article state (``article_state``'s shape) over the current article (merging versions)."""
    _replace_article(db, state)
