"""The declared shape of every record Newsdesk reads back: JSON Schemas checked with fastjsonschema.

Owns: the schemas of a Newsdesk JSONL record, a doccano record and a Label
Studio task (full export and JSON_MIN), :func:`check` (validate one parsed
record, or raise :class:`RecordShapeError` with a one-line reason such as
``spans[0].start must be integer, not '0'``) and :func:`check_text` (every
string is encodable text and the nesting is bounded).

The schemas say what the readers in ``desktop.export.readers`` rely on: offsets
are integers, labels and tags strings, lists are lists.  A record that does not
fit is refused as a whole (the import names the file, line and reason and
writes nothing); whether a well-formed span fits its text is the readers'
business (such a span is reported and skipped, the record kept).  Fields a
format does not define are allowed and kept.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import fastjsonschema

INT = {"type": "integer"}
STR = {"type": "string"}
OPT_STR = {"type": ["string", "null"]}
STR_LIST = {"type": ["array", "null"], "items": STR}

# Fields of a record that become article fields (Newsdesk JSONL; also carried
# by doccano records and Label Studio ``data`` written by Newsdesk).
ARTICLE_FIELDS: dict[str, Any] = {
    **dict.fromkeys(("title", "kicker", "subtitle", "byline", "source", "dateline", "dateline_iso"), OPT_STR),
    "authors": {
        "type": ["array", "null"],
        "items": {"type": "object", "required": ["name"], "properties": {"name": STR, "role": OPT_STR}},
    },
    "sections": {
        "type": ["array", "null"],
        "items": {"type": "object", "required": ["start", "end"], "properties": {"title": OPT_STR, "start": INT, "end": INT}},
    },
    "captions": STR_LIST,
    "flags": STR_LIST,
    "tags": STR_LIST,
}

NEWSDESK_SPAN = {
    "type": "object",
    "required": ["start", "end", "label"],
    "properties": {"start": INT, "end": INT, "label": STR, "text": OPT_STR},
}
JSONL_RECORD = {
    "type": "object",
    "required": ["body"],
    "properties": {"body": STR, "spans": {"type": ["array", "null"], "items": NEWSDESK_SPAN}, **ARTICLE_FIELDS},
}

DOCCANO_SPAN = {
    "type": ["array", "object"],
    "if": {"type": "array"},
    "then": {"minItems": 3, "items": [INT, INT, STR]},
    "else": {
        "required": ["start_offset", "end_offset", "label"],
        "properties": {"start_offset": INT, "end_offset": INT, "label": STR},
    },
}
DOCCANO_SPAN_KEYS: tuple[str, ...] = ("label", "labels", "entities", "annotations")
DOCCANO_RECORD = {
    "type": "object",
    "properties": {
        "text": STR,
        **{key: {"type": ["array", "null"], "items": DOCCANO_SPAN} for key in DOCCANO_SPAN_KEYS},
        "values": {"type": ["array", "null"], "items": {"type": "array", "minItems": 4, "items": [INT, INT, STR]}},
        **ARTICLE_FIELDS,
    },
}

LS_SPAN_VALUE = {
    "type": "object",
    "required": ["start", "end"],
    "properties": {"start": INT, "end": INT, "labels": STR_LIST, "text": OPT_STR},
}
LS_RESULT_ITEM = {
    "type": "object",
    "properties": {"type": OPT_STR, "value": {"type": ["object", "null"]}},
    # A "labels" item (or one without a type) whose value has a start is a span.
    "if": {"properties": {"type": {"enum": ["labels", None]}}},
    "then": {"properties": {"value": {"if": {"type": "object", "required": ["start"]}, "then": LS_SPAN_VALUE}}},
}
LS_ANNOTATION = {
    "type": "object",
    "properties": {"result": {"type": ["array", "null"], "items": LS_RESULT_ITEM}, "was_cancelled": {"type": ["boolean", "null"]}},
}
LS_TASK = {
    "type": "object",
    "if": {"required": ["data"]},
    "then": {
        "properties": {
            "data": {"type": "object", "properties": ARTICLE_FIELDS},
            "annotations": {"type": ["array", "null"], "items": LS_ANNOTATION},
            "predictions": {"type": ["array", "null"], "items": LS_ANNOTATION},
        }
    },
    # JSON_MIN: {"text": ..., "label": [{start, end, text, labels}], other data fields}
    "else": {"properties": {"label": {"type": ["array", "null"], "items": LS_SPAN_VALUE}, **ARTICLE_FIELDS}},
}

SCHEMAS: dict[str, dict[str, Any]] = {"jsonl": JSONL_RECORD, "doccano": DOCCANO_RECORD, "label-studio": LS_TASK}
MAX_DEPTH = 64  # nesting of any value in a record (a span's normalised value is 2 deep)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class RecordShapeError(ValueError):
    """A record does not have the declared shape; the message is the reason (no location)."""


@cache
def _validator(fmt: str):
    return fastjsonschema.compile(SCHEMAS[fmt])


_TYPE_NAMES = {"integer": "an integer", "string": "a string", "array": "a list", "object": "an object",
               "boolean": "true or false"}


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _reason(err: fastjsonschema.JsonSchemaValueException) -> str:
    full = err.name or ""
    name = full[4:].lstrip(".") if full.startswith("data") else full
    where = name or "the record"
    rest = err.message[len(full):].strip() if err.message.startswith(full) else err.message
    if err.rule == "required":
        missing = re.findall(r"'([^']*)'", rest)
        fields = ", ".join(repr(m) for m in missing) or rest
        return f"{where} has no {fields}" if name else f"no {fields} in the record"
    if err.rule == "type":
        rest = re.sub(r"\b(integer|string|array|object|boolean)\b", lambda m: _TYPE_NAMES[m[1]], rest)
        return f"{where} {rest}, not {_short(err.value)}"
    return f"{where} {rest}"


def check(fmt: str, record: Any) -> None:
    """Raise RecordShapeError when ``record`` (parsed JSON) does not fit the schema of ``fmt``."""
    try:
        _validator(fmt)(record)
    except fastjsonschema.JsonSchemaValueException as err:
        raise RecordShapeError(_reason(err)) from None


def check_text(record: Any) -> None:
    """Raise RecordShapeError for a string that is not text (a lone UTF-16 surrogate, which
    no UTF-8 file or SQLite column can hold) or for nesting deeper than MAX_DEPTH."""
    stack: list[tuple[Any, int]] = [(record, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if not value.isascii() and (lone := _LONE_SURROGATE.search(value)):
                raise RecordShapeError(f"the string {_short(value)} holds a lone surrogate (\\u{ord(lone[0]):04x}), which is not text")
        elif isinstance(value, (list, dict)):
            if depth >= MAX_DEPTH:
                raise RecordShapeError(f"values are nested more than {MAX_DEPTH} deep")
            items = value.items() if isinstance(value, dict) else ((None, v) for v in value)
            for key, item in items:
                if key is not None:
                    stack.append((key, depth + 1))
                stack.append((item, depth + 1))
