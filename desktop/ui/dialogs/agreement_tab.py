"""The Agreement tab of the Statistics view: how far the editors' versions agree.

Owns: ``AgreementTab`` — a table of every pair of editors and the overall figures
(articles shared, span F1 micro and per label, Cohen's kappa at the character level;
overall: Fleiss' kappa for three or more editors) and the list of the articles with the
most disagreement.  The figures are ``desktop.agreement``'s (``report_dict``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.ui.i18n import fill
from desktop.ui.label_palette import label_text
from desktop.ui.plain_text import plain_label


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


class AgreementTab(QWidget):
    def __init__(self, figures: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement_tab")
        layout = QVBoxLayout(self)
        if not figures["pairs"]:
            layout.addWidget(plain_label(self.tr("No article has been done by two or more editors yet: split the "
                                                 "project into work packages with some overlap, and merge them back."), self))
            layout.addStretch(1)
            return
        layout.addWidget(plain_label(fill(self.tr("%1 articles done by two or more of the editors %2."),
                                          figures["articles"], "、".join(figures["editors"])), self))
        labels = figures["labels"]
        headers = [self.tr("Editors"), self.tr("Articles"), self.tr("F1 (micro)"), self.tr("Kappa")]
        for lb in labels:
            headers += [fill(self.tr("%1 F1"), label_text(lb)), fill(self.tr("%1 kappa"), label_text(lb))]
        self.table = QTableWidget(len(figures["pairs"]) + 1, len(headers), self)
        self.table.setObjectName("agreement_table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        rows = [
            ([" – ".join(p["editors"]), str(p["articles"]), _num(p["f1"]["micro"]), _num(p["cohen_kappa"]["overall"])]
             + [v for lb in labels for v in (_num(p["f1"].get(lb)), _num(p["cohen_kappa"].get(lb)))])
            for p in figures["pairs"]
        ]
        o = figures["overall"]
        rows.append([self.tr("Overall"), str(figures["articles"]), _num(o["f1"]["micro"]), _num(o["kappa"]["overall"])]
                    + [v for lb in labels for v in (_num(o["f1"].get(lb)), _num(o["kappa"].get(lb)))])
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        note = (self.tr("F1: spans with the same start, end and label. Kappa: Cohen's kappa per pair, over the "
                        "characters' labels (O outside spans)."))
        if o["kappa_kind"] == "fleiss":
            note += " " + fill(self.tr("Overall kappa: Fleiss' kappa over the %1 articles every editor did."),
                               o["fleiss_articles"])
        hint = plain_label(note, self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        box = QGroupBox(self.tr("Articles with the most disagreement"), self)
        inner = QVBoxLayout(box)
        self.worst = QTableWidget(len(figures["most_disagreement"]), 3, box)
        self.worst.setObjectName("agreement_worst")
        self.worst.setHorizontalHeaderLabels([self.tr("Article"), self.tr("Spans not shared"), self.tr("Title")])
        self.worst.verticalHeader().setVisible(False)
        self.worst.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, x in enumerate(figures["most_disagreement"]):
            for c, value in enumerate((str(x["id"]), str(x["spans_not_shared"]), x["title"])):
                self.worst.setItem(r, c, QTableWidgetItem(value))
        self.worst.horizontalHeader().setStretchLastSection(True)
        inner.addWidget(self.worst)
        layout.addWidget(box)
