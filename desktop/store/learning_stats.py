"""How the machine learns from the editors: figures per model version and over time.

Owns: ``LearningStats`` and ``learning_stats`` (called by ``Store.learning_stats``
under the store lock).

* **Per model version**: reviewed articles are grouped by the model that made
  their machine spans (``articles.model_id``: a stored project model, or NULL for
  the shipped one); per group and label, the machine's precision and recall
  against the editors' final spans, derived exactly as ``stats`` derives them
  for the whole project (kept / machine, kept / (kept + added)).
* **Editor changes per reviewed article over time**: per day of review (UTC),
  the reviewed articles and the span edits editors made on them (adding,
  removing, changing a span; accepting is not a change), and their ratio.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from desktop.store.stats import _edit_figures, label_order

_CHANGE_ACTIONS = ("add_span", "remove_span", "update_span")


@dataclass
class LearningStats:
    # one entry per model that made spans of reviewed articles, oldest first:
    # {"model_id", "name", "trained_at", "articles", "labels": {label: {precision, recall, machine, kept, added}}}
    by_model: list[dict[str, Any]] = field(default_factory=list)
    # (day, reviewed articles, editor span changes on them, changes per article), oldest first
    changes_per_day: list[tuple[str, int, int, float]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "by_model": self.by_model,
            "changes_per_day": [{"day": d, "articles": a, "changes": c, "per_article": round(r, 3)}
                                for d, a, c, r in self.changes_per_day],
        }


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 4)


def learning_stats(db: Database) -> LearningStats:
    st = LearningStats()
    trained = {mid: (at, header) for mid, at, header in db.execute("SELECT id, created_at, header FROM models")}
    groups = [r[0] for r in db.execute(
        "SELECT DISTINCT model_id FROM articles WHERE status = 'reviewed' ORDER BY coalesce(model_id, 0)")]
    for mid in groups:
        cond, params = ("model_id IS NULL", ()) if mid is None else ("model_id = ?", (mid,))
        n = db.execute(f"SELECT count(*) FROM articles WHERE status = 'reviewed' AND {cond}", params).fetchone()[0]
        figures = _edit_figures(db, cond, params)
        at = trained.get(mid, (None, None))[0]
        st.by_model.append({
            "model_id": mid,
            "name": "shipped" if mid is None else f"#{mid}" + ("" if mid in trained else " (deleted)"),
            "trained_at": at,
            "articles": n,
            "labels": {lab: {"precision": _round(figures[lab].precision), "recall": _round(figures[lab].recall),
                             "machine": figures[lab].machine, "kept": figures[lab].kept, "added": figures[lab].added}
                       for lab in label_order(figures)},
        })
    marks = ", ".join("?" * len(_CHANGE_ACTIONS))
    reviewed = "FROM articles a WHERE a.status = 'reviewed' AND a.reviewed_at IS NOT NULL"
    changes = dict(db.execute(
        f"SELECT substr(a.reviewed_at, 1, 10), count(*) {reviewed.replace('WHERE', 'JOIN events e ON e.article_id = a.id WHERE')}"
        f" AND e.action IN ({marks}) AND e.undone = 0 GROUP BY 1", _CHANGE_ACTIONS,
    ).fetchall())
    rows = db.execute(f"SELECT substr(a.reviewed_at, 1, 10) AS day, count(*) {reviewed} GROUP BY day ORDER BY day")
    st.changes_per_day = [(d, n, changes.get(d, 0), changes.get(d, 0) / n if n else 0.0) for d, n in rows]
    return st
