"""Readers for the span formats Newsdesk writes: JSONL, doccano, Label Studio.

Owns :func:`parse_jsonl`, :func:`parse_doccano`, :func:`parse_label_studio`
(records only), their ``read_*`` twins (``(line, record)`` pairs, and a
``on_bad_span`` callback) and :class:`AnnotationReadError`.  Each yields records
in the Newsdesk shape: ``body`` (the text), ``spans`` as ``{"start", "end",
"label", "text", "value", "origin"}`` with **code-point** offsets (converted
from UTF-16 where the format uses it), plus every other field the file carries.

Two kinds of trouble, told apart:

* a record that is not JSON, or does not have the declared shape
  (``desktop.export.record_schema``: an offset that is not an integer, a label
  that is a list, ``spans`` that are an object, a Label Studio file that is not
  a list of tasks, a lone surrogate, nesting past 64 levels, a line too large for
  the memory there is) raises :class:`AnnotationReadError` naming the file, the
  line and the reason.  ``NaN``/``Infinity`` are refused (they are not JSON);
* a well-formed span that does not fit its text (an offset outside it or inside
  a surrogate pair, a stated text that differs from the slice) raises too —
  silent shifts are what breaks Chinese datasets (LS#1347, dc#2290) — unless
  ``on_bad_span(line, start, end, label, reason)`` is given: then the span is
  reported there and left out, and the record kept.

Used by ``newsdesk import-annotations`` and the round-trip tests.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop.export.offsets import OffsetMap, check_unit
from desktop.export.record_schema import DOCCANO_SPAN_KEYS, RecordShapeError, check, check_text

BadSpanFn = Callable[[int, Any, Any, Any, str], None]
OUT_OF_RANGE = "out of range or empty"
TEXT_DIFFERS = "text differs from the body"
_BOM = b"\xef\xbb\xbf"
_WS = re.compile(r"[ \t\n\r]*")


def _skip_ws(text: str, pos: int) -> int:
    """The first offset at or after ``pos`` that is not JSON whitespace."""
    m = _WS.match(text, pos)
    return m.end() if m is not None else pos


class AnnotationReadError(ValueError):
    """A file cannot be read as annotations; the message says where (file:line) and why."""


class _BadSpan(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(reason)
        self.reason, self.detail = reason, detail


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


_DECODER = json.JSONDecoder(parse_constant=_no_constant)


def _decode_error(where: str, err: BaseException) -> AnnotationReadError:
    if isinstance(err, json.JSONDecodeError):
        return AnnotationReadError(f"{where}: not JSON: {err.msg} (column {err.colno})")
    if isinstance(err, RecursionError):
        return AnnotationReadError(f"{where}: not read: the JSON is nested too deeply")
    return AnnotationReadError(f"{where}: not JSON: {err}")


def _json_lines(path: str | os.PathLike[str]) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) of each non-blank line of a UTF-8 file."""
    with open(path, "rb") as stream:
        no = 0
        while True:
            no += 1
            where = f"{path}:{no}"
            raw: bytes | None = None
            text: str | None = None
            try:
                raw = stream.readline()
                if not raw:
                    return
                if no == 1 and raw.startswith(_BOM):
                    raw = raw[len(_BOM):]
                if not raw.strip():
                    continue
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise AnnotationReadError(f"{where}: not UTF-8 text (byte {exc.start + 1} of the line)") from None
                raw = None
                try:
                    value = _DECODER.decode(text)
                except (ValueError, RecursionError) as exc:
                    raise _decode_error(where, exc) from None
                text = None
            except MemoryError:
                raw = text = None  # free what the line took before saying so
                raise AnnotationReadError(
                    f"{where}: the line is too large to read with the memory available"
                ) from None
            yield no, value


def _json_array_items(path: str | os.PathLike[str], what: str) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) of each item of a file holding one JSON array."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnnotationReadError(f"{path}: not UTF-8 text (byte {exc.start + 1})") from None
    except MemoryError:
        raise AnnotationReadError(f"{path}: the file is too large to read with the memory available") from None
    i = _skip_ws(text, 0)
    if i == len(text):
        raise AnnotationReadError(f"{path}: empty file; expected a JSON list of {what}")
    if text[i] != "[":
        kind = {"{": "an object", '"': "a string"}.get(text[i], "not a list")
        line = text.count("\n", 0, i) + 1
        raise AnnotationReadError(f"{path}:{line}: expected a JSON list of {what}, but the file's top level is {kind}")
    line, seen = 1, 0
    i = _skip_ws(text, i + 1)
    if text.startswith("]", i):
        i += 1
    else:
        while True:
            line += text.count("\n", seen, i)
            seen = i
            where = f"{path}:{line}"
            try:
                value, i = _DECODER.raw_decode(text, i)
            except (ValueError, RecursionError) as exc:
                if isinstance(exc, json.JSONDecodeError):
                    where = f"{path}:{exc.lineno}"
                raise _decode_error(where, exc) from None
            except MemoryError:
                raise AnnotationReadError(f"{where}: too large to read with the memory available") from None
            yield line, value
            i = _skip_ws(text, i)
            if text.startswith(",", i):
                i = _skip_ws(text, i + 1)
                continue
            if text.startswith("]", i):
                i += 1
                break
            line += text.count("\n", seen, i)
            seen = i
            raise AnnotationReadError(f"{path}:{line}: not JSON: expected ',' or ']' after an item of the list")
    if _skip_ws(text, i) != len(text):
        raise AnnotationReadError(f"{path}:{text.count(chr(10), 0, i) + 1}: not JSON: extra data after the list")


def _checked(fmt: str, value: Any, where: str) -> dict[str, Any]:
    try:
        check(fmt, value)
        check_text(value)
    except RecordShapeError as err:
        raise AnnotationReadError(f"{where}: {err}") from None
    return value


def _slice_check(body: str, start: int, end: int, text: str | None) -> None:
    if not (0 <= start <= end <= len(body)):
        raise _BadSpan(OUT_OF_RANGE, f"span {start}-{end} outside the text (length {len(body)})")
    if text is not None and text != body[start:end]:
        raise _BadSpan(TEXT_DIFFERS, f"span {start}-{end} says {text!r} but the text there is {body[start:end]!r}")


def _report(bad: _BadSpan, where: str, line: int, start: Any, end: Any, label: Any, on_bad_span: BadSpanFn | None) -> None:
    if on_bad_span is None:
        raise AnnotationReadError(f"{where}: {bad.detail}") from None
    on_bad_span(line, start, end, label, bad.reason)


def _int(value: Any) -> Any:
    """JSON Schema counts 3.0 as an integer; offsets are Python ints from here on."""
    return int(value) if isinstance(value, float) else value


def read_jsonl(path: str | os.PathLike[str], on_bad_span: BadSpanFn | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, record) of Newsdesk JSONL, records as written (key order kept)."""
    for no, value in _json_lines(path):
        where = f"{path}:{no}"
        record = _checked("jsonl", value, where)
        body = record["body"]
        if record.get("spans") is None:
            record["spans"] = []
        kept = []
        for span in record["spans"]:
            span["start"], span["end"] = _int(span["start"]), _int(span["end"])
            try:
                _slice_check(body, span["start"], span["end"], span.get("text"))
            except _BadSpan as bad:
                _report(bad, where, no, span["start"], span["end"], span["label"], on_bad_span)
                continue
            kept.append(span)
        record["spans"] = kept
        for section in record.get("sections") or []:
            section["start"], section["end"] = _int(section["start"]), _int(section["end"])
        yield no, record


def parse_jsonl(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Newsdesk JSONL records, exactly as written (key order kept)."""
    for _, record in read_jsonl(path):
        yield record


def _span(omap: OffsetMap, start: Any, end: Any, label: Any, unit: str, origin: str, text: str | None = None) -> dict[str, Any]:
    body = omap.text
    try:
        s, e = omap.import_(_int(start), unit), omap.import_(_int(end), unit)
    except ValueError as exc:  # inside a surrogate pair
        raise _BadSpan(OUT_OF_RANGE, f"bad offsets {start}-{end}: {exc}") from None
    _slice_check(body, s, e, text)
    return {"start": s, "end": e, "label": label, "text": body[s:e], "value": None, "origin": origin}


def _doccano_spans(obj: Mapping[str, Any], omap: OffsetMap, unit: str, where: str, line: int,
                   on_bad_span: BadSpanFn | None) -> list[dict[str, Any]]:
    raw = next((obj[k] for k in DOCCANO_SPAN_KEYS if k in obj), None) or []
    values = {(v[0], v[1], v[2]): v[3] for v in obj.get("values") or []}
    spans = []
    for item in raw:
        if isinstance(item, list):
            start, end, label = item[0], item[1], item[2]
        else:
            start, end, label = item["start_offset"], item["end_offset"], item["label"]
        try:
            span = _span(omap, start, end, label, unit, "imported")
        except _BadSpan as bad:
            _report(bad, where, line, start, end, label, on_bad_span)
            continue
        span["value"] = values.get((start, end, label))
        spans.append(span)
    return spans


def read_doccano(
    path: str | os.PathLike[str], offset_unit: str = "utf16", on_bad_span: BadSpanFn | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, record) of doccano JSONL; see :func:`parse_doccano`."""
    unit = check_unit(offset_unit)
    for no, obj in _json_lines(path):
        where = f"{path}:{no}"
        _checked("doccano", obj, where)
        text = obj["text"] if "text" in obj else obj.get("data")
        if not isinstance(text, str):
            raise AnnotationReadError(f"{where}: no 'text' (or older 'data') string")
        omap = OffsetMap(text)
        record = {k: v for k, v in obj.items() if k not in ("text", "data", *DOCCANO_SPAN_KEYS, "values")}
        record["body"] = text
        record["spans"] = _doccano_spans(obj, omap, unit, where, no, on_bad_span)
        yield no, record


def parse_doccano(path: str | os.PathLike[str], offset_unit: str = "utf16") -> Iterator[dict[str, Any]]:
    """Records from doccano JSONL (``text``/``label``, or older ``data``/``labels``).

    Also reads the relation-mode ``entities`` list and dict spans
    ``{"start_offset", "end_offset", "label"}``.  Spans come back with origin
    ``imported``; other keys (doccano meta) are kept.
    """
    for _, record in read_doccano(path, offset_unit):
        yield record


def _ls_spans(result: Sequence[Mapping[str, Any]], omap: OffsetMap, unit: str, default_origin: str, where: str,
              line: int, on_bad_span: BadSpanFn | None) -> list[dict[str, Any]]:
    spans = []
    for item in result:
        value = item.get("value") or {}
        if item.get("type") not in ("labels", None) or "start" not in value:
            continue  # other control tags (choices, relations) carry no span
        origin = "human" if item.get("origin") in ("manual", "prediction-changed") else default_origin
        for label in value.get("labels") or []:
            try:
                spans.append(_span(omap, value["start"], value["end"], label, unit, origin, value.get("text")))
            except _BadSpan as bad:
                _report(bad, f"{where} result {item.get('id')}", line, value["start"], value["end"], label, on_bad_span)
    return spans


def read_label_studio(
    path: str | os.PathLike[str], offset_unit: str = "utf16", text_key: str = "text",
    on_bad_span: BadSpanFn | None = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line where the task starts, record) of a Label Studio export; see :func:`parse_label_studio`."""
    unit = check_unit(offset_unit)
    for no, (line, task) in enumerate(_json_array_items(path, "tasks"), start=1):
        where = f"{path}:{line}: task {no}"
        _checked("label-studio", task, where)
        if "data" not in task:  # JSON_MIN: {"text": ..., "label": [{start, end, text, labels}]}
            text = task.get(text_key)
            items = [{"type": "labels", "value": v} for v in task.get("label") or []]
            data, annotations = task, [{"result": items}]
            predictions: list[Any] = []
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
            record["spans"] = _ls_spans(done[0].get("result") or [], omap, unit, "human", where, line, on_bad_span)
        elif annotations:
            record["spans"] = []
            record["status"] = "rejected"
        elif predictions:
            record["spans"] = _ls_spans(predictions[0].get("result") or [], omap, unit, "auto", where, line, on_bad_span)
        else:
            record["spans"] = []
        yield line, record


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
    for _, record in read_label_studio(path, offset_unit, text_key):
        yield record
