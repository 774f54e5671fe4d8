"""The bar above the article list: status, tag, label and full-text search.

Owns: ``FilterBar``, which turns its controls into an ``ArticleFilter`` and
emits it (``filter_changed``); typing in the search box waits for a short
pause first.  Search works for Chinese terms of two characters and more (the
store decides how).  Enter (the search at once) and Down in the search box
ask to move into the results (``to_results``); ``hits_label`` shows how many
articles the search found and where the current hit is (set by the search
controller).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.pipeline.model import STATUSES
from desktop.store.records import ArticleFilter
from desktop.ui.label_palette import label_styles
from desktop.ui.models.article_table import status_text

SEARCH_DELAY_MS = 250


class FilterBar(QWidget):
    filter_changed = Signal(object)  # ArticleFilter
    to_results = Signal()  # Enter or Down in the search box: go to the result list

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
        self.search.installEventFilter(self)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.search, 1)
        self.hits_label = QLabel(self)
        self.hits_label.setObjectName("filter_hits")
        self.hits_label.setVisible(False)
        top.addWidget(self.hits_label)
        outer.addLayout(top)
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

    def set_filter(self, flt: ArticleFilter) -> None:
        """Show ``flt`` in the controls (a status, tag and label each, the search) and emit it once."""
        for combo, values in ((self.status, flt.statuses), (self.tag, flt.tags), (self.label, flt.labels)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(values[0] if values else "")))
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(flt.query)
        self.search.blockSignals(False)
        self._timer.stop()
        self._emit()

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
        self.to_results.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Down and not event.modifiers():
                if self._timer.isActive():  # typed and not applied yet: search now
                    self._timer.stop()
                    self._emit()
                self.to_results.emit()
                return True
        return super().eventFilter(watched, event)

    def _emit(self, *_args: object) -> None:
        self._timer.stop()
        self.filter_changed.emit(self.current_filter())
