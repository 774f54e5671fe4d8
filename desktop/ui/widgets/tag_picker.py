"""Choosing an article's tags from the project vocabulary, and adding new tags.

Owns: ``TagPicker``, checkable tag chips grouped as the vocabulary lists them
(topic, region, quality) and an "add tag" button.  It emits the full new tag
list (``tags_changed``) or a new tag name (``tag_added``); the fields panel
writes them.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class TagPicker(QWidget):
    tags_changed = Signal(list)  # list[str]
    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setObjectName("tag_list")
        self.list.setViewMode(QListView.ViewMode.ListMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSpacing(2)
        self.list.setUniformItemSizes(False)
        self.list.setMinimumHeight(110)
        layout.addWidget(self.list)
        self.add_button = QPushButton(self.tr("New tag…"), self)
        self.add_button.setObjectName("add_tag")
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._loading = False
        self._checked: list[str] = []
        self.list.itemChanged.connect(self._on_item_changed)
        self.add_button.clicked.connect(self.add_requested.emit)

    def set_vocabulary(self, vocabulary: list[dict], checked: list[str]) -> None:
        self._loading = True
        self.list.clear()
        names = [v["name"] for v in vocabulary]
        names += [t for t in checked if t not in names]  # a tag removed from the vocabulary stays visible
        for name in names:
            item = QListWidgetItem(name, self.list)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked)
            item.setSizeHint(QSize(item.sizeHint().width(), 22))
        self._checked = [n for n in names if n in checked]
        self._loading = False

    def set_checked(self, checked: list[str]) -> None:
        self._loading = True
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in checked else Qt.CheckState.Unchecked)
        self._checked = self._current()
        self._loading = False

    def item(self, name: str) -> QListWidgetItem | None:
        matches = self.list.findItems(name, Qt.MatchFlag.MatchExactly)
        return matches[0] if matches else None

    def _current(self) -> list[str]:
        return [
            self.list.item(i).text() for i in range(self.list.count()) if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        if self._loading:
            return
        current = self._current()
        if current != self._checked:
            self._checked = current
            self.tags_changed.emit(current)
