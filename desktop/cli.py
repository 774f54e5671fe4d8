"""The ``newsdesk`` command: the app, and the pipeline/store/export from a terminal.

Owns: argument parsing (click), terminal progress (tqdm on stderr), turning
store and input errors into one clear line and an exit status.  Every command
does its work through ``desktop.importer``, ``desktop.store`` and
``desktop.export``; nothing here knows SQL or Qt (the GUI is imported lazily).

Exit status: 0 success, 1 something was skipped or failed (the rest done),
2 the command could not run (bad project file, bad arguments).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from desktop import __version__


def _fail(message: str, code: int = 2) -> None:
    from desktop.pipeline.ingest import display_name

    click.echo(f"newsdesk: {display_name(message)[0]}", err=True)  # a path's undecodable bytes escaped
    sys.exit(code)


def _open_store(db: Path, *, create: bool = False, readonly: bool = False):
    from desktop.store.errors import StoreError
    from desktop.store.store import Store

    if not create and not db.exists():
        _fail(f"{db}: no such project file")
    try:
        return Store.open(db, create=create, readonly=readonly)
    except StoreError as err:
        _fail(f"{db}: {err}")


def _run_gui(project: Path | None) -> None:
    from desktop.ui.app import run_app

    sys.exit(run_app(project))


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdesk")
@click.option("--self-test", "self_test", is_flag=True, help="Import a seed page, render the window to a PNG, check the Chinese glyphs, exit.")
@click.pass_context
def main(ctx: click.Context, self_test: bool) -> None:
    """Newsdesk: review, correct and export what was extracted from newspaper pages.

    With no command, opens the desktop app on the last project (a demo project
    built from the bundled sample pages on first run).
    """
    if self_test:
        from desktop.selftest import run_self_test

        sys.exit(run_self_test())
    if ctx.invoked_subcommand is None:
        _run_gui(None)


@main.command("open")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
def open_cmd(project: Path) -> None:
    """Open PROJECT (.sqlite) in the desktop app."""
    if not project.is_file():
        _fail(f"{project}: no such project file (File > New project in the app creates one)")
    _run_gui(project)


@main.command("import")
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Project file (created if missing).")
@click.option("--workers", type=int, default=None, help="Worker processes (default: up to 2 cores).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def import_cmd(db: Path, workers: int | None, quiet: bool, paths: tuple[Path, ...]) -> None:
    """Import page files or folders (recursive; .txt and .md) into a project."""
    from tqdm import tqdm

    from desktop.importer import import_paths
    from desktop.report import format_import_summary
    from desktop.store.errors import StoreError

    store = _open_store(db, create=True)
    bar = None if quiet else tqdm(total=0, unit="page", file=sys.stderr, dynamic_ncols=True, leave=False)

    def progress(done: int, total: int, name: str) -> None:
        if bar is not None:
            bar.total = total
            bar.n = done
            bar.set_postfix_str(name[-40:], refresh=False)
            bar.refresh()

    try:
        summary = import_paths(store, paths, progress=progress, workers=workers)
    except KeyboardInterrupt:
        _fail("import interrupted; pages already imported are complete, the page in progress was not written", 1)
    except StoreError as err:  # read-only, busy, disk full: the pages written before are whole
        _fail(f"{db}: {err}", 1)
    finally:
        if bar is not None:
            bar.close()
        store.close()
    click.echo(format_import_summary(summary))
    sys.exit(0 if summary.ok else 1)


def _filter(status: tuple[str, ...], tag: tuple[str, ...], page: tuple[str, ...], label: tuple[str, ...] = (), query: str = ""):
    from desktop.store.records import ArticleFilter

    return ArticleFilter(statuses=status, tags=tag, pages=page, labels=label, query=query)


@main.command("export")
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", default="jsonl", show_default=True,
              type=click.Choice(["jsonl", "doccano", "label-studio", "conll", "csv", "brat"]))
@click.option("--status", multiple=True, type=click.Choice(["unreviewed", "in_review", "reviewed", "rejected"]), help="Only articles with this status (repeatable).")
@click.option("--tag", multiple=True, help="Only articles with this tag (repeatable: all must be present).")
@click.option("--page", multiple=True, help="Only articles of this page (imported file name; repeatable).")
@click.option("--label", multiple=True, help="Keep only spans of this label (repeatable).")
@click.option("--human-only", is_flag=True, help="Keep only spans an editor made, changed, accepted or imported, and only articles an editor judged (reviewed, or with such a span; never rejected ones).")
@click.option("--unit", type=click.Choice(["article", "sentence"]), default="article", show_default=True, help="One record per article or per sentence.")
@click.option("--split", default=None, metavar="TRAIN,DEV,TEST", help="Write train/dev/test parts with these ratios, e.g. 0.8,0.1,0.1 (a page never spans two parts).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the split.")
@click.option("--offset-unit", type=click.Choice(["utf16", "codepoint"]), default=None, help="doccano / Label Studio offsets (default: UTF-16 units, as those tools count).")
@click.option("--include-superseded", is_flag=True, help="Also export articles of superseded page versions.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Output file or folder (jsonl without -o writes to standard output).")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Processes encoding jsonl/doccano/conll/csv in parallel (default: one per core, at most 2).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def export_cmd(db: Path, fmt: str, status, tag, page, label, human_only: bool, unit: str, split: str | None,
               seed: int, offset_unit: str | None, include_superseded: bool, output: Path | None,
               workers: int | None, quiet: bool) -> None:
    """Export articles and their annotations as a dataset (streamed: memory stays flat at any size)."""
    from dataclasses import replace

    from desktop.export.atomic import ExportError
    from desktop.export.jsonl import dumps_record
    from desktop.export.options import ExportOptions, apply_options
    from desktop.export.stream import export_project
    from desktop.store.errors import StoreError

    try:
        ratios = tuple(float(x) for x in split.split(",")) if split else None
        options = ExportOptions(labels=tuple(label), human_only=human_only, unit=unit, split=ratios, seed=seed,
                                offset_unit=offset_unit)
    except ValueError as err:
        _fail(f"bad export options: {err}")
    flt = replace(_filter(status, tag, page), include_superseded=include_superseded)
    store = _open_store(db, readonly=True)
    try:
        if output is None:
            if fmt != "jsonl" or options.split is not None:
                _fail(f"--format {fmt}{' with --split' if options.split else ''} needs -o/--output")
            for rec in apply_options(store.iter_records(flt), options):
                sys.stdout.write(dumps_record(rec) + "\n")
            sys.stdout.flush()
            return
        store.close()
        stats = _export_with_bar(export_project, fmt, db, output, options, flt, workers, quiet)
    except (ExportError, StoreError, OSError) as err:
        _fail(str(err), 1)
    finally:
        store.close()
    click.echo(f"exported {stats.records} record(s), {stats.spans} span(s) to {', '.join(stats.outputs) or output}", err=True)


def _export_with_bar(export_project, fmt, db, output, options, flt, workers, quiet):  # noqa: ANN001, ANN202
    """``export_project`` with a tqdm bar on the terminal (articles, MB/s of output)."""
    from tqdm import tqdm

    # disable=None: no bar when standard error is not a terminal (a log file, a pipe, a test)
    bar = None if quiet else tqdm(total=0, unit="article", file=sys.stderr, dynamic_ncols=True, leave=False, disable=None)

    def progress(done: int, total: int) -> None:
        if bar is not None:
            bar.total = total
            bar.update(done - bar.n)

    try:
        return export_project(fmt, db, output, options, flt, workers=workers, progress=progress)
    finally:
        if bar is not None:
            bar.close()


@main.command("import-annotations")
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Project file (created if missing).")
@click.option("--format", "fmt", required=True, type=click.Choice(["doccano", "label-studio", "jsonl"]), help="Format of FILE.")
@click.option("--match", "match", type=click.Choice(["new", "text"]), default="new", show_default=True,
              help="new: every record becomes an article; text: add spans to articles with the same text (after normalising whitespace), the rest become new articles.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_annotations_cmd(db: Path, fmt: str, match: str, file: Path) -> None:
    """Import spans and labels from a doccano, Label Studio or Newsdesk JSONL file."""
    from desktop.annotations_import import AnnotationImportError, format_summary, import_annotations
    from desktop.store.errors import StoreError

    store = _open_store(db, create=True)
    try:
        summary = import_annotations(store, file, fmt, match=match)
    except (AnnotationImportError, StoreError) as err:
        _fail(str(err), 1)
    finally:
        store.close()
    click.echo(format_summary(summary))
    sys.exit(1 if summary.skipped else 0)


@main.command("stats")
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=Path))
def stats_cmd(db: Path) -> None:
    """Print project statistics: progress, reviews per day and editor, spans, editor changes per label."""
    from desktop.stats_report import format_stats

    store = _open_store(db, readonly=True)
    try:
        figures = store.stats()
    finally:
        store.close()
    click.echo(format_stats(figures))


@main.command("annotate")
@click.argument("file", required=False, type=click.File("rb"), default="-")
def annotate_cmd(file) -> None:
    """Pre-annotate plain text: one document per input line, one JSON object per output line."""
    from desktop.pipeline.entities import extract_spans

    out = sys.stdout
    for raw in file:
        line = raw.decode("utf-8", errors="replace").rstrip("\n").rstrip("\r")
        try:
            spans = [
                {"start": s.start, "end": s.end, "label": s.label, "text": s.text, "value": s.value}
                for s in extract_spans(line)
            ]
            rec = {"text": line, "spans": spans}
        except Exception as err:  # one bad line must not shift the output
            rec = {"text": line, "spans": [], "error": f"{type(err).__name__}: {err}"}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out.flush()


@main.command("eval")
@click.option("--gold", required=True, type=click.Path(exists=True, path_type=Path), help="Gold file (JSONL, one article per line), or a folder of them with their pages.")
@click.option("--seeds", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None, help="Folder of the pages the gold file annotates (default: bundled seeds).")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def eval_cmd(gold: Path, seeds: Path | None, as_json: bool) -> None:
    """Score segmentation and entity spans against a hand-made gold file."""
    from desktop.pipeline.entities import extract_spans
    from desktop.pipeline.evaluate import evaluate, format_report
    from desktop.pipeline.segment import segment_page
    from desktop.resources import seeds_dir

    report = evaluate(gold, segment_page, extract_spans, seeds or seeds_dir())
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1, default=str))
    else:
        click.echo(format_report(report))


@main.command("reextract")
@click.option("--db", "project", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Project file.")
@click.option("--all-unreviewed", is_flag=True, help="Every article that is not reviewed and not rejected.")
@click.option("--article", "article_ids", type=int, multiple=True, metavar="ID", help="This article (repeatable).")
@click.option("--force", is_flag=True, help="With --article: re-extract a reviewed article too.")
@click.option("--chunk", type=click.IntRange(min=1), default=100, show_default=True, help="Articles written per transaction.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def reextract_cmd(project: Path, all_unreviewed: bool, article_ids: tuple[int, ...], force: bool, chunk: int, quiet: bool) -> None:
    """Re-run entity extraction on articles of PROJECT.

    Machine spans are replaced by what the pipeline finds now; spans an editor
    made or imported stay, and reviewed (and, with --all-unreviewed, rejected)
    articles are left as they are.
    """
    from tqdm import tqdm

    from desktop.reextraction import CLOSED_STATUSES, format_summary, reextract_ids, run_batch

    if all_unreviewed == bool(article_ids):
        _fail("give either --all-unreviewed or one or more --article ID")
    store = _open_store(project)
    refused: list[int] = []
    try:
        if all_unreviewed:
            ids, skip = reextract_ids(store), CLOSED_STATUSES
        else:
            rows = store.article_rows(article_ids)
            missing = [i for i in article_ids if i not in rows]
            if missing:
                _fail(f"{project}: no article with id {', '.join(map(str, missing))}")
            refused = [i for i in article_ids if rows[i].status == "reviewed" and not force]
            ids, skip = [i for i in article_ids if i not in refused], ()
        for i in refused:
            click.echo(f"article {i} is reviewed: left as signed off (--force re-extracts it)", err=True)
        bar = None if quiet else tqdm(total=len(ids), unit="article", file=sys.stderr, dynamic_ncols=True, leave=False)

        def progress(done: int, total: int, name: str = "") -> None:
            if bar is not None:
                bar.n = done
                bar.refresh()

        try:
            summary = run_batch(store, ids, progress, chunk=chunk, skip_statuses=skip, force=force)
        except KeyboardInterrupt:
            _fail("interrupted; the articles already written are complete (whole chunks), the rest were not touched", 1)
        finally:
            if bar is not None:
                bar.close()
    finally:
        store.close()
    click.echo(format_summary(summary))
    sys.exit(1 if (refused or summary.failed or summary.error) else 0)


if __name__ == "__main__":
    main()
