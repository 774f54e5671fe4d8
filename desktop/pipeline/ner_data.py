"""Annotated text for training and scoring the entity tagger: reading it, tags, splits.

Owns: ``Example`` (one text with its gold spans), reading corpora in the two
formats the ``train`` and ``eval --corpus`` commands accept (``read_examples``):

* BIO files: one ``CHAR TAG`` per line (tab or space between them), IOB2 tags
  (``B-PER``, ``I-LOC``, ``O`` ...), a blank line between sentences;
* Newsdesk JSONL: one record per line with ``body`` (or ``text``) and ``spans``
  (``start``/``end``/``label``, code-point offsets, end exclusive) — what
  ``newsdesk export --format jsonl`` and ``newsdesk annotate`` write and what the
  seed gold file holds;

the conversion between spans and per-character tags (``spans_to_tags``,
``tags_to_spans``), and the fixed held-out split (``split_part``).

The split
---------
Every text goes to one part by a hash of its content and the seed (SHA-1 of
``"<seed>\\x1f<text>"``, first 8 bytes, modulo 100): below ``DEV_PERCENT`` it is
``dev`` (held out, used to tune the tagger and to report its scores), below
``DEV_PERCENT + TEST_PERCENT`` it is ``test`` (held out and used only for the
final report), else ``train``.  The part depends on nothing but the text and the
seed: the same sentence lands in the same part in every file, order and run,
and a repeated sentence can never be both trained on and scored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_LABELS: tuple[str, ...] = ("PER", "LOC", "ORG")
DEFAULT_SEED = 11
DEV_PERCENT = 15
TEST_PERCENT = 10
PARTS: tuple[str, ...] = ("train", "dev", "test")

SpanTuple = tuple[int, int, str]


class CorpusError(ValueError):
    """A corpus file that cannot be read as BIO or Newsdesk JSONL (message names file and line)."""


@dataclass
class Example:
    """One annotated text: gold spans sorted by start; ``source`` names the file it came from."""

    text: str
    spans: list[SpanTuple] = field(default_factory=list)
    source: str = ""

    def entity_spans(self, labels: Sequence[str] = ENTITY_LABELS) -> list[SpanTuple]:
        return [s for s in self.spans if s[2] in labels]


# --------------------------------------------------------------------------- tags


def spans_to_tags(
    n: int, spans: Iterable[SpanTuple], labels: Sequence[str] = ENTITY_LABELS, scheme: str = "BIO"
) -> list[str]:
    """Tags of a text of ``n`` characters, IOB2 (``scheme="BIO"``) or BIOES.

    Spans of other labels are ``O``; of overlapping spans the first (by start) is kept.
    """
    tags = ["O"] * n
    for start, end, label in sorted(spans):
        if label not in labels or not (0 <= start < end <= n) or any(t != "O" for t in tags[start:end]):
            continue
        if scheme == "BIOES" and end - start == 1:
            tags[start] = "S-" + label
            continue
        tags[start] = "B-" + label
        for i in range(start + 1, end):
            tags[i] = "I-" + label
        if scheme == "BIOES":
            tags[end - 1] = "E-" + label
    return tags


def tags_to_spans(tags: Sequence[str]) -> list[SpanTuple]:
    """Spans of IOB2 or BIOES tags, leniently: an inside tag (``I``/``M``/``E``) after ``O``
    or after another label starts a span; ``E`` and ``S`` end one."""
    spans: list[SpanTuple] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        kind, _, lab = tag.partition("-")
        if start >= 0 and kind in ("I", "M", "E") and lab == label:
            if kind == "E":
                spans.append((start, i + 1, label))
                start, label = -1, ""
            continue
        if start >= 0:
            spans.append((start, i, label))
            start, label = -1, ""
        if lab and kind in ("S", "E"):
            spans.append((i, i + 1, lab))
        elif lab and kind in ("B", "I", "M"):
            start, label = i, lab
    if start >= 0:
        spans.append((start, len(tags), label))
    return spans


# --------------------------------------------------------------------------- split


def split_part(text: str, seed: int = DEFAULT_SEED) -> str:
    """``train``, ``dev`` or ``test`` for ``text`` (see the module docstring)."""
    digest = hashlib.sha1(f"{seed}\x1f{text}".encode()).digest()
    bucket = int.from_bytes(digest[:8], "big") % 100
    if bucket < DEV_PERCENT:
        return "dev"
    if bucket < DEV_PERCENT + TEST_PERCENT:
        return "test"
    return "train"


def split_examples(examples: Iterable[Example], seed: int = DEFAULT_SEED) -> dict[str, list[Example]]:
    """The examples by part (every part present, possibly empty), in input order."""
    parts: dict[str, list[Example]] = {p: [] for p in PARTS}
    for ex in examples:
        parts[split_part(ex.text, seed)].append(ex)
    return parts


# --------------------------------------------------------------------------- reading


def read_examples(path: str | Path) -> list[Example]:
    """Examples of a BIO or Newsdesk JSONL file (by content: JSONL lines start with ``{``)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise CorpusError(f"{path}: cannot read: {err.strerror or err}") from err
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not UTF-8 text (byte {err.start})") from err
    first = next((ln for ln in content.splitlines() if ln.strip()), "")
    if first.lstrip().startswith("{"):
        return _read_jsonl(content, path)
    return _read_bio(content, path)


def _read_bio(content: str, path: Path) -> list[Example]:
    examples: list[Example] = []
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if chars:
            examples.append(Example("".join(chars), tags_to_spans(tags), path.name))
            chars.clear()
            tags.clear()

    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            flush()
            continue
        sep = "\t" if "\t" in line else " "
        char, _, tag = line.rpartition(sep)
        tag = tag.strip()
        if not char:  # the character itself was a space: "  O" / "\tO"
            char = " "
        if len(char) != 1 or not (tag == "O" or tag[:2] in ("B-", "I-", "E-", "S-", "M-")):
            raise CorpusError(f"{path}:{number}: expected 'CHAR TAG' (IOB2), got {line[:40]!r}")
        if tag[:2] == "S-":
            tag = "B-" + tag[2:]
        elif tag[:2] in ("E-", "M-"):
            tag = "I-" + tag[2:]
        chars.append(char)
        tags.append(tag)
    flush()
    return examples


def _read_jsonl(content: str, path: Path) -> list[Example]:
    examples: list[Example] = []
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            text = rec.get("body", rec.get("text"))
            if not isinstance(text, str):
                raise ValueError("no 'body' or 'text' string")
            spans: list[SpanTuple] = []
            for s in rec.get("spans") or []:
                start, end, label = int(s["start"]), int(s["end"]), str(s["label"])
                if not 0 <= start < end <= len(text):
                    raise ValueError(f"span {start}-{end} outside the text ({len(text)} characters)")
                spans.append((start, end, label))
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            raise CorpusError(f"{path}:{number}: not a Newsdesk JSONL record: {err}") from err
        examples.append(Example(text, sorted(spans), path.name))
    return examples


def write_bio(examples: Iterable[Example], path: str | Path) -> None:
    """Write examples as a BIO file (PER/LOC/ORG only), one ``CHAR\\tTAG`` per line."""
    with open(path, "w", encoding="utf-8") as f:
        for ex in examples:
            for char, tag in zip(ex.text, spans_to_tags(len(ex.text), ex.spans)):
                f.write(f"{char}\t{tag}\n")
            f.write("\n")
