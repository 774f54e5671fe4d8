"""The Statistics view: a project's figures as bar charts drawn with QPainter.

Owns: ``BarChart`` (horizontal bars, stacked when a row has several values;
no chart library) and ``StatsDialog`` (articles by status, spans by label,
what editors did to the machine's spans per label, reviews per day, and a
table of the per-label precision/recall estimates) on its first tab, and the editors'
agreement (``agreement_tab.AgreementTab``) on the second.  The figures come from
``Store.stats()``; nothing here reads the database.
"""

from __future__ import annotations


from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QHeaderView, QLabel, QScrollArea, QTableWidget,
    QTableWidgetItem, QTabWidget, QToolTip, QVBoxLayout, QWidget,
)

from desktop.pipeline.model import STATUSES
from desktop.ui.i18n import fill
from desktop.ui.label_palette import label_text
from desktop.ui.models.article_table import status_text
from desktop.ui.plain_text import plain_label, tooltip

SERIES_COLOURS = ("#4e79a7", "#e15759", "#f28e2b", "#b07aa1", "#59a14f")


if TYPE_CHECKING:  # the store's SQL modules load only when the dialog is used
    from desktop.store.stats import ProjectStats


def label_order(counts: Mapping[str, Any]) -> list[str]:
    from desktop.store.stats import label_order as order

    return order(dict(counts))


class BarChart(QWidget):
    """Horizontal bars: one row per category, one coloured segment per series.

    ``text_items()`` lays out every text the chart draws (legend, row names,
    totals) inside the widget: the legend wraps onto more lines, long names are
    elided in the middle (the full name is the tool tip), and the totals'
    column is as wide as the widest total.  ``paintEvent`` draws exactly those.
    """

    ROW = 22
    GAP = 6

    def __init__(self, series: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = list(series)
        self.rows: list[tuple[str, list[int]]] = []
        self.setMinimumWidth(320)
        self.setMouseTracking(True)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_rows(self, rows: Sequence[tuple[str, Sequence[int]]]) -> None:
        self.rows = [(name, [int(v) for v in values]) for name, values in rows]
        self.updateGeometry()
        self.update()

    def total(self, row: int) -> int:
        return sum(self.rows[row][1])

    # --- layout -----------------------------------------------------------------
    def _line_height(self) -> int:
        return max(self.ROW, self.fontMetrics().height() + 4)

    def _legend_lines(self, width: int) -> list[list[tuple[int, str]]]:
        """The legend entries per line: (series index, name), wrapped to ``width``."""
        if len(self.series) < 2:
            return []
        fm = self.fontMetrics()
        lines: list[list[tuple[int, str]]] = [[]]
        x = 0
        for i, name in enumerate(self.series):
            need = 14 + fm.horizontalAdvance(name) + 12
            if lines[-1] and x + need > width:
                lines.append([])
                x = 0
            lines[-1].append((i, name))
            x += need
        return lines

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        line = self._line_height()
        return (len(self._legend_lines(width)) + max(1, len(self.rows))) * line + 8

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(420, self.heightForWidth(420))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(320, self.heightForWidth(max(self.width(), 320)))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.setMinimumHeight(self.heightForWidth(self.width()))

    def _columns(self) -> tuple[int, int]:
        """(width of the names' column, width of the totals' column)."""
        fm = self.fontMetrics()
        num_w = max(fm.horizontalAdvance(str(sum(v))) for _, v in self.rows) + self.GAP
        widest = max(fm.horizontalAdvance(name) for name, _ in self.rows) + self.GAP + 2  # +2: no rounding elision
        return min(widest, max(60, int(self.width() * 0.4))), num_w

    def text_items(self) -> list[tuple[QRectF, str, int]]:
        """Every text the chart draws: (rectangle, text as drawn, alignment flags)."""
        if not self.rows:
            return [(QRectF(self.rect()), self.tr("No data"), int(Qt.AlignmentFlag.AlignCenter))]
        fm = self.fontMetrics()
        line = self._line_height()
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        items: list[tuple[QRectF, str, int]] = []
        y = 0
        for entries in self._legend_lines(self.width()):
            x = 0
            for _i, name in entries:
                text = fm.elidedText(name, Qt.TextElideMode.ElideMiddle, self.width() - x - 14)
                items.append((QRectF(x + 14, y, fm.horizontalAdvance(text) + 2, line), text, left))
                x += 14 + fm.horizontalAdvance(name) + 12
            y += line
        name_w, num_w = self._columns()
        bar_w = max(10, self.width() - name_w - num_w - 4)
        peak = max(1, max(sum(v) for _, v in self.rows))
        for r, (name, values) in enumerate(self.rows):
            top = y + r * line
            shown = fm.elidedText(name, Qt.TextElideMode.ElideMiddle, name_w - self.GAP)
            items.append((QRectF(0, top, name_w - self.GAP, line), shown, right))
            end = name_w + bar_w * sum(values) / peak
            items.append((QRectF(end + 4, top, num_w, line), str(sum(values)), left))
        return items

    def bar_top(self) -> int:
        return len(self._legend_lines(self.width())) * self._line_height()

    def row_at(self, y: float) -> int:
        row = int((y - self.bar_top()) // self._line_height())
        return row if 0 <= row < len(self.rows) and y >= self.bar_top() else -1

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.row_at(event.position().y() if hasattr(event, "position") else event.pos().y())
            if row >= 0:
                name, values = self.rows[row]
                QToolTip.showText(event.globalPos(), tooltip(f"{name}: {sum(values)}"), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().windowText().color()
        items = self.text_items()
        if self.rows:
            line = self._line_height()
            y = 0
            for entries in self._legend_lines(self.width()):
                x = 0.0
                for i, name in entries:
                    p.fillRect(QRectF(x, y + (line - 10) / 2, 10, 10), QColor(SERIES_COLOURS[i % len(SERIES_COLOURS)]))
                    x += 14 + self.fontMetrics().horizontalAdvance(name) + 12
                y += line
            name_w, num_w = self._columns()
            bar_w = max(10, self.width() - name_w - num_w - 4)
            peak = max(1, max(sum(v) for _, v in self.rows))
            for r, (_name, values) in enumerate(self.rows):
                top = y + r * line
                x = float(name_w)
                for i, v in enumerate(values):
                    w = bar_w * v / peak
                    p.fillRect(QRectF(x, top + 4, w, line - 8), QColor(SERIES_COLOURS[i % len(SERIES_COLOURS)]))
                    x += w
        p.setPen(text_colour)
        for rect, text, flags in items:
            p.drawText(rect, flags, text)
        p.end()


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


class StatsDialog(QDialog):
    """Read-only figures of the open project."""

    def __init__(self, stats: ProjectStats, parent: QWidget | None = None, agreement: dict[str, Any] | None = None,
                 learning: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats_dialog")
        self.setWindowTitle(self.tr("Statistics"))
        self.stats = stats
        outer = QVBoxLayout(self)
        self.summary = plain_label(
            fill(self.tr("%1 articles, %2 reviewed; %3 spans."), stats.articles, stats.reviewed_articles,
                 sum(stats.spans_by_label.values())), self)
        outer.addWidget(self.summary)
        body = QWidget(self)
        grid = QGridLayout(body)

        self.status_chart = BarChart(parent=body)
        statuses = [s for s in STATUSES if s in stats.by_status] + sorted(s for s in stats.by_status if s not in STATUSES)
        self.status_chart.set_rows([(status_text(s), [stats.by_status[s]]) for s in statuses])
        self.label_chart = BarChart(parent=body)
        self.label_chart.set_rows([(label_text(lb), [stats.spans_by_label[lb]]) for lb in label_order(stats.spans_by_label)])
        self.edits_chart = BarChart(
            [self.tr("kept"), self.tr("deleted"), self.tr("relabelled"), self.tr("moved"), self.tr("added")], body)
        self.edits_chart.set_rows([
            (label_text(lb), [e.kept, e.deleted, e.relabelled, e.moved, e.added])
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
            cells = (label_text(lb), e.kept, e.deleted, e.relabelled, e.moved, e.added, _percent(e.precision), _percent(e.recall))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.quality.setItem(row, col, item)
        self.quality.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        box = QGroupBox(self.tr("Extractor precision and recall (estimated from editors' changes)"), body)
        inner = QVBoxLayout(box)
        inner.addWidget(self.quality)
        formula = QLabel(self.tr("precision = kept / (kept + deleted + relabelled + moved); recall = kept / (kept + added)"), box)
        formula.setWordWrap(True)
        inner.addWidget(formula)
        grid.addWidget(box, 2, 1)
        self.learning = None
        if learning is not None:  # Store.learning_stats(): the learning curve (learning_charts.py)
            from desktop.ui.dialogs.learning_charts import LearningBox

            self.learning = LearningBox(learning, body)
            grid.addWidget(self.learning, 3, 0, 1, 2)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        # Tabs: the project's figures, and the editors' agreement (team work; desktop.agreement's report_dict)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("stats_tabs")
        self.tabs.addTab(scroll, self.tr("Project"))
        if agreement is not None:
            from desktop.ui.dialogs.agreement_tab import AgreementTab

            self.agreement_tab = AgreementTab(agreement, self.tabs)
            self.tabs.addTab(self.agreement_tab, self.tr("Agreement"))
        outer.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.resize(1000, 720)
