"""Search as an editor uses it (issue 14, item 4): the hit count, every hit framed in the
shown article in a colour of its own, a count and a snippet per article in the results,
F3 / Shift+F3 from hit to hit across articles, Down/Enter from the search box into the list."""

from __future__ import annotations

from desk_helpers import CTRL, SHIFT, press, type_chinese
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from desktop.store.records import ArticleFilter
from desktop.store.textindex import hit_ranges
from desktop.ui.label_palette import SEARCH_HIT, SELECTION_BACKGROUND, label_styles
from desktop.ui.models.article_table import COL_HITS, COL_SNIPPET, COL_TITLE, MARKS_ROLE

QUERY = "社区"


def _search(qtbot, w, query: str, key: Qt.Key) -> None:
    w.article_view.text.setFocus()
    press(qtbot, Qt.Key.Key_F, CTRL)
    bar = w.article_list.filter_bar
    assert bar.search.hasFocus()
    type_chinese(bar.search, query)
    press(qtbot, key)


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_down_goes_into_the_results_which_show_counts_and_snippets(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    _search(qtbot, w, QUERY, Qt.Key.Key_Down)
    table, model = w.article_list.table, w.article_list.model
    assert QApplication.focusWidget() is table  # Down left the search box for the list
    expected = store.article_ids(ArticleFilter(query=QUERY))
    assert model.rowCount() == len(expected) > 1
    assert table.currentIndex().row() == 0 and w.ctx.article_id == expected[0]
    label = w.article_list.filter_bar.hits_label
    assert label.isVisible() and f"{len(expected)} 篇文章" in label.text()
    assert not table.isColumnHidden(COL_HITS) and not table.isColumnHidden(COL_SNIPPET)
    for row, article_id in enumerate(expected):
        record = store.get_article(article_id)
        count = len(hit_ranges(record.body, QUERY)) + len(hit_ranges(record.title, QUERY))
        assert model.data(model.index(row, COL_HITS)) == count
        snippet = model.data(model.index(row, COL_SNIPPET))
        marks = model.data(model.index(row, COL_SNIPPET), MARKS_ROLE)
        if hit_ranges(record.body, QUERY):
            assert marks and all(snippet[s:e] == QUERY for s, e in marks)
    press(qtbot, Qt.Key.Key_Down)  # the arrow keys walk the results (page column hidden while searching)
    assert table.currentIndex().row() == 1 and w.ctx.article_id == expected[1]
    press(qtbot, Qt.Key.Key_Up)
    assert w.ctx.article_id == expected[0]
    # Enter in the list goes into the text, at the first hit, selected
    press(qtbot, Qt.Key.Key_Return)
    view = w.article_view
    assert QApplication.focusWidget() is view.text
    assert view.current_hit == 0
    assert view.text.textCursor().selectedText() == QUERY
    assert "本文第 1/" in label.text()


def test_every_hit_is_framed_in_a_colour_of_its_own(qtbot, main_window):
    w = main_window
    _search(qtbot, w, QUERY, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is w.article_list.table  # Enter searches at once and goes to the list
    view = w.article_view
    body = w.ctx.record.body
    assert view.hits == hit_ranges(body, QUERY) and len(view.hits) >= 1
    press(qtbot, Qt.Key.Key_Return)  # into the text, at the first hit
    qtbot.wait(50)
    frames = view.text.hit_frames()
    assert frames, "no hit framed in the visible part"
    image = view.text.viewport().grab().toImage()
    frame = frames[0]
    border = [image.pixelColor(x, int(frame.top())) for x in range(int(frame.left()), int(frame.right()) + 1)]
    assert any(_distance(c, SEARCH_HIT) < 90 for c in border), [c.name() for c in border]
    # the frame colour is no label's colour and not the selection's
    for style in label_styles():
        assert _distance(SEARCH_HIT, style.color) > 150 and _distance(SEARCH_HIT, style.border) > 100
    assert _distance(SEARCH_HIT, SELECTION_BACKGROUND) > 150


def test_f3_and_shift_f3_go_from_hit_to_hit_across_articles(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    _search(qtbot, w, QUERY, Qt.Key.Key_Return)
    order = [(a, i) for a in store.article_ids(ArticleFilter(query=QUERY))
             for i in range(max(1, len(hit_ranges(store.get_article(a).body, QUERY))))]
    w.ctx.select_article(order[0][0])
    w.article_view.text.setFocus()
    visited = []
    for _ in range(len(order) + 1):
        press(qtbot, Qt.Key.Key_F3)
        visited.append((w.ctx.article_id, w.article_view.current_hit))
        if w.article_view.hits:
            start, end = w.article_view.hits[w.article_view.current_hit]
            assert w.article_view.selected_range() == (start, end)
    assert visited[: len(order)] == order
    assert visited[-1] == order[0]  # round again from the first article
    assert w.status_panel.currentMessage()
    press(qtbot, Qt.Key.Key_F3, SHIFT)  # back: the last hit of the last article
    assert (w.ctx.article_id, w.article_view.current_hit) == order[-1]
    press(qtbot, Qt.Key.Key_F3, SHIFT)
    assert (w.ctx.article_id, w.article_view.current_hit) == order[-2]


def test_a_cleared_search_leaves_no_frames_and_the_usual_columns(qtbot, main_window):
    w = main_window
    _search(qtbot, w, QUERY, Qt.Key.Key_Return)
    bar = w.article_list.filter_bar
    bar.search.clear()
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    assert w.article_view.hits == [] and w.article_view.text.hit_frames() == []
    assert w.article_list.table.isColumnHidden(COL_SNIPPET) and not w.article_list.table.isColumnHidden(COL_TITLE)
    assert not bar.hits_label.isVisible()
