"""A scripted team round on a project file, shared by the store and the UI tests (issue 15):
three packages, planted disagreements on one article every editor got, merged back."""

from __future__ import annotations

from pathlib import Path

from desktop.store.store import Store
from desktop.team.packages import merge_packages, split_project

EDITORS = ["张三", "李四", "王五"]  # sorted by code point: the keys Alt+1, Alt+2, Alt+3
PLANTED_X = {
    "张三": [(0, 3, "PER"), (10, 14, "LOC"), (20, 26, "ORG")],
    "李四": [(0, 3, "PER"), (10, 12, "LOC"), (20, 26, "ORG")],  # LOC boundary differs
    "王五": [(0, 3, "PER"), (20, 26, "ORG"), (30, 34, "DATE")],  # no LOC, an extra DATE
}


def replace_spans(store: Store, aid: int, spans) -> None:
    for s in store.get_article(aid).spans:
        store.remove_span(s.id)
    for start, end, label in spans:
        store.add_span(aid, start, end, label)


def planted_round(project: Path, folder: Path) -> int:
    """Split ``project``, plant PLANTED_X on a shared article in each package, merge; its id."""
    with Store.open(project, editor="lead") as store:
        result = split_project(store, EDITORS, folder, overlap=0.25, seed=7)
        ids = [set(Store.open(p, readonly=True).article_ids()) for p in result.files.values()]
        shared = sorted(set.intersection(*ids))
        bodies = store.article_bodies(shared)
        x = next(a for a in shared if len(bodies[a]) > 60)
        for editor, path in result.files.items():
            with Store.open(path) as pkg:
                replace_spans(pkg, x, PLANTED_X[editor])
                pkg.set_status(x, "reviewed")
        assert not merge_packages(store, list(result.files.values())).refused
    return x
