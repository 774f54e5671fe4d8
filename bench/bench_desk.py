"""The review desk's search and label-all at archive scale (issue 14), in one offscreen process.

Run: ``nice python bench/bench_desk.py PROJECT.sqlite`` on a copy of a large project (it
writes: the label-all step adds spans and takes them away again).  A project of 100,000
articles is built by ``bench/bench_app.py``.

Measures, each a median of several runs after one warm-up:

* ``search``: the filter bar's path (``search.setText`` then the Return slot: list reload,
  the hit count and snippets of the rows fetched, the frames in the shown article) plus
  ``processEvents()`` so the list and the article are painted;
* ``F3``: ``SearchFlow.next_hit`` + ``processEvents()``, walking the hits through the
  first articles of the result (within an article and across articles);
* ``label-all scan``: the keyword-in-context model reading every candidate article of a
  word (``OccurrenceModel.scan_all``), and its first chunk alone (what the dialog shows
  before the rest arrives);
* ``label-all apply``: one ``LabelOccurrencesCommand`` over N occurrences (one store
  transaction) and its undo.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.store.records import ArticleFilter  # noqa: E402
from desktop.ui.app import build_main_window, configure_application  # noqa: E402
from desktop.ui.settings import EDITOR_NAME, Settings  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def timed(fn, runs: int = 5) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(project: Path) -> None:
    app = QApplication(sys.argv[:1])
    settings = Settings(Path(tempfile.mkdtemp()) / "settings.ini")
    settings.set(EDITOR_NAME, "bench")
    configure_application(app, settings)
    window = build_main_window(settings)
    window.resize(1366, 768)
    window.show()
    t = time.perf_counter()
    assert window.project.open_project(project)
    app.processEvents()
    store = window.ctx.store
    print(f"project: {store.count_articles():,} articles, opened in {ms(time.perf_counter() - t)}")
    bar = window.article_list.filter_bar

    def search(term: str) -> None:
        bar.search.setText(term)
        bar._emit_now()
        app.processEvents()

    for term in ("发展", "金融", "产业发展", "成都市委"):
        n = len(store.article_ids(ArticleFilter(query=term)))
        both = timed(lambda term=term: (search(''), search(term)), runs=5)
        print(f"search {term} ({n:,} articles): {ms(both - timed(lambda: search(''), runs=5))}"
              f" (clear + search {ms(timed(lambda term=term: (search(''), search(term)), runs=5))})")

    search("金融")
    window.ctx.select_article(window.article_list.model.article_id_at(0))
    app.processEvents()
    steps = []
    articles = set()
    for _ in range(60):
        t = time.perf_counter()
        window.search.next_hit()
        app.processEvents()
        steps.append(time.perf_counter() - t)
        articles.add(window.ctx.article_id)
    print(f"F3 over {len(steps)} hits in {len(articles)} articles: median {ms(statistics.median(steps))}, max {ms(max(steps))}")

    from desktop.ui.models.occurrence_list import OccurrenceModel

    for word in ("发展", "金融"):
        candidates = store.article_ids(ArticleFilter(query=word))

        def find(ids, w=word):
            return store.occurrences(w, ids, ("unreviewed", "in_review"))

        model = OccurrenceModel(word, candidates, find)
        t = time.perf_counter()
        model.scan_step()
        first = time.perf_counter() - t
        t = time.perf_counter()
        model.scan_all()
        rest = time.perf_counter() - t
        print(f"label-all scan {word}: {len(candidates):,} articles, {model.found:,} free occurrences;"
              f" first chunk {ms(first)}, all {ms(first + rest)} ({len(candidates) / (first + rest):,.0f} articles/s)")

    from desktop.ui.commands import LabelOccurrencesCommand

    candidates = store.article_ids(ArticleFilter(query="金融"))
    found, _ = store.occurrences("金融", candidates[:3000], ("unreviewed", "in_review"))
    for n in (200, 2000):
        targets = [(o.article_id, o.start, o.end) for o in found[:n]]
        command = LabelOccurrencesCommand(window.ctx, window.ctx.article_id or targets[0][0], "ORG", targets)
        t = time.perf_counter()
        window.ctx.push(command)
        pushed = time.perf_counter() - t
        t = time.perf_counter()
        window.ctx.undo_stack.undo()
        undone = time.perf_counter() - t
        print(f"label-all apply {n} occurrences in {len({a for a, _s, _e in targets})} articles:"
              f" push {ms(pushed)}, undo {ms(undone)} (labelled {sum(1 for i in command.result.span_ids if i)})")
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
