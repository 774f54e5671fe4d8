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
