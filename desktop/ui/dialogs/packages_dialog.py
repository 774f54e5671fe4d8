"""The File ▸ Split into work packages dialog: editors, overlap, which articles, seed, folder.

Owns: ``SplitDialog`` (the form; ``values()`` gives what ``team.packages.split_project``
takes).  The split itself runs in ``TeamFlow`` on a worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLineEdit,
    QPushButton, QSpinBox, QWidget,
)

from desktop.pipeline.model import STATUSES
from desktop.team.packages import SplitError, parse_editors
from desktop.ui.models.article_table import status_text
from desktop.ui.plain_text import plain_label


class SplitDialog(QDialog):
    def __init__(self, folder: Path, interaction: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.interaction = interaction
        self.setObjectName("split_dialog")
        self.setWindowTitle(self.tr("Split into work packages"))
        form = QFormLayout(self)
        self.editors = QLineEdit(self)
        self.editors.setObjectName("split_editors")
        self.editors.setPlaceholderText(self.tr("张三,李四,王五"))
        form.addRow(self.tr("Editors (comma-separated):"), self.editors)
        self.overlap = QDoubleSpinBox(self)
        self.overlap.setObjectName("split_overlap")
        self.overlap.setRange(0.0, 1.0)
        self.overlap.setSingleStep(0.05)
        self.overlap.setDecimals(2)
        self.overlap.setValue(0.1)
        form.addRow(self.tr("Share given to every editor:"), self.overlap)
        self.status = QComboBox(self)
        self.status.setObjectName("split_status")
        self.status.addItem(self.tr("all articles"), "")
        for status in STATUSES:
            self.status.addItem(status_text(status), status)
        form.addRow(self.tr("Articles:"), self.status)
        self.seed = QSpinBox(self)
        self.seed.setObjectName("split_seed")
        self.seed.setRange(0, 1_000_000)
        form.addRow(self.tr("Seed:"), self.seed)
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.folder = QLineEdit(str(folder), row)
        self.folder.setObjectName("split_folder")
        browse = QPushButton(self.tr("Choose…"), row)
        browse.clicked.connect(self._browse)
        line.addWidget(self.folder)
        line.addWidget(browse)
        form.addRow(self.tr("Folder:"), row)
        self.problem = plain_label("", self)
        self.problem.setObjectName("split_problem")
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path = self.interaction.choose_folder(self.folder.text(), self.tr("Folder for the work packages"))
        if path is not None:
            self.folder.setText(str(path))

    def _accept(self) -> None:
        try:
            parse_editors(self.editors.text())
        except SplitError:
            self.problem.setText(self.tr("Give at least one editor name (no / \\ : * ? \" < > |)."))
            return
        if not self.folder.text().strip():
            self.problem.setText(self.tr("Choose a folder for the packages."))
            return
        self.accept()

    def values(self) -> dict:
        status = self.status.currentData()
        return {
            "editors": parse_editors(self.editors.text()),
            "folder": Path(self.folder.text().strip()),
            "overlap": float(self.overlap.value()),
            "statuses": (status,) if status else (),
            "seed": int(self.seed.value()),
        }
