"""Work packages at scale (issue 15): split + merge of N articles among three editors, 10 % overlap.

Builds a project of N articles (default 10,000; ~1,500 characters and ~20 spans each,
bench_search's generator), then, each step in a fresh child process so its peak RSS is
its own (``getrusage(RUSAGE_SELF).ru_maxrss``):

1. split: ``newsdesk packages split`` (three editors, overlap 0.1)  — time, peak RSS, file sizes
2. (not timed) every editor signs off every article of their package; on the shared ones,
   editor k also deletes the k-th span (planted disagreements), all through the store API
3. merge: the three packages into the project (one transaction each) — time, peak RSS
4. merge again (must change nothing) — time
5. agreement on the merged project — time, peak RSS

Run: ``nice python bench/bench_team.py [N=10000]`` (a few minutes at 10k, most of it step 2).
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

EDITORS = ["张三", "李四", "王五"]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(path: Path, n: int) -> None:
    from bench_search import make_article, sentences

    from desktop.pipeline.model import PageResult
    from desktop.store.records import PageInput
    from desktop.store.store import Store

    rng, pool = random.Random(7), sentences()
    with Store.open(path, editor="bench") as store:
        done = page = 0
        while done < n:
            batch = []
            for _ in range(100):
                if done >= n:
                    break
                k = min(10, n - done)
                arts = [make_article(rng, pool, i) for i in range(k)]
                batch.append(PageInput(f"page_{page:06d}.txt", "", "", f"hash{page}", PageResult(text="", articles=arts)))
                page += 1
                done += k
            store.add_pages(batch)


def step_split(project: Path, folder: Path) -> dict:
    from desktop.store.store import Store
    from desktop.team.packages import split_project

    t0 = time.perf_counter()
    with Store.open(project, readonly=True) as store:
        result = split_project(store, EDITORS, folder, overlap=0.1, seed=1)
    return {"seconds": time.perf_counter() - t0, "rss_mb": _rss_mb(), "shared": result.shared,
            "counts": result.counts, "sizes_mb": {e: p.stat().st_size / 1e6 for e, p in result.files.items()}}


def step_edit(folder: Path, project: Path) -> dict:
    from desktop.store.store import Store

    t0 = time.perf_counter()
    changes = 0
    for k, editor in enumerate(EDITORS):
        with Store.open(folder / f"{project.stem}-{editor}.sqlite") as pkg:
            others = [set(Store.open(folder / f"{project.stem}-{e}.sqlite", readonly=True).article_ids())
                      for e in EDITORS if e != editor]
            shared = set.intersection(*others)
            for aid in pkg.article_ids():
                if aid in shared:
                    spans = pkg.get_article(aid).spans
                    if len(spans) > k:
                        pkg.remove_span(spans[k].id)
                        changes += 1
                pkg.set_status(aid, "reviewed")
                changes += 1
    return {"seconds": time.perf_counter() - t0, "changes": changes}


def step_merge(project: Path, folder: Path) -> dict:
    from desktop.store.records import ArticleFilter
    from desktop.store.store import Store
    from desktop.team.packages import merge_packages

    t0 = time.perf_counter()
    with Store.open(project, editor="lead") as store:
        report = merge_packages(store, sorted(folder.glob("*.sqlite")))
        seconds = time.perf_counter() - t0
        now_open = store.count_articles(ArticleFilter(statuses=("to_adjudicate",)))
    return {"seconds": seconds, "rss_mb": _rss_mb(), "refused": report.refused, "now_to_adjudicate": now_open,
            "applied": sum(o.applied for o in report.outcomes), "to_adjudicate": sum(o.to_adjudicate for o in report.outcomes),
            "events": sum(o.events for o in report.outcomes), "unchanged": all(o.unchanged for o in report.outcomes)}


def step_agreement(project: Path) -> dict:
    from desktop.agreement import agreement, report_dict
    from desktop.store.store import Store

    t0 = time.perf_counter()
    with Store.open(project, readonly=True) as store:
        d = report_dict(agreement(store.agreement_items()))
    return {"seconds": time.perf_counter() - t0, "rss_mb": _rss_mb(), "articles": d["articles"],
            "f1": d["overall"]["f1"]["micro"], "kappa": d["overall"]["kappa"]["overall"]}


def child(step: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--step", step, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    if sys.argv[1:2] == ["--step"]:
        step, args = sys.argv[2], [Path(a) for a in sys.argv[3:]]
        fn = {"split": step_split, "edit": step_edit, "merge": step_merge, "agreement": step_agreement}[step]
        print(json.dumps(fn(*args), ensure_ascii=False))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        project, folder = Path(tmp) / "bench.sqlite", Path(tmp) / "packages"
        t0 = time.perf_counter()
        build(project, n)
        print(f"project: {n:,} articles, {project.stat().st_size / 1e6:.0f} MB, built in {time.perf_counter() - t0:.1f} s", flush=True)
        s = child("split", str(project), str(folder))
        print(f"split (3 editors, overlap 0.1): {s['seconds']:.2f} s, peak RSS {s['rss_mb']:.0f} MB; "
              f"{s['shared']:,} shared; per editor {s['counts']}; files {', '.join(f'{v:.0f} MB' for v in s['sizes_mb'].values())}", flush=True)
        e = child("edit", str(folder), str(project))
        print(f"(editing the packages through the store API: {e['changes']:,} changes in {e['seconds']:.0f} s, not part of the figures)", flush=True)
        m = child("merge", str(project), str(folder))
        print(f"merge: {m['seconds']:.2f} s, peak RSS {m['rss_mb']:.0f} MB; {m['events']:,} events copied; "
              f"{m['now_to_adjudicate']:,} articles to adjudicate after it; refused {m['refused']}", flush=True)
        again = child("merge", str(project), str(folder))
        print(f"merge again: {again['seconds']:.2f} s, peak RSS {again['rss_mb']:.0f} MB; changed nothing: {again['unchanged']}", flush=True)
        a = child("agreement", str(project))
        print(f"agreement: {a['seconds']:.2f} s, peak RSS {a['rss_mb']:.0f} MB over {a['articles']:,} articles; "
              f"F1 micro {a['f1']}, Fleiss kappa {a['kappa']}", flush=True)


if __name__ == "__main__":
    main()
