"""Application start-up: QApplication, fonts, translation, style, and ``run_app``.

Owns: ``configure_application`` (Simplified-Chinese font preference list,
font size, translator, stylesheet, icon; callable on an existing
QApplication so tests share it), ``build_main_window`` and ``run_app``, the
entry point ``newsdesk`` calls.  The window paints before any heavy work: the
project opens on the next event-loop turn and jieba's dictionary and the
gazetteer warm up on a worker thread after that.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from desktop.resources import resource_path
from desktop.ui.context import AppContext
from desktop.ui.heap import share_one_arena
from desktop.ui.i18n import install_translator
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings

# Simplified-Chinese families in order of preference.  Asking for "Noto Sans
# CJK SC" by name matters: otherwise fontconfig picks the Japanese variant.
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
)
BODY_SIZE_STEP = 2.0  # the article body is set a little larger than the interface


def available_cjk_families() -> list[str]:
    installed = set(QFontDatabase.families())
    return [f for f in CJK_FAMILIES if f in installed]


def interface_font(point_size: int) -> QFont:
    font = QFont(QApplication.font())
    families = available_cjk_families()
    if families:
        font.setFamilies([*families, *font.families()])
    font.setPointSize(point_size)
    return font


def stylesheet() -> str:
    folder = resource_path("styles")
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.qss"))) if folder.is_dir() else ""


def configure_application(app: QApplication, settings: Settings) -> None:
    """Fonts, language, style and icon for the running application."""
    app.setApplicationName("Newsdesk")
    app.setOrganizationName("Newsdesk")
    app.setApplicationDisplayName("Newsdesk")
    app.setFont(interface_font(settings.font_size()))
    for old in getattr(app, "_newsdesk_translators", []):
        app.removeTranslator(old)
    app._newsdesk_translators = install_translator(app, settings.language())  # type: ignore[attr-defined]
    app.setStyleSheet(stylesheet())
    icon = resource_path("icons", "newsdesk.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def build_main_window(settings: Settings) -> MainWindow:
    ctx = AppContext(settings)
    return MainWindow(ctx, settings.font_size() + BODY_SIZE_STEP)


def warm_up_pipeline(window: MainWindow) -> None:
    """Load jieba's dictionary and the gazetteer off the GUI thread."""

    def work(progress: object, cancelled: object) -> None:
        from desktop.pipeline.entities import EntityExtractor

        EntityExtractor().warm_up()

    window.ctx.tasks.run("warm_up", work)


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Newsdesk", "Newsdesk"))


def open_initial_project(window: MainWindow, project: Path | None, data_dir: Path) -> None:
    """The first start asks the editor's name; then the project (given, last, or the demo) opens."""
    from desktop.ui.dialogs.editor_name import ask_editor_name

    settings = window.ctx.settings
    if ask_editor_name(settings, window):
        window.status_panel.refresh()
    controller = window.project
    if project is not None:
        if not controller.open_project(project, create=not project.exists()):
            return
    else:
        last = settings.get_last_project()
        if not (last and Path(last).is_file() and controller.open_project(Path(last))):
            controller.open_or_build_demo(data_dir)


class _AfterFirstPaint(QObject):
    """Runs a callback once, on the event-loop turn after the widget's first paint."""

    def __init__(self, widget: QWidget, callback: Callable[[], None], fallback_ms: int = 1000) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self._fire)  # a platform that never paints (no expose) still opens

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once the window has painted, so heavy work never delays the first paint."""
    _AfterFirstPaint(widget, callback)


def use_gui_thread_pool_only_with_spare_cores() -> None:
    """On 2 cores or fewer, Qt paints on the GUI thread alone.

    Qt hands large fills (scroll bars, backgrounds) to a pool of painter
    threads and waits for them; measured on 2 shared cores that hand-off cost
    several ms per article switch (far-row switch at 100k articles: median
    46-57 ms with the pool, 38-43 ms without).  With spare cores the pool may
    help, so it stays on there.  An explicit ``QT_NO_GUI_THREADPOOL`` wins.
    Must run before the QApplication exists."""
    if (os.cpu_count() or 1) <= 2:
        os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def run_app(project: Path | None, *, settings_path: Path | None = None, data_dir: Path | None = None) -> int:
    """Start the desktop app on ``project`` (None: the last project, or the demo)."""
    share_one_arena()  # before any thread allocates (desktop/ui/heap.py)
    use_gui_thread_pool_only_with_spare_cores()
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    settings = Settings(settings_path)
    configure_application(app, settings)
    window = build_main_window(settings)
    window.show()
    target = Path(project) if project is not None else None
    def after_paint() -> None:
        open_initial_project(window, target, data_dir or default_data_dir())
        QTimer.singleShot(50, lambda: warm_up_pipeline(window))

    after_first_paint(window, after_paint)
    return app.exec()
