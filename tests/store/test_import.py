"""Import: one transaction per page, re-import no-op, new version keeps reviewed work, crash safety."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from store_helpers import BODY_A, add, page_result

from desktop.pipeline.model import Article, PageResult, Span
from desktop.store.records import ArticleFilter, PageInput
from desktop.store.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_add_page_stores_everything(store: Store) -> None:
    out = add(store)
    assert (out.status, out.n_articles, out.version) == ("new", 3, 1)
    assert out.spans_by_label == {"DATE": 1, "ORG": 2, "PER": 1, "MONEY": 1, "LOC": 2}
    [info] = store.pages()
    assert (info.source_name, info.n_articles, info.version, info.superseded) == ("p1.txt", 3, 1, False)
    assert store.page_text(info.id) == "text "
    raw = store.db.execute("SELECT raw_text, encoding, blocks FROM pages").fetchone()
    assert raw == ("raw ", "utf-8", "[]")
    rec = store.get_article(store.article_ids()[0])
    assert rec.body == BODY_A and rec.kicker == "引题" and rec.dateline_iso == "2023-02-20"
    assert rec.authors == [{"name": "李鹏飞", "role": "记者"}]
    assert rec.sections == [{"title": "小标题", "start": 0, "end": 3}]
    assert [(s.label, s.text, s.origin) for s in rec.spans][0] == ("DATE", "2月20日", "auto")
    assert rec.spans[-1].value == 47_300_000_000
    assert store.article_rows([rec.id])[rec.id].n_spans == 4
    assert store.has_page_hash("h1") and not store.has_page_hash("nope")
    assert [e.action for e in store.events()] == ["import_page"]


def test_reimport_same_hash_changes_nothing(filled: Store) -> None:
    before = filled.db.execute("SELECT count(*) FROM articles").fetchone(), filled.events()
    out = add(filled)
    assert (out.status, out.n_articles) == ("unchanged", 0)
    assert (filled.db.execute("SELECT count(*) FROM articles").fetchone(), filled.events()) == before


def test_new_version_keeps_reviewed_work(store: Store) -> None:
    add(store)
    old_id = store.article_ids()[0]
    store.set_status(old_id, "reviewed")
    store.set_tags(old_id, ["经济"])
    sid = store.add_span(old_id, 0, 3, "ORG").span_id
    out = add(store, "p1.txt", "h1-changed", "改")
    assert (out.status, out.version, out.n_articles) == ("new_version", 2, 3)
    kept = store.get_article(old_id)
    assert (kept.status, kept.tags, kept.reviewer) == ("reviewed", ["经济"], "alice")
    assert sid in {s.id for s in kept.spans}
    infos = {(p.version, p.superseded) for p in store.pages()}
    assert infos == {(1, True), (2, False)}
    assert store.count_articles() == 6
    current = store.article_ids(ArticleFilter(include_superseded=False))
    assert len(current) == 3 and old_id not in current
    rows = store.article_rows([old_id, current[0]])
    assert rows[old_id].superseded and rows[old_id].page_version == 1
    assert not rows[current[0]].superseded and rows[current[0]].page_version == 2
    assert add(store, "p1.txt", "h1-changed", "改").status == "unchanged"


def test_invalid_pipeline_spans_are_dropped_not_fatal(store: Store) -> None:
    body = "成都市青白江区"
    art = Article(position=0, title="t", body=body,
                  spans=[Span(0, 3, "LOC", "成都市"), Span(2, 5, "ORG", "x"), Span(5, 99, "LOC", "x")])
    out = store.add_page("x.txt", "r", "t", "hx", PageResult(text="t", articles=[art]))
    assert out.spans_dropped == 2
    assert [s.text for s in store.get_article(store.article_ids()[0]).spans] == ["成都市"]


def test_add_pages_one_transaction_and_rollback(store: Store) -> None:
    outs = store.add_pages([PageInput(f"b{i}.txt", "r", "t", f"hb{i}", page_result(str(i))) for i in range(3)])
    assert [o.status for o in outs] == ["new"] * 3 and store.count_articles() == 9
    bad = page_result("bad")
    bad.articles[0].title = None  # violates NOT NULL: the whole batch must roll back
    try:
        store.add_pages([PageInput("c1.txt", "r", "t", "hc1", page_result("c")), PageInput("c2.txt", "r", "t", "hc2", bad)])
    except Exception as err:
        assert type(err).__name__ == "StoreError"
    else:
        raise AssertionError("a bad page must fail")
    assert store.count_articles() == 9 and not store.has_page_hash("hc1")
    assert store.search("青白江区召开水务会议c") == []


CHILD = """
import sys
from desktop.store.store import Store
sys.path.insert(0, {tests!r})
from store_helpers import add
s = Store.open({path!r})
aid = None
for i in range(100000):
    add(s, f"k{{i}}.txt", f"hk{{i}}", str(i))
    if aid is None:
        aid = s.article_ids()[0]
    s.set_field(aid, "note", f"n{{i}}")
    print(i, flush=True)
"""


def test_sigkill_during_import_loses_nothing_reported(tmp_path: Path) -> None:
    path = tmp_path / "kill.newsdesk"
    code = CHILD.format(tests=str(Path(__file__).parent), path=str(path))
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    reported = -1
    deadline = time.time() + 60
    while reported < 25 and time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        reported = int(line.split()[0])
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert reported >= 25
    s = Store.open(path)
    pages = {p.source_name: p.n_articles for p in s.pages()}
    for i in range(reported + 1):
        assert pages[f"k{i}.txt"] == 3
    assert set(pages.values()) == {3}  # no half-imported page
    note = s.get_article(s.article_ids(sort="id")[0]).note
    assert int(note[1:]) >= reported
    assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    s.close()
    assert sqlite3.connect(path).execute("SELECT count(*) FROM pages").fetchone()[0] == len(pages)
