"""The ``newsdesk packages split|merge`` and ``newsdesk agreement`` commands (team work, issue 15).

Owns their argument parsing, in the style of ``desktop.cli`` (which registers them and
owns ``_fail`` / ``_open_store``); the work is ``desktop.team.packages`` and ``desktop.agreement``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def _fail(message: str, code: int = 2) -> None:
    from desktop.cli import _fail as fail

    fail(message, code)


def _open_store(db: Path, *, create: bool = False, readonly: bool = False):  # noqa: ANN202
    from desktop.cli import _open_store as open_store

    return open_store(db, create=create, readonly=readonly)


@click.group("packages")
def packages_group() -> None:
    """Work packages: hand articles out to several editors as project files, and merge them back."""


@packages_group.command("split")
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Project file.")
@click.option("--editors", required=True, metavar="NAME,NAME,...", help="The editors, comma-separated: one package each.")
@click.option("--overlap", type=click.FloatRange(0.0, 1.0), default=0.1, show_default=True, help="Fraction of the articles given to every editor (for agreement).")
@click.option("--status", multiple=True, type=click.Choice(["unreviewed", "in_review", "reviewed", "rejected", "to_adjudicate"]), help="Only articles with this status (repeatable; default all).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the shuffle that deals the articles out.")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for the package files (created if missing).")
def packages_split_cmd(db: Path, editors: str, overlap: float, status, seed: int, output: Path) -> None:
    """Write one project file per editor with their share of the articles (ids, pages, spans, tags, history)."""
    from desktop.store.errors import StoreError
    from desktop.team.packages import SplitError, format_split, parse_editors, split_project

    try:
        names = parse_editors(editors)
    except SplitError as err:
        _fail(str(err))
    store = _open_store(db, readonly=True)
    try:
        result = split_project(store, names, output, overlap=overlap, statuses=status, seed=seed)
    except (SplitError, StoreError, OSError) as err:
        _fail(str(err), 1)
    finally:
        store.close()
    click.echo(format_split(result))


@packages_group.command("merge")
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The project the packages came from.")
@click.argument("packages", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def packages_merge_cmd(db: Path, packages: tuple[Path, ...]) -> None:
    """Bring the editors' work back: one editor's version is taken, differing versions are kept
    and the article marked to adjudicate.  Merging a package again changes nothing."""
    from desktop.store.errors import StoreError
    from desktop.team.packages import format_merge, merge_packages

    store = _open_store(db)
    try:
        report = merge_packages(store, list(packages))
    except StoreError as err:
        _fail(f"{db}: {err}", 1)
    finally:
        store.close()
    click.echo(format_merge(report))
    sys.exit(1 if report.refused else 0)


@click.command("agreement")
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def agreement_cmd(db: Path, as_json: bool) -> None:
    """Inter-annotator agreement of the merged versions: span F1 (exact match) and character-level
    Cohen's kappa per pair of editors and label, Fleiss' kappa for three or more."""
    from desktop.agreement import agreement, format_agreement, report_dict

    store = _open_store(db, readonly=True)
    try:
        report = agreement(store.agreement_items())
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(report_dict(report), ensure_ascii=False, indent=1))
    else:
        click.echo(format_agreement(report))
