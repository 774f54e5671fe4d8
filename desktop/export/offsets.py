"""Offset units: Python code points (Newsdesk) versus UTF-16 code units (JS tools).

Owns the conversion between the two.  Newsdesk stores spans as code-point
offsets into ``body``.  doccano, Label Studio and INCEpTION count UTF-16 code
units (their editors run in JavaScript or Java), so a character outside the
Basic Multilingual Plane, such as the CJK Ext-B name character 𠮷 (U+20BB7),
counts 1 for Python and 2 for them, and every offset after it shifts by one.
"""

from __future__ import annotations

from bisect import bisect_left

OFFSET_UNITS: tuple[str, ...] = ("utf16", "codepoint")


class OffsetMap:
    """Converts offsets of one text between code points and UTF-16 code units."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Code-point indices of astral characters, ascending; empty for BMP-only text.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # For each astral char, its UTF-16 index (code-point index + astral chars before it).
        self._astral16 = [i + k for k, i in enumerate(self._astral)]

    @property
    def bmp_only(self) -> bool:
        return not self._astral

    def to_utf16(self, offset: int) -> int:
        """UTF-16 offset of the code-point ``offset`` (0..len(text))."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, offset: int) -> int:
        """Code-point offset of the UTF-16 ``offset``; ValueError inside a surrogate pair."""
        if not self._astral:
            return offset
        k = bisect_left(self._astral16, offset)
        if k > 0 and self._astral16[k - 1] + 1 == offset:
            raise ValueError(f"UTF-16 offset {offset} falls inside a surrogate pair")
        return offset - k

    def length(self, unit: str) -> int:
        """Length of the text in ``unit``."""
        return len(self.text) + (len(self._astral) if unit == "utf16" else 0)

    def export(self, offset: int, unit: str) -> int:
        """Code-point ``offset`` expressed in ``unit``."""
        return self.to_utf16(offset) if unit == "utf16" else offset

    def import_(self, offset: int, unit: str) -> int:
        """Offset in ``unit`` expressed as a code point."""
        return self.from_utf16(offset) if unit == "utf16" else offset


def utf16_slice(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with UTF-16 offsets, the way a JavaScript tool slices."""
    data = text.encode("utf-16-le")
    return data[2 * start : 2 * end].decode("utf-16-le")


def check_unit(unit: str) -> str:
    if unit not in OFFSET_UNITS:
        raise ValueError(f"offset unit must be one of {OFFSET_UNITS}, not {unit!r}")
    return unit
