"""Eliding one column of an item view differently from the others.

Owns: ``ElideDelegate``, a ``QStyledItemDelegate`` that elides its column's
text with a chosen mode (page names "000_39…e241.txt" lose their middle,
titles their end).  The full text is the model's tool tip.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem


class ElideDelegate(QStyledItemDelegate):
    def __init__(self, mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mode = mode

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.textElideMode = self.mode
