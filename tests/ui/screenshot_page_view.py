"""Take docs/screenshot-page-view.png: the page view of a seed page, under a real X server.

Run: ``xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb python tests/ui/screenshot_page_view.py``
It imports the seed pages into a temporary project and shows page 004 (banner,
captions, an article without a headline) with its third article current.
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
from desktop.store.records import ArticleFilter  # noqa: E402
from desktop.store.store import Store  # noqa: E402
from desktop.ui.app import configure_application  # noqa: E402
from desktop.ui.dialogs.page_view import PageViewDialog  # noqa: E402
from desktop.ui.settings import Settings  # noqa: E402


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="newsdesk-shot-"))
    store = Store.open(tmp / "page.sqlite", create=True, editor="setup")
    import_paths(store, [seeds_dir()], workers=1)
    page = sorted(p.source_name for p in store.pages())[-1]
    ids = store.article_ids(ArticleFilter(pages=(page,)))
    record = store.get_article(ids[2])
    app = QApplication(sys.argv[:1])
    configure_application(app, Settings(tmp / "settings.ini"))
    dialog = PageViewDialog(page, store.page_layout(record.page_id), record.id)
    dialog.resize(1100, 940)
    dialog.show()
    out = ROOT / "docs" / "screenshot-page-view.png"

    def shoot() -> None:
        dialog.grab().save(str(out))
        print(f"saved {out} ({dialog.width()}x{dialog.height()}, page {page})")
        dialog.close()
        store.close()
        app.quit()

    QTimer.singleShot(1500, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
