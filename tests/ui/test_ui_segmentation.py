"""Segmentation and text corrections driven from the keyboard: the store after each
step, and undo/redo giving back the exact previous state."""

from __future__ import annotations

from page_helpers import CTRL, SHIFT, adjacent_pair
from page_helpers import redo as _redo
from page_helpers import show_article as _show
from page_helpers import undo as _undo
from PySide6.QtCore import Qt

from desktop.store.store import Store



def _article_with_next(store: Store):
    """An article with several paragraphs and spans whose page has an article after it."""
    return adjacent_pair(store)


def test_split_at_cursor_undo_redo(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    record, _ = _article_with_next(store)
    before = store.snapshot_articles(record.page_id)
    n = store.count_articles()
    offset = record.body.index("\n") + 1
    _show(qtbot, w, record.id, offset)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_S, CTRL | SHIFT)
    assert store.count_articles() == n + 1
    first = store.get_article(record.id)
    assert first.body == record.body[: offset - 1]
    assert w.article_view.text.toPlainText() == first.body
    assert w.article_list.model.rowCount() == n + 1
    assert w.article_list.article_id_at(w.article_list.current_row()) == record.id
    new_id = next(a["id"] for a in store.snapshot_articles(record.page_id)["articles"] if a["position"] == record.position + 1)
    assert store.get_article(new_id).body == record.body[offset:]
    after = store.snapshot_articles(record.page_id)
    _undo(qtbot, w)
    assert store.snapshot_articles(record.page_id) == before
    assert store.count_articles() == n and w.article_list.model.rowCount() == n
    assert w.article_view.text.toPlainText() == record.body
    _redo(qtbot, w)
    assert store.snapshot_articles(record.page_id) == after


def test_split_refused_at_the_start_says_why(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    record, _ = _article_with_next(store)
    n = store.count_articles()
    _show(qtbot, w, record.id, 0)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_S, CTRL | SHIFT)
    assert store.count_articles() == n and not w.ctx.undo_stack.canUndo()
    assert w.status_panel.currentMessage()


def test_merge_with_next_undo_redo(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    record, nxt = _article_with_next(store)
    before = store.snapshot_articles(record.page_id)
    n = store.count_articles()
    _show(qtbot, w, record.id)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_M, CTRL | SHIFT)
    merged = store.get_article(record.id)
    assert merged.body == record.body + "\n" + nxt.body
    assert {s.id for s in merged.spans} == {s.id for s in record.spans} | {s.id for s in nxt.spans}
    assert store.count_articles() == n - 1 and w.article_list.model.rowCount() == n - 1
    assert w.article_view.text.toPlainText() == merged.body
    _undo(qtbot, w)
    assert store.snapshot_articles(record.page_id) == before
    assert w.ctx.article_id == record.id and w.article_list.model.rowCount() == n
    _redo(qtbot, w)
    assert store.get_article(record.id).body == merged.body


def test_undo_split_while_the_new_article_is_shown(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    record, _ = _article_with_next(store)
    before = store.snapshot_articles(record.page_id)
    offset = record.body.index("\n") + 1
    _show(qtbot, w, record.id, offset)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_S, CTRL | SHIFT)
    new_id = w.ctx.undo_stack.command(0).new_id
    _show(qtbot, w, new_id)
    _undo(qtbot, w)
    assert store.snapshot_articles(record.page_id) == before
    assert w.ctx.article_id == record.id
    assert w.article_view.text.toPlainText() == record.body


def test_edit_body_with_f2(qtbot, main_window, monkeypatch):
    w, store = main_window, main_window.ctx.store
    record, _ = _article_with_next(store)
    before = store.snapshot_articles(record.page_id)
    span = record.spans[-1]
    fixed = record.body[: span.end] + "（更正）" + record.body[span.end :]
    fixed = "〇" + fixed[1:] if not any(s.start == 0 for s in record.spans) else fixed
    seen = {}

    def fake_edit(title, body, original=None):
        seen.update(title=title, body=body, original=original)
        return fixed

    monkeypatch.setattr(w.ctx.interaction, "edit_body", fake_edit)
    _show(qtbot, w, record.id)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_F2)
    assert seen["body"] == record.body and seen["original"] == record.body
    r = store.get_article(record.id)
    assert r.body == fixed and len(r.spans) == len(record.spans)
    assert all(s.text == r.body[s.start : s.end] for s in r.spans)
    assert w.article_view.text.toPlainText() == fixed
    _undo(qtbot, w)
    assert store.snapshot_articles(record.page_id) == before
    _redo(qtbot, w)
    assert store.get_article(record.id).body == fixed
    # the original page text comes back through the menu action; undo again restores the fix
    w.action_set["article.restore_original"].trigger()
    assert store.get_article(record.id).body == record.body
    _undo(qtbot, w)
    assert store.get_article(record.id).body == fixed


def test_body_editor_dialog(qtbot):
    from desktop.ui.dialogs.body_editor import BodyEditorDialog

    dialog = BodyEditorDialog("标题", "错字正文", "原始正文")
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("改好的正文")
    assert dialog.text() == "改好的正文"
    dialog.reset_button.click()
    assert dialog.text() == "原始正文"
    assert not BodyEditorDialog("t", "b", None).reset_button.isEnabled()


def _free_paragraph(store: Store):
    for article_id in store.article_ids():
        a = store.get_article(article_id)
        start = 0
        for index, para in enumerate(a.body.split("\n")):
            end = start + len(para)
            if index and para.strip() and all(s.end <= start or s.start >= end for s in a.spans):
                return a, start
            start = end + 1
    raise AssertionError("no span-free paragraph")


def test_promote_paragraph_and_demote_title(qtbot, main_window, monkeypatch):
    w, store = main_window, main_window.ctx.store
    record, start = _free_paragraph(store)
    before = store.snapshot_articles(record.page_id)
    line = record.body[start:].split("\n")[0]
    monkeypatch.setattr(w.ctx.interaction, "choose_item", lambda title, label, items: items[0])
    _show(qtbot, w, record.id, start + 1)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_T, CTRL | SHIFT)
    r = store.get_article(record.id)
    assert r.title == line.strip() and line not in r.body.split("\n")
    assert w.article_view.title_label.text() == r.title
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_B, CTRL | SHIFT)
    r2 = store.get_article(record.id)
    assert r2.title == "" and r2.body.split("\n")[0] == line.strip()
    _undo(qtbot, w)
    _undo(qtbot, w)
    assert store.snapshot_articles(record.page_id) == before
    _redo(qtbot, w)
    assert store.get_article(record.id).title == line.strip()


def test_new_shortcuts_are_in_the_article_menu(main_window):
    menu = main_window.menuBar().findChild(type(main_window.menuBar().actions()[0].menu()), "menu_article")
    names = {a.objectName() for a in menu.actions()}
    assert {"article.split", "article.merge_next", "article.edit_body", "article.promote"} <= names


def test_page_view_bands_and_jump(qtbot, main_window, monkeypatch):
    from desktop.ui.dialogs.page_view import CURRENT, PageViewDialog

    w, store = main_window, main_window.ctx.store
    record, nxt = _article_with_next(store)
    shown: list[PageViewDialog] = []

    def fake_exec(dialog):
        shown.append(dialog)
        segment = next(s for s in dialog.layout_data["articles"][record.position + 1]["segments"] if s["role"] == "body")
        dialog.choose_at(segment["start"])
        return 1

    monkeypatch.setattr(PageViewDialog, "exec", fake_exec)
    _show(qtbot, w, record.id)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_P, CTRL | SHIFT)
    dialog = shown[0]
    assert dialog.text.toPlainText() == store.page_text(record.page_id)
    current = [b for b in dialog.bands if b.format.background().color() == CURRENT]
    assert len(current) == len(record.segments) > 0
    assert w.ctx.article_id == nxt.id
