"""Code-point <-> UTF-16 offsets, checked against Qt's own text cursor."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from desktop.ui.widgets.text_offsets import OffsetMap, cp_to_utf16, utf16_to_cp

TEXT = "吉𠮷祥，记者😀报道：𠮷野家"


def test_bmp_text_offsets_are_equal():
    m = OffsetMap("四川省财政厅")
    assert [m.to_utf16(i) for i in range(7)] == list(range(7))
    assert m.utf16_length == 6


def test_astral_characters_take_two_units():
    m = OffsetMap(TEXT)
    assert m.to_utf16(1) == 1  # before 𠮷
    assert m.to_utf16(2) == 3  # after 𠮷
    emoji = TEXT.index("😀")
    assert m.to_utf16(emoji + 1) == emoji + 3
    assert m.utf16_length == len(TEXT.encode("utf-16-le")) // 2
    for cp in range(len(TEXT) + 1):
        assert m.to_code_point(m.to_utf16(cp)) == cp


def test_position_inside_a_surrogate_pair_rounds_down():
    m = OffsetMap(TEXT)
    assert m.to_code_point(2) == 1  # between the two units of 𠮷


def test_out_of_range_is_refused():
    m = OffsetMap("ab")
    with pytest.raises(ValueError):
        m.to_utf16(3)
    with pytest.raises(ValueError):
        m.to_code_point(-1)


def test_agrees_with_qt_text_cursor(qapp):
    doc = QTextDocument()
    doc.setPlainText(TEXT)
    m = OffsetMap(TEXT)
    target = TEXT.index("𠮷野家")
    cursor = QTextCursor(doc)
    cursor.setPosition(m.to_utf16(target))
    cursor.setPosition(m.to_utf16(target + 3), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "𠮷野家"
    assert utf16_to_cp(TEXT, cursor.selectionStart()) == target
    assert cp_to_utf16(TEXT, target) == cursor.selectionStart()
