"""Fuzz (hypothesis) of ``import_annotations``: arbitrary JSON values in every field.

For each format (Newsdesk JSONL, doccano, Label Studio) and both match modes,
files of one to three records are generated whose every field is either a
well-typed value or an arbitrary JSON value (null, booleans, integers, floats
with ``NaN``/``Infinity``, strings with any character, nested lists and
objects); sometimes the record itself is arbitrary JSON.  Properties:

* nothing but ``AnnotationImportError`` ever leaves ``import_annotations``;
* a refused file writes nothing (``sqlite3.Connection.total_changes`` of the
  project's connection does not move);
* what was accepted is sound: every span of the project lies in its body, its
  text is ``body[start:end]``, its label is known, spans do not overlap, and
  every tag is a whole string of the record (never a character of one).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.ops.annotations_import import AnnotationImportError, import_annotations
from desktop.pipeline.model import LABELS
from desktop.store.store import Store
from project_state import small_project

BODIES = ("本报讯 2月20日，成都市青白江区水务局召开会议。李鹏飞出席并讲话，投入473亿元。",
          "数据中心项目在绵阳市落地，四川省财政厅支持30万元。", "大数据产业发展迅速，成都都市圈建设提速。")

ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def either(good: st.SearchStrategy) -> st.SearchStrategy:
    """Mostly well-typed (so that whole records get in too), one time in thirty anything."""
    return st.integers(0, 29).flatmap(lambda i: ANY_JSON if i == 0 else good)


BODY = either(st.one_of(st.sampled_from(BODIES), st.sampled_from(BODIES), st.text(max_size=40),
                        st.text("成都市𠮷\u3000 \n", min_size=1, max_size=20)))
LABEL = either(st.sampled_from((*LABELS, *LABELS, "FOO", "")))
TEXT = either(st.text(max_size=8))
STR_LIST = either(st.lists(st.text(max_size=8), max_size=3))


def spans_of(body, make) -> st.SearchStrategy:
    """A list of spans over ``body``: offsets mostly inside it (so that spans get in), built by
    ``make(start, end, slice)`` where start/end/slice are strategies (each sometimes anything)."""
    n = len(body) if isinstance(body, str) else 20

    def one(a: int) -> st.SearchStrategy:
        def make_b(b: int) -> st.SearchStrategy:
            piece = body[a:b] if isinstance(body, str) else ""
            return make(either(st.just(a)), either(st.just(b)),
                        either(st.sampled_from((piece, piece, piece, piece[::-1] + "x"))))
        return st.one_of(st.integers(a + 1, max(n, a + 1)), st.integers(a - 1, n + 2)).flatmap(make_b)

    return either(st.lists(st.one_of(st.integers(0, max(n - 1, 0)), st.integers(-2, n + 1)).flatmap(one),
                           min_size=1, max_size=4))


def article_fields(body) -> dict[str, st.SearchStrategy]:
    return {
        "title": TEXT, "byline": TEXT, "dateline_iso": either(st.none() | st.text(max_size=10)), "tags": STR_LIST,
        "captions": STR_LIST, "flags": STR_LIST,
        "authors": either(st.lists(st.fixed_dictionaries({"name": TEXT}, optional={"role": TEXT}), max_size=2)),
        "sections": spans_of(body, lambda a, b, _t: st.fixed_dictionaries({"start": a, "end": b},
                                                                           optional={"title": TEXT})),
    }


def jsonl_record(body) -> st.SearchStrategy:
    span = lambda a, b, t: either(st.fixed_dictionaries(  # noqa: E731
        {"start": a, "end": b, "label": LABEL}, optional={"text": t, "value": ANY_JSON, "origin": TEXT}))
    return st.fixed_dictionaries({"body": st.just(body), "spans": spans_of(body, span)},
                                 optional=article_fields(body))


def doccano_record(body) -> st.SearchStrategy:
    span = lambda a, b, _t: either(st.one_of(  # noqa: E731
        st.tuples(a, b, LABEL).map(list), st.fixed_dictionaries({"start_offset": a, "end_offset": b, "label": LABEL})))
    value = lambda a, b, _t: st.tuples(a, b, LABEL, ANY_JSON).map(list)  # noqa: E731
    optional = {"entities": spans_of(body, span), "values": spans_of(body, value), **article_fields(body)}
    return st.one_of(  # "text", or the older "data"
        st.fixed_dictionaries({"text": st.just(body), "label": spans_of(body, span)},
                              optional={"data": ANY_JSON, **optional}),
        st.fixed_dictionaries({"data": st.just(body), "labels": spans_of(body, span)}, optional=optional))


def ls_task(body) -> st.SearchStrategy:
    value = lambda a, b, t: either(st.fixed_dictionaries(  # noqa: E731
        {"start": a, "end": b}, optional={"labels": either(st.lists(LABEL, min_size=1, max_size=2)), "text": t}))
    item = lambda a, b, t: either(st.fixed_dictionaries(  # noqa: E731
        {"value": value(a, b, t)},
        optional={"type": either(st.sampled_from(("labels", "labels", "choices"))), "origin": TEXT, "id": ANY_JSON}))
    annotation = either(st.fixed_dictionaries(
        {"result": spans_of(body, item)}, optional={"was_cancelled": either(st.booleans())}))
    return st.one_of(
        st.fixed_dictionaries(
            {"data": either(st.fixed_dictionaries({"text": st.just(body)}, optional=article_fields(body))),
             "annotations": either(st.lists(annotation, max_size=2))},
            optional={"predictions": either(st.lists(annotation, max_size=1)), "id": ANY_JSON}),
        st.fixed_dictionaries({"text": st.just(body), "label": spans_of(body, value)},
                              optional=article_fields(body)),  # JSON_MIN
    )


RECORDS = {fmt: either(BODY.flatmap(make))
           for fmt, make in (("jsonl", jsonl_record), ("doccano", doccano_record), ("label-studio", ls_task))}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    s = Store.open(small_project(tmp_path_factory.mktemp("fuzz") / "p.sqlite"), editor="fuzz")
    yield s
    s.close()


def write(fmt: str, records: list, folder: Path, n: int) -> Path:
    if fmt == "label-studio":
        top = records if n % 10 else (records[0] if records else {})  # now and then not a list at all
        path = folder / f"in{n}.json"
        path.write_text(json.dumps(top, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
    else:
        path = folder / f"in{n}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8",
                        errors="surrogatepass")
    return path


def sent_tags(fmt: str, records: list) -> set[str]:
    out: set[str] = set()
    for rec in records:
        holder = rec.get("data", rec) if fmt == "label-studio" and isinstance(rec, dict) else rec
        tags = holder.get("tags") if isinstance(holder, dict) else None
        if isinstance(tags, list):
            out.update(t.strip() for t in tags if isinstance(t, str))
    return out


def assert_sound(store: Store, page: str, tags: set[str]) -> None:
    for rec in store.iter_records():
        body, last = rec["body"], -1
        for s in rec["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(body) and s["text"] == body[s["start"]:s["end"]]
            assert s["label"] in LABELS and s["start"] >= last
            last = s["end"]
        for sec in rec["sections"]:
            assert 0 <= sec["start"] <= sec["end"] <= len(body)
        if rec["page"] == page:  # the articles this import wrote carry whole tags of the file
            assert set(rec["tags"]) <= tags, (rec["tags"], tags)


_counter = iter(range(10**9))


@pytest.mark.parametrize("fmt", list(RECORDS))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_fuzz_import_annotations(store: Store, fmt: str, data) -> None:
    records = data.draw(st.lists(RECORDS[fmt], min_size=1, max_size=3), label="records")
    match = data.draw(st.sampled_from(("new", "text")), label="match")
    with tempfile.TemporaryDirectory() as tmp:
        path = write(fmt, records, Path(tmp), next(_counter))
        changes = store.db.conn.total_changes
        try:
            import_annotations(store, path, fmt, match=match)
        except AnnotationImportError as err:
            assert "\n" not in str(err) and str(path) in str(err), str(err)
            assert store.db.conn.total_changes == changes, "a refused file changed the project"
        else:
            assert_sound(store, path.name, sent_tags(fmt, records))
