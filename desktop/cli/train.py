"""The terminal side of project models: ``newsdesk train --db`` and ``newsdesk models``.

Owns: ``train_project`` (train with a progress bar, store, print the
cross-validation table), ``manage_models`` (list / choose / delete) and
``format_models``.  The work itself is ``desktop.ops.learning``'s.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click


def _cli() -> Any:
    from desktop import cli

    return cli


def format_cv(header: dict[str, Any]) -> str:
    cv = header.get("cv")
    if not cv:
        return "cross-validation: too few reviewed articles (at least 4 needed)"
    lines = [f"cross-validation on the project's reviewed articles ({cv['folds']} folds, {cv['texts']} articles):",
             f"{'label':<8}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>6}{'fn':>6}"]
    for label, s in [*cv["labels"].items(), ("micro", cv["micro"])]:
        lines.append(f"{label:<8}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
                     f"{s.get('tp', ''):>7}{s.get('fp', ''):>6}{s.get('fn', ''):>6}")
    return "\n".join(lines)


def train_project(db: Path, *, include_imported: bool, seed: int, as_json: bool) -> None:
    from tqdm import tqdm

    from desktop.ops.learning import train_from_store
    from desktop.pipeline.project_training import Cancelled
    from desktop.store.errors import StoreError

    cli = _cli()
    store = cli._open_store(db)
    bar = tqdm(total=0, file=sys.stderr, dynamic_ncols=True, leave=False)

    def progress(stage: str, done: int, total: int) -> None:
        bar.set_description_str(stage, refresh=False)
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        model_id, header = train_from_store(store, include_imported=include_imported, seed=seed, progress=progress)
    except KeyboardInterrupt:
        cli._fail("training interrupted; the project and its current model are unchanged", 1)
    except Cancelled:
        cli._fail("training cancelled; the project and its current model are unchanged", 1)
    except (ValueError, StoreError) as err:
        cli._fail(f"{db}: {err}", 1)
    finally:
        bar.close()
        store.close()
    if as_json:
        click.echo(json.dumps({"id": model_id, "header": header}, ensure_ascii=False, indent=1))
        return
    click.echo(f"model {model_id} stored in {db} and made current: learned from {header['articles']} articles, "
               f"{header['spans']} spans, in {header['seconds']} s")
    click.echo(format_cv(header))


def format_models(models: list[Any]) -> str:
    if not models:
        return "no project model: the shipped model is used (train one with 'newsdesk train --db')"
    lines = [f"{'':2}{'id':>4}  {'trained (UTC)':<26}{'articles':>9}{'spans':>7}{'CV F1':>7}  editor"]
    for m in models:
        cv = (m.header.get("cv") or {}).get("micro", {}).get("f1")
        lines.append(f"{'*' if m.current else ' ':2}{m.id:>4}  {m.created_at:<26}{m.articles:>9}{m.spans:>7}"
                     f"{'' if cv is None else f'{cv:.3f}':>7}  {m.editor}")
    if not any(m.current for m in models):
        lines.append("(none is current: the shipped model is used)")
    return "\n".join(lines)


def manage_models(db: Path, use_id: str | None, delete_id: int | None, as_json: bool) -> None:
    from desktop.store.errors import StoreError

    cli = _cli()
    if use_id is not None and delete_id is not None:
        cli._fail("give --use or --delete, not both")
    target: int | None = None
    if use_id is not None and use_id.lower() not in ("shipped", "none"):
        try:
            target = int(use_id)
        except ValueError:
            cli._fail(f"--use takes a model id or 'shipped', not {use_id!r}")
    store = cli._open_store(db, readonly=use_id is None and delete_id is None)
    try:
        if use_id is not None:
            store.set_current_model(target)
        if delete_id is not None:
            store.delete_model(delete_id)
        models = store.models()
    except StoreError as err:
        cli._fail(f"{db}: {err}", 1)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps([m.to_json() for m in models], ensure_ascii=False, indent=1))
    else:
        click.echo(format_models(models))
