"""Fixtures for the store tests: a fresh project on tmp_path, and one with two pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import add

from desktop.store.store import Store


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return tmp_path / "proj.newsdesk"


@pytest.fixture
def store(project: Path):
    s = Store.open(project, editor="alice")
    yield s
    s.close()


@pytest.fixture
def filled(store: Store) -> Store:
    add(store)
    add(store, "p2.txt", "h2", "二")
    return store


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory, seed_project_template: Path) -> Path:
    """The seed project (tests/conftest.py) with its machine spans accepted (so every span is human)."""
    import shutil

    path = tmp_path_factory.mktemp("seeded") / "seeded.sqlite"
    shutil.copy(seed_project_template, path)
    s = Store.open(path, editor="setup")
    try:
        for article_id in s.article_ids():
            s.accept_auto_spans(article_id)
    finally:
        s.close()
    return path


@pytest.fixture
def seeded(seeded_template: Path, tmp_path: Path):
    import shutil

    target = tmp_path / "seeded.sqlite"
    shutil.copy(seeded_template, target)
    s = Store.open(target, editor="alice")
    yield s
    s.close()
