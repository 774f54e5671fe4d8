"""``newsdesk reextract --db PROJECT``: through click's runner on a copy of the seed project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from desktop.cli import main
from desktop.pipeline import entities
from desktop.pipeline.model import Span
from desktop.store.store import Store


@pytest.fixture
def project(seed_project_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "p.sqlite"
    shutil.copy(seed_project_template, target)
    return target


@pytest.fixture
def new_pipeline(monkeypatch):
    monkeypatch.setattr(entities, "extract_spans", lambda text: [Span(0, 2, "ORG", text[:2])] if len(text) > 2 else [])


def _spans(project: Path) -> dict[int, list[tuple]]:
    with Store.open(project, create=False, readonly=True) as store:
        return {
            i: [(s.id, s.start, s.end, s.label, s.origin) for s in store.get_article(i).spans]
            for i in store.article_ids()
        }


def _set_status(project: Path, article_id: int, status: str) -> None:
    with Store.open(project, create=False, editor="t") as store:
        store.set_status(article_id, status)


def test_all_unreviewed_refreshes_open_articles_and_prints_a_summary(project, new_pipeline):
    ids = list(_spans(project))
    _set_status(project, ids[0], "reviewed")
    before = _spans(project)
    result = CliRunner().invoke(main, ["reextract", "--db", str(project), "--all-unreviewed", "--quiet", "--chunk", "5"])
    assert result.exit_code == 0, result.output
    after = _spans(project)
    assert after[ids[0]] == before[ids[0]]
    assert all([(s[1], s[2], s[3], s[4]) for s in after[i]] == [(0, 2, "ORG", "auto")] for i in ids[1:])
    assert f"{len(ids) - 1} re-extracted of {len(ids) - 1}, {len(ids) - 1} changed" in result.output
    assert f"+{len(ids) - 1}" in result.output  # ORG -x +n


def test_an_unchanged_pipeline_changes_nothing(project):
    before = _spans(project)
    result = CliRunner().invoke(main, ["reextract", "--db", str(project), "--all-unreviewed", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "0 changed" in result.output
    assert _spans(project) == before


def test_article_option_refuses_reviewed_unless_forced(project, new_pipeline):
    ids = list(_spans(project))
    _set_status(project, ids[0], "reviewed")
    before = _spans(project)
    result = CliRunner().invoke(main, ["reextract", "--db", str(project), "--article", str(ids[0]), "--article", str(ids[1]), "--quiet"])
    assert result.exit_code == 1
    assert f"article {ids[0]} is reviewed" in result.output
    after = _spans(project)
    assert after[ids[0]] == before[ids[0]] and after[ids[1]] != before[ids[1]]
    forced = CliRunner().invoke(main, ["reextract", "--db", str(project), "--article", str(ids[0]), "--force", "--quiet"])
    assert forced.exit_code == 0, forced.output
    assert [(s[1], s[2], s[3]) for s in _spans(project)[ids[0]]] == [(0, 2, "ORG")]


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "either --all-unreviewed"),
        (["--all-unreviewed", "--article", "1"], "either --all-unreviewed"),
        (["--article", "99999"], "no article with id 99999"),
    ],
)
def test_bad_arguments_exit_2(project, args, message):
    result = CliRunner().invoke(main, ["reextract", "--db", str(project), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_missing_project_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["reextract", "--db", str(tmp_path / "none.sqlite"), "--all-unreviewed"])
    assert result.exit_code == 2 and "no such project file" in result.output
    assert not (tmp_path / "none.sqlite").exists()


def test_a_span_the_editor_corrected_survives_the_command(project):
    """The real pipeline proposes its own version of a corrected span again; the editor's stays."""
    with Store.open(project, create=False, editor="t") as store:
        aid = store.article_ids()[0]
        span = next(s for s in store.get_article(aid).spans if s.origin == "auto" and s.label in ("LOC", "ORG"))
        store.update_span(span.id, label="PER")
    result = CliRunner().invoke(main, ["reextract", "--db", str(project), "--article", str(aid), "--quiet"])
    assert result.exit_code == 0, result.output
    kept = {s[0]: s for s in _spans(project)[aid]}[span.id]
    assert kept == (span.id, span.start, span.end, "PER", "human")
