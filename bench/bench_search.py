"""Search and list-query speed of the project store on a large synthetic archive.

Builds a store of N articles (default 100,000) whose bodies are ~1,500
characters of real Chinese recombined from the sentences of seeds/*.txt, with
~20 spans each, imported with Store.add_pages (10 articles a page, 100 pages a
transaction).  Prints: import time (articles + spans + search index), the time
to rebuild the search index alone, file size, and the latency of 1-, 2- and
4-character searches (count, and ordered ids + first page of rows) and of the
list queries the article table runs.

Run: ``nice python bench/bench_search.py [N=100000]`` (a few minutes at 100k).
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.pipeline.model import LABELS, Article, PageResult, Span  # noqa: E402
from desktop.store.records import ArticleFilter, PageInput  # noqa: E402
from desktop.store.store import Store  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sentences() -> list[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text = re.sub(r"[#□\s]+", "", text)
    return [s + "。" for s in re.split(r"[。！？]", text) if 8 <= len(s) <= 200]


def make_article(rng: random.Random, pool: list[str], position: int) -> Article:
    parts, n = [], 0
    while n < 1500:
        s = rng.choice(pool)
        parts.append(s)
        n += len(s)
    body = "".join(parts)
    title = rng.choice(pool)[:18]
    spans, pos = [], 0
    for _ in range(20):
        start = pos + rng.randint(5, 60)
        end = start + rng.randint(2, 8)
        if end > len(body):
            break
        spans.append(Span(start, end, rng.choice(LABELS), body[start:end]))
        pos = end
    return Article(position=position, title=title, body=body, spans=spans)


def timed(fn, repeat: int = 5) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(7)
    pool = sentences()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.newsdesk"
        store = Store.open(path, editor="bench")
        t0 = time.perf_counter()
        gen_s = 0.0
        page_no = 0
        done = 0
        while done < n:
            g0 = time.perf_counter()
            batch = []
            for _ in range(100):
                if done >= n:
                    break
                k = min(10, n - done)
                arts = [make_article(rng, pool, i) for i in range(k)]
                batch.append(PageInput(f"page_{page_no:06d}.txt", "", "", f"hash{page_no}", PageResult(text="", articles=arts)))
                page_no += 1
                done += k
            gen_s += time.perf_counter() - g0
            store.add_pages(batch)
        total = time.perf_counter() - t0
        chars = store.db.execute("SELECT sum(length(body)) FROM articles").fetchone()[0]
        print(f"articles: {n:,} on {page_no:,} pages, {chars:,} body characters")
        print(f"import (articles + spans + index, add_pages): {total - gen_s:.1f} s  (+{gen_s:.1f} s generating)")
        t0 = time.perf_counter()
        store.rebuild_search_index()
        print(f"search index rebuild alone: {time.perf_counter() - t0:.1f} s")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = path.stat().st_size
        fts = store.db.execute("SELECT sum(length(block)) FROM article_fts_data").fetchone()[0]
        print(f"file size: {size / 1e6:,.0f} MB (search index {fts / 1e6:,.0f} MB)")
        for q in ("镇", "发展", "金融", "产业发展", "成都市委", "数字经济"):
            c_ms, count = timed(lambda q=q: store.count_articles(ArticleFilter(query=q)))
            i_ms, ids = timed(lambda q=q: store.article_ids(ArticleFilter(query=q)))
            r_ms, _ = timed(lambda ids=ids: store.article_rows(ids[:50]))
            print(f"query {q!r} ({len(q)} chars): {count:,} hits; count {c_ms:.0f} ms, ordered ids {i_ms:.0f} ms, first 50 rows {r_ms:.1f} ms")
        # The page order is cached (store/page_order.py); a write that changes it (import, split,
        # merge) makes the next list read it again: the first search after such a write pays that.
        ids = store.article_ids()
        store.split_article(ids[len(ids) // 2], 40)
        t0 = time.perf_counter()
        hits = store.article_ids(ArticleFilter(query="发展"))
        print(f"ordered ids 发展 right after a split (page order read again): {len(hits):,} in {(time.perf_counter() - t0) * 1000:.0f} ms")
        for label, flt, sort in (
            ("all ids, page order", ArticleFilter(), "page"),
            ("all ids, by title", ArticleFilter(), "title"),
            ("status=unreviewed", ArticleFilter(statuses=("unreviewed",)), "page"),
            ("label PER + query 发展", ArticleFilter(labels=("PER",), query="发展"), "page"),
        ):
            ms, ids = timed(lambda flt=flt, sort=sort: store.article_ids(flt, sort))
            print(f"article_ids {label}: {len(ids):,} ids in {ms:.0f} ms")
        ms, _ = timed(lambda: store.count_articles())
        print(f"count_articles(): {ms:.0f} ms")
        ms, _ = timed(lambda: store.label_counts(), repeat=2)
        print(f"label_counts(): {ms:.0f} ms")
        ms, _ = timed(lambda: store.set_field(ids[len(ids) // 2], "title", f"新标题{time.time()}"))
        print(f"set_field(title) incl. reindex: {ms:.1f} ms")
        t0 = time.perf_counter()
        k = sum(1 for _ in store.iter_records())
        print(f"iter_records: {k:,} records in {time.perf_counter() - t0:.1f} s")
        store.close()


if __name__ == "__main__":
    main()
