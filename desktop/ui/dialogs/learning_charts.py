"""The Statistics view's learning curve: how the machine does against the editors, per model.

Owns: ``LearningBox`` (a group of three ``BarChart``s from
``Store.learning_stats()``: the machine's precision and recall per label and
model version on reviewed articles, and the editors' changes per 100 reviewed
articles by day of review).  Nothing here reads the database.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from desktop.ui.dialogs.stats_dialog import BarChart
from desktop.ui.i18n import fill
from desktop.ui.label_palette import label_text


class LearningBox(QGroupBox):
    def __init__(self, learning: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats_learning")
        self.setTitle(self.tr("How the machine learns from the editors (reviewed articles)"))
        grid = QGridLayout(self)
        self.precision_chart = BarChart(parent=self)
        self.recall_chart = BarChart(parent=self)
        rows_p, rows_r = [], []
        for model in learning.by_model:
            name = self.tr("shipped model") if model["model_id"] is None else fill(self.tr("model %1"), model["model_id"])
            for label, f in model["labels"].items():
                row = f"{label_text(label)} · {name}"
                if f["precision"] is not None:
                    rows_p.append((row, [round(f["precision"] * 100)]))
                if f["recall"] is not None:
                    rows_r.append((row, [round(f["recall"] * 100)]))
        self.precision_chart.set_rows(rows_p)
        self.recall_chart.set_rows(rows_r)
        self.changes_chart = BarChart(parent=self)
        self.changes_chart.set_rows([(f"{day} ({n})", [round(ratio * 100)]) for day, n, _c, ratio in learning.changes_per_day])
        for col, (title, chart) in enumerate((
            (self.tr("Machine precision (%), per label and model"), self.precision_chart),
            (self.tr("Machine recall (%), per label and model"), self.recall_chart),
            (self.tr("Editor changes per 100 reviewed articles, by day (articles)"), self.changes_chart),
        )):
            grid.addWidget(QLabel(title, self), 0, col)
            grid.addWidget(chart, 1, col)
