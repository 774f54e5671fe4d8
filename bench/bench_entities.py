"""Entity extraction quality and speed, all figures from one run.

Quality (exact start/end/label, PER/LOC/ORG, on the held-out parts of the news NER
corpora: ``dev`` 15 % and ``test`` 10 % of each file by the fixed split of
desktop/pipeline/ner_data.py, never trained on), for:

* the extractor with the shipped model, spec output vs gold mapped to the spec
  (``spec/spec``), spec output vs the raw corpus labels (``spec/raw``, what an
  outside scorer with the corpus labels sees), corpus-convention output vs raw
  labels (``corpus/raw``);
* the rules alone (the extractor before the tagger) vs raw labels and vs spec gold;
* raw jieba part-of-speech tags (nr/nrfg/nrt -> PER, ns -> LOC, nt -> ORG) vs raw labels;

and the seed gold file (every label), whole and its held-out part only, and
``tests/data/gold/modern_news.jsonl``: 80 short texts of invented 2015–2026 business,
technology and international news with the real names such news uses, annotated in
the spec convention (PER/LOC/ORG) by a helper who had not seen the name lists; used
for development since it was written, so not a held-out figure; and
``tests/data/gold/modern_news_test.jsonl``: 100 texts of the same kind across business,
international, sports and culture, local government and science news (339 spans), written
blind to the name lists by another helper and never used for tuning: the held-out modern
figure (look at its scores, not at its errors); and
``tests/data/gold/regional_news_test.jsonl``: 150 texts of ten kinds of page other than a
provincial front page (county, court, securities, sports, science, agriculture and weather,
international, culture, transport, livelihood; 914 spans), written blind to the extractor by
a helper on 2026-12-04 and scored once: held out the same way; and
``tests/data/gold/other_papers_test.jsonl``: 120 texts of eight more kinds (education, energy,
real estate, retail, ecology, health, ethnic and border regions, overseas and diplomatic news;
594 spans), written blind by another helper the same day and scored once.

Speed: ``newsdesk annotate`` end to end on one core (a subprocess pinned with
taskset when available; includes start-up and model load) and in-process
extraction per text, beside raw ``jieba.lcut`` on the same texts in the same run;
the model's file size, load time and the memory it adds.

Run: ``python bench/bench_entities.py [--corpora DIR] [--quick]``
(corpora default: ../shared/corpora next to the repository, or $NEWSDESK_CORPORA).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.pipeline.entities import EntityExtractor  # noqa: E402
from desktop.pipeline.evaluate import score_spans  # noqa: E402
from desktop.pipeline.ner_data import ENTITY_LABELS, Example, read_examples, split_examples  # noqa: E402
from desktop.pipeline.tagger import default_model_path  # noqa: E402
from desktop.pipeline.tagger_training import corpus_labels, score_corpus  # noqa: E402

SEED_GOLD = ROOT / "tests" / "data" / "gold" / "seeds_gold.jsonl"
MODERN_GOLD = ROOT / "tests" / "data" / "gold" / "modern_news.jsonl"
MODERN_TEST = ROOT / "tests" / "data" / "gold" / "modern_news_test.jsonl"
REGIONAL_TEST = ROOT / "tests" / "data" / "gold" / "regional_news_test.jsonl"
OTHER_PAPERS_TEST = ROOT / "tests" / "data" / "gold" / "other_papers_test.jsonl"


def machine() -> str:
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def row(name: str, rep: dict) -> str:
    cells = " ".join(
        f"{lab} {rep['labels'][lab]['precision']:.3f}/{rep['labels'][lab]['recall']:.3f}/{rep['labels'][lab]['f1']:.3f}"
        if lab in rep["labels"] else f"{lab} -" for lab in ENTITY_LABELS
    )
    return f"  {name:<26} micro F1 {rep['micro']['f1']:.3f}   {cells}   (P/R/F1)"


def jieba_pos_scores(examples: list[Example]) -> dict:
    import jieba.posseg

    tag_label = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}
    gold, pred = [], []
    for ex in examples:
        spans, pos = [], 0
        for w in jieba.posseg.lcut(ex.text):
            if w.flag in tag_label:
                spans.append({"start": pos, "end": pos + len(w.word), "label": tag_label[w.flag]})
            pos += len(w.word)
        pred.append(spans)
        gold.append([{"start": s, "end": e, "label": lab} for s, e, lab in ex.spans if lab in ENTITY_LABELS])
    return score_spans(gold, pred)


def quality(corpora: list[Path], model: EntityExtractor, rules: EntityExtractor, quick: bool) -> None:
    parts: dict[str, list[Example]] = {"dev": [], "test": []}
    for path in corpora:
        split = split_examples(read_examples(path))
        for part in parts:
            exs = split[part][: 150 if quick else None]
            parts[part] += exs
            print(f"\n{path.name} [{part}]: {len(exs)} texts, {sum(len(e.text) for e in exs):,} characters")
            for name, ex, conv in (("model spec/spec", model, "spec"), ("model corpus/raw", model, "corpus")):
                ex.convention = conv
                print(row(name, score_corpus(ex, exs, ENTITY_LABELS, conv)))
            model.convention = "spec"
            print(row("model spec/raw", score_corpus(model, exs, ENTITY_LABELS, "corpus")))
            print(row("rules alone /raw", score_corpus(rules, exs, ENTITY_LABELS, "corpus")))
            print(row("rules alone /spec", score_corpus(rules, exs, ENTITY_LABELS, "spec")))
            print(row("jieba POS /raw", jieba_pos_scores(exs)))
    for part, exs in parts.items():
        print(f"\nALL CORPORA [{part}] pooled: {len(exs)} texts, {sum(len(e.text) for e in exs):,} characters")
        for name, ex, conv in (("model spec/spec", model, "spec"), ("model corpus/raw", model, "corpus")):
            ex.convention = conv
            print(row(name, score_corpus(ex, exs, ENTITY_LABELS, conv)))
        model.convention = "spec"
        print(row("model spec/raw", score_corpus(model, exs, ENTITY_LABELS, "corpus")))
        print(row("rules alone /raw", score_corpus(rules, exs, ENTITY_LABELS, "corpus")))
        print(row("jieba POS /raw", jieba_pos_scores(exs)))


def seed_gold(model: EntityExtractor, rules: EntityExtractor) -> None:
    examples = read_examples(SEED_GOLD)
    labels = corpus_labels(SEED_GOLD, examples)
    held = split_examples(examples)
    for name, exs in (("whole seed gold", examples), ("seed gold held-out (dev+test)", held["dev"] + held["test"])):
        print(f"\n{name}: {len(exs)} articles")
        for who, ex in (("model", model), ("rules alone", rules)):
            rep = score_corpus(ex, exs, labels, "corpus")  # the seed gold is in the spec convention already
            per = " ".join(f"{lab} {s['f1']:.3f}" for lab, s in rep["labels"].items())
            print(f"  {who:<12} micro F1 {rep['micro']['f1']:.3f}  {per}")


def modern_news(model: EntityExtractor, rules: EntityExtractor) -> None:
    for path, what in (
        (MODERN_GOLD, "modern news, development set"),
        (MODERN_TEST, "modern news, held-out test set"),
        (REGIONAL_TEST, "news of ten other kinds of paper, held-out test set"),
        (OTHER_PAPERS_TEST, "news of eight more kinds of paper, held-out test set"),
    ):
        examples = read_examples(path)
        labels = corpus_labels(path, examples)
        print(f"\n{what} (spec convention): {len(examples)} texts")
        for who, ex in (("model", model), ("rules alone", rules)):
            rep = score_corpus(ex, examples, labels, "corpus")  # the gold is in the spec convention already
            per = " ".join(f"{lab} {s['precision']:.3f}/{s['recall']:.3f}/{s['f1']:.3f}" for lab, s in rep["labels"].items())
            print(f"  {who:<12} micro F1 {rep['micro']['f1']:.3f}  P/R/F1 {per}")


_LOAD_PROBE = """
import json, resource, sys, time
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
import desktop.pipeline.entities as E
from desktop.pipeline.rules import RuleFinders, tokenize
t0 = time.perf_counter(); m0 = rss()
RuleFinders().warm_up(); tokenize('预热')
t1 = time.perf_counter(); m1 = rss()
from desktop.pipeline.tagger import CrfTagger, default_model_path
tagger = CrfTagger(default_model_path())
t2 = time.perf_counter(); m2 = rss()
ex = E.EntityExtractor(); ex.warm_up(); ex.extract('预热一下')
t3 = time.perf_counter(); m3 = rss()
print(json.dumps({'rules_s': t1 - t0, 'rules_mb': m1 - m0, 'model_s': t2 - t1, 'model_mb': m2 - m1,
                  'rest_s': t3 - t2, 'rest_mb': m3 - m2, 'total_mb': m3, 'size': tagger.size}))
"""


def speed(corpora: list[Path]) -> None:
    import json

    texts = [ex.text for p in corpora for ex in read_examples(p)]
    texts += [ln for ex in read_examples(SEED_GOLD) for ln in ex.text.split("\n") if ln]
    chars = sum(len(t) for t in texts)
    print(f"\nSpeed on {len(texts):,} texts, {chars:,} characters ({machine()}; load average "
          f"{os.getloadavg()[0]:.1f}: wall-clock figures suffer when the machine is shared, CPU time much less)")
    probe = subprocess.run([sys.executable, "-c", _LOAD_PROBE], capture_output=True, text=True, check=True, cwd=ROOT)
    load = json.loads(probe.stdout.strip().splitlines()[-1])
    print(f"  fresh process: rules' dictionaries and gazetteer {load['rules_s']:.2f} s / +{load['rules_mb']:.0f} MB; "
          f"model ({load['size'] / 1e6:.1f} MB file) {load['model_s']:.2f} s / +{load['model_mb']:.0f} MB; "
          f"first extraction {load['rest_s']:.2f} s; process total {load['total_mb']:.0f} MB RSS")
    import jieba

    jieba.lcut("预热")
    ex = EntityExtractor()
    ex.warm_up()
    best: dict[str, tuple[float, float]] = {}
    for _ in range(3):
        for name, run in (("jieba.lcut", lambda: [jieba.lcut(t) for t in texts]),
                          ("extract", lambda: [ex.extract(t) for t in texts])):
            w0, c0 = time.perf_counter(), time.process_time()
            run()
            wall, cpu = time.perf_counter() - w0, time.process_time() - c0
            old = best.get(name, (1e9, 1e9))
            best[name] = (min(old[0], wall), min(old[1], cpu))
    jw, jc = best["jieba.lcut"]
    ew, ec = best["extract"]
    print(f"  raw jieba.lcut: {chars / jw:,.0f} chars/s wall, {chars / jc:,.0f} chars/s CPU (best of 3)")
    print(f"  extract() in process: {chars / ew:,.0f} chars/s wall, {chars / ec:,.0f} chars/s CPU; "
          f"ratio to jieba.lcut {jw / ew:.2f} (wall), {jc / ec:.2f} (CPU)")

    with tempfile.TemporaryDirectory() as tmp:
        src, one = Path(tmp) / "in.txt", Path(tmp) / "one.txt"
        src.write_text("\n".join(texts) + "\n", encoding="utf-8")
        one.write_text("预热。\n", encoding="utf-8")
        exe = shutil.which("newsdesk", path=str(Path(sys.executable).parent)) or "newsdesk"

        def annotate(path: Path) -> tuple[float, float]:
            cmd = [exe, "annotate", str(path)]
            if shutil.which("taskset"):
                cmd = ["taskset", "-c", "0", *cmd]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            with open(Path(tmp) / "out.jsonl", "wb") as out:
                subprocess.run(cmd, stdout=out, check=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            return time.perf_counter() - t0, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)

        start_wall, start_cpu = annotate(one)
        wall, cpu = annotate(src)
        print(f"  newsdesk annotate end to end on one core (taskset; start-up and model load included): "
              f"{wall:.1f} s wall = {chars / wall:,.0f} chars/s, {cpu:.1f} s CPU = {chars / cpu:,.0f} chars/s; "
              f"ratio to jieba.lcut {jw / wall:.2f} (wall), {jc / cpu:.2f} (CPU)")
        print(f"  the same with the model loaded (a one-line run's {start_cpu:.1f} s CPU of start-up and load "
              f"taken off): {chars / (wall - start_wall):,.0f} chars/s wall, {chars / (cpu - start_cpu):,.0f} chars/s CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    near = [p / "shared" / "corpora" for p in (ROOT.parent, ROOT.parent.parent)]
    default = Path(os.environ.get("NEWSDESK_CORPORA") or next((p for p in near if p.is_dir()), near[0]))
    parser.add_argument("--corpora", type=Path, default=default)
    parser.add_argument("--quick", action="store_true", help="150 texts per corpus part")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--no-quality", action="store_true")
    args = parser.parse_args()
    corpora = sorted(args.corpora.glob("*.bio"))
    if not corpora:
        sys.exit(f"no *.bio corpus in {args.corpora} (give --corpora DIR)")
    print(f"machine: {machine()}; model: {default_model_path()}")
    model, rules = EntityExtractor(), EntityExtractor(model=None)
    if not args.no_quality:
        quality(corpora, model, rules, args.quick)
        seed_gold(model, rules)
        modern_news(model, rules)
    if not args.no_speed:
        speed(corpora)


if __name__ == "__main__":
    main()
