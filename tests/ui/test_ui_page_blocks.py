"""Fixing a page from the main window: moving paragraphs, merging with the previous
article, captions, text that is not an article, and an article made from a page block
through the page view — the store after each step, and Ctrl+Z giving back the exact
previous page snapshot."""

from __future__ import annotations

from page_helpers import ALT, CTRL, SHIFT, adjacent_pair
from page_helpers import redo as _redo
from page_helpers import show_article as _show
from page_helpers import undo as _undo
from PySide6.QtCore import Qt

from desktop.pipeline.page_fixes import block_article
from desktop.store.store import Store


def _pair(store: Store):
    return adjacent_pair(store, min_breaks=2)


def _key(qtbot, window, key, modifiers) -> None:
    qtbot.keyClick(window.article_view.text, key, modifiers)


def _last_paragraph(body: str) -> int:
    return body.rindex("\n") + 1


def test_new_actions_are_in_the_article_menu(main_window):
    menu = main_window.menuBar().findChild(type(main_window.menuBar().actions()[0].menu()), "menu_article")
    names = {a.objectName() for a in menu.actions()}
    assert {"article.move_paragraphs", "article.merge_previous", "article.mark_caption", "article.mark_not_article"} <= names


def test_move_paragraphs_to_the_next_article(qtbot, main_window, monkeypatch):
    w, store = main_window, main_window.ctx.store
    a, b = _pair(store)
    before = store.snapshot_articles(a.page_id)
    asked = {}

    def choose(title, label, items):
        asked["items"] = items
        return next(i for i in items if i.startswith(f"{b.position + 1}. "))

    monkeypatch.setattr(w.ctx.interaction, "choose_item", choose)
    start = _last_paragraph(a.body)
    _show(qtbot, w, a.id, start + 2)
    _key(qtbot, w, Qt.Key.Key_G, CTRL | SHIFT)
    assert len(asked["items"]) == len(before["articles"]) - 1  # every other article of the page
    moved = a.body[start:]
    a2, b2 = store.get_article(a.id), store.get_article(b.id)
    assert a2.body == a.body[: start - 1] and b2.body == moved + "\n" + b.body
    assert all(s.text == b2.body[s.start : s.end] for s in b2.spans)
    assert {s.id for s in a2.spans} | {s.id for s in b2.spans} == {s.id for s in a.spans} | {s.id for s in b.spans}
    assert w.ctx.article_id == a.id and w.article_view.text.toPlainText() == a2.body
    after = store.snapshot_articles(a.page_id)
    _undo(qtbot, w)
    assert store.snapshot_articles(a.page_id) == before
    assert w.article_view.text.toPlainText() == a.body
    _redo(qtbot, w)
    assert store.snapshot_articles(a.page_id) == after


def test_merge_with_previous(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    a, b = _pair(store)
    before = store.snapshot_articles(a.page_id)
    n = store.count_articles()
    _show(qtbot, w, b.id)
    _key(qtbot, w, Qt.Key.Key_M, CTRL | ALT)
    merged = store.get_article(a.id)
    assert merged.body == a.body + "\n" + b.body
    assert store.count_articles() == n - 1 and w.article_list.model.rowCount() == n - 1
    assert w.ctx.article_id == a.id and w.article_view.text.toPlainText() == merged.body
    _undo(qtbot, w)
    assert store.snapshot_articles(a.page_id) == before
    assert w.ctx.article_id == b.id and w.article_list.model.rowCount() == n
    # the first article of a page has nothing before it on its page
    first = store.get_article(before["articles"][0]["id"])
    _show(qtbot, w, first.id)
    _key(qtbot, w, Qt.Key.Key_M, CTRL | ALT)
    assert store.snapshot_articles(a.page_id) == before and w.status_panel.currentMessage()


def test_mark_caption_and_undo(qtbot, main_window):
    w, store = main_window, main_window.ctx.store
    a, _ = _pair(store)
    before = store.snapshot_articles(a.page_id)
    start = _last_paragraph(a.body)
    line = a.body[start:]
    _show(qtbot, w, a.id, start, len(a.body))
    _key(qtbot, w, Qt.Key.Key_C, CTRL | ALT)
    r = store.get_article(a.id)
    assert r.captions == a.captions + [line.strip()] and r.body == a.body[: start - 1]
    assert {s.id for s in r.spans} == {s.id for s in a.spans if s.end <= start - 1}  # machine spans there went
    assert line.strip() in w.article_view.captions_label.text()
    _undo(qtbot, w)
    assert store.snapshot_articles(a.page_id) == before
    assert w.article_view.text.toPlainText() == a.body


def test_mark_whole_article_not_an_article(qtbot, main_window, monkeypatch):
    w, store = main_window, main_window.ctx.store
    a, b = _pair(store)
    _show(qtbot, w, a.id, 3)
    _key(qtbot, w, Qt.Key.Key_A, CTRL | SHIFT)  # accept the machine spans: the editor is asked first now
    assert all(s.origin == "human" for s in store.get_article(a.id).spans)
    before = store.snapshot_articles(a.page_id)
    answers, asked = [False, True], []

    def confirm(title, text):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(w.ctx.interaction, "confirm", confirm)
    _key(qtbot, w, Qt.Key.Key_N, CTRL | ALT)
    assert store.snapshot_articles(a.page_id) == before and str(len(a.spans)) in asked[0]
    w.action_set["article.mark_not_article"].trigger()  # from the menu this time; yes
    assert a.id not in store.article_ids()
    blocks = store.page_layout(a.page_id)["blocks"]
    assert {(s["start"], s["end"]) for s in a.segments} <= {(x["start"], x["end"]) for x in blocks}
    assert w.ctx.article_id == b.id  # the next article of the page is shown
    ev = store.events(a.id, limit=1)[0]
    assert ev.action == "mark_not_article" and len(ev.after["removed_spans"]) == len(a.spans)
    _undo(qtbot, w)
    assert store.snapshot_articles(a.page_id) == before
    assert w.ctx.article_id == a.id and w.article_view.text.toPlainText() == a.body
    _redo(qtbot, w)
    assert a.id not in store.article_ids() and w.ctx.article_id == b.id


def test_mark_selected_paragraph_not_an_article(qtbot, main_window, monkeypatch):
    w, store = main_window, main_window.ctx.store
    a, _ = _pair(store)
    before = store.snapshot_articles(a.page_id)
    monkeypatch.setattr(w.ctx.interaction, "confirm", lambda *args: (_ for _ in ()).throw(AssertionError("asked")))
    start = _last_paragraph(a.body)
    _show(qtbot, w, a.id, start + 1, len(a.body) - 1)
    _key(qtbot, w, Qt.Key.Key_N, CTRL | ALT)  # machine spans only: no question
    r = store.get_article(a.id)
    assert r.body == a.body[: start - 1] and r.captions == a.captions
    new_blocks = [x for x in store.page_layout(a.page_id)["blocks"] if x not in before["blocks"]]
    assert new_blocks and all(x["kind"] == "not_article" for x in new_blocks)
    _undo(qtbot, w)
    assert store.snapshot_articles(a.page_id) == before


def _page_with_block(store: Store):
    for page in store.pages():
        layout = store.page_layout(page.id)
        if layout["blocks"]:
            return layout
    raise AssertionError("no seed page with a block")


def _cursor_into(dialog, offset: int) -> None:
    """Put the page view's text cursor at page offset ``offset`` (what a click on a grey block does)."""
    cursor = dialog.text.textCursor()
    cursor.setPosition(dialog.offsets.to_utf16(offset))
    dialog.text.setTextCursor(cursor)


def test_make_article_from_a_block_in_the_page_view(qtbot, main_window, monkeypatch):
    from desktop.ui.dialogs.page_view import NO_ARTICLE_FOCUS, PageViewDialog

    w, store = main_window, main_window.ctx.store
    layout = _page_with_block(store)
    block = layout["blocks"][0]
    record = store.get_article(layout["articles"][0]["id"])
    before = store.snapshot_articles(record.page_id)
    seen = {}

    def fake_exec(dialog):
        _cursor_into(dialog, block["start"] + 1)
        seen["enabled"] = (dialog.make_button.isEnabled(), dialog.open_button.isEnabled())
        seen["focus"] = any(s.format.background().color() == NO_ARTICLE_FOCUS for s in dialog.text.extraSelections())
        qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(PageViewDialog, "exec", fake_exec)
    _show(qtbot, w, record.id)
    _key(qtbot, w, Qt.Key.Key_P, CTRL | SHIFT)
    assert seen == {"enabled": (True, False), "focus": True}
    body, spans = block_article(layout["text"], block)
    new_id = w.ctx.undo_stack.command(0).new_id
    r = store.get_article(new_id)
    assert r.body == body and r.status == "unreviewed" and r.flags == ["title_missing"]
    assert [(s.start, s.end, s.label, s.origin) for s in r.spans] == [(s["start"], s["end"], s["label"], "auto") for s in spans]
    assert block not in store.page_layout(record.page_id)["blocks"]
    assert w.ctx.article_id == new_id and w.article_view.text.toPlainText() == body
    _undo(qtbot, w)
    assert store.snapshot_articles(record.page_id) == before and w.ctx.article_id == record.id


def test_page_view_menu_marks_another_article_not_an_article(qtbot, main_window, monkeypatch):
    from desktop.ui.dialogs.page_view import PageViewDialog

    w, store = main_window, main_window.ctx.store
    a, b = _pair(store)
    before = store.snapshot_articles(a.page_id)
    offered = {}

    def fake_exec(dialog):
        offset = next(s["start"] for s in b.segments if s["role"] == "body") + 1
        menu = dialog.menu_at(offset)
        offered["names"] = [x.objectName() for x in menu.actions()]
        next(x for x in menu.actions() if x.objectName() == "page_view_not_article").trigger()
        return dialog.result()

    monkeypatch.setattr(PageViewDialog, "exec", fake_exec)
    _show(qtbot, w, a.id)
    _key(qtbot, w, Qt.Key.Key_P, CTRL | SHIFT)
    assert offered["names"] == ["page_view_open", "page_view_not_article"]
    assert b.id not in store.article_ids() and store.get_article(a.id).body == a.body
    assert w.ctx.article_id == a.id  # the article being read stays
    _undo(qtbot, w)
    assert store.snapshot_articles(a.page_id) == before and w.ctx.article_id == b.id  # undo shows what came back


def test_block_to_caption_in_the_page_view(qtbot, main_window, monkeypatch):
    from desktop.ui.dialogs.page_view import PageViewDialog

    w, store = main_window, main_window.ctx.store
    layout = _page_with_block(store)
    block = layout["blocks"][0]
    record = store.get_article(layout["articles"][0]["id"])
    before = store.snapshot_articles(record.page_id)
    offered = {}

    def fake_exec(dialog):
        _cursor_into(dialog, block["start"] + 1)
        offered["menu"] = [a.text() for a in dialog.menu_at(block["start"] + 1).actions()]
        offered["enabled"] = dialog.caption_button.isEnabled()
        qtbot.mouseClick(dialog.caption_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(PageViewDialog, "exec", fake_exec)
    _show(qtbot, w, record.id)
    _key(qtbot, w, Qt.Key.Key_P, CTRL | SHIFT)
    assert offered == {"menu": ["由此版块新建文章", "作为本文的图片说明"], "enabled": True}
    after = store.get_article(record.id)
    assert len(after.captions) > len(record.captions) and block not in store.page_layout(record.page_id)["blocks"]
    assert after.body == record.body and w.ctx.article_id == record.id
    _undo(qtbot, w)
    assert store.snapshot_articles(record.page_id) == before
