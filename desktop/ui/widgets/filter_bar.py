"""The bar above the article list: status, tag, label and full-text search.

Owns: ``FilterBar``, which turns its controls into an ``ArticleFilter`` and
emits it (``filter_changed``); typing in the search box waits for a short
pause first.  Search works for Chinese terms of two characters and more (the
store decides how).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.pipeline.model import STATUSES
from desktop.store.records import ArticleFilter
from desktop.ui.label_palette import label_styles
from desktop.ui.models.article_table import status_text

SEARCH_DELAY_MS = 250


class FilterBar(QWidget):
    filter_changed = Signal(object)  # ArticleFilter

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter_bar")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(3)
        self.search = QLineEdit(self)
        self.search.setObjectName("filter_search")
        self.search.setPlaceholderText(self.tr("Search title and text (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        outer.addWidget(self.search)
        row = QHBoxLayout()
        row.setSpacing(3)
        self.status = QComboBox(self)
        self.status.setObjectName("filter_status")
        self.status.addItem(self.tr("Any status"), "")
        for status in STATUSES:
            self.status.addItem(status_text(status), status)
        self.tag = QComboBox(self)
        self.tag.setObjectName("filter_tag")
        self.label = QComboBox(self)
        self.label.setObjectName("filter_label")
        self.label.addItem(self.tr("Any label"), "")
        for style in label_styles():
            self.label.addItem(f"{style.display_name(language)} {style.label}", style.label)
        for combo in (self.status, self.tag, self.label):
            row.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self._emit)
        outer.addLayout(row)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._emit_now)
        self.set_tags([])

    def set_tags(self, names: list[str]) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("Any tag"), "")
        for name in names:
            self.tag.addItem(name, name)
        self.tag.setCurrentIndex(max(0, self.tag.findData(current)))
        self.tag.blockSignals(False)

    def current_filter(self) -> ArticleFilter:
        status, tag, label = self.status.currentData(), self.tag.currentData(), self.label.currentData()
        return ArticleFilter(
            statuses=(status,) if status else (),
            tags=(tag,) if tag else (),
            labels=(label,) if label else (),
            query=self.search.text().strip(),
        )

    def _emit_now(self) -> None:
        self._timer.stop()
        self._emit()

    def _emit(self, *_args: object) -> None:
        self._timer.stop()
        self.filter_changed.emit(self.current_filter())
