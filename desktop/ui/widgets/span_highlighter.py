"""Span highlights on the article text, painted as character formats of the document.

Owns: colouring each span's characters (code-point offsets into the body) in
its label's colour (lighter with a dashed underline while the machine's
suggestion is unchecked, full with a solid one once it is the editor's), with
the selected span in the label's strong colour, and
``highlighted_ranges`` to read back what is painted.  Offsets go through
``OffsetMap`` so highlights sit exactly on their characters, including
characters outside the BMP.  The document's text is never changed, only the
format of its characters (the read-only body keeps no undo history of it).

Why not ``QTextEdit.ExtraSelection``: with PySide6 6.12 on Python 3.11, every
ExtraSelection built or set drops a reference to ``None``; after a few hundred
repaints the interpreter aborts with "none_dealloc" (measured; see
tests/ui/test_ui_article_view.py::test_repainting_spans_does_not_leak_none).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor, QTextDocument

from desktop.export.offsets import OffsetMap
from desktop.store.records import SpanRow
from desktop.ui.label_palette import lighter_fill, style_for
from desktop.ui.uncertainty import is_uncertain

# A user property marking characters painted as a span (value: the span id).
SPAN_ID_PROPERTY = QTextCharFormat.Property.UserProperty + 1


def is_checked(origin: str) -> bool:
    """An editor made, changed or accepted the span (``human``); ``auto`` and ``imported`` ones wait."""
    return origin == "human"


def span_format(label: str, *, selected: bool, origin: str, uncertain: bool = False) -> QTextCharFormat:
    """Human spans: the label's full colour, solid underline.  Machine (and imported) spans not
    yet checked: the colour halfway to white and a dashed underline, told apart at a glance;
    machine spans the model is unsure of (``uncertainty.is_uncertain``): a wavy underline."""
    style = style_for(label)
    checked = is_checked(origin)
    fmt = QTextCharFormat()
    if selected:
        fmt.setBackground(style.border)
        fmt.setForeground(QColor("#ffffff"))
    else:
        fmt.setBackground(style.color if checked else lighter_fill(style.color))
        fmt.setForeground(QColor("#1a1a1a"))
    fmt.setUnderlineStyle(
        QTextCharFormat.UnderlineStyle.SingleUnderline if checked
        else QTextCharFormat.UnderlineStyle.WaveUnderline if uncertain
        else QTextCharFormat.UnderlineStyle.DashUnderline
    )
    fmt.setUnderlineColor(style.border)
    return fmt


def _plain_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QBrush())
    fmt.setForeground(QBrush())
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
    fmt.setProperty(SPAN_ID_PROPERTY, 0)
    return fmt


def paint_spans(
    document: QTextDocument, offsets: OffsetMap, spans: Sequence[SpanRow], selected_id: int | None, *, clear: bool = True
) -> None:
    """Clear earlier highlights (unless ``clear`` is False: a fresh document), then colour every span that fits the body."""
    undo = document.isUndoRedoEnabled()
    document.setUndoRedoEnabled(False)
    try:
        if clear:
            whole = QTextCursor(document)
            whole.select(QTextCursor.SelectionType.Document)
            whole.mergeCharFormat(_plain_format())
        cursor = QTextCursor(document)
        for span in spans:
            _paint_one(cursor, offsets, span, span.id == selected_id)
    finally:
        document.setUndoRedoEnabled(undo)


def repaint_span(document: QTextDocument, offsets: OffsetMap, span: SpanRow, *, selected: bool) -> None:
    """Colour one span again (plain or selected); its characters' formats are fully replaced."""
    undo = document.isUndoRedoEnabled()
    document.setUndoRedoEnabled(False)
    try:
        _paint_one(QTextCursor(document), offsets, span, selected)
    finally:
        document.setUndoRedoEnabled(undo)


def _paint_one(cursor: QTextCursor, offsets: OffsetMap, span: SpanRow, selected: bool) -> None:
    if not 0 <= span.start < span.end <= offsets.length:
        return  # a span that no longer fits the body is listed, not drawn
    cursor.setPosition(offsets.to_utf16(span.start))
    cursor.setPosition(offsets.to_utf16(span.end), QTextCursor.MoveMode.KeepAnchor)
    fmt = span_format(span.label, selected=selected, origin=span.origin, uncertain=is_uncertain(span))
    fmt.setProperty(SPAN_ID_PROPERTY, span.id)
    cursor.mergeCharFormat(fmt)


def highlighted_ranges(document: QTextDocument) -> list[tuple[int, int, int, QTextCharFormat]]:
    """(span id, utf-16 start, utf-16 end, format) of every painted run, in order."""
    runs: list[tuple[int, int, int, QTextCharFormat]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            span_id = fmt.intProperty(SPAN_ID_PROPERTY)
            if span_id:
                start, end = frag.position(), frag.position() + frag.length()
                if runs and runs[-1][0] == span_id and runs[-1][2] == start:
                    runs[-1] = (span_id, runs[-1][1], end, runs[-1][3])
                else:
                    runs.append((span_id, start, end, fmt))
            it += 1
        block = block.next()
    return runs
