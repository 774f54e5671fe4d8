"""``newsdesk --self-test``: prove on this machine that the app starts and shows Chinese.

Owns: the self-test run.  It imports one bundled seed page into a throw-away project,
opens the real main window on it (through ``desktop.ui.app``, with settings in the
temporary folder so the editor's own settings and last project are untouched), waits for
the window's first paint, checks that the Chinese text on screen is drawn with real
glyphs, saves a picture of the window, closes and returns an exit status.  It works on a
pip install and in the frozen program, on a display, under Xvfb or with no display at
all (it then selects Qt's ``offscreen`` platform itself, on Linux).

The glyph check, per font the window uses for Chinese text: lay out each character and
ask Qt which font actually draws it (after fallback) and whether that glyph is the
font's "missing" glyph (index 0); then render each character alone and compare the
pixels with the rendering of U+10FFFD, a code point no font covers.  A machine without a
CJK font fails both ways: every character is glyph 0 and draws the same empty box.

Timing: "main window painted N ms after process start" is measured from the process's
start as recorded by the kernel (``/proc/self/stat`` field 22, in clock ticks, against
``CLOCK_BOOTTIME``; resolution 10 ms), so it includes the interpreter or frozen
bootloader start, the seed import (printed separately) and Qt start-up.  Where
``/proc`` does not exist (Windows, macOS) it is measured from the moment this module was
imported, and says so.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_MODULE_LOADED = time.perf_counter()

# Printed and checked with the app's font in addition to the text shown in the window.
FIXED_SAMPLE = "新闻标注台审校导出中华人民共和国经济"
MISSING_CHAR = "\U0010fffd"  # plane-16 private use: no font maps it
PAINT_TIMEOUT_S = 30.0


class SelfTestError(Exception):
    """A check failed; the message says which and why."""


def process_age_ms() -> tuple[float, str]:
    """Milliseconds since this process started, and what the number is measured from."""
    try:
        with open("/proc/self/stat", "rb") as f:
            stat = f.read()
        start_ticks = int(stat.rsplit(b")", 1)[1].split()[19])  # field 22: starttime
        now = time.clock_gettime(time.CLOCK_BOOTTIME)
        return (now - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000.0, "process start"
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - _MODULE_LOADED) * 1000.0, "self-test module load (process start unknown here)"


def choose_platform(environ: dict[str, str] | None = None, platform: str = sys.platform) -> str:
    """Select Qt's offscreen platform when nothing says where windows go (Linux/BSD).

    Must run before the QApplication exists.  Returns the platform in effect.
    """
    env = os.environ if environ is None else environ
    if platform not in ("win32", "darwin") and not any(env.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env.get("QT_QPA_PLATFORM") or "native"


def is_cjk(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def cjk_chars(text: str, limit: int = 24) -> str:
    """The first ``limit`` distinct CJK ideographs of ``text``, in order."""
    seen: dict[str, None] = {}
    for ch in text:
        if is_cjk(ch) and ch not in seen:
            seen[ch] = None
            if len(seen) >= limit:
                break
    return "".join(seen)


@dataclass
class GlyphReport:
    """What the glyph check found for one font and one set of characters."""

    font: str
    chars: str
    drawn_with: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _render(ch: str, font) -> bytes:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFontMetrics, QImage, QPainter

    size = max(16, QFontMetrics(font).height() * 2)
    image = QImage(size, size, QImage.Format.Format_Grayscale8)
    image.fill(255)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, ch)
    painter.end()
    return bytes(image.constBits())


def _glyphs(ch: str, font) -> list[tuple[str, list[int]]]:
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(ch, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def check_glyphs(font, chars: str) -> GlyphReport:
    """Check that every character of ``chars`` draws as its own real glyph in ``font``."""
    report = GlyphReport(font=f"{font.family()} {font.pointSizeF():g}pt", chars=chars)
    if not chars:
        report.problems.append("no characters to check")
        return report
    missing = _render(MISSING_CHAR, font)
    images: dict[bytes, str] = {}
    for ch in chars:
        runs = _glyphs(ch, font)
        for family, indexes in runs:
            if family not in report.drawn_with:
                report.drawn_with.append(family)
            if 0 in indexes:
                report.problems.append(f"{ch} (U+{ord(ch):04X}): {family} has no glyph for it")
        pixels = _render(ch, font)
        if all(b == 255 for b in pixels):
            report.problems.append(f"{ch} (U+{ord(ch):04X}): drew nothing")
        elif pixels == missing:
            report.problems.append(f"{ch} (U+{ord(ch):04X}): drawn as the missing-glyph box")
        elif pixels in images:
            report.problems.append(f"{ch} and {images[pixels]} draw the identical image (boxes?)")
        images.setdefault(pixels, ch)
    return report


def shown_texts(window: Any) -> list[tuple[Any, str]]:
    """(widget, text) for every visible widget of ``window`` showing CJK text."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

    found: list[tuple[object, str]] = []
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        text = ""
        if isinstance(w, (QLabel, QLineEdit, QAbstractButton)):
            text = w.text()
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            text = w.toPlainText()
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            parts = []
            root = QModelIndex()
            try:
                columns = model.columnCount(root)
            except TypeError:  # PySide6 makes QAbstractListModel.columnCount private
                columns = 1
            for row in range(min(model.rowCount(root), 50)):
                for col in range(min(columns, 8)):
                    value = model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)
                    if isinstance(value, str):
                        parts.append(value)
            text = "\n".join(parts)
        if cjk_chars(text, 1):
            found.append((w, text))
    return found


def shows_page_text(texts: list[str], page_text: str) -> bool:
    """True if some run of 4+ CJK characters shown in the window occurs in the page."""
    for text in texts:
        run = ""
        for ch in text + "\n":
            if is_cjk(ch):
                run += ch
                continue
            if len(run) >= 4 and run[:4] in page_text:
                return True
            run = ""
    return False


def image_variety(image) -> int:
    """Number of distinct colours in a coarse sample of ``image`` (1 = blank)."""
    colours = set()
    step = max(1, min(image.width(), image.height()) // 120)
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


def _font_key(font) -> str:
    return f"{font.family()}|{font.pointSizeF():g}|{font.weight()}|{font.italic()}"


def _variant_note(families: list[str]) -> str:
    other = [f for f in families if any(f.endswith(s) for s in (" JP", " KR", " TC", " HK", " J", " K"))]
    return f" (note: {', '.join(other)} is not a Simplified-Chinese variant)" if other else ""


class _Recorder:
    """Answers the app's prompts during the self-test: nothing may block on a dialog."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def install(self, interaction) -> None:
        def record(kind):
            return lambda title, text="", *a, **k: self.messages.append(f"{kind}: {title}: {text}")

        interaction.show_error = record("error")
        interaction.show_info = record("info")
        interaction.confirm = lambda *a, **k: False
        interaction.ask_text = lambda *a, **k: None
        interaction.choose_item = lambda *a, **k: None
        for name in ("choose_open_project", "choose_new_project", "choose_folder", "choose_export_file"):
            setattr(interaction, name, lambda *a, **k: None)
        interaction.choose_page_files = lambda *a, **k: []


def _wait(app, condition, timeout_s: float) -> bool:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)
    return True


def _import_seed(project: Path) -> tuple[Path, str, str]:
    """Import the first seed page into a new project; return (page, its text, summary line)."""
    started = time.perf_counter()  # includes loading the pipeline's modules
    from desktop.ops.importer import import_paths
    from desktop.resources import seeds_dir
    from desktop.store.store import Store

    pages = sorted(seeds_dir().glob("*.txt"))
    if not pages:
        raise SelfTestError(f"no seed pages in {seeds_dir()}")
    page = pages[0]
    store = Store.open(project, create=True)
    try:
        summary = import_paths(store, [page], workers=1)
    finally:
        store.close()
    ms = (time.perf_counter() - started) * 1000
    if not summary.ok or summary.articles == 0:
        reasons = "; ".join(f"{p.path}: {p.reason}" for p in summary.skipped) or "no articles found"
        raise SelfTestError(f"importing {page.name} failed: {reasons}")
    spans = sum(summary.spans_by_label.values())
    line = f"imported {page.name} in {ms:.0f} ms: {summary.articles} articles, {spans} spans"
    return page, page.read_text(encoding="utf-8"), line


def _run(out_dir: Path, say) -> None:
    from desktop import __version__

    age, origin = process_age_ms()
    platform = choose_platform()
    frozen = "frozen" if getattr(sys, "frozen", False) else f"Python {sys.version.split()[0]}"
    project = out_dir / "self-test.sqlite"
    page, page_text, import_line = _import_seed(project)

    qt_started = time.perf_counter()  # from here: loading Qt and the UI modules, the window
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QFont, QGuiApplication
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import build_main_window, configure_application
    from desktop.ui.settings import Settings

    say(f"newsdesk {__version__} self-test ({frozen}, PySide6 {pyside_version}, Qt platform {platform})")
    say(f"  self-test started {age:.0f} ms after {origin}")
    say(f"  seed page: {import_line}")

    class PaintWatcher(QObject):
        painted_at: float | None = None

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint and self.painted_at is None:
                self.painted_at = process_age_ms()[0]
            return False

    if QApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    settings = Settings(out_dir / "settings.ini")  # the editor's own settings stay untouched
    configure_application(app, settings)
    window = build_main_window(settings)
    prompts = _Recorder()
    prompts.install(window.ctx.interaction)
    watcher = PaintWatcher(window)
    window.installEventFilter(watcher)
    window.show()
    try:
        if not _wait(app, lambda: watcher.painted_at is not None, PAINT_TIMEOUT_S):
            raise SelfTestError(f"the main window was not painted within {PAINT_TIMEOUT_S:.0f} s")
        qt_ms = (time.perf_counter() - qt_started) * 1000
        say(f"  main window painted {watcher.painted_at:.0f} ms after {origin} (loading Qt and the UI, building and showing the window: {qt_ms:.0f} ms)")

        opened = time.perf_counter()
        if not window.project.open_project(project):
            raise SelfTestError("the app could not open the self-test project: " + "; ".join(prompts.messages))
        shown = lambda: shows_page_text([t for _, t in shown_texts(window)], page_text)  # noqa: E731
        if not _wait(app, shown, 10.0):
            raise SelfTestError(f"the window never showed text of {page.name} (prompts: {prompts.messages or 'none'})")
        texts = shown_texts(window)
        say(f"  project opened, page text on screen after {(time.perf_counter() - opened) * 1000:.0f} ms; "
            f"{len(texts)} widgets show Chinese text")
        if prompts.messages:
            raise SelfTestError("the app reported: " + "; ".join(prompts.messages))

        by_font: dict[str, tuple[QFont, str]] = {_font_key(app.font()): (app.font(), FIXED_SAMPLE)}
        for widget, text in texts:
            key = _font_key(widget.font())
            font, chars = by_font.get(key, (widget.font(), ""))
            by_font[key] = (font, chars + text)
        failed = []
        for font, text in by_font.values():
            report = check_glyphs(font, cjk_chars(text))
            status = "ok" if report.ok else "FAILED"
            say(f"  glyphs: {len(report.chars)} characters ({report.chars[:12]}…) in \"{report.font}\", "
                f"drawn with {', '.join(report.drawn_with)}: {status}{_variant_note(report.drawn_with)}")
            if not report.ok:
                failed.append(f"{report.font}: {len(report.problems)} problems, e.g. " + "; ".join(report.problems[:2]))
        if failed:
            raise SelfTestError("Chinese text does not draw real glyphs (install a CJK font such as "
                                "fonts-noto-cjk): " + " | ".join(failed))

        image = window.grab().toImage()
        png = out_dir / "newsdesk-self-test.png"
        if image.isNull() or not image.save(str(png)):  # the format from the .png suffix
            raise SelfTestError(f"could not save the window picture to {png}")
        variety = image_variety(image)
        say(f"  window picture: {png} ({image.width()}x{image.height()}, {variety} colours in a sample)")
        if variety < 8:
            raise SelfTestError(f"the window picture is blank ({variety} colours)")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


def run_self_test() -> int:
    """Run the self-test; print what was checked; 0 if everything passed, 1 if not."""
    out_dir = Path(tempfile.mkdtemp(prefix="newsdesk-self-test-"))

    def say(line: str) -> None:
        print(line, flush=True)

    try:
        _run(out_dir, say)
    except SelfTestError as err:
        print(f"self-test FAILED: {err}", file=sys.stderr, flush=True)
        return 1
    except Exception as err:  # an unexpected error is a failure too, with its origin
        import traceback

        traceback.print_exc()
        print(f"self-test FAILED: {type(err).__name__}: {err}", file=sys.stderr, flush=True)
        return 1
    finally:
        for leftover in out_dir.glob("self-test.sqlite*"):
            leftover.unlink(missing_ok=True)
        for leftover in out_dir.glob("settings.ini"):
            leftover.unlink(missing_ok=True)
    say("self-test passed")
    return 0
