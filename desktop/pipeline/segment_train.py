"""Training and cross-validation of the line-role model (rebuild command of the shipped model).

Owns: ``training_items`` (development pages and their programmatic variants ->
CRFsuite training sequences), ``train`` (sequences -> a model file and its
``.json`` meta), ``cross_validate`` (leave-one-paper-out: every page group is
segmented by a model trained without it, and the whole set is scored as
``newsdesk eval`` scores it) and the command line::

    python -m desktop.pipeline.segment_train --cv            # CV figures only
    python -m desktop.pipeline.segment_train --out resources/models/segmenter.crfsuite

Pages come from ``tests/data/pages`` (gold ``*.jsonl``; the seed pages from
``seeds/``).  Gold line roles are read off the gold by
``desktop.pipeline.segment_gold``; variants (``desktop.pipeline.segment_variants``) are
made of training pages only, never of the page being scored.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycrfsuite

from desktop.pipeline.evaluate import _segmentation_summary, score_segmentation
from desktop.pipeline.evidence import PageEvidence
from desktop.pipeline.lines import split_lines
from desktop.pipeline.segment import segment_page
from desktop.pipeline.segment_features import CLASS_FEATURE, FEATURE_VERSION, class_group, page_features
from desktop.pipeline.segment_gold import DevPage, load_dev_pages
from desktop.pipeline.segment_model import RoleModel
from desktop.pipeline.segment_variants import variants

ROOT = Path(__file__).resolve().parents[2]
DEFAULTS: dict[str, Any] = {
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 150,
    "variants": 6,
    "seed": 13,
    "decoder": "joint",
    "move_weight": 1.0,
}


def training_items(pages: Sequence[DevPage], n_variants: int, seed: int) -> list[tuple[list[list[str]], list[str]]]:
    """``(features, roles)`` per page and per variant of it."""
    items: list[tuple[list[list[str]], list[str]]] = []
    for i, page in enumerate(pages):
        items.append((page_features(PageEvidence(page.lines)), list(page.roles)))
        for text, roles in variants(page.lines, page.roles, n_variants, seed * 1000 + i):
            lines = split_lines(text)
            if len(lines) != len(roles):  # an alteration merged or emptied a line: skip it
                continue
            items.append((page_features(PageEvidence(lines)), roles))
    return items


def train(
    items: Sequence[tuple[list[list[str]], list[str]]], out: str | Path, params: dict[str, Any], note: dict[str, Any] | None = None
) -> RoleModel:
    """Fit the CRF on ``items`` and write ``out`` (CRFsuite) and ``out.json`` (meta)."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for xseq, yseq in items:
        trainer.append(xseq, yseq)
    trainer.set_params(
        {
            "c1": params["c1"],
            "c2": params["c2"],
            "max_iterations": params["max_iterations"],
            "feature.possible_transitions": True,
        }
    )
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    allowed: dict[str, set[str]] = {}
    for xseq, yseq in items:
        for feats, role in zip(xseq, yseq):
            allowed.setdefault(class_group(feats[CLASS_FEATURE][2:]), set()).add(role)
    meta = {
        "feature_version": FEATURE_VERSION,
        "decoder": params["decoder"],
        "move_weight": params["move_weight"],
        "allowed": {c: sorted(r) for c, r in sorted(allowed.items())},
        "params": {k: params[k] for k in ("c1", "c2", "max_iterations", "variants", "seed")},
        "sequences": len(items),
        "lines": sum(len(y) for _, y in items),
        **(note or {}),
    }
    out.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return RoleModel(out)


def family(name: str) -> str:
    """Which set a page came from: the seeds, the team's pages, or the blind pages."""
    if name.startswith("blind"):
        return "blind"
    if name.startswith(("dev", "held")):
        return "team"
    return "seeds"


def score_pages(pages: Sequence[DevPage], segment: Any) -> dict[str, Any]:
    """Scores of ``segment(page)`` on each page, overall and per family."""
    per_page: dict[str, dict[str, Any]] = {}
    for page in pages:
        per_page[page.name] = score_segmentation(page.gold, segment(page))
    groups: dict[str, list[str]] = {"all": list(per_page)}
    for name in per_page:
        groups.setdefault(family(name), []).append(name)
    summary = {
        g: _segmentation_summary(
            [d for n in names for d in per_page[n]["articles"]], sum(per_page[n]["predicted"] for n in names)
        )
        for g, names in groups.items()
    }
    return {"pages": per_page, "summary": summary}


def cross_validate(
    pages: Sequence[DevPage], params: dict[str, Any], log: Any = None, results: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Leave-one-group-out: each group is segmented by a model trained on the others
    (``results``, when given, receives each page's ``PageResult``)."""
    groups = sorted({p.group for p in pages})
    segmented: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, group in enumerate(groups):
            train_pages = [p for p in pages if p.group != group]
            items = training_items(train_pages, params["variants"], params["seed"])
            model = train(items, Path(tmp) / f"fold{n}.crfsuite", params)
            for page in (p for p in pages if p.group == group):
                segmented[page.name] = segment_page(page.text, model=model)
            if log:
                print(f"  fold {n + 1}/{len(groups)} ({group}) done", file=log, flush=True)
    if results is not None:
        results.update(segmented)
    return score_pages(pages, lambda page: segmented[page.name])


def format_scores(scores: dict[str, Any], title: str) -> str:
    lines = [title, f"{'set':<28}{'found':>9}{'extra':>6}{'P':>6}{'R':>6}{'F1':>6}{'head':>6}{'authF1':>7}"]

    def row(name: str, s: dict[str, Any]) -> str:
        a = s["articles_prf"]
        return (
            f"{name:<28}{s['matched']:>4}/{s['gold']:<4}{s['extra']:>6}{a['precision']:>6.2f}{a['recall']:>6.2f}"
            f"{a['f1']:>6.2f}{s['headline_exact']:>6.2f}{s['authors_prf']['f1']:>7.2f}"
        )

    for name, s in scores["pages"].items():
        lines.append(row(name, s))
    for name, s in scores["summary"].items():
        lines.append(row(f"[{name}]", s))
    return "\n".join(lines)


def differences(pages: Sequence[DevPage], results: dict[str, Any]) -> str:
    """Articles missed or made up, and headline/author fields that differ, page by page."""
    from desktop.pipeline.evaluate import match_articles, normalize_title

    out: list[str] = []
    for page in pages:
        arts = results[page.name].articles
        matches = match_articles(page.gold, arts)
        used = {pi for pi, _ in matches if pi is not None}
        for g, (pi, _) in zip(page.gold, matches):
            if pi is None:
                out.append(f"{page.name}: missed #{g['position']} {g['title'] or '(no title)'}")
                continue
            a = arts[pi]
            for key in ("kicker", "title", "subtitle"):
                if normalize_title(g[key]) != normalize_title(getattr(a, key)):
                    out.append(f"{page.name}: {key} {g[key]!r} -> {getattr(a, key)!r}")
            gold_authors = sorted((x["name"], x["role"]) for x in g["authors"])
            got = sorted((x.name, x.role) for x in a.authors)
            if gold_authors != got:
                out.append(f"{page.name}: authors {gold_authors} -> {got}")
        for pi, a in enumerate(arts):
            if pi not in used:
                out.append(f"{page.name}: extra {a.title or a.body[:20]!r}")
    return "\n".join(out)


def data_digest(pages: Sequence[DevPage]) -> str:
    h = hashlib.sha256()
    for p in sorted(pages, key=lambda p: p.name):
        h.update(p.name.encode())
        h.update(p.text.encode())
        h.update("\x1f".join(p.roles).encode())
    return h.hexdigest()[:16]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train / cross-validate the line-role model of the segmenter.")
    parser.add_argument("--pages", type=Path, default=ROOT / "tests" / "data" / "pages")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--out", type=Path, help="write the model trained on all pages here")
    parser.add_argument("--cv", action="store_true", help="leave-one-paper-out cross-validation")
    parser.add_argument("--rules", action="store_true", help="score the hand-set scorer (no model) instead")
    for key in ("c1", "c2", "move_weight"):
        parser.add_argument(f"--{key.replace('_', '-')}", type=float, default=DEFAULTS[key])
    for key in ("max_iterations", "variants", "seed"):
        parser.add_argument(f"--{key.replace('_', '-')}", type=int, default=DEFAULTS[key])
    parser.add_argument("--decoder", choices=("joint", "crf"), default=DEFAULTS["decoder"])
    parser.add_argument("--json", type=Path, help="write the scores as JSON here")
    parser.add_argument("--details", action="store_true", help="list the CV differences from the gold")
    args = parser.parse_args(argv)
    params = {k: getattr(args, k) for k in DEFAULTS}
    pages = load_dev_pages(args.pages, args.seeds)
    print(f"{len(pages)} pages, {len({p.group for p in pages})} groups, {sum(len(p.lines) for p in pages)} lines")
    report: dict[str, Any] = {"params": params}
    if args.rules:
        scores = score_pages(pages, lambda page: segment_page(page.text, model=None))
        print(format_scores(scores, "hand-set scorer (no model)"))
        report["rules"] = scores["summary"]
    if args.cv:
        started = time.perf_counter()
        results: dict[str, Any] = {}
        scores = cross_validate(pages, params, sys.stderr, results)
        if args.details:
            print(differences(pages, results))
        print(format_scores(scores, f"leave-one-paper-out CV ({time.perf_counter() - started:.0f} s)"))
        report["cv"] = {"summary": scores["summary"], "pages": {n: _brief(s) for n, s in scores["pages"].items()}}
    if args.out:
        started = time.perf_counter()
        items = training_items(pages, params["variants"], params["seed"])
        note = {"pages": len(pages), "data_sha256_16": data_digest(pages)}
        if "cv" in report:
            note["cv"] = {g: _brief(s) for g, s in report["cv"]["summary"].items()}
        model = train(items, args.out, params, note)
        print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes, {time.perf_counter() - started:.0f} s)")
        scores = score_pages(pages, lambda page: segment_page(page.text, model=model))
        print(format_scores(scores, "trained on all pages, scored on them (resubstitution)"))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0


def _brief(s: dict[str, Any]) -> dict[str, Any]:
    return {
        "found": s["matched"],
        "gold": s["gold"],
        "predicted": s["predicted"],
        "articles_p": round(s["articles_prf"]["precision"], 3),
        "articles_r": round(s["articles_prf"]["recall"], 3),
        "articles_f1": round(s["articles_prf"]["f1"], 3),
        "headline_exact": round(s["headline_exact"], 3),
        "authors_f1": round(s["authors_prf"]["f1"], 3),
    }


if __name__ == "__main__":
    raise SystemExit(main())
