"""The history (Ctrl+H) tells each change in words, in the editor's local time, and
shows what a body edit deleted and inserted (issue 14, item 7).

Before: raw JSON in Before/After columns, UTC ISO timestamps, no diff.
"""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from page_helpers import CTRL, SHIFT, adjacent_pair
from page_helpers import show_article as _show
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.ui.app import configure_application
from desktop.ui.dialogs.history import HistoryDialog
from desktop.ui.label_palette import style_for
from desktop.ui.settings import LANGUAGE

STORE = Path(__file__).resolve().parents[2] / "desktop" / "store"
COL_WHEN, COL_CHANGE = 0, 2  # the table's columns: when, editor, change
LABEL_KEYS = {"PER": Qt.Key.Key_1, "ORG": Qt.Key.Key_2, "LOC": Qt.Key.Key_3}


@pytest.fixture
def shanghai_time(monkeypatch):
    """Local time is UTC+8 for the test (the machine's zone is usually UTC)."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _history_rows(qtbot, window) -> tuple[list[list[str]], str]:
    """Press Ctrl+H, read every row (when, editor, change) and the detail of the body-edit row."""
    seen: dict = {}

    def answer() -> None:
        dialog = window.history.dialog
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        table = dialog.table
        seen["rows"] = [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
                        for r in range(table.rowCount())]
        dialog.reject()

    QTimer.singleShot(0, answer)
    qtbot.keyClick(window.article_view.text, Qt.Key.Key_H, CTRL)
    return seen["rows"]


def _click_span(qtbot, window, span) -> None:
    text = window.article_view.text
    cursor = text.textCursor()
    cursor.setPosition(text.offsets.to_utf16((span.start + span.end) // 2))
    rect = text.cursorRect(cursor)
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x() + 2, rect.center().y()))


def test_history_tells_each_change_in_words_in_local_time(qtbot, main_window, shanghai_time, monkeypatch):
    w, store = main_window, main_window.ctx.store
    record = adjacent_pair(store, min_breaks=2)[0]
    _show(qtbot, w, record.id)
    # 1. relabel a machine LOC/PER span with a key
    span = next(s for s in sorted(record.spans, key=lambda s: s.start) if s.label in ("LOC", "PER"))
    _click_span(qtbot, w, span)
    assert w.ctx.span_id == span.id
    qtbot.keyClick(w.article_view.text, LABEL_KEYS["ORG"])
    # 2. a new title typed into the fields panel
    title = w.fields.editors["title"]
    title.setFocus()
    title.selectAll()
    event = QInputMethodEvent()  # typed through an input method, as Chinese is
    event.setCommitString("新的标题")
    QApplication.sendEvent(title, event)
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert store.get_article(record.id).title == "新的标题"
    # 3. accept the machine's spans (Ctrl+Shift+A)
    w.article_view.text.setFocus()
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_A, CTRL | SHIFT)
    # 4. a body edit (F2; the editor's answer comes through the interaction seam)
    body = store.get_article(record.id).body
    cut = body.index("\n") // 2
    edited = body[:cut] + "（补）" + body[cut + 2:]
    monkeypatch.setattr(w.ctx.interaction, "edit_body", lambda *_a, **_k: edited)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_F2)
    assert store.get_article(record.id).body == edited
    # 5. split at the second paragraph (Ctrl+Shift+S)
    second = edited.index("\n") + 1
    _show(qtbot, w, record.id, second)
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_S, CTRL | SHIFT)

    rows = _history_rows(qtbot, w)
    changes = [r[COL_CHANGE] for r in rows]
    old_label, new_label = style_for(span.label).zh, style_for("ORG").zh
    assert changes[0].startswith("拆分文章：新文章从「") and edited[second:second + 5] in changes[0]
    assert changes[1] == "正文修改：插入 3 字，删除 2 字"
    assert re.fullmatch(r"接受机器标注（\d+ 个）", changes[2])
    assert changes[3] == f"标题：「{record.title}」 → 「新的标题」"
    assert changes[4] == f"「{span.text}」 {old_label} → {new_label}"  # 「成都高新区」 地名 → 机构
    assert changes[-1] == "导入时的样子（第一次记录的修改之前）"
    # When: the editor's local time (UTC+8 here), not the stored UTC ISO text
    event = store.events(record.id, limit=1)[0]
    utc = datetime.fromisoformat(event.at.replace("Z", "+00:00"))
    assert rows[0][COL_WHEN] == (utc + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M")
    assert "T" not in rows[0][COL_WHEN] and "Z" not in rows[0][COL_WHEN]


def test_history_in_english(qtbot, main_window, qapp):
    w, store = main_window, main_window.ctx.store
    record = adjacent_pair(store)[0]
    span = next(s for s in record.spans if s.label != "ORG")
    store.update_span(span.id, label="ORG")
    store.set_field(record.id, "title", "New title")
    store.set_status(record.id, "reviewed")
    settings = w.ctx.settings
    settings.set(LANGUAGE, "en")
    configure_application(qapp, settings)
    try:
        dialog = HistoryDialog(record.title, store.article_history(record.id))
        qtbot.addWidget(dialog)
        changes = [dialog.table.item(r, COL_CHANGE).text() for r in range(dialog.table.rowCount())]
        assert changes[0] == "Status: unreviewed → reviewed"
        assert changes[1] == f"Title: “{record.title}” → “New title”"
        assert changes[2] == f"“{span.text}” {style_for(span.label).en} → Organisation"
        assert dialog.table.horizontalHeaderItem(COL_CHANGE).text() == "Change"
    finally:
        settings.set(LANGUAGE, "zh_CN")
        configure_application(qapp, settings)


def test_a_body_edit_is_shown_as_deleted_and_inserted_text_never_as_markup(qtbot, ctx):
    store = ctx.store
    record = store.get_article(store.article_ids()[0])
    markup = '<b>粗</b><a href="https://x">点此修复</a><img src="x.png">'
    cut = 4
    removed = record.body[cut:cut + 3]
    store.set_body(record.id, record.body[:cut] + markup + record.body[cut + 3:])
    dialog = HistoryDialog(record.title, store.article_history(record.id))
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, COL_CHANGE).text() == f"正文修改：插入 {len(markup)} 字，删除 3 字"
    dialog.table.selectRow(0)
    doc: QTextDocument = dialog.detail.document()
    inserted, deleted, anchors, images = [], [], 0, 0
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.fontUnderline() and not fmt.fontStrikeOut():
                inserted.append(fragment.text())
            if fmt.fontStrikeOut():
                deleted.append(fragment.text())
            anchors += fmt.isAnchor()
            images += fmt.isImageFormat()
            it += 1
        block = block.next()
    assert "".join(inserted) == markup  # the page text, literally, marked as inserted
    assert "".join(deleted) == removed
    assert anchors == 0 and images == 0
    assert markup in doc.toPlainText()
    # the context around the change is there too, and the table's tool tip shows the words literally
    assert record.body[:cut] in doc.toPlainText()


def _store_actions() -> set[str]:
    """Every action string the store records (``record_event(db, article, editor, "action", …)``)."""
    actions: set[str] = set()
    for path in STORE.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        constants = dict(re.findall(r'^(\w+)\s*=\s*"(\w+)"', source, re.MULTILINE))
        for arg in re.findall(r"record_event\(\s*[^,]+,\s*[^,]+,\s*[^,]+,\s*([^,\s]+)\s*,", source):
            actions.add(arg.strip('"') if arg.startswith('"') else constants.get(arg, arg))
    return actions - {"action"}  # the definition itself


def test_every_action_the_store_records_has_a_phrasing():
    from desktop.ui.history_phrases import PHRASES

    actions = _store_actions()
    assert {"set_field", "update_span", "split_article", "reextract", "block_to_caption"} <= actions
    missing = sorted(actions - set(PHRASES))
    assert not missing, f"history phrasing missing for {missing} (desktop/ui/history_phrases.py)"
