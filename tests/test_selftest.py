"""``newsdesk --self-test``: it passes on a machine with a CJK font and fails without one.

The end-to-end tests run ``python -m desktop --self-test`` in a subprocess with no display
variables at all, as an editor's machine without a display would; the failure case hides
every CJK font from fontconfig.  The helpers are tested in-process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.ui import selftest

ROOT = Path(__file__).resolve().parent.parent
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def _run_self_test(tmp_path: Path, **extra_env: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # where the editor's settings would go
    env["TMPDIR"] = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.mark.slow
def test_self_test_passes_headless_and_leaves_user_settings_alone(tmp_path):
    proc = _run_self_test(tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert "Qt platform offscreen" in out  # chose offscreen itself: no display variable was set
    assert "main window painted" in out and "ms after process start" in out
    assert "glyphs:" in out and "FAILED" not in out
    assert out.rstrip().endswith("self-test passed")
    png_line = next(line for line in out.splitlines() if "window picture:" in line)
    png = Path(png_line.split("window picture:", 1)[1].split(" (", 1)[0].strip())
    assert png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.parent.parent == tmp_path / "tmp"
    assert sorted(p.name for p in png.parent.iterdir()) == ["newsdesk-self-test.png"]  # project removed
    assert not (tmp_path / "config").exists() or not any((tmp_path / "config").rglob("*"))


@pytest.mark.slow
@pytest.mark.skipif(not DEJAVU.is_dir(), reason="needs the DejaVu fonts to build a font set without CJK")
def test_self_test_fails_when_no_font_draws_chinese(tmp_path):
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><dir>{DEJAVU}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    proc = _run_self_test(tmp_path, FONTCONFIG_FILE=str(conf))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "self-test FAILED: Chinese text does not draw real glyphs" in proc.stderr
    assert "self-test passed" not in proc.stdout


def test_check_glyphs_passes_for_chinese_in_a_cjk_font(qapp):
    from PySide6.QtGui import QFont

    font = QFont(qapp.font())
    font.setFamilies(["Noto Sans CJK SC", "WenQuanYi Micro Hei", *font.families()])
    report = selftest.check_glyphs(font, "新闻标注台")
    assert report.ok, report.problems
    assert report.chars == "新闻标注台" and report.drawn_with


def test_check_glyphs_fails_for_characters_no_font_has(qapp):
    from PySide6.QtGui import QFont

    report = selftest.check_glyphs(QFont(qapp.font()), "\U0010fffc\U0010fffb")
    assert not report.ok
    assert any("has no glyph" in p for p in report.problems)
    assert any("missing-glyph box" in p or "identical image" in p for p in report.problems)


def test_check_glyphs_fails_on_nothing_to_check(qapp):
    from PySide6.QtGui import QFont

    assert selftest.check_glyphs(QFont(qapp.font()), "").problems == ["no characters to check"]


def test_choose_platform_goes_offscreen_only_without_any_display():
    env: dict[str, str] = {}
    assert selftest.choose_platform(env, platform="linux") == "offscreen"
    assert env == {"QT_QPA_PLATFORM": "offscreen"}
    env = {"DISPLAY": ":99"}
    assert selftest.choose_platform(env, platform="linux") == "native"
    assert "QT_QPA_PLATFORM" not in env
    assert selftest.choose_platform({"WAYLAND_DISPLAY": "wayland-0"}, platform="linux") == "native"
    assert selftest.choose_platform({"QT_QPA_PLATFORM": "xcb"}, platform="linux") == "xcb"
    env = {}
    assert selftest.choose_platform(env, platform="win32") == "native" and env == {}


def test_cjk_chars_and_page_text_detection():
    assert selftest.cjk_chars("A新闻，新华社记者 报道", limit=4) == "新闻华社"
    page = "本报讯 四川省德阳市今日召开会议。"
    assert selftest.shows_page_text(["标题\n德阳市今日召开"], page)
    assert not selftest.shows_page_text(["德阳市明日", "abc 本报"], page)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process start time comes from /proc")
def test_process_age_counts_from_process_start():
    since_import = (time.perf_counter() - selftest._MODULE_LOADED) * 1000
    age, origin = selftest.process_age_ms()
    assert origin == "process start"
    # The process started before this module was imported; 20 ms covers the 10 ms ticks.
    assert since_import - 20 <= age < 24 * 3600 * 1000
