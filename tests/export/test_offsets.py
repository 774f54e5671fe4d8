"""The one code-point <-> UTF-16 converter (desktop/export/offsets.py), with 𠮷 and 😀."""

from __future__ import annotations

import pytest

from desktop.export.offsets import OffsetMap, utf16_slice

TEXT = "吉𠮷祥，记者😀报道：𠮷野家"
UNITS = len(TEXT.encode("utf-16-le")) // 2


def test_bmp_text_offsets_are_equal() -> None:
    m = OffsetMap("四川省财政厅")
    assert [m.to_utf16(i) for i in range(7)] == list(range(7))
    assert [m.from_utf16(i) for i in range(7)] == list(range(7))
    assert (m.length, m.utf16_length) == (6, 6)


def test_astral_characters_take_two_units() -> None:
    m = OffsetMap(TEXT)
    assert m.to_utf16(1) == 1  # before 𠮷
    assert m.to_utf16(2) == 3  # after 𠮷
    emoji = TEXT.index("😀")
    assert m.to_utf16(emoji) == emoji + 1  # one 𠮷 before it
    assert m.to_utf16(emoji + 1) == emoji + 3  # after 😀
    assert (m.length, m.utf16_length) == (len(TEXT), UNITS)
    for cp in range(len(TEXT) + 1):
        u16 = m.to_utf16(cp)
        assert m.from_utf16(u16) == cp and m.to_code_point(u16) == cp
        assert utf16_slice(TEXT, 0, u16) == TEXT[:cp]


def test_inside_a_surrogate_pair_the_two_policies_agree_on_the_character() -> None:
    """Between the two units of 𠮷 or 😀: a file's offset is refused, an editor's cursor rounds
    down to the character's start; every other offset converts the same both ways."""
    m = OffsetMap(TEXT)
    inside = [m.to_utf16(i) + 1 for i, ch in enumerate(TEXT) if ord(ch) > 0xFFFF]
    assert inside == [2, 8, 13]  # 𠮷, 😀, 𠮷
    for u16, ch in zip(inside, "𠮷😀𠮷"):
        with pytest.raises(ValueError, match="surrogate pair"):
            m.from_utf16(u16)
        assert TEXT[m.to_code_point(u16)] == ch
    assert m.import_(3, "utf16") == 2 and m.export(2, "utf16") == 3
    assert m.import_(3, "codepoint") == 3 and m.export(3, "codepoint") == 3


def test_out_of_range_is_refused() -> None:
    m = OffsetMap("a😀")
    for call, offset in ((m.to_utf16, 3), (m.to_utf16, -1), (m.to_code_point, 4), (m.from_utf16, -1)):
        with pytest.raises(ValueError, match="outside"):
            call(offset)
    assert m.to_code_point(3) == 2
