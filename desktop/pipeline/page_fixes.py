"""Pure helpers for fixing a page's segmentation, shared by the store, the UI and the
tests (no Qt, no SQL).

Owns: ``paragraph_bounds`` (a body range widened to the whole ``"\\n"``
paragraphs it touches), ``block_body`` (the body the pipeline's paragraph rule
builds from a page block of no article, taken as one body segment) and
``block_article`` (that body with the spans ``entities.extract_spans`` finds in
it, as the dicts ``Store.make_article`` takes).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.pipeline.model import Segment


def paragraph_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the whole paragraphs it touches; a caret (start == end)
    touches the paragraph it stands in (or ends).  ValueError when not a range of ``body``."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(body)):
        raise ValueError(f"[{start}, {end}) is not a range of the body (length {len(body)})")
    first = body.rfind("\n", 0, start) + 1
    last = max(start, end - 1)  # the last character chosen
    stop = body.find("\n", last)
    return first, len(body) if stop == -1 else stop


def block_body(page_text: str, block: Mapping[str, Any]) -> str:
    """The body of an article made of ``block`` (``start``/``end`` are page-text offsets)."""
    # imported here: the draft module pulls in cn2an (~0.2 s), which the window's start must not wait for
    from desktop.pipeline.draft import body_from_segments

    return body_from_segments(page_text, [Segment(start=int(block["start"]), end=int(block["end"]), role="body")])


def block_article(page_text: str, block: Mapping[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    """``(body, spans)``: each span a dict with start, end, label and value (offsets into body)."""
    # imported here: loading the dictionaries takes a while, and only this needs them
    from desktop.pipeline.entities import extract_spans

    body = block_body(page_text, block)
    if not body.strip():
        return body, []
    spans = [{"start": s.start, "end": s.end, "label": s.label, "value": s.value} for s in extract_spans(body)]
    return body, spans
