"""Helpers of the reliability tests: a small project, and what "unchanged" means for one.

``small_project`` builds a project of three hand-made articles (no pipeline);
``fingerprint`` reads everything an import could change -- pages (names, raw
names, versions), every export record with its spans and tags, the tag
vocabulary and the number of events -- through a read-only Store, so that
"the project is unchanged" is one comparison.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from desktop.store.records import ArticleFilter
from desktop.store.store import Store

ROOT = Path(__file__).resolve().parents[2]


def small_project(path: Path) -> Path:
    sys.path.insert(0, str(ROOT / "tests" / "store"))
    from store_helpers import add

    with Store.open(path, editor="setup") as store:
        add(store)
    return path


def fingerprint_store(store: Store) -> dict[str, Any]:
    return {
        "pages": [(p.source_name, getattr(p, "source_name_raw", None), p.content_hash, p.version, p.superseded,
                   p.n_articles)
                  for p in store.pages()],
        "records": list(store.iter_records(ArticleFilter(include_superseded=True))),
        "tags": store.tag_vocabulary(),
        "events": len(store.events(limit=1_000_000)),
    }


def fingerprint(path: Path) -> dict[str, Any]:
    with Store.open(path, readonly=True) as store:
        return fingerprint_store(store)
