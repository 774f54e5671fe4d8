"""The page as OCR'd, with a colour band over the text of each article.

Owns: ``PageViewDialog``: the page text read-only; the current article's
segments in a strong colour, the other articles in two alternating pale
ones, blocks of no article (banner, stray caption, noise) in grey.  Clicking
in an article's band chooses that article (``chosen_id``) and closes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import fill
from desktop.ui.widgets.text_offsets import OffsetMap

CURRENT = QColor("#ffd27a")
OTHERS = (QColor("#dcebfa"), QColor("#e3f5dc"))
NO_ARTICLE = QColor("#e6e6e6")


class _PageText(QPlainTextEdit):
    def __init__(self, dialog: PageViewDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if not self.textCursor().hasSelection():
            self._dialog.choose_at(self._dialog.offsets.to_code_point(self.textCursor().position()))


class PageViewDialog(QDialog):
    def __init__(self, page_name: str, layout: dict[str, Any], current_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_view")
        self.setWindowTitle(fill(self.tr("Page: %1"), page_name))
        self.layout_data = layout
        self.current_id = current_id
        self.chosen_id: int | None = None
        self.offsets = OffsetMap(layout["text"])
        box = QVBoxLayout(self)
        legend = QLabel(self.tr("Orange: this article. Blue and green: the other articles. Grey: not in any article. Click an article to open it."), self)
        legend.setWordWrap(True)
        box.addWidget(legend)
        self.text = _PageText(self)
        self.text.setObjectName("page_view_text")
        self.text.setReadOnly(True)
        self.text.setPlainText(layout["text"])
        box.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.bands = self._bands()
        self.text.setExtraSelections(self.bands)
        self._scroll_to_current()
        self.resize(820, 760)

    def _selection(self, start: int, end: int, color: QColor) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        sel.cursor, sel.format = cursor, fmt
        return sel

    def _bands(self) -> list[QTextEdit.ExtraSelection]:
        bands = [self._selection(b["start"], b["end"], NO_ARTICLE) for b in self.layout_data.get("blocks", [])]
        for i, article in enumerate(self.layout_data["articles"]):
            color = CURRENT if article["id"] == self.current_id else OTHERS[i % 2]
            bands += [self._selection(s["start"], s["end"], color) for s in article["segments"]]
        return bands

    def article_at(self, offset: int) -> int | None:
        for article in self.layout_data["articles"]:
            if any(s["start"] <= offset < s["end"] for s in article["segments"]):
                return article["id"]
        return None

    def choose_at(self, offset: int) -> None:
        article_id = self.article_at(offset)
        if article_id is not None:
            self.chosen_id = article_id
            self.accept()

    def _scroll_to_current(self) -> None:
        current = next((a for a in self.layout_data["articles"] if a["id"] == self.current_id), None)
        if current and current["segments"]:
            cursor = self.text.textCursor()
            cursor.setPosition(self.offsets.to_utf16(min(s["start"] for s in current["segments"])))
            self.text.setTextCursor(cursor)
            self.text.centerCursor()
