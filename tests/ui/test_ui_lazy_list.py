"""The article list at archive scale (issue 17): the first rows at once, the rest from a worker.

When the page order is not in memory (a project just opened, or articles came
or went) the list model lists its first ``FIRST_WINDOW`` ids with one LIMIT
query and reads the whole order on a worker thread's own connection; when it
arrives the rows are inserted.  Whatever happened in between, the list ends up
with exactly the ids, order and rows of the full list.  Here the window is made
small so that the seed project is "large".
"""

from __future__ import annotations

import numpy as np
import pytest

from desktop.store.records import ArticleFilter
from desktop.ui.models import article_table
from desktop.ui.models.article_table import COL_HITS, COL_PAGE, COL_TITLE, ArticleTableModel


def _listed(model: ArticleTableModel) -> list[int]:
    return [model.article_id_at(r) for r in range(model.rowCount())]


def _wait_complete(qtbot, model: ArticleTableModel) -> None:
    if not model.complete:
        with qtbot.waitSignal(model.loading_finished, timeout=20_000):
            pass
    assert model.complete


def _add_page(store, name: str) -> None:
    """A page of two hand-made articles that sorts first in page order."""
    from desktop.pipeline.model import Article, PageResult

    body = "成都市发布新规，数据产业发展提速。"
    result = PageResult(text=body, articles=[Article(position=0, title="新页一", body=body),
                                             Article(position=1, title="新页二", body=body)])
    outcome = store.add_page(name, body, body, "hash-" + name, result)
    assert outcome.status == "new" and outcome.n_articles == 2


@pytest.fixture
def small_window(monkeypatch):
    from desktop.store import lazy_search

    monkeypatch.setattr(article_table, "FIRST_WINDOW", 4)
    monkeypatch.setattr(lazy_search, "LAZY_FROM", 0)  # searches in two steps at the seeds' size


def test_first_rows_then_all_in_the_same_order_after_splits_and_merges(qtbot, ctx, small_window):
    store = ctx.store
    model = ArticleTableModel(ctx)
    ids = store.article_ids()
    assert len(ids) > 8
    ctx.apply(lambda s: s.split_article(ids[2], 5))  # articles came: the order in memory is stale
    assert not model.complete and model.rowCount() == 4  # the first window, at once
    assert _listed(model) == store.first_article_ids(limit=4)
    _wait_complete(qtbot, model)
    assert _listed(model) == store.article_ids()
    assert isinstance(model._ids, np.ndarray)  # the whole list: one compact array
    after_split = store.article_ids()
    ctx.apply(lambda s: s.merge_articles(after_split[2], after_split[3]))
    _wait_complete(qtbot, model)
    assert _listed(model) == store.article_ids()
    rows = store.article_rows(store.article_ids())
    for r in (0, 3, 4, model.rowCount() - 1):  # inside and past the first window
        aid = model.article_id_at(r)
        assert model.data(model.index(r, COL_TITLE)) == (rows[aid].title or model.tr("(no title)"))
        assert model.row_of(aid) == r and model.row_of(aid) == r  # a scan, then the position array


def test_an_import_while_the_rest_is_read_ends_with_the_new_list(qtbot, ctx, small_window):
    store = ctx.store
    model = ArticleTableModel(ctx)
    ids = store.article_ids()
    ctx.apply(lambda s: s.split_article(ids[0], 5))
    assert not model.complete
    _add_page(store, "000_0_first.txt")  # written before the worker's order arrives: it is not adopted
    _wait_complete(qtbot, model)
    model.reload()  # (the app reloads on the import's Changes)
    _wait_complete(qtbot, model)
    assert _listed(model) == store.article_ids()
    assert [model.data(model.index(r, COL_TITLE)) for r in (0, 1)] == ["新页一", "新页二"]  # the new page sorts first


def test_other_sorts_and_filtered_searches_list_everything_at_once(ctx, small_window):
    model = ArticleTableModel(ctx)
    model.sort(COL_TITLE)
    assert model.complete and _listed(model) == ctx.store.article_ids(sort="title")
    flt = ArticleFilter(query="成都")
    model.set_filter(flt)  # sorted by title: SQL answers at once
    assert model.complete and _listed(model) == ctx.store.article_ids(flt, sort="title")
    flt = ArticleFilter(query="成都", statuses=("unreviewed",))
    model.sort(COL_PAGE)
    model.set_filter(flt)
    assert model.complete and _listed(model) == ctx.store.article_ids(flt)


def test_a_frequent_term_lists_its_first_hits_then_all(qtbot, ctx, small_window):
    store = ctx.store
    model = ArticleTableModel(ctx)
    store.article_ids()  # the page order in memory, as after the list's background read
    flt = ArticleFilter(query="成都")
    whole = store.article_ids(flt)
    assert len(whole) > 4
    model.set_filter(flt)
    assert not model.complete and _listed(model) == whole[:4]  # the first hits, before the index is read
    _wait_complete(qtbot, model)
    assert _listed(model) == whole
    assert model.data(model.index(len(whole) - 1, COL_HITS)) >= 1  # hit counts of rows past the first window
    model.set_filter(ArticleFilter(query="四川日报社不存在"))  # no hit: known at once (every article read)
    assert model.complete and model.rowCount() == 0


def test_a_write_while_the_hits_are_read_lists_the_new_answer(qtbot, ctx, small_window):
    store = ctx.store
    model = ArticleTableModel(ctx)
    store.article_ids()  # the page order in memory
    flt = ArticleFilter(query="成都")
    model.set_filter(flt)
    assert not model.complete
    first = model.article_id_at(0)
    body = store.get_article(first).body
    store.set_body(first, body.replace("成都", "某地"))  # before the worker's hits arrive: not kept
    _wait_complete(qtbot, model)
    assert _listed(model) == store.article_ids(flt) and first not in _listed(model)


def test_the_search_label_counts_once_every_hit_is_in(qtbot, main_window, small_window):
    w = main_window
    model, bar = w.article_list.model, w.article_list.filter_bar
    model.reload()  # with the small first window: the page order is read in the background and kept
    _wait_complete(qtbot, model)
    assert w.ctx.store.order_cached()
    bar.search.setText("成都")
    bar._emit_now()
    label = bar.hits_label
    assert not model.complete and "+" in label.text()  # "256+ articles (counting…)"
    _wait_complete(qtbot, model)
    qtbot.waitUntil(lambda: "+" not in label.text())
    assert model.rowCount() == len(w.ctx.store.article_ids(ArticleFilter(query="成都"))) > 4
    assert label.text().startswith(str(model.rowCount()))


def test_the_list_follows_the_current_article_once_it_is_listed(qtbot, main_window, small_window):
    w = main_window
    ctx, model = w.ctx, w.article_list.model
    ids = ctx.store.article_ids()
    far = ids[-2]
    ctx.select_article(far)
    ctx.apply(lambda s: s.split_article(ids[0], 5))  # reload: the current article is past the first rows
    assert not model.complete and model.row_of(far) == -1
    _wait_complete(qtbot, model)
    assert w.article_list.current_row() == model.row_of(far) >= 4
    assert ctx.article_id == far


def test_the_status_counts_come_from_a_worker_and_follow_reviews(qtbot, main_window):
    w = main_window
    panel, store = w.status_panel, w.ctx.store
    total = len(store.article_ids())
    qtbot.waitUntil(lambda: panel.counts.text().endswith(f"{total}") and panel.progress.maximum() == total)
    reviewed = store.progress()[0]
    aid = store.article_ids()[0]
    w.ctx.apply(lambda s: s.set_status(aid, "reviewed"))
    qtbot.waitUntil(lambda: panel.progress.value() == reviewed + 1)
    assert str(reviewed + 1) in panel.counts.text()
