"""Take docs/screenshot-adjudication.png: an article three editors did differently, in the
adjudication view, under a real X server.

Run: ``xvfb-run -a -s "-screen 0 1600x900x24" env QT_QPA_PLATFORM=xcb python tests/ui/screenshot_adjudication.py [zh_CN|en] [OUT]``
It imports the seed pages into a temporary project, splits it into packages for 张三, 李四
and 王五 (every article to everyone), and on the article with the most spans: 张三 accepts
the machine's spans, 李四 deletes a place and makes an organisation a place, 王五 shortens a
span and adds a person; merged back, the article is to adjudicate.  The adjudicator (主编)
has taken one stretch; the next is current.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.ops.importer import import_paths  # noqa: E402
from desktop.resources import seeds_dir  # noqa: E402
from desktop.store.store import Store  # noqa: E402
from desktop.team.packages import merge_packages, split_project  # noqa: E402
from desktop.ui.app import build_main_window, configure_application  # noqa: E402
from desktop.ui.settings import EDITOR_NAME, LANGUAGE, Settings  # noqa: E402


def edit(pkg: Store, aid: int, editor: str) -> None:
    spans = sorted(pkg.get_article(aid).spans, key=lambda s: s.start)
    if editor == "李四":
        loc = next(s for s in spans if s.label == "LOC")
        pkg.remove_span(loc.id)
        org = next(s for s in spans if s.label == "ORG")
        pkg.update_span(org.id, label="LOC")
    elif editor == "王五":
        long_one = next(s for s in spans if s.end - s.start >= 5)
        pkg.update_span(long_one.id, start=long_one.start + 2)
        body = pkg.get_article(aid).body
        taken = {i for s in pkg.get_article(aid).spans for i in range(s.start, s.end)}
        at = next(i for i in range(len(body) - 3) if not taken & set(range(i, i + 3)) and body[i:i + 2] == "记者")
        pkg.add_span(aid, at, at + 2, "PER")
    pkg.accept_auto_spans(aid)
    pkg.set_status(aid, "reviewed")


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs" / "screenshot-adjudication.png"
    tmp = Path(tempfile.mkdtemp(prefix="newsdesk-shot-"))
    project = tmp / "示例项目.sqlite"
    with Store.open(project, create=True, editor="setup") as store:
        import_paths(store, [seeds_dir()], workers=1)
        best = max(store.article_ids(), key=lambda i: len(store.get_article(i).spans))
        result = split_project(store, ["张三", "李四", "王五"], tmp / "packages", overlap=1.0, seed=1)
        for editor, path in result.files.items():
            with Store.open(path) as pkg:
                try:
                    edit(pkg, best, editor)
                except StopIteration:
                    pkg.set_status(best, "reviewed")
        merge_packages(store, list(result.files.values()))
    app = QApplication(sys.argv[:1])
    settings = Settings(tmp / "settings.ini")
    settings.set(EDITOR_NAME, "主编")
    settings.set(LANGUAGE, language)
    configure_application(app, settings)
    window = build_main_window(settings)
    screen = app.primaryScreen().availableGeometry()
    window.resize(screen.width(), screen.height())
    window.show()
    window.project.open_project(project)
    window.ctx.select_article(best)
    window.adjudication.take_editor(0)  # the first stretch settled: 张三's; the next one is current
    window.resizeDocks([window.adjudication_dock], [int(screen.height() * 0.42)], Qt.Orientation.Vertical)

    def shoot() -> None:
        window.grab().save(str(out))
        print(f"wrote {out}")
        app.quit()

    QTimer.singleShot(1200, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
