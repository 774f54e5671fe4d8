"""The dateline of an article: the explicit day its lead gives for the news.

Owns: ``find_dateline`` (lead paragraph -> ``(dateline, iso or None)``).  The
dateline is the first single calendar day (with a month and a day, e.g.
``2月20日``) in the lead's first sentence; a range (``8月10日至11月18日``), a bare
year or a bare month is not a dateline.  The ISO form is given only when the
dateline itself prints the year.  Date reading is ``desktop.pipeline.dates``.
"""

from __future__ import annotations

import re

from desktop.pipeline.dates import iter_dates

_FIRST_SENTENCE_RE = re.compile(r"[^。！？!?]{0,200}")
_HAS_MONTH_AND_DAY_RE = re.compile(r"月\s*\d{0,2}[^月]*[日号]$")
_SPACES_RE = re.compile(r"\s+")
_RANGE_RE = re.compile(r"[至到—－~～-]")
_ISO_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def find_dateline(lead: str) -> tuple[str, str | None]:
    """``(dateline as printed without OCR spaces, ISO date or None)``; ``("", None)`` if none."""
    sentence = _FIRST_SENTENCE_RE.match(lead)
    if sentence is None:
        return "", None
    first = sentence.group(0)
    if "月" not in first or ("日" not in first and "号" not in first):  # no month and day to find
        return "", None
    for start, end, value in iter_dates(first):
        surface = _SPACES_RE.sub("", first[start:end])
        if isinstance(value, dict) or _RANGE_RE.search(surface) or not _HAS_MONTH_AND_DAY_RE.search(surface):
            continue
        iso = value if isinstance(value, str) and _ISO_DAY_RE.fullmatch(value) else None
        return surface, iso
    return "", None
