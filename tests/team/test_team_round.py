"""A simulated three-editor round (issue 15): packages made, each edited by a script through the
store API with planted disagreements, merged back; agreement against hand-computed figures and
reference implementations (scikit-learn's Cohen's kappa, statsmodels' Fleiss' kappa)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa as sm_fleiss

from desktop.agreement import agreement, cohen_kappa, fleiss_kappa, report_dict
from desktop.cli import main
from desktop.store.packages import PackageRefused
from desktop.store.records import ArticleFilter
from desktop.store.store import Store
from desktop.team.packages import merge_packages, plan_split, split_project
from team_round import EDITORS, PLANTED_X, replace_spans

PLANTED_Y = [(0, 3, "PER")]  # article Y: 张三 and 李四 only, the same


@pytest.fixture
def round_(seeded_project: Store, tmp_path: Path):
    main_store = seeded_project
    result = split_project(main_store, EDITORS, tmp_path / "packages", overlap=0.25, seed=7)
    ids = {e: set(Store.open(p, readonly=True).article_ids()) for e, p in result.files.items()}
    shared = sorted(set.intersection(*ids.values()))
    bodies = main_store.article_bodies(shared)
    x, y = [a for a in shared if len(bodies[a]) > 60][:2]
    own = {e: min(ids[e] - set(shared)) for e in EDITORS}
    for editor, path in result.files.items():
        with Store.open(path) as pkg:  # opens under the package's editor name
            assert pkg.editor == editor
            replace_spans(pkg, x, PLANTED_X[editor])
            pkg.set_status(x, "reviewed")
            if editor != "王五":
                replace_spans(pkg, y, PLANTED_Y)
                pkg.set_status(y, "reviewed")
            pkg.set_field(own[editor], "note", f"{editor}看过")
            pkg.set_status(own[editor], "reviewed")
            if editor == "李四":
                pkg.set_field(x, "note", "地名边界存疑")
    report = merge_packages(main_store, list(result.files.values()))
    assert not report.refused
    return main_store, result, x, y, own


def test_split_deals_every_article_once_and_the_overlap_to_all():
    plan = plan_split(range(1, 101), EDITORS, 0.1, seed=3)
    assert len(plan.shared) == 10
    owned = [a for e in EDITORS for a in plan.own[e]]
    assert sorted(owned + plan.shared) == list(range(1, 101))
    assert max(len(v) for v in plan.own.values()) - min(len(v) for v in plan.own.values()) <= 1
    assert plan_split(range(1, 101), EDITORS, 0.1, seed=3) == plan


def test_packages_carry_articles_spans_and_the_editor(seeded_project: Store, tmp_path: Path):
    result = split_project(seeded_project, EDITORS, tmp_path / "p", overlap=0.25, seed=7)
    with Store.open(result.files["李四"], readonly=True) as pkg:
        info = pkg.package_info()
        assert info["package_editor"] == "李四" and info["package_of"] == seeded_project.project_id()
        aid = pkg.article_ids()[0]
        assert pkg.get_article(aid).spans == seeded_project.get_article(aid).spans
        assert pkg.get_article(aid).body == seeded_project.get_article(aid).body
        assert pkg.search(pkg.get_article(aid).title[:4])  # its own search index


def test_merge_attributes_every_edit_and_keeps_every_version(round_):
    store, result, x, y, own = round_
    for editor, path in result.files.items():
        with Store.open(path, readonly=True) as pkg:
            base = int(pkg.package_info()["package_base_event"])
            theirs = [e for e in pkg.events(limit=10_000) if e.id > base]
        mine = [e for e in store.events(limit=10_000) if e.editor == editor]
        assert sorted((e.article_id, e.action) for e in mine) == sorted((e.article_id, e.action) for e in theirs)
    # X: three differing versions -> to adjudicate, with what all agree on
    rx = store.get_article(x)
    assert rx.status == "to_adjudicate"
    assert sorted((s.start, s.end, s.label) for s in rx.spans) == [(0, 3, "PER"), (20, 26, "ORG")]
    versions = store.editor_versions(x)
    assert sorted(versions) == sorted(EDITORS)
    for editor in EDITORS:
        assert sorted((s["start"], s["end"], s["label"]) for s in versions[editor]["spans"]) == sorted(PLANTED_X[editor])
    assert versions["李四"]["article"]["note"] == "地名边界存疑"
    # Y: two versions that say the same -> taken; each editor's own article -> their version
    ry = store.get_article(y)
    assert ry.status == "reviewed" and [(s.start, s.end, s.label) for s in ry.spans] == PLANTED_Y
    for editor, aid in own.items():
        r = store.get_article(aid)
        assert (r.note, r.status, r.reviewer) == (f"{editor}看过", "reviewed", editor)
    assert store.count_articles(ArticleFilter(statuses=("to_adjudicate",))) == 1


def test_merging_twice_changes_nothing(round_):
    store, result, x, y, own = round_
    before = (len(store.events(limit=100_000)), [store.get_article(a) for a in (x, y, *own.values())])
    report = merge_packages(store, list(result.files.values()))
    assert all(o.unchanged for o in report.outcomes) and not report.refused
    assert (len(store.events(limit=100_000)), [store.get_article(a) for a in (x, y, *own.values())]) == before


def test_foreign_newer_and_plain_projects_are_refused(round_, tmp_path: Path):
    store, result, x, *_ = round_
    other = Store.open(tmp_path / "other.sqlite", editor="lead")
    try:
        with pytest.raises(PackageRefused, match="another project"):
            other.merge_package(result.files["张三"])
    finally:
        other.close()
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(result.files["张三"].read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(PackageRefused, match="newer Newsdesk"):
        store.merge_package(newer)
    with pytest.raises(PackageRefused, match="not a work package"):
        store.merge_package(store.path)
    assert store.get_article(x).status == "to_adjudicate"


def _chars(length: int, spans) -> list[str]:
    out = ["O"] * length
    for start, end, label in spans:
        out[start:end] = [label] * (end - start)
    return out


def test_agreement_equals_hand_computed_and_reference_figures(round_):
    store, result, x, y, own = round_
    report = agreement(store.agreement_items())
    d = report_dict(report)
    pairs = {tuple(p["editors"]): p for p in d["pairs"]}
    zs, ls, ww = "张三", "李四", "王五"
    # span F1, exact match (hand): 张三–李四 share PER, ORG on X and PER on Y of 4 + 4 spans
    assert pairs[(zs, ls)]["f1"]["micro"] == 0.75 and pairs[(zs, ls)]["articles"] == 2
    assert pairs[(zs, ls)]["f1"]["LOC"] == 0.0 and pairs[(zs, ls)]["f1"]["PER"] == 1.0
    assert pairs[(ls, ww)]["f1"]["micro"] == pytest.approx(2 * 2 / 6, abs=1e-4)
    assert pairs[(ls, ww)]["articles"] == 1
    assert d["overall"]["f1"]["micro"] == pytest.approx(14 / 20, abs=1e-4)
    # Cohen's kappa, characters of X and Y: they differ on 2 characters (LOC 12-13 vs O)
    bx, by = store.get_article(x).body, store.get_article(y).body
    n = len(bx) + len(by)
    po = (n - 2) / n
    pe = (6 * 6 + 4 * 2 + 6 * 6 + (n - 16) * (n - 14)) / n**2
    hand = (po - pe) / (1 - pe)
    a = _chars(len(bx), PLANTED_X[zs]) + _chars(len(by), PLANTED_Y)
    b = _chars(len(bx), PLANTED_X[ls]) + _chars(len(by), PLANTED_Y)
    assert pairs[(zs, ls)]["cohen_kappa"]["overall"] == pytest.approx(hand, abs=1e-4)
    assert hand == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)
    loc_a, loc_b = [c == "LOC" for c in a], [c == "LOC" for c in b]
    assert pairs[(zs, ls)]["cohen_kappa"]["LOC"] == pytest.approx(cohen_kappa_score(loc_a, loc_b), abs=1e-4)
    assert pairs[(zs, ls)]["cohen_kappa"]["DATE"] is None  # neither used the label: undefined, not 1
    # Fleiss' kappa over X, which all three did, against statsmodels
    rows = np.array([_chars(len(bx), PLANTED_X[e]) for e in sorted(EDITORS)]).T
    table, _cats = aggregate_raters(rows)
    assert d["overall"]["kappa_kind"] == "fleiss" and d["overall"]["fleiss_articles"] == 1
    assert d["overall"]["kappa"]["overall"] == pytest.approx(sm_fleiss(table, method="fleiss"), abs=1e-4)
    assert fleiss_kappa(table) == pytest.approx(sm_fleiss(table, method="fleiss"), abs=1e-12)
    date_rows = (rows == "DATE").astype(int)
    date_table, _ = aggregate_raters(date_rows)
    assert d["overall"]["kappa"]["DATE"] == pytest.approx(sm_fleiss(date_table, method="fleiss"), abs=1e-4)
    # the article with the most disagreement: X, 3 spans not in every version
    assert d["most_disagreement"][0]["id"] == x and d["most_disagreement"][0]["spans_not_shared"] == 3


@pytest.mark.parametrize("seed", range(5))
def test_own_kappas_equal_the_reference_ones_on_random_labels(seed: int):
    rng = np.random.default_rng(seed)
    a = rng.choice(["O", "PER", "LOC", "ORG"], size=500, p=[0.7, 0.1, 0.1, 0.1])
    b = np.where(rng.random(500) < 0.8, a, rng.choice(["O", "PER", "LOC"], size=500))
    assert cohen_kappa(list(a), list(b)) == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)
    raters = np.stack([a, b, np.where(rng.random(500) < 0.7, a, "O")], axis=1)
    table, _ = aggregate_raters(raters)
    assert fleiss_kappa(table) == pytest.approx(sm_fleiss(table, method="fleiss"), abs=1e-12)


def test_adjudicated_version_is_exported_and_all_editors_on_request(round_, tmp_path: Path):
    store, result, x, y, own = round_
    store.editor = "主编"
    store.add_span(x, 10, 14, "LOC")  # took 张三's LOC
    store.finish_adjudication(x)
    r = store.get_article(x)
    assert (r.status, r.reviewer) == ("reviewed", "主编")
    assert store.adjudication(x)["adjudicator"] == "主编"
    out = tmp_path / "out.jsonl"
    path = str(store.path)
    store.close()
    run = CliRunner().invoke(main, ["export", "--db", path, "-o", str(out), "--all-editors", "-q", "--workers", "1"])
    assert run.exit_code == 0, run.output
    records = {rec["id"]: rec for rec in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert sorted((s["start"], s["end"], s["label"]) for s in records[x]["spans"]) == [
        (0, 3, "PER"), (10, 14, "LOC"), (20, 26, "ORG")]
    assert records[x]["reviewer"] == "主编"
    assert [v["editor"] for v in records[x]["editors"]] == sorted(EDITORS)
    by_editor = {v["editor"]: v for v in records[x]["editors"]}
    assert [(s["start"], s["end"], s["label"]) for s in by_editor["王五"]["spans"]] == PLANTED_X["王五"]
    assert records[own["张三"]]["editors"][0]["editor"] == "张三"
    plain = CliRunner().invoke(main, ["export", "--db", path, "--status", "reviewed"])
    assert "editors" not in json.loads(plain.output.splitlines()[0])


def test_cli_split_merge_agreement(seeded_project: Store, tmp_path: Path):
    path = str(seeded_project.path)
    seeded_project.close()
    runner = CliRunner()
    run = runner.invoke(main, ["packages", "split", "--db", path, "--editors", "张三,李四", "--overlap", "0.5",
                               "-o", str(tmp_path / "pk")])
    assert run.exit_code == 0, run.output
    files = sorted((tmp_path / "pk").glob("*.sqlite"))
    assert [f.name for f in files] == ["seeded-张三.sqlite", "seeded-李四.sqlite"]
    with Store.open(files[0]) as pkg:
        aid = pkg.article_ids()[0]
        pkg.set_status(aid, "reviewed")
    run = runner.invoke(main, ["packages", "merge", "--db", path, *map(str, files), str(tmp_path / "missing.sqlite")])
    assert run.exit_code == 1 and "missing.sqlite: no such file" in run.output
    assert "1 article(s) edited" in run.output
    run = runner.invoke(main, ["agreement", "--db", path, "--json"])
    assert run.exit_code == 0 and json.loads(run.output)["pairs"] == []
    run = runner.invoke(main, ["packages", "split", "--db", path, "--editors", " , ", "-o", str(tmp_path / "x")])
    assert run.exit_code == 2 and "at least one editor" in run.output
