"""The article as a reader sees it, with every span highlighted.

Owns: ``ArticleView`` (flags, kicker, title, subtitle, byline and dateline
above the body; captions below; a colour legend) and ``ArticleText`` (the
read-only body with a text cursor, so text can be selected with the mouse or
Shift+arrows).  Page text is always set as plain text — labels use
``Qt.PlainText`` and the body ``setPlainText`` — so markup in a page
(``<img>``, ``<script>``, ``&amp;``) shows literally and loads nothing.
Offsets cross between Python and Qt only through ``OffsetMap``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QMouseEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QFrame, QLabel, QTextEdit, QVBoxLayout, QWidget

from desktop.store.records import ArticleRecord, SpanRow
from desktop.ui.widgets.label_legend import LabelLegend
from desktop.ui.widgets.span_highlighter import paint_spans
from desktop.ui.widgets.text_offsets import OffsetMap


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


class ArticleText(QTextEdit):
    """The body: read-only, selectable by mouse and keyboard; clicks pick spans."""

    clicked_at = Signal(int)  # code-point offset of a plain click (no drag)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_text")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabChangesFocus(False)
        self.offsets = OffsetMap("")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            pos = self.cursorForPosition(event.position().toPoint()).position()
            self.clicked_at.emit(self.offsets.to_code_point(min(pos, self.offsets.utf16_length)))

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return False  # Tab walks spans here (an action), not focus


class ArticleView(QWidget):
    """Header, body and captions of one article; spans drawn in label colours."""

    span_clicked = Signal(object)  # span id or None

    def __init__(self, language: str, body_point_size: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_view")
        self.record: ArticleRecord | None = None
        self._selected_span: int | None = None
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
        self.show_record(None)

    # --- rendering ------------------------------------------------------------
    def show_record(self, record: ArticleRecord | None) -> None:
        """Render an article from scratch (a different article or a new body)."""
        self.record = record
        self._selected_span = None
        if record is None:
            self.text.offsets = OffsetMap("")
            self.text.setPlainText("")
            for w in (self.flags_label, self.kicker_label, self.title_label, self.subtitle_label, self.byline_label, self.captions_label):
                w.clear()
                w.setVisible(False)
            return
        self.text.offsets = OffsetMap(record.body)
        self.text.setPlainText(record.body)
        self._format_paragraphs(record)
        self._show_header(record)
        self._paint_spans()
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def update_record(self, record: ArticleRecord) -> None:
        """Refresh after an edit: keep scroll and cursor when the body is unchanged."""
        if self.record is None or record.id != self.record.id or record.body != self.record.body:
            self.show_record(record)
            return
        self.record = record
        self._show_header(record)
        if self._selected_span is not None and all(s.id != self._selected_span for s in record.spans):
            self._selected_span = None
        self._paint_spans()

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
        label.setText(text)
        label.setVisible(bool(text))

    def _format_paragraphs(self, r: ArticleRecord) -> None:
        doc = self.text.document()
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
            c.setPosition(self.text.offsets.to_utf16(start))
            c.setPosition(self.text.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            head = QTextCharFormat()
            head.setFontWeight(QFont.Weight.Bold)
            head.setFontPointSize(self.text.font().pointSizeF() + 1)
            c.mergeCharFormat(head)
            head_block = QTextBlockFormat()
            head_block.setTopMargin(10)
            c.mergeBlockFormat(head_block)

    def _paint_spans(self) -> None:
        spans = self.record.spans if self.record else []
        paint_spans(self.text.document(), self.text.offsets, spans, self._selected_span)

    # --- selection ------------------------------------------------------------
    @property
    def selected_span_id(self) -> int | None:
        return self._selected_span

    def select_span(self, span_id: int | None) -> None:
        self._selected_span = span_id
        self._paint_spans()
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
