"""The history view: Ctrl+H lists the article's edits; "Revert to this point" puts
the article back as it was (asking first when the page's segmentation goes back
too); the revert is one undoable command."""

from __future__ import annotations

from page_helpers import CTRL, SHIFT, adjacent_pair
from page_helpers import show_article as _show
from PySide6.QtCore import Qt, QTimer

from desktop.store.store import Store
from desktop.ui.label_palette import label_text



def _article_with_next(store: Store):
    return adjacent_pair(store)[0]


def _open_history_and(qtbot, window, act, by_key: bool = True) -> list:
    """Press Ctrl+H (or trigger the action); while the dialog is open, run ``act(dialog)``;
    return what it saw."""
    seen: list = []

    def answer() -> None:
        dialog = window.history.dialog
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        seen.append([dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())])
        act(dialog)

    QTimer.singleShot(0, answer)
    if by_key:
        qtbot.keyClick(window.article_view.text, Qt.Key.Key_H, CTRL)
    else:  # offscreen, a closed dialog can stay the active window and eat the next key
        window.action_set["edit.history"].trigger()
    return seen


def _revert_row(qtbot, row: int):
    def act(dialog) -> None:
        dialog.table.selectRow(row)
        assert dialog.revert_button.isEnabled()
        qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)

    return act


def test_revert_field_and_span_edits_from_the_history(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    record = _article_with_next(store)
    _show(qtbot, w, record.id)
    original = store.get_article(record.id)
    store_title = original.title
    # two edits (made through the store; the history and the revert are what is tested here)
    span = original.spans[0]
    store.remove_span(span.id)
    store.set_field(record.id, "title", "临时标题")
    w.ctx.select_article(record.id)
    edited = store.get_article(record.id)
    assert edited.title == "临时标题" and span.id not in {s.id for s in edited.spans}

    seen = _open_history_and(qtbot, w, lambda d: _revert_row(qtbot, d.table.rowCount() - 1)(d))
    assert seen and seen[0][-1] == "导入时的样子（第一次记录的修改之前）"
    assert seen[0][:2] == [f"标题：「{store_title}」 → 「临时标题」", f"删除标注「{span.text}」（{label_text(span.label)}）"]
    reverted = store.get_article(record.id)
    assert reverted.title == store_title and reverted.body == original.body
    assert {(s.id, s.start, s.end, s.label) for s in reverted.spans} == {(s.id, s.start, s.end, s.label) for s in original.spans}
    assert w.article_view.text.toPlainText() == original.body
    assert store.events(record.id, limit=1)[0].action == "revert_article"
    # one undo gives back the edited article
    w.action_set["edit.undo"].trigger()
    assert store.get_article(record.id).title == "临时标题"
    w.action_set["edit.redo"].trigger()
    assert store.get_article(record.id).title == store_title


def test_newest_row_cannot_be_reverted_to(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    record = _article_with_next(store)
    store.set_field(record.id, "note", "一")
    _show(qtbot, w, record.id)
    states: list[bool] = []

    def act(dialog) -> None:
        dialog.table.selectRow(0)
        states.append(dialog.revert_button.isEnabled())
        dialog.table.selectRow(1)
        states.append(dialog.revert_button.isEnabled())
        dialog.reject()

    _open_history_and(qtbot, w, act)
    assert states == [False, True]
    assert store.get_article(record.id).note == "一"


def test_revert_across_a_split_asks_and_restores_the_page(qtbot, main_window, monkeypatch):
    w, store = main_window, main_window.ctx.store
    record = _article_with_next(store)
    page_before = store.snapshot_articles(record.page_id)
    n = store.count_articles()
    _show(qtbot, w, record.id, record.body.index("\n") + 1)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_S, CTRL | SHIFT)  # split at the cursor
    assert store.count_articles() == n + 1
    w.ctx.select_article(record.id)
    asked: list[str] = []

    def confirm(title: str, text: str) -> bool:
        asked.append(text)
        return False  # first time: the editor says no

    monkeypatch.setattr(w.ctx.interaction, "confirm", confirm)
    _open_history_and(qtbot, w, _revert_row(qtbot, 1))  # row 0: the split; row 1: as imported
    assert len(asked) == 1 and store.count_articles() == n + 1  # refused: nothing changed
    monkeypatch.setattr(w.ctx.interaction, "confirm", lambda title, text: True)
    _open_history_and(qtbot, w, _revert_row(qtbot, 1), by_key=False)
    assert store.count_articles() == n and w.article_list.model.rowCount() == n
    now = store.snapshot_articles(record.page_id)
    assert now["articles"] == page_before["articles"] and now["spans"] == page_before["spans"]
    assert w.article_view.text.toPlainText() == record.body
    w.action_set["edit.undo"].trigger()  # undo the revert: split again
    assert store.count_articles() == n + 1
