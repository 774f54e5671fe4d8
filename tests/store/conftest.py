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
