"""Character-level CoNLL with IOB2 tags, the shape HF token classification and seqeval read.

Owns :func:`write_conll` and :func:`bio_tags`.  Layout::

    -DOCSTART- O
    <blank>
    四 B-ORG
    川 I-ORG
    ， O
    <blank>          (between sentences)
    -DOCSTART- O     (next document)
    <blank>

One character per line, ``char<space>tag``; tags are IOB2 (``B-`` opens every
entity, ``I-`` continues it; not INCEpTION's IOB1).  Chinese has no spaces
between words, so the token is the character: unlike Label Studio's CoNLL
export, which whitespace-tokenises and turns a whole Chinese sentence into one
token (LS#1250).  Whitespace characters are skipped, since they cannot be a
token on a line; a span across a line break keeps ``I-`` after the break.
Sentences end after 。！？!? and at line breaks, never inside a span
(:mod:`desktop.export.sentences`).

Offsets: none are written; each line is one Python code point of the body, so
𠮷 is one line.  Overlapping spans (not allowed by the spec) keep the first.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from desktop.export.atomic import atomic_file
from desktop.export.base import ExportStats, sorted_spans
from desktop.export.options import ExportOptions, apply_options
from desktop.export.sentences import sentence_ranges

DOCSTART = "-DOCSTART- O"


def bio_tags(text: str, spans: Iterable[Mapping[str, Any]]) -> tuple[list[str], int]:
    """IOB2 tag per code point of ``text`` (whitespace included) and the spans tagged."""
    tags = ["O"] * len(text)
    tagged = 0
    for span in spans:
        start, end = span["start"], span["end"]
        if start >= end or any(t != "O" for t in tags[start:end]):
            continue
        first = True
        for i in range(start, end):
            if text[i].isspace():
                continue
            tags[i] = ("B-" if first else "I-") + span["label"]
            first = False
        if not first:
            tagged += 1
    return tags, tagged


def write_document(stream: TextIO, record: Mapping[str, Any]) -> int:
    """Write one document block; return the number of entities written."""
    body: str = record.get("body") or ""
    spans = sorted_spans(record)
    tags, tagged = bio_tags(body, spans)
    stream.write(DOCSTART + "\n\n")
    for start, end in sentence_ranges(body, spans):
        lines = [f"{body[i]} {tags[i]}\n" for i in range(start, end) if not body[i].isspace()]
        if lines:
            stream.writelines(lines)
            stream.write("\n")
    return tagged


def write_conll(
    records: Iterable[Mapping[str, Any]],
    path: str | os.PathLike[str],
    options: ExportOptions | None = None,
) -> ExportStats:
    """Write ``records`` to ``path`` as character-level IOB2 CoNLL, atomically."""
    options = options or ExportOptions()
    n_records = n_spans = 0
    with atomic_file(path) as stream:
        for record in apply_options(records, options):
            n_spans += write_document(stream, record)
            n_records += 1
    return ExportStats(records=n_records, spans=n_spans, files=1, outputs=(str(path),))
