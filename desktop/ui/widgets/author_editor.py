"""Editing an article's authors: name + role rows that can be added and removed.

Owns: ``AuthorEditor``, a small table (name, role from ``ROLES``) with add and
remove buttons.  The table is as tall as its rows (plus the row being typed),
so every author is visible and the fields panel scrolls as a whole; names
elide in the middle with the full name as tool tip.  Every change produces
the full new list through ``authors_changed``; the fields panel turns it into
an undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.pipeline.model import ROLES
from desktop.ui.plain_text import tooltip


class _RoleDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(list(ROLES))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data() or ROLES[0]))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class AuthorEditor(QWidget):
    authors_changed = Signal(list)  # list[dict[str, str]]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("authors_table")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setItemDelegateForColumn(1, _RoleDelegate(self.table))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustIgnored)
        model = self.table.model()
        model.rowsInserted.connect(self._fit_height)
        model.rowsRemoved.connect(self._fit_height)
        model.modelReset.connect(self._fit_height)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add author"), self)
        self.add_button.setObjectName("add_author")
        self.remove_button = QPushButton(self.tr("Remove author"), self)
        self.remove_button.setObjectName("remove_author")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._loading = False
        self._authors: list[dict[str, str]] = []
        self.table.itemChanged.connect(self._on_item_changed)
        self.add_button.clicked.connect(self.add_author)
        self.remove_button.clicked.connect(self.remove_selected)
        self._fit_height()

    def _fit_height(self) -> None:
        """Exactly as tall as the header and every row (room for one row when there is none)."""
        table = self.table
        rows = max(table.rowCount(), 1)
        height = table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(height + 2 * table.frameWidth())

    def set_authors(self, authors: list[dict[str, str]]) -> None:
        wanted = [{"name": a.get("name", ""), "role": a.get("role", ROLES[-1])} for a in authors]
        if wanted == self._authors and self._shows(wanted):
            return  # the table shows exactly these rows: refilling it would only repaint it
        self._loading = True
        self._authors = wanted
        self.table.setRowCount(len(self._authors))
        for row, author in enumerate(self._authors):
            self.table.setItem(row, 0, self._name_item(author["name"]))
            self.table.setItem(row, 1, QTableWidgetItem(author["role"]))
        self._loading = False

    def _shows(self, authors: list[dict[str, str]]) -> bool:
        """True when the table's rows are ``authors``, cell for cell, and nothing more."""
        table = self.table
        if table.rowCount() != len(authors):
            return False
        for row, author in enumerate(authors):
            name, role = table.item(row, 0), table.item(row, 1)
            if name is None or role is None or name.text() != author["name"] or role.text() != author["role"]:
                return False
        return True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API: the header's height is known once polished
        super().showEvent(event)
        self._fit_height()

    @staticmethod
    def _name_item(name: str) -> QTableWidgetItem:
        item = QTableWidgetItem(name)
        item.setToolTip(tooltip(name))
        return item

    def authors(self) -> list[dict[str, str]]:
        return [dict(a) for a in self._authors]

    def add_author(self) -> None:
        """Add a row and start editing its name; the row is saved once named."""
        self._loading = True
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(""))
        self.table.setItem(row, 1, QTableWidgetItem("记者"))
        self._loading = False
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < self.table.rowCount():
            self.table.removeRow(row)
            self._emit_if_changed()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        if item.column() == 0:
            self._loading = True
            item.setToolTip(tooltip(item.text()))
            self._loading = False
        self._emit_if_changed()

    def _rows(self) -> list[dict[str, str]]:
        rows = []
        for row in range(self.table.rowCount()):
            name_item, role_item = self.table.item(row, 0), self.table.item(row, 1)
            name = name_item.text().strip() if name_item else ""
            role = role_item.text().strip() if role_item else ROLES[-1]
            if name:  # an unnamed row is not an author (yet)
                rows.append({"name": name, "role": role if role in ROLES else ROLES[-1]})
        return rows

    def _emit_if_changed(self) -> None:
        rows = self._rows()
        if rows != self._authors:
            self._authors = rows
            self.authors_changed.emit(rows)
