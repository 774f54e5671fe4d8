"""The article view: plain text only, highlights on the right characters, CJK fonts."""

from __future__ import annotations

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QLabel

from desktop.store.records import ArticleRecord, SpanRow
from desktop.ui.app import CJK_FAMILIES, available_cjk_families, interface_font
from desktop.ui.widgets.span_highlighter import highlighted_ranges
from desktop.ui.widgets.article_view import ArticleView

BODY = "𠮷野家😀在成都市开店。<img src=http://example.invalid/x.png> <script>alert(1)</script> &amp; <b>粗</b>"


def record(body: str = BODY, spans: list[SpanRow] | None = None, **fields: object) -> ArticleRecord:
    values: dict = dict(
        id=1, page_id=1, page="p.txt", position=0, title="<b>标题</b> &amp;", kicker="", subtitle="", byline="",
        authors=[], source="", dateline="", dateline_iso=None, sections=[], captions=["<img src=x>"], body=body,
        spans=spans or [], flags=["title_misplaced"], tags=[], status="unreviewed", note="", reviewer=None, reviewed_at=None,
    )
    values.update(fields)
    return ArticleRecord(**values)


def test_markup_in_page_text_is_shown_literally(qtbot):
    view = ArticleView("zh_CN", 13)
    qtbot.addWidget(view)
    view.show_record(record())
    assert view.text.toPlainText() == BODY
    assert view.text.document().allFormats() is not None
    assert "<script>" in view.text.toPlainText() and "&amp;" in view.text.toPlainText()
    html = view.text.document().toHtml()
    assert "<img" not in html.replace("&lt;img", "")  # no image element was created
    assert view.title_label.text() == "<b>标题</b> &amp;"
    for label in view.findChildren(QLabel):
        assert label.textFormat() == label.textFormat().PlainText or label.objectName().startswith("legend_")
    assert "<img src=x>" in view.captions_label.text()


def test_highlights_sit_on_their_characters_after_astral_characters(qtbot):
    start = BODY.index("成都市")
    spans = [
        SpanRow(1, 0, 3, "PER", "𠮷野家", None, "auto"),
        SpanRow(2, start, start + 3, "LOC", "成都市", None, "human"),
    ]
    view = ArticleView("zh_CN", 13)
    qtbot.addWidget(view)
    view.show_record(record(spans=spans))
    text = view.text.toPlainText()
    runs = highlighted_ranges(view.text.document())
    cp = view.text.offsets.to_code_point  # runs are in UTF-16 units, the text in code points
    assert [(sid, text[cp(a):cp(b)]) for sid, a, b, _fmt in runs] == [(1, "𠮷野家"), (2, "成都市")]
    plain_bg = runs[1][3].background().color().name()
    view.select_span(2)
    chosen = [fmt for sid, _a, _b, fmt in highlighted_ranges(view.text.document()) if sid == 2][0]
    assert chosen.background().color().name() != plain_bg  # drawn in the strong colour when selected
    view.select_span(None)
    assert len(highlighted_ranges(view.text.document())) == 2


def test_repainting_spans_does_not_leak_none(qtbot):
    """PySide6 6.12's ExtraSelection dropped a reference to None per repaint until Python aborted."""
    import sys

    start = BODY.index("成都市")
    spans = [SpanRow(i + 1, start, start + 3, "LOC", "成都市", None, "auto") for i in range(1)]
    view = ArticleView("zh_CN", 13)
    qtbot.addWidget(view)
    view.show_record(record(spans=spans))
    before = sys.getrefcount(None)
    for i in range(400):
        view.select_span(1 if i % 2 else None)
    assert sys.getrefcount(None) >= before - 50


def test_keyboard_selection_maps_back_to_code_points(qtbot):
    view = ArticleView("zh_CN", 13)
    qtbot.addWidget(view)
    view.show_record(record())
    cursor = view.text.textCursor()
    start = BODY.index("成都市")
    cursor.setPosition(view.text.offsets.to_utf16(start))
    cursor.setPosition(view.text.offsets.to_utf16(start + 3), cursor.MoveMode.KeepAnchor)
    view.text.setTextCursor(cursor)
    assert view.selected_range() == (start, start + 3)


def test_sections_are_set_apart_and_flags_shown(qtbot):
    body = "第一段。\n一、小标题\n第二段。"
    head = body.index("一、小标题")
    view = ArticleView("zh_CN", 13)
    qtbot.addWidget(view)
    view.show_record(record(body=body, sections=[{"title": "一、小标题", "start": head, "end": head + 5}]))
    block = view.text.document().findBlock(head)
    assert block.text() == "一、小标题"
    assert block.charFormat().fontWeight() >= 600 or block.begin().fragment().charFormat().fontWeight() >= 600
    assert not view.flags_label.isHidden() and view.flags_label.text().startswith("⚠")


def test_chinese_text_gets_a_simplified_chinese_font(qapp):
    families = available_cjk_families()
    assert families, "install fonts-noto-cjk (or another SC font) to render Chinese"
    assert families[0] in CJK_FAMILIES
    font = interface_font(11)
    assert font.families()[0] == families[0]
    assert QFontInfo(font).family().endswith("SC") or QFontInfo(font).family() in CJK_FAMILIES
