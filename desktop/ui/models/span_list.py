"""The spans of the current article as a Qt table model.

Owns: ``SpanListModel`` (columns label, text, value, origin; uncertain machine
spans first, marked with their confidence, then the others by place) and the text
form of normalised values: MONEY as an integer number of yuan, DATE as an ISO
date or an ISO interval ``start/end``.  The value column is editable for
MONEY and DATE spans; an accepted edit is handed to ``value_edited`` (the
fields panel turns it into an undoable command).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from desktop.store.records import SpanRow
from desktop.ui.i18n import QT_TRANSLATE_NOOP, fill
from desktop.ui.label_palette import label_text, style_for
from desktop.ui.plain_text import tooltip
from desktop.ui.uncertainty import is_uncertain, span_order, threshold

SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
EDITABLE_VALUE_LABELS = ("MONEY", "DATE")
COLUMNS = (
    QT_TRANSLATE_NOOP("SpanListModel", "Label"),
    QT_TRANSLATE_NOOP("SpanListModel", "Text"),
    QT_TRANSLATE_NOOP("SpanListModel", "Value"),
    QT_TRANSLATE_NOOP("SpanListModel", "Origin"),
)
COL_LABEL, COL_TEXT, COL_VALUE, COL_ORIGIN = range(4)

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# The roles data() answers, as plain ints: the view asks each painted cell for seven roles
# (font, alignment, colours, check state, decoration, display, background); the others are
# answered at once.
_ANSWERED_ROLES = frozenset(
    int(r) for r in (
        SPAN_ID_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
    )
)


def value_to_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict) and "start" in value:
        return f"{value.get('start')}/{value.get('end')}"
    return str(value)


def parse_value(label: str, text: str) -> tuple[bool, Any]:
    """(ok, value) for the text an editor typed into the value column."""
    text = text.strip()
    if text == "":
        return True, None
    if label == "MONEY":
        digits = text.replace(",", "").replace("，", "").replace(" ", "")
        if re.fullmatch(r"\d+", digits):
            return True, int(digits)
        return False, None
    if label == "DATE":
        if "/" in text:
            start, _, end = text.partition("/")
            start, end = start.strip(), end.strip()
            if _ISO_DATE.match(start) and _ISO_DATE.match(end) and start <= end:
                return True, {"start": start, "end": end}
            return False, None
        return (True, text) if _ISO_DATE.match(text) else (False, None)
    return False, None


class SpanListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._spans: list[SpanRow] = []
        self._shown_as: tuple[list[SpanRow], float] | None = None  # (rows, uncertainty threshold) shown
        self.value_edited: Callable[[SpanRow, Any], None] | None = None
        self.invalid_value: Callable[[str], None] | None = None

    def set_spans(self, spans: list[SpanRow]) -> None:
        ordered = span_order(spans)  # uncertain machine spans first, then by place
        shown_as = (ordered, threshold())
        if shown_as == self._shown_as:
            return  # the same rows (an edit of a field, the note, tags…): no reset, no repaint
        self.beginResetModel()
        self._spans, self._shown_as = ordered, shown_as
        self.endResetModel()

    def spans(self) -> list[SpanRow]:
        return list(self._spans)

    def row_of(self, span_id: int | None) -> int:
        for i, span in enumerate(self._spans):
            if span.id == span_id:
                return i
        return -1

    def span_at(self, row: int) -> SpanRow | None:
        return self._spans[row] if 0 <= row < len(self._spans) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        span = self._spans[index.row()]
        if index.column() == COL_VALUE and span.label in EDITABLE_VALUE_LABELS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES or not index.isValid() or not 0 <= index.row() < len(self._spans):
            return None
        span = self._spans[index.row()]
        col = index.column()
        if role == SPAN_ID_ROLE:
            return span.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == COL_LABEL:
                return span.label if role == Qt.ItemDataRole.EditRole else label_text(span.label)
            if col == COL_TEXT:
                return span.text
            if col == COL_VALUE:
                return value_to_text(span.value)
            if col == COL_ORIGIN:
                if is_uncertain(span):
                    return self.uncertain_origin_text(span.origin, span.confidence or 0.0)
                return self.origin_text(span.origin)
        if role == Qt.ItemDataRole.BackgroundRole and col == COL_LABEL:
            return QBrush(style_for(span.label).color)
        if role == Qt.ItemDataRole.ToolTipRole:  # the full text of a cell elided in the middle; never markup
            if col == COL_LABEL:
                return tooltip(f"{label_text(span.label)} ({span.label})")
            if col == COL_TEXT:
                return tooltip(span.text)
            if col == COL_VALUE:
                hint = self.tr("MONEY: yuan as a whole number; DATE: YYYY-MM-DD or start/end")
                value = value_to_text(span.value)
                if span.label in EDITABLE_VALUE_LABELS:
                    return tooltip(f"{value}\n{hint}" if value else hint)
                return tooltip(value) if value else None
            if col == COL_ORIGIN:
                if is_uncertain(span):
                    return tooltip(fill(self.tr("machine, uncertain: the model gives it %1%"), round((span.confidence or 0.0) * 100)))
                return tooltip(self.origin_text(span.origin))
        return None

    def origin_text(self, origin: str) -> str:
        """Whose the span is, in the interface language."""
        return {"auto": self.tr("machine"), "human": self.tr("editor"), "imported": self.tr("imported")}.get(origin, origin)

    def uncertain_origin_text(self, origin: str, confidence: float) -> str:
        """The origin cell of an uncertain machine span: whose it is, and the model's confidence."""
        return f"{self.origin_text(origin)} ? {round(confidence * 100)}%"

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != COL_VALUE:
            return False
        span = self._spans[index.row()]
        if span.label not in EDITABLE_VALUE_LABELS:
            return False
        ok, parsed = parse_value(span.label, str(value))
        if not ok:
            if self.invalid_value is not None:
                self.invalid_value(str(value))
            return False
        if parsed == span.value:
            return False
        if self.value_edited is not None:
            self.value_edited(span, parsed)  # the store write refreshes this model
        return True
