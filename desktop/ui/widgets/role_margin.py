"""The margin of the page view that names each line's role (title, byline, body, banner …).

Owns: ``line_roles`` (a page layout -> per text line: its role keys, the article it
belongs to and whether that article starts there) and ``RoleMargin`` (a widget
painted beside a ``QPlainTextEdit``, one label per visible line, a rule above the
first line of each article, the article number there, and a tooltip on hover), so
an editor sees why the page was cut where it was.  The layout is the store's
``page_layout``: page text, articles with their segments, blocks of no article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

ARTICLE_RULE = QColor("#c07a00")
LABEL_COLOR = QColor("#505050")
MARGIN_BACKGROUND = QColor("#f4f4f4")


def role_names() -> dict[str, str]:
    """Display names of segment roles and block kinds (translated)."""
    return {
        "kicker": QCoreApplication.translate("RoleMargin", "Kicker"),
        "title": QCoreApplication.translate("RoleMargin", "Title"),
        "subtitle": QCoreApplication.translate("RoleMargin", "Subtitle"),
        "byline": QCoreApplication.translate("RoleMargin", "Byline"),
        "body": QCoreApplication.translate("RoleMargin", "Body"),
        "section": QCoreApplication.translate("RoleMargin", "Sub-head"),
        "caption": QCoreApplication.translate("RoleMargin", "Caption"),
        "note": QCoreApplication.translate("RoleMargin", "Continued"),
        "banner": QCoreApplication.translate("RoleMargin", "Banner"),
        "image": QCoreApplication.translate("RoleMargin", "Image"),
        "noise": QCoreApplication.translate("RoleMargin", "Noise"),
        "not_article": QCoreApplication.translate("RoleMargin", "Not an article"),
    }


@dataclass(frozen=True)
class LineRole:
    """What one text line of the page is: role keys in page order, its article and whether it starts it."""

    roles: tuple[str, ...]
    article: int | None  # 1-based article number on the page, None for blocks of no article
    starts_article: bool


def line_roles(layout: dict[str, Any]) -> list[LineRole]:
    """One ``LineRole`` per ``\\n``-separated line of the layout's text (blank lines: no roles)."""
    text = layout["text"]
    pieces: list[tuple[int, int, str, int | None]] = []
    for number, layout_article in enumerate(layout["articles"], 1):
        pieces += [(s["start"], s["end"], s["role"], number) for s in layout_article["segments"]]
    pieces += [(b["start"], b["end"], b["kind"], None) for b in layout.get("blocks", [])]
    pieces.sort(key=lambda p: p[0])
    out: list[LineRole] = []
    seen: set[int] = set()
    i, pos = 0, 0
    for line in text.split("\n"):
        end = pos + len(line)
        while i < len(pieces) and pieces[i][1] <= pos:
            i += 1
        roles: list[str] = []
        article: int | None = None
        j = i
        while j < len(pieces) and pieces[j][0] < max(end, pos + 1):
            start, stop, role, owner = pieces[j]
            if stop > pos and role not in roles:
                roles.append(role)
                article = owner if article is None else article
            j += 1
        starts = article is not None and article not in seen
        if article is not None:
            seen.add(article)
        out.append(LineRole(tuple(roles), article, starts))
        pos = end + 1
    return out


class RoleMargin(QWidget):
    """The role labels beside the page text."""

    def __init__(self, editor: QPlainTextEdit, layout: dict[str, Any]) -> None:
        super().__init__(editor)
        self.setObjectName("page_view_roles")
        self.editor = editor
        self.names = role_names()
        self.lines = line_roles(layout)
        self.setMouseTracking(True)
        editor.blockCountChanged.connect(lambda _n: self._fit())
        editor.updateRequest.connect(self._scrolled)
        self._fit()

    # --- text of a line ------------------------------------------------------------
    def label(self, line: int) -> str:
        """The margin text of a line: its roles, with the article number on its first line."""
        if not 0 <= line < len(self.lines) or not self.lines[line].roles:
            return ""
        info = self.lines[line]
        names = " + ".join(self.names.get(r, r) for r in info.roles)
        return f"{info.article}  {names}" if info.starts_article else names

    def tooltip(self, line: int) -> str:
        if not 0 <= line < len(self.lines) or not self.lines[line].roles:
            return ""
        info = self.lines[line]
        names = " + ".join(self.names.get(r, r) for r in info.roles)
        if info.article is None:
            return QCoreApplication.translate("RoleMargin", "%1 — not in any article").replace("%1", names)
        text = QCoreApplication.translate("RoleMargin", "Article %1: %2").replace("%1", str(info.article)).replace("%2", names)
        if info.starts_article:
            text += QCoreApplication.translate("RoleMargin", " (the article starts here)")
        return text

    # --- geometry ------------------------------------------------------------------
    def margin_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.label(i)) for i in range(len(self.lines))), default=0)
        return widest + 16

    def sizeHint(self) -> QSize:
        return QSize(self.margin_width(), 0)

    def _fit(self) -> None:
        self.editor.setViewportMargins(self.margin_width(), 0, 0, 0)
        self.place()

    def place(self) -> None:
        rect = self.editor.contentsRect()
        self.setGeometry(QRect(rect.left(), rect.top(), self.margin_width(), rect.height()))

    def _scrolled(self, rect: QRect, dy: int) -> None:
        if dy:
            self.scroll(0, dy)
        else:
            self.update(0, rect.y(), self.width(), rect.height())

    def line_at(self, y: int) -> int | None:
        block = self.editor.firstVisibleBlock()
        offset = self.editor.contentOffset()
        while block.isValid():
            geometry = self.editor.blockBoundingGeometry(block).translated(offset)
            if geometry.top() <= y < geometry.bottom():
                return block.blockNumber()
            if geometry.top() > y:
                return None
            block = block.next()
        return None

    # --- painting and hover ----------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), MARGIN_BACKGROUND)
        block = self.editor.firstVisibleBlock()
        offset = self.editor.contentOffset()
        height = self.fontMetrics().height()
        while block.isValid():
            top = round(self.editor.blockBoundingGeometry(block).translated(offset).top())
            if top > event.rect().bottom():
                break
            number = block.blockNumber()
            if number < len(self.lines) and self.lines[number].starts_article:
                painter.setPen(ARTICLE_RULE)
                painter.drawLine(0, top, self.width(), top)
            painter.setPen(ARTICLE_RULE if number < len(self.lines) and self.lines[number].starts_article else LABEL_COLOR)
            painter.drawText(6, top, self.width() - 10, height, Qt.AlignmentFlag.AlignLeft, self.label(number))
            block = block.next()
        painter.end()

    def event(self, event) -> bool:  # noqa: ANN001 - QEvent
        if event.type() == event.Type.ToolTip:
            line = self.line_at(event.pos().y())
            text = self.tooltip(line) if line is not None else ""
            if text:
                QToolTip.showText(self.mapToGlobal(QPoint(event.pos())), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
