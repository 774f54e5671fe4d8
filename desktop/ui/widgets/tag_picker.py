"""Choosing an article's tags from the project vocabulary, and adding new tags.

Owns: ``TagPicker``, checkable tag chips grouped as the vocabulary lists them
(topic, region, quality) and an "add tag" button.  The chips wrap and the list
is as tall as its chips (no inner scrolling: the fields panel scrolls as a
whole), so every tag and the button stay visible.  It emits the full new tag
list (``tags_changed``) or a request for a new tag (``add_requested``); the
fields panel writes them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.plain_text import tooltip


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
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.installEventFilter(self)
        layout.addWidget(self.list)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_height)
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
            item.setSizeHint(QSize(item.sizeHint().width(), self.fontMetrics().height() + 6))
            item.setToolTip(tooltip(name))
        self._checked = [n for n in names if n in checked]
        self._loading = False
        self.fit_height()

    def fit_height(self) -> None:
        """Make the list exactly as tall as its wrapped chips (one line when empty)."""
        line = self.fontMetrics().height() + 6 + 2 * self.list.spacing()
        bottom = line
        for i in range(self.list.count()):
            bottom = max(bottom, self.list.rectForIndex(self.list.model().index(i, 0)).bottom() + 1 + self.list.spacing())
        height = bottom + 2 * self.list.frameWidth() + 2
        if self.list.height() != height or self.list.minimumHeight() != height:
            self.list.setFixedHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.list and event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.FontChange):
            self._fit_timer.start()  # after the list has laid its chips out for the new width
        return super().eventFilter(watched, event)

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
