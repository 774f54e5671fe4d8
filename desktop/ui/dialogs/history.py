"""The edit history of one article, read from the store's events table.

Owns: ``HistoryDialog``: when, who, what and the before/after values of every
recorded edit of an article, newest first.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store.records import Event
from desktop.ui.i18n import fill


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "…"


class HistoryDialog(QDialog):
    def __init__(self, title: str, events: list[Event], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(fill(self.tr("History: %1"), title))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(events), 5, self)
        self.table.setObjectName("history_table")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Editor"), self.tr("Action"), self.tr("Before"), self.tr("After")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, event in enumerate(events):
            for col, value in enumerate((event.at, event.editor, event.action, _short(event.before), _short(event.after))):
                self.table.setItem(row, col, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 480)
