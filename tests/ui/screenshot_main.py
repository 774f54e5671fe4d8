"""Take docs/screenshot-main.png (Chinese) or docs/screenshot-main-en.png: the main window on
a seed article, under a real X server, filling the screen.

Run::

    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb python tests/ui/screenshot_main.py
    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb python tests/ui/screenshot_main.py en docs/screenshot-main-en.png

Arguments: language (zh_CN or en, default zh_CN) and output path (default
docs/screenshot-main.png, or -en for English).  It imports the seed pages into
a temporary project, opens the article with the most spans, selects one span,
and grabs the window sized to the screen.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.ops.importer import import_paths  # noqa: E402
from desktop.resources import seeds_dir  # noqa: E402
from desktop.store.store import Store  # noqa: E402
from desktop.ui.app import build_main_window, configure_application  # noqa: E402
from desktop.ui.settings import EDITOR_NAME, LANGUAGE, Settings  # noqa: E402


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    default = "screenshot-main.png" if language == "zh_CN" else "screenshot-main-en.png"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs" / default
    tmp = Path(tempfile.mkdtemp(prefix="newsdesk-shot-"))
    project = tmp / ("示例项目.sqlite" if language == "zh_CN" else "demo.sqlite")
    store = Store.open(project, create=True, editor="setup")
    import_paths(store, [seeds_dir()], workers=1)
    best = max(store.article_ids(), key=lambda i: len(store.get_article(i).spans))
    store.close()
    app = QApplication(sys.argv[:1])
    settings = Settings(tmp / "settings.ini")
    settings.set(EDITOR_NAME, "李编辑" if language == "zh_CN" else "Li (editor)")
    settings.set(LANGUAGE, language)
    configure_application(app, settings)
    window = build_main_window(settings)
    screen = app.primaryScreen().availableGeometry()
    window.resize(screen.width(), screen.height())
    window.show()
    window.project.open_project(project)
    window.ctx.select_article(best)
    record = window.ctx.record
    assert record is not None
    window.ctx.select_span(sorted(record.spans, key=lambda s: s.start)[2].id)
    window.article_view.text.setFocus()

    def shoot() -> None:
        window.grab().save(str(out))
        print(f"saved {out} ({window.width()}x{window.height()}, article {best}, {len(record.spans)} spans)")
        window.close()
        app.quit()

    QTimer.singleShot(1500, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
