"""The Statistics view: a project's figures as bar charts drawn with QPainter.

Owns: ``BarChart`` (horizontal bars, stacked when a row has several values;
no chart library) and ``StatsDialog`` (articles by status, spans by label,
what editors did to the machine's spans per label, reviews per day, and a
table of the per-label precision/recall estimates).  The figures come from
``Store.stats()``; nothing here reads the database.
"""

from __future__ import annotations


from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QHeaderView, QLabel, QScrollArea, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.pipeline.model import STATUSES
from desktop.ui.i18n import fill

SERIES_COLOURS = ("#4e79a7", "#e15759", "#f28e2b", "#b07aa1", "#59a14f")


if TYPE_CHECKING:  # the store's SQL modules load only when the dialog is used
    from desktop.store.stats import ProjectStats


def label_order(counts: Mapping[str, Any]) -> list[str]:
    from desktop.store.stats import label_order as order

    return order(counts)


class BarChart(QWidget):
    """Horizontal bars: one row per category, one coloured segment per series."""

    ROW = 22

    def __init__(self, series: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = list(series)
        self.rows: list[tuple[str, list[int]]] = []
        self.setMinimumWidth(320)

    def set_rows(self, rows: Sequence[tuple[str, Sequence[int]]]) -> None:
        self.rows = [(name, [int(v) for v in values]) for name, values in rows]
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def total(self, row: int) -> int:
        return sum(self.rows[row][1])

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        legend = self.ROW if len(self.series) > 1 else 0
        return QSize(420, max(1, len(self.rows)) * self.ROW + legend + 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        text_colour = self.palette().windowText().color()
        if not self.rows:
            p.setPen(text_colour)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No data"))
            return
        name_w = max(fm.horizontalAdvance(name) for name, _ in self.rows) + 8
        num_w = fm.horizontalAdvance("000000") + 6
        bar_w = max(10, self.width() - name_w - num_w - 4)
        top = 0
        if len(self.series) > 1:  # legend
            x = name_w
            for i, name in enumerate(self.series):
                p.fillRect(QRectF(x, 6, 10, 10), QColor(SERIES_COLOURS[i % len(SERIES_COLOURS)]))
                p.setPen(text_colour)
                p.drawText(int(x + 14), 16, name)
                x += 14 + fm.horizontalAdvance(name) + 12
            top = self.ROW
        peak = max(1, max(sum(v) for _, v in self.rows))
        for r, (name, values) in enumerate(self.rows):
            y = top + r * self.ROW
            p.setPen(text_colour)
            p.drawText(QRectF(0, y, name_w - 6, self.ROW), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            x = float(name_w)
            for i, v in enumerate(values):
                w = bar_w * v / peak
                p.fillRect(QRectF(x, y + 4, w, self.ROW - 8), QColor(SERIES_COLOURS[i % len(SERIES_COLOURS)]))
                x += w
            p.setPen(text_colour)
            p.drawText(QRectF(x + 4, y, num_w, self.ROW), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(sum(values)))
        p.end()


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


class StatsDialog(QDialog):
    """Read-only figures of the open project."""

    def __init__(self, stats: ProjectStats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats_dialog")
        self.setWindowTitle(self.tr("Statistics"))
        self.stats = stats
        outer = QVBoxLayout(self)
        self.summary = QLabel(
            fill(self.tr("%1 articles, %2 reviewed; %3 spans."), stats.articles, stats.reviewed_articles,
                 sum(stats.spans_by_label.values())), self)
        outer.addWidget(self.summary)
        body = QWidget(self)
        grid = QGridLayout(body)

        self.status_chart = BarChart(parent=body)
        statuses = [s for s in STATUSES if s in stats.by_status] + sorted(s for s in stats.by_status if s not in STATUSES)
        self.status_chart.set_rows([(s, [stats.by_status[s]]) for s in statuses])
        self.label_chart = BarChart(parent=body)
        self.label_chart.set_rows([(lb, [stats.spans_by_label[lb]]) for lb in label_order(stats.spans_by_label)])
        self.edits_chart = BarChart(
            [self.tr("kept"), self.tr("deleted"), self.tr("relabelled"), self.tr("moved"), self.tr("added")], body)
        self.edits_chart.set_rows([
            (lb, [e.kept, e.deleted, e.relabelled, e.moved, e.added])
            for lb in label_order(stats.edits) for e in [stats.edits[lb]]
        ])
        self.day_chart = BarChart(parent=body)
        self.day_chart.set_rows([(day, [n]) for day, n in stats.reviewed_per_day])
        self.editor_chart = BarChart(parent=body)
        self.editor_chart.set_rows([(who, [n]) for who, n in stats.reviewed_per_editor.items()])

        charts = (
            (self.tr("Articles by status"), self.status_chart),
            (self.tr("Spans by label"), self.label_chart),
            (self.tr("Editor changes to the machine's spans (reviewed articles)"), self.edits_chart),
            (self.tr("Reviewed per day (UTC)"), self.day_chart),
            (self.tr("Reviewed per editor"), self.editor_chart),
        )
        for i, (title, chart) in enumerate(charts):
            box = QGroupBox(title, body)
            QVBoxLayout(box).addWidget(chart)
            grid.addWidget(box, i // 2, i % 2)

        self.quality = QTableWidget(len(stats.edits), 8, body)
        self.quality.setObjectName("stats_quality_table")
        self.quality.setHorizontalHeaderLabels([
            self.tr("Label"), self.tr("Kept"), self.tr("Deleted"), self.tr("Relabelled"), self.tr("Moved"),
            self.tr("Added"), self.tr("Precision"), self.tr("Recall"),
        ])
        self.quality.verticalHeader().setVisible(False)
        self.quality.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, lb in enumerate(label_order(stats.edits)):
            e = stats.edits[lb]
            cells = (lb, e.kept, e.deleted, e.relabelled, e.moved, e.added, _percent(e.precision), _percent(e.recall))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.quality.setItem(row, col, item)
        self.quality.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        box = QGroupBox(self.tr("Extractor precision and recall (estimated from editors' changes)"), body)
        inner = QVBoxLayout(box)
        inner.addWidget(self.quality)
        inner.addWidget(QLabel(self.tr("precision = kept / (kept + deleted + relabelled + moved); recall = kept / (kept + added)"), box))
        grid.addWidget(box, 2, 1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(1000, 720)
