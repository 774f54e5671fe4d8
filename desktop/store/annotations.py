"""Writes to article fields, authors, status and tags, and the tag vocabulary.

Owns: ``set_field``, ``set_authors``, ``set_status``, ``set_tags``, ``add_tag``
and ``tag_vocabulary``.  Each write runs inside the caller's transaction (the
Store facade opens one per call), records one event with before/after, and
returns a ``Changes``; a write that changes nothing records nothing.

Also owns the rule for the flags a correction resolves (``flags_after_title``):
the writes that set or move a title (``set_field``, and ``promote_line`` /
``demote_field`` in ``segmentation``) call it and record the flags before and
after in their event, so undo (which passes the old flags back explicitly) and
the history agree.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from desktop.pipeline.model import ROLES, STATUSES
from desktop.store import search
from desktop.store.codec import dumps, loads, utc_now
from desktop.store.errors import NotFoundError, StoreError
from desktop.store.events import record_event
from desktop.store.field_values import field_value
from desktop.store.records import Changes


# Flags about the title (pipeline.model.FLAGS); "truncated" is about the end of the text.
TITLE_FLAGS: tuple[str, ...] = ("title_missing", "title_misplaced")


def flags_after_title(flags: list[str], title: str) -> list[str]:
    """The article's flags once an editor has given it ``title`` (typed it, or made a paragraph the title,
    or put the title back into the body).

    A title given resolves both title warnings: ``title_missing`` (it has one now) and
    ``title_misplaced`` (the editor has put the title where it belongs).  A title emptied
    makes the article ``title_missing`` again, so the banner and the export say so.  Other
    flags (``truncated``: the text is cut off at the page edge) are not resolved by a
    title and stay.
    """
    kept = [f for f in flags if f not in TITLE_FLAGS]
    return kept if title.strip() else ["title_missing", *kept]


def _article(db: Database, article_id: int, columns: str) -> tuple:
    row = db.execute(f"SELECT {columns} FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"article {article_id} does not exist (it may have been removed)", kind="article", id=article_id)
    return row


def set_field(db: Database, editor: str, article_id: int, name: str, value: Any, flags: list[str] | None = None) -> Changes:
    """Set one field to ``field_values.field_value(name, value)`` (the rule for what a field may
    hold, which refuses a malformed ``dateline_iso``).  Setting the title also updates the title flags (``flags_after_title``);
    ``flags`` given (an undo putting the article back) are written as they are instead."""
    value = field_value(name, value)
    old, title, body, old_flags_json = _article(db, article_id, f"[{name}], title, body, flags")
    if name != "dateline_iso":
        old = old or ""
    old_flags = loads(old_flags_json, [])
    if flags is not None:
        new_flags = list(flags)
    elif name == "title" and old != value:
        new_flags = flags_after_title(old_flags, value)
    else:
        new_flags = old_flags
    if old == value and new_flags == old_flags:
        return Changes()
    db.execute(f"UPDATE articles SET [{name}] = ?, flags = ? WHERE id = ?", (value, dumps(new_flags), article_id))
    if name == "title":
        search.reindex_article(db, article_id, (title, body), (value, body))
    before, after = {name: old}, {name: value}
    if new_flags != old_flags:
        before["flags"], after["flags"] = old_flags, new_flags
    record_event(db, article_id, editor, "set_field", before, after)
    return Changes({article_id}, {"fields"})


def set_authors(db: Database, editor: str, article_id: int, authors: list[dict[str, str]]) -> Changes:
    clean = []
    for a in authors:
        name, role = str(a.get("name", "")).strip(), str(a.get("role", "作者")).strip() or "作者"
        if not name:
            raise StoreError("an author needs a name", code="author_needs_name")
        if role not in ROLES:
            raise StoreError(f"unknown author role {role!r}; use one of {', '.join(ROLES)}", code="unknown_role", role=role)
        clean.append({"name": name, "role": role})
    old = loads(_article(db, article_id, "authors")[0], [])
    if old == clean:
        return Changes()
    db.execute("UPDATE articles SET authors = ? WHERE id = ?", (dumps(clean), article_id))
    record_event(db, article_id, editor, "set_authors", {"authors": old}, {"authors": clean})
    return Changes({article_id}, {"fields"})


def set_status(db: Database, editor: str, article_id: int, status: str) -> Changes:
    if status not in STATUSES:
        raise StoreError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}", code="unknown_status", status=status)
    old = dict(zip(("status", "reviewer", "reviewed_at"), _article(db, article_id, "status, reviewer, reviewed_at")))
    new: dict[str, Any]
    if status == "reviewed":
        new = {"status": status, "reviewer": editor, "reviewed_at": utc_now()}
    else:
        new = {"status": status, "reviewer": None, "reviewed_at": None}
    if old["status"] == status and (status != "reviewed" or old["reviewer"] == editor):
        return Changes()
    db.execute(
        "UPDATE articles SET status = ?, reviewer = ?, reviewed_at = ? WHERE id = ?",
        (new["status"], new["reviewer"], new["reviewed_at"], article_id),
    )
    record_event(db, article_id, editor, "set_status", old, new)
    return Changes({article_id}, {"status"})


def tag_vocabulary(db: Database) -> list[dict[str, str]]:
    return [{"name": n, "group": g} for n, g in db.execute('SELECT name, "group" FROM tags ORDER BY "group", rowid')]


def _ensure_tag(db: Database, name: str, group: str) -> bool:
    """Add ``name`` to the vocabulary if missing; True if it was added."""
    cur = db.execute('INSERT OR IGNORE INTO tags (name, "group") VALUES (?, ?)', (name, group))
    return cur.rowcount > 0


def add_tag(db: Database, editor: str, name: str, group: str = "topic") -> Changes:
    name, group = name.strip(), (group or "topic").strip()
    if not name:
        raise StoreError("a tag needs a name", code="tag_needs_name")
    if not _ensure_tag(db, name, group):
        return Changes()
    record_event(db, None, editor, "add_tag", None, {"name": name, "group": group})
    return Changes(set(), {"vocabulary"})


def set_tags(db: Database, editor: str, article_id: int, tags: list[str]) -> Changes:
    """Replace the tags of an article; a tag not yet in the vocabulary is added to it (group "topic")."""
    _article(db, article_id, "id")
    new = sorted({t.strip() for t in tags if t and t.strip()})
    old = [r[0] for r in db.execute("SELECT tag FROM article_tags WHERE article_id = ? ORDER BY tag", (article_id,))]
    if old == new:
        return Changes()
    kinds = {"tags"}
    for t in new:
        if _ensure_tag(db, t, "topic"):
            kinds.add("vocabulary")
    db.execute("DELETE FROM article_tags WHERE article_id = ?", (article_id,))
    db.conn.executemany("INSERT INTO article_tags (article_id, tag) VALUES (?, ?)", [(article_id, t) for t in new])
    record_event(db, article_id, editor, "set_tags", {"tags": old}, {"tags": new})
    return Changes({article_id}, kinds)
