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

and the seed gold file (every label), whole and its held-out part only.

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


def speed(corpora: list[Path]) -> None:
    texts = [ex.text for p in corpora for ex in read_examples(p)]
    texts += [ln for ex in read_examples(SEED_GOLD) for ln in ex.text.split("\n") if ln]
    chars = sum(len(t) for t in texts)
    print(f"\nSpeed on {len(texts):,} texts, {chars:,} characters ({machine()})")
    import jieba

    jieba.lcut("预热")
    t0 = time.perf_counter()
    for t in texts:
        jieba.lcut(t)
    jieba_rate = chars / (time.perf_counter() - t0)
    print(f"  raw jieba.lcut: {jieba_rate:,.0f} chars/s")

    before = rss_mb()
    t0 = time.perf_counter()
    ex = EntityExtractor()
    ex.warm_up()
    load = time.perf_counter() - t0
    after_all = rss_mb()
    tagger = ex.tagger
    print(f"  extractor warm-up (jieba, gazetteer, word lists, model): {load:.2f} s, +{after_all - before:.0f} MB RSS")
    if tagger is not None:
        from desktop.pipeline.tagger import CrfTagger

        t0 = time.perf_counter()
        m0 = rss_mb()
        again = CrfTagger(tagger.path)
        print(f"  model alone: {tagger.path.name} {tagger.path.stat().st_size / 1e6:.1f} MB on disk, "
              f"load {time.perf_counter() - t0:.2f} s, +{rss_mb() - m0:.0f} MB RSS")
        del again
    t0 = time.perf_counter()
    for t in texts:
        ex.extract(t)
    rate = chars / (time.perf_counter() - t0)
    print(f"  extract() in process: {rate:,.0f} chars/s, ratio to jieba.lcut {rate / jieba_rate:.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.txt"
        src.write_text("\n".join(texts) + "\n", encoding="utf-8")
        exe = shutil.which("newsdesk", path=str(Path(sys.executable).parent)) or "newsdesk"
        cmd = [exe, "annotate", str(src)]
        if shutil.which("taskset"):
            cmd = ["taskset", "-c", "0", *cmd]
        t0 = time.perf_counter()
        with open(Path(tmp) / "out.jsonl", "wb") as out:
            subprocess.run(cmd, stdout=out, check=True)
        wall = time.perf_counter() - t0
        rate = chars / wall
        print(f"  newsdesk annotate end to end, one core ({' '.join(cmd[:3])} ...): {wall:.1f} s, {rate:,.0f} chars/s, "
              f"ratio to jieba.lcut {rate / jieba_rate:.2f}")


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
    if not args.no_speed:
        speed(corpora)


if __name__ == "__main__":
    main()
