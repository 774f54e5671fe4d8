"""Fixing a page beyond split and merge: moving paragraphs between articles,
captions, text that is not an article, and articles made from page blocks.

Owns: ``move_paragraphs``, ``mark_caption``, ``mark_not_article``,
``make_article`` and ``block_to_caption``.  Each runs in the caller's transaction, records one event and
returns a ``Changes``; ``pages.raw_text`` / ``pages.text`` are never written,
only ``pages.blocks`` (the page's blocks of no article, see
``pipeline.model.PageBlock``).

Paragraph ranges: an operation on ``[start, end)`` of a body works on whole
paragraphs (separated by ``"\\n"``): the range is widened to the paragraphs it
touches, and those paragraphs leave the body together with one line break.

Spans are never dropped silently:

* a span crossing the edge of the widened range refuses the operation;
* move: the spans inside keep their ids and go with the text;
* caption: machine (``auto``) spans inside are removed and listed in the
  event; a human/imported one refuses (as ``promote_line`` does);
* not an article: human/imported spans refuse unless ``drop_checked``; every
  removed span is written whole in the event.

Segments follow the text as in ``segmentation``: a body/section segment whose
last character lies in the widened range moves to the target (move), becomes a
``caption`` segment (caption) or a ``not_article`` page block (not an
article).  Removing a whole article turns every segment of it (headings and
byline too) into a ``not_article`` block, one per segment, with the page text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from desktop.pipeline.model import LABELS
from desktop.pipeline.page_fixes import block_body
from desktop.pipeline.page_fixes import paragraph_bounds as _paragraph_bounds
from desktop.store import search
from desktop.store.codec import dumps, loads
from desktop.store.errors import NotFoundError, StoreError
from desktop.store.events import record_event
from desktop.store.records import Changes
from desktop.store.segmentation import (
    SEGMENT_KINDS,
    _article_row,
    _insert,
    _page_text,
    _public_span,
    _rows,
    _segment_places,
    _sorted_segments,
    _span_rows,
    _update_article,
)

NOT_ARTICLE = "not_article"


# --- paragraph ranges ---------------------------------------------------------------
def paragraph_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to whole paragraphs (see ``pipeline.page_fixes``); StoreError if not a range."""
    try:
        return _paragraph_bounds(body, start, end)
    except ValueError as err:
        raise StoreError(str(err), code="bad_range", start=start, end=end) from None


@dataclass
class _Cut:
    """Whole paragraphs ``[start, end)`` taken out of a body with one line break."""

    length: int  # of the body before the cut
    start: int
    end: int
    cut_start: int
    cut_end: int
    text: str
    new_body: str
    inside: list[dict[str, Any]] = field(default_factory=list)  # span rows, old offsets
    sections_in: list[dict[str, Any]] = field(default_factory=list)  # old offsets
    sections_left: list[dict[str, Any]] = field(default_factory=list)  # new offsets
    segments_in: list[dict[str, Any]] = field(default_factory=list)
    segments_left: list[dict[str, Any]] = field(default_factory=list)

    @property
    def delta(self) -> int:
        return self.cut_end - self.cut_start

    @property
    def whole(self) -> bool:
        """The range is every paragraph of the body."""
        return self.start == 0 and self.end == self.length


def _cut(db: Database, row: dict[str, Any], start: int, end: int, spans: list[dict[str, Any]]) -> _Cut:
    body = row["body"]
    ps, pe = paragraph_bounds(body, start, end)
    if pe < len(body):
        cut_start, cut_end = ps, pe + 1
    else:
        cut_start, cut_end = max(ps - 1, 0), pe
    cut = _Cut(len(body), ps, pe, cut_start, cut_end, body[ps:pe], body[:cut_start] + body[cut_end:])
    for s in spans:
        if ps <= s["start"] and s["end"] <= pe:
            cut.inside.append(s)
        elif s["start"] < cut_end and s["end"] > cut_start:
            raise StoreError(
                f"the {s['label']} span 「{s['text']}」 crosses the edge of the chosen paragraphs; "
                "shorten or delete it first",
                code="span_crosses_edge", label=s["label"], text=s["text"], span_id=s["id"],
            )
    delta = cut.delta
    for sec in loads(row["sections"], []):
        st, en = sec["start"], sec["end"]
        if ps <= st and en <= pe:
            cut.sections_in.append(sec)
            continue
        if en <= cut_start:
            kept = (st, en)
        elif st >= cut_end:
            kept = (st - delta, en - delta)
        elif st < cut_start:  # a damaged section running into the cut: keep the part before it
            kept = (st, cut_start)
        else:
            kept = (cut_start, max(cut_start, en - delta))
        if kept[0] < kept[1]:
            cut.sections_left.append(dict(sec, start=kept[0], end=kept[1], title=cut.new_body[kept[0] : kept[1]]))
    segments = _sorted_segments(row["segments"])
    places = _segment_places(_page_text(db, row["page_id"]), segments, body)
    for seg, place in zip(segments, places):
        last = None if place is None else (place[1] - 1 if place[1] > place[0] else place[0])
        (cut.segments_in if last is not None and ps <= last < pe else cut.segments_left).append(seg)
    return cut


def _shift_spans_after(db: Database, article_id: int, cut: _Cut) -> None:
    db.execute(
        'UPDATE spans SET start = start - ?, "end" = "end" - ? WHERE article_id = ? AND start >= ?',
        (cut.delta, cut.delta, article_id, cut.cut_end),
    )


def _delete_spans(db: Database, ids: list[int]) -> None:
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        db.execute(f"DELETE FROM spans WHERE id IN ({', '.join('?' * len(chunk))})", chunk)


def _body_state(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("body", "sections", "segments", "captions", "n_spans")}


# --- move ---------------------------------------------------------------------------
def move_paragraphs(db: Database, editor: str, article_id: int, start: int, end: int, target_id: int) -> Changes:
    """Move the paragraphs of ``[start, end)`` to another article of the same page: to the
    end of its body when it comes before on the page, to the start when it comes after."""
    if article_id == target_id:
        raise StoreError("choose another article to move the paragraphs to", code="move_to_same_article")
    src, tgt = _article_row(db, article_id), _article_row(db, target_id)
    if src["page_id"] != tgt["page_id"]:
        raise StoreError("paragraphs can only move to an article of the same page", code="move_to_other_page")
    spans = _span_rows(db, article_id)
    cut = _cut(db, src, start, end, spans)
    if cut.whole:
        raise StoreError("these are all the paragraphs of the article; merge the articles instead", code="move_all_paragraphs")
    if not cut.text.strip():
        raise StoreError("the chosen paragraphs are empty", code="paragraph_empty")
    moved, old_target = cut.text, tgt["body"]
    if (tgt["position"], target_id) < (src["position"], article_id):  # target first: append
        shift_moved, shift_target = (len(old_target) + 1 if old_target else 0), 0
        new_target = f"{old_target}\n{moved}" if old_target else moved
    else:  # target after: the moved text comes first
        shift_moved, shift_target = 0, (len(moved) + 1 if old_target else 0)
        new_target = f"{moved}\n{old_target}" if old_target else moved
    if shift_target:
        db.execute(
            'UPDATE spans SET start = start + ?, "end" = "end" + ? WHERE article_id = ?',
            (shift_target, shift_target, target_id),
        )
    for s in cut.inside:
        db.execute(
            'UPDATE spans SET article_id = ?, start = ?, "end" = ? WHERE id = ?',
            (target_id, s["start"] - cut.start + shift_moved, s["end"] - cut.start + shift_moved, s["id"]),
        )
    _shift_spans_after(db, article_id, cut)
    target_sections = [
        dict(s, start=s["start"] + shift_target, end=s["end"] + shift_target) for s in loads(tgt["sections"], [])
    ] + [dict(s, start=s["start"] - cut.start + shift_moved, end=s["end"] - cut.start + shift_moved) for s in cut.sections_in]
    target_sections.sort(key=lambda s: s["start"])
    target_segments = sorted(loads(tgt["segments"], []) + cut.segments_in, key=lambda s: s["start"])
    n_target = db.execute("SELECT count(*) FROM spans WHERE article_id = ?", (target_id,)).fetchone()[0]
    _update_article(
        db, article_id,
        {"body": cut.new_body, "sections": dumps(cut.sections_left), "segments": dumps(cut.segments_left),
         "n_spans": len(spans) - len(cut.inside)},
    )
    _update_article(
        db, target_id,
        {"body": new_target, "sections": dumps(target_sections), "segments": dumps(target_segments), "n_spans": n_target},
    )
    search.reindex_article(db, article_id, (src["title"], src["body"]), (src["title"], cut.new_body))
    search.reindex_article(db, target_id, (tgt["title"], old_target), (tgt["title"], new_target))
    moved_ids = [s["id"] for s in cut.inside]
    record_event(
        db, article_id, editor, "move_paragraphs",
        {"source": _body_state(src), "target": dict(_body_state(tgt), id=target_id)},
        {"target": target_id, "range": [cut.start, cut.end], "text": moved, "moved_spans": moved_ids,
         "source_body": cut.new_body, "target_body": new_target, "target_offset": shift_moved},
    )
    return Changes({article_id, target_id}, {"fields", "spans"})


# --- caption ------------------------------------------------------------------------
def mark_caption(db: Database, editor: str, article_id: int, start: int, end: int) -> Changes:
    """The paragraphs of ``[start, end)`` leave the body and become captions of the article."""
    row = _article_row(db, article_id)
    spans = _span_rows(db, article_id)
    cut = _cut(db, row, start, end, spans)
    if cut.whole:
        raise StoreError("a caption cannot take the whole body; mark the article as not an article instead", code="caption_whole_body")
    lines = [p.strip() for p in cut.text.split("\n") if p.strip()]
    if not lines:
        raise StoreError("the chosen paragraphs are empty", code="paragraph_empty")
    if any(s["origin"] != "auto" for s in cut.inside):
        checked = [s for s in cut.inside if s["origin"] != "auto"]
        raise StoreError(
            "those paragraphs hold checked spans; delete them first, or edit the body instead",
            code="paragraph_checked_spans", label=checked[0]["label"], text=checked[0]["text"], count=len(checked),
        )
    _delete_spans(db, [s["id"] for s in cut.inside])
    _shift_spans_after(db, article_id, cut)
    segments = cut.segments_left + [dict(s, role="caption") for s in cut.segments_in]
    segments.sort(key=lambda s: s["start"])
    captions = loads(row["captions"], []) + lines
    _update_article(
        db, article_id,
        {"body": cut.new_body, "sections": dumps(cut.sections_left), "segments": dumps(segments),
         "captions": dumps(captions), "n_spans": len(spans) - len(cut.inside)},
    )
    search.reindex_article(db, article_id, (row["title"], row["body"]), (row["title"], cut.new_body))
    record_event(
        db, article_id, editor, "mark_caption",
        {**_body_state(row), "removed_spans": [_public_span(s) for s in cut.inside]},
        {"range": [cut.start, cut.end], "captions": lines, "body": cut.new_body,
         "removed_spans": [s["id"] for s in cut.inside]},
    )
    return Changes({article_id}, {"fields", "spans"})


# --- not an article -----------------------------------------------------------------
def _page_blocks(db: Database, page_id: int) -> list[dict[str, Any]]:
    row = db.execute("SELECT blocks FROM pages WHERE id = ?", (page_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"page {page_id} does not exist", kind="page", id=page_id)
    return loads(row[0], [])


def _blocks_of(page_text: str, segments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"kind": NOT_ARTICLE, "text": page_text[s["start"] : s["end"]], "start": s["start"], "end": s["end"]}
        for s in segments
    ]


def _set_blocks(db: Database, page_id: int, blocks: list[dict[str, Any]]) -> None:
    blocks = sorted(blocks, key=lambda b: (b["start"], b["end"]))
    db.execute("UPDATE pages SET blocks = ? WHERE id = ?", (dumps(blocks), page_id))


def _refuse_checked(spans: list[dict[str, Any]], drop_checked: bool) -> None:
    checked = [s for s in spans if s["origin"] != "auto"]
    if checked and not drop_checked:
        raise StoreError(
            f"{len(checked)} checked span(s) would be removed; delete them first, or confirm that they may go",
            code="checked_spans_would_go", count=len(checked),
        )


def mark_not_article(
    db: Database, editor: str, article_id: int, start: int | None = None, end: int | None = None, *,
    drop_checked: bool = False,
) -> Changes:
    """Without a range: the whole article becomes blocks of no article (kind ``not_article``)
    and its row goes.  With one: those paragraphs leave the body and become such blocks."""
    if (start is None) != (end is None):
        raise StoreError("give both ends of the range, or neither for the whole article", code="bad_range")
    row = _article_row(db, article_id)
    spans = _span_rows(db, article_id)
    page_id = row["page_id"]
    page_text = _page_text(db, page_id)
    blocks = _page_blocks(db, page_id)
    if start is None or end is None:
        _refuse_checked(spans, drop_checked)
        segments = _sorted_segments(row["segments"])
        new_blocks = _blocks_of(page_text, segments)
        tags = [r[0] for r in db.execute("SELECT tag FROM article_tags WHERE article_id = ? ORDER BY tag", (article_id,))]
        _delete_spans(db, [s["id"] for s in spans])
        db.execute("DELETE FROM article_tags WHERE article_id = ?", (article_id,))
        search.unindex_articles(db, [(article_id, row["title"], row["body"])])
        db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        db.execute("UPDATE articles SET position = position - 1 WHERE page_id = ? AND position > ?", (page_id, row["position"]))
        _set_blocks(db, page_id, blocks + new_blocks)
        record_event(
            db, article_id, editor, "mark_not_article",
            {"article": row, "spans": [_public_span(s) for s in spans], "tags": tags},
            {"page_id": page_id, "removed": article_id, "blocks": new_blocks, "removed_spans": [s["id"] for s in spans]},
        )
        return Changes({article_id}, set(SEGMENT_KINDS))
    cut = _cut(db, row, start, end, spans)
    if cut.whole:
        raise StoreError("those are all the paragraphs; mark the whole article as not an article instead", code="not_article_all_paragraphs")
    if not cut.text.strip():
        raise StoreError("the chosen paragraphs are empty", code="paragraph_empty")
    _refuse_checked(cut.inside, drop_checked)
    _delete_spans(db, [s["id"] for s in cut.inside])
    _shift_spans_after(db, article_id, cut)
    new_blocks = _blocks_of(page_text, cut.segments_in)
    _update_article(
        db, article_id,
        {"body": cut.new_body, "sections": dumps(cut.sections_left), "segments": dumps(cut.segments_left),
         "n_spans": len(spans) - len(cut.inside)},
    )
    _set_blocks(db, page_id, blocks + new_blocks)
    search.reindex_article(db, article_id, (row["title"], row["body"]), (row["title"], cut.new_body))
    record_event(
        db, article_id, editor, "mark_not_article",
        {**_body_state(row), "removed_spans": [_public_span(s) for s in cut.inside]},
        {"page_id": page_id, "range": [cut.start, cut.end], "text": cut.text, "body": cut.new_body,
         "blocks": new_blocks, "removed_spans": [s["id"] for s in cut.inside]},
    )
    return Changes({article_id}, set(SEGMENT_KINDS))


# --- article from a block -----------------------------------------------------------
def _check_new_spans(body: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    checked: list[dict[str, Any]] = []
    last = 0
    for s in sorted(spans, key=lambda s: (s.get("start", -1), s.get("end", -1))):
        try:
            st, en, label = s["start"], s["end"], s["label"]
        except (KeyError, TypeError) as err:
            raise StoreError("each span needs start, end and label", code="bad_block_spans") from err
        if label not in LABELS:
            raise StoreError(f"unknown label {label!r}; use one of {', '.join(LABELS)}", code="unknown_label", label=label)
        if not (isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(body)):
            raise StoreError(f"span [{st}, {en}) is outside the new body (length {len(body)}) or empty", code="bad_block_spans")
        if st < last:
            raise StoreError(f"span [{st}, {en}) overlaps another span; spans may not overlap", code="bad_block_spans")
        checked.append({"start": st, "end": en, "label": label, "value": s.get("value")})
        last = en
    return checked


def _page_offset(segments: list[dict[str, Any]]) -> int | None:
    return min((s["start"] for s in segments), default=None)


def make_article(db: Database, editor: str, page_id: int, block_index: int, spans: list[dict[str, Any]]) -> Changes:
    """A new article from block number ``block_index`` of the page's blocks of no article,
    with ``spans`` (offsets into the new body) as machine spans.  ``Changes.article_ids``
    holds the new id only."""
    blocks = _page_blocks(db, page_id)
    if not isinstance(block_index, int) or not 0 <= block_index < len(blocks):
        raise StoreError(
            f"the page has no block {block_index} outside the articles (it has {len(blocks)})", code="no_such_block", block=block_index
        )
    block = blocks[block_index]
    body = block_body(_page_text(db, page_id), block)
    if not body.strip():
        raise StoreError("that block holds no text", code="block_empty")
    new_spans = _check_new_spans(body, list(spans))
    articles = _rows(db.execute("SELECT id, position, segments FROM articles WHERE page_id = ? ORDER BY position, id", (page_id,)))
    order = [a["id"] for a in articles]
    place = len(order)
    for i, a in enumerate(articles):
        offset = _page_offset(loads(a["segments"], []))
        if offset is not None and offset > block["start"]:
            place = i
            break
    new_id = (db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0) + 1
    order.insert(place, new_id)
    segment = {"start": block["start"], "end": block["end"], "role": "body"}
    _insert(db, "articles", {
        "id": new_id, "page_id": page_id, "position": place, "title": "", "kicker": "", "subtitle": "", "byline": "",
        "authors": "[]", "source": "", "dateline": "", "dateline_iso": None, "sections": "[]", "captions": "[]",
        "body": body, "flags": dumps(["title_missing"]), "segments": dumps([segment]), "status": "unreviewed",
        "reviewer": None, "reviewed_at": None, "n_spans": len(new_spans), "note": "",
    })
    for position, aid in enumerate(order):
        db.execute("UPDATE articles SET position = ? WHERE id = ? AND position != ?", (position, aid, position))
    span_ids = []
    for s in new_spans:
        cur = db.execute(
            'INSERT INTO spans (article_id, start, "end", label, text, value, origin, needs_check, confidence, suggested)'
            " VALUES (?, ?, ?, ?, ?, ?, 'auto', 0, ?, 'auto')",
            (new_id, s["start"], s["end"], s["label"], body[s["start"] : s["end"]], dumps(s["value"]),
             s.get("confidence")),
        )
        span_ids.append(cur.lastrowid)
    _set_blocks(db, page_id, blocks[:block_index] + blocks[block_index + 1 :])
    search.index_articles(db, [(new_id, "", body)])
    record_event(
        db, new_id, editor, "make_article",
        {"page_id": page_id, "block_index": block_index, "block": block},
        {"article": new_id, "position": place, "body": body, "segments": [segment], "spans": span_ids},
    )
    return Changes({new_id}, set(SEGMENT_KINDS))


def block_to_caption(db: Database, editor: str, page_id: int, block_index: int, article_id: int) -> Changes:
    """Block number ``block_index`` of the page's blocks of no article becomes a caption of
    the article (one caption per non-empty line; its page range a ``caption`` segment)."""
    blocks = _page_blocks(db, page_id)
    if not isinstance(block_index, int) or not 0 <= block_index < len(blocks):
        raise StoreError(
            f"the page has no block {block_index} outside the articles (it has {len(blocks)})", code="no_such_block", block=block_index
        )
    row = _article_row(db, article_id)
    if row["page_id"] != page_id:
        raise StoreError("a block can only become a caption of an article of its own page", code="caption_other_page")
    block = blocks[block_index]
    lines = [line.strip() for line in block_body(_page_text(db, page_id), block).split("\n") if line.strip()]
    if not lines:
        raise StoreError("that block holds no text", code="block_empty")
    captions = loads(row["captions"], []) + lines
    segments = sorted(
        _sorted_segments(row["segments"]) + [{"start": block["start"], "end": block["end"], "role": "caption"}],
        key=lambda seg: seg["start"],
    )
    _update_article(db, article_id, {"captions": dumps(captions), "segments": dumps(segments)})
    _set_blocks(db, page_id, blocks[:block_index] + blocks[block_index + 1 :])
    record_event(
        db, article_id, editor, "block_to_caption",
        {"page_id": page_id, "block_index": block_index, "block": block, "captions": loads(row["captions"], [])},
        {"captions": captions},
    )
    return Changes({article_id}, set(SEGMENT_KINDS))
