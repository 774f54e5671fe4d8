"""The colour legend of the span labels, with the key that assigns each.

Owns: ``LabelLegend``, chips "1 人名" in each label's colours, built from
``resources/labels.json``.  The chips flow onto a second line when the pane
is narrow ("2 Organisation … 7 Document" is wider than the article pane on a
1366-pixel screen in English), so the legend never forces the window wider.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from desktop.ui.i18n import fill
from desktop.ui.label_palette import label_styles

SPACING = 6
MARGIN = 2


class LabelLegend(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("label_legend")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.chips: dict[str, QLabel] = {}
        for style in label_styles():
            chip = QLabel(f"{style.key} {style.display_name(language)}", self)
            chip.setTextFormat(Qt.TextFormat.PlainText)
            chip.setObjectName(f"legend_{style.label}")
            chip.setStyleSheet(
                f"background:{style.color.name()}; border:1px solid {style.border.name()};"
                " border-radius:3px; padding:1px 5px; color:#1a1a1a;"
            )
            chip.setToolTip(f"{style.label} — " + fill(self.tr("Press %1 to give the selected text this label"), style.key))
            self.chips[style.label] = chip

    def _place(self, width: int, move: bool) -> int:
        """Lay the chips out in lines of at most ``width`` pixels; the height they need."""
        x, y, line = 0, MARGIN, 0
        for chip in self.chips.values():
            size = chip.sizeHint()
            if x and x + size.width() > width:
                x, y, line = 0, y + line + SPACING // 2, 0
            if move:
                chip.setGeometry(QRect(x, y, size.width(), size.height()))
            x += size.width() + SPACING
            line = max(line, size.height())
        return y + line + MARGIN

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._place(max(width, 1), move=False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        width = sum(c.sizeHint().width() for c in self.chips.values()) + SPACING * (len(self.chips) - 1)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        widest = max((c.sizeHint().width() for c in self.chips.values()), default=0)
        return QSize(widest, self.heightForWidth(widest))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        height = self._place(self.width(), move=True)
        if self.minimumHeight() != height:
            self.setMinimumHeight(height)  # the parent layout gives the second line room
