"""Importing pages: one page with all its articles, spans and index entries per
transaction (so a killed import never leaves half a page), and page reads.

Owns: ``insert_page`` (called by Store.add_page / add_pages inside their
transaction), ``page_infos``, ``page_text``, ``has_hash``.

Re-import rules:

* same content hash as a page already in the project -> nothing is written,
  status ``"unchanged"`` (this includes a file that went back to the content of
  an older version of itself: that version is already in the project);
* a new hash under a ``source_name`` already in the project -> the new text is
  added as a new page row with ``version`` = highest version + 1, status
  ``"new_version"``; the previous rows of that name are marked ``superseded``
  and keep their articles with their spans, statuses, tags, notes and history.
  Nothing reviewed is ever deleted by an import.  Lists show both versions
  unless ``ArticleFilter.include_superseded`` is False;
* otherwise status ``"new"``.

A file name that is not valid UTF-8 is stored twice: readable, with the bad
bytes as backslash escapes, in ``source_name`` (what lists, filters and exports
use), and as the exact bytes in ``source_name_raw`` (NULL for every other name).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlite_utils import Database

from desktop.store import search
from desktop.store.codec import dumps, utc_now
from desktop.store.events import record_event
from desktop.store.records import ImportOutcome, PageInfo, PageInput
from desktop.store.span_origin import suggested_for

_ARTICLE_COLS = (
    "id", "page_id", "position", "title", "kicker", "subtitle", "byline", "authors", "source", "dateline",
    "dateline_iso", "sections", "captions", "body", "flags", "segments", "status", "n_spans",
    "continued_from", "continued_to",
)
_SPAN_COLS = ("article_id", "start", "end", "label", "text", "value", "origin", "needs_check", "confidence", "suggested")
_ARTICLE_SQL = f"INSERT INTO articles ({', '.join(_ARTICLE_COLS)}) VALUES ({', '.join('?' * len(_ARTICLE_COLS))})"
_SPAN_SQL = f'INSERT INTO spans ({", ".join(f"[{c}]" for c in _SPAN_COLS)}) VALUES ({", ".join("?" * len(_SPAN_COLS))})'


def has_hash(db: Database, content_hash: str) -> bool:
    return db.execute("SELECT 1 FROM pages WHERE content_hash = ?", (content_hash,)).fetchone() is not None


def _valid_spans(article: Any) -> tuple[list[tuple], int]:
    """Span rows of a pipeline article, refusing out-of-range and overlapping spans."""
    body = article.body
    rows: list[tuple] = []
    dropped = 0
    last_end = -1
    for s in sorted(article.spans, key=lambda s: (s.start, s.end)):
        if not (0 <= s.start < s.end <= len(body)) or s.start < last_end:
            dropped += 1
            continue
        last_end = s.end
        origin = s.origin if s.origin in ("auto", "human", "imported") else "auto"
        rows.append((s.start, s.end, s.label, body[s.start : s.end], dumps(s.value), origin, 0, s.confidence,
                     suggested_for(origin)))
    return rows, dropped


def insert_page(db: Database, editor: str, page: PageInput) -> ImportOutcome:
    """Insert one page (call inside a transaction).  See the module docstring for the rules."""
    row = db.execute("SELECT id, version FROM pages WHERE content_hash = ?", (page.content_hash,)).fetchone()
    if row is not None:
        return ImportOutcome(page_id=row[0], status="unchanged", n_articles=0, version=row[1])
    prev = db.execute("SELECT max(version) FROM pages WHERE source_name = ?", (page.source_name,)).fetchone()[0]
    version = 1 if prev is None else prev + 1
    if prev is not None:
        db.execute("UPDATE pages SET superseded = 1 WHERE source_name = ? AND superseded = 0", (page.source_name,))
    result = page.result
    cur = db.execute(
        "INSERT INTO pages (source_name, source_name_raw, content_hash, raw_text, text, encoding, imported_at, version,"
        " superseded, blocks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
        (
            page.source_name, page.source_name_raw, page.content_hash, page.raw_text, page.text, page.encoding,
            utc_now(), version, dumps([b.to_dict() for b in result.blocks]),
        ),
    )
    page_id = cur.lastrowid
    next_id = (db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0) + 1
    article_rows: list[Any] = []
    span_rows: list[Any] = []
    fts: list[Any] = []
    labels: Counter[str] = Counter()
    dropped = 0
    for offset, a in enumerate(result.articles):
        aid = next_id + offset
        spans, n_dropped = _valid_spans(a)
        dropped += n_dropped
        labels.update(s[2] for s in spans)
        span_rows.extend((aid, *s) for s in spans)
        article_rows.append(
            (
                aid, page_id, a.position, a.title, a.kicker, a.subtitle, a.byline,
                dumps([x.to_dict() for x in a.authors]), a.source, a.dateline, a.dateline_iso,
                dumps([x.to_dict() for x in a.sections]), dumps(list(a.captions)), a.body, dumps(list(a.flags)),
                dumps([x.to_dict() for x in a.segments]), "unreviewed", len(spans),
                a.continued_from, a.continued_to,
            )
        )
        fts.append((aid, a.title, a.body))
    db.conn.executemany(_ARTICLE_SQL, article_rows)
    db.conn.executemany(_SPAN_SQL, span_rows)
    search.index_articles(db, fts)
    status = "new" if prev is None else "new_version"
    record_event(
        db, None, editor, "import_page", None,
        {"page_id": page_id, "source_name": page.source_name, "version": version, "status": status,
         "articles": [r[0] for r in article_rows]},
    )
    return ImportOutcome(
        page_id=page_id, status=status, n_articles=len(article_rows), spans_by_label=dict(labels),
        spans_dropped=dropped, version=version,
    )


def page_infos(db: Database) -> list[PageInfo]:
    cur = db.execute(
        "SELECT p.id, p.source_name, p.content_hash, p.imported_at, p.version, p.superseded,"
        " (SELECT count(*) FROM articles a WHERE a.page_id = p.id), p.source_name_raw"
        " FROM pages p ORDER BY p.source_name, p.version"
    )
    return [
        PageInfo(id=r[0], source_name=r[1], content_hash=r[2], imported_at=r[3], n_articles=r[6], version=r[4],
                 superseded=bool(r[5]), source_name_raw=r[7])
        for r in cur
    ]


def page_text(db: Database, page_id: int) -> str | None:
    row = db.execute("SELECT text FROM pages WHERE id = ?", (page_id,)).fetchone()
    return None if row is None else row[0]
