"""Text repairs applied to body and heading text after segmentation.

Owns: ``join_fragments`` (glue the pieces of a paragraph cut by a column
break, without inserting a space between CJK characters) and
``normalise_spacing`` (remove the spaces OCR put between digits/Latin letters
and CJK characters: ``2023 年 9 月`` -> ``2023年9月``; spaces between two Latin
words or numbers and between CJK phrases are kept).

Pure and linear in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.pipeline.lines import CJK_CHARS

_SPACES = "[ \t\u00a0\u3000]+"
_ALNUM_THEN_CJK = re.compile(rf"(?<=[0-9A-Za-z%％]){_SPACES}(?=[{CJK_CHARS}])")
_CJK_THEN_ALNUM = re.compile(rf"(?<=[{CJK_CHARS}]){_SPACES}(?=[0-9A-Za-z])")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def normalise_spacing(text: str) -> str:
    """Drop OCR spaces at digit/Latin-CJK boundaries; keep every other space."""
    if " " not in text and "\u3000" not in text and "\t" not in text and "\u00a0" not in text:
        return text  # no space of _SPACES to drop
    text = _ALNUM_THEN_CJK.sub("", text)
    return _CJK_THEN_ALNUM.sub("", text)


def join_fragments(pieces: Iterable[str]) -> str:
    """Join the pieces of one paragraph split by column breaks.

    Pieces are glued directly; a single space is kept only between two Latin
    letters, where the break most likely fell between two words.
    """
    out: list[str] = []
    for piece in pieces:
        if out and out[-1] and piece and _ASCII_LETTER.fullmatch(out[-1][-1]) and _ASCII_LETTER.fullmatch(piece[0]):
            out.append(" ")
        out.append(piece)
    return "".join(out)
