"""Draws a search result's snippet with its hits framed, as plain text.

Owns: ``SnippetDelegate``: the snippet (``DisplayRole``) drawn piece by piece
with ``QPainter.drawText`` (never as markup: page text stays literal), the
hits (``MARKS_ROLE`` ranges) in bold inside a red frame like the hits in the
article, and the end elided when the column is narrow; when the first hit
would not fit, the start is cut instead so that the hit shows.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.label_palette import SEARCH_HIT
from desktop.ui.models.article_table import MARKS_ROLE


def _keep_first_hit_in_view(text: str, marks: list, metrics: QFontMetricsF, width: float) -> tuple[str, list]:
    """Drop leading characters (shown as "…") so the first hit starts within the first third
    of ``width``: a narrow column still shows the hit, not only the text before it."""
    if not marks or width <= 0:
        return text, marks
    first = marks[0][0]
    if metrics.horizontalAdvance(text[:first]) <= width / 3:
        return text, marks
    cut = first
    while cut > 0 and metrics.horizontalAdvance("…" + text[cut - 1 : first]) <= width / 3:
        cut -= 1
    shift = cut - 1  # one character for the "…"
    return "…" + text[cut:], [(s - shift, e - shift) for s, e in marks if s >= cut]


class SnippetDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        marks = index.data(MARKS_ROLE) or ()
        if not isinstance(text, str):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        try:
            rect = QRectF(opt.rect).adjusted(4, 0, -4, 0)
            plain, bold = QFont(opt.font), QFont(opt.font)
            bold.setBold(True)
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            color = opt.palette.highlightedText().color() if selected else opt.palette.text().color()
            x, right = rect.left(), rect.right()
            text, marks = _keep_first_hit_in_view(text, list(marks), QFontMetricsF(plain), right - x)
            pieces, at = [], 0
            for start, end in marks:
                if start > at:
                    pieces.append((text[at:start], False))
                pieces.append((text[start:end], True))
                at = end
            pieces.append((text[at:], False))
            for piece, is_hit in pieces:
                if not piece or x >= right:
                    continue
                font = bold if is_hit else plain
                metrics = QFontMetricsF(font)
                width = metrics.horizontalAdvance(piece)
                elided = x + width > right
                if elided:
                    piece = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, right - x)
                    width = metrics.horizontalAdvance(piece)
                    is_hit = is_hit and piece.rstrip("…") != ""  # no frame around a lone "…"
                box = QRectF(x, rect.top(), width, rect.height())
                painter.setFont(font)
                painter.setPen(color)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), piece)
                if is_hit:
                    pen = QPen(SEARCH_HIT)
                    pen.setWidthF(1.5)
                    painter.setPen(pen)
                    h = metrics.height()
                    painter.drawRoundedRect(QRectF(x - 1, rect.center().y() - h / 2, width + 2, h), 2, 2)
                x += width
                if elided:
                    break  # the rest does not fit: one "…" says so
        finally:
            painter.restore()
