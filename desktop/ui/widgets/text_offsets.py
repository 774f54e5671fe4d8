"""Conversion between Python code-point offsets and Qt's UTF-16 offsets.

Owns: the one place that knows ``QTextCursor`` positions count UTF-16 code
units while the store's span offsets count Python ``str`` code points.  They
differ after every character outside the Basic Multilingual Plane (rare name
characters such as 𠮷, emoji), which takes two UTF-16 units.  No Qt here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    """Convert offsets for one text in O(log n) per call."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # Code-point indices of the astral (two-unit) characters, in order.
        self._astral_cp = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # UTF-16 index of each of those characters.
        self._astral_u16 = [cp + n for n, cp in enumerate(self._astral_cp)]

    @property
    def length(self) -> int:
        """Length of the text in code points."""
        return self._length

    @property
    def utf16_length(self) -> int:
        return self._length + len(self._astral_cp)

    def to_utf16(self, cp: int) -> int:
        """UTF-16 position of code-point offset ``cp`` (0 <= cp <= len(text))."""
        if not 0 <= cp <= self._length:
            raise ValueError(f"code-point offset {cp} outside 0..{self._length}")
        return cp + bisect_left(self._astral_cp, cp)

    def to_code_point(self, u16: int) -> int:
        """Code-point offset of UTF-16 position ``u16``.

        A position inside a surrogate pair (between its two units) is rounded
        down to the start of that character, so a selection never splits one.
        """
        if not 0 <= u16 <= self.utf16_length:
            raise ValueError(f"UTF-16 offset {u16} outside 0..{self.utf16_length}")
        # Each astral character starting before u16 took one extra unit; one
        # that u16 falls inside is counted too, which rounds down to its start.
        return u16 - bisect_right(self._astral_u16, u16 - 1)


def cp_to_utf16(text: str, cp: int) -> int:
    """UTF-16 position of a code-point offset into ``text``."""
    return OffsetMap(text).to_utf16(cp)


def utf16_to_cp(text: str, u16: int) -> int:
    """Code-point offset of a UTF-16 position in ``text``."""
    return OffsetMap(text).to_code_point(u16)
