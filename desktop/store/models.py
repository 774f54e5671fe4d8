"""The project's own entity models, stored inside the project file, and what they learn from.

Owns: ``ModelInfo`` (one stored model without its bytes), ``add_model`` (store a
trained model and make it current), ``list_models``, ``model_data``,
``current_model``, ``set_current``, ``delete_model``, ``training_texts`` (the
reviewed articles a model learns from) and ``mark_extracted`` (which model made
an article's machine spans).

Table ``models`` (migration v6): one row per trained model — when, by whom,
how many articles and spans it learned from, its header (JSON: counts,
cross-validation scores, parameters) and its bytes; at most one row has
``current = 1``.  No current row: the shipped model is used.

What a model learns from (``training_texts``):

* every **reviewed** article, with all its spans: the editors' own, the machine's
  they changed or accepted, and the machine spans left as they were when the
  article was signed off (signing off accepts them).  A reviewed article holding
  spans of an annotation import is left out, as its spans came from elsewhere;
* with ``include_imported``: also those, and every article with an imported span
  (whatever its status), with its imported and editors' spans.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from desktop.store.errors import NotFoundError
from desktop.store.codec import utc_now


@dataclass(frozen=True)
class ModelInfo:
    id: int
    created_at: str
    editor: str
    articles: int
    spans: int
    current: bool
    size: int
    header: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "created_at": self.created_at, "editor": self.editor, "articles": self.articles,
                "spans": self.spans, "current": self.current, "size": self.size, "header": self.header}


_COLUMNS = "id, created_at, coalesce(editor, ''), articles, spans, current, length(data), header"


def _info(row: tuple) -> ModelInfo:
    try:
        header = json.loads(row[7] or "{}")
    except ValueError:
        header = {}
    return ModelInfo(row[0], row[1], row[2], row[3], row[4], bool(row[5]), row[6], header)


def add_model(db: Database, editor: str, data: bytes, header: dict[str, Any], *, make_current: bool = True) -> int:
    if make_current:
        db.execute("UPDATE models SET current = 0 WHERE current = 1")
    cur = db.execute(
        "INSERT INTO models (created_at, editor, kind, articles, spans, current, header, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (utc_now(), editor, "project-crf", int(header.get("articles", 0)), int(header.get("spans", 0)),
         1 if make_current else 0, json.dumps(header, ensure_ascii=False, sort_keys=True), bytes(data)),
    )
    assert cur.lastrowid is not None  # an INSERT sets it
    return cur.lastrowid


def _has_table(db: Database) -> bool:
    """False in a project of an older format opened read-only (not upgraded): no stored model."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'models'").fetchone() is not None


def list_models(db: Database) -> list[ModelInfo]:
    if not _has_table(db):
        return []
    return [_info(r) for r in db.execute(f"SELECT {_COLUMNS} FROM models ORDER BY id")]


def _existing(db: Database, model_id: int) -> None:
    if db.execute("SELECT 1 FROM models WHERE id = ?", (model_id,)).fetchone() is None:
        raise NotFoundError(f"no stored model with id {model_id}", kind="model", id=model_id)


def model_data(db: Database, model_id: int) -> bytes:
    _existing(db, model_id)
    return bytes(db.execute("SELECT data FROM models WHERE id = ?", (model_id,)).fetchone()[0])


def current_model(db: Database) -> tuple[int, bytes] | None:
    if not _has_table(db):
        return None
    row = db.execute("SELECT id, data FROM models WHERE current = 1 ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else (int(row[0]), bytes(row[1]))


def set_current(db: Database, model_id: int | None) -> None:
    """Make ``model_id`` the current model (None: the shipped model)."""
    if model_id is not None:
        _existing(db, model_id)
    db.execute("UPDATE models SET current = 0 WHERE current = 1")
    if model_id is not None:
        db.execute("UPDATE models SET current = 1 WHERE id = ?", (model_id,))


def delete_model(db: Database, model_id: int) -> None:
    """Delete a stored model (the current one too: the shipped model is then used)."""
    _existing(db, model_id)
    db.execute("DELETE FROM models WHERE id = ?", (model_id,))


def training_texts(db: Database | sqlite3.Connection, include_imported: bool = False) -> list[tuple[int, str, list[tuple[int, int, str]]]]:
    """``(article id, body, spans)`` of the articles a model learns from (see the module docstring)."""
    imported = "EXISTS (SELECT 1 FROM spans s WHERE s.article_id = a.id AND s.origin = 'imported')"
    if include_imported:
        where = f"(a.status = 'reviewed' OR {imported})"
        origins: tuple[str, ...] = ("human", "auto", "imported")
    else:
        where = f"a.status = 'reviewed' AND NOT {imported}"
        origins = ("human", "auto")
    sql = (
        "SELECT a.id, a.body, a.status FROM articles a JOIN pages p ON p.id = a.page_id"
        f" WHERE p.superseded = 0 AND {where} ORDER BY a.id"
    )
    articles = db.execute(sql).fetchall()
    spans: dict[int, list[tuple[int, int, str, str]]] = {}
    for aid, s, e, lab, origin in db.execute(
        f'SELECT s.article_id, s.start, s."end", s.label, s.origin FROM spans s JOIN articles a ON a.id = s.article_id'
        f" JOIN pages p ON p.id = a.page_id WHERE p.superseded = 0 AND {where} ORDER BY s.article_id, s.start"
    ):
        spans.setdefault(aid, []).append((s, e, lab, origin))
    out: list[tuple[int, str, list[tuple[int, int, str]]]] = []
    for aid, body, status in articles:
        keep = origins if status == "reviewed" else ("human", "imported")
        out.append((aid, body or "", [(s, e, lab) for s, e, lab, origin in spans.get(aid, []) if origin in keep]))
    return out


def mark_extracted(db: Database, article_ids: list[int], model_id: int | None) -> None:
    """Record that ``model_id`` (None: the shipped model) made these articles' machine spans."""
    for i in range(0, len(article_ids), 500):
        chunk = article_ids[i : i + 500]
        db.execute(f"UPDATE articles SET model_id = ? WHERE id IN ({', '.join('?' * len(chunk))})", [model_id, *chunk])


def mark_page_extracted(db: Database, page_id: int, model_id: int | None) -> None:
    db.execute("UPDATE articles SET model_id = ? WHERE page_id = ?", (model_id, page_id))


def uncertain_article_ids(db: Database, below: float) -> set[int]:
    """Articles with a machine span whose confidence is below ``below``."""
    return {r[0] for r in db.execute(
        "SELECT DISTINCT article_id FROM spans WHERE origin = 'auto' AND confidence < ?", (float(below),))}
