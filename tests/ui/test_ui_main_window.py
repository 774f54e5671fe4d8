"""The review desk driven by keys and clicks, checking the store after every step."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.store.records import ArticleFilter
from desktop.store.store import Store

CTRL, SHIFT, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier


def _type_chinese(widget, text: str) -> None:
    """Type Chinese the way an input method does: a committed composition."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _select_text(qtbot, window, start: int, length: int) -> None:
    """Put the caret at ``start`` and extend the selection with Shift+Right."""
    text = window.article_view.text
    text.setFocus()
    cursor = text.textCursor()
    cursor.setPosition(text.offsets.to_utf16(start))
    text.setTextCursor(cursor)
    for _ in range(length):
        qtbot.keyClick(text, Qt.Key.Key_Right, SHIFT)


def _repeated_free_text(store: Store) -> tuple[int, str, list[int]]:
    """An article and a 2-character CJK string it contains twice or more, outside any span."""
    for article_id in store.article_ids():
        record = store.get_article(article_id)
        covered = set()
        for s in record.spans:
            covered.update(range(s.start, s.end))
        pairs = Counter(
            record.body[i : i + 2]
            for i in range(len(record.body) - 1)
            if all("\u4e00" <= ch <= "\u9fff" for ch in record.body[i : i + 2]) and not covered & {i, i + 1}
        )
        for pair, n in pairs.most_common():
            starts, i = [], record.body.find(pair)
            while i >= 0:
                starts.append(i)
                i = record.body.find(pair, i + 2)
            if n >= 2 and len(starts) >= 2 and all(not covered & {p, p + 1} for p in starts):
                return article_id, pair, starts
    raise AssertionError("no repeated free text in the seeds")


def test_review_session_by_keyboard(qtbot, main_window, project_path, monkeypatch):
    w = main_window
    ctx = w.ctx
    store = ctx.store
    w.activateWindow()
    qtbot.waitActive(w)
    ids = store.article_ids()
    assert w.article_list.model.rowCount() == len(ids)
    assert ctx.article_id == ids[0]
    assert w.article_view.text.toPlainText() == store.get_article(ids[0]).body

    # Filter by status and search a 2-character Chinese term.
    bar = w.article_list.filter_bar
    bar.status.setCurrentIndex(bar.status.findData("reviewed"))
    assert w.article_list.model.rowCount() == 0
    bar.status.setCurrentIndex(0)
    qtbot.keyClick(w, Qt.Key.Key_F, CTRL)
    assert bar.search.hasFocus()
    _type_chinese(bar.search, "成都")
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    expected = store.article_ids(ArticleFilter(query="成都"))
    assert 0 < w.article_list.model.rowCount() == len(expected) < len(ids)
    bar.search.clear()
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    assert w.article_list.model.rowCount() == len(ids)

    # Move between articles.
    w.article_view.text.setFocus()
    ctx.select_article(ids[0])
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_PageDown, CTRL)
    assert ctx.article_id == ids[1]
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_PageUp, CTRL)
    assert ctx.article_id == ids[0]

    # Create a span by Shift+arrows and a label key, relabel, resize, delete; undo/redo each.
    article_id, pair, starts = _repeated_free_text(store)
    ctx.select_article(article_id)
    spans = lambda: {s.id: s for s in store.get_article(article_id).spans}  # noqa: E731
    n_before = len(spans())
    _select_text(qtbot, w, starts[0], 2)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_3)
    created = ctx.span_id
    assert created is not None and spans()[created].label == "LOC" and spans()[created].text == pair
    assert w.span_table.currentIndex().row() == w.span_table.span_model.row_of(created)  # list follows the text
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL)
    assert created not in spans()
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert spans()[created].label == "LOC"
    ctx.select_span(created)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_2)
    assert spans()[created].label == "ORG"
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL)
    assert spans()[created].label == "LOC"
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Right, ALT | SHIFT)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Right, ALT | SHIFT)
    assert spans()[created].end == starts[0] + 4
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL)  # repeated resizes are one undo step
    assert spans()[created].end == starts[0] + 2
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert spans()[created].end == starts[0] + 4
    ctx.select_span(created)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Left, ALT | SHIFT)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Left, ALT | SHIFT)
    assert spans()[created].end == starts[0] + 2
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Right, ALT)  # start moves right: the span shrinks
    assert spans()[created].start == starts[0] + 1
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Left, ALT)
    assert spans()[created].start == starts[0]
    ctx.select_span(created)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Delete)
    assert created not in spans()
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL)
    assert spans()[created].label == "LOC"

    # Tab walks the spans in text order; a click on a highlight selects it too.
    ctx.select_span(created)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Tab)
    ordered = sorted(spans().values(), key=lambda s: s.start)
    after = next((s for s in ordered if s.start > starts[0]), ordered[0])
    assert ctx.span_id == after.id

    # Label all occurrences in the article after a preview.
    asked: list[str] = []
    monkeypatch.setattr(ctx.interaction, "confirm", lambda title, text: asked.append(text) or True)
    ctx.select_span(created)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_L, CTRL)
    assert asked and str(len(starts) - 1) in asked[0]
    labelled = [s for s in spans().values() if s.text == pair and s.label == "LOC"]
    assert len(labelled) == len(starts)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL)
    assert len([s for s in spans().values() if s.text == pair]) == 1
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len([s for s in spans().values() if s.text == pair]) == len(starts)
    assert len(spans()) == n_before + len(starts)

    # Edit a field in place.
    title = w.fields.editors["title"]
    qtbot.mouseClick(title, Qt.MouseButton.LeftButton)
    title.selectAll()
    _type_chinese(title, "改过的标题")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert store.get_article(article_id).title == "改过的标题"
    w.article_view.text.setFocus()
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL)
    assert store.get_article(article_id).title != "改过的标题"
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert store.get_article(article_id).title == "改过的标题"
    assert w.article_view.title_label.text() == "改过的标题"

    # Add an author by clicking and typing.
    authors_before = store.get_article(article_id).authors
    qtbot.mouseClick(w.fields.authors.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is w.fields.authors.table.viewport()
    _type_chinese(editor, "王五")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    wanted = [*authors_before, {"name": "王五", "role": "记者"}]
    qtbot.waitUntil(lambda: store.get_article(article_id).authors == wanted)  # the delegate commits on the next turn
    w.article_view.text.setFocus()
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL)
    assert store.get_article(article_id).authors == authors_before
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert store.get_article(article_id).authors == wanted
    assert w.fields.authors.table.rowCount() == len(wanted)

    # Tag with the keyboard: Space toggles the current tag.
    tags = w.fields.tags.list
    tags.setFocus()
    tags.setCurrentRow(0)
    first_tag = tags.item(0).text()
    qtbot.keyClick(tags, Qt.Key.Key_Space)
    assert first_tag in store.get_article(article_id).tags
    w.article_view.text.setFocus()
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL)
    assert first_tag not in store.get_article(article_id).tags
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert first_tag in store.get_article(article_id).tags

    # Mark reviewed: moves on to the next unreviewed article.
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Return, CTRL)
    assert store.get_article(article_id).status == "reviewed"
    assert store.get_article(article_id).reviewer == ctx.settings.editor_name()
    assert ctx.article_id != article_id and store.get_article(ctx.article_id).status == "unreviewed"
    qtbot.waitUntil(lambda: w.status_panel.progress.value() == 1)  # the counts come from a worker
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL)
    assert store.get_article(article_id).status != "reviewed" and ctx.article_id == article_id  # undo shows the article
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert store.get_article(article_id).status == "reviewed"

    # Every edit was recorded under the editor's name; reopen and find everything as left.
    events = store.events(article_id)
    assert events and {e.editor for e in events} == {ctx.settings.editor_name()}
    w.close()
    again = Store.open(project_path)
    try:
        record = again.get_article(article_id)
        assert record.title == "改过的标题"
        assert {"name": "王五", "role": "记者"} in record.authors
        assert first_tag in record.tags and record.status == "reviewed"
        assert len([s for s in record.spans if s.text == pair and s.label == "LOC"]) == len(starts)
    finally:
        again.close()


def test_overlapping_span_is_refused_with_a_message(qtbot, main_window):
    w = main_window
    record = w.ctx.record
    span = record.spans[0]
    _select_text(qtbot, w, span.start, span.end - span.start)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_1)
    assert len(w.ctx.store.get_article(record.id).spans) == len(record.spans)
    assert w.status_panel.currentMessage()


def test_cheat_sheet_lists_every_shortcut(qtbot, main_window, monkeypatch):
    from desktop.ui.dialogs.cheat_sheet import CheatSheetDialog

    shown: list[CheatSheetDialog] = []
    monkeypatch.setattr(CheatSheetDialog, "exec", lambda self: shown.append(self) or 0)
    main_window.show_cheat_sheet()
    table = shown[0].table
    from desktop.ui.actions import ACTIONS, native_shortcut

    keys = {table.item(r, 0).text() for r in range(table.rowCount())}
    assert keys == {native_shortcut(spec) for spec in ACTIONS if spec.shortcuts}
    assert "1" in keys and "Tab" in keys
    # the label rows are in the interface language too (they were once English in a Chinese sheet)
    texts = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert texts["1"] == "标为人名（PER）"


def test_cursor_helper_uses_text_positions(main_window):
    text = main_window.article_view.text
    text.moveCursor(QTextCursor.MoveOperation.End)
    assert main_window.article_view.cursor_offset() == len(main_window.ctx.record.body)
