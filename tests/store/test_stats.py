"""Store.stats(): statuses, review throughput, spans and what editors changed, on a seeded project."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, UTC

import pytest

from desktop.store.stats import LabelEdits
from desktop.store.store import Store



@pytest.fixture
def seeded(seeded_project):
    """The seed project with its spans as the machine made them (tests/conftest.py)."""
    return seeded_project


def _rich_articles(store: Store, n: int) -> list[int]:
    """Articles with at least 5 spans, by id."""
    return [aid for aid in store.article_ids() if len(store.get_article(aid).spans) >= 5][:n]


def _gap(body: str, spans) -> tuple[int, int]:
    """A 2-character stretch of non-space text outside every span."""
    taken = set()
    for s in spans:
        taken.update(range(s.start, s.end))
    for i in range(len(body) - 1):
        if i not in taken and i + 1 not in taken and not body[i].isspace() and not body[i + 1].isspace():
            return i, i + 2
    raise AssertionError("no free stretch")


def test_fresh_project(seeded: Store):
    st = seeded.stats()
    assert st.articles == seeded.count_articles()
    assert st.by_status == {"unreviewed": st.articles}
    assert st.reviewed_per_day == [] and st.reviewed_per_editor == {} and st.edits == {}
    assert st.spans_by_label == dict(seeded.label_counts())
    assert st.spans_by_origin == {"auto": sum(st.spans_by_label.values())}


def test_editor_changes(seeded: Store):
    a, b, c = _rich_articles(seeded, 3)
    rec = seeded.get_article(a)
    s = sorted(rec.spans, key=lambda x: x.start)
    expected: dict[str, LabelEdits] = {}

    def fig(label: str) -> LabelEdits:
        return expected.setdefault(label, LabelEdits())

    # s[0] untouched (kept), s[1] deleted, s[2] relabelled, s[3] moved, s[4] removed then restored (kept)
    seeded.remove_span(s[1].id)
    fig(s[1].label).deleted += 1
    other = "ORG" if s[2].label != "ORG" else "PER"
    seeded.update_span(s[2].id, label=other)
    fig(s[2].label).relabelled += 1
    if s[3].end - s[3].start > 1:
        seeded.update_span(s[3].id, end=s[3].end - 1)
    else:
        seeded.update_span(s[3].id, end=s[3].end + 1)
    fig(s[3].label).moved += 1
    seeded.remove_span(s[4].id)
    seeded.add_span(a, s[4].start, s[4].end, s[4].label, value=s[4].value, origin="auto", span_id=s[4].id)
    for sp in [s[0], s[4], *s[5:]]:
        fig(sp.label).kept += 1
    seeded.accept_auto_spans(a)  # accepted unchanged: still kept
    after = seeded.get_article(a)
    start, end = _gap(after.body, after.spans)
    seeded.add_span(a, start, end, "LOC")
    fig("LOC").added += 1
    seeded.set_status(a, "reviewed")

    seeded.editor = "bob"
    for sp in seeded.get_article(b).spans:
        fig(sp.label).kept += 1
    seeded.set_status(b, "reviewed")
    # c is edited but not reviewed: it does not count
    seeded.remove_span(seeded.get_article(c).spans[0].id)
    seeded.set_status(c, "in_review")

    st = seeded.stats()
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    assert st.by_status == {"reviewed": 2, "in_review": 1, "unreviewed": st.articles - 3}
    assert st.reviewed_articles == 2
    assert st.reviewed_per_day == [(today, 2)]
    assert st.reviewed_per_editor == {"alice": 1, "bob": 1}
    assert st.edits == expected
    assert st.spans_by_label == dict(seeded.label_counts())
    loc = st.edits["LOC"]
    assert loc.recall == loc.kept / (loc.kept + loc.added)
    total = LabelEdits(*(sum(getattr(e, f) for e in st.edits.values()) for f in ("kept", "deleted", "relabelled", "moved", "added")))
    n_a, n_b = len(s), len(seeded.get_article(b).spans)
    assert (total.kept, total.deleted, total.relabelled, total.moved, total.added) == (n_a - 3 + n_b, 1, 1, 1, 1)


def test_precision_and_recall_formulas():
    e = LabelEdits(kept=6, deleted=1, relabelled=1, moved=2, added=3)
    assert e.precision == 0.6
    assert e.recall == 6 / 9
    assert LabelEdits().precision is None and LabelEdits().recall is None


def test_find_articles_by_body(seeded: Store):
    aid = seeded.article_ids()[0]
    body = seeded.get_article(aid).body
    spaced = "  " + body.replace("，", " ， ", 1) + "\n"
    assert aid in seeded.find_articles_by_body(body)
    assert aid in seeded.find_articles_by_body(spaced)
    assert seeded.find_articles_by_body(body + "多") == []
    assert Counter(len(v) for v in seeded.articles_by_body().values())[0] == 0
