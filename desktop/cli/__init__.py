"""The ``newsdesk`` command: the app, and the pipeline/store/export from a terminal.

Owns: argument parsing (click), terminal progress (tqdm on stderr), turning
store and input errors into one clear line and an exit status.  Every command
does its work through the operations (``desktop.ops``), ``desktop.store`` and
``desktop.export``; nothing here knows SQL or Qt (the GUI is imported lazily).
The package's other modules are the terminal side of some commands: ``team``
(packages, agreement), ``train`` (train, models), ``stats`` and
``import_report`` (the tables and summaries printed).  The CLI is the top layer:
nothing else in ``desktop`` imports it (import-linter ``layers`` contract).

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


def _project_model(store):  # noqa: ANN001, ANN202
    """(id, bytes) of the project's current model, checked; None (with a warning if unusable): the shipped one."""
    from desktop.pipeline.project_model import ProjectModel, ProjectModelError

    current = store.current_model()
    if current is not None:
        try:
            ProjectModel.from_blob(current[1])
        except ProjectModelError as err:
            click.echo(f"newsdesk: project model {current[0]}: {err}; the shipped model is used", err=True)
            return None
    return current


def _project_extractor(store):  # noqa: ANN001, ANN202
    """The extractor with the project's current model on top, or None (the shipped one)."""
    current = _project_model(store)
    if current is None:
        return None
    from desktop.pipeline.entities import shared_extractor
    from desktop.pipeline.project_model import ProjectExtractor, ProjectModel

    return ProjectExtractor(shared_extractor(), ProjectModel.from_blob(current[1]), current[0])


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
        from desktop.ui.selftest import run_self_test

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

    from desktop.ops.importer import import_paths
    from desktop.cli.import_report import format_import_summary
    from desktop.pipeline.tagger import default_model_path, model_problem
    from desktop.store.errors import StoreError

    store = _open_store(db, create=True)
    problem = model_problem(default_model_path())
    if problem:
        click.echo(f"newsdesk: {problem}; entities come from the rules alone", err=True)
    current = _project_model(store)
    bar = None if quiet else tqdm(total=0, unit="page", file=sys.stderr, dynamic_ncols=True, leave=False)

    def progress(done: int, total: int, name: str) -> None:
        if bar is not None:
            bar.total = total
            bar.n = done
            bar.set_postfix_str(name[-40:], refresh=False)
            bar.refresh()

    try:
        summary = import_paths(store, paths, progress=progress, workers=workers, model=current)
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
@click.option("--status", multiple=True, type=click.Choice(["unreviewed", "in_review", "reviewed", "rejected", "to_adjudicate"]), help="Only articles with this status (repeatable).")
@click.option("--tag", multiple=True, help="Only articles with this tag (repeatable: all must be present).")
@click.option("--page", multiple=True, help="Only articles of this page (imported file name; repeatable).")
@click.option("--label", multiple=True, help="Keep only spans of this label (repeatable).")
@click.option("--human-only", is_flag=True, help="Keep only spans an editor made, changed, accepted or imported, and only articles an editor judged (reviewed, or with such a span; never rejected ones).")
@click.option("--unit", type=click.Choice(["article", "sentence"]), default="article", show_default=True, help="One record per article or per sentence.")
@click.option("--split", default=None, metavar="TRAIN,DEV,TEST", help="Write train/dev/test parts with these ratios, e.g. 0.8,0.1,0.1 (a page never spans two parts).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the split.")
@click.option("--offset-unit", type=click.Choice(["utf16", "codepoint"]), default=None, help="doccano / Label Studio offsets (default: UTF-16 units, as those tools count).")
@click.option("--include-superseded", is_flag=True, help="Also export articles of superseded page versions.")
@click.option("--all-editors", is_flag=True, help="Also write every editor's merged version of an article (key \"editors\"; jsonl, doccano, Label Studio).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Output file or folder (jsonl without -o writes to standard output).")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Processes encoding jsonl/doccano/conll/csv in parallel (default: one per core, at most 2).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def export_cmd(db: Path, fmt: str, status, tag, page, label, human_only: bool, unit: str, split: str | None,
               seed: int, offset_unit: str | None, include_superseded: bool, all_editors: bool, output: Path | None,
               workers: int | None, quiet: bool) -> None:
    """Export articles and their annotations as a dataset (streamed: memory stays flat at any size)."""
    from dataclasses import replace

    from desktop.export.atomic import ExportError
    from desktop.export.jsonl import dumps_record
    from desktop.export.options import ExportOptions, apply_options, normalise_ratios
    from desktop.export.stream import export_project
    from desktop.store.errors import StoreError

    try:
        ratios = normalise_ratios(float(x) for x in split.split(",")) if split else None
        options = ExportOptions(labels=tuple(label), human_only=human_only, unit=unit, split=ratios, seed=seed,
                                offset_unit=offset_unit, all_editors=all_editors)
    except ValueError as err:
        _fail(f"bad export options: {err}")
    flt = replace(_filter(status, tag, page), include_superseded=include_superseded)
    store = _open_store(db, readonly=True)
    try:
        if output is None:
            if fmt != "jsonl" or options.split is not None:
                _fail(f"--format {fmt}{' with --split' if options.split else ''} needs -o/--output")
            for rec in apply_options(store.iter_records(flt, all_editors=options.all_editors), options):
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
    from desktop.ops.annotations_import import AnnotationImportError, format_summary, import_annotations
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
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON (learning figures included).")
def stats_cmd(db: Path, as_json: bool) -> None:
    """Print project statistics: progress, reviews per day and editor, spans, editor changes per label,
    and how the machine learns (precision/recall per model version, changes per reviewed article)."""
    from desktop.cli.stats import format_learning, format_stats, stats_json

    store = _open_store(db, readonly=True)
    try:
        figures = store.stats()
        learning = store.learning_stats()
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(stats_json(figures, learning), ensure_ascii=False, indent=1))
        return
    click.echo(format_stats(figures))
    click.echo("\n" + format_learning(learning))


def _extractor(model: str | None, convention: str = "spec"):
    """The entity extractor for --model (default: the shipped one; 'none': rules only); warns once if unusable."""
    from desktop.pipeline.entities import DEFAULT_MODEL, EntityExtractor

    chosen = DEFAULT_MODEL if model is None else (None if model.lower() == "none" else Path(model))
    extractor = EntityExtractor(model=chosen, convention=convention)
    extractor.warm_up()
    if extractor.model_problem:
        click.echo(f"newsdesk: {extractor.model_problem}", err=True)
    return extractor


_MODEL_HELP = "Entity model file (default: the shipped model, or $NEWSDESK_ENTITY_MODEL); 'none' for the rules alone."
_CONVENTION_HELP = ("spec: the annotation spec's spans (default); corpus: the news-NER-corpus convention the "
                    "tagger learned (no post-processing of its PER/LOC/ORG spans).")


@main.command("annotate")
@click.argument("file", required=False, type=click.File("rb"), default="-")
@click.option("--model", default=None, metavar="MODEL", help=_MODEL_HELP)
@click.option("--convention", type=click.Choice(["spec", "corpus"]), default="spec", show_default=True, help=_CONVENTION_HELP)
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Use this project's current model (trained with 'newsdesk train --db').")
def annotate_cmd(file, model: str | None, convention: str, db: Path | None) -> None:
    """Pre-annotate plain text: one document per input line, one JSON object per output line."""
    extractor = _extractor(model, convention)
    if db is not None:
        from desktop.pipeline.project_model import ProjectExtractor, ProjectModel

        store = _open_store(db, readonly=True)
        try:
            current = _project_model(store)
        finally:
            store.close()
        if current is not None:
            extractor = ProjectExtractor(extractor, ProjectModel.from_blob(current[1]), current[0])
    out = sys.stdout
    for raw in file:
        line = raw.decode("utf-8", errors="replace").rstrip("\n").rstrip("\r")
        try:
            spans = [
                {"start": s.start, "end": s.end, "label": s.label, "text": s.text, "value": s.value,
                 "confidence": None if s.confidence is None else round(s.confidence, 4)}
                for s in extractor.extract(line)
            ]
            rec = {"text": line, "spans": spans}
        except Exception as err:  # one bad line must not shift the output
            rec = {"text": line, "spans": [], "error": f"{type(err).__name__}: {err}"}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out.flush()


@main.command("train")
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Train this project's own model from its reviewed articles (stored in the project, made current).")
@click.option("--include-imported", is_flag=True, help="With --db: also learn from articles whose spans were imported.")
@click.option("--corpus", "corpora", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="BIO file (CHAR TAG per line) or Newsdesk JSONL; repeatable, several files may follow one --corpus.")
@click.argument("more", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--seed", type=int, default=None, help="Seed of the held-out split (default 11, the shipped model's).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Model file to write (with --corpus).")
@click.option("--max-iterations", type=click.IntRange(min=1), default=None, help="L-BFGS iterations (default 300).")
@click.option("--c1", type=float, default=None, help="L1 regularisation (default 0.05).")
@click.option("--c2", type=float, default=None, help="L2 regularisation (default 0.01).")
@click.option("--jsonl-weight", type=click.IntRange(min=1), default=None, help="Times each JSONL (spec-convention) training text counts (default 1).")
@click.option("--learn-dev", is_flag=True, help="Learn from the dev parts too (after choosing settings on them); only test is scored.")
@click.option("--json", "as_json", is_flag=True, help="Print the model header (data, parameters, held-out scores) as JSON.")
def train_cmd(db, include_imported, corpora, more, seed, output: Path, max_iterations, c1, c2, jsonl_weight,
              learn_dev: bool, as_json: bool) -> None:
    """Train the PER/LOC/ORG tagger; print per-label scores on the held-out parts.

    Every text goes to train, dev (15 %) or test (10 %) by a hash of its content
    and the seed; only the train parts are learned from.

    With --db PROJECT: train the project's own model on its reviewed articles
    (over the shipped model), print per-label cross-validation scores, store it
    in the project and make it current.
    """
    if db is not None:
        if corpora or more or output:
            _fail("give either --db PROJECT or --corpus FILE... -o MODEL")
        from desktop.cli.train import train_project

        train_project(db, include_imported=include_imported, seed=11 if seed is None else seed, as_json=as_json)
        return
    if not (corpora or more) or output is None:
        _fail("give --db PROJECT, or --corpus FILE... and -o MODEL")
    from dataclasses import replace

    from tqdm import tqdm

    from desktop.pipeline.ner_data import DEFAULT_SEED, CorpusError
    from desktop.pipeline.tagger_training import TrainParams, format_scores, train_tagger

    params = TrainParams()
    chosen = (("max_iterations", max_iterations), ("c1", c1), ("c2", c2), ("jsonl_weight", jsonl_weight),
              ("learn_dev", learn_dev or None))
    params = replace(params, **{k: v for k, v in chosen if v is not None})  # type: ignore[arg-type]
    bars: dict[str, tqdm] = {}

    def progress(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, file=sys.stderr, dynamic_ncols=True, leave=False)
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        header = train_tagger([*corpora, *more], output, seed=DEFAULT_SEED if seed is None else seed,
                              params=params, progress=progress)
    except (CorpusError, ValueError, OSError) as err:
        _fail(str(err), 1)
    finally:
        for bar in bars.values():
            bar.close()
    if as_json:
        click.echo(json.dumps(header, ensure_ascii=False, indent=1))
        return
    click.echo(f"model written to {output} ({output.stat().st_size:,} bytes, trained in {header['train_seconds']} s)")
    for name, parts in header["heldout_scores"].items():
        for part, by_convention in parts.items():
            for convention, rep in by_convention.items():
                click.echo("\n" + format_scores(rep, f"{name} [{part}, {convention} convention]"))


@main.command("models")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Project file.")
@click.option("--use", "use_id", default=None, metavar="ID", help="Make stored model ID current ('shipped': none, the shipped model).")
@click.option("--delete", "delete_id", type=int, default=None, metavar="ID", help="Delete stored model ID.")
@click.option("--json", "as_json", is_flag=True, help="List the models as JSON.")
def models_cmd(db: Path, use_id: str | None, delete_id: int | None, as_json: bool) -> None:
    """List the project's own entity models; choose the current one or delete one."""
    from desktop.cli.train import manage_models

    manage_models(db, use_id, delete_id, as_json)


@main.command("eval")
@click.option("--gold", type=click.Path(exists=True, path_type=Path), default=None, help="Gold file (JSONL, one article per line), or a folder of them with their pages: segmentation and entities.")
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None, help="Annotated texts (BIO or Newsdesk JSONL): entity spans only.")
@click.option("--seeds", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None, help="Folder of the pages the gold file annotates (default: bundled seeds).")
@click.option("--model", default=None, metavar="MODEL", help=_MODEL_HELP)
@click.option("--convention", type=click.Choice(["spec", "corpus"]), default="spec", show_default=True,
              help="With --corpus: spec compares the spec output with the gold mapped to the spec; corpus compares the corpus-convention output with the raw gold.")
@click.option("--part", type=click.Choice(["all", "train", "dev", "test"]), default="all", show_default=True, help="With --corpus: only this part of the train/dev/test split.")
@click.option("--seed", type=int, default=None, help="Seed of the split for --part (default 11).")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
def eval_cmd(gold: Path | None, corpus: Path | None, seeds: Path | None, model: str | None, convention: str, part: str,
             seed: int | None, as_json: bool) -> None:
    """Score entity spans (and, with --gold, segmentation) against annotated text.

    Entities: exact match of start, end and label; per-label precision, recall, F1.
    """
    if (gold is None) == (corpus is None):
        _fail("give either --gold FILE or --corpus FILE")
    if corpus is not None:
        from desktop.pipeline.ner_data import DEFAULT_SEED, CorpusError, read_examples, split_examples
        from desktop.pipeline.tagger_training import corpus_labels, format_scores, score_corpus, summary

        try:
            examples = read_examples(corpus)
        except CorpusError as err:
            _fail(str(err), 1)
        if part != "all":
            examples = split_examples(examples, DEFAULT_SEED if seed is None else seed)[part]
        extractor = _extractor(model, convention)
        report = score_corpus(extractor, examples, corpus_labels(corpus, examples), convention)
        if as_json:
            click.echo(json.dumps({"corpus": str(corpus), "part": part, "model_problem": extractor.model_problem,
                                   **summary(report)}, ensure_ascii=False, indent=1))
        else:
            click.echo(format_scores(report, f"{corpus} [{part}, {convention} convention]"))
        return
    from desktop.pipeline.evaluate import evaluate, format_report
    from desktop.pipeline.segment import segment_page
    from desktop.resources import seeds_dir

    assert gold is not None  # checked above: --gold or --corpus
    report = evaluate(gold, segment_page, _extractor(model).extract, seeds or seeds_dir())
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

    from desktop.ops.reextraction import CLOSED_STATUSES, format_summary, reextract_ids, run_batch

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
            summary = run_batch(store, ids, progress, chunk=chunk, skip_statuses=skip, force=force,
                                extractor=_project_extractor(store))
        except KeyboardInterrupt:
            _fail("interrupted; the articles already written are complete (whole chunks), the rest were not touched", 1)
        finally:
            if bar is not None:
                bar.close()
    finally:
        store.close()
    click.echo(format_summary(summary))
    sys.exit(1 if (refused or summary.failed or summary.error) else 0)


from desktop.cli.team import agreement_cmd, packages_group  # noqa: E402 - team commands (issue 15)

main.add_command(packages_group)
main.add_command(agreement_cmd)

if __name__ == "__main__":
    main()
