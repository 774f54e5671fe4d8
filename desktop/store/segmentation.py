"""Correcting the segmentation of a page: split, merge, promote/demote a heading
line, rebuild a body from the page text, and exact page snapshots (the journal's page states).

Owns: ``split_article``, ``merge_articles``, ``promote_line``, ``demote_field``,
``restore_original_body``, ``snapshot_articles``, ``restore_articles`` and the
read ``page_layout`` (page text + each article's segments, for the page view).
Each write runs in the caller's transaction, records one event and returns a
``Changes`` with kind ``"articles"`` (article membership of a page changed)
besides the usual kinds.  ``pages.raw_text`` / ``pages.text`` are never written.

Spans are never dropped silently:

* split: a span crossing the cut point stays whole in the first part (the cut
  moves to the end of that span) and gets ``needs_check``;
* merge: every span keeps its id and moves to the merged article;
* promote: refused when a human/imported span lies in the promoted paragraph;
  machine spans there are removed and listed in the event.

Segments (page-text offsets of the pieces that built an article) follow the
operations: a body/section segment goes to the part holding its last character
(located by rebuilding the body from the segments and mapping it onto the
current body with ``body.OffsetMap``, so earlier body edits are tolerated);
heading, byline and caption segments stay with the first part.  Because the
pipeline's paragraph rule is reused (``draft.body_from_segments``),
``restore_original_body`` gives back the imported body of an untouched article;
after a merge, paragraphs the pipeline would join across a column break are
joined.

Snapshots are plain JSON-able dicts holding every article row, span row and
tag of one page, ids included, and the page's blocks of no article;
``restore_articles`` makes the page's articles exactly that again (rows, spans
with their ids, tags, blocks, full-text index).
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from desktop.pipeline.draft import body_from_segments
from desktop.pipeline.model import Segment
from desktop.pipeline.repair import normalise_spacing
from desktop.store import search
from desktop.store.annotations import flags_after_title
from desktop.store.body import OffsetMap, set_body
from desktop.store.codec import dumps, loads
from desktop.store.errors import NotFoundError, StoreError
from desktop.store.events import record_event
from desktop.store.records import Changes

PROMOTABLE_FIELDS: tuple[str, ...] = ("title", "kicker", "subtitle")
SEGMENT_KINDS = {"articles", "fields", "spans", "status", "tags"}
_BODY_ROLES = ("body", "section")


# --- rows ------------------------------------------------------------------------
def _rows(cur: Any) -> list[dict[str, Any]]:
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur]


def _article_row(db: Database, article_id: int) -> dict[str, Any]:
    rows = _rows(db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)))
    if not rows:
        raise NotFoundError(f"article {article_id} does not exist (it may have been removed)", kind="article", id=article_id)
    return rows[0]


def _span_rows(db: Database, article_id: int) -> list[dict[str, Any]]:
    return _rows(db.execute('SELECT * FROM spans WHERE article_id = ? ORDER BY start, "end"', (article_id,)))


def _insert(db: Database, table: str, row: dict[str, Any]) -> None:
    cols = list(row)
    db.execute(
        f"INSERT INTO {table} ({', '.join(f'[{c}]' for c in cols)}) VALUES ({', '.join('?' * len(cols))})",
        [row[c] for c in cols],
    )


def _update_article(db: Database, article_id: int, values: dict[str, Any]) -> None:
    sets = ", ".join(f"[{c}] = ?" for c in values)
    db.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*values.values(), article_id])


def _public_span(row: dict[str, Any]) -> dict[str, Any]:
    return dict(row, value=loads(row["value"]), needs_check=bool(row["needs_check"]))


# --- snapshots ---------------------------------------------------------------------
def snapshot_articles(db: Database, page_id: int) -> dict[str, Any]:
    """Every article row, span row and tag of one page (ids included), and the page's
    blocks of no article."""
    page = db.execute("SELECT blocks FROM pages WHERE id = ?", (page_id,)).fetchone()
    if page is None:
        raise NotFoundError(f"page {page_id} does not exist", kind="page", id=page_id)
    articles = _rows(db.execute("SELECT * FROM articles WHERE page_id = ? ORDER BY position, id", (page_id,)))
    ids = [a["id"] for a in articles]
    marks = ", ".join("?" * len(ids))
    spans = _rows(db.execute(f"SELECT * FROM spans WHERE article_id IN ({marks}) ORDER BY id", ids)) if ids else []
    tags = (
        [list(r) for r in db.execute(
            f"SELECT article_id, tag FROM article_tags WHERE article_id IN ({marks}) ORDER BY article_id, tag", ids
        )]
        if ids else []
    )
    return {"page_id": page_id, "articles": articles, "spans": spans, "tags": tags, "blocks": loads(page[0], [])}


def restore_articles(db: Database, editor: str, snap: dict[str, Any]) -> Changes:
    """Make the articles of ``snap["page_id"]`` exactly those of the snapshot."""
    replaced = replace_page(db, snap)
    if replaced is None:
        return Changes()
    page_id, cur_ids, new_ids = replaced
    record_event(
        db, new_ids[0] if new_ids else None, editor, "restore_articles",
        {"page_id": page_id, "articles": cur_ids}, {"page_id": page_id, "articles": new_ids},
    )
    return Changes(set(cur_ids) | set(new_ids), set(SEGMENT_KINDS))


def replace_page(db: Database, snap: dict[str, Any]) -> tuple[int, list[int], list[int]] | None:
    """Write ``snap`` over its page without recording an event: (page id, ids before, ids after),
    or None when the page already is exactly the snapshot."""
    try:
        page_id = snap["page_id"]
        articles, spans, tags = snap["articles"], snap["spans"], snap["tags"]
    except (KeyError, TypeError) as err:
        raise StoreError("not a snapshot of a page's articles", code="bad_snapshot") from err
    current = snapshot_articles(db, page_id)
    if current == snap:
        return None
    cur_ids = [a["id"] for a in current["articles"]]
    new_ids = [a["id"] for a in articles]
    if any(a["page_id"] != page_id for a in articles):
        raise StoreError("the snapshot mixes articles of several pages", code="bad_snapshot")
    foreign = _ids_elsewhere(db, "articles", new_ids, cur_ids)
    foreign_spans = _ids_elsewhere(db, "spans", [s["id"] for s in spans], [s["id"] for s in current["spans"]])
    if foreign or foreign_spans:
        raise StoreError(
            "cannot restore this page: its article or span ids are now used elsewhere "
            f"(articles {sorted(foreign)}, spans {sorted(foreign_spans)})",
            code="ids_taken",
        )
    search.unindex_articles(db, [(a["id"], a["title"], a["body"]) for a in current["articles"]])
    if cur_ids:
        marks = ", ".join("?" * len(cur_ids))
        db.execute(f"DELETE FROM spans WHERE article_id IN ({marks})", cur_ids)
        db.execute(f"DELETE FROM article_tags WHERE article_id IN ({marks})", cur_ids)
        db.execute(f"DELETE FROM articles WHERE id IN ({marks})", cur_ids)
    for a in articles:
        _insert(db, "articles", a)
    for s in spans:
        _insert(db, "spans", s)
    for article_id, tag in tags:
        db.execute('INSERT OR IGNORE INTO tags (name, "group") VALUES (?, ?)', (tag, "topic"))
        db.execute("INSERT INTO article_tags (article_id, tag) VALUES (?, ?)", (article_id, tag))
    if "blocks" in snap:
        db.execute("UPDATE pages SET blocks = ? WHERE id = ?", (dumps(snap["blocks"]), page_id))
    search.index_articles(db, [(a["id"], a["title"], a["body"]) for a in articles])
    return page_id, cur_ids, new_ids


def _ids_elsewhere(db: Database, table: str, ids: list[int], own: list[int]) -> set[int]:
    """Ids of ``ids`` that exist in ``table`` but not among ``own`` (the rows being replaced)."""
    wanted = set(ids) - set(own)
    if not wanted:
        return set()
    marks = ", ".join("?" * len(wanted))
    return {r[0] for r in db.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", list(wanted))}


# --- segments ----------------------------------------------------------------------
def _page_text(db: Database, page_id: int) -> str:
    row = db.execute("SELECT text FROM pages WHERE id = ?", (page_id,)).fetchone()
    return "" if row is None else row[0]


def _segment_places(page_text: str, segments: list[dict[str, Any]], body: str) -> list[tuple[int, int] | None]:
    """Where each segment's text lies in ``body`` (None for heading/caption segments)."""
    ordered = [Segment(**s) for s in segments]
    recon = body_from_segments(page_text, ordered)
    m = OffsetMap(recon, body)
    places: list[tuple[int, int] | None] = []
    for i, seg in enumerate(ordered):
        if seg.role not in _BODY_ROLES:
            places.append(None)
            continue
        end = len(body_from_segments(page_text, ordered[: i + 1]))
        start = max(0, end - len(normalise_spacing(page_text[seg.start : seg.end].strip())))
        places.append((m.start(start), m.end(end)))
    return places


def _sorted_segments(raw: str | None) -> list[dict[str, Any]]:
    return sorted(loads(raw, []), key=lambda s: s["start"])


# --- split -------------------------------------------------------------------------
def split_article(db: Database, editor: str, article_id: int, body_offset: int) -> Changes:
    """Cut the body at ``body_offset``; the second part becomes a new article right after."""
    row = _article_row(db, article_id)
    text = row["body"]
    if not isinstance(body_offset, int) or not 0 < body_offset < len(text):
        raise StoreError(
            f"cannot split at {body_offset}: choose a place inside the body (length {len(text)})",
            code="split_outside_body", offset=body_offset, length=len(text),
        )
    spans = _span_rows(db, article_id)
    cut = body_offset
    crossing = [s for s in spans if s["start"] < cut < s["end"]]
    for s in crossing:  # keep a crossing span whole in the first part
        cut = max(cut, s["end"])
    first_end = len(text[:cut].rstrip())
    first_end = max([first_end] + [s["end"] for s in spans if s["end"] <= cut])
    second_start = cut + (len(text[cut:]) - len(text[cut:].lstrip()))
    second_start = min([second_start] + [s["start"] for s in spans if s["start"] >= cut])
    first_body, second_body = text[:first_end], text[second_start:]
    if not first_body.strip() or not second_body.strip():
        raise StoreError("a split must leave text on both sides", code="split_empty_side")
    new_id = (db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0) + 1
    # sections and segments
    sections = loads(row["sections"], [])
    first_sections = [s for s in sections if s["end"] <= first_end]
    second_sections = [
        dict(s, start=s["start"] - second_start, end=s["end"] - second_start) for s in sections if s["start"] >= second_start
    ]
    segments = _sorted_segments(row["segments"])
    places = _segment_places(_page_text(db, row["page_id"]), segments, text)
    first_segments = [s for s, p in zip(segments, places) if p is None or p[1] <= cut]
    second_segments = [s for s, p in zip(segments, places) if p is not None and p[1] > cut]
    # positions: make room right after the article
    db.execute(
        "UPDATE articles SET position = position + 1 WHERE page_id = ? AND position > ?", (row["page_id"], row["position"])
    )
    first_spans = [s for s in spans if s["end"] <= cut]
    second_spans = [s for s in spans if s["start"] >= cut]
    new_row = dict(
        row, id=new_id, position=row["position"] + 1, title="", kicker="", subtitle="", byline="", authors="[]",
        source="", dateline="", dateline_iso=None, sections=dumps(second_sections), captions="[]", body=second_body,
        flags=dumps(["title_missing"]), segments=dumps(second_segments), status="unreviewed", reviewer=None,
        reviewed_at=None, n_spans=len(second_spans), note="",
    )
    _insert(db, "articles", new_row)
    _update_article(
        db, article_id,
        {"body": first_body, "sections": dumps(first_sections), "segments": dumps(first_segments),
         "n_spans": len(first_spans)},
    )
    for s in second_spans:
        db.execute(
            'UPDATE spans SET article_id = ?, start = ?, "end" = ? WHERE id = ?',
            (new_id, s["start"] - second_start, s["end"] - second_start, s["id"]),
        )
    flagged = [s["id"] for s in crossing]
    if flagged:
        db.execute(f"UPDATE spans SET needs_check = 1 WHERE id IN ({', '.join('?' * len(flagged))})", flagged)
    search.reindex_article(db, article_id, (row["title"], text), (row["title"], first_body))
    search.index_articles(db, [(new_id, "", second_body)])
    record_event(
        db, article_id, editor, "split_article",
        {"article": row, "spans": [_public_span(s) for s in spans]},
        {"articles": [article_id, new_id], "offset": body_offset, "cut": cut, "first_body": first_body,
         "second_body": second_body, "moved_spans": [s["id"] for s in second_spans], "flagged_spans": flagged},
    )
    return Changes({article_id, new_id}, set(SEGMENT_KINDS))


# --- merge -------------------------------------------------------------------------
def merge_articles(db: Database, editor: str, first_id: int, second_id: int) -> Changes:
    """Append the second article to the first (same page, adjacent); the second is removed."""
    first, second = _article_row(db, first_id), _article_row(db, second_id)
    if first_id == second_id:
        raise StoreError("cannot merge an article with itself", code="merge_same_article")
    if first["page_id"] != second["page_id"]:
        raise StoreError("only articles of the same page can be merged", code="merge_other_page")
    between = db.execute(
        "SELECT count(*) FROM articles WHERE page_id = ? AND (position, id) > (?, ?) AND (position, id) < (?, ?)",
        (first["page_id"], first["position"], first_id, second["position"], second_id),
    ).fetchone()[0]
    if (second["position"], second_id) < (first["position"], first_id) or between:
        raise StoreError("only an article and the one right after it on the page can be merged", code="merge_not_adjacent")
    second_spans = _span_rows(db, second_id)
    second_tags = [r[0] for r in db.execute("SELECT tag FROM article_tags WHERE article_id = ? ORDER BY tag", (second_id,))]
    a, b = first["body"], second["body"]
    shift = len(a) + 1 if a else 0
    merged = f"{a}\n{b}" if a else b
    sections = loads(first["sections"], []) + [
        dict(s, start=s["start"] + shift, end=s["end"] + shift) for s in loads(second["sections"], [])
    ]
    segments = sorted(loads(first["segments"], []) + loads(second["segments"], []), key=lambda s: s["start"])
    captions = loads(first["captions"], []) + loads(second["captions"], [])
    n_first = db.execute("SELECT count(*) FROM spans WHERE article_id = ?", (first_id,)).fetchone()[0]
    db.execute(
        'UPDATE spans SET article_id = ?, start = start + ?, "end" = "end" + ? WHERE article_id = ?',
        (first_id, shift, shift, second_id),
    )
    for tag in second_tags:
        db.execute("INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?, ?)", (first_id, tag))
    db.execute("DELETE FROM article_tags WHERE article_id = ?", (second_id,))
    search.unindex_articles(db, [(second_id, second["title"], b)])
    db.execute("DELETE FROM articles WHERE id = ?", (second_id,))
    db.execute(
        "UPDATE articles SET position = position - 1 WHERE page_id = ? AND position > ?", (first["page_id"], second["position"])
    )
    _update_article(
        db, first_id,
        {"body": merged, "sections": dumps(sections), "segments": dumps(segments), "captions": dumps(captions),
         "n_spans": n_first + len(second_spans)},
    )
    search.reindex_article(db, first_id, (first["title"], a), (first["title"], merged))
    record_event(
        db, first_id, editor, "merge_articles",
        {"first": first, "second": second, "second_spans": [_public_span(s) for s in second_spans], "second_tags": second_tags},
        {"article": first_id, "removed": second_id, "body": merged, "shift": shift},
    )
    return Changes({first_id, second_id}, set(SEGMENT_KINDS))


# --- headings ------------------------------------------------------------------------
def _paragraph_range(text: str, index: int) -> tuple[int, int]:
    paragraphs = text.split("\n")
    if not 0 <= index < len(paragraphs):
        raise StoreError(f"the body has no paragraph {index + 1}", code="no_such_paragraph", paragraph=index)
    start = sum(len(p) + 1 for p in paragraphs[:index])
    return start, start + len(paragraphs[index])


def promote_line(db: Database, editor: str, article_id: int, paragraph: int, field: str) -> Changes:
    """Make body paragraph number ``paragraph`` (0-based) the article's ``field`` and take it out of the body."""
    if field not in PROMOTABLE_FIELDS:
        raise StoreError(f"a paragraph can become {', '.join(PROMOTABLE_FIELDS)}, not {field!r}", code="not_a_heading_field", field=field)
    row = _article_row(db, article_id)
    text = row["body"]
    start, end = _paragraph_range(text, paragraph)
    line = text[start:end].strip()
    if not line:
        raise StoreError("that paragraph is empty", code="paragraph_empty")
    spans = _span_rows(db, article_id)
    inside = [s for s in spans if s["start"] < end and s["end"] > start]
    if any(s["origin"] != "auto" for s in inside):
        checked = next(s for s in inside if s["origin"] != "auto")
        raise StoreError(
            "that paragraph holds checked spans; delete them first, or edit the body instead",
            code="paragraph_checked_spans", label=checked["label"], text=checked["text"],
            count=sum(1 for s in inside if s["origin"] != "auto"),
        )
    # the paragraph goes with one of its line breaks
    cut_start, cut_end = (start, min(end + 1, len(text))) if end < len(text) else (max(start - 1, 0), end)
    new_body = text[:cut_start] + text[cut_end:]
    delta = cut_end - cut_start
    for s in inside:
        db.execute("DELETE FROM spans WHERE id = ?", (s["id"],))
    db.execute(
        'UPDATE spans SET start = start - ?, "end" = "end" - ? WHERE article_id = ? AND start >= ?',
        (delta, delta, article_id, cut_end),
    )
    sections = [
        dict(s, start=s["start"] - delta, end=s["end"] - delta) if s["start"] >= cut_end else s
        for s in loads(row["sections"], [])
        if not (s["start"] < end and s["end"] > start)
    ]
    segments = _sorted_segments(row["segments"])
    places = _segment_places(_page_text(db, row["page_id"]), segments, text)
    for seg, place in zip(segments, places):
        if place is not None and place[0] < end and place[1] > start:
            seg["role"] = field
    old_flags = loads(row["flags"], [])
    flags = flags_after_title(old_flags, line) if field == "title" else old_flags
    _update_article(
        db, article_id,
        {field: line, "body": new_body, "sections": dumps(sections), "segments": dumps(segments),
         "flags": dumps(flags), "n_spans": len(spans) - len(inside)},
    )
    title = line if field == "title" else row["title"]
    search.reindex_article(db, article_id, (row["title"], text), (title, new_body))
    record_event(
        db, article_id, editor, "promote_line",
        {field: row[field], "body": text, "removed_spans": [_public_span(s) for s in inside], "flags": old_flags},
        {field: line, "body": new_body, "paragraph": paragraph, "flags": flags},
    )
    return Changes({article_id}, {"fields", "spans"})


def demote_field(db: Database, editor: str, article_id: int, field: str = "title") -> Changes:
    """Put ``field`` (title, kicker or subtitle) back into the body as its first paragraph and clear it."""
    if field not in PROMOTABLE_FIELDS:
        raise StoreError(f"only {', '.join(PROMOTABLE_FIELDS)} can go back into the body, not {field!r}", code="not_a_heading_field", field=field)
    row = _article_row(db, article_id)
    line = (row[field] or "").strip()
    if not line:
        raise StoreError(f"the {field} is empty", code="heading_empty", field=field)
    text = row["body"]
    new_body = f"{line}\n{text}" if text else line
    delta = len(new_body) - len(text)
    db.execute('UPDATE spans SET start = start + ?, "end" = "end" + ? WHERE article_id = ?', (delta, delta, article_id))
    sections = [dict(s, start=s["start"] + delta, end=s["end"] + delta) for s in loads(row["sections"], [])]
    segments = _sorted_segments(row["segments"])
    for seg in segments:
        if seg["role"] == field:
            seg["role"] = "body"
    old_flags = loads(row["flags"], [])
    flags = flags_after_title(old_flags, "") if field == "title" else old_flags
    _update_article(
        db, article_id,
        {field: "", "body": new_body, "sections": dumps(sections), "segments": dumps(segments), "flags": dumps(flags)},
    )
    title = "" if field == "title" else row["title"]
    search.reindex_article(db, article_id, (row["title"], text), (title, new_body))
    record_event(
        db, article_id, editor, "demote_field",
        {field: row[field], "body": text, "flags": old_flags}, {field: "", "body": new_body, "flags": flags},
    )
    return Changes({article_id}, {"fields", "spans"})


# --- page layout ---------------------------------------------------------------------
def page_layout(db: Database, page_id: int) -> dict[str, Any]:
    """The page text with, per article in page order, its segments; and the blocks of no article."""
    row = db.execute("SELECT text, blocks FROM pages WHERE id = ?", (page_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"page {page_id} does not exist", kind="page", id=page_id)
    cur = db.execute("SELECT id, position, title, segments FROM articles WHERE page_id = ? ORDER BY position, id", (page_id,))
    articles = [{"id": r[0], "position": r[1], "title": r[2], "segments": loads(r[3], [])} for r in cur]
    return {"text": row[0], "articles": articles, "blocks": loads(row[1], [])}


# --- original text -------------------------------------------------------------------
def original_body(db: Database, article_id: int) -> str:
    """The body the pipeline builds from the article's segments over the page text."""
    row = _article_row(db, article_id)
    segments = [Segment(**s) for s in loads(row["segments"], [])]
    if not any(s.role in _BODY_ROLES for s in segments):
        raise StoreError("this article has no page segments to rebuild its text from", code="no_page_segments")
    return body_from_segments(_page_text(db, row["page_id"]), segments)


def restore_original_body(db: Database, editor: str, article_id: int) -> Changes:
    """Set the body back to the page's OCR text (spans follow through ``body.set_body``)."""
    return set_body(db, editor, article_id, original_body(db, article_id))
