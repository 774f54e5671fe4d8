"""Right-clicking a span, accepting one span, deleting the last one, and how spans and
the selection look (issue 14, item 11)."""

from __future__ import annotations

from desk_helpers import CTRL, ModalAnswer, press, select_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from desktop.ui.label_palette import SELECTION_BACKGROUND, label_styles, style_for
from desktop.ui.widgets.span_highlighter import highlighted_ranges


def _point_of(window, offset: int) -> QPoint:
    text = window.article_view.text
    cursor = QTextCursor(text.document())
    cursor.setPosition(text.offsets.to_utf16(offset))
    text.setTextCursor(cursor)
    text.ensureCursorVisible()
    rect = text.cursorRect(cursor)
    return QPoint(rect.right() + 3, rect.center().y())  # inside the character after the caret


def _right_click(qtbot, window, offset: int, handler) -> None:
    """A right-click as the window system delivers it: the button, then the context-menu event
    (QTest's mouse clicks do not synthesise the latter)."""
    answer = ModalAnswer(handler, popup=True)
    viewport = window.article_view.text.viewport()
    pos = _point_of(window, offset)
    qtbot.mousePress(viewport, Qt.MouseButton.RightButton, pos=pos)
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos)))
    qtbot.mouseRelease(viewport, Qt.MouseButton.RightButton, pos=pos)
    answer.check()


def _click_item(qtbot, menu: QMenu, text: str) -> None:
    action = next(a for a in menu.actions() if a.text().replace("&", "").startswith(text))
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def _machine_span(ctx, store):
    for article_id in store.article_ids():
        record = store.get_article(article_id)
        machine = [s for s in record.spans if s.origin == "auto" and s.end - s.start >= 2]
        if len(machine) >= 3:
            ctx.select_article(article_id)
            return record, machine
    raise AssertionError("no article with machine spans")


def test_the_span_menu_relabels_accepts_and_opens_the_span_history(qtbot, main_window):
    w, ctx, store = main_window, main_window.ctx, main_window.ctx.store
    record, machine = _machine_span(ctx, store)
    span = machine[0]
    seen: dict = {}

    def look_and_relabel(menu) -> None:
        assert isinstance(menu, QMenu)
        texts = [a.text().replace("&", "") for a in menu.actions()]
        seen["texts"] = texts
        labels = next(a.menu() for a in menu.actions() if a.menu() is not None)
        seen["labels"] = [(a.text(), a.isChecked()) for a in labels.actions()]
        seen["accept_enabled"] = next(a for a in menu.actions() if a.objectName() == "span_menu_accept").isEnabled()
        _click_item(qtbot, menu, labels.title().replace("&", ""))  # opens the submenu
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is labels, timeout=2000)
        person = next(a for a in labels.actions() if "(PER)" in a.text())
        qtbot.mouseClick(labels, Qt.MouseButton.LeftButton, pos=labels.actionGeometry(person).center())

    _right_click(qtbot, w, span.start + 1, look_and_relabel)
    assert ctx.span_id == span.id  # the right-clicked span became current
    assert len(seen["labels"]) == len(label_styles())
    assert [checked for _t, checked in seen["labels"]].count(True) == 1  # its label is ticked
    assert seen["accept_enabled"]
    joined = " | ".join(seen["texts"])
    for wanted in ("删除标注", "在本文中标注所有相同文字", "在整个项目中标注所有相同文字", "此标注的修改记录"):
        assert wanted in joined, joined
    changed = next(s for s in store.get_article(record.id).spans if s.id == span.id)
    assert changed.label == "PER" and changed.origin == "human" and changed.suggested == "auto"

    # accept another machine span from the menu; undo gives the machine its span back
    other = machine[1]
    _right_click(qtbot, w, other.start + 1, lambda menu: _click_item(qtbot, menu, "接受此标注"))
    accepted = next(s for s in store.get_article(record.id).spans if s.id == other.id)
    assert (accepted.origin, accepted.suggested, accepted.label) == ("human", "auto", other.label)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert next(s for s in store.get_article(record.id).spans if s.id == other.id).origin == "auto"

    # the history of this one span
    shown: dict = {}

    def history(dialog) -> None:
        shown["title"] = dialog.windowTitle()
        shown["events"] = list(w.history.shown_events)
        dialog.reject()

    answer = ModalAnswer(history)
    _right_click(qtbot, w, span.start + 1, lambda menu: _click_item(qtbot, menu, "此标注的修改记录"))
    answer.check()
    assert span.text in shown["title"]
    assert [e.action for e in shown["events"]] == ["update_span"]  # the relabel, and nothing of other spans
    assert shown["events"][0].before["id"] == span.id


def test_a_key_accepts_the_span_and_moves_to_the_next_machine_span(qtbot, main_window):
    w, ctx, store = main_window, main_window.ctx, main_window.ctx.store
    record, machine = _machine_span(ctx, store)
    w.article_view.text.setFocus()
    ctx.select_span(machine[0].id)
    press(qtbot, Qt.Key.Key_A)
    after = {s.id: s for s in store.get_article(record.id).spans}
    assert after[machine[0].id].origin == "human" and after[machine[0].id].suggested == "auto"
    assert ctx.span_id == machine[1].id  # on to the next span still waiting for a check


def test_deleting_the_last_span_keeps_the_view_where_it_was(qtbot, main_window):
    w, ctx, store = main_window, main_window.ctx, main_window.ctx.store
    w.resize(1366, 900)
    ids = sorted(store.article_ids(), key=lambda a: -len(store.get_article(a).body))
    ctx.select_article(ids[0])  # the longest article: its end is far below the top
    spans = sorted(ctx.record.spans, key=lambda s: s.start)
    text = w.article_view.text
    text.setFocus()
    ctx.select_span(spans[-1].id)
    qtbot.wait(50)
    bar = text.verticalScrollBar()
    before = bar.value()
    assert before > 0
    press(qtbot, Qt.Key.Key_Delete)
    qtbot.wait(50)
    assert spans[-1].id not in {s.id for s in store.get_article(ids[0]).spans}
    assert ctx.span_id == spans[-2].id  # the one before it, not the first span
    assert bar.value() > before // 2, (before, bar.value())  # not thrown back to the top
    shown = QTextCursor(text.document())
    shown.setPosition(text.offsets.to_utf16(spans[-2].start))
    assert text.viewport().rect().intersects(text.cursorRect(shown))  # the span now current is in view


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_machine_and_human_spans_and_the_selection_look_different(qtbot, main_window):
    w, ctx, store = main_window, main_window.ctx, main_window.ctx.store
    record, machine = _machine_span(ctx, store)
    w.article_view.text.setFocus()
    ctx.select_span(machine[0].id)
    press(qtbot, Qt.Key.Key_A)  # machine[0] is now the editor's
    ctx.select_span(None)
    runs = {span_id: fmt for span_id, _s, _e, fmt in highlighted_ranges(w.article_view.text.document())}
    human, auto = runs[machine[0].id], runs[machine[2].id]
    assert human.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert auto.underlineStyle() in (QTextCharFormat.UnderlineStyle.DashUnderline, QTextCharFormat.UnderlineStyle.DotLine)
    assert human.underlineStyle() != auto.underlineStyle()
    # a machine span's fill is clearly lighter than the full label colour an editor's span gets
    full = style_for(machine[2].label).color
    assert auto.background().color().lightness() - full.lightness() >= 15
    assert human.background().color() == style_for(machine[0].label).color
    # the selection, as painted, is far from every label colour (ORG's blue included)
    free = next(i for i in range(len(record.body) - 3)
                if all(not (s.start <= j < s.end) for s in record.spans for j in range(i, i + 3)) and record.body[i].strip())
    select_text(qtbot, w, free, 3)
    text = w.article_view.text
    qtbot.wait(50)
    image = text.viewport().grab().toImage()
    cursor = QTextCursor(text.document())
    cursor.setPosition(text.offsets.to_utf16(free))
    rect = text.cursorRect(cursor)
    painted = image.pixelColor(rect.right() + 2, rect.top() + 2)
    assert _distance(painted, SELECTION_BACKGROUND) < 40, painted.name()
    for style in label_styles():
        assert _distance(painted, style.color) > 200, (style.label, painted.name())
