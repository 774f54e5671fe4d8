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
   a second run with the same PROJECT skips this phase.  A build that died
   (``PROJECT.building`` left) is resumed where it stopped (``--rebuild``:
   start again).

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
     also the ``review.next`` action (Ctrl+↓ path) and ``FAR_JUMPS`` random
     far-away rows (their list rows are not cached yet).
   * ``write-through edit``: ``ctx.push(SetFieldCommand(note))`` — the store
     write (one transaction + event row) runs inside ``push``; the figure is
     until ``push`` returns (store call + re-reading the article + pane
     refresh); the store call alone is timed too.
   * ``search``: the filter bar's code path: ``search.setText(term)`` then the
     Return-key slot (``_emit_now``: no 250 ms typing pause) ->
     ``ArticleList.set_filter`` -> model reload, plus ``processEvents()``: the
     first rows listed and painted; then until the list is complete (from
     200,000 articles the rest of the hits are counted on a worker thread).
   * ``export``: ``desktop.export.registry.export("jsonl", ...)`` of every
     article to a temporary file, from inside the app process.
   * peak RSS of the app process (``VmHWM`` of ``/proc/self/status``) before
     and after the export; the jieba/gazetteer warm-up the app starts is
     included (the measurements start after it finished).  Not
     ``getrusage(RUSAGE_SELF).ru_maxrss``: Linux carries a parent's peak over
     into a child it spawns (through ``exec``), so the child's ``ru_maxrss`` is
     at least the bench's own RSS at that moment (360 MB after building a
     project in this process; the app's own peak can be less).

Run: ``nice python bench/bench_app.py PROJECT.sqlite [--articles 100000] [--distinct 300]``.

Environment switches of the measuring child (figures as usual, plus):

* ``BENCH_APP_PROBE=1``: where the memory is after each step (``bench/memprobe.py``:
  RSS and its peak, anonymous / file-backed, glibc's arenas with their used and free
  bytes, threads, Python blocks; resident MB by mapping after open and at the end).
* ``BENCH_APP_TRACE=1``: tracemalloc on from the start (the probe then shows the traced MB).
* ``BENCH_APP_PROFILE_EDIT=FILE``: a cProfile of the 40 edits (push + repaint only) to FILE.
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


FAR_JUMPS = 200


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


def build_project(path: Path, n_articles: int, n_distinct: int, resume: bool = True) -> None:
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
    rng = random.Random(5)
    done = page_no = 0
    if resume and tmp.exists() and tmp.stat().st_size > 0:
        # A build that died: every 200 pages went in as one transaction, so the file holds whole
        # batches.  Page texts (seed 11) and the variant draws (seed 5) are deterministic, so the
        # build continues where it stopped: skip the stored pages, replay their rng draws.
        # No damage check here (quick_check reads the whole file: ~20 min for 13 GB on this disk):
        # the file is this builder's own, and SQLite's commits are atomic.
        from desktop.store import db as store_db

        real_check, store_db.check_damage = store_db.check_damage, lambda conn, path: None
        try:
            store = Store.open(tmp, create=False, editor="bench")
        finally:
            store_db.check_damage = real_check
        page_no = store.db.execute("SELECT count(*) FROM pages").fetchone()[0]
        done = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        for _ in range(n_distinct, page_no):
            _variant(rng)
        print(f"  resuming {tmp.name}: {page_no:,} pages, {done:,} articles already stored", flush=True)
    else:
        for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
            p.unlink(missing_ok=True)
        store = Store.open(tmp, create=True, editor="bench")
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
    # The clean close left its stamp (size, mtime: kept by the rename) in the lock file's note;
    # moved along, the project opens without a damage check of the whole file.
    lock = tmp.with_name(tmp.name + ".lock")
    if lock.exists():
        os.replace(lock, path.with_name(path.name + ".lock"))
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
HOLDERS = bool(os.environ.get("BENCH_APP_HOLDERS"))  # child mode: tracemalloc, report what holds memory
PROBE = bool(os.environ.get("BENCH_APP_PROBE"))  # child mode: where the memory is after each step (memprobe)


def holders_report(top: int = 12) -> dict:
    """The top allocation sites still alive after the project opened (tracemalloc, by line)."""
    import tracemalloc

    snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
    stats = snap.statistics("lineno")
    total = sum(st.size for st in stats)
    rows = []
    for st in stats[:top]:
        frame = st.traceback[0]
        name = frame.filename
        for marker in ("site-packages/", "/desktop/", "/lib/python3"):
            if marker in name:
                name = name.split(marker, 1)[1] if marker != "/desktop/" else "desktop/" + name.split(marker, 1)[1]
                break
        rows.append({"where": f"{name}:{frame.lineno}", "mb": st.size / 2**20, "blocks": st.count})
    return {"traced_mb": total / 2**20, "top": rows}


def peak_rss_mb() -> float:
    """This process's own peak RSS (``VmHWM``), not ``ru_maxrss`` (which a spawned process
    inherits from its parent: see the module docstring)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(project: Path, out_json: Path, workdir: Path) -> None:
    _NONE_GUARD.extend([None] * 200_000)
    if HOLDERS or os.environ.get("BENCH_APP_TRACE"):
        import tracemalloc

        tracemalloc.start(1)

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
        return peak_rss_mb()

    def rss_now_mb() -> float:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    def probe(step: str) -> None:
        if PROBE:
            import memprobe

            R.setdefault("probe", []).append(memprobe.snapshot(step))

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
        R["rss_now_after_open_mb"] = rss_now_mb()
        probe("after open")
        if PROBE:
            import memprobe

            R["mappings_after_open"] = memprobe.mappings()
        if HOLDERS:
            R["holders"] = holders_report()
            out_json.write_text(json.dumps({"T": T, "R": R}, ensure_ascii=False, indent=1), encoding="utf-8")
            w.close()
            app.quit()
            return
        # switch article: next row
        times = []
        for row in range(1, 61):
            t = time.perf_counter()
            sel.setCurrentIndex(model.index(row, 0), flags)
            app.processEvents()
            times.append((time.perf_counter() - t) * 1000)
            assert ctx.article_id == model.article_id_at(row), "row selection did not change the article"
        R["switch_next_row_ms"] = _ms(times)
        probe("60 next rows")
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
        probe("40 review.next")
        # switch article: random far rows (not in the list's row cache); 200 of them, so that the
        # median does not hang on a handful of jumps (40 before 2026-12-04: ±1 ms between runs)
        rng = random.Random(3)
        times = []
        for _ in range(FAR_JUMPS):
            row = rng.randrange(R["rows"])
            t = time.perf_counter()
            table.scrollTo(model.index(row, 0))
            sel.setCurrentIndex(model.index(row, 0), flags)
            app.processEvents()
            times.append((time.perf_counter() - t) * 1000)
        R["switch_random_row_ms"] = _ms(times)
        probe(f"{FAR_JUMPS} far jumps")
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
        profile_to = os.environ.get("BENCH_APP_PROFILE_EDIT")  # a cProfile of the edits, written to this file
        if profile_to:
            import cProfile

            profiler = cProfile.Profile()
        for i in range(0 if "edit" in skip else 40):
            if i % 4 == 0 or "merge" in skip:
                w.action_set["review.next"].trigger()
                app.processEvents()
            aid, old = ctx.article_id, ctx.record.note
            new = f"bench note {i} {time.time()}"
            if profile_to:
                profiler.enable()
            t = time.perf_counter()
            ok = ctx.push(SetFieldCommand(ctx, aid, "note", old, new))
            t1 = time.perf_counter()
            app.processEvents()
            t2 = time.perf_counter()
            if profile_to:
                profiler.disable()
            assert ok and store.get_article(aid).note == new
            push_times.append((t1 - t) * 1000)
            settled_times.append((t2 - t) * 1000)
        del store.set_field
        if profile_to:
            profiler.dump_stats(profile_to)
        if push_times:
            R["edit_push_ms"] = _ms(push_times)
            R["edit_push_and_repaint_ms"] = _ms(settled_times)
            R["edit_store_call_ms"] = _ms(store_times)
        probe("40 edits")
        # search through the filter bar
        fb = w.article_list.filter_bar
        search: dict = {}
        for q in SEARCH_TERMS:
            times, all_times = [], []
            hits = first_rows = 0
            for _ in range(5):
                fb.search.setText("")
                fb._emit_now()
                app.processEvents()
                while not model.complete:  # the unfiltered list's rest, if a reload is pending
                    app.processEvents()
                    time.sleep(0.002)
                t = time.perf_counter()
                fb.search.setText(q)
                fb._emit_now()
                app.processEvents()
                times.append((time.perf_counter() - t) * 1000)  # first rows listed and painted
                first_rows = model.rowCount()
                while not model.complete:  # the rest counted on a worker thread
                    app.processEvents()
                    time.sleep(0.001)
                app.processEvents()
                all_times.append((time.perf_counter() - t) * 1000)
                hits = model.rowCount()
                if not search:
                    probe(f"search {q} #{len(all_times)}")
            search[q] = {"hits": hits, "first_rows": first_rows, "median_ms": statistics.median(times),
                         "max_ms": max(times), "p95_ms": sorted(times)[-1],
                         "counted_median_ms": statistics.median(all_times)}
            if len(search) > 1:
                probe(f"search {q} x5")
        t = time.perf_counter()
        fb.search.setText("")
        fb._emit_now()
        app.processEvents()
        R["clear_search_ms"] = (time.perf_counter() - t) * 1000
        R["search"] = search
        R["rss_before_export_mb"] = rss_mb()
        R["rss_now_before_export_mb"] = rss_now_mb()
        probe("search cleared")
        # export: what File > Export and the export dialog run (export_project, worker processes)
        from desktop.export.stream import export_project

        if "export" not in skip:
            target = workdir / "all.jsonl"
            t = time.perf_counter()
            stats = export_project("jsonl", ctx.project_path, target, workers=int(os.environ.get("BENCH_EXPORT_WORKERS", "2")))
            R["export_s"] = time.perf_counter() - t
            R["export_records"] = stats.records
            R["export_spans"] = stats.spans
            R["export_mb"] = target.stat().st_size / 1e6
            target.unlink()
        R["rss_peak_mb"] = rss_mb()
        probe("after export")
        if PROBE:
            import memprobe

            R["mappings_at_end"] = memprobe.mappings()
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

    def on_list_complete() -> None:
        T.setdefault("list_complete", time.time())

    def on_shown(record) -> None:
        if record is not None and "first_article" not in T:
            T["first_article"] = time.time()
            if state["window"].article_list.model.complete:
                T.setdefault("list_complete", T["first_article"])
            QTimer.singleShot(0, lambda: T.setdefault("first_article_frame_done", time.time()))
            QTimer.singleShot(4000, wait_warm_then_measure)  # let the jieba warm-up thread finish

    original = appmod.build_main_window

    def build(settings):
        QApplication.instance().installEventFilter(watch)
        window = original(settings)
        state["window"] = window
        window.ctx.article_shown.connect(on_shown)
        window.article_list.model.loading_finished.connect(on_list_complete)
        return window

    appmod.build_main_window = build
    T["child_imports_done"] = time.time()
    from desktop.ui.settings import EDITOR_NAME, Settings

    Settings(workdir / "settings.ini").set(EDITOR_NAME, "bench")  # not a first start: no name to ask
    code = appmod.run_app(project, settings_path=workdir / "settings.ini", data_dir=workdir / "data")
    T["exit_code"] = code


def measure(project: Path, extra_env: dict | None = None) -> dict:
    with tempfile.TemporaryDirectory(dir=project.parent) as tmp:
        out = Path(tmp) / "result.json"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(extra_env or {}))
        t0 = time.time()
        proc = subprocess.run(
            [sys.executable, __file__, "--child", str(project), str(out), tmp], env=env, cwd=ROOT, timeout=3600,
            capture_output=True, text=True,
        )
        if not out.exists():
            raise SystemExit(f"measuring child failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
        data = json.loads(out.read_text(encoding="utf-8"))
        data["t0"] = t0
        data["stderr_tail"] = proc.stderr[-500:]
        return data


def stamp_project(path: Path) -> None:
    """Open and close the project read-write once, so the damage check (quick_check: ~9 s per GB
    from disk) runs here and not in the measured launch; a cleanly closed project is stamped."""
    from desktop.store.store import Store

    t = time.perf_counter()
    Store.open(path, create=False, editor="bench").close()
    print(f"  opened once read-write (damage check, stamp): {time.perf_counter() - t:.1f} s", flush=True)


def sqlite3_floor(project: Path, workdir: Path) -> dict:
    """A plain ``sqlite3`` dump of the rows an export reads (articles with their page name, spans,
    tags) to a file: the practical floor of an export's speed on this disk and machine."""
    import shutil

    exe = shutil.which("sqlite3")
    if exe is None:
        return {}
    sql = (
        "SELECT a.id, p.source_name, a.position, a.title, a.kicker, a.subtitle, a.byline, a.authors, a.source,"
        " a.dateline, a.dateline_iso, a.sections, a.captions, a.body, a.flags, a.status, a.reviewer, a.reviewed_at,"
        " a.continued_from, a.continued_to FROM articles a JOIN pages p ON p.id = a.page_id;"
        ' SELECT article_id, start, "end", label, value, origin, confidence, suggested FROM spans;'
        " SELECT article_id, tag FROM article_tags;"
    )
    target = workdir / "dump.txt"
    t = time.perf_counter()
    with open(target, "wb") as f:
        subprocess.run([exe, "-readonly", str(project), sql], stdout=f, check=True)
        os.fsync(f.fileno())
    secs = time.perf_counter() - t
    mb = target.stat().st_size / 1e6
    target.unlink()
    return {"s": secs, "mb": mb, "mb_s": mb / secs}


def export_formats(project: Path, workdir: Path, formats: tuple[str, ...], workers: tuple[int, ...]) -> dict:
    """``export_project`` of every article in each format with 1 and 2 worker processes."""
    out: dict = {}
    for fmt in formats:
        for w in workers:
            code = (
                "import json, resource, sys, time\n"
                "from desktop.export.stream import export_project\n"
                "if __name__ == '__main__':\n"
                "    t = time.perf_counter()\n"
                f"    st = export_project({fmt!r}, {str(project)!r}, {str(workdir / ('x.' + fmt))!r}, workers={w})\n"
                "    print(json.dumps({'s': time.perf_counter() - t, 'records': st.records,"
                " 'rss_mb': int([ln for ln in open('/proc/self/status') if ln.startswith('VmHWM:')][0].split()[1]) / 1024,"
                " 'children_rss_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))\n"
            )
            script = workdir / "export_one.py"
            script.write_text(code, encoding="utf-8")
            proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=3600)
            if proc.returncode != 0:
                out[f"{fmt}/{w}"] = {"error": proc.stderr[-800:]}
                continue
            res = json.loads(proc.stdout.strip().splitlines()[-1])
            target = workdir / ("x." + fmt)
            res["mb"] = target.stat().st_size / 1e6
            res["mb_s"] = res["mb"] / res["s"]
            target.unlink()
            out[f"{fmt}/{w}"] = res
            print(f"    export {fmt}, {w} worker(s): {res['mb']:,.0f} MB in {res['s']:.1f} s = {res['mb_s']:.0f} MB/s; "
                  f"peak RSS main {res['rss_mb']:.0f} MB, a worker {res['children_rss_mb']:.0f} MB", flush=True)
    return out


def stats_cli(project: Path) -> dict:
    """``newsdesk stats`` on the project: time and peak RSS."""
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from desktop.cli import main\n"
        f"sys.argv = ['newsdesk', 'stats', '--db', {str(project)!r}]\n"
        "t = time.perf_counter()\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "hwm = [ln for ln in Path('/proc/self/status').read_text().splitlines() if ln.startswith('VmHWM:')][0]\n"
        "print('BENCH', time.perf_counter() - t, int(hwm.split()[1]) / 1024, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=3600)
    line = [ln for ln in proc.stderr.splitlines() if ln.startswith("BENCH")]
    if not line:
        return {"error": proc.stderr[-500:]}
    _b, secs, rss = line[-1].split()
    return {"s": float(secs), "rss_mb": float(rss)}


def report(data: dict) -> dict:
    """Print one size's figures; return the ones of the table."""
    T, R, t0 = data["T"], data["R"], data["t0"]
    if "error" in R:
        print("ERROR in child:", R["error"])

    def since(key: str) -> float | None:
        return (T[key] - t0) * 1000 if key in T else None

    def fmt_ms(v: float | None) -> str:
        return f"{v:,.0f} ms" if v is not None else "n/a"

    print(f"  imports done in child (a load gauge): {fmt_ms(since('child_imports_done'))} after Popen")
    print(f"  first paint: {fmt_ms(since('first_paint'))}; first article shown: {fmt_ms(since('first_article'))} "
          f"(frame done {fmt_ms(since('first_article_frame_done'))}); whole list ({R.get('rows', 0):,} rows): "
          f"{fmt_ms(since('list_complete'))}")
    out: dict = {"first_article_ms": since("first_article_frame_done"), "list_complete_ms": since("list_complete"),
                 "rows": R.get("rows"), "imports_ms": since("child_imports_done")}

    def line(name: str, key: str) -> None:
        if key not in R:
            return
        d = R[key]
        out[key] = (d["median"], d["p95"])
        print(f"  {name}: median {d['median']:.1f} ms, p95 {d['p95']:.1f} ms, max {d['max']:.1f} ms (n={d['n']})")

    line("switch article, next row", "switch_next_row_ms")
    line("switch article, review.next action", "switch_action_next_ms")
    line("switch article, random far row", "switch_random_row_ms")
    line("write-through edit, store.set_field call", "edit_store_call_ms")
    line("write-through edit, ctx.push until return", "edit_push_ms")
    line("write-through edit, push + repaint", "edit_push_and_repaint_ms")
    for q, srch in R.get("search", {}).items():
        print(f"  search {q!r} ({len(q)} chars): {srch['hits']:,} hits, first {srch.get('first_rows', srch['hits']):,} rows "
              f"shown: median {srch['median_ms']:.0f} ms, max {srch['max_ms']:.0f} ms; all counted: median "
              f"{srch.get('counted_median_ms', srch['median_ms']):.0f} ms")
    out["search"] = R.get("search", {})
    if "clear_search_ms" in R:
        print(f"  clearing the search (all rows back): {R['clear_search_ms']:.0f} ms")
    if "export_s" in R:
        print(f"  JSONL export of all (in the app, export_project, 2 worker processes): {R['export_records']:,} records, "
              f"{R['export_spans']:,} spans, {R['export_mb']:,.0f} MB in {R['export_s']:.1f} s = {R['export_mb'] / R['export_s']:.0f} MB/s")
        out.update(export_s=R["export_s"], export_mb=R["export_mb"])
    print(f"  app RSS: after open {R.get('rss_now_after_open_mb', 0):.0f} MB (peak so far {R.get('rss_before_interaction_mb', 0):.0f}), "
          f"before export {R.get('rss_now_before_export_mb', 0):.0f} MB, peak {R.get('rss_peak_mb', 0):.0f} MB")
    out.update(rss_open_mb=R.get("rss_now_after_open_mb"), rss_peak_mb=R.get("rss_peak_mb"))
    if R.get("probe"):
        import memprobe

        print("  memory after each step (MB; BENCH_APP_PROBE):")
        for snap in R["probe"]:
            print("    " + memprobe.line(snap))
        for key in ("mappings_after_open", "mappings_at_end"):
            print(f"  resident by mapping, {key.split('_', 1)[1].replace('_', ' ')}: "
                  + ", ".join(f"{m['where']} {m['mb']:.1f}" for m in R.get(key, [])))
        out["probe"] = R["probe"]
    return out


def size_name(n: int) -> str:
    return f"{n // 1_000_000}m" if n % 1_000_000 == 0 else f"{n // 1000}k"


def table(results: dict[int, dict]) -> None:
    """The issue's table: each measure at each size, and the growth from the smallest to the largest."""
    sizes = sorted(results)
    print("\n| measure | " + " | ".join(f"{n:,}" for n in sizes) + " | growth |")
    print("|---|" + "---|" * (len(sizes) + 1))

    def row(name: str, values: list, unit: str = "ms", fmt: str = "{:,.0f}") -> None:
        cells = [(fmt.format(v) + f" {unit}") if isinstance(v, (int, float)) else "n/a" for v in values]
        nums = [v for v in values if isinstance(v, (int, float))]
        growth = f"{nums[-1] / nums[0]:.2f}x" if len(nums) == len(values) and len(nums) > 1 and nums[0] else ""
        print(f"| {name} | " + " | ".join(cells) + f" | {growth} |")

    def get(key: str) -> list:
        return [results[n]["app"].get(key) for n in sizes]

    row("app memory after open (RSS)", get("rss_open_mb"), "MB")
    row("app memory, peak RSS (whole run, export included)", get("rss_peak_mb"), "MB")
    row("launch -> first article shown (frame done)", get("first_article_ms"))
    row("launch -> whole list read", get("list_complete_ms"))
    for key, name in (("switch_random_row_ms", "switch, random far row"), ("switch_next_row_ms", "switch, next row"),
                      ("switch_action_next_ms", "switch, review.next")):
        vals = get(key)
        row(f"{name} (median)", [v[0] if v else None for v in vals], fmt="{:.1f}")
        row(f"{name} (p95)", [v[1] if v else None for v in vals], fmt="{:.1f}")
    for q in SEARCH_TERMS:
        vals = [results[n]["app"].get("search", {}).get(q) for n in sizes]
        hits = " / ".join(f"{v['hits']:,}" for v in vals if v)
        row(f"search {q} ({hits} hits), first rows shown (median)", [v["median_ms"] if v else None for v in vals])
        row(f"search {q}, all hits counted (median)", [v.get("counted_median_ms") if v else None for v in vals])
    row("write-through edit, push + repaint (median)",
        [v[0] if v else None for v in get("edit_push_and_repaint_ms")], fmt="{:.1f}")
    row("JSONL export, app (2 worker processes)", get("export_s"), "s", "{:.1f}")
    row("  its output", get("export_mb"), "MB")
    row("  its speed", [(a / b) if a and b else None for a, b in zip(get("export_mb"), get("export_s"))], "MB/s")
    row("  sqlite3 dump of the same rows", [results[n].get("floor", {}).get("mb_s") for n in sizes], "MB/s")
    for key in sorted({k for n in sizes for k in results[n].get("formats", {})}):
        vals = [results[n].get("formats", {}).get(key, {}) for n in sizes]
        fmt_name, workers = key.split("/")
        row(f"export {fmt_name}, {workers} worker(s)", [v.get("mb_s") for v in vals], "MB/s")
    row("newsdesk stats, time", [results[n].get("stats", {}).get("s") for n in sizes], "s", "{:.1f}")
    row("newsdesk stats, peak RSS", [results[n].get("stats", {}).get("rss_mb") for n in sizes], "MB")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("project", type=Path, nargs="?", help="one project file; built if missing, reused if present")
    ap.add_argument("--articles", type=int, default=100_000, help="size of PROJECT when it is built")
    ap.add_argument("--sizes", default="", help="instead of PROJECT: sizes to measure in one run, e.g. 100000,1000000; "
                    "projects DATA_DIR/articles-<size>.sqlite are built once and reused")
    ap.add_argument("--data-dir", type=Path, default=Path("/work/bench-data"))
    ap.add_argument("--distinct", type=int, default=300)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--formats-at", default="smallest", choices=("smallest", "all", "none"),
                    help="export jsonl/doccano/conll/csv with 1 and 2 workers at the smallest size, every size, or none")
    ap.add_argument("--json", type=Path, default=None, help="also write every figure to this file")
    args = ap.parse_args()
    print(f"machine: {machine()}")
    load = os.getloadavg()
    print(f"load average before: {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1/5/15 min, {os.cpu_count()} cores)")
    pool_off = bool(os.environ.get("QT_NO_GUI_THREADPOOL")) or (os.cpu_count() or 1) <= 2  # run_app's rule
    print(f"Qt GUI thread pool: {'off' if pool_off else 'on (Qt default)'} (the app turns it off on <= 2 cores)")
    if args.sizes:
        projects = {n: args.data_dir / f"articles-{size_name(n)}.sqlite" for n in (int(x) for x in args.sizes.split(","))}
    else:
        if args.project is None:
            ap.error("give PROJECT or --sizes")
        projects = {args.articles: args.project}
    results: dict[int, dict] = {}
    for n, path in sorted(projects.items()):
        print(f"\n== {n:,} articles: {path}", flush=True)
        if args.rebuild or not path.exists():
            print(f"building {path} ({n:,} articles) ...", flush=True)
            path.parent.mkdir(parents=True, exist_ok=True)
            build_project(path, n, args.distinct, resume=not args.rebuild)
            stamp_project(path)
        else:
            print(f"reusing {path} ({path.stat().st_size / 1e6:,.0f} MB)")
        res: dict = {"file_mb": path.stat().st_size / 1e6, "load_before": os.getloadavg()[0]}
        res["app"] = report(measure(path))
        holders = measure(path, {"BENCH_APP_HOLDERS": "1", "BENCH_APP_SKIP": "edit,export"})["R"].get("holders", {})
        res["holders"] = holders
        print(f"  memory holders after open (tracemalloc, a separate run; {holders.get('traced_mb', 0):.1f} MB traced):")
        for h in holders.get("top", []):
            print(f"    {h['mb']:8.2f} MB  {h['blocks']:>9,} blocks  {h['where']}")
        with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
            res["floor"] = sqlite3_floor(path, Path(tmp))
            if res["floor"]:
                print(f"  sqlite3 dump of the same rows: {res['floor']['mb']:,.0f} MB in {res['floor']['s']:.1f} s = "
                      f"{res['floor']['mb_s']:.0f} MB/s", flush=True)
            if args.formats_at == "all" or (args.formats_at == "smallest" and n == min(projects)):
                res["formats"] = export_formats(path, Path(tmp), ("jsonl", "doccano", "conll", "csv"), (1, 2))
            elif args.formats_at == "smallest":
                res["formats"] = export_formats(path, Path(tmp), ("jsonl",), (1,))
        res["stats"] = stats_cli(path)
        print(f"  newsdesk stats: {res['stats']}", flush=True)
        res["load_after"] = os.getloadavg()[0]
        print(f"  load average during: {res['load_before']:.2f} before, {res['load_after']:.2f} after", flush=True)
        results[n] = res
    load = os.getloadavg()
    print(f"\nload average after: {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}")
    table(results)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
