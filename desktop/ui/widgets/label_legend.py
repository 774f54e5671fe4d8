"""The colour legend of the span labels, with the key that assigns each.

Owns: ``LabelLegend``, a row of chips "1 人名 PER" in each label's colours,
built from ``resources/labels.json``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.ui.i18n import fill
from desktop.ui.label_palette import label_styles


class LabelLegend(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("label_legend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(6)
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
            layout.addWidget(chip)
            self.chips[style.label] = chip
        layout.addStretch(1)
