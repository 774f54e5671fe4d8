"""Hovered and selected items are readable in every drop-down list and item view, in
both languages (issue 14, item 9).

The colours are read from pixels the application's own style sheet painted: a
combo box's popup is opened and the mouse moved over an item (the popup follows
the mouse, as for an editor), and an item of each list and table is painted by
its own delegate in the hovered, selected and hovered+selected states.  The
text must stand out from its background by the WCAG ratio for normal text (4.5).
Before the fix the hovered item of a combo box was white text on white.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.ui.settings import EDITOR_NAME, LANGUAGE, Settings

WCAG_NORMAL_TEXT = 4.5


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def text_contrast(image: QImage) -> tuple[float, str, str]:
    """(contrast ratio, background, text colour): the background is the commonest colour,
    the text the pixel that differs from it most."""
    counts: Counter[int] = Counter()
    for y in range(image.height()):
        for x in range(image.width()):
            counts[image.pixel(x, y)] += 1
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    text = max((QColor.fromRgb(p) for p in counts), key=lambda c: abs(luminance(c) - luminance(background)))
    high, low = sorted((luminance(background), luminance(text)), reverse=True)
    return (high + 0.05) / (low + 0.05), background.name(), text.name()


def combo_hover_contrast(qtbot, combo: QComboBox) -> tuple[float, str, str]:
    """Open the popup, move the mouse onto an item and read the pixels of that item."""
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    row = 1 if combo.count() > 1 else 0
    rect = view.visualRect(combo.model().index(row, combo.modelColumn()))
    QTest.mouseMove(view.viewport(), rect.center())
    qtbot.waitUntil(lambda: view.currentIndex().row() == row)  # the popup follows the mouse
    image = view.viewport().grab(rect.adjusted(3, 3, -3, -3)).toImage()
    combo.hidePopup()
    return text_contrast(image)


def item_contrasts(view: QAbstractItemView, index: QModelIndex) -> dict[str, tuple[float, str, str]]:
    """Paint ``index`` with the view's delegate in each interesting state; the text area's contrast."""
    State = QStyle.StateFlag
    delegate = view.itemDelegateForIndex(index)
    out = {}
    for name, extra in (("hovered", State.State_MouseOver), ("selected", State.State_Selected),
                        ("hovered+selected", State.State_MouseOver | State.State_Selected)):
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = view.visualRect(index)
        option.state |= extra | State.State_Enabled | State.State_Active
        image = QImage(option.rect.size(), QImage.Format.Format_RGB32)
        image.fill(view.palette().base().color())
        painter = QPainter(image)
        painter.translate(-option.rect.topLeft())
        delegate.paint(painter, option, index)
        painter.end()
        area = option.rect
        if isinstance(delegate, QStyledItemDelegate):
            styled = QStyleOptionViewItem(option)
            delegate.initStyleOption(styled, index)
            area = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, styled, view)
        area = area.translated(-option.rect.topLeft()).intersected(image.rect()).adjusted(1, 1, -1, -1)
        out[name] = text_contrast(image.copy(area))
    return out


@pytest.fixture(params=["zh_CN", "en"])
def window_in(request, qtbot, qapp, tmp_path: Path, project_path: Path):
    from desktop.ui.app import build_main_window, configure_application

    settings = Settings(tmp_path / f"settings-{request.param}.ini")
    settings.set(EDITOR_NAME, "测试编辑")
    settings.set(LANGUAGE, request.param)
    configure_application(qapp, settings)
    window = build_main_window(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.project.open_project(project_path)
    yield window
    window.close()
    settings.set(LANGUAGE, "zh_CN")
    configure_application(qapp, settings)


def _combos(window) -> list[tuple[str, QComboBox, QWidget | None]]:
    """Every combo box an editor meets: the window's, the author role editor's, the dialogs'."""
    from desktop.ui.dialogs.export_dialog import ExportDialog
    from desktop.ui.dialogs.preferences import PreferencesDialog

    found: list[tuple[str, QComboBox, QWidget | None]] = []
    for combo in window.findChildren(QComboBox):
        if combo.isVisibleTo(window):
            found.append((combo.objectName() or "combo", combo, None))
    authors = window.fields.authors
    authors.add_author()  # the role cell's editor is a combo box
    table = authors.table
    row = table.rowCount() - 1
    table.closePersistentEditor(table.item(row, 0))
    table.openPersistentEditor(table.item(row, 1))
    role = table.cellWidget(row, 1) or table.indexWidget(table.model().index(row, 1))
    assert isinstance(role, QComboBox)
    found.append(("author_role", role, None))
    for dialog in (PreferencesDialog(window.ctx.settings, window), ExportDialog(window.ctx.store, window.ctx.interaction, window)):
        dialog.show()
        for combo in dialog.findChildren(QComboBox):
            found.append((f"{dialog.objectName()}:{combo.objectName() or combo.currentText()}", combo, dialog))
    return found


def test_hovered_items_of_every_drop_down_list_are_readable(qtbot, window_in):
    names, poor = [], []
    for name, combo, _dialog in _combos(window_in):
        ratio, background, text = combo_hover_contrast(qtbot, combo)
        names.append(name)
        if ratio < WCAG_NORMAL_TEXT:
            poor.append(f"{name}: {text} on {background} ({ratio:.1f})")
    assert {"filter_status", "filter_tag", "filter_label", "field_status", "author_role", "preferences:pref_language"} <= set(names)
    assert not poor, poor


def test_hovered_and_selected_items_of_every_list_and_table_are_readable(qtbot, window_in):
    from desktop.ui.dialogs.export_dialog import ExportDialog
    from desktop.ui.dialogs.history import HistoryDialog
    from desktop.ui.models.span_list import COL_TEXT

    w = window_in
    store = w.ctx.store
    article = store.get_article(w.ctx.article_id or store.article_ids()[0])
    store.set_field(article.id, "title", "新标题")
    history = HistoryDialog(article.title, store.article_history(article.id), w)
    export = ExportDialog(store, w.ctx.interaction, w)
    for dialog in (history, export):
        dialog.show()
    views = {
        "article list": (w.article_list.table, 2),
        "span list": (w.span_table, COL_TEXT),
        "authors": (w.fields.authors.table, 0),
        "tags": (w.fields.tags.list, 0),
        "history": (history.table, 2),
        "export pages": (export.pages_list, 0),
    }
    poor = []
    for name, (view, column) in views.items():
        model = view.model()
        assert model.rowCount() > 0, name
        for state, (ratio, background, text) in item_contrasts(view, model.index(0, column)).items():
            if ratio < WCAG_NORMAL_TEXT:
                poor.append(f"{name} {state}: {text} on {background} ({ratio:.1f})")
    assert not poor, poor
    for dialog in (history, export):
        dialog.close()
