"""Take docs/screenshot-history.png: the history (Ctrl+H) of a seed article after an editor's
everyday corrections, with the body edit selected, under a real X server.

Run: ``xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb python tests/ui/screenshot_history.py [zh_CN|en] [OUT]``
It imports the seed pages into a temporary project and, on the article with the
most spans, as editor 李编辑: relabels a place as an organisation, moves a
span's start, fixes the title, repairs the body (a word added, an OCR comma
replaced), adds tags, accepts the machine's spans and marks the article reviewed; then opens the history over
the main window and selects the body edit.
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


def edit_like_an_editor(store: Store, article_id: int) -> None:
    record = store.get_article(article_id)
    spans = sorted(record.spans, key=lambda s: s.start)
    place = next(s for s in spans if s.label == "LOC" and s.end - s.start >= 4)
    store.update_span(place.id, label="ORG")
    org = next((s for s in spans if s.label == "ORG" and s.text.startswith("四川")), None)
    if org is not None:
        store.update_span(org.id, start=org.start + 2)  # the organisation without the province
    store.set_field(article_id, "title", record.title + "（二）")
    body = store.get_article(article_id).body
    at = body.index("举行签约仪式")
    body = body[:at] + "隆重举行签约仪式" + body[at + len("举行签约仪式"):]
    comma = body.index(",")  # an OCR comma: the full-width one the paper printed
    store.set_body(article_id, body[:comma] + "，" + body[comma + 1:])
    store.set_tags(article_id, ["经济", "成都"])
    store.accept_auto_spans(article_id)
    store.set_status(article_id, "reviewed")


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs" / "screenshot-history.png"
    tmp = Path(tempfile.mkdtemp(prefix="newsdesk-shot-"))
    project = tmp / "示例项目.sqlite"
    store = Store.open(project, create=True, editor="setup")
    import_paths(store, [seeds_dir()], workers=1)
    best = max(store.article_ids(), key=lambda i: len(store.get_article(i).spans))
    store.editor = "李编辑"
    edit_like_an_editor(store, best)
    store.close()
    app = QApplication(sys.argv[:1])
    settings = Settings(tmp / "settings.ini")
    settings.set(EDITOR_NAME, "李编辑")
    settings.set(LANGUAGE, language)
    configure_application(app, settings)
    window = build_main_window(settings)
    screen = app.primaryScreen().availableGeometry()
    window.resize(screen.width(), screen.height())
    window.show()
    window.project.open_project(project)
    window.ctx.select_article(best)

    def shoot() -> None:
        dialog = window.history.dialog
        if dialog is None:
            QTimer.singleShot(100, shoot)
            return
        table = dialog.table
        body_row = next(r for r in range(table.rowCount() - 1) if dialog.phrases[r] and dialog.phrases[r].diff)
        table.selectRow(body_row)
        dialog.resize(min(1100, screen.width() - 60), min(620, screen.height() - 60))

        def grab() -> None:
            dialog.grab().save(str(out))
            print(f"saved {out} ({dialog.width()}x{dialog.height()}, {table.rowCount()} rows)")
            dialog.reject()
            QTimer.singleShot(0, lambda: (window.close(), app.quit()))

        QTimer.singleShot(800, grab)

    QTimer.singleShot(1200, shoot)
    QTimer.singleShot(1000, window.history.show_history)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
