"""Bytes of a page file -> page text, or a clear reason why not.

Owns: encoding detection (BOMs, strict UTF-8, then charset-normalizer for
GB18030/GBK, UTF-16 without BOM, Big5 …), refusing binary files, normalising
line ends, the content hash used to recognise an unchanged re-import, and
``display_name`` (a file name that is not valid UTF-8 as readable text plus
its bytes).  Pure: no Qt, no SQL, no file-system walking (see ``desktop.pipeline.sources``).
"""

from __future__ import annotations

import codecs
import hashlib
import os
import unicodedata
from dataclasses import dataclass, field

from charset_normalizer import from_bytes


class UndecodableError(ValueError):
    """The file is not text Newsdesk can read; ``str(err)`` says why."""


@dataclass
class DecodedPage:
    raw_text: str  # decoded, exactly as in the file (line ends kept)
    text: str  # line ends normalised to "\n", BOM removed
    encoding: str
    warnings: list[str] = field(default_factory=list)


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Encodings charset-normalizer may name that we widen to their superset.
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "hz": "gb18030"}

_MAX_CONTROL_RATIO = 0.01


def content_hash(data: bytes) -> str:
    """SHA-256 of the file's bytes: the identity of a page version."""
    return hashlib.sha256(data).hexdigest()


def display_name(name: str | os.PathLike[str]) -> tuple[str, bytes | None]:
    """A file name as text to show and store, and its bytes when they are not valid UTF-8.

    A name holding the bytes FF FE (not UTF-8; Python carries them as lone
    surrogates) becomes text with those bytes written as backslash escapes, as
    ``ls -b`` shows them (``bad\\xff\\xfename.txt``), plus the name's bytes, so
    nothing is lost.  A valid name comes back unchanged, with ``None``.
    """
    text = os.fspath(name)
    if text.isascii():
        return text, None
    raw = os.fsencode(text)
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace"), raw


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return bad / len(text)


def _decode_utf8_tolerating_cut_tail(data: bytes) -> tuple[str, list[str]] | None:
    """Strict UTF-8; a file cut inside its last character loses only that character."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3 and err.reason == "unexpected end of data":
            dropped = len(data) - err.start
            return data[: err.start].decode("utf-8"), [f"file ends inside a UTF-8 character ({dropped} byte(s) dropped)"]
        return None


def _decode_utf8_with_few_bad_bytes(data: bytes) -> tuple[str, list[str]] | None:
    """UTF-8 damaged in a few places (a cut, a flipped byte): keep the text, mark the damage."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    if 0 < bad <= max(3, len(data) // 1000):
        return text, [f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD"]
    return None


def _decode_mixed_lines(data: bytes) -> tuple[str, list[str]] | None:
    """Mostly UTF-8 with some lines in GB18030 (files pasted together)."""
    lines = data.split(b"\n")
    out: list[str] = []
    n_gb = n_utf8 = 0
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
            n_utf8 += not line.isascii()
        except UnicodeDecodeError:
            try:
                out.append(line.decode("gb18030"))
                n_gb += 1
            except UnicodeDecodeError:
                return None
    if n_gb == 0 or n_utf8 == 0:
        return None
    return "\n".join(out), [f"mixed encodings: {n_gb} line(s) decoded as GB18030, the rest as UTF-8"]


def decode_page(data: bytes) -> DecodedPage:
    """Decode a page file's bytes.  Raises UndecodableError with a reason."""
    if not data:
        raise UndecodableError("empty file")
    warnings: list[str] = []
    text: str | None = None
    encoding = ""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as err:
                raise UndecodableError(f"starts with a {enc} byte-order mark but is not valid {enc}: {err.reason}") from err
            encoding = enc
            break
    if text is None and b"\x00" not in data:
        got = _decode_utf8_tolerating_cut_tail(data)
        if got is not None:
            text, warnings = got
            encoding = "utf-8"
    if text is None and b"\x00" not in data:
        got = _decode_mixed_lines(data)
        if got is not None:
            text, warnings = got
            encoding = "utf-8+gb18030"
    if text is None and b"\x00" not in data:
        got = _decode_utf8_with_few_bad_bytes(data)
        if got is not None:
            text, warnings = got
            encoding = "utf-8"
    if text is None:
        best = from_bytes(data).best()
        if best is None or best.encoding is None:
            raise UndecodableError("binary or undecodable: no text encoding fits its bytes")
        encoding = _WIDEN.get(best.encoding.lower(), best.encoding)
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text = str(best)
            encoding = best.encoding
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise UndecodableError(f"binary file: too many control characters to be text (read as {encoding})")
    normalised = normalise_newlines(text).lstrip("\ufeff")
    if not normalised.strip():
        raise UndecodableError("empty page: the file holds only whitespace")
    return DecodedPage(raw_text=text, text=normalised, encoding=encoding, warnings=warnings)
