"""Readers for the span formats Newsdesk writes: JSONL, doccano, Label Studio.

Owns :func:`parse_jsonl`, :func:`parse_doccano`, :func:`parse_label_studio`
and :class:`AnnotationReadError`.  Each yields records in the Newsdesk shape:
``body`` (the text), ``spans`` as ``{"start", "end", "label", "text",
"value", "origin"}`` with **code-point** offsets (converted from UTF-16 where
the format uses it), plus every other field the file carries.  An offset that
falls outside the text or inside a surrogate pair, or a span whose stated text
differs from the slice, raises :class:`AnnotationReadError` naming the file
and the record: silent shifts are what breaks Chinese datasets (LS#1347,
dc#2290).  Used by ``newsdesk import-annotations`` and the round-trip tests.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from desktop.export.offsets import OffsetMap, check_unit


class AnnotationReadError(ValueError):
    """A file's annotations do not fit its text; the message says where."""


def parse_jsonl(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Newsdesk JSONL records, exactly as written (key order kept)."""
    with open(path, encoding="utf-8-sig") as stream:
        for no, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise AnnotationReadError(f"{path}:{no}: not JSON: {exc.msg}") from exc
            for span in record.get("spans") or []:
                _check_span(record.get("body") or "", span, f"{path}:{no}")
            yield record


def _check_span(body: str, span: Mapping[str, Any], where: str) -> None:
    start, end = span["start"], span["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(body)):
        raise AnnotationReadError(f"{where}: span {start}-{end} outside the text (length {len(body)})")
    if "text" in span and span["text"] != body[start:end]:
        raise AnnotationReadError(
            f"{where}: span {start}-{end} says {span['text']!r} but the text there is {body[start:end]!r}"
        )


def _span(
    omap: OffsetMap, start: Any, end: Any, label: Any, unit: str, origin: str, where: str,
    text: str | None = None,
) -> dict[str, Any]:
    body = omap.text
    try:
        s, e = omap.import_(int(start), unit), omap.import_(int(end), unit)
    except (TypeError, ValueError) as exc:
        raise AnnotationReadError(f"{where}: bad offsets {start}-{end}: {exc}") from exc
    out = {"start": s, "end": e, "label": str(label), "text": body[s:e] if 0 <= s <= e <= len(body) else "",
           "value": None, "origin": origin}
    _check_span(body, {**out, "text": body[s:e] if text is None else text}, where)
    return out


def _doccano_spans(obj: Mapping[str, Any], omap: OffsetMap, unit: str, where: str) -> list[dict[str, Any]]:
    raw = next((obj[k] for k in ("label", "labels", "entities", "annotations") if k in obj), [])
    spans = []
    for item in raw or []:
        if isinstance(item, (list, tuple)) and len(item) >= 3:
            start, end, label = item[0], item[1], item[2]
        elif isinstance(item, Mapping) and "start_offset" in item:
            start, end, label = item["start_offset"], item["end_offset"], item["label"]
        else:
            raise AnnotationReadError(f"{where}: cannot read span {item!r}")
        spans.append(_span(omap, start, end, label, unit, "imported", where))
    values = {(v[0], v[1], v[2]): v[3] for v in obj.get("values") or [] if len(v) >= 4}
    for span, item in zip(spans, raw or []):
        key = tuple(item[:3]) if isinstance(item, (list, tuple)) else None
        if key in values:
            span["value"] = values[key]
    return spans


def parse_doccano(
    path: str | os.PathLike[str], offset_unit: str = "utf16"
) -> Iterator[dict[str, Any]]:
    """Records from doccano JSONL (``text``/``label``, or older ``data``/``labels``).

    Also reads the relation-mode ``entities`` list and dict spans
    ``{"start_offset", "end_offset", "label"}``.  Spans come back with origin
    ``imported``; other keys (doccano meta) are kept.
    """
    unit = check_unit(offset_unit)
    with open(path, encoding="utf-8-sig") as stream:
        for no, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            where = f"{path}:{no}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise AnnotationReadError(f"{where}: not JSON: {exc.msg}") from exc
            text = obj.get("text", obj.get("data"))
            if not isinstance(text, str):
                raise AnnotationReadError(f"{where}: no 'text' (or older 'data') string")
            omap = OffsetMap(text)
            record = {k: v for k, v in obj.items()
                      if k not in ("text", "data", "label", "labels", "entities", "annotations", "values")}
            record["body"] = text
            record["spans"] = _doccano_spans(obj, omap, unit, where)
            yield record


def _ls_spans(result: list[Mapping[str, Any]], omap: OffsetMap, unit: str, default_origin: str,
              where: str) -> list[dict[str, Any]]:
    spans = []
    for item in result:
        value = item.get("value") or {}
        if item.get("type") not in ("labels", None) or "start" not in value:
            continue  # other control tags (choices, relations) carry no span
        origin = "human" if item.get("origin") in ("manual", "prediction-changed") else default_origin
        for label in value.get("labels") or []:
            spans.append(_span(omap, value["start"], value["end"], label, unit, origin,
                               f"{where} result {item.get('id')}", value.get("text")))
    return spans


def parse_label_studio(
    path: str | os.PathLike[str], offset_unit: str = "utf16", text_key: str = "text"
) -> Iterator[dict[str, Any]]:
    """Records from a Label Studio JSON export (list of tasks) or JSON_MIN.

    Spans come from the first annotation that was not cancelled (origin
    ``human``); a task with none takes its first prediction (origin ``auto``,
    ``human`` for items LS marks manual).  A task whose only annotations were
    cancelled is returned with ``status`` ``rejected`` and no spans.
    ``data`` fields other than the text are kept as record fields.
    """
    unit = check_unit(offset_unit)
    tasks = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    if not isinstance(tasks, list):
        raise AnnotationReadError(f"{path}: expected a JSON list of tasks")
    for no, task in enumerate(tasks, start=1):
        where = f"{path} task {task.get('id', no)}"
        if "data" not in task:  # JSON_MIN: {"text": ..., "label": [{start, end, text, labels}]}
            text = task.get(text_key)
            items = [{"type": "labels", "value": v} for v in task.get("label") or []]
            data, annotations, predictions = task, [{"result": items}], []
        else:
            data = task["data"]
            text = data.get(text_key)
            annotations = task.get("annotations") or []
            predictions = task.get("predictions") or []
        if not isinstance(text, str):
            raise AnnotationReadError(f"{where}: no {text_key!r} string in data")
        omap = OffsetMap(text)
        record = {k: v for k, v in data.items() if k not in (text_key, "label")}
        record["body"] = text
        done = [a for a in annotations if not a.get("was_cancelled")]
        if done:
            record["spans"] = _ls_spans(done[0].get("result") or [], omap, unit, "human", where)
        elif annotations:
            record["spans"] = []
            record["status"] = "rejected"
        elif predictions:
            record["spans"] = _ls_spans(predictions[0].get("result") or [], omap, unit, "auto", where)
        else:
            record["spans"] = []
        yield record
