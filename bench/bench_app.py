"""The app at archive scale: a 100,000-article project, then the editor's latencies.

Two phases.

1. Build (or reuse) the project at PROJECT.  ``synth.make_pages`` generates
   ~13,000 varied pages; the real pipeline (``process_text``) runs on only the
   first ``--distinct`` of them (default 300); every further page is a *varied
   copy* of one processed page: a length-preserving rewrite of its text (digits
   permuted, one city name swapped for another of the same length, a page
   number appended) is applied to the page text, to every article field and
   body, and the span texts are re-read from the rewritten bodies, so offsets
   stay valid.  (Span *values* — normalised dates/amounts — are those of the
   original page; nothing measured here reads them.)  Pages go in through
   ``Store.add_pages``, 200 per transaction.  The finished project is cached:
   a second run with the same PROJECT skips this phase.

2. Measure, in a child process started with ``QT_QPA_PLATFORM=offscreen``,
   through the app's real entry point ``desktop.ui.app.run_app(PROJECT)``
   (``build_main_window`` is wrapped only to attach the probes):

   * ``first paint``: wall time from the parent's ``Popen`` call (so including
     interpreter start and every import) to the first ``QEvent.Paint`` received
     by any widget of the main window (an application event filter), and to the
     next event-loop turn after it (the first frame done).  ``run_app`` shows
     the window *before* it opens the project, so this first frame is the empty
     window; hence also
   * ``project shown``: from ``Popen`` to the first article shown
     (``ctx.article_shown`` with a record: project open, 100k ids loaded into
     the list, first article read), and to the event-loop turn after it.
   * ``switch article``: select the next row of the article table
     (``selectionModel().setCurrentIndex``, what a click or the arrow key does)
     and then ``processEvents()`` so the article view is filled *and repainted*;
     also the ``review.next`` action (Ctrl+↓ path) and random far-away rows
     (their list rows are not cached yet).
   * ``write-through edit``: ``ctx.push(SetFieldCommand(note))`` — the store
     write (one transaction + event row) runs inside ``push``; the figure is
     until ``push`` returns (store call + re-reading the article + pane
     refresh); the store call alone is timed too.
   * ``search``: the filter bar's code path: ``search.setText(term)`` then the
     Return-key slot (``_emit_now``: no 250 ms typing pause) ->
     ``ArticleList.set_filter`` -> model reload, plus ``processEvents()``.
   * ``export``: ``desktop.export.registry.export("jsonl", ...)`` of every
     article to a temporary file, from inside the app process.
   * peak RSS of the app process (``getrusage(RUSAGE_SELF).ru_maxrss``) before
     and after the export; the jieba/gazetteer warm-up the app starts is
     included (the measurements start after it finished).

Run: ``nice python bench/bench_app.py PROJECT.sqlite [--articles 100000] [--distinct 300]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

CITIES3 = ["成都市", "绵阳市", "德阳市", "自贡市", "泸州市", "乐山市", "南充市", "宜宾市", "达州市", "眉山市", "广安市", "遂宁市", "内江市", "资阳市", "雅安市", "巴中市"]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


# --- phase 1: build ---------------------------------------------------------------


def _variant(rng: random.Random):
    """A length-preserving text rewrite: digits permuted, one city renamed."""
    digits = list("0123456789")
    rng.shuffle(digits)
    table = str.maketrans("0123456789", "".join(digits))
    a, b = rng.sample(CITIES3, 2)

    def apply(s: str | None) -> str | None:
        if not s:
            return s
        return s.translate(table).replace(a, b)

    return apply


def _vary_result(result, f):
    from desktop.pipeline.model import PageResult

    arts = []
    for art in result.articles:
        body = f(art.body)
        spans = [replace(s, text=body[s.start:s.end]) for s in art.spans]
        arts.append(
            replace(
                art,
                title=f(art.title),
                kicker=f(art.kicker),
                subtitle=f(art.subtitle),
                byline=f(art.byline),
                dateline=f(art.dateline),
                captions=[f(c) for c in art.captions],
                body=body,
                spans=spans,
            )
        )
    return PageResult(text=f(result.text), articles=arts)


def build_project(path: Path, n_articles: int, n_distinct: int) -> None:
    from synth import make_pages

    from desktop.pipeline.ingest import decode_page
    from desktop.pipeline.process import process_text
    from desktop.store.records import PageInput
    from desktop.store.store import Store

    t_all = time.perf_counter()
    n_pages = int(n_articles / 7.5 * 1.05) + 10
    t0 = time.perf_counter()
    texts = make_pages(n_pages, seed=11)
    print(f"  generated {n_pages:,} page texts in {time.perf_counter() - t0:.1f} s", flush=True)
    t0 = time.perf_counter()
    processed = []
    for t in texts[:n_distinct]:
        text = decode_page(t.encode("utf-8")).text
        processed.append((text, process_text(text)))
    print(f"  pipeline on {n_distinct} distinct pages: {time.perf_counter() - t0:.1f} s", flush=True)
    tmp = path.with_name(path.name + ".building")
    for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        p.unlink(missing_ok=True)
    store = Store.open(tmp, create=True, editor="bench")
    rng = random.Random(5)
    done = page_no = 0
    batch: list = []
    t0 = time.perf_counter()
    while done < n_articles:
        base_text, base_result = processed[page_no % n_distinct]
        if page_no < n_distinct:
            text, result = base_text, base_result
        else:
            f = _variant(rng)
            text, result = f(base_text), _vary_result(base_result, f)
        text = text + f"\n（第{page_no + 1}版）\n"
        k = min(len(result.articles), n_articles - done)
        if k < len(result.articles):
            result = replace(result, articles=result.articles[:k])
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        name = f"{2000 + page_no // 3000}/{(page_no // 8) % 366:03d}/page_{page_no:06d}.txt"
        batch.append(PageInput(name, text, text, digest, result))
        done += k
        page_no += 1
        if len(batch) >= 200:
            store.add_pages(batch)
            batch = []
    if batch:
        store.add_pages(batch)
    print(f"  inserted {done:,} articles on {page_no:,} pages via Store.add_pages in {time.perf_counter() - t0:.1f} s", flush=True)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    os.replace(tmp, path)
    print(f"  build total {time.perf_counter() - t_all:.1f} s; file {path.stat().st_size / 1e6:,.0f} MB", flush=True)


# --- phase 2: measure (child process) ------------------------------------------------

SEARCH_TERMS = ("发展", "金融", "产业发展", "数字经济", "成都市委", "乡村振兴")


def _ms(seq: list[float]) -> dict:
    seq = sorted(seq)
    return {
        "median": statistics.median(seq),
        "p95": seq[min(len(seq) - 1, int(len(seq) * 0.95))],
        "max": seq[-1],
        "n": len(seq),
    }


# PySide6 6.12.0 on Python 3.11 decrements None's reference count each time a
# QTextEdit.ExtraSelection is built or set (measured: ~2 per selection, 1 per
# setExtraSelections call), so after a few hundred span repaints None is
# "deallocated" and the process aborts (Fatal Python error: none_dealloc).  The
# probe holds extra references to None so the measurement can finish; this costs
# 1.6 MB and does not touch the code measured.  See docs/benchmarks.md.
_NONE_GUARD: list = []


def child(project: Path, out_json: Path, workdir: Path) -> None:
    import resource

    _NONE_GUARD.extend([None] * 200_000)

    from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    import desktop.ui.app as appmod

    T: dict = {}
    R: dict = {}
    state: dict = {}

    class PaintWatch(QObject):
        def eventFilter(self, obj, ev):  # noqa: N802 - Qt's name
            if ev.type() == QEvent.Type.Paint and "first_paint" not in T:
                win = state.get("window")
                if isinstance(obj, QWidget) and win is not None and obj.window() is win:
                    T["first_paint"] = time.time()
                    T["article_shown_before_first_paint"] = "first_article" in T
                    QTimer.singleShot(0, lambda: T.setdefault("first_frame_done", time.time()))
                    QApplication.instance().removeEventFilter(self)
            return False

    watch = PaintWatch()

    def rss_mb() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def measure() -> None:
        app = QApplication.instance()
        w = state["window"]
        ctx = w.ctx
        table = w.article_list.table
        model = w.article_list.model
        sel = table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        R["rows"] = model.rowCount()
        R["rss_before_interaction_mb"] = rss_mb()
        # switch article: next row
        times = []
        for row in range(1, 61):
            t = time.perf_counter()
            sel.setCurrentIndex(model.index(row, 0), flags)
            app.processEvents()
            times.append((time.perf_counter() - t) * 1000)
            assert ctx.article_id == model.article_id_at(row), "row selection did not change the article"
        R["switch_next_row_ms"] = _ms(times)
        # switch article: the review.next action
        times = []
        for _ in range(40):
            before = ctx.article_id
            t = time.perf_counter()
            w.action_set["review.next"].trigger()
            app.processEvents()
            times.append((time.perf_counter() - t) * 1000)
            assert ctx.article_id != before
        R["switch_action_next_ms"] = _ms(times)
        # switch article: random far rows (not in the list's row cache)
        rng = random.Random(3)
        times = []
        for _ in range(40):
            row = rng.randrange(R["rows"])
            t = time.perf_counter()
            table.scrollTo(model.index(row, 0))
            sel.setCurrentIndex(model.index(row, 0), flags)
            app.processEvents()
            times.append((time.perf_counter() - t) * 1000)
        R["switch_random_row_ms"] = _ms(times)
        # write-through edit
        from desktop.ui.commands import SetFieldCommand

        skip = os.environ.get("BENCH_APP_SKIP", "")

        store = ctx.store
        store_times: list[float] = []
        real_set_field = store.set_field

        def timed_set_field(*a, **k):
            t = time.perf_counter()
            try:
                return real_set_field(*a, **k)
            finally:
                store_times.append((time.perf_counter() - t) * 1000)

        store.set_field = timed_set_field  # instance attribute: probes this store only
        push_times, settled_times = [], []
        for i in range(0 if "edit" in skip else 40):
            if i % 4 == 0 or "merge" in skip:
                w.action_set["review.next"].trigger()
                app.processEvents()
            aid, old = ctx.article_id, ctx.record.note
            new = f"bench note {i} {time.time()}"
            t = time.perf_counter()
            ok = ctx.push(SetFieldCommand(ctx, aid, "note", old, new))
            t1 = time.perf_counter()
            app.processEvents()
            t2 = time.perf_counter()
            assert ok and store.get_article(aid).note == new
            push_times.append((t1 - t) * 1000)
            settled_times.append((t2 - t) * 1000)
        del store.set_field
        if push_times:
            R["edit_push_ms"] = _ms(push_times)
            R["edit_push_and_repaint_ms"] = _ms(settled_times)
            R["edit_store_call_ms"] = _ms(store_times)
        # search through the filter bar
        fb = w.article_list.filter_bar
        search: dict = {}
        for q in SEARCH_TERMS:
            times = []
            hits = 0
            for _ in range(3):
                fb.search.setText("")
                fb._emit_now()
                app.processEvents()
                t = time.perf_counter()
                fb.search.setText(q)
                fb._emit_now()
                app.processEvents()
                times.append((time.perf_counter() - t) * 1000)
                hits = model.rowCount()
            search[q] = {"hits": hits, "median_ms": statistics.median(times), "max_ms": max(times)}
        t = time.perf_counter()
        fb.search.setText("")
        fb._emit_now()
        app.processEvents()
        R["clear_search_ms"] = (time.perf_counter() - t) * 1000
        R["search"] = search
        R["rss_before_export_mb"] = rss_mb()
        # export
        from desktop.export.options import ExportOptions
        from desktop.export.registry import export

        target = workdir / "all.jsonl"
        t = time.perf_counter()
        stats = export("jsonl", lambda: store.iter_records(), target, ExportOptions())
        R["export_s"] = time.perf_counter() - t
        R["export_records"] = stats.records
        R["export_spans"] = stats.spans
        R["export_mb"] = target.stat().st_size / 1e6
        target.unlink()
        R["rss_peak_mb"] = rss_mb()
        out_json.write_text(json.dumps({"T": T, "R": R}, ensure_ascii=False, indent=1), encoding="utf-8")
        w.close()
        app.quit()

    def wait_warm_then_measure() -> None:
        w = state["window"]
        tasks = w.ctx.tasks
        if tasks.running() and time.time() - T["first_article"] < 30:
            QTimer.singleShot(200, wait_warm_then_measure)
            return
        T["measure_start"] = time.time()
        try:
            measure()
        except BaseException as err:  # report, don't hang
            R["error"] = f"{type(err).__name__}: {err}"
            out_json.write_text(json.dumps({"T": T, "R": R}, ensure_ascii=False, indent=1), encoding="utf-8")
            QApplication.instance().exit(1)

    def on_shown(record) -> None:
        if record is not None and "first_article" not in T:
            T["first_article"] = time.time()
            QTimer.singleShot(0, lambda: T.setdefault("first_article_frame_done", time.time()))
            QTimer.singleShot(4000, wait_warm_then_measure)  # let the jieba warm-up thread finish

    original = appmod.build_main_window

    def build(settings):
        QApplication.instance().installEventFilter(watch)
        window = original(settings)
        state["window"] = window
        window.ctx.article_shown.connect(on_shown)
        return window

    appmod.build_main_window = build
    T["child_imports_done"] = time.time()
    from desktop.ui.settings import EDITOR_NAME, Settings

    Settings(workdir / "settings.ini").set(EDITOR_NAME, "bench")  # not a first start: no name to ask
    code = appmod.run_app(project, settings_path=workdir / "settings.ini", data_dir=workdir / "data")
    T["exit_code"] = code


def measure(project: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        t0 = time.time()
        proc = subprocess.run(
            [sys.executable, __file__, "--child", str(project), str(out), tmp], env=env, cwd=ROOT, timeout=1800,
            capture_output=True, text=True,
        )
        if not out.exists():
            raise SystemExit(f"measuring child failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
        data = json.loads(out.read_text(encoding="utf-8"))
        data["t0"] = t0
        data["stderr_tail"] = proc.stderr[-500:]
        return data


def report(data: dict) -> None:
    T, R, t0 = data["T"], data["R"], data["t0"]
    if "error" in R:
        print("ERROR in child:", R["error"])

    def since(key: str) -> str:
        return f"{(T[key] - t0) * 1000:,.0f} ms" if key in T else "n/a"

    def ok(value: float, target: float) -> str:
        return "MET" if value < target else "MISSED"

    fp = (T["first_paint"] - t0) * 1000
    print(f"imports done in child: {since('child_imports_done')} after Popen")
    before = "with the project already open and the first article shown" if T.get("article_shown_before_first_paint") else "empty window"
    print(f"first paint ({before}): {since('first_paint')}; frame done {since('first_frame_done')}  "
          f"[target < 1000 ms: {ok(fp, 1000)}]")
    print(f"first article shown ({R.get('rows', 0):,} rows listed): {since('first_article')}; frame done {since('first_article_frame_done')}")

    def line(name: str, key: str, target: float | None) -> None:
        if key not in R:
            print(f"{name}: n/a")
            return
        d = R[key]
        verdict = f"  [target < {target:g} ms: {ok(d['median'], target)} (median), p95 {ok(d['p95'], target)}]" if target else ""
        print(f"{name}: median {d['median']:.1f} ms, p95 {d['p95']:.1f} ms, max {d['max']:.1f} ms (n={d['n']}){verdict}")

    line("switch article, next row", "switch_next_row_ms", 50)
    line("switch article, review.next action", "switch_action_next_ms", 50)
    line("switch article, random far row", "switch_random_row_ms", 50)
    line("write-through edit, store.set_field call", "edit_store_call_ms", 20)
    line("write-through edit, ctx.push until return", "edit_push_ms", 20)
    line("write-through edit, push + repaint", "edit_push_and_repaint_ms", None)
    for q, s in R.get("search", {}).items():
        print(f"search {q!r} ({len(q)} chars) via filter bar: {s['hits']:,} hits, median {s['median_ms']:.0f} ms, max {s['max_ms']:.0f} ms  "
              f"[target < 200 ms: {ok(s['median_ms'], 200)}]")
    if "clear_search_ms" in R:
        print(f"clearing the search (all rows back): {R['clear_search_ms']:.0f} ms")
    if "export_s" in R:
        print(f"JSONL export of all: {R['export_records']:,} records, {R['export_spans']:,} spans, {R['export_mb']:,.0f} MB in "
              f"{R['export_s']:.1f} s  [target < 30 s: {ok(R['export_s'], 30)}]")
    print(f"app RSS: after open {R.get('rss_before_interaction_mb', 0):.0f} MB, before export {R.get('rss_before_export_mb', 0):.0f} MB, "
          f"peak {R.get('rss_peak_mb', 0):.0f} MB  [target < 500 MB: {ok(R.get('rss_peak_mb', 1e9), 500)}]")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("project", type=Path, help="project file; built if missing, reused if present")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--distinct", type=int, default=300)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    print(f"machine: {machine()}")
    # Qt splits large fills (e.g. Fusion scroll bars) across its GUI thread pool and waits for them;
    # on 2 shared cores that hand-off costs several ms an article switch (docs/benchmarks.md).
    pool_off = bool(os.environ.get("QT_NO_GUI_THREADPOOL")) or (os.cpu_count() or 1) <= 2  # run_app's rule
    print(f"Qt GUI thread pool: {'off' if pool_off else 'on (Qt default)'} (the app turns it off on <= 2 cores)")
    if args.rebuild or not args.project.exists():
        print(f"building {args.project} ({args.articles:,} articles) ...", flush=True)
        build_project(args.project, args.articles, args.distinct)
    else:
        print(f"reusing {args.project} ({args.project.stat().st_size / 1e6:,.0f} MB)")
    data = measure(args.project)
    report(data)


if __name__ == "__main__":
    main()
