"""The Qt models pass pytest-qt's model tester and load rows lazily."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.store.records import ArticleFilter, SpanRow
from desktop.ui.models.article_table import (
    ARTICLE_ID_ROLE,
    COL_SPANS,
    ArticleTableModel,
)
from desktop.ui.models.span_list import COL_VALUE, SpanListModel, parse_value


def test_article_table_model_is_a_correct_qt_model(qtmodeltester, ctx):
    model = ArticleTableModel(ctx)
    model.reload()
    assert model.rowCount() == ctx.store.count_articles() > 0
    qtmodeltester.check(model)
    model.sort(COL_SPANS, Qt.SortOrder.DescendingOrder)
    counts = [model.data(model.index(r, COL_SPANS)) for r in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)


def test_article_table_fetches_rows_in_windows(ctx, monkeypatch):
    calls: list[list[int]] = []
    article_rows = ctx.store.article_rows
    monkeypatch.setattr(ctx.store, "article_rows", lambda ids: calls.append(list(ids)) or article_rows(ids))
    model = ArticleTableModel(ctx)
    model.reload()
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            model.data(model.index(row, col))
    assert 0 < len(calls) <= 1 + model.rowCount() // 150  # not one store call per row


def test_article_table_filters_and_refreshes_on_changes(ctx):
    model = ArticleTableModel(ctx)
    model.set_filter(ArticleFilter(statuses=("reviewed",)))
    assert model.rowCount() == 0
    model.set_filter(ArticleFilter())
    first = model.data(model.index(0, 0), ARTICLE_ID_ROLE)
    ctx.apply(lambda store: store.set_status(first, "reviewed"))
    assert model.data(model.index(0, 3)) in ("reviewed", "已审")


def test_span_list_model(qtmodeltester, qapp):
    model = SpanListModel()
    edited: list[tuple[int, object]] = []
    model.value_edited = lambda span, value: edited.append((span.id, value))
    model.set_spans(
        [SpanRow(2, 5, 9, "MONEY", "30万元", 300000, "auto"), SpanRow(1, 0, 3, "PER", "李鹏飞", None, "human")]
    )
    qtmodeltester.check(model)
    assert model.span_at(0).id == 1  # in text order
    money = model.index(1, COL_VALUE)
    assert model.flags(money) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, COL_VALUE)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(money, "310,000")
    assert edited == [(2, 310000)]
    assert not model.setData(money, "三十万")


def test_value_parsing():
    assert parse_value("DATE", "2023-02-20") == (True, "2023-02-20")
    assert parse_value("DATE", "2023-01-01/2023-03-31") == (True, {"start": "2023-01-01", "end": "2023-03-31"})
    assert parse_value("DATE", "2月") == (False, None)
    assert parse_value("MONEY", "") == (True, None)


def test_span_list_is_not_reset_when_an_edit_left_its_spans_as_they_were(qapp):
    """An edit of a field or the note refreshes the panes with the same spans: the span table
    keeps its rows (a reset repainted the whole table at every keystroke-sized edit)."""
    from desktop.ui import uncertainty

    model = SpanListModel()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    spans = [SpanRow(2, 5, 9, "MONEY", "30万元", 300000, "auto", confidence=0.5), SpanRow(1, 0, 3, "PER", "李鹏飞", None, "human")]
    model.set_spans(spans)
    assert len(resets) == 1
    model.set_spans([SpanRow(**vars(s)) for s in spans])  # equal rows, new objects: what a re-read gives
    assert len(resets) == 1 and model.span_at(0).id == 2
    model.set_spans([spans[1]])
    assert len(resets) == 2 and model.rowCount() == 1
    model.set_spans(spans)
    assert len(resets) == 3
    old = uncertainty.threshold()
    try:
        uncertainty.set_threshold(0.4)  # the same spans, now none uncertain: listed anew, by place
        model.set_spans(spans)
        assert len(resets) == 4 and model.span_at(0).id == 1
    finally:
        uncertainty.set_threshold(old)


def test_author_editor_keeps_its_rows_when_given_the_authors_it_shows(qapp):
    from desktop.ui.widgets.author_editor import AuthorEditor

    editor = AuthorEditor()
    authors = [{"name": "张三", "role": "记者"}, {"name": "李四", "role": "通讯员"}]
    editor.set_authors(authors)
    first = editor.table.item(0, 0)
    editor.set_authors([dict(a) for a in authors])
    assert editor.table.item(0, 0) is first  # not rebuilt
    editor.table.item(1, 0).setText("王五")  # the editor changed a name: given the stored authors, shown again
    editor.set_authors(authors)
    assert editor.table.item(1, 0).text() == "李四" and editor.table.item(0, 0) is not first
    editor.add_author()  # a row being typed is not an author: given the same authors, the table is refilled
    editor.set_authors(authors)
    assert editor.table.rowCount() == 2 and editor.authors() == authors
