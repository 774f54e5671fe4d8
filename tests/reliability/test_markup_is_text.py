"""Text from files, projects and users is never interpreted as markup (issue 18, item 2).

One walk through the real window with markup everywhere a user or a file can put
text: a page file name, the page's title, the project file name, the editor's
name, a tag, a note and an author.  Every place that shows them (message boxes,
tool tips, labels, list and table cells, the window title, the status bar,
dialogs, the history) must show the characters, not bold text, links or images.

Before the fix the status bar drew ``<b>`` as bold, the article list's title
tool tip drew links and images, the "部分文件未导入" box rendered the file name as
a link that opened a browser, and ``&``/``[*]`` vanished from titles and menus.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget

from desktop.ui.settings import EDITOR_NAME, Settings

MARKUP = '<a href="https://x">点此修复</a><img src="x.png"><b>粗</b>'
# A file name cannot hold "/": the slashes of the link are character references.
FILE_MARKUP = '<a href="https:&#47;&#47;x">点此修复<img src="x.png"><b>粗'
PROJECT = "<b>proj[*]&.sqlite"
BODY = ("本报讯（记者 王小明）2月20日，成都市举行签约仪式，四川省财政厅与成都高新区管委会签署合作协议。"
        "双方将在产业发展、数据要素、营商环境等方面开展合作，共同推动区域协同发展。")


def rich_document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(text)
    return doc


def has_links_or_images(doc: QTextDocument) -> bool:
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor() or fmt.isImageFormat():
                return True
            it += 1
        block = block.next()
    return False


def shown_as(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a Qt widget (or a tool tip) with ``fmt`` shows for ``text``: the characters a reader sees."""
    rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(text))
    if not rich:
        return text
    doc = rich_document(text)
    assert not has_links_or_images(doc), f"rendered with links or images: {text!r}"
    return doc.toPlainText()


def assert_literal(text: str, wanted: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText, where: str = "") -> None:
    assert wanted in shown_as(text, fmt).replace("\u2029", "\n"), f"{where}: {wanted!r} not shown literally in {text!r}"


def assert_label(label: QLabel, wanted: str, where: str) -> None:
    assert not label.openExternalLinks(), where
    assert_literal(label.text(), wanted, label.textFormat(), where)


def all_labels_plain(root: QWidget) -> None:
    """No label anywhere under ``root`` renders a user's markup."""
    for label in root.findChildren(QLabel):
        text = label.text()
        if "点此修复" in text or "<b>" in text:
            for wanted in ("<b>", "点此修复"):
                if wanted in text:
                    assert_label(label, wanted, f"label {label.objectName() or label.metaObject().className()}")


@pytest.fixture
def markup_window(qtbot, qapp, tmp_path: Path, seed_project_template: Path):
    from desktop.ui.app import build_main_window, configure_application

    settings = Settings(tmp_path / "settings.ini")
    settings.set(EDITOR_NAME, MARKUP)
    project = tmp_path / PROJECT
    shutil.copy(seed_project_template, project)
    configure_application(qapp, settings)
    window = build_main_window(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.project.open_project(project)
    yield window, project
    if window.ctx.has_store:
        window.close()


def _answer_modal(qtbot, seen: list, inspect, timeout: int = 60_000) -> None:
    """Wait for the next modal dialog, let ``inspect`` look at it, close it."""
    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal not in seen:
            seen.append(modal)
            try:
                inspect(modal)
            finally:
                modal.done(0)
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_markup_from_files_projects_and_users_is_shown_as_text(qtbot, markup_window, tmp_path: Path, monkeypatch):
    w, project = markup_window
    ctx, store = w.ctx, w.ctx.store

    # --- the project file name: window title, status bar, recent menu ---------------------------
    assert PROJECT in w.windowHandle().title()
    assert_label(w.status_panel.project, PROJECT, "status bar: project")
    assert_literal(w.status_panel.project.toolTip(), PROJECT, where="status bar: project tool tip")
    assert_label(w.status_panel.editor, "<b>粗</b>", "status bar: editor")
    w._fill_recent()
    recent = [a for a in w.recent_menu.actions() if project.name in a.iconText()]
    assert recent and recent[0].iconText() == str(project), "a '&' in the recent menu became a mnemonic"

    # --- an import: a page named with markup, whose title is markup; a bad file named with markup -
    pages = tmp_path / "pages"
    pages.mkdir()
    good = pages / f"{FILE_MARKUP}[*].txt"
    good.write_text(f"{MARKUP}\n\n{BODY}\n", encoding="utf-8")
    bad = pages / f"{FILE_MARKUP}坏.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 64)
    monkeypatch.setattr(ctx.interaction, "choose_page_files", lambda start="": [good, bad])
    boxes: list = []

    def inspect_box(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert FILE_MARKUP in box.text()
        for label in box.findChildren(QLabel):
            assert not label.openExternalLinks()
            if FILE_MARKUP in label.text():
                assert_label(label, FILE_MARKUP, "message box")

    _answer_modal(qtbot, boxes, inspect_box)
    w.action_set["file.import"].trigger()
    qtbot.waitUntil(lambda: len(boxes) == 1, timeout=60_000)
    article_id = next(i for i in store.article_ids() if store.get_article(i).title == MARKUP)

    # --- the article list: cell and tool tip -------------------------------------------------------
    model = w.article_list.model
    row = model.row_of(article_id)
    from desktop.ui.models.article_table import COL_PAGE, COL_TITLE

    assert model.data(model.index(row, COL_TITLE)) == MARKUP
    assert_literal(model.data(model.index(row, COL_TITLE), Qt.ItemDataRole.ToolTipRole), MARKUP, where="list: title tip")
    assert_literal(model.data(model.index(row, COL_PAGE), Qt.ItemDataRole.ToolTipRole), good.name, where="list: page tip")

    # --- the article, its fields: title label, a tag, an author, a note, the reviewer ------------
    ctx.select_article(article_id)
    assert_label(w.article_view.title_label, MARKUP, "article title")
    ctx.apply(lambda s: s.add_tag(MARKUP))
    ctx.apply(lambda s: s.set_tags(article_id, [MARKUP]))
    ctx.apply(lambda s: s.set_authors(article_id, [{"name": MARKUP, "role": "记者"}]))
    ctx.select_article(None)
    ctx.select_article(article_id)
    tag = w.fields.tags.item(MARKUP)
    assert tag is not None and tag.text() == MARKUP
    assert_literal(tag.toolTip(), MARKUP, where="tag tool tip")
    author = w.fields.authors.table.item(0, 0)
    assert author.text() == MARKUP
    assert_literal(author.toolTip(), MARKUP, where="author tool tip")
    w.fields.note.setPlainText(MARKUP)
    w.fields.commit_pending()
    qtbot.waitUntil(lambda: store.get_article(article_id).note == MARKUP)
    ctx.apply(lambda s: s.set_status(article_id, "reviewed"))
    assert_label(w.fields.reviewer, "<b>粗</b>", "reviewer")
    all_labels_plain(w)

    # --- the page view: its title names the page file ----------------------------------------------
    pages_seen: list = []
    _answer_modal(qtbot, pages_seen, lambda dialog: pages_seen.append(dialog.windowHandle().title()))
    w.action_set["article.page_view"].trigger()
    assert good.name in pages_seen[1], pages_seen[1:]  # "[*]" is not taken for the modified marker

    # --- the span list ------------------------------------------------------------------------------
    spans = w.span_table.span_model
    for r in range(spans.rowCount()):
        for c in range(spans.columnCount()):
            tip = spans.data(spans.index(r, c), Qt.ItemDataRole.ToolTipRole)
            if tip:
                shown_as(tip)  # no links, no images

    # --- the history: editor, change words and the detail pane ------------------------------------
    seen: list = []

    def inspect_history(dialog: QDialog) -> None:
        assert MARKUP in dialog.windowHandle().title()
        table = dialog.table
        for r in range(table.rowCount() - 1):
            editor = table.item(r, 1)
            assert editor.text() == MARKUP
            assert_literal(editor.toolTip(), MARKUP, where="history: editor tool tip")
            shown_as(table.item(r, 2).toolTip())  # no links, no images
            table.selectRow(r)
            doc = dialog.detail.document()
            assert not has_links_or_images(doc)
        texts = [table.item(r, 2).toolTip() for r in range(table.rowCount() - 1)]
        assert any(MARKUP in shown_as(t) for t in texts), texts  # the note, the tag, the author: literally
        all_labels_plain(dialog)

    _answer_modal(qtbot, seen, inspect_history)
    w.action_set["edit.history"].trigger()
    assert seen

    # --- statistics: the editor's name on a bar, its tool tip ---------------------------------------
    from desktop.ui.dialogs.stats_dialog import StatsDialog

    stats = StatsDialog(store.stats(), w)
    qtbot.addWidget(stats)
    stats.show()
    chart = stats.editor_chart
    assert [name for name, _ in chart.rows] == [MARKUP]
    painted = [text for _rect, text, _flags in chart.text_items()]
    assert any(t.startswith('<a href="') and t.endswith("</b>") for t in painted)  # characters (perhaps elided)
    all_labels_plain(stats)
    stats.close()

    # --- the export dialog: page names, the finished message with a markup path -------------------
    from desktop.ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(store, ctx.interaction, w)
    qtbot.addWidget(dialog)
    names = [dialog.pages_list.item(i) for i in range(dialog.pages_list.count())]
    page_item = next(i for i in names if FILE_MARKUP in i.text())
    assert_literal(page_item.toolTip(), FILE_MARKUP, where="export: page tool tip")
    out = tmp_path / "<b>out&"
    out.mkdir()
    dialog.path_edit.setText(str(out / "data.jsonl"))
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000):
        dialog.start_export()
    assert_label(dialog.message, "<b>out&", "export: finished message")
    all_labels_plain(dialog)
    dialog.close()


def test_message_boxes_never_open_links(qtbot, qapp):
    """The seam every message box goes through: plain text, links not opened, even when clicked."""
    from desktop.ui.interaction import Interaction

    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    opened: list = []

    class Browser(QObject):
        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            opened.append(url)

    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        seen: list = []

        def click_link(box: QDialog) -> None:
            assert isinstance(box, QMessageBox) and box.textFormat() == Qt.TextFormat.PlainText
            label = next(lb for lb in box.findChildren(QLabel) if "点此修复" in lb.text())
            assert_label(label, MARKUP, "message box")
            qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(10, label.height() // 2))

        _answer_modal(qtbot, seen, click_link)
        Interaction(None).show_error("部分文件未导入", f"{MARKUP}: binary file")
        assert seen and not opened
    finally:
        QDesktopServices.unsetUrlHandler("https")
