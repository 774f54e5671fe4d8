"""Two app instances on one project: the second read-write open is refused with a clear
message, read-only works, and the app's open path tells the user."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store.errors import ProjectLockedError, ReadOnlyError
from desktop.store.store import Store

ROOT = Path(__file__).resolve().parents[2]

HOLDER = (
    "import sys, time\n"
    "from desktop.store.store import Store\n"
    "s = Store.open(sys.argv[1], editor='first')\n"
    "print('open', flush=True)\n"
    "time.sleep(60)\n"
)


@pytest.fixture
def held_project(tmp_path: Path):
    """A project held open read-write by another process (the first app instance)."""
    path = tmp_path / "shared.sqlite"
    s = Store.open(path, editor="setup")
    sys.path.insert(0, str(ROOT / "tests" / "store"))
    from store_helpers import add

    add(s)
    s.close()
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "open"
    yield path
    proc.kill()
    proc.wait()


def test_second_writer_refused_read_only_works(held_project: Path) -> None:
    t = time.monotonic()
    with pytest.raises(ProjectLockedError) as err:
        Store.open(held_project)
    assert time.monotonic() - t < 3, "the refusal must not wait for a timeout"
    msg = str(err.value)
    assert "open in another" in msg and "read-only" in msg, msg
    ro = Store.open(held_project, readonly=True)
    try:
        assert ro.count_articles() == 3
        with pytest.raises(ReadOnlyError):
            ro.set_field(ro.article_ids()[0], "note", "x")
    finally:
        ro.close()


def _window(tmp_path: Path, qapp):
    from desktop.ui.app import build_main_window
    from desktop.ui.settings import Settings

    return build_main_window(Settings(tmp_path / "settings.ini"))


def test_app_open_path_shows_the_lock_message(held_project: Path, tmp_path: Path, qapp) -> None:
    window = _window(tmp_path, qapp)
    shown: list[tuple[str, str]] = []
    window.ctx.interaction.show_error = lambda title, text: shown.append((title, text))
    window.ctx.interaction.confirm = lambda title, text: (shown.append((title, text)), False)[1]
    try:
        assert window.project.open_project(held_project) is False
        # the prompt in the interface language (English source or its Chinese translation), no English store text
        assert shown and any(
            str(held_project) in text and ("open in another" in text or "已在另一个窗口或程序中打开" in text) for _t, text in shown
        ), shown
        assert not window.ctx.has_store
    finally:
        window.close()


def test_app_offers_read_only_when_locked(held_project: Path, tmp_path: Path, qapp) -> None:
    """What the UI must do: on ProjectLockedError ask (Interaction.confirm) whether to open
    read-only, and on yes open ``Store.open(path, readonly=True)``."""
    window = _window(tmp_path, qapp)
    asked: list[str] = []
    window.ctx.interaction.show_error = lambda title, text: asked.append(text)
    window.ctx.interaction.confirm = lambda title, text: (asked.append(text), True)[1]
    try:
        assert window.project.open_project(held_project) is True
        assert window.ctx.has_store and window.ctx.store.readonly
    finally:
        window.close()
