"""Splitting a project into work packages and merging them back (no SQL, no Qt).

Owns: ``plan_split`` (who gets which articles: a seeded shuffle, ``overlap`` of them to every
editor, the rest dealt out in turn), ``split_project`` (writes one package file per editor
through the store), ``merge_packages`` (merges files one by one; a refused file is reported
with its reason and the others go on) and the one-line summaries the CLI and the app show.

Both run on a worker thread in the app with the store seen through ``on_gui_thread`` (see
``desktop/ui/tasks.py``): the heavy parts (writing a package file, reading and checking one)
are callables the store hands out (``package_writer``, ``package_reader``) and run on the
caller's thread; only the short store calls (the ids, the merge transaction) go to the store.

Package file names: ``<project stem>-<editor>.sqlite`` in the output folder.
"""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.store.errors import StoreError
from desktop.store.records import ArticleFilter

if TYPE_CHECKING:
    from desktop.store.store import Store

Progress = Callable[..., None]


class SplitError(ValueError):
    """The split cannot be made as asked (the message says why)."""


def parse_editors(text: str) -> list[str]:
    """``张三,李四`` (also ``，`` and ``、``) -> names, in order, each once."""
    names = [n.strip() for n in re.split(r"[,，、;；]", text or "")]
    out = list(dict.fromkeys(n for n in names if n))
    if not out:
        raise SplitError("give at least one editor name (--editors 张三,李四)")
    bad = [n for n in out if re.search(r'[\\/:*?"<>|\x00-\x1f]', n)]
    if bad:
        raise SplitError(f"an editor name cannot contain / \\ : * ? \" < > |: {bad[0]!r}")
    return out


@dataclass
class SplitPlan:
    shared: list[int]  # given to every editor
    own: dict[str, list[int]]  # editor -> the articles only they get

    def articles_of(self, editor: str) -> list[int]:
        return sorted(self.shared + self.own[editor])


def plan_split(ids: Sequence[int], editors: Sequence[str], overlap: float, seed: int) -> SplitPlan:
    if not 0.0 <= overlap <= 1.0:
        raise SplitError(f"--overlap must be between 0 and 1, not {overlap}")
    if not editors:
        raise SplitError("give at least one editor")
    order = sorted(int(i) for i in ids)
    random.Random(seed).shuffle(order)
    n_shared = round(len(order) * overlap) if len(editors) > 1 else 0
    shared, rest = sorted(order[:n_shared]), order[n_shared:]
    own: dict[str, list[int]] = {e: [] for e in editors}
    for i, aid in enumerate(rest):
        own[editors[i % len(editors)]].append(aid)
    return SplitPlan(shared, {e: sorted(v) for e, v in own.items()})


def package_path(folder: Path, project: Path, editor: str) -> Path:
    return folder / f"{project.stem}-{editor}.sqlite"


@dataclass
class SplitResult:
    files: dict[str, Path]
    counts: dict[str, int]
    shared: int


def split_project(
    store: Store, editors: Sequence[str], folder: Path, *, overlap: float = 0.1, statuses: Sequence[str] = (),
    seed: int = 0, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> SplitResult:
    """One package per editor in ``folder`` (created if missing; existing package files refuse)."""
    ids = store.article_ids(ArticleFilter(statuses=tuple(statuses), include_superseded=False))
    if not ids:
        raise SplitError("no articles to hand out" + (f" with status {', '.join(statuses)}" if statuses else ""))
    plan = plan_split(ids, editors, overlap, seed)
    folder.mkdir(parents=True, exist_ok=True)
    files = {e: package_path(folder, store.path, e) for e in editors}
    taken = [str(p) for p in files.values() if p.exists()]
    if taken:
        raise SplitError(f"{taken[0]} already exists: choose an empty folder")
    counts: dict[str, int] = {}
    write = store.package_writer()  # the packages are written here, on the caller's thread
    for n, editor in enumerate(editors):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(n, len(editors), editor)
        counts[editor] = write(files[editor], editor, plan.articles_of(editor), uuid.uuid4().hex)
    if progress is not None:
        progress(len(editors), len(editors), "")
    return SplitResult({e: files[e] for e in counts}, counts, len(plan.shared))


def format_split(result: SplitResult) -> str:
    lines = [f"{len(result.files)} work package(s), {result.shared} article(s) given to every editor:"]
    lines += [f"  {editor}: {result.counts[editor]} article(s) -> {path}" for editor, path in result.files.items()]
    return "\n".join(lines)


@dataclass
class MergeReport:
    outcomes: list[Any] = field(default_factory=list)  # store.merge.MergeOutcome
    refused: list[str] = field(default_factory=list)  # one line each: file and reason
    errors: list[tuple[Path, Exception]] = field(default_factory=list)  # the refusals themselves (codes for the app)

    @property
    def article_ids(self) -> set[int]:
        return set().union(*(o.article_ids for o in self.outcomes)) if self.outcomes else set()


def merge_packages(
    store: Store, paths: Sequence[Path], progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> MergeReport:
    """Merge each package in turn (one transaction each); a refused one is reported, the rest go on."""
    report = MergeReport()
    read = store.package_reader()  # each package is read and checked here, on the caller's thread
    for n, path in enumerate(paths):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(n, len(paths), Path(path).name)
        if not Path(path).is_file():
            report.refused.append(f"{path}: no such file; not merged")
            report.errors.append((Path(path), FileNotFoundError(str(path))))
            continue
        try:
            report.outcomes.append(store.merge_package_content(read(path)))
        except StoreError as err:
            report.refused.append(str(err))
            report.errors.append((Path(path), err))
    if progress is not None:
        progress(len(paths), len(paths), "")
    return report


def format_merge(report: MergeReport) -> str:
    lines = []
    for o in report.outcomes:
        if o.unchanged:
            lines.append(f"{o.file_name} ({o.editor}): " + ("already merged, nothing new" if o.merged_before
                                                             else "nothing edited in it yet, nothing to merge"))
            continue
        line = (f"{o.file_name} ({o.editor}): {o.articles} article(s) edited, {o.new_versions} new version(s), "
                f"{o.events} change(s) recorded; {o.applied} taken, {o.to_adjudicate} to adjudicate")
        if o.not_in_project:
            line += f"; {o.not_in_project} article(s) made in the package (by splitting one) not merged"
        lines.append(line)
    lines += report.refused
    return "\n".join(lines) or "no packages given"
