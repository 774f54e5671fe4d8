"""The JSON text of export lines: compiled encoder, same text as the standard library's
compact form, and a fallback for what the compiled one refuses."""

from __future__ import annotations

import json

import pytest

from desktop.export.json_text import json_line


def _reference(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize(
    "obj",
    [
        {"id": 3, "body": "成都市𠮷野家😀", "spans": [{"start": 0, "end": 3, "label": "LOC", "confidence": 0.9234}]},
        {"z": 1, "a": [None, True, False, 1.5, -0.0001, "\u202e\u200f", "\n\t\"\\"]},
        {"value": {"amount": 1200000, "unit": "元"}, "tags": []},
    ],
)
def test_same_text_as_the_standard_library_keys_in_order(obj: object) -> None:
    assert json_line(obj) == _reference(obj)
    assert list(json.loads(json_line(obj))) == list(obj)  # key order kept


@pytest.mark.parametrize("obj", [{"t": "bad\ud800"}, {"n": 2**70}, {1: "non-string key"}])
def test_what_the_compiled_encoder_refuses_still_encodes(obj: object) -> None:
    assert json_line(obj) == _reference(obj)
