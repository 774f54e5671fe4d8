"""The fields panel and the tables beside the article show everything, in both languages
and on 1366×768 and 1920×1080 screens (issue 14, item 8).

Before: the authors table showed one row (two of three authors and a new row being
typed were hidden), "新标签…" was half hidden, the note was below the fold; table cells
were cut ("000_39…", "PERCE…", "unr…") and the English window was wider than a
1366-pixel screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QScrollArea, QStyleOptionViewItem

from desktop.ui.settings import EDITOR_NAME, LANGUAGE, Settings

SCREENS = [(1366, 768), (1920, 1080)]
AUTHORS = [{"name": "李鹏飞", "role": "记者"}, {"name": "王小明", "role": "通讯员"}, {"name": "欧阳晓晓", "role": "实习记者"}]


@pytest.fixture(params=[(lang, size) for lang in ("zh_CN", "en") for size in SCREENS],
                ids=lambda p: f"{p[0]}-{p[1][0]}x{p[1][1]}")
def window_on_screen(request, qtbot, qapp, tmp_path: Path, project_path: Path):
    """The main window in a language, sized as it is maximised on a screen of that size
    (minus a panel of 40 pixels)."""
    from desktop.ui.app import build_main_window, configure_application

    language, (width, height) = request.param
    settings = Settings(tmp_path / "settings.ini")
    settings.set(EDITOR_NAME, "测试编辑")
    settings.set(LANGUAGE, language)
    configure_application(qapp, settings)
    window = build_main_window(settings)
    qtbot.addWidget(window)
    window.resize(width, height - 40)
    window.show()
    qtbot.waitExposed(window)
    assert window.project.open_project(project_path)
    yield window, (width, height - 40)
    window.close()
    settings.set(LANGUAGE, "zh_CN")
    configure_application(qapp, settings)


def _inside(inner: QRect, outer: QRect) -> bool:
    return outer.contains(inner.topLeft()) and outer.contains(inner.bottomRight())


def _visible_in_scroll(scroll, widget) -> bool:
    """Whether ``widget`` can be scrolled fully into the scroll area's view (once laid out).
    (``ensureWidgetVisible`` would only bring a text or table's cursor into view.)"""
    QApplication.processEvents()
    top = widget.mapTo(scroll.widget(), QPoint(0, 0)).y()
    bar = scroll.verticalScrollBar()
    bar.setValue(top + widget.height() - scroll.viewport().height())  # bottom in view (clamped)
    if top < bar.value():
        bar.setValue(top)
    QApplication.processEvents()
    return _inside(QRect(widget.mapTo(scroll.viewport(), QPoint(0, 0)), widget.size()), scroll.viewport().rect())


def test_every_author_tag_and_the_note_are_in_reach(qtbot, window_on_screen):
    w, (width, height) = window_on_screen
    assert w.width() <= width and w.minimumSizeHint().width() <= width, "the window is wider than the screen"
    ctx = w.ctx
    article_id = ctx.article_id or ctx.store.article_ids()[0]
    ctx.apply(lambda store: store.set_authors(article_id, AUTHORS))
    ctx.select_article(None)
    ctx.select_article(article_id)
    authors = w.fields.authors
    qtbot.mouseClick(authors.add_button, Qt.MouseButton.LeftButton)  # a fourth row, being typed
    QApplication.processEvents()
    table = authors.table
    assert table.rowCount() == 4
    for row in range(table.rowCount()):
        assert _inside(table.visualRect(table.model().index(row, 0)), table.viewport().rect()), f"author row {row} hidden"
    scroll = w.findChild(QScrollArea, "fields_scroll")
    assert _visible_in_scroll(scroll, table)
    # every tag chip inside the list, the button below it and the note reachable and whole
    tags = w.fields.tags
    for i in range(tags.list.count()):
        rect = tags.list.visualItemRect(tags.list.item(i))
        assert _inside(rect, tags.list.viewport().rect()), f"tag {tags.list.item(i).text()} hidden"
    assert _visible_in_scroll(scroll, tags.add_button)
    assert tags.add_button.fontMetrics().horizontalAdvance(tags.add_button.text()) <= tags.add_button.width()
    note = w.fields.note
    assert _visible_in_scroll(scroll, note)
    assert note.height() >= 3 * note.fontMetrics().lineSpacing()


def _fits(view, column: int, text: str) -> bool:
    return view.fontMetrics().horizontalAdvance(text) + 8 <= view.columnWidth(column)


def test_cells_show_statuses_and_labels_in_full_and_elide_in_the_middle(qtbot, window_on_screen):
    from desktop.pipeline.model import STATUSES
    from desktop.ui.label_palette import label_styles
    from desktop.ui.models.article_table import COL_PAGE, COL_STATUS, status_text
    from desktop.ui.models.span_list import COL_LABEL, COL_ORIGIN, COL_VALUE

    w, _size = window_on_screen
    english = w.ctx.settings.language() == "en"
    # the article list: every status in full, in the interface language; page names lose their middle
    table, model = w.article_list.table, w.article_list.model
    for status in STATUSES:
        name = status_text(status)
        assert (name == status.replace("_", " ")) == english, name  # translated in the Chinese interface
        assert _fits(table, COL_STATUS, name), f"status {name!r} clipped"
    assert _fits(table, COL_PAGE, "000_3…241")
    page_index = model.index(0, COL_PAGE)
    option = QStyleOptionViewItem()
    table.itemDelegateForIndex(page_index).initStyleOption(option, page_index)
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    tip = QTextDocument()
    tip.setHtml(model.data(page_index, Qt.ItemDataRole.ToolTipRole))
    assert tip.toPlainText() == model.data(page_index)  # the full name as tool tip
    # the span list: label names, not codes, in full; values elide in the middle with a tool tip
    spans = w.span_table
    for style in label_styles():
        name = style.en if english else style.zh
        assert _fits(spans, COL_LABEL, name), f"label {name!r} clipped"
    assert _fits(spans, COL_VALUE, "1200000000")
    for origin in ("machine", "editor", "imported") if english else ("机器", "编辑", "导入"):
        assert _fits(spans, COL_ORIGIN, origin), origin
    uncertain = "machine ? 42%" if english else "机器 ? 42%"  # a machine span the model is unsure of
    assert spans.model().uncertain_origin_text("auto", 0.42) == uncertain
    assert _fits(spans, COL_ORIGIN, uncertain), uncertain
    smodel = spans.model()
    first = smodel.index(0, COL_LABEL)
    assert smodel.data(first) in {style.en if english else style.zh for style in label_styles()}
    assert spans.textElideMode() == Qt.TextElideMode.ElideMiddle
