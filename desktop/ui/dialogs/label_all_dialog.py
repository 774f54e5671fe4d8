"""Label-all across the project: every occurrence in its context, each with a tick box.

Owns: ``LabelAllDialog``: the text, the label to give it (a combo; the label
keys 1–7 choose it too), a keyword-in-context table (``OccurrenceModel``: text
before, the hit, text after, the article) with every occurrence ticked, and
Tick all / Untick all / Label.  The occurrences are found a chunk of articles
at a time on a zero-timer, so the dialog opens at once and stays responsive;
Label is enabled when the search is done and a label is chosen.  Keyboard:
arrows move, Space ticks or unticks the current row, 1–7 choose the label,
Enter labels the ticked occurrences, Esc cancels.  The dialog only reports
``label`` and ``targets()``; the caller pushes the one undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import fill
from desktop.ui.label_palette import label_styles
from desktop.ui.models.occurrence_list import (
    COL_ARTICLE,
    COL_HIT,
    COL_LEFT,
    COL_RIGHT,
    COL_TICK,
    Bodies,
    Finder,
    OccurrenceModel,
)


class _ElideLeft(QStyledItemDelegate):
    """The text before a hit is cut at its far end (the left), keeping the words next to the hit."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class OccurrenceTable(QTableView):
    """The table: Space ticks the current row; a label key chooses the label."""

    label_key = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        if event.key() == Qt.Key.Key_Space and isinstance(model, OccurrenceModel) and self.currentIndex().isValid():
            model.toggle(self.currentIndex().row())
            return
        key = event.text()
        if key and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            label = next((s.label for s in label_styles() if s.key == key), None)
            if label is not None:
                self.label_key.emit(label)
                return
        super().keyPressEvent(event)


class LabelAllDialog(QDialog):
    def __init__(
        self, text: str, label: str | None, candidates: Sequence[int], find: Finder, bodies: Bodies, language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("label_all_dialog")
        self.setWindowTitle(self.tr("Label all occurrences"))
        self.text = text
        self.model = OccurrenceModel(text, candidates, find, bodies, self)
        box = QVBoxLayout(self)
        intro = QLabel(
            fill(
                self.tr(
                    "Every occurrence of 「%1」 in articles not yet reviewed that no span covers yet. "
                    "Untick the ones that are not meant (Space), then press Enter."
                ),
                text,
            ),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)  # the text is the page's, never markup
        intro.setWordWrap(True)
        box.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Label as:"), self))
        self.label_combo = QComboBox(self)
        self.label_combo.setObjectName("label_all_label")
        for style in label_styles():
            self.label_combo.addItem(f"{style.key}  {style.display_name(language)} ({style.label})", style.label)
        self.label_combo.setPlaceholderText(self.tr("Choose a label (keys 1–7)"))
        self.label_combo.setCurrentIndex(self.label_combo.findData(label) if label else -1)
        row.addWidget(self.label_combo, 1)
        box.addLayout(row)
        self.table = OccurrenceTable(self)
        self.table.setObjectName("label_all_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # the text after a hit: cut at its far end
        self.table.setItemDelegateForColumn(COL_LEFT, _ElideLeft(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        em = self.fontMetrics().horizontalAdvance("中")
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_TICK, em * 2)
        header.resizeSection(COL_LEFT, em * 13)
        header.resizeSection(COL_HIT, max(em * 4, self.fontMetrics().horizontalAdvance(text) + em * 2))
        header.resizeSection(COL_RIGHT, em * 13)
        header.setSectionResizeMode(COL_ARTICLE, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.table, 1)
        self.status = QLabel(self)
        self.status.setObjectName("label_all_status")
        self.status.setWordWrap(True)
        box.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.tick_all = QPushButton(self.tr("Tick all"), self)
        self.untick_all = QPushButton(self.tr("Untick all"), self)
        for button in (self.tick_all, self.untick_all):
            button.setAutoDefault(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button = buttons.addButton(self.tr("Label"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("label_all_apply")
        self.apply_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.tick_all.clicked.connect(lambda: self.model.set_all(True))
        self.untick_all.clicked.connect(lambda: self.model.set_all(False))
        self.model.dataChanged.connect(lambda *_: self._update())
        self.model.rowsInserted.connect(lambda *_: self._first_row())
        self.label_combo.currentIndexChanged.connect(lambda _i: self._update())
        self.table.label_key.connect(lambda label: self.label_combo.setCurrentIndex(self.label_combo.findData(label)))
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._scan)
        self._timer.start()
        self._update()
        self.resize(min(980, max(720, em * 56)), 560)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.setFocus()  # the keys (arrows, Space, 1–7, Enter) work on the list at once

    @property
    def label(self) -> str | None:
        return self.label_combo.currentData()

    def targets(self) -> list[tuple[int, int, int]]:
        """(article id, start, end) of the ticked occurrences."""
        return self.model.ticked()

    def finish_search(self) -> None:
        """Scan what is left at once (tests, and Label pressed early)."""
        self.model.scan_all()
        self._timer.stop()
        self._update()

    def accept(self) -> None:
        if not self.model.finished or self.label is None or not self.model.n_ticked:
            return
        super().accept()

    def done(self, result: int) -> None:
        self._timer.stop()
        super().done(result)

    def _scan(self) -> None:
        if not self.model.scan_step():
            self._timer.stop()
        self._update()

    def _first_row(self) -> None:
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, COL_HIT))

    def _update(self) -> None:
        m = self.model
        if not m.finished:
            scanned, total = m.progress
            text = fill(self.tr("Searching… %1 of %2 articles read; %3 occurrences so far"), scanned, total, m.found)
        elif not m.found:
            text = self.tr("No occurrence is left to label: each one is labelled already, or in a reviewed article.")
        else:
            text = fill(self.tr("%1 occurrences in %2 articles; %3 ticked."), m.found, m.n_articles, m.n_ticked)
        if m.left_out:
            text += " " + fill(self.tr("%1 reviewed or rejected articles that contain it are left as they are."), len(m.left_out))
        self.status.setText(text)
        self.apply_button.setText(fill(self.tr("Label %1 ticked"), m.n_ticked) if m.finished else self.tr("Label"))
        self.apply_button.setEnabled(m.finished and self.label is not None and m.n_ticked > 0)
