"""Span highlights on the article text, painted as Qt extra selections.

Owns: turning spans (code-point offsets into the body) into
``QTextEdit.ExtraSelection`` objects in their label's colour, with the
selected span drawn in the label's strong colour.  Offsets go through
``OffsetMap`` so highlights sit exactly on their characters, including
characters outside the BMP.  The document text itself is never changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from desktop.store.records import SpanRow
from desktop.ui.label_palette import style_for
from desktop.ui.widgets.text_offsets import OffsetMap


def span_format(label: str, *, selected: bool, origin: str) -> QTextCharFormat:
    style = style_for(label)
    fmt = QTextCharFormat()
    if selected:
        fmt.setBackground(style.border)
        fmt.setForeground(QColor("#ffffff"))
    else:
        fmt.setBackground(style.color)
        fmt.setForeground(QColor("#1a1a1a"))
    # Machine spans not yet checked get a dotted underline in the label colour.
    fmt.setUnderlineStyle(
        QTextCharFormat.UnderlineStyle.DotLine if origin == "auto" else QTextCharFormat.UnderlineStyle.SingleUnderline
    )
    fmt.setUnderlineColor(style.border)
    return fmt


def span_selections(
    document: QTextDocument, offsets: OffsetMap, spans: Sequence[SpanRow], selected_id: int | None
) -> list[QTextEdit.ExtraSelection]:
    selections: list[QTextEdit.ExtraSelection] = []
    for span in spans:
        if not 0 <= span.start < span.end <= offsets.length:
            continue  # a span that no longer fits the body is listed, not drawn
        start, end = offsets.to_utf16(span.start), offsets.to_utf16(span.end)
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cursor  # type: ignore[misc]
        sel.format = span_format(span.label, selected=span.id == selected_id, origin=span.origin)  # type: ignore[misc]
        selections.append(sel)
    return selections

