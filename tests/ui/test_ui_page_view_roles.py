"""The page view's role margin: each line's role, the article numbers where articles start,
and a tooltip on hover, from a page segmented by the pipeline (invented text)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from desktop.pipeline.segment import segment_page
from desktop.ui.dialogs.page_view import PageViewDialog
from desktop.ui.widgets.role_margin import line_roles, role_names

PAGE = (
    "# 民生关注\n\n# 小区加装电梯提速\n\n□本报记者 屈航\n\n今年全区加装电梯120部。\n\n（下转第三版）\n\n"
    "## 社区食堂开张\n\n本报讯（记者 温可）社区食堂昨日开张。\n\n![](a.png)\n\n食堂里老人们在用餐。屈航摄\n"
)


def _layout() -> dict:
    result = segment_page(PAGE)
    articles = [
        {"id": 100 + a.position, "position": a.position, "title": a.title, "segments": [s.to_dict() for s in a.segments]}
        for a in result.articles
    ]
    return {"text": PAGE, "articles": articles, "blocks": [b.to_dict() for b in result.blocks]}


def test_line_roles_follow_the_segments_and_blocks() -> None:
    lines = line_roles(_layout())
    text_lines = PAGE.split("\n")
    got = {text_lines[i]: (r.roles, r.article, r.starts_article) for i, r in enumerate(lines) if r.roles}
    assert got == {
        "# 民生关注": (("banner",), None, False),
        "# 小区加装电梯提速": (("title",), 1, True),
        "□本报记者 屈航": (("byline",), 1, False),
        "今年全区加装电梯120部。": (("body",), 1, False),
        "（下转第三版）": (("note",), 1, False),
        "## 社区食堂开张": (("title",), 2, True),
        "本报讯（记者 温可）社区食堂昨日开张。": (("byline", "body"), 2, False),
        "![](a.png)": (("image",), None, False),
        "食堂里老人们在用餐。屈航摄": (("caption",), 2, False),
    }
    assert all(not r.roles for i, r in enumerate(lines) if not text_lines[i].strip())


def test_margin_shows_roles_and_numbers_and_explains_on_hover(qtbot, monkeypatch) -> None:
    dialog = PageViewDialog("p.txt", _layout(), 100)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    margin = dialog.roles
    assert margin.isVisible() and margin.width() == margin.margin_width() > 40
    assert dialog.text.viewport().x() >= margin.width()  # the text is not under the margin
    n = role_names()  # the names in the interface language (another test may have installed Chinese)
    assert margin.label(0) == n["banner"]
    assert margin.label(2) == f"1  {n['title']}" and margin.label(4) == n["byline"]
    assert margin.label(10) == f"2  {n['title']}" and margin.label(12) == f"{n['byline']} + {n['body']}"
    assert margin.label(1) == ""  # a blank line
    assert margin.tooltip(0).startswith(n["banner"]) and "1" not in margin.tooltip(0)
    title_tip = margin.tooltip(2)
    assert "1" in title_tip and n["title"] in title_tip and len(title_tip) > len(margin.tooltip(4))
    assert "1" in margin.tooltip(8) and n["note"] in margin.tooltip(8)
    # Hovering the third text line (the first article's title) shows its tooltip.
    block = dialog.text.document().findBlockByNumber(2)
    y = int(dialog.text.blockBoundingGeometry(block).translated(dialog.text.contentOffset()).center().y())
    assert margin.line_at(y) == 2
    shown = {}
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, w=None: shown.setdefault("text", text))
    margin.event(QHelpEvent(QEvent.Type.ToolTip, QPoint(5, y), margin.mapToGlobal(QPoint(5, y))))
    assert shown == {"text": title_tip}
    image = margin.grab().toImage()
    assert image.width() == margin.width() and image.height() > 0
    rows = range(0, min(image.height(), 40))
    painted = [(x, yy) for yy in rows for x in range(6, image.width() - 4) if image.pixelColor(x, yy).name() != "#f4f4f4"]
    assert painted  # the first line's label is drawn
