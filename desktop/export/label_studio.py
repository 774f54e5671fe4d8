"""Label Studio task JSON plus its labeling config, for review or import in LS.

Owns :func:`write_label_studio` and :func:`labeling_config`.  The output is a
JSON list of tasks (LS "JSON" export shape, lsdocs:export)::

    [{"id": 1, "data": {"text": "...", "id": 1, "page": ..., "title": ...},
      "annotations": [{"result": [...], "was_cancelled": false, "ground_truth": false}],
      "predictions": [{"model_version": "newsdesk-rules", "result": [...]}]}]

* status ``reviewed``: the spans go to ``annotations`` (human-confirmed).
* status ``rejected``: one cancelled annotation with no result (LS "skipped").
* otherwise (``unreviewed``, ``in_review``): the spans go to ``predictions``
  so LS shows them as pre-annotations to accept or fix (lsdocs:predictions).

Each result item is ``{"id", "from_name": "label", "to_name": "text",
"type": "labels", "origin": "manual"|"prediction", "value": {"start", "end",
"text", "labels": [L]}}``; result ids are unique in the file.  ``origin`` is
``manual`` for human or imported spans.  The config written beside the tasks
(``<stem>.label_config.xml``) declares ``<Labels name="label" toName="text">``
and ``<Text name="text" value="$text"/>`` so ``from_name``/``to_name`` match.

Offsets: UTF-16 code units by default: LS's editor counts JavaScript string
units, and code-point offsets after an astral character such as 𠮷 land
shifted (LS#1347, LS#645).  ``offset_unit="codepoint"`` writes code points.
End exclusive.  ``value.text`` always equals the spanned text.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from desktop.export.atomic import atomic_file, write_text_atomic
from desktop.export.base import ExportStats, ordered_record, sorted_spans
from desktop.export.offsets import OffsetMap
from desktop.export.options import HUMAN_ORIGINS, ExportOptions, apply_options
from desktop.pipeline.model import LABELS

DEFAULT_UNIT = "utf16"
MODEL_VERSION = "newsdesk-rules"
FROM_NAME = "label"
TO_NAME = "text"


def config_path(path: str | os.PathLike[str]) -> Path:
    """Where the labeling config goes: ``tasks.json`` -> ``tasks.label_config.xml``."""
    target = Path(path)
    return target.with_name(f"{target.stem}.label_config.xml")


def labeling_config(labels: Iterable[str]) -> str:
    """The LS labeling config XML declaring ``labels``."""
    lines = ["<View>", f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">']
    lines += [f"    <Label value={quoteattr(label)}/>" for label in labels]
    lines += ["  </Labels>", f'  <Text name="{TO_NAME}" value="${TO_NAME}"/>', "</View>", ""]
    return "\n".join(lines)


def result_items(
    record: Mapping[str, Any], unit: str, prefix: str
) -> list[dict[str, Any]]:
    """LS result items for the record's spans, ids ``<prefix>-<n>``."""
    body = record["body"]
    omap = OffsetMap(body)
    items = []
    for n, span in enumerate(sorted_spans(record)):
        item: dict[str, Any] = {
            "id": f"{prefix}-{n + 1}",
            "from_name": FROM_NAME,
            "to_name": TO_NAME,
            "type": "labels",
            "origin": "manual" if span.get("origin") in HUMAN_ORIGINS else "prediction",
            "value": {
                "start": omap.export(span["start"], unit),
                "end": omap.export(span["end"], unit),
                "text": body[span["start"] : span["end"]],
                "labels": [span["label"]],
            },
        }
        if span.get("confidence") is not None:
            item["score"] = span["confidence"]  # LS orders predictions and filters by this
        items.append(item)
    return items


def task(record: Mapping[str, Any], index: int, unit: str) -> dict[str, Any]:
    """The LS task for one record (``index`` is its 0-based position in the file)."""
    rec = ordered_record(record)
    data: dict[str, Any] = {"text": rec["body"]}
    for key, value in rec.items():
        if key not in ("body", "spans"):
            data[key] = value
    out: dict[str, Any] = {"id": index + 1, "data": data}
    result = result_items(rec, unit, f"nd{index + 1}")
    if rec["status"] == "reviewed":
        out["annotations"] = [{"result": result, "was_cancelled": False, "ground_truth": False}]
    elif rec["status"] == "rejected":
        out["annotations"] = [{"result": [], "was_cancelled": True, "ground_truth": False}]
    elif result:
        out["predictions"] = [{"model_version": MODEL_VERSION, "result": result}]
    return out


def write_label_studio(
    records: Iterable[Mapping[str, Any]],
    path: str | os.PathLike[str],
    options: ExportOptions | None = None,
) -> ExportStats:
    """Write LS tasks to ``path`` and the labeling config beside it, atomically."""
    options = options or ExportOptions()
    unit = options.offset_unit or DEFAULT_UNIT
    labels = [label for label in LABELS if not options.labels or label in options.labels]
    n_records = n_spans = 0
    with atomic_file(path) as stream:
        stream.write("[")
        for record in apply_options(records, options):
            for span in record["spans"]:
                if span["label"] not in labels:
                    labels.append(span["label"])
            item = task(record, n_records, unit)
            stream.write(",\n" if n_records else "\n")
            stream.write(json.dumps(item, ensure_ascii=False))
            n_records += 1
            n_spans += len(record["spans"])
        stream.write("\n]\n")
    conf = config_path(path)
    write_text_atomic(conf, labeling_config(labels))
    return ExportStats(
        records=n_records, spans=n_spans, files=2, outputs=(str(path), str(conf))
    )
