"""brat standoff: a folder of ``<id>.txt`` + ``<id>.ann`` pairs and ``annotation.conf``.

Owns :func:`write_brat` and :func:`check_brat_dir`.  Per record::

    <id>.txt   the body, UTF-8, exactly as stored (brat never modifies text)
    <id>.ann   T1<TAB>ORG 6 12<TAB>四川省财政厅
               T2<TAB>LOC 0 2;3 5<TAB>四川 成都        (span across a line break)
               #1<TAB>AnnotatorNotes T3<TAB>47300000000  (normalised value)

A span that crosses a line break is written as fragments ``start end;start
end`` split at the break(s), and its text with the fragments joined by one
space, as brat itself writes discontinuous spans (a raw newline would end the
.ann line).  ``annotation.conf`` lists the entity types; brat flags any type
missing from it.  Normalised values go to ``AnnotatorNotes`` (JSON when not a
plain number or string).  The folder is built in a temp dir and renamed into
place.

Offsets: Python code points into the .txt content, end exclusive (brat's
server reads the .txt as a Python ``str``).  File names are the record id with
characters outside letters, digits, ``-``, ``_`` and ``.`` replaced by ``_``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from desktop.export.atomic import atomic_dir
from desktop.export.base import ExportStats, record_id, sorted_spans
from desktop.export.options import ExportOptions, apply_options
from desktop.export.sentences import LINE_BREAKS
from desktop.pipeline.model import LABELS

CONF_NAME = "annotation.conf"
_UNSAFE = re.compile(r"[^\w.\-]", re.UNICODE)


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks into non-empty pieces without them."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for i in range(start, end):
        if text[i] in LINE_BREAKS:
            if i > piece_start:
                pieces.append((piece_start, i))
            piece_start = i + 1
    if end > piece_start:
        pieces.append((piece_start, end))
    return pieces


def ann_lines(body: str, spans: Iterable[Mapping[str, Any]]) -> list[str]:
    """The .ann lines (without line ends) for ``spans`` over ``body``."""
    lines: list[str] = []
    n_t = n_note = 0
    for span in spans:
        pieces = fragments(body, span["start"], span["end"])
        if not pieces:
            continue
        n_t += 1
        where = ";".join(f"{s} {e}" for s, e in pieces)
        text = " ".join(body[s:e] for s, e in pieces)
        lines.append(f"T{n_t}\t{span['label']} {where}\t{text}")
        value = span.get("value")
        if value is not None:
            n_note += 1
            note = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            note = " ".join(note.split("\n"))
            lines.append(f"#{n_note}\tAnnotatorNotes T{n_t}\t{note}")
    return lines


def annotation_conf(labels: Iterable[str]) -> str:
    """``annotation.conf`` declaring ``labels`` as entity types."""
    return "\n".join(["[entities]", *labels, "", "[relations]", "", "[events]", "", "[attributes]", ""])


def file_stem(record: Mapping[str, Any], index: int, used: set[str]) -> str:
    """A safe, unique file name stem for the record."""
    stem = _UNSAFE.sub("_", record_id(record, index)).lstrip(".") or str(index + 1)
    candidate, n = stem, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}_{n}"
    used.add(candidate)
    return candidate


def write_brat(
    records: Iterable[Mapping[str, Any]],
    path: str | os.PathLike[str],
    options: ExportOptions | None = None,
) -> ExportStats:
    """Write ``records`` as a brat standoff folder at ``path``, atomically."""
    options = options or ExportOptions()
    labels = [label for label in LABELS if not options.labels or label in options.labels]
    used: set[str] = set()
    n_records = n_spans = 0
    with atomic_dir(path) as folder:
        for record in apply_options(records, options):
            stem = file_stem(record, n_records, used)
            body = record.get("body") or ""
            spans = sorted_spans(record)
            for span in spans:
                if span["label"] not in labels:
                    labels.append(span["label"])
            lines = ann_lines(body, spans)
            (folder / f"{stem}.txt").write_text(body, encoding="utf-8", newline="")
            (folder / f"{stem}.ann").write_text(
                "".join(line + "\n" for line in lines), encoding="utf-8", newline=""
            )
            n_records += 1
            n_spans += sum(1 for line in lines if line.startswith("T"))
        (folder / CONF_NAME).write_text(annotation_conf(labels), encoding="utf-8")
    return ExportStats(
        records=n_records, spans=n_spans, files=2 * n_records + 1, outputs=(str(path),)
    )


def _conf_entities(conf: Path) -> set[str]:
    entities: set[str] = set()
    section = ""
    for raw in conf.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section == "entities":
            entities.add(line.lstrip("!").split("\t")[0].strip())
    return entities


def _check_t_line(name: str, no: int, line: str, text: str, entities: set[str] | None) -> list[str]:
    where = f"{name}:{no}"
    parts = line.split("\t")
    if len(parts) != 3:
        return [f"{where}: expected 3 tab-separated fields, got {len(parts)}"]
    head = parts[1].split(" ", 1)
    if len(head) != 2:
        return [f"{where}: no offsets after the type {parts[1]!r}"]
    label, offsets = head
    problems: list[str] = []
    if entities is not None and label not in entities:
        problems.append(f"{where}: type {label} is not in {CONF_NAME}")
    pieces: list[tuple[int, int]] = []
    for frag in offsets.split(";"):
        bounds = frag.split()
        if len(bounds) != 2 or not all(b.isdigit() for b in bounds):
            return problems + [f"{where}: bad offsets {offsets!r}"]
        start, end = int(bounds[0]), int(bounds[1])
        if not 0 <= start < end <= len(text):
            return problems + [f"{where}: offsets {start} {end} outside the text (length {len(text)})"]
        pieces.append((start, end))
    actual = " ".join(text[s:e] for s, e in pieces)
    if actual != parts[2]:
        problems.append(f"{where}: offsets {offsets} give {actual!r}, the .ann says {parts[2]!r}")
    return problems


def check_brat_dir(path: str | os.PathLike[str]) -> list[str]:
    """Problems of a brat folder; empty when every .ann offset slices its .txt to its text.

    Also reports a missing ``annotation.conf``, types it does not declare, an
    .ann without its .txt (and the reverse), and notes pointing at no T id.
    """
    folder = Path(path)
    if not folder.is_dir():
        return [f"{folder}: not a folder"]
    problems: list[str] = []
    conf = folder / CONF_NAME
    entities = _conf_entities(conf) if conf.is_file() else None
    if entities is None:
        problems.append(f"{CONF_NAME} is missing")
    for txt in sorted(folder.glob("*.txt")):
        if not txt.with_suffix(".ann").is_file():
            problems.append(f"{txt.name}: no matching .ann")
    for ann in sorted(folder.glob("*.ann")):
        txt = ann.with_suffix(".txt")
        if not txt.is_file():
            problems.append(f"{ann.name}: no matching .txt")
            continue
        text = txt.read_bytes().decode("utf-8")
        t_ids: set[str] = set()
        notes: list[tuple[int, str]] = []
        for no, line in enumerate(ann.read_bytes().decode("utf-8").split("\n"), start=1):
            if not line:
                continue
            if line.startswith("T"):
                t_ids.add(line.split("\t", 1)[0])
                problems += _check_t_line(ann.name, no, line, text, entities)
            elif line.startswith("#"):
                parts = line.split("\t")
                ref = parts[1].split(" ")[-1] if len(parts) >= 2 else ""
                notes.append((no, ref))
            else:
                problems.append(f"{ann.name}:{no}: unexpected line {line[:40]!r}")
        problems += [
            f"{ann.name}:{no}: note refers to {ref or 'nothing'}, which is not a T annotation"
            for no, ref in notes
            if ref not in t_ids
        ]
    return problems
