"""The page as OCR'd, with a colour band over the text of each article, and the
actions an editor takes on a band.

Owns: ``PageViewDialog``: the page text read-only, with each line's role in a
left margin (``widgets.role_margin``); the current article's
segments in a strong colour, the other articles in two alternating pale
ones, blocks of no article (banner, stray caption, noise, text marked as not
an article) in grey.  Clicking in an article's band chooses that article and
closes (``action == OPEN``, ``chosen_id``).  The band at the text cursor (a
click on a grey block puts it there; so do the arrow keys) or under a
right-click can be acted on: an article band can be opened or marked as not an
article (``NOT_ARTICLE``, ``chosen_id``), a grey block made into an article
(``MAKE_ARTICLE``, ``chosen_block`` = its index in the layout's blocks) or into
a caption of the article the view was opened from (``TO_CAPTION``,
``chosen_block``).  The
dialog only reports the choice; the caller performs it.  It makes no store
calls.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QMouseEvent, QResizeEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.export.offsets import OffsetMap
from desktop.ui.i18n import fill
from desktop.ui.plain_text import window_title
from desktop.ui.widgets.role_margin import RoleMargin

CURRENT = QColor("#ffd27a")
OTHERS = (QColor("#dcebfa"), QColor("#e3f5dc"))
NO_ARTICLE = QColor("#e6e6e6")
NO_ARTICLE_FOCUS = QColor("#bdbdbd")  # the grey block at the text cursor

OPEN, NOT_ARTICLE, MAKE_ARTICLE, TO_CAPTION = "open", "not_article", "make_article", "to_caption"


class _PageText(QPlainTextEdit):
    def __init__(self, dialog: PageViewDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self.margin: RoleMargin | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.margin is not None:
            self.margin.place()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self._dialog.choose_at(self._dialog.offsets.to_code_point(self.textCursor().position()))


class PageViewDialog(QDialog):
    def __init__(self, page_name: str, layout: dict[str, Any], current_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_view")
        self.setWindowTitle(window_title(fill(self.tr("Page: %1"), page_name)))
        self.layout_data = layout
        self.current_id = current_id
        self.action: str | None = None
        self.chosen_id: int | None = None
        self.chosen_block: int | None = None
        self.offsets = OffsetMap(layout["text"])
        box = QVBoxLayout(self)
        legend = QLabel(
            self.tr(
                "Orange: this article. Blue and green: the other articles. Grey: not in any article. "
                "The margin names each line's role and numbers each article where it starts. "
                "Click an article to open it; right-click a band, or put the cursor in it, for more."
            ),
            self,
        )
        legend.setWordWrap(True)
        box.addWidget(legend)
        self.text = _PageText(self)
        self.text.setObjectName("page_view_text")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setPlainText(layout["text"])
        self.roles = RoleMargin(self.text, layout)
        self.text.margin = self.roles
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
        box.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = self._button(buttons, "page_view_open", self.tr("Open"), OPEN)
        self.not_article_button = self._button(buttons, "page_view_not_article", self.tr("Mark as not an article"), NOT_ARTICLE)
        self.make_button = self._button(buttons, "page_view_make_article", self.tr("Make an article from this block"), MAKE_ARTICLE)
        self.caption_button = self._button(buttons, "page_view_to_caption", self.tr("Caption of this article"), TO_CAPTION)
        self.caption_button.setToolTip(self.tr("The grey block becomes a caption of the article shown in orange"))
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.bands = self._bands()
        self.text.setExtraSelections(self.bands)
        self.text.cursorPositionChanged.connect(self._follow_cursor)
        self._scroll_to_current()
        self._follow_cursor()
        self.resize(820, 760)

    def _button(self, box: QDialogButtonBox, name: str, text: str, action: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: self.act(action, self.cursor_offset()))
        box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        return button

    # --- bands -------------------------------------------------------------------
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

    def block_at(self, offset: int) -> int | None:
        """Index (in the layout's blocks) of the block of no article at ``offset``."""
        for i, block in enumerate(self.layout_data.get("blocks", [])):
            if block["start"] <= offset < block["end"]:
                return i
        return None

    def cursor_offset(self) -> int:
        return self.offsets.to_code_point(self.text.textCursor().position())

    def _follow_cursor(self) -> None:
        offset = self.cursor_offset()
        article_id, block = self.article_at(offset), self.block_at(offset)
        self.open_button.setEnabled(article_id is not None)
        self.not_article_button.setEnabled(article_id is not None)
        self.make_button.setEnabled(block is not None)
        self.caption_button.setEnabled(block is not None and self.current_id is not None)
        focus = []
        if block is not None:
            b = self.layout_data["blocks"][block]
            focus.append(self._selection(b["start"], b["end"], NO_ARTICLE_FOCUS))
        self.text.setExtraSelections(self.bands + focus)

    # --- choosing ------------------------------------------------------------------
    def actions_at(self, offset: int) -> list[tuple[str, str]]:
        """(action, menu text) for the band at ``offset``."""
        if self.article_at(offset) is not None:
            return [(OPEN, self.tr("Open")), (NOT_ARTICLE, self.tr("Mark as not an article"))]
        if self.block_at(offset) is not None:
            entries = [(MAKE_ARTICLE, self.tr("Make an article from this block"))]
            if self.current_id is not None:
                entries.append((TO_CAPTION, self.tr("Caption of this article")))
            return entries
        return []

    def act(self, action: str, offset: int) -> bool:
        """Choose ``action`` for the band at ``offset`` and close; False if it does not apply there."""
        article_id, block = self.article_at(offset), self.block_at(offset)
        if action in (OPEN, NOT_ARTICLE) and article_id is not None:
            self.chosen_id = article_id
        elif action == MAKE_ARTICLE and block is not None:
            self.chosen_block = block
        elif action == TO_CAPTION and block is not None and self.current_id is not None:
            self.chosen_block = block
        else:
            return False
        self.action = action
        self.accept()
        return True

    def choose_at(self, offset: int) -> None:
        """A plain click: an article opens; a grey block only takes the cursor (see the buttons)."""
        if self.article_at(offset) is not None:
            self.act(OPEN, offset)

    def menu_at(self, offset: int) -> QMenu | None:
        entries = self.actions_at(offset)
        if not entries:
            return None
        menu = QMenu(self)
        menu.setObjectName("page_view_menu")
        for action, text in entries:
            item = menu.addAction(text)
            item.setObjectName(f"page_view_{action}")
            item.triggered.connect(lambda _checked=False, a=action, o=offset: self.act(a, o))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        offset = self.offsets.to_code_point(self.text.cursorForPosition(pos).position())
        menu = self.menu_at(offset)
        if menu is not None:
            menu.exec(self.text.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _scroll_to_current(self) -> None:
        current = next((a for a in self.layout_data["articles"] if a["id"] == self.current_id), None)
        if current and current["segments"]:
            cursor = self.text.textCursor()
            cursor.setPosition(self.offsets.to_utf16(min(s["start"] for s in current["segments"])))
            self.text.setTextCursor(cursor)
            self.text.centerCursor()
