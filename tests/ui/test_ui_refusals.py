"""Every refusal an editor meets is in the interface language and says what to do; offsets
and ids go only to the log (issue 14, item 6)."""

from __future__ import annotations

import logging
import re

from desk_helpers import CTRL, ALT, press, select_text
from PySide6.QtCore import Qt

from desktop.store.errors import CODES, StoreError
from desktop.ui.messages import explain, phrased_codes

CJK = re.compile(r"[\u4e00-\u9fff]")
DETAILS = {
    "text": "来自成", "other_label": "LOC", "other_text": "成都", "label": "ORG", "count": 2, "field": "title",
    "role": "编辑", "reason": "Permission denied", "kind": "span", "start": 222, "end": 225, "other_id": 7,
}


def _no_developer_detail(message: str) -> None:
    assert CJK.search(message), message
    assert not re.search(r"\[\d+, \d+\)|\bid \d+|\bspan\b|overlaps", message), message


def test_an_overlap_is_phrased_in_chinese_and_the_offsets_go_to_the_log(qtbot, main_window, caplog):
    w, ctx = main_window, main_window.ctx
    record = ctx.record
    span = next(s for s in record.spans if not re.search(r"\d", record.body[max(0, s.start - 1) : s.end]) and s.start > 0)
    select_text(qtbot, w, span.start - 1, 2)  # one character before the span and its first one
    with caplog.at_level(logging.INFO, logger="newsdesk"):
        press(qtbot, Qt.Key.Key_1)
    message = w.status_panel.currentMessage()
    refused = record.body[span.start - 1 : span.start + 1]
    from desktop.ui.messages import label_name

    assert message == f"「{refused}」与已有的“{label_name(span.label)}”标注「{span.text}」重叠：先删除或调整它。", message
    assert not re.search(r"\d", message)  # no offsets, no ids
    logged = " ".join(r.getMessage() for r in caplog.records if r.name == "newsdesk")
    assert "span_overlap" in logged and f"[{span.start - 1}, {span.start + 1})" in logged and f"id {span.id}" in logged


def test_a_paragraph_with_a_checked_span_refuses_to_become_a_caption_by_name(qtbot, main_window):
    w, ctx, store = main_window, main_window.ctx, main_window.ctx.store
    article_id = next(a for a in store.article_ids() if store.get_article(a).body.count("\n") >= 2)
    ctx.select_article(article_id)
    body = ctx.record.body
    start = body.index("\n") + 1  # the second paragraph
    span = next((s for s in ctx.record.spans if s.start >= start and s.end <= body.index("\n", start)), None)
    assert span is not None
    w.article_view.text.setFocus()
    ctx.select_span(span.id)
    press(qtbot, Qt.Key.Key_A)  # accepted: now a checked span
    select_text(qtbot, w, start + 1, 1)
    press(qtbot, Qt.Key.Key_C, CTRL | ALT)
    message = w.status_panel.currentMessage()
    assert span.text in message and "先删除它们" in message, message
    _no_developer_detail(message)
    assert store.get_article(article_id).body == body  # nothing changed


def test_ui_refusals_say_what_to_do(qtbot, main_window):
    w, ctx, store = main_window, main_window.ctx, main_window.ctx.store
    text = w.article_view.text
    text.setFocus()
    ctx.select_span(None)
    press(qtbot, Qt.Key.Key_Delete)
    assert "请点击一个标注" in w.status_panel.currentMessage()
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert "请先选中一段文字或点击一个标注" in w.status_panel.currentMessage()
    reviewed = ctx.article_id
    store.set_status(reviewed, "reviewed")
    ctx.select_article(store.article_ids()[1])
    ctx.select_article(reviewed)
    press(qtbot, Qt.Key.Key_F5)
    assert "审阅中" in w.status_panel.currentMessage()  # what to do: set it back to in review


def test_every_refusal_code_has_a_chinese_sentence(main_window):
    assert set(CODES) - phrased_codes() <= {"store_error"}
    for code in CODES:
        message = explain(StoreError("developer text [1, 2) id 3", code=code, **DETAILS))
        _no_developer_detail(message)
        assert "%" not in message and "developer text" not in message, (code, message)


def test_a_batch_re_extraction_that_failed_on_some_articles_names_them_not_their_ids(main_window, caplog):
    from desktop.ops.reextraction import BatchSummary

    w, store = main_window, main_window.ctx.store
    ids = [a for a in store.article_ids() if a >= 10][:2]  # ids that cannot be mistaken for the count
    shown: list[tuple[str, str]] = []
    w.ctx.interaction.show_error = lambda title, text: shown.append((title, text))
    summary = BatchSummary(total=2, failed=[(ids[0], "ValueError: bad offsets [3, 9)")], error="database is locked")
    with caplog.at_level(logging.WARNING, logger="newsdesk"):
        w.reextraction._on_batch_done(store, summary)
    title, text = shown[0]
    assert store.get_article(ids[0]).title in text and "Ctrl+Z" in text
    assert "ValueError" not in text and "locked" not in text and str(ids[0]) not in text.replace("Ctrl+Z", "")
    _no_developer_detail(text)
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "ValueError: bad offsets" in logged and "database is locked" in logged
