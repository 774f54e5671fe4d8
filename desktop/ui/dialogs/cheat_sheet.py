"""The keyboard cheat-sheet, generated from the action table.

Owns: ``CheatSheetDialog``: every action with its shortcut, grouped by menu,
so the sheet can never disagree with the keys that actually work.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.actions import ACTIONS, MENUS, native_shortcut, translated
from desktop.ui.i18n import fill
from desktop.ui.label_palette import style_for


class CheatSheetDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cheat_sheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Select text with the mouse or Shift+arrows, then press a label key. "
                "Right-click a span for everything it offers. Lighter spans with a dashed underline "
                "are the machine's, not yet checked. Keys marked ‘in the text’ work while the article "
                "text has the focus."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rows = [spec for menu, _title in MENUS for spec in ACTIONS if spec.menu == menu and spec.shortcuts]
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("cheat_sheet_table")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action"), self.tr("Where")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, spec in enumerate(rows):
            text = translated(spec.text)
            if spec.id.startswith("span.label."):
                style = style_for(spec.text)
                text = fill(self.tr("Label as %1 (%2)"), style.display_name(language), style.label)
            where = self.tr("in the text") if spec.scope == "article" else self.tr("anywhere")
            for col, value in enumerate((native_shortcut(spec), text, where)):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 640)
