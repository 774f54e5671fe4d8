"""Test setup shared by every layer: Qt runs offscreen, seeds are at hand."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_texts(seed_paths) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in seed_paths}


@pytest.fixture(scope="session")
def seed_project_template(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> Path:
    """The seed pages imported once per session; tests work on copies."""
    from desktop.ops.importer import import_paths
    from desktop.store.store import Store

    path = tmp_path_factory.mktemp("template") / "seeds.sqlite"
    store = Store.open(path, create=True, editor="setup")
    try:
        summary = import_paths(store, seed_paths, workers=1)
        assert summary.articles > 0
    finally:
        store.close()
    return path


@pytest.fixture
def seeded_project(seed_project_template: Path, tmp_path: Path):
    """A copy of the seed project, open as editor "alice" (spans as the machine made them)."""
    import shutil

    from desktop.store.store import Store

    target = tmp_path / "seeded.sqlite"
    shutil.copy(seed_project_template, target)
    store = Store.open(target, editor="alice")
    yield store
    store.close()
