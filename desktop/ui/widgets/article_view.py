"""The article as a reader sees it, with every span highlighted.

Owns: ``ArticleView`` (flags, kicker, title, subtitle, byline and dateline
above the body, the body as an ``ArticleText``; captions below; a colour
legend) and where the current search query hits the body (``set_query``,
``hits``, ``show_hit``: the hits are framed, the one gone to is selected).  Page text is always set as plain text — labels use
``Qt.PlainText`` and the body ``setPlainText`` — so markup in a page
(``<img>``, ``<script>``, ``&amp;``) shows literally and loads nothing.
Offsets cross between Python and Qt only through ``OffsetMap``.

Switching articles: the body of each article is a ``QTextDocument`` of its
own, built while it is not shown (text, paragraph formats, span highlights —
formatting a shown document re-lays out a paragraph per span) and then put
into the text widget with ``setDocument``, which lays it out once (the header
above is set and its layout settled first, so the body has its final height
when its scroll bar is decided; a header of another height settled afterwards
could show or hide the scroll bar and lay the body out again).  The last
few built documents are kept (``CACHE_SIZE``, least recently shown dropped
first), so going back and forth only swaps documents.  A kept document is
reused only while its key — body, section ranges, every span's id, range,
label and origin, and the body font — equals the record's, so an edit (span
created, relabelled or removed, body edited, undo, an edit of an article not
shown) never shows a stale document: the changed record no longer matches and
its document is rebuilt at once.  (Building the neighbours' documents ahead on
a zero-timer did not pay: the timer runs in the same event-loop turn as the
switch it follows; measured, see docs/benchmarks.md.)
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.export.offsets import OffsetMap
from desktop.store.records import ArticleRecord, SpanRow
from desktop.store.textindex import hit_ranges
from desktop.ui.widgets.article_text import ArticleText
from desktop.ui.widgets.label_legend import LabelLegend
from desktop.ui.uncertainty import is_uncertain
from desktop.ui.widgets.span_highlighter import paint_spans, repaint_span

CACHE_SIZE = 6  # built article documents kept (the shown one and the last few shown)


def flag_text(flag: str) -> str:
    names = {
        "title_missing": QCoreApplication.translate("ArticleView", "Title missing"),
        "title_misplaced": QCoreApplication.translate("ArticleView", "Title was printed in the wrong place"),
        "truncated": QCoreApplication.translate("ArticleView", "Article cut off at the page edge"),
    }
    return names.get(flag, flag)


def _plain_label(object_name: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # page text is never markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def document_key(record: ArticleRecord, font: QFont) -> tuple:
    """Everything a body document is built from; equal keys give identical documents."""
    return (
        font.toString(),
        record.body,
        tuple((int(s.get("start", 0)), int(s.get("end", 0))) for s in record.sections),
        tuple((s.id, s.start, s.end, s.label, s.origin, is_uncertain(s)) for s in record.spans),
    )


@dataclass
class PreparedDocument:
    """The body of one article, laid out as the view shows it."""

    key: tuple
    document: QTextDocument
    offsets: OffsetMap
    selected: int | None = None  # the span drawn in its strong colour


class ArticleView(QWidget):
    """Header, body and captions of one article; spans drawn in label colours."""

    span_clicked = Signal(object)  # span id or None

    def __init__(self, language: str, body_point_size: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_view")
        self.record: ArticleRecord | None = None
        self._selected_span: int | None = None
        self._query = ""
        self._hits: list[tuple[int, int]] = []  # code-point ranges of the query's hits in the body
        self._current_hit = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        self.flags_label = _plain_label("article_flags", self)
        self.kicker_label = _plain_label("article_kicker", self)
        self.title_label = _plain_label("article_title", self)
        self.subtitle_label = _plain_label("article_subtitle", self)
        self.byline_label = _plain_label("article_byline", self)
        for w in (self.flags_label, self.kicker_label, self.title_label, self.subtitle_label, self.byline_label):
            layout.addWidget(w)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(rule)
        self.text = ArticleText(self)
        font = QFont(self.font())
        font.setPointSizeF(body_point_size)
        self.text.setFont(font)
        layout.addWidget(self.text, 1)
        self.captions_label = _plain_label("article_captions", self)
        layout.addWidget(self.captions_label)
        self.legend = LabelLegend(language, self)
        layout.addWidget(self.legend)
        self.text.clicked_at.connect(self._on_clicked_at)
        self._documents: OrderedDict[int, PreparedDocument] = OrderedDict()  # article id -> document, oldest first
        self._empty = self._new_document()
        self.show_record(None)

    # --- rendering ------------------------------------------------------------
    def show_record(self, record: ArticleRecord | None) -> None:
        """Show an article from its start (a different article, or a new body)."""
        self.record = record
        self._selected_span = None
        if record is None:
            self._install(self._empty, OffsetMap(""))
            for w in (self.flags_label, self.kicker_label, self.title_label, self.subtitle_label, self.byline_label, self.captions_label):
                w.clear()
                w.setVisible(False)
            return
        prepared = self._prepared(record, None)
        # The header first, and its layout settled, so the body already has its final size when
        # the document is set: it is laid out once, not again when the header's height changes.
        self._show_header(record)
        layout = self.layout()
        if layout is not None and self.isVisible():
            layout.activate()
        self._install(prepared.document, prepared.offsets)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        self._find_hits()

    def update_record(self, record: ArticleRecord) -> None:
        """Refresh after an edit: keep scroll and cursor when the body is unchanged."""
        if self.record is None or record.id != self.record.id or record.body != self.record.body:
            self.show_record(record)
            return
        self.record = record
        self._show_header(record)
        if self._selected_span is not None and all(s.id != self._selected_span for s in record.spans):
            self._selected_span = None
        current = self._documents.get(record.id)
        if current is not None and current.document is self.text.document() and current.key == self._key(record):
            if current.selected != self._selected_span:
                self.select_span(self._selected_span)
            return  # the edit did not touch the body's text, sections or spans
        # Spans changed: build the new document off screen, then swap it in where the reader was.
        cursor = self.text.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        h, v = self.text.horizontalScrollBar().value(), self.text.verticalScrollBar().value()
        prepared = self._prepared(record, self._selected_span)
        self._install(prepared.document, prepared.offsets)
        prepared.document.documentLayout().documentSize()  # lay out fully, so the scroll range is whole
        end = self.text.offsets.utf16_length
        restored = QTextCursor(prepared.document)
        restored.setPosition(min(anchor, end))
        restored.setPosition(min(position, end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(restored)
        self.text.horizontalScrollBar().setValue(h)
        self.text.verticalScrollBar().setValue(v)
        self.text.set_hits(self._hits, self._current_hit)

    def cached_ids(self) -> list[int]:
        """Ids of the articles whose documents are kept, least recently used first."""
        return list(self._documents)

    def _key(self, record: ArticleRecord) -> tuple:
        return document_key(record, self.text.font())

    def _prepared(self, record: ArticleRecord, selected: int | None) -> PreparedDocument:
        """The record's document from the cache when its key still matches, else built now."""
        key = self._key(record)
        prepared = self._documents.get(record.id)
        if prepared is not None and prepared.key == key:
            self._documents.move_to_end(record.id)
            if prepared.selected != selected:
                self._mark(prepared, selected, record)
            return prepared
        document = self._new_document()
        offsets = OffsetMap(record.body)
        document.setPlainText(record.body)  # plain text: markup in a page stays literal
        self._format_paragraphs(document, offsets, record)
        paint_spans(document, offsets, record.spans, selected, clear=False)
        fresh = PreparedDocument(key, document, offsets, selected)
        if prepared is not None:  # stale: the article was edited since
            del self._documents[record.id]
            if prepared.document is not self.text.document():
                prepared.document.deleteLater()  # the shown one goes when it is swapped out (_install)
        self._documents[record.id] = fresh
        self._trim(keep=record.id)
        return fresh

    def _mark(self, prepared: PreparedDocument, selected: int | None, record: ArticleRecord) -> None:
        """Move the strong colour of a kept document of ``record`` from one span to another."""
        spans = {s.id: s for s in record.spans}
        for span_id, strong in ((prepared.selected, False), (selected, True)):
            span = spans.get(span_id) if span_id is not None else None
            if span is not None:
                repaint_span(prepared.document, prepared.offsets, span, selected=strong)
        prepared.selected = selected

    def _trim(self, keep: int) -> None:
        shown = self.text.document()
        for aid in list(self._documents):
            if len(self._documents) <= CACHE_SIZE:
                break
            prepared = self._documents[aid]
            if aid != keep and prepared.document is not shown:
                del self._documents[aid]
                prepared.document.deleteLater()

    def _new_document(self) -> QTextDocument:
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)  # read-only body: Ctrl+Z belongs to the app's undo stack
        document.setDefaultFont(self.text.font())
        return document

    def _install(self, document: QTextDocument, offsets: OffsetMap) -> None:
        self.text.offsets = offsets
        old = self.text.document()
        if old is document:
            return
        ours = old.parent() is self  # the text widget's own first document is deleted by setDocument
        self.text.setDocument(document)
        if ours and old is not self._empty and all(p.document is not old for p in self._documents.values()):
            old.deleteLater()  # a stale document of an edited article

    def _show_header(self, r: ArticleRecord) -> None:
        flags = [flag_text(f) for f in r.flags]
        self._set(self.flags_label, "⚠ " + "；".join(flags) if flags else "")
        self._set(self.kicker_label, r.kicker)
        self._set(self.title_label, r.title or self.tr("(no title)"))
        self._set(self.subtitle_label, ("——" + r.subtitle) if r.subtitle else "")
        byline = "　".join(p for p in (r.source, r.byline, self._dateline(r)) if p)
        self._set(self.byline_label, byline)
        captions = "\n".join("▣ " + c for c in r.captions)
        self._set(self.captions_label, captions)

    def _dateline(self, r: ArticleRecord) -> str:
        if not r.dateline:
            return ""
        return f"{r.dateline} ({r.dateline_iso})" if r.dateline_iso else r.dateline

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)
        if label.isHidden() == bool(text):
            label.setVisible(bool(text))

    def _format_paragraphs(self, doc: QTextDocument, offsets: OffsetMap, r: ArticleRecord) -> None:
        cursor = QTextCursor(doc)
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setBottomMargin(6)
        block.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(block)
        for section in r.sections:
            start, end = int(section.get("start", 0)), int(section.get("end", 0))
            if not 0 <= start < end <= len(r.body):
                continue
            c = QTextCursor(doc)
            c.setPosition(offsets.to_utf16(start))
            c.setPosition(offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            head = QTextCharFormat()
            head.setFontWeight(QFont.Weight.Bold)
            head.setFontPointSize(self.text.font().pointSizeF() + 1)
            c.mergeCharFormat(head)
            head_block = QTextBlockFormat()
            head_block.setTopMargin(10)
            c.mergeBlockFormat(head_block)

    # --- search hits ----------------------------------------------------------
    def set_query(self, query: str) -> None:
        """Frame every hit of ``query`` in the body (and in the articles shown later)."""
        if query.strip() != self._query:
            self._query = query.strip()
            self._find_hits()

    @property
    def hits(self) -> list[tuple[int, int]]:
        return list(self._hits)

    @property
    def current_hit(self) -> int:
        return self._current_hit

    def _find_hits(self) -> None:
        body = self.record.body if self.record is not None else ""
        self._hits = hit_ranges(body, self._query) if self._query and body else []
        self._current_hit = -1
        self.text.set_hits(self._hits)

    def show_hit(self, index: int) -> None:
        """Select hit number ``index`` (the selection is what label keys and label-all act on) and scroll to it."""
        if not 0 <= index < len(self._hits):
            return
        self._current_hit = index
        start, end = self._hits[index]
        cursor = self.text.textCursor()
        cursor.setPosition(self.text.offsets.to_utf16(start))
        cursor.setPosition(self.text.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        self.text.set_hits(self._hits, index)

    # --- selection ------------------------------------------------------------
    @property
    def selected_span_id(self) -> int | None:
        return self._selected_span

    def select_span(self, span_id: int | None) -> None:
        self._selected_span = span_id
        record = self.record
        prepared = self._documents.get(record.id) if record is not None else None
        if record is not None and prepared is not None and prepared.document is self.text.document():
            self._mark(prepared, span_id, record)  # repaints only the two spans whose colour changes
        span = self.span_by_id(span_id)
        if span is not None and span.end <= self.text.offsets.length:
            cursor = self.text.textCursor()
            cursor.setPosition(self.text.offsets.to_utf16(span.start))
            self.text.setTextCursor(cursor)
            self.text.ensureCursorVisible()

    def span_by_id(self, span_id: int | None) -> SpanRow | None:
        if self.record is None or span_id is None:
            return None
        return next((s for s in self.record.spans if s.id == span_id), None)

    def span_at(self, offset: int) -> SpanRow | None:
        if self.record is None:
            return None
        return next((s for s in self.record.spans if s.start <= offset < s.end), None)

    def cursor_offset(self) -> int:
        return self.text.offsets.to_code_point(self.text.textCursor().position())

    def selected_range(self) -> tuple[int, int] | None:
        """The selected body text as code-point offsets, outer whitespace trimmed."""
        cursor = self.text.textCursor()
        if self.record is None or not cursor.hasSelection():
            return None
        start = self.text.offsets.to_code_point(cursor.selectionStart())
        end = self.text.offsets.to_code_point(cursor.selectionEnd())
        body = self.record.body
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        return (start, end) if start < end else None

    def clear_text_selection(self) -> None:
        cursor = self.text.textCursor()
        cursor.clearSelection()
        self.text.setTextCursor(cursor)

    def _on_clicked_at(self, offset: int) -> None:
        span = self.span_at(offset)
        self.span_clicked.emit(span.id if span else None)
