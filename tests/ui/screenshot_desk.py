"""Take docs/screenshot-kwic.png and docs/screenshot-search.png under a real X server.

Run: ``xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb python tests/ui/screenshot_desk.py kwic|search [OUT.png]``
(also at 1920x1080 to check nothing is clipped).  It imports the seed pages into a
temporary project, maximises the window to the screen, and

* ``kwic``: selects a word found in several articles and presses Ctrl+Shift+L; the
  screen is grabbed with the label-all dialog open over the window;
* ``search``: searches a word (Ctrl+F, typing, Enter), goes into the text at the first
  hit (Enter) and on with F3, then grabs the window.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.ops.importer import import_paths  # noqa: E402
from desktop.resources import seeds_dir  # noqa: E402
from desktop.store.records import ArticleFilter  # noqa: E402
from desktop.store.store import Store  # noqa: E402
from desktop.ui.app import build_main_window, configure_application  # noqa: E402
from desktop.ui.settings import EDITOR_NAME, Settings  # noqa: E402

WORD = {"kwic": "产业", "search": "社区"}


def main(shot: str, out: Path) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="newsdesk-shot-"))
    project = tmp / "示例项目.sqlite"
    store = Store.open(project, create=True, editor="setup")
    import_paths(store, [seeds_dir()], workers=1)
    word = WORD[shot]
    hits = store.article_ids(ArticleFilter(query=word))
    store.close()
    app = QApplication(sys.argv[:1])
    settings = Settings(tmp / "settings.ini")
    settings.set(EDITOR_NAME, "李编辑")
    configure_application(app, settings)
    window = build_main_window(settings)
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.showMaximized()
    window.project.open_project(project)
    window.activateWindow()  # no window manager under Xvfb: nobody else gives the window the keyboard
    text = window.article_view.text

    def grab_screen() -> None:
        app.primaryScreen().grabWindow(0).save(str(out))
        print(f"saved {out}")
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            dialog.reject()
        QTimer.singleShot(100, lambda: (window.close(), app.quit()))

    def kwic() -> None:
        window.ctx.select_article(hits[0])
        body = window.ctx.record.body
        start = body.index(word)
        text.setFocus()
        cursor = text.textCursor()
        cursor.setPosition(text.offsets.to_utf16(start))
        cursor.setPosition(text.offsets.to_utf16(start + len(word)), cursor.MoveMode.KeepAnchor)
        text.setTextCursor(cursor)

        def in_dialog() -> None:
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)  # 地名
            for _ in range(2):
                QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # one unticked
            QTimer.singleShot(800, grab_screen)

        QTimer.singleShot(1200, in_dialog)
        QTest.keyClick(text, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    def search() -> None:
        text.setFocus()
        QTest.keyClick(text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        box = window.article_list.filter_bar.search
        event = QInputMethodEvent()
        event.setCommitString(word)
        QApplication.sendEvent(box, event)
        QTest.keyClick(box, Qt.Key.Key_Return)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3)
        QTimer.singleShot(1200, lambda: (window.grab().save(str(out)), print(f"saved {out}"), window.close(), app.quit()))

    QTimer.singleShot(1500, kwic if shot == "kwic" else search)
    return app.exec()


if __name__ == "__main__":
    which = sys.argv[1]
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs" / f"screenshot-{which}.png"
    sys.exit(main(which, target))
