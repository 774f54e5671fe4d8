"""A machine span the editor corrected is the editor's: re-extraction (F5) keeps it.

Driven through the real window: a click on a machine span's characters, a label
key or Alt+Shift+arrows, then F5.  Before the fix, the corrected span stayed
``auto`` and F5 silently put the machine's version back.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from desktop.export.options import ExportOptions, apply_options

LABEL_KEYS = {"PER": Qt.Key.Key_1, "ORG": Qt.Key.Key_2, "LOC": Qt.Key.Key_3}


def _click_on_span(qtbot, window, span) -> None:
    """Click the middle of the span's characters in the article text."""
    text = window.article_view.text
    cursor = text.textCursor()
    middle = (span.start + span.end) // 2
    cursor.setPosition(text.offsets.to_utf16(middle))
    rect = text.cursorRect(cursor)
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x() + 2, rect.center().y()))


def _machine_span(record, labels=("PER", "ORG", "LOC")):
    """A machine span of one of ``labels`` that keeps room to grow by one character on the right."""
    ordered = sorted(record.spans, key=lambda s: s.start)
    for i, s in enumerate(ordered):
        nxt = ordered[i + 1].start if i + 1 < len(ordered) else len(record.body)
        if s.origin == "auto" and s.label in labels and s.end + 1 <= nxt and "\n" not in record.body[s.start : s.end + 1]:
            return s
    raise AssertionError("no machine span to correct on this article")


def _span(store, article_id, span_id):
    return next((s for s in store.get_article(article_id).spans if s.id == span_id), None)


def test_relabelled_machine_span_survives_f5_and_counts_as_human(qtbot, main_window):
    w = main_window
    ctx = w.ctx
    record = ctx.record
    span = _machine_span(record)
    _click_on_span(qtbot, w, span)
    assert ctx.span_id == span.id
    new_label = "ORG" if span.label != "ORG" else "LOC"
    qtbot.keyClick(w.article_view.text, LABEL_KEYS[new_label])
    changed = _span(ctx.store, record.id, span.id)
    assert changed.label == new_label
    assert (changed.origin, changed.suggested) == ("human", "auto")  # the editor's, begun as the machine's

    qtbot.keyClick(w.article_view.text, Qt.Key.Key_F5)
    kept = _span(ctx.store, record.id, span.id)
    assert kept is not None and (kept.label, kept.start, kept.end) == (new_label, span.start, span.end)

    records = list(apply_options(ctx.store.iter_records(), ExportOptions(human_only=True)))
    exported = [s for r in records if r["id"] == record.id for s in r["spans"]]
    assert (span.start, span.end, new_label) in {(s["start"], s["end"], s["label"]) for s in exported}

    # Undo of the relabel gives the machine its span back, as it was.
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the F5 step (if any)
    while _span(ctx.store, record.id, span.id) is not None and _span(ctx.store, record.id, span.id).label != span.label:
        assert ctx.undo_stack.canUndo()
        ctx.undo_stack.undo()
    back = _span(ctx.store, record.id, span.id)
    assert (back.label, back.origin, back.suggested) == (span.label, "auto", "auto")


def test_resized_machine_span_survives_f5(qtbot, main_window):
    w = main_window
    ctx = w.ctx
    record = ctx.record
    span = _machine_span(record)
    _click_on_span(qtbot, w, span)
    assert ctx.span_id == span.id
    qtbot.keyClick(w.article_view.text, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    grown = _span(ctx.store, record.id, span.id)
    assert (grown.end, grown.origin) == (span.end + 1, "human")

    qtbot.keyClick(w.article_view.text, Qt.Key.Key_F5)
    kept = _span(ctx.store, record.id, span.id)
    assert kept is not None and (kept.start, kept.end, kept.label) == (span.start, span.end + 1, span.label)
