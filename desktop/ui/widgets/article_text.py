"""The article body as the editor reads and selects it.

Owns: ``ArticleText``, the read-only body (a ``QTextEdit`` with a text
cursor, so text can be selected with the mouse or Shift+arrows): a plain
left click reports its offset (span picking), a right-click reports where it
was (the span menu), and the hits of the current search are framed in red
over the text.  The frames are painted over the viewport, not into the
document, so they never disturb the span highlights under them or the
document cache; only hits in the visible part are measured and drawn.  The
text selection is a neutral dark grey (``label_palette.SELECTION_BACKGROUND``),
unlike every label colour.

Offsets: signals and ``set_hits`` use code points; painting converts through
``OffsetMap`` like every other crossing into Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QTextDocument
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop.export.offsets import OffsetMap
from desktop.ui.label_palette import SEARCH_HIT, SEARCH_HIT_CURRENT_FILL, SELECTION_BACKGROUND, SELECTION_TEXT


def hit_rects(document: QTextDocument, start: int, end: int) -> list[QRectF]:
    """Rectangles (document coordinates) covering UTF-16 positions ``[start, end)``, one per line."""
    rects: list[QRectF] = []
    layout_of_doc = document.documentLayout()
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        layout = block.layout()
        origin = layout_of_doc.blockBoundingRect(block).topLeft()
        first, last = max(start - block.position(), 0), min(end - block.position(), block.length() - 1)
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            line_start, line_end = line.textStart(), line.textStart() + line.textLength()
            a, b = max(first, line_start), min(last, line_end)
            if a >= b:
                continue
            x1, x2 = line.cursorToX(a)[0], line.cursorToX(b)[0]  # type: ignore[index]  # (x, cursor) in PySide6
            rects.append(QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1, line.height()))
        block = block.next()
    return rects


class ArticleText(QTextEdit):
    """The body: read-only, selectable by mouse and keyboard; clicks pick spans."""

    clicked_at = Signal(int)  # code-point offset of a plain click (no drag)
    menu_requested = Signal(int, QPoint)  # code-point offset under a right-click, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_text")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabChangesFocus(False)
        # A widget's own style sheet wins over the application's for these two properties.
        self.setStyleSheet(
            f"QTextEdit#article_text {{ selection-background-color: {SELECTION_BACKGROUND.name()};"
            f" selection-color: {SELECTION_TEXT.name()}; }}"
        )
        self.offsets = OffsetMap("")
        self._hits: list[tuple[int, int]] = []  # UTF-16 ranges of the search hits in this body
        self._current_hit = -1

    # --- search hits ------------------------------------------------------------------
    def set_hits(self, hits: list[tuple[int, int]], current: int = -1) -> None:
        """Frame these code-point ranges (the search hits); ``current`` is filled as well."""
        self._hits = [(self.offsets.to_utf16(s), self.offsets.to_utf16(e)) for s, e in hits if 0 <= s < e <= self.offsets.length]
        self._current_hit = current if 0 <= current < len(self._hits) else -1
        self.viewport().update()

    def hit_frames(self) -> list[QRectF]:
        """The frames of the hits now visible, in viewport coordinates (what ``paintEvent`` draws)."""
        if not self._hits:
            return []
        frames: list[QRectF] = []
        dx, dy = -self.horizontalScrollBar().value(), -self.verticalScrollBar().value()
        area = self.viewport().rect()
        first = self.cursorForPosition(area.topLeft()).position()
        last = self.cursorForPosition(area.bottomRight()).position()
        for start, end in self._hits:
            if end < first or start > last + 1:
                continue
            frames += [r.translated(dx, dy) for r in hit_rects(self.document(), start, end)]
        return frames

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._hits:
            return
        painter = QPainter(self.viewport())
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(SEARCH_HIT)
            pen.setWidthF(2.0)
            painter.setPen(pen)
            current = (
                hit_rects(self.document(), *self._hits[self._current_hit]) if self._current_hit >= 0 else []
            )
            dx, dy = -self.horizontalScrollBar().value(), -self.verticalScrollBar().value()
            for rect in current:
                painter.fillRect(rect.translated(dx, dy), SEARCH_HIT_CURRENT_FILL)
            for rect in self.hit_frames():
                painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 2, 2)
        finally:
            painter.end()

    # --- mouse --------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            pos = self.cursorForPosition(event.position().toPoint()).position()
            self.clicked_at.emit(self.offsets.to_code_point(min(pos, self.offsets.utf16_length)))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            pos = self.cursorForPosition(event.pos()).position()  # the scroll area hands viewport coordinates
            where = event.globalPos()
        else:  # the Menu key: at the text cursor
            pos = self.textCursor().position()
            where = self.viewport().mapToGlobal(self.cursorRect().bottomLeft())
        self.menu_requested.emit(self.offsets.to_code_point(min(pos, self.offsets.utf16_length)), where)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return False  # Tab walks spans here (an action), not focus
