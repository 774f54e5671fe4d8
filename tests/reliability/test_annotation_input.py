"""``import-annotations`` on malformed input: one line naming file:line and the reason,
exit 1, the project unchanged (issue 18, item 4, first half).

Before, each of these printed a Python traceback: ``Infinity``/``NaN`` offsets,
a label that is a list, a record that is a list, ``"start": "0"``, a missing
``start``, ``spans`` as an object, ``body`` as a number, a Label Studio file
whose top level is an object, ``data``/``result`` as strings, JSON nested
100,000 deep, and a 55 MB line under a memory limit.  And ``"tags": "<b>abc</b>"``
became seven one-character tags.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.cli import main
from desktop.store.store import Store
from project_state import ROOT, fingerprint, small_project

BODY = "成都市青白江区召开会议。"
GOOD_LINE = json.dumps({"body": "德阳市举行论坛。", "spans": [{"start": 0, "end": 3, "label": "LOC"}]}, ensure_ascii=False)


def _jsonl(bad_line: str) -> str:
    # the bad record is on line 2, after a good one: nothing of the file may be written
    return GOOD_LINE + "\n" + bad_line + "\n"


def _j(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


# (case id, format, file text, words the one-line message must hold)
CASES = [
    ("infinity-offset", "jsonl", _jsonl('{"body": "%s", "spans": [{"start": Infinity, "end": 2, "label": "LOC"}]}' % BODY),
     [":2:", "Infinity"]),
    ("nan-offset", "jsonl", _jsonl('{"body": "%s", "spans": [{"start": 0, "end": NaN, "label": "LOC"}]}' % BODY),
     [":2:", "NaN"]),
    ("label-is-a-list", "jsonl", _jsonl(_j({"body": BODY, "spans": [{"start": 0, "end": 3, "label": ["LOC"]}]})),
     [":2:", "spans[0].label must be a string"]),
    ("record-is-a-list", "jsonl", _jsonl(_j([BODY, [[0, 3, "LOC"]]])), [":2:", "must be an object"]),
    ("start-is-a-string", "jsonl", _jsonl(_j({"body": BODY, "spans": [{"start": "0", "end": 3, "label": "LOC"}]})),
     [":2:", "spans[0].start must be an integer", "'0'"]),
    ("start-is-true", "jsonl", _jsonl(_j({"body": BODY, "spans": [{"start": True, "end": 3, "label": "LOC"}]})),
     [":2:", "spans[0].start must be an integer"]),
    ("start-missing", "jsonl", _jsonl(_j({"body": BODY, "spans": [{"end": 3, "label": "LOC"}]})),
     [":2:", "spans[0] has no 'start'"]),
    ("spans-is-an-object", "jsonl", _jsonl(_j({"body": BODY, "spans": {"start": 0, "end": 3, "label": "LOC"}})),
     [":2:", "spans must be a list"]),
    ("body-is-a-number", "jsonl", _jsonl(_j({"body": 12345, "spans": []})), [":2:", "body must be a string"]),
    ("tags-is-a-string", "jsonl", _jsonl(_j({"body": BODY, "tags": "<b>abc</b>"})), [":2:", "tags must be a list"]),
    ("lone-surrogate", "jsonl", _jsonl('{"body": "%s\\ud800", "spans": []}' % BODY), [":2:", "surrogate"]),
    ("nested-100000-deep", "jsonl", _jsonl("[" * 100_000 + "]" * 100_000), [":2:", "nested too deeply"]),
    ("not-json", "jsonl", _jsonl('{"body": "x", '), [":2:", "not JSON"]),
    ("not-utf8", "jsonl", (GOOD_LINE + "\n").encode() + b'{"body": "\xff\xfe"}\n', [":2:", "not UTF-8"]),
    ("doccano-label-is-a-string", "doccano", _j({"text": BODY, "label": "LOC"}) + "\n", [":1:", "label must be a list"]),
    ("doccano-span-too-short", "doccano", _j({"text": BODY, "label": [[0, 3]]}) + "\n", [":1:", "label[0]"]),
    ("doccano-offset-infinity", "doccano", '{"text": "%s", "label": [[0, Infinity, "LOC"]]}\n' % BODY, [":1:", "Infinity"]),
    ("doccano-data-is-a-number", "doccano", _j({"data": 5, "label": []}) + "\n", [":1:", "'text'"]),
    ("label-studio-top-level-object", "label-studio", _j({"data": {"text": BODY}, "annotations": []}),
     [":1:", "top level is an object"]),
    ("label-studio-data-is-a-string", "label-studio", _j([{"data": {"text": BODY}}, {"data": BODY}]),
     [":1:", "task 2", "data must be an object"]),
    ("label-studio-result-is-a-string", "label-studio",
     "[\n" + _j({"data": {"text": BODY}}) + ",\n" + _j({"data": {"text": BODY}, "annotations": [{"result": "LOC"}]}) + "\n]",
     [":3:", "task 2", "annotations[0].result must be a list"]),
    ("label-studio-start-is-a-string", "label-studio",
     _j([{"data": {"text": BODY}, "annotations": [{"result": [
         {"type": "labels", "value": {"start": "0", "end": 3, "labels": ["LOC"]}}]}]}]),
     [":1:", "value.start must be an integer"]),
    ("label-studio-nested-100000-deep", "label-studio", "[" * 100_000 + "]" * 100_000, ["nested too deeply"]),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_project(tmp_path_factory.mktemp("tpl") / "p.sqlite")


@pytest.mark.parametrize("fmt, text, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_file_is_refused_in_one_line(template: Path, tmp_path: Path, fmt: str, text: str, words) -> None:
    db = tmp_path / "p.sqlite"
    shutil.copy(template, db)
    before = fingerprint(db)
    src = tmp_path / ("in.json" if fmt == "label-studio" else "in.jsonl")
    src.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    result = CliRunner().invoke(main, ["import-annotations", "--db", str(db), "--format", fmt, str(src)])
    assert isinstance(result.exception, SystemExit), result.exception  # not a Python error
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"newsdesk: {src}"), result.output
    for w in words:
        assert w in lines[0], lines[0]
    assert fingerprint(db) == before


def test_tags_given_as_a_list_stay_whole(template: Path, tmp_path: Path) -> None:
    """The shape the schema asks for: one tag ``<b>abc</b>``, not seven one-character ones."""
    db = tmp_path / "p.sqlite"
    shutil.copy(template, db)
    src = tmp_path / "tags.jsonl"
    src.write_text(_j({"body": BODY, "tags": ["<b>abc</b>", "经济"]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import-annotations", "--db", str(db), "--format", "jsonl", str(src)])
    assert result.exit_code == 0, result.output
    with Store.open(db, readonly=True) as store:
        (rec,) = [r for r in store.iter_records() if r["body"] == BODY]
        assert rec["tags"] == ["<b>abc</b>", "经济"]


# Run the CLI with the address space limited to what it uses once loaded plus HEADROOM,
# like `ulimit -v`; the limit is set after the imports so that Python itself can start.
LIMITED = (
    "import os, resource, sys\n"
    "sys.argv = ['newsdesk'] + sys.argv[1:]\n"
    "from desktop.cli import main\n"
    "import desktop.ops.annotations_import, desktop.export.record_schema, desktop.store.store\n"
    "desktop.export.record_schema._validator('jsonl')\n"
    "size = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmSize:')) * 1024\n"
    "limit = size + int(os.environ['HEADROOM_MB']) * 2**20\n"
    "resource.setrlimit(resource.RLIMIT_AS, (limit, limit))\n"
    "main()\n"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and RLIMIT_AS")
@pytest.mark.parametrize("headroom_mb", [40, 200])
def test_a_55_mb_line_without_the_memory_for_it(template: Path, tmp_path: Path, headroom_mb: int) -> None:
    """40 MB: the line cannot even be read; 200 MB: it is read but its article cannot be written."""
    db = tmp_path / "p.sqlite"
    shutil.copy(template, db)
    before = fingerprint(db)
    src = tmp_path / "big.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        f.write(GOOD_LINE + "\n")
        f.write('{"body": "' + "成都市召开会议。" * (55_000_000 // 24) + '"}\n')
    assert src.stat().st_size > 55_000_000
    result = subprocess.run(
        [sys.executable, "-c", LIMITED, "import-annotations", "--db", str(db), "--format", "jsonl", str(src)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env={**__import__("os").environ, "HEADROOM_MB": str(headroom_mb)},
    )
    err = result.stderr.strip()
    assert result.returncode == 1, (result.returncode, result.stdout, err[-2000:])
    assert "Traceback" not in err and len(err.splitlines()) == 1, err[-2000:]
    assert "memory" in err and "big.jsonl" in err, err
    assert fingerprint(db) == before
