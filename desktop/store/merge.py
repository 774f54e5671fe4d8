"""Merging work packages back: every editor's version kept, one version applied or the article
marked ``to_adjudicate`` (SQL only here; runs inside the caller's transaction).

Owns: ``merge_package`` and ``MergeOutcome``.

For each article the package's editor touched (an event after the package was made):

* the editor's version (the article state: row, spans, tags) goes into ``editor_versions``
  under the editor's name, replacing their earlier version of it;
* the editor's events are copied into the project's history, under the editor's name
  (an ``editor_versions`` row and an event per change: each change attributed);
* then the article's versions decide: one editor's version, or several that say the same
  (``packages.content_key``), becomes the article; versions that differ mark the article
  ``to_adjudicate``: it gets what every version agrees on (the spans all of them have; a
  field or the tags where all agree, else the first editor's), and every version stays.

A version that is exactly the one merged before (``packages.fingerprint``) changes nothing,
and events up to ``merged_packages.last_event_id`` are not copied again: merging the same
package twice changes nothing.  An article the package has that the project does not (made
by splitting one in the package) is not merged and is counted in ``not_in_project``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from desktop.store import journal
from desktop.store.adjudication import ADJUDICATE_STATUS, editor_versions
from desktop.store.codec import utc_now
from desktop.store.events import record_event
from desktop.store.packages import PackageContent, content_key, fingerprint

# Fields taken from the versions when they disagree (the first editor's); spans and tags apart.
_FIELDS = ("title", "kicker", "subtitle", "byline", "authors", "source", "dateline", "dateline_iso", "note",
           "body", "sections", "captions", "flags", "continued_from", "continued_to")


@dataclass
class MergeOutcome:
    package_id: str
    editor: str
    file_name: str
    articles: int = 0  # articles the editor touched
    new_versions: int = 0  # versions new or changed since the last merge
    applied: int = 0  # articles that became the (one) editors' version
    to_adjudicate: int = 0  # articles whose versions differ
    events: int = 0  # events copied
    not_in_project: int = 0
    merged_before: bool = False  # this package was merged before
    article_ids: set[int] = field(default_factory=set)

    @property
    def unchanged(self) -> bool:
        return self.new_versions == 0 and self.events == 0


def _agreed_state(versions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What every version agrees on: spans all have (same body), fields where all agree, else the first's."""
    states = list(versions.values())
    first = states[0]
    article = dict(first["article"])
    for name in _FIELDS:
        values = {json.dumps(s["article"].get(name), ensure_ascii=False, sort_keys=True) for s in states}
        if len(values) > 1:
            article[name] = first["article"].get(name)
    same_body = [s for s in states if s["article"].get("body") == article.get("body")]

    def key(span: dict[str, Any]) -> tuple:
        return span["start"], span["end"], span["label"]

    common = set.intersection(*({key(sp) for sp in s["spans"]} for s in same_body))
    spans = [sp for sp in first["spans"] if key(sp) in common]
    tag_sets = [tuple(sorted(s["tags"])) for s in states]
    tags = list(tag_sets[0]) if len(set(tag_sets)) == 1 else sorted(set.intersection(*(set(t) for t in tag_sets)))
    article.update(status=ADJUDICATE_STATUS, reviewer=None, reviewed_at=None, n_spans=len(spans))
    return {"article": article, "spans": spans, "tags": tags}


def _copy_events(db: Database, content: PackageContent, after: int, known: set[int]) -> int:
    rows = [
        (e["article_id"], content.editor or e["editor"], e["at"], e["action"], e["before"], e["after"])
        for e in content.events
        if e["id"] > after and (e["article_id"] is None or e["article_id"] in known)
    ]
    db.conn.executemany(
        "INSERT INTO events (article_id, editor, at, action, before, after) VALUES (?, ?, ?, ?, ?, ?)", rows
    )
    return len(rows)


def known_prints(db: Database, editor: str) -> dict[int, str]:
    """article id -> fingerprint of ``editor``'s version merged before."""
    return dict(db.execute("SELECT article_id, fingerprint FROM editor_versions WHERE editor = ?", (editor,)).fetchall())


def new_versions(db: Database, content: PackageContent) -> dict[int, str]:
    """article id -> fingerprint of the versions in ``content`` that differ from the ones merged
    before (read before the write, so the journal keeps before-states only for those)."""
    known = known_prints(db, content.editor)
    prints = {aid: fingerprint(state) for aid, state in content.versions.items()}
    return {aid: fp for aid, fp in prints.items() if known.get(aid) != fp}


def merge_package(db: Database, editor: str, content: PackageContent, prints: dict[int, str] | None = None) -> MergeOutcome:
    """Merge ``content`` (read by ``packages.read_package``); ``editor``: who merges (the events
    that apply or mark a version are theirs); ``prints``: ``new_versions`` read just before."""
    out = MergeOutcome(content.package_id, content.editor, content.path.name, articles=len(content.versions))
    row = db.execute("SELECT last_event_id FROM merged_packages WHERE package_id = ?", (content.package_id,)).fetchone()
    after = row[0] if row else 0
    out.merged_before = row is not None
    wanted = list(content.versions)
    existing: set[int] = set()
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        existing |= {r[0] for r in db.conn.execute(f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk)}
    old_prints = known_prints(db, content.editor) if content.versions else {}
    changed: list[int] = []
    now = utc_now()
    for aid, state in content.versions.items():
        if aid not in existing:
            out.not_in_project += 1
            continue
        if prints is not None and aid not in prints:
            continue  # the same version as merged before
        fp = prints[aid] if prints is not None else fingerprint(state)
        if old_prints.get(aid) == fp:
            continue
        db.execute(
            "INSERT INTO editor_versions (article_id, editor, package_id, data, fingerprint, merged_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(article_id, editor) DO UPDATE SET package_id = excluded.package_id,"
            " data = excluded.data, fingerprint = excluded.fingerprint, merged_at = excluded.merged_at",
            (aid, content.editor, content.package_id, json.dumps(state, ensure_ascii=False, default=str), fp, now),
        )
        changed.append(aid)
    out.new_versions = len(changed)
    out.events = _copy_events(db, content, after, existing)
    for aid in changed:
        versions = editor_versions(db, aid)
        if len({content_key(v) for v in versions.values()}) == 1:
            target = versions[content.editor]
            action, after_note = "merge_version", {"editor": content.editor, "editors": sorted(versions)}
            out.applied += 1
        else:
            target = _agreed_state(versions)
            action, after_note = "merge_to_adjudicate", {"editors": sorted(versions)}
            out.to_adjudicate += 1
            db.execute("DELETE FROM adjudications WHERE article_id = ?", (aid,))
        before = db.execute("SELECT status FROM articles WHERE id = ?", (aid,)).fetchone()
        journal.replace_article(db, target)
        record_event(db, aid, editor, action, {"status": before[0] if before else None},
                     {**after_note, "package": content.package_id, "status": target["article"]["status"]})
        out.article_ids.add(aid)
    db.execute(
        "INSERT INTO merged_packages (package_id, editor, file_name, merged_at, last_event_id, articles)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(package_id) DO UPDATE SET merged_at = excluded.merged_at,"
        " last_event_id = max(merged_packages.last_event_id, excluded.last_event_id), articles = excluded.articles,"
        " file_name = excluded.file_name",
        (content.package_id, content.editor, content.path.name, now, content.last_event_id, out.articles),
    ) if not (row and out.unchanged) else None
    return out
