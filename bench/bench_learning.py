"""The simulated newsroom: does the desk learn its editors' convention, how fast does it train?

Data: the held-out parts (``dev`` + ``test``, never trained on by the shipped
model) of the two news NER corpora in ../shared/corpora, gold mapped to the
spec by the extractor's own conventions, then **one convention altered**: this
newsroom keeps a place name apart from the organ it prefixes — where the corpus
gold has a LOC at the very start of what the spec makes one ORG (中国政府,
北京市政府, 美国国务院 …), the paper annotates LOC + ORG (中国/LOC 政府/ORG)
instead of one ORG.  The shipped extractor follows the spec, so it gets every
such case wrong at N = 0.

The last ``--test`` texts are scored; of the others the first N are imported
into a fresh project as reviewed articles (one article per sentence, the
converted gold as the editors' spans), ``newsdesk train --db`` is run (the
same code: ``learning.train_from_store``), and the rest is extracted with the
project's model.  Reported per N: micro-F1 (PER/LOC/ORG, exact match) and the
errors on the converted convention (gold spans inside a converted region not
found exactly, plus predicted spans overlapping one that are not gold).

Training time: ``--articles 1000`` article-sized texts (consecutive corpus
sentences joined, cycling through both files: ~570 characters each) imported as
reviewed, trained through ``train_from_store``; wall time of the whole call
(extraction of every text by the shipped extractor, 2-fold cross-validation,
final training) on this machine.

Base model: the shipped model learns the corpora's ``train`` and ``dev`` parts, so
the newsroom's texts (``dev`` + ``test``) must be extracted by a model that did
not learn them: build one from ``train`` alone and give it with ``--base-model``
(the same command as the model card's, without ``--learn-dev``; ~70 s)::

    newsdesk train --corpus ../shared/corpora/msra-ner.test.bio \
        ../shared/corpora/peoples-daily-1998-ner.dev.bio tests/data/gold/seeds_gold.jsonl \
        --seed 11 -o /tmp/train-only.crf

Without ``--base-model`` the bench uses the shipped model and says that its
N = 0 row has seen part of the scored texts.

Run: ``python bench/bench_learning.py --base-model /tmp/train-only.crf [--corpora DIR]
[--sizes 0 50 200 1000] [--articles 1000]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.pipeline.entities import EntityExtractor  # noqa: E402
from desktop.pipeline.evaluate import score_spans  # noqa: E402
from desktop.pipeline.model import Article, PageResult, Span  # noqa: E402
from desktop.pipeline.ner_data import ENTITY_LABELS, read_examples, split_examples  # noqa: E402
from desktop.pipeline.project_model import ProjectExtractor, ProjectModel  # noqa: E402
from desktop.store.store import Store  # noqa: E402

FILES = ("msra-ner.test.bio", "peoples-daily-1998-ner.dev.bio")


def convert(base: EntityExtractor, text: str, spans: list) -> tuple[list, list]:
    """Spec gold with the newsroom's convention: (spans, converted regions)."""
    out, regions = [], []
    for s, e, lab in base.spec_gold(text, spans):
        if lab == "ORG":
            prefix = [b for a, b, lb in spans if lb == "LOC" and a == s and b < e - 1]
            if prefix:
                b = max(prefix)
                out += [(s, b, "LOC"), (b, e, "ORG")]
                regions.append((s, e))
                continue
        if lab in ENTITY_LABELS:
            out.append((s, e, lab))
    return out, regions


def make_project(path: Path, texts: list[tuple[str, list]], per_page: int = 50) -> None:
    """``texts`` as reviewed articles of a new project, their spans the editors' (origin human)."""
    store = Store.open(path, create=True, editor="bench")
    try:
        for p in range(0, len(texts), per_page):
            arts = [
                Article(position=k, title="", body=t,
                        spans=[Span(s, e, lab, t[s:e], None, "human") for s, e, lab in spans])
                for k, (t, spans) in enumerate(texts[p : p + per_page])
            ]
            store.add_page(f"page{p // per_page:04d}.txt", f"raw{p}", f"text{p}", f"hash{p}-{len(texts)}",
                           PageResult(text="", articles=arts))
        for aid in store.article_ids():
            store.set_status(aid, "reviewed")
    finally:
        store.close()


def article_texts(corpora: Path, n: int, per_article: int = 14) -> list[tuple[str, list]]:
    """``n`` article-sized texts: ``per_article`` consecutive corpus sentences joined (cycling through
    both files), with their corpus spans."""
    examples = [ex for name in FILES for ex in read_examples(corpora / name)]
    out = []
    for i in range(n):
        body, spans = "", []
        for j in range(per_article):
            ex = examples[(i * per_article + j) % len(examples)]
            spans += [(s + len(body), e + len(body), lab) for s, e, lab in ex.spans]
            body += ex.text
        out.append((body, spans))
    return out


def score(extractor, test) -> tuple[float, int, dict]:
    gold, pred, errors = [], [], 0
    for text, spans, regions in test:
        found = [(s.start, s.end, s.label) for s in extractor.extract(text) if s.label in ENTITY_LABELS]
        gold.append([{"start": s, "end": e, "label": lab} for s, e, lab in spans])
        pred.append([{"start": s, "end": e, "label": lab} for s, e, lab in found])
        for a, b in regions:
            g = {x for x in spans if x[0] >= a and x[1] <= b}
            p = {x for x in found if x[0] < b and a < x[1]}
            errors += len(g ^ p)
    rep = score_spans(gold, pred)
    return rep["micro"]["f1"], errors, {lab: round(s["f1"], 3) for lab, s in rep["labels"].items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", type=Path, default=Path(os.environ.get("NEWSDESK_CORPORA", ROOT.parent / "shared" / "corpora")))
    ap.add_argument("--sizes", type=int, nargs="*", default=[0, 50, 200, 1000])
    ap.add_argument("--test", type=int, default=700)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--base-model", type=Path, default=None,
                    help="entity model learned from the corpora's train parts only (see the docstring)")
    args = ap.parse_args()
    from desktop.ops.learning import train_from_store

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")
    if args.base_model is None:
        print("base: the shipped model, which learned the dev parts: N = 0 has seen part of the scored texts")
        base = EntityExtractor()
    else:
        print(f"base: {args.base_model} (learned the train parts only)")
        base = EntityExtractor(args.base_model)
    base.warm_up()
    if base.model_problem:
        sys.exit(base.model_problem)
    held = []
    for name in FILES:
        parts = split_examples(read_examples(args.corpora / name), 11)
        held += parts["dev"] + parts["test"]
    data = [(ex.text, *convert(base, ex.text, ex.spans)) for ex in held]
    test, pool = data[-args.test :], data[: -args.test]
    print(f"held-out texts: {len(data)} ({len(pool)} to import from, {len(test)} scored); "
          f"converted regions: {sum(len(r) for _, _, r in pool)} in the pool, {sum(len(r) for _, _, r in test)} in the scored part")
    print(f"{'N':>6}{'micro-F1':>10}{'PER':>7}{'LOC':>7}{'ORG':>7}{'conv. errors':>14}{'train s':>9}{'CV micro-F1':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            seconds, cv = 0.0, None
            extractor = base
            if n:
                path = Path(tmp) / f"newsroom{n}.sqlite"
                make_project(path, [(t, s) for t, s, _ in pool[:n]])
                store = Store.open(path, editor="bench")
                t0 = time.perf_counter()
                model_id, header = train_from_store(store, seed=11, base=base)
                seconds = time.perf_counter() - t0
                cv = (header.get("cv") or {}).get("micro", {}).get("f1")
                extractor = ProjectExtractor(base, ProjectModel.from_blob(store.model_data(model_id)), model_id)
                store.close()
            f1, errors, labels = score(extractor, test)
            print(f"{n:>6}{f1:>10.4f}{labels.get('PER', 0):>7}{labels.get('LOC', 0):>7}{labels.get('ORG', 0):>7}"
                  f"{errors:>14}{seconds:>9.1f}{'' if cv is None else f'{cv:.4f}':>13}", flush=True)
        if args.articles:
            texts = article_texts(args.corpora, args.articles)
            path = Path(tmp) / "articles.sqlite"
            make_project(path, texts)
            store = Store.open(path, editor="bench")
            t0 = time.perf_counter()
            _mid, header = train_from_store(store, seed=11, base=base)
            seconds = time.perf_counter() - t0
            store.close()
            chars = sum(len(t) for t, _ in texts)
            print(f"training time, {len(texts)} reviewed articles ({chars:,} characters, {header['spans']} spans): "
                  f"{seconds:.1f} s wall (CV micro-F1 {(header.get('cv') or {}).get('micro', {}).get('f1')}); "
                  f"load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
