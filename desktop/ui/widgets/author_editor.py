"""Editing an article's authors: name + role rows that can be added and removed.

Owns: ``AuthorEditor``, a small table (name, role from ``ROLES``) with add and
remove buttons.  Every change produces the full new list through
``authors_changed``; the fields panel turns it into an undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Signal,
)
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
        self.table.setMaximumHeight(150)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
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

    def set_authors(self, authors: list[dict[str, str]]) -> None:
        self._loading = True
        self._authors = [{"name": a.get("name", ""), "role": a.get("role", ROLES[-1])} for a in authors]
        self.table.setRowCount(len(self._authors))
        for row, author in enumerate(self._authors):
            self.table.setItem(row, 0, QTableWidgetItem(author["name"]))
            self.table.setItem(row, 1, QTableWidgetItem(author["role"]))
        self._loading = False

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
        self.table.editItem(self.table.item(row, 0))

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < self.table.rowCount():
            self.table.removeRow(row)
            self._emit_if_changed()

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
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
