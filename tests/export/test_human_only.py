"""Human-only exports keep what an editor judged (issue 14, item 13).

The rule (desktop/export/options.py): spans whose origin is human or imported, in
articles an editor judged — reviewed, or holding such a span — and never a rejected
article.  Before, an unreviewed article with machine spans only was exported with
no spans at all: a training set then taught that it mentions no entities.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from export_samples import make_record, record_1, record_2, span

from desktop.cli import main
from desktop.export import ExportOptions, apply_options, export
from desktop.store.store import Store

BODY = "成都市人民政府与四川省财政厅签订协议。"


def _machine_only(status: str = "unreviewed", rid: int = 301) -> dict:
    return make_record(rid, "p.txt", BODY, [span(BODY, "成都市人民政府", "ORG"), span(BODY, "四川省财政厅", "ORG")], status=status)


def test_articles_no_editor_judged_are_left_out():
    kept = list(apply_options(
        [record_1("reviewed"), record_2("unreviewed"), _machine_only(), _machine_only("in_review", 302),
         _machine_only("reviewed", 303), record_1("rejected")],
        ExportOptions(human_only=True),
    ))
    assert [(r["id"], r["status"]) for r in kept] == [(101, "reviewed"), (102, "unreviewed"), (303, "reviewed")]
    by_id = {r["id"]: r for r in kept}
    assert by_id[303]["spans"] == []  # reviewed: the editor judged that no span of theirs is missing
    assert {s["origin"] for s in by_id[102]["spans"]} == {"human"}  # a human span: judged, machine spans dropped
    # without human-only nothing is left out
    assert len(list(apply_options([_machine_only(), record_1("rejected")], ExportOptions()))) == 2


def test_the_rule_looks_at_all_spans_before_the_label_filter():
    from desktop.export.options import judged

    record = record_2("unreviewed")  # its human spans are LOC
    (out,) = apply_options([record], ExportOptions(human_only=True, labels=("PER",)))
    assert out["spans"] == []
    assert judged(record) and not judged(_machine_only()) and judged(_machine_only("reviewed"))
    assert not judged(record_1("rejected"))


def test_conll_training_file_has_no_unjudged_article(tmp_path: Path):
    target = tmp_path / "ner.conll"
    stats = export("conll", [_machine_only(), record_1()], target, ExportOptions(human_only=True))
    assert stats.records == 1
    characters = "".join(line.split()[0] for line in target.read_text(encoding="utf-8").splitlines()
                         if line.strip() and not line.startswith("-DOCSTART-"))
    assert "人民政府" not in characters  # the machine-only article is not there as "no entities"
    assert "𠮷利公司" in characters


def test_cli_human_only_uses_the_same_rule(tmp_path: Path, seed_project_template: Path):
    db = tmp_path / "p.sqlite"
    shutil.copy(seed_project_template, db)
    with Store.open(db, editor="王编辑") as store:
        ids = store.article_ids()
        reviewed, touched, rejected = ids[0], ids[1], ids[2]
        store.set_status(reviewed, "reviewed")
        span0 = store.get_article(touched).spans[0]
        store.update_span(span0.id, label="ORG" if span0.label != "ORG" else "LOC")  # the editor's now
        store.update_span(store.get_article(rejected).spans[0].id, label="DOC")
        store.set_status(rejected, "rejected")
    out = tmp_path / "h.jsonl"
    res = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "jsonl", "--human-only", "-o", str(out)])
    assert res.exit_code == 0, res.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == sorted([reviewed, touched])
    touched_spans = next(r for r in records if r["id"] == touched)["spans"]
    assert [(s["start"], s["origin"]) for s in touched_spans] == [(span0.start, "human")]
