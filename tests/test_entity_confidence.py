"""The pipeline's span confidence reaches the store and the exports unchanged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from desktop.cli import main
from desktop.pipeline.process import process_text
from desktop.store.store import Store


def test_pipeline_confidence_round_trips_through_store_and_export(seed_project_template: Path, seed_texts, tmp_path):
    project = tmp_path / "p.sqlite"
    shutil.copy(seed_project_template, project)
    with Store.open(project, create=False, readonly=True) as store:
        stored = {}
        for aid in store.article_ids():
            art = store.get_article(aid)
            stored[art.body] = {(s.start, s.end, s.label): s.confidence for s in art.spans if s.origin == "auto"}
    spans = [c for by_span in stored.values() for c in by_span.values()]
    assert spans and all(c is not None and 0.0 < c <= 1.0 for c in spans)
    assert len({round(c, 6) for c in spans}) > 5  # the model's probabilities, not one constant

    # what the pipeline gives for the same pages is what the store holds
    fresh = {}
    for text in seed_texts.values():
        for article in process_text(text.replace("\r\n", "\n")).articles:
            fresh[article.body] = {(s.start, s.end, s.label): s.confidence for s in article.spans}
    for body, by_span in stored.items():
        assert by_span == fresh[body]

    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["export", "--db", str(project), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    for line in out.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        exported = {(s["start"], s["end"], s["label"]): s["confidence"] for s in rec["spans"] if s["origin"] == "auto"}
        assert exported == stored[rec["body"]]
