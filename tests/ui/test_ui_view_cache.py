"""Switching articles fast without ever showing a stale article.

The article view keeps built body documents (one per article) and swaps them
in; the list table keeps an opaque viewport; the list model fetches a small
window on a jump; the fields panel keeps its tag chips.  Every test here checks
what the reader sees after edits, switches and undo.
"""

from __future__ import annotations

import numpy as np

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.store.records import ArticleRecord, Changes, SpanRow
from desktop.ui.commands import AddSpanCommand
from desktop.ui.models.article_table import JUMP_WINDOW, WINDOW, ArticleTableModel
from desktop.ui.widgets.article_view import CACHE_SIZE, ArticleView
from desktop.ui.widgets.span_highlighter import highlighted_ranges

BODY = "𠮷野家😀在成都市开店。<b>粗</b> &amp; 第二句在绵阳市。\n第二段：成都市青白江区水务局召开会议。"


def record(aid: int, body: str = BODY, spans: list[SpanRow] | None = None, **fields: object) -> ArticleRecord:
    return ArticleRecord(**{
        "id": aid, "page_id": 1, "page": "p.txt", "position": aid, "title": f"标题{aid}", "kicker": "", "subtitle": "",
        "byline": "", "authors": [], "source": "", "dateline": "", "dateline_iso": None, "sections": [], "captions": [],
        "body": body, "spans": spans or [], "flags": [], "tags": [], "status": "unreviewed", "note": "",
        "reviewer": None, "reviewed_at": None, **fields,
    })


def span(sid: int, body: str, text: str, label: str = "LOC", nth: int = 0, origin: str = "auto") -> SpanRow:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return SpanRow(sid, start, start + len(text), label, text, None, origin)


def shown(view: ArticleView) -> list[tuple[int, str]]:
    """(span id, text under the highlight) of every painted run, read back from the shown document."""
    text = view.text.toPlainText()
    cp = view.text.offsets.to_code_point
    return [(sid, text[cp(a):cp(b)]) for sid, a, b, _fmt in highlighted_ranges(view.text.document())]


def test_switching_back_swaps_in_the_kept_document(qtbot):
    view = ArticleView("zh_CN", 13)
    qtbot.addWidget(view)
    a = record(1, spans=[span(1, BODY, "𠮷野家", "PER"), span(2, BODY, "成都市")])
    b = record(2, body="另一篇文章的正文。", spans=[])
    view.show_record(a)
    doc_a = view.text.document()
    view.show_record(b)
    assert view.text.document() is not doc_a and view.text.toPlainText() == b.body
    view.show_record(replace(a, title="只改了标题"))  # not part of the body: the kept document still fits
    assert view.text.document() is doc_a
    assert view.text.toPlainText() == BODY and "<b>" in view.text.toPlainText()  # markup stays literal
    assert shown(view) == [(1, "𠮷野家"), (2, "成都市")]  # exact, after two astral characters
    assert view.title_label.text() == "只改了标题"


def test_a_changed_record_never_gets_its_old_document(qtbot):
    view = ArticleView("zh_CN", 13)
    qtbot.addWidget(view)
    a = record(1, spans=[span(1, BODY, "成都市")])
    view.show_record(a)
    old = view.text.document()
    view.show_record(record(2, body="别的。"))
    cases = [
        replace(a, spans=[span(1, BODY, "成都市", "ORG")]),  # relabelled
        replace(a, spans=[span(1, BODY, "成都市"), span(7, BODY, "绵阳市")]),  # a span added
        replace(a, spans=[]),  # removed
        replace(a, spans=[span(1, BODY, "成都市", nth=1)]),  # moved
        replace(a, body=BODY + "补一句。", spans=[span(1, BODY, "成都市")]),  # body edited
        replace(a, sections=[{"title": "第二段", "start": BODY.index("第二段"), "end": BODY.index("第二段") + 3}]),
    ]
    for changed in cases:
        view.show_record(changed)
        assert view.text.document() is not old
        assert view.text.toPlainText() == changed.body
        assert shown(view) == [(s.id, s.text) for s in changed.spans]
        old = view.text.document()
        view.show_record(record(2, body="别的。"))


def test_the_kept_documents_are_bounded(qtbot):
    view = ArticleView("zh_CN", 13)
    qtbot.addWidget(view)
    for aid in range(1, CACHE_SIZE + 5):
        view.show_record(record(aid, body=f"第{aid}篇。"))
        assert aid in view.cached_ids()
    assert len(view.cached_ids()) == CACHE_SIZE
    assert view.cached_ids()[-1] == CACHE_SIZE + 4


def test_a_selected_span_is_not_kept_for_the_next_showing(qtbot):
    view = ArticleView("zh_CN", 13)
    qtbot.addWidget(view)
    a = record(1, spans=[span(1, BODY, "成都市"), span(2, BODY, "绵阳市")])
    view.show_record(a)
    plain = {sid: fmt.background().color().name() for sid, _a, _b, fmt in highlighted_ranges(view.text.document())}
    view.select_span(2)
    strong = {sid: fmt.background().color().name() for sid, _a, _b, fmt in highlighted_ranges(view.text.document())}
    assert strong[2] != plain[2] and strong[1] == plain[1]
    view.select_span(1)  # the strong colour moves: only two spans repainted, same result as a full paint
    moved = {sid: fmt.background().color().name() for sid, _a, _b, fmt in highlighted_ranges(view.text.document())}
    assert moved[2] == plain[2] and moved[1] != plain[1]
    view.show_record(record(2, body="别的。"))
    view.show_record(a)
    assert view.selected_span_id is None
    again = {sid: fmt.background().color().name() for sid, _a, _b, fmt in highlighted_ranges(view.text.document())}
    assert again == plain


def test_update_keeps_cursor_and_scroll_and_paints_the_new_span(qtbot):
    body = "\n".join(f"第{i}段，成都市的新闻在这里。" for i in range(80))
    view = ArticleView("zh_CN", 13)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    a = record(1, body=body, spans=[span(1, body, "成都市")])
    view.show_record(a)
    view.text.document().documentLayout().documentSize()  # lay it out fully (Qt does it lazily)
    view.text.verticalScrollBar().setValue(view.text.verticalScrollBar().maximum() // 2)
    cursor = view.text.textCursor()
    cursor.setPosition(view.text.offsets.to_utf16(body.index("第40段")))
    view.text.setTextCursor(cursor)
    scrolled = view.text.verticalScrollBar().value()
    assert scrolled > 0
    doc = view.text.document()
    view.update_record(replace(a, title="新标题"))  # no body change: nothing rebuilt
    assert view.text.document() is doc and view.title_label.text() == "新标题"
    edited = replace(a, spans=[span(1, body, "成都市"), span(2, body, "成都市", "ORG", nth=40)])
    view.update_record(edited)
    assert view.text.document() is not doc
    assert shown(view) == [(1, "成都市"), (2, "成都市")]
    assert view.text.verticalScrollBar().value() == scrolled
    assert view.cursor_offset() == body.index("第40段")


def test_edits_and_undo_reach_the_view_at_once(qtbot, main_window):
    w = main_window
    ctx, view = w.ctx, w.article_view
    ids = ctx.store.article_ids()
    first, second = ids[0], ids[1]
    ctx.select_article(first)
    record0 = ctx.record
    taken = {i for s in record0.spans for i in range(s.start, s.end)}
    start = next(i for i in range(len(record0.body) - 2) if not taken & {i, i + 1} and record0.body[i : i + 2].strip() == record0.body[i : i + 2])
    command = AddSpanCommand(ctx, first, start, start + 2, "ORG")
    assert ctx.push(command)
    assert (command.span_id, record0.body[start : start + 2]) in shown(view)
    ctx.select_article(second)
    ctx.select_article(first)  # the kept document of the edited article is the edited one
    assert (command.span_id, record0.body[start : start + 2]) in shown(view)
    ctx.undo_stack.undo()
    assert command.span_id not in [sid for sid, _t in shown(view)]
    ctx.select_article(second)
    ctx.select_article(first)
    assert command.span_id not in [sid for sid, _t in shown(view)]
    body = ctx.record.body
    assert shown(view) == [(s.id, body[s.start : s.end]) for s in sorted(ctx.record.spans, key=lambda s: s.start) if s.end <= len(body)]
    ctx.select_article(second)
    new_body = ctx.store.get_article(first).body + "\n编辑补充的一句话。"
    ctx.apply(lambda store: store.set_body(first, new_body))  # an edit of an article not shown
    ctx.select_article(first)
    assert view.text.toPlainText() == new_body


def test_list_viewport_stays_opaque_so_scrolling_moves_pixels(main_window):
    table = main_window.article_list.table
    assert table.viewport().autoFillBackground()
    app = QApplication.instance()
    sheet = app.styleSheet()
    try:
        app.setStyleSheet(sheet + "\n/* re-polish */")  # Qt turns the viewport's fill off again when it polishes
        app.processEvents()
        assert table.viewport().autoFillBackground()
    finally:
        app.setStyleSheet(sheet)


def test_tag_chips_are_kept_while_the_vocabulary_is_the_same(qtbot, main_window):
    w = main_window
    ctx, tags = w.ctx, w.fields.tags
    ids = ctx.store.article_ids()
    name = ctx.store.tag_vocabulary()[0]["name"]
    ctx.apply(lambda store: store.set_tags(ids[1], [name]))
    ctx.select_article(ids[0])
    first_item = tags.list.item(0)
    ctx.select_article(ids[1])
    assert tags.list.item(0) is first_item  # not rebuilt
    assert tags.item(name).checkState() == Qt.CheckState.Checked
    ctx.select_article(ids[0])
    assert tags.item(name).checkState() == Qt.CheckState.Unchecked
    ctx.apply(lambda store: store.add_tag("新加的标签"))
    ctx.select_article(ids[1])
    assert tags.item("新加的标签") is not None  # the vocabulary changed: chips rebuilt


def test_a_jump_fetches_a_small_window_and_scrolling_a_large_one(ctx, monkeypatch):
    ids = list(range(1, 2001))
    asked: list[list[int]] = []
    real_rows = ctx.store.article_rows
    one = next(iter(real_rows(ctx.store.article_ids()[:1]).values()))
    monkeypatch.setattr(ctx.store, "article_id_array", lambda *a, **k: np.array(ids, dtype=np.int64))
    monkeypatch.setattr(ctx.store, "order_cached", lambda: True)
    monkeypatch.setattr(ctx.store, "article_rows", lambda wanted: asked.append(list(wanted)) or {a: replace(one, id=a) for a in wanted})
    model = ArticleTableModel(ctx)
    model.reload()
    model.data(model.index(1000, 2))
    assert len(asked[-1]) == JUMP_WINDOW and 1001 in asked[-1]
    below = 1000 - JUMP_WINDOW // 4 + JUMP_WINDOW  # first row after the window: its neighbour above is cached
    model.data(model.index(below, 2))
    assert len(asked[-1]) > JUMP_WINDOW and set(asked[-1]).isdisjoint(asked[-2])
    model.data(model.index(0, 2))  # the top of the list: a full window
    assert len(asked[-1]) == WINDOW
    assert model.row_of(1500) == 1499 and model.row_of(1500) == 1499 and model.row_of(99999) == -1  # scan, then map
    model.on_changes(Changes(article_ids={1001}))  # an edited row is read again
    model.data(model.index(1000, 2))
    assert 1001 in asked[-1]
