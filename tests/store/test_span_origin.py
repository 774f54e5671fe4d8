"""Whose a span is: an editor's change makes a machine span human, for good.

Covers the store rule (relabel, resize, revalue, accept), what re-extraction and
the human-only export do with such spans, the confidence a machine span carries
through edits, undo and export, and the v4 migration of projects written before
the rule (spans whose events show an editor's change become human).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_helpers import BODY_B, add

from desktop.export.options import ExportOptions, apply_options
from desktop.pipeline.model import Article, PageResult, Span
from desktop.store import migrations
from desktop.store.store import Store


def _spans(store: Store, article_id: int) -> dict[int, object]:
    return {s.id: s for s in store.get_article(article_id).spans}


def _auto(store: Store, label: str):
    for aid in store.article_ids():
        for s in store.get_article(aid).spans:
            if s.origin == "auto" and s.label == label:
                return aid, s
    raise AssertionError(label)


@pytest.mark.parametrize(
    "change",
    [{"label": "ORG"}, {"end": -1}, {"value": "510700"}],
    ids=["relabel", "resize", "revalue"],
)
def test_a_changed_machine_span_becomes_the_editors(filled: Store, change: dict) -> None:
    aid, span = _auto(filled, "LOC")
    kwargs = {k: (span.end - 1 if k == "end" else v) for k, v in change.items()}
    filled.update_span(span.id, **kwargs)
    now = _spans(filled, aid)[span.id]
    assert (now.origin, now.suggested) == ("human", "auto")
    # Re-extraction proposes the machine's version again: it is skipped, the editor's stays.
    result = filled.replace_auto_spans(aid, [{"start": span.start, "end": span.end, "label": "LOC", "value": None}])
    assert result.spans_skipped == 1
    assert _spans(filled, aid)[span.id] == now
    records = list(apply_options(filled.iter_records(), ExportOptions(human_only=True)))
    exported = [s for r in records if r["id"] == aid for s in r["spans"]]
    assert [(s["start"], s["end"], s["suggested"]) for s in exported] == [(now.start, now.end, "auto")]


def test_needs_check_and_an_unchanged_write_keep_the_machine_origin(filled: Store) -> None:
    aid, span = _auto(filled, "LOC")
    filled.update_span(span.id, needs_check=True)
    filled.update_span(span.id, label="LOC")
    assert _spans(filled, aid)[span.id].origin == "auto"


def test_undo_with_the_saved_origin_gives_the_machine_its_span_back(filled: Store) -> None:
    aid, span = _auto(filled, "LOC")
    filled.update_span(span.id, label="ORG")
    filled.update_span(span.id, label="LOC", origin="auto")
    back = _spans(filled, aid)[span.id]
    assert (back.label, back.origin, back.suggested) == ("LOC", "auto", "auto")


def test_accept_keeps_the_suggestion_and_a_hand_made_span_has_none(filled: Store) -> None:
    aid, span = _auto(filled, "LOC")
    filled.accept_auto_spans(aid)
    assert {(s.origin, s.suggested) for s in _spans(filled, aid).values()} == {("human", "auto")}
    body = filled.get_article(aid).body
    free = next(i for i in range(len(body) - 1) if all(not (s.start < i + 2 and s.end > i) for s in _spans(filled, aid).values()))
    made = filled.add_span(aid, free, free + 2, "PER").span_id
    assert (_spans(filled, aid)[made].origin, _spans(filled, aid)[made].suggested) == ("human", None)


def _page_with_confidences() -> PageResult:
    body = BODY_B
    spans = [
        Span(body.index("绵阳市"), body.index("绵阳市") + 3, "LOC", "绵阳市", "510700", confidence=0.8125),
        Span(body.index("四川省财政厅"), body.index("四川省财政厅") + 6, "ORG", "四川省财政厅", confidence=0.53125),
    ]
    return PageResult(text="t", articles=[Article(position=0, title="标题", body=body, spans=spans)])


def test_confidence_survives_store_edits_undo_reextraction_and_export(store: Store) -> None:
    store.add_page("c.txt", "raw", "t", "hc", _page_with_confidences())
    aid = store.article_ids()[0]
    by_label = {s.label: s for s in _spans(store, aid).values()}
    assert (by_label["LOC"].confidence, by_label["ORG"].confidence) == (0.8125, 0.53125)
    loc = by_label["LOC"]
    store.update_span(loc.id, label="ORG")
    assert _spans(store, aid)[loc.id].confidence == 0.8125  # the machine's figure for what it proposed
    store.remove_span(loc.id)
    store.add_span(aid, loc.start, loc.end, "LOC", value=loc.value, origin="auto", span_id=loc.id,
                   confidence=loc.confidence, suggested=loc.suggested)
    assert _spans(store, aid)[loc.id] == loc
    exported = {s["label"]: s for r in store.iter_records() for s in r["spans"]}
    assert (exported["LOC"]["confidence"], exported["ORG"]["confidence"]) == (0.8125, 0.53125)
    # Re-extraction writes the new model's confidence; the same spans with the same figures change nothing.
    same = [{"start": s.start, "end": s.end, "label": s.label, "value": s.value, "confidence": s.confidence}
            for s in _spans(store, aid).values()]
    assert not store.replace_auto_spans(aid, same).article_ids
    store.replace_auto_spans(aid, [dict(same[0], confidence=0.25)])
    assert [s.confidence for s in _spans(store, aid).values()] == [0.25]


def _as_v3(path: Path) -> None:
    """Turn a v4 project back into a v3 one, as the previous release wrote it."""
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX IF EXISTS idx_events_write_id")  # v7
    for table, column in (("events", "write_id"), ("events", "undone"), ("states", "after"), ("spans", "confidence"), ("spans", "suggested"), ("articles", "continued_from"),
                          ("articles", "continued_to"), ("pages", "source_name_raw"), ("articles", "model_id")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name NOT IN ('v1_initial', 'v2_note_needs_check', 'v3_states')")
    for table in ("project_info", "editor_versions", "merged_packages", "adjudications", "models"):  # v5, v6
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()


def test_v3_project_migrates_edited_machine_spans_to_human(project: Path) -> None:
    with Store.open(project, editor="alice") as s:
        add(s)
        aid, loc = _auto(s, "LOC")
        _, org = _auto(s, "ORG")
        _, per = _auto(s, "PER")
        # The old release: a relabel, and a relabel taken back, both left the span "auto".
        s.update_span(loc.id, label="ORG", origin="auto")
        s.update_span(per.id, label="ORG", origin="auto")
        s.update_span(per.id, label="PER", origin="auto")
        s.accept_auto_spans(aid)  # article of loc: its spans become human the old way too
        body = s.get_article(aid).body
        taken = [(x.start, x.end) for x in s.get_article(aid).spans]
        free = next(i for i in range(len(body) - 1) if all(not (a < i + 2 and b > i) for a, b in taken))
        made = s.add_span(aid, free, free + 2, "PER").span_id
    _as_v3(project)
    with Store.open(project, editor="bob") as s:
        assert s.db.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
        spans = {sp.id: sp for a in s.article_ids() for sp in s.get_article(a).spans}
    assert project.with_name(project.name + ".bak-v3").exists()
    assert (spans[loc.id].origin, spans[loc.id].suggested, spans[loc.id].label) == ("human", "auto", "ORG")
    assert (spans[per.id].origin, spans[per.id].suggested) == ("auto", "auto")  # back as the machine made it
    assert spans[org.id].suggested == "auto"
    assert (spans[made].origin, spans[made].suggested) == ("human", None)
