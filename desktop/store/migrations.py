"""The project schema and its versions: the only module that creates or alters tables.

Owns: ``MIGRATIONS`` (a ``sqlite_utils.Migrations("newsdesk")`` set), the schema
version numbers, and ``backup_copy`` (the ``<file>.bak-v<N>`` written before an
upgrade).

Versions: step N creates version N and sets ``PRAGMA user_version = N`` inside
its own transaction, together with the sqlite-utils record of it having been
applied (table ``_sqlite_migrations``), so a crash mid-upgrade leaves the file
at version N-1 or N, never in between.  A new project is made by running every
step on an empty file.

* v1: pages, articles, spans, tags, article_tags, events, the bigram FTS index.
* v2: ``articles.note`` (an editor's free note) and ``spans.needs_check`` (a span
  an edit of the body text may have damaged, or that a rule flagged for review).
* v3: ``states``: the state of an article (or of its whole page, for edits that
  change which articles a page has) right before an event, compressed JSON;
  what the history view reverts to (see ``journal.py``).
* v4: ``spans.confidence`` (the model's probability for a machine span; NULL for
  spans an editor made), ``spans.suggested`` (who first proposed the span:
  ``auto`` or ``imported``; NULL when an editor made it — kept when an editor
  changes or accepts it, so machine quality can still be measured),
  ``articles.continued_from`` / ``continued_to`` (continuation notes, the page
  named) and ``pages.source_name_raw`` (the file name's bytes when they are not
  valid UTF-8).  Existing spans whose events show an editor's change become
  ``human`` (see ``span_origin.promote_edited_spans``).
* v5: team work (see ``packages.py``, ``merge.py``, ``adjudication.py``): ``project_info``
  (key/value: the project's own random ``project_id``; in a work package also
  ``package_*``: whose package it is, of which project, from which event on the
  editor's edits count), ``editor_versions`` (each editor's merged version of an
  article: the article state as JSON, and its fingerprint), ``merged_packages``
  (which package was merged when, up to which of its events) and
  ``adjudications`` (who settled an article's versions, when).
* v6: ``models``: the project's own entity models (see ``models.py``): when,
  from how many articles/spans, cross-validation scores, the model bytes, which
  one is current; ``articles.model_id``: the stored model that made the article's
  machine spans (NULL: the shipped model).
* v7: undo owned by the store (see ``undo.py``): ``events.write_id`` (the first event of the
  write that recorded it: the events one transaction recorded are undone together),
  ``events.undone`` (1 while the event is undone: the history leaves it out) and
  ``states.after`` (the state right after the write, beside the one before it).

A file stamped with ``APPLICATION_ID`` is a Newsdesk project; one whose applied
steps or ``user_version`` this build does not know was written by a newer build.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database, Migrations

from desktop.resources import load_json

APPLICATION_ID = 0x4E575344  # "NWSD"
MIGRATIONS = Migrations("newsdesk")


def _set_version(db: Database, n: int) -> None:
    db.execute(f"PRAGMA user_version = {int(n)}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


@MIGRATIONS(name="v1_initial")
def v1_initial(db: Database) -> None:
    db.table("pages").create(
        {
            "id": int,
            "source_name": str,
            "content_hash": str,
            "raw_text": str,
            "text": str,
            "encoding": str,
            "imported_at": str,
            "version": int,
            "superseded": int,
            "blocks": str,
        },
        pk="id",
        not_null={"source_name", "content_hash", "raw_text", "text", "imported_at", "version", "superseded"},
        defaults={"version": 1, "superseded": 0, "blocks": "[]", "encoding": "utf-8"},
    )
    db.table("pages").create_index(["content_hash"], unique=True)
    db.table("pages").create_index(["source_name", "version"], unique=True)
    db.table("articles").create(
        {
            "id": int,
            "page_id": int,
            "position": int,
            "title": str,
            "kicker": str,
            "subtitle": str,
            "byline": str,
            "authors": str,
            "source": str,
            "dateline": str,
            "dateline_iso": str,
            "sections": str,
            "captions": str,
            "body": str,
            "flags": str,
            "segments": str,
            "status": str,
            "reviewer": str,
            "reviewed_at": str,
            "n_spans": int,
        },
        pk="id",
        foreign_keys=[("page_id", "pages", "id")],
        not_null={"page_id", "position", "title", "body", "status", "n_spans"},
        defaults={
            "title": "", "kicker": "", "subtitle": "", "byline": "", "source": "", "dateline": "",
            "authors": "[]", "sections": "[]", "captions": "[]", "flags": "[]", "segments": "[]",
            "body": "", "status": "unreviewed", "n_spans": 0,
        },
    )
    # Covering for list filters/sorts: status and n_spans sit after the long body in the row.
    db.table("articles").create_index(["page_id", "position", "status", "n_spans"])
    db.table("articles").create_index(["status"])
    db.table("spans").create(
        {"id": int, "article_id": int, "start": int, "end": int, "label": str, "text": str, "value": str, "origin": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "start", "end", "label", "text", "origin"},
        defaults={"origin": "auto"},
    )
    db.table("spans").create_index(["article_id", "start"])
    db.table("spans").create_index(["article_id", "label"])
    db.table("tags").create({"name": str, "group": str}, pk="name", not_null={"group"}, defaults={"group": "topic"})
    db.table("tags").insert_all(load_json("tags.json")["tags"], pk="name")
    db.table("article_tags").create(
        {"article_id": int, "tag": str},
        pk=("article_id", "tag"),
        foreign_keys=[("article_id", "articles", "id"), ("tag", "tags", "name")],
    )
    db.table("article_tags").create_index(["tag", "article_id"])
    db.table("events").create(
        {"id": int, "article_id": int, "editor": str, "at": str, "action": str, "before": str, "after": str},
        pk="id",
        not_null={"editor", "at", "action"},
    )
    db.table("events").create_index(["article_id", "id"])
    # Contentless: the index alone, the token strings are recomputed from articles when needed.
    # Tokens are made by desktop.store.textindex; see there why "ascii" is right for them.
    db.execute("CREATE VIRTUAL TABLE article_fts USING fts5(tg, bg, content='', tokenize='ascii')")
    db.execute("INSERT INTO article_fts (article_fts, rank) VALUES ('pgsz', 4000)")
    db.execute("INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 16)")
    _set_version(db, 1)


@MIGRATIONS(name="v2_note_needs_check")
def v2_note_needs_check(db: Database) -> None:
    db.table("articles").add_column("note", str, not_null_default="")
    db.table("spans").add_column("needs_check", int, not_null_default=0)
    _set_version(db, 2)


@MIGRATIONS(name="v3_states")
def v3_states(db: Database) -> None:
    db.table("states").create(
        {"event_id": int, "article_id": int, "page_id": int, "scope": str, "touched": str, "data": bytes},
        pk=("event_id", "article_id"),
        foreign_keys=[("event_id", "events", "id")],
        not_null={"page_id", "scope", "data"},
    )
    db.table("states").create_index(["article_id", "event_id"])
    db.table("states").create_index(["page_id", "scope", "event_id"])
    _set_version(db, 3)


@MIGRATIONS(name="v4_span_suggestion_confidence")
def v4_span_suggestion_confidence(db: Database) -> None:
    from desktop.store.span_origin import promote_edited_spans

    db.table("spans").add_column("confidence", float)
    db.table("spans").add_column("suggested", str)
    db.table("articles").add_column("continued_from", str, not_null_default="")
    db.table("articles").add_column("continued_to", str, not_null_default="")
    db.table("pages").add_column("source_name_raw", bytes)
    db.execute("UPDATE spans SET suggested = origin WHERE origin IN ('auto', 'imported')")
    promote_edited_spans(db)
    _set_version(db, 4)


@MIGRATIONS(name="v5_team")
def v5_team(db: Database) -> None:
    import uuid

    db.table("project_info").create({"key": str, "value": str}, pk="key", not_null={"value"})
    db.table("project_info").insert({"key": "project_id", "value": uuid.uuid4().hex})
    db.table("editor_versions").create(
        {"article_id": int, "editor": str, "package_id": str, "data": str, "fingerprint": str, "merged_at": str},
        pk=("article_id", "editor"),
        not_null={"package_id", "data", "fingerprint", "merged_at"},
    )
    db.table("merged_packages").create(
        {"package_id": str, "editor": str, "file_name": str, "merged_at": str, "last_event_id": int, "articles": int},
        pk="package_id",
        not_null={"editor", "merged_at", "last_event_id"},
    )
    db.table("adjudications").create(
        {"article_id": int, "adjudicator": str, "at": str, "editors": str},
        pk="article_id",
        not_null={"adjudicator", "at"},
    )
    _set_version(db, 5)


@MIGRATIONS(name="v6_models")
def v6_models(db: Database) -> None:
    db.table("models").create(
        {"id": int, "created_at": str, "editor": str, "kind": str, "articles": int, "spans": int,
         "current": int, "header": str, "data": bytes},
        pk="id",
        not_null={"created_at", "kind", "articles", "spans", "current", "header", "data"},
        defaults={"current": 0, "kind": "project-crf"},
    )
    db.table("articles").add_column("model_id", int)
    _set_version(db, 6)


@MIGRATIONS(name="v7_undo_journal")
def v7_undo_journal(db: Database) -> None:
    db.execute("ALTER TABLE events ADD COLUMN write_id INTEGER")
    db.execute("ALTER TABLE events ADD COLUMN undone INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE states ADD COLUMN after BLOB")
    db.table("events").create_index(["write_id"])
    _set_version(db, 7)


KNOWN_STEPS: tuple[str, ...] = tuple(m.name for m in MIGRATIONS._migrations)
# Step "vN_..." sets version N (steps may be added by separate branches, so read N from the name).
CURRENT_VERSION = max(int(name[1:].split("_", 1)[0]) for name in KNOWN_STEPS)


def applied_steps(conn: sqlite3.Connection) -> list[str]:
    """Names of the applied steps of the ``newsdesk`` set (read-only)."""
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (Migrations.migrations_table,)
    ).fetchone()
    if not has:
        return []
    rows = conn.execute(
        f"SELECT name FROM {Migrations.migrations_table} WHERE migration_set = ? ORDER BY rowid", (MIGRATIONS.name,)
    )
    return [r[0] for r in rows]


def migrate(db: Database) -> None:
    """Apply every pending step, each in its own transaction."""
    MIGRATIONS.apply(db)


def backup_copy(source: sqlite3.Connection, path: Path, version: int) -> Path:
    """Write a consistent copy of the open database to ``<path>.bak-v<version>`` (never overwriting)."""
    target = path.with_name(f"{path.name}.bak-v{version}")
    n = 2
    while target.exists():
        target = path.with_name(f"{path.name}.bak-v{version}-{n}")
        n += 1
    dest = sqlite3.connect(str(target))
    try:
        source.backup(dest)
    finally:
        dest.close()
    return target
