"""Offset units: Python code points (Newsdesk) versus UTF-16 code units (Qt, JS tools).

Owns the one conversion between the two, used by the exports and readers and by
the Qt widgets alike.  Newsdesk stores spans as code-point offsets into ``body``.
Qt's ``QTextCursor`` counts UTF-16 code units, and so do doccano, Label Studio
and INCEpTION (their editors run in JavaScript or Java), so a character outside
the Basic Multilingual Plane, such as the CJK Ext-B name character 𠮷 (U+20BB7)
or the emoji 😀, counts 1 for Python and 2 for them, and every offset after it
shifts by one.

A UTF-16 offset between the two units of such a character has no code-point
equivalent.  ``from_utf16`` refuses it (an offset read from a file that splits a
character is bad input); ``to_code_point`` rounds it down to the start of that
character (an editor's cursor or selection never splits one).  Both use the same
computation, so they agree everywhere else.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

OFFSET_UNITS: tuple[str, ...] = ("utf16", "codepoint")


class OffsetMap:
    """Converts offsets of one text between code points and UTF-16 code units, O(log n) a call."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Code-point indices of the astral (two-unit) characters, ascending; empty for BMP-only text.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # For each astral char, its UTF-16 index (code-point index + astral chars before it).
        self._astral16 = [i + k for k, i in enumerate(self._astral)]

    @property
    def length(self) -> int:
        """Length of the text in code points."""
        return len(self.text)

    @property
    def utf16_length(self) -> int:
        """Length of the text in UTF-16 code units."""
        return len(self.text) + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """UTF-16 offset of the code-point ``offset`` (0..len(text)); ValueError outside the text."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"code-point offset {offset} outside 0..{len(self.text)}")
        return offset + bisect_left(self._astral, offset)

    def to_code_point(self, offset: int) -> int:
        """Code-point offset of the UTF-16 ``offset``, rounded down to the start of the character
        when it falls inside a surrogate pair; ValueError outside the text."""
        if not 0 <= offset <= self.utf16_length:
            raise ValueError(f"UTF-16 offset {offset} outside 0..{self.utf16_length}")
        # Each astral character starting before ``offset`` took one extra unit; one that
        # ``offset`` falls inside is counted too, which rounds down to its start.
        return offset - bisect_right(self._astral16, offset - 1)

    def from_utf16(self, offset: int) -> int:
        """Code-point offset of the UTF-16 ``offset``; ValueError inside a surrogate pair or outside the text."""
        cp = self.to_code_point(offset)
        if self.to_utf16(cp) != offset:
            raise ValueError(f"UTF-16 offset {offset} falls inside a surrogate pair")
        return cp

    def export(self, offset: int, unit: str) -> int:
        """Code-point ``offset`` expressed in ``unit``."""
        return self.to_utf16(offset) if unit == "utf16" else offset

    def import_(self, offset: int, unit: str) -> int:
        """Offset in ``unit`` expressed as a code point (``from_utf16`` for UTF-16)."""
        return self.from_utf16(offset) if unit == "utf16" else offset


def utf16_slice(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with UTF-16 offsets, the way a JavaScript tool slices."""
    data = text.encode("utf-16-le")
    return data[2 * start : 2 * end].decode("utf-16-le")


def check_unit(unit: str) -> str:
    if unit not in OFFSET_UNITS:
        raise ValueError(f"offset unit must be one of {OFFSET_UNITS}, not {unit!r}")
    return unit
