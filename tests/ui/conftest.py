"""Fixtures of the UI tests: isolated settings, a project built from the seeds, the main window."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.ui.settings import EDITOR_NAME, Settings

EDITOR = "测试编辑"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    s = Settings(tmp_path / "settings.ini")
    s.set(EDITOR_NAME, EDITOR)
    return s


@pytest.fixture
def project_path(seed_project_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "project.sqlite"
    shutil.copy(seed_project_template, target)
    return target


@pytest.fixture
def ctx(settings: Settings, project_path: Path, qapp):
    from desktop.store.store import Store
    from desktop.ui.context import AppContext

    context = AppContext(settings)
    context.set_store(Store.open(project_path, editor=settings.editor_name()))
    yield context
    context.close()


@pytest.fixture
def main_window(qtbot, qapp, settings: Settings, project_path: Path):
    from desktop.ui.app import build_main_window, configure_application

    configure_application(qapp, settings)
    window = build_main_window(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.project.open_project(project_path)
    yield window
    if window.ctx.has_store:
        window.close()
