"""Document titles: the DOC spans, i.e. what stands inside 《》.

Owns: ``find_doc_titles``.  Each 《…》 gives one span without the marks (every
occurrence, 《通知》 too); a nested 〈…〉 title stays inside the outer span.  When
the closing 》 is missing (lost at a column break), the title ends where it
evidently ends: after the last document-type word (计划, 方案, 通知, 清单 …) and the
bracketed years or 试行 note that may follow it, before the next clause.  With no
such word in reach the title is not guessed.
"""

from __future__ import annotations

import re

_MAX_TITLE = 120
# Where an unclosed title cannot go on: a new title, a line end, the end of a sentence.
_UNCLOSED_STOP_RE = re.compile(r"[《\n。；;！!？?，,]")
_DOC_TYPE_END_RE = re.compile(
    r"(?:计划|方案|规划|纲要|意见|通知|办法|规定|条例|细则|决定|清单|目录|名录|指南|标准|规范|"
    r"协议|备忘录|公告|通告|报告|白皮书|倡议书|承诺书|宣言|章程|守则|法|措施|政策|指引|导则|要点|函|批复)"
    r"(?:[(（][^()（）\n]{1,20}[)）])?"
)


def find_doc_titles(text: str) -> list[tuple[int, int]]:
    """DOC spans of ``text`` as ``(start, end)``, the 《》 marks excluded."""
    found: list[tuple[int, int]] = []
    pos = 0
    while True:
        open_at = text.find("《", pos)
        if open_at < 0:
            return found
        start = open_at + 1
        close_at = _closing_mark(text, start)
        if close_at is not None:
            if close_at > start:
                found.append((start, close_at))
            pos = close_at + 1
            continue
        end = _unclosed_title_end(text, start)
        if end is not None:
            found.append((start, end))
            pos = end
        else:
            pos = start


def _closing_mark(text: str, start: int) -> int | None:
    """Index of the 》 closing the title opened just before ``start``, if it is on the page."""
    limit = min(len(text), start + _MAX_TITLE)
    for i in range(start, limit):
        c = text[i]
        if c == "》":
            return i
        if c in "《\n":
            return None
    return None


def _unclosed_title_end(text: str, start: int) -> int | None:
    stop = _UNCLOSED_STOP_RE.search(text, start, min(len(text), start + _MAX_TITLE))
    limit = stop.start() if stop else min(len(text), start + _MAX_TITLE)
    last_end = None
    for m in _DOC_TYPE_END_RE.finditer(text, start, limit):
        last_end = m.end()
    if last_end is None or last_end - start < 2:
        return None
    return last_end
