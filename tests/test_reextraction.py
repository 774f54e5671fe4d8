"""run_batch over the seed project: what it covers, what it leaves, cancel, summary, pipeline changes."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from desktop.pipeline import entities
from desktop.pipeline.model import Span
from desktop.ops.reextraction import format_summary, reextract_ids, run_batch, span_dict, span_tuple, spans_for


def _snapshot(store) -> dict[int, list[dict]]:
    return {i: [s.to_dict() for s in store.get_article(i).spans] for i in store.article_ids()}


def _first_two_chars(text: str) -> list[Span]:
    """A 'changed pipeline': one ORG span on the first two characters of every body."""
    return [Span(0, 2, "ORG", text[:2], {"rule": ("new", 2)})] if len(text) >= 2 else []


@pytest.fixture
def new_pipeline(monkeypatch):
    monkeypatch.setattr(entities, "extract_spans", _first_two_chars)


def test_spans_for_gives_json_values_and_an_unchanged_project_stays_unchanged(seeded_project):
    ids = reextract_ids(seeded_project)
    bodies = seeded_project.article_bodies(ids)
    for body in bodies.values():
        spans = spans_for(body)
        assert json.loads(json.dumps(spans)) == spans
        assert all(body[s["start"] : s["end"]] == s["text"] for s in spans)
    before = _snapshot(seeded_project)
    summary = run_batch(seeded_project, ids)
    assert summary.processed == len(ids) > 0 and summary.changed == 0
    assert _snapshot(seeded_project) == before  # same spans, same ids: the import used the same pipeline


def test_a_pipeline_change_is_picked_up_with_right_figures(seeded_project, new_pipeline):
    ids = reextract_ids(seeded_project)
    before = _snapshot(seeded_project)
    summary = run_batch(seeded_project, ids, chunk=7)
    after = _snapshot(seeded_project)
    assert summary.total == summary.processed == len(ids) and not summary.cancelled
    assert summary.changed == len(ids)
    for i in ids:
        assert [(s["start"], s["end"], s["label"], s["value"], s["origin"]) for s in after[i]] == [
            (0, 2, "ORG", {"rule": ["new", 2]}, "auto")
        ]
    removed = Counter(s["label"] for i in ids for s in before[i])
    assert summary.spans_removed == sum(removed.values()) and summary.removed_by_label == removed
    assert summary.spans_added == len(ids) and summary.added_by_label == Counter({"ORG": len(ids)})
    assert {i: [span_dict(t)["id"] for t in summary.before[i]] for i in ids} == {
        i: [s["id"] for s in before[i]] for i in ids
    }
    assert {i: [span_tuple(s) for s in after[i]] for i in ids} == summary.after
    text = format_summary(summary)
    assert f"{len(ids)} changed" in text and f"ORG -{removed['ORG']} +{len(ids)}" in text


def test_reviewed_and_rejected_articles_are_left_alone(seeded_project, new_pipeline):
    all_ids = seeded_project.article_ids()
    reviewed, rejected, in_review = all_ids[0], all_ids[1], all_ids[2]
    seeded_project.set_status(reviewed, "reviewed")
    seeded_project.set_status(rejected, "rejected")
    seeded_project.set_status(in_review, "in_review")
    before = _snapshot(seeded_project)
    ids = reextract_ids(seeded_project)
    assert reviewed not in ids and rejected not in ids and in_review in ids
    # Even when asked for them (or signed off after the list was made), they are left out at write time.
    summary = run_batch(seeded_project, all_ids)
    after = _snapshot(seeded_project)
    assert after[reviewed] == before[reviewed] and after[rejected] == before[rejected]
    assert after[in_review] != before[in_review]
    assert sorted(summary.articles_skipped) == sorted([reviewed, rejected])
    assert summary.processed == summary.changed == len(all_ids) - 2


def test_cancel_after_the_first_chunk_leaves_whole_chunks_only(seeded_project, new_pipeline):
    ids = reextract_ids(seeded_project)
    assert len(ids) > 10
    before = _snapshot(seeded_project)
    seen: list[int] = []
    summary = run_batch(
        seeded_project, ids, progress=lambda done, total, name="": seen.append(done),
        cancelled=lambda: len(seen) >= 7, chunk=5,
    )
    after = _snapshot(seeded_project)
    assert summary.cancelled
    assert summary.processed == summary.changed == 5
    assert set(summary.after) == set(ids[:5])
    assert all(after[i] != before[i] for i in ids[:5])
    assert all(after[i] == before[i] for i in ids[5:])  # articles 6 and 7 were computed, never written


def test_a_failing_body_does_not_sink_the_batch(seeded_project, monkeypatch):
    ids = reextract_ids(seeded_project)
    bad = seeded_project.article_bodies([ids[1]])[ids[1]]

    def flaky(text: str) -> list[Span]:
        if text == bad:
            raise RuntimeError("boom")
        return _first_two_chars(text)

    monkeypatch.setattr(entities, "extract_spans", flaky)
    before = _snapshot(seeded_project)
    summary = run_batch(seeded_project, ids)
    assert summary.failed == [(ids[1], "RuntimeError: boom")]
    assert _snapshot(seeded_project)[ids[1]] == before[ids[1]]
    assert summary.changed == len(ids) - 1
    assert "not re-extracted" in format_summary(summary)


def test_human_spans_survive_a_batch(seeded_project, new_pipeline):
    aid = reextract_ids(seeded_project)[0]
    first = seeded_project.get_article(aid).spans[0]
    seeded_project.update_span(first.id, origin="human")
    run_batch(seeded_project, [aid])
    spans = seeded_project.get_article(aid).spans
    assert first.id in {s.id for s in spans}
    assert next(s for s in spans if s.id == first.id).origin == "human"
    auto = [s for s in spans if s.origin == "auto"]
    overlaps = first.start < 2
    assert [(s.start, s.end) for s in auto] == ([] if overlaps else [(0, 2)])
