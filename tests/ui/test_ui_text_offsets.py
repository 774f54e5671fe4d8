"""The code-point <-> UTF-16 converter the widgets use agrees with Qt's own text cursor."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from desktop.export.offsets import OffsetMap

TEXT = "吉𠮷祥，记者😀报道：𠮷野家"


def test_agrees_with_qt_text_cursor(qapp):
    doc = QTextDocument()
    doc.setPlainText(TEXT)
    m = OffsetMap(TEXT)
    assert doc.characterCount() - 1 == m.utf16_length  # Qt counts UTF-16 units (plus one paragraph end)
    for word in ("𠮷野家", "😀报道", "吉𠮷祥"):
        target = TEXT.index(word)
        cursor = QTextCursor(doc)
        cursor.setPosition(m.to_utf16(target))
        cursor.setPosition(m.to_utf16(target + 3), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == word
        assert m.to_code_point(cursor.selectionStart()) == target
        assert m.to_code_point(cursor.selectionEnd()) == target + 3
