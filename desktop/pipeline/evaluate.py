"""Scoring of pipeline output against a hand-made gold standard.

Owns: loading the gold JSONL (``load_gold``), entity-span scoring with exact
(start, end, label) matching (``score_spans``), article segmentation scoring for
one page (``score_segmentation``), the whole-run driver (``evaluate``) and the
plain-text report (``format_report``).

Pure: no Qt, no SQL, and no dependency on the segmenter or the extractor.  The
implementations are passed in as callables:

* ``segment_page(text) -> PageResult`` (or any object/dict with ``articles``);
* ``extract_spans(body) -> list`` of ``Span`` objects or dicts with
  ``start``/``end``/``label`` (``text`` optional).

Entity quality is measured by running ``extract_spans`` on each *gold* body, so
that segmentation errors do not leak into entity scores.

Conventions
-----------
* precision = tp / (tp + fp), recall = tp / (tp + fn), f1 their harmonic mean;
  each is 0.0 when its denominator is 0.
* ``macro`` averages over the labels that occur in the gold or the predictions.
* Titles, kickers and subtitles are compared with whitespace and ``#`` removed
  (OCR spacing in CJK headlines carries no meaning).
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop.pipeline.model import LABELS

SpanKey = tuple[int, int, str]

BODY_MATCH_THRESHOLD = 0.5
CONTEXT_CHARS = 12


# --------------------------------------------------------------------------- loading


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file: one article record per non-empty line."""
    records: list[dict[str, Any]] = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: invalid JSON: {exc}") from exc
    return records


# --------------------------------------------------------------------------- helpers


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _span_dict(span: Any, body: str | None = None) -> dict[str, Any]:
    start = int(_get(span, "start"))
    end = int(_get(span, "end"))
    text = _get(span, "text")
    if text is None and body is not None:
        text = body[start:end]
    return {"start": start, "end": end, "label": str(_get(span, "label")), "text": text or ""}


def _span_key(span: Any) -> SpanKey:
    return (int(_get(span, "start")), int(_get(span, "end")), str(_get(span, "label")))


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def normalize_title(text: str | None) -> str:
    """Title form used for matching: NFKC, no whitespace, no ``#``."""
    text = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"[\s#]+", "", text)


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"\s+", "", text)
    if len(text) < 2:
        return {text} if text else set()
    return {text[i:i + 2] for i in range(len(text) - 1)}


def body_jaccard(a: str, b: str) -> float:
    """Jaccard similarity of the character-bigram sets of two bodies."""
    ga, gb = _bigrams(a), _bigrams(b)
    if not ga and not gb:
        return 0.0
    return len(ga & gb) / len(ga | gb)


def body_similarity(a: str, b: str) -> float:
    """difflib ratio of two bodies (1.0 = identical)."""
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _author_set(authors: Iterable[Any] | None) -> set[tuple[str, str]]:
    return {(str(_get(a, "name", "")), str(_get(a, "role", ""))) for a in authors or []}


def _articles_of(predicted: Any) -> list[Any]:
    if predicted is None:
        return []
    if isinstance(predicted, (list, tuple)):
        return list(predicted)
    return list(_get(predicted, "articles", []) or [])


# --------------------------------------------------------------------------- spans


def score_spans(
    gold: Sequence[Sequence[Any]], predicted: Sequence[Sequence[Any]]
) -> dict[str, Any]:
    """Score predicted spans against gold spans, document by document.

    ``gold[i]`` and ``predicted[i]`` are the spans of the same document.  A
    prediction is a true positive only if (start, end, label) equals a gold span;
    a boundary error therefore counts as one fp and one fn.
    Returns ``{"labels": {label: {tp, fp, fn, precision, recall, f1}}, "micro": {...},
    "macro": {precision, recall, f1}}``.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold documents but {len(predicted)} predicted")
    counts: dict[str, Counter[str]] = {}
    for gold_spans, pred_spans in zip(gold, predicted):
        g = Counter(_span_key(s) for s in gold_spans)
        p = Counter(_span_key(s) for s in pred_spans)
        tp = g & p
        for key, n in tp.items():
            counts.setdefault(key[2], Counter())["tp"] += n
        for key, n in (p - tp).items():
            counts.setdefault(key[2], Counter())["fp"] += n
        for key, n in (g - tp).items():
            counts.setdefault(key[2], Counter())["fn"] += n
    order = [lab for lab in LABELS if lab in counts] + sorted(set(counts) - set(LABELS))
    labels = {lab: _prf(counts[lab]["tp"], counts[lab]["fp"], counts[lab]["fn"]) for lab in order}
    micro = _prf(
        sum(c["tp"] for c in counts.values()),
        sum(c["fp"] for c in counts.values()),
        sum(c["fn"] for c in counts.values()),
    )
    n = len(labels)
    macro = {
        key: (sum(float(s[key]) for s in labels.values()) / n if n else 0.0)
        for key in ("precision", "recall", "f1")
    }
    return {"labels": labels, "micro": micro, "macro": macro}


def span_errors(
    body: str, gold_spans: Sequence[Any], pred_spans: Sequence[Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """False positives and false negatives of one document, with context."""
    gold_keys = Counter(_span_key(s) for s in gold_spans)
    pred_keys = Counter(_span_key(s) for s in pred_spans)

    def listed(spans: Sequence[Any], missing: Counter[SpanKey]) -> list[dict[str, Any]]:
        out = []
        remaining = Counter(missing)
        for s in spans:
            key = _span_key(s)
            if remaining[key] <= 0:
                continue
            remaining[key] -= 1
            d = _span_dict(s, body)
            d["context"] = (
                body[max(0, d["start"] - CONTEXT_CHARS):d["start"]]
                + "["
                + body[d["start"]:d["end"]]
                + "]"
                + body[d["end"]:d["end"] + CONTEXT_CHARS]
            ).replace("\n", " / ")
            out.append(d)
        return out

    false_pos = listed(pred_spans, pred_keys - gold_keys)
    false_neg = listed(gold_spans, gold_keys - pred_keys)
    return false_pos, false_neg


# --------------------------------------------------------------------------- segmentation


def match_articles(
    gold_articles: Sequence[Mapping[str, Any]], predicted_articles: Sequence[Any]
) -> list[tuple[int | None, str]]:
    """One-to-one matching of gold to predicted articles, by body overlap.

    A gold article is found when an unmatched predicted article's body has a
    character-bigram Jaccard of at least ``BODY_MATCH_THRESHOLD`` with its body.
    Pairs whose normalised titles are also equal are taken first (``"title"``);
    the rest are matched by decreasing overlap (``"body"``), so an article with a
    wrong headline is still found, and a headline kept over a fraction of its
    body is not.  Returns, per gold article, ``(predicted index or None, how)``.
    """
    used: set[int] = set()
    result: list[tuple[int | None, str]] = [(None, "")] * len(gold_articles)
    pred_titles = [normalize_title(_get(p, "title", "")) for p in predicted_articles]
    pred_bodies = [_get(p, "body", "") or "" for p in predicted_articles]
    scores = [[body_jaccard(g.get("body", ""), b) for b in pred_bodies] for g in gold_articles]
    for gi, g in enumerate(gold_articles):
        title = normalize_title(g.get("title", ""))
        if not title:
            continue
        for pi, pt in enumerate(pred_titles):
            if pi not in used and pt == title and scores[gi][pi] >= BODY_MATCH_THRESHOLD:
                used.add(pi)
                result[gi] = (pi, "title")
                break
    pairs = sorted(
        ((scores[gi][pi], gi, pi) for gi in range(len(gold_articles)) for pi in range(len(pred_bodies))),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for score, gi, pi in pairs:
        if score < BODY_MATCH_THRESHOLD:
            break
        if result[gi][0] is None and pi not in used:
            used.add(pi)
            result[gi] = (pi, "body")
    return result


def score_segmentation(gold_articles: Sequence[Mapping[str, Any]], predicted: Any) -> dict[str, Any]:
    """Compare the articles the segmenter made of one page with the gold articles.

    ``predicted`` is a ``PageResult`` (or anything with ``articles``, or a list of
    articles).  Field rates are computed over the matched articles.
    """
    pred_articles = _articles_of(predicted)
    matches = match_articles(gold_articles, pred_articles)
    details: list[dict[str, Any]] = []
    for g, (pi, how) in zip(gold_articles, matches):
        row: dict[str, Any] = {
            "page": g.get("page", ""),
            "position": g.get("position"),
            "title": g.get("title", ""),
            "matched": pi,
            "match_by": how,
        }
        if pi is not None:
            p = pred_articles[pi]
            row.update(
                {
                    "title_ok": normalize_title(g.get("title")) == normalize_title(_get(p, "title")),
                    "kicker_ok": normalize_title(g.get("kicker")) == normalize_title(_get(p, "kicker")),
                    "subtitle_ok": normalize_title(g.get("subtitle"))
                    == normalize_title(_get(p, "subtitle")),
                    "authors_ok": _author_set(g.get("authors")) == _author_set(_get(p, "authors")),
                    "headline_ok": all(
                        normalize_title(g.get(k)) == normalize_title(_get(p, k)) for k in ("kicker", "title", "subtitle")
                    ),
                    "authors_tp": len(_author_set(g.get("authors")) & _author_set(_get(p, "authors"))),
                    "authors_gold": len(_author_set(g.get("authors"))),
                    "authors_pred": len(_author_set(_get(p, "authors"))),
                    "flags_ok": set(g.get("flags", [])) == set(_get(p, "flags", []) or []),
                    "body_similarity": body_similarity(g.get("body", ""), _get(p, "body", "") or ""),
                }
            )
        details.append(row)
    return _segmentation_summary(details, len(pred_articles))


def _segmentation_summary(details: list[dict[str, Any]], n_predicted: int) -> dict[str, Any]:
    """Rates over one page or a whole run.

    ``articles`` precision/recall/F1 count found articles (matched by body overlap);
    ``headline_exact`` is the share of found articles whose kicker, title and subtitle
    are all right; ``authors`` P/R/F1 count (name, role) pairs over found articles.
    """
    matched = [d for d in details if d["matched"] is not None]
    n_gold, n_matched = len(details), len(matched)

    def rate(key: str) -> float:
        return sum(1 for d in matched if d[key]) / n_matched if n_matched else 0.0

    articles = _prf(n_matched, n_predicted - n_matched, n_gold - n_matched)
    a_tp = sum(d["authors_tp"] for d in matched)
    authors = _prf(
        a_tp, sum(d["authors_pred"] for d in matched) - a_tp, sum(d["authors_gold"] for d in matched) - a_tp
    )
    if not sum(d["authors_gold"] + d["authors_pred"] for d in matched):
        authors.update(precision=1.0, recall=1.0, f1=1.0)  # nothing to find and nothing found
    return {
        "gold": n_gold,
        "predicted": n_predicted,
        "matched": n_matched,
        "found_rate": n_matched / n_gold if n_gold else 0.0,
        "extra": n_predicted - n_matched,
        "articles_prf": articles,
        "title_exact": rate("title_ok"),
        "kicker_exact": rate("kicker_ok"),
        "subtitle_exact": rate("subtitle_ok"),
        "headline_exact": rate("headline_ok"),
        "authors_exact": rate("authors_ok"),
        "authors_prf": authors,
        "flags_exact": rate("flags_ok"),
        "body_similarity": (
            sum(d["body_similarity"] for d in matched) / n_matched if n_matched else 0.0
        ),
        "articles": details,
    }


# --------------------------------------------------------------------------- driver


def _load_gold_path(path: Path) -> tuple[list[dict[str, Any]], dict[str, list[Path]]]:
    """Gold records of a file or of every ``*.jsonl`` in a folder, and where each page may be."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise ValueError(f"{path}: no gold files (*.jsonl)")
    gold: list[dict[str, Any]] = []
    page_dirs: dict[str, list[Path]] = {}
    for file in files:
        for rec in load_gold(file):
            gold.append(rec)
            dirs = page_dirs.setdefault(rec["page"], [])
            for folder in (file.parent, file.resolve().parent):
                if folder not in dirs:
                    dirs.append(folder)
    return gold, page_dirs


def _page_file(page: str, folders: Sequence[Path]) -> Path:
    for folder in folders:
        if (folder / page).is_file():
            return folder / page
    raise FileNotFoundError(f"page {page!r} not found in {', '.join(map(str, folders))}")


def evaluate(
    gold_path: str | Path,
    segment_page: Callable[[str], Any] | None,
    extract_spans: Callable[[str], Iterable[Any]] | None,
    seeds_dir: str | Path,
) -> dict[str, Any]:
    """Run the given implementations on the gold pages and score them.

    ``gold_path`` is a gold JSONL file or a folder of them (``*.jsonl``, read in
    name order).  Segmentation: ``segment_page`` is run on each page file named in
    the gold, looked up beside the gold file first and then in ``seeds_dir`` (line
    ends normalised to ``\\n``).  Entities: ``extract_spans`` is run on each gold
    body that has ``spans`` (gold written for segmentation only has none).
    Either callable may be ``None`` to skip that part.
    """
    gold, page_dirs = _load_gold_path(Path(gold_path))
    pages: dict[str, list[dict[str, Any]]] = {}
    for rec in gold:
        pages.setdefault(rec["page"], []).append(rec)

    report: dict[str, Any] = {"gold_path": str(gold_path), "articles": len(gold), "pages": list(pages)}

    if segment_page is not None:
        per_page: dict[str, dict[str, Any]] = {}
        all_details: list[dict[str, Any]] = []
        n_predicted = 0
        for page, records in pages.items():
            raw = _page_file(page, [*page_dirs.get(page, []), Path(seeds_dir)]).read_text(encoding="utf-8")
            text = raw.replace("\r\n", "\n").replace("\r", "\n")
            score = score_segmentation(records, segment_page(text))
            per_page[page] = score
            all_details.extend(score["articles"])
            n_predicted += score["predicted"]
        overall = _segmentation_summary(all_details, n_predicted)
        report["segmentation"] = {"pages": per_page, "overall": overall}

    if extract_spans is not None:
        gold_docs: list[list[dict[str, Any]]] = []
        pred_docs: list[list[dict[str, Any]]] = []
        false_pos: list[dict[str, Any]] = []
        false_neg: list[dict[str, Any]] = []
        for rec in (r for r in gold if "spans" in r):
            body = rec.get("body", "")
            g = list(rec.get("spans", []))
            p = [_span_dict(s, body) for s in extract_spans(body)]
            gold_docs.append(g)
            pred_docs.append(p)
            fps, fns = span_errors(body, g, p)
            where = {"page": rec["page"], "position": rec.get("position")}
            false_pos.extend({**where, **e} for e in fps)
            false_neg.extend({**where, **e} for e in fns)
        report["entities"] = score_spans(gold_docs, pred_docs)
        report["errors"] = {"false_positives": false_pos, "false_negatives": false_neg}
    return report


# --------------------------------------------------------------------------- report


def format_report(report: Mapping[str, Any], max_errors: int = 20) -> str:
    """A readable text table of an ``evaluate`` report."""
    lines = [f"Gold: {report.get('gold_path', '?')} ({report.get('articles', 0)} articles)"]
    ents = report.get("entities")
    if ents is not None:
        lines += ["", "Entities (exact start/end/label, on gold bodies)"]
        lines.append(f"{'label':<8}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
        rows = list(ents["labels"].items()) + [("micro", ents["micro"])]
        for label, s in rows:
            lines.append(
                f"{label:<8}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
                f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}"
            )
        m = ents["macro"]
        lines.append(f"{'macro':<8}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}")
        lines.append(f"micro-F1 {ents['micro']['f1']:.3f}")
    seg = report.get("segmentation")
    if seg is not None:
        lines += ["", "Segmentation (articles matched by body overlap)"]
        width = max([28] + [len(p) + 2 for p in seg["pages"]])
        header = (
            f"{'page':<{width}}{'found':>9}{'extra':>6}{'P':>6}{'R':>6}{'F1':>6}{'head':>6}{'title':>6}"
            f"{'kick':>6}{'sub':>6}{'authF1':>7}{'flags':>6}{'body':>7}"
        )
        lines.append(header)
        rows = list(seg["pages"].items()) + [("overall", seg["overall"])]
        for page, s in rows:
            art = s.get("articles_prf") or _prf(s["matched"], s["extra"], s["gold"] - s["matched"])
            auth = s.get("authors_prf", {}).get("f1", s["authors_exact"])
            lines.append(
                f"{page:<{width}}{s['matched']:>4}/{s['gold']:<4}{s['extra']:>6}{art['precision']:>6.2f}"
                f"{art['recall']:>6.2f}{art['f1']:>6.2f}{s.get('headline_exact', 0.0):>6.2f}{s['title_exact']:>6.2f}"
                f"{s['kicker_exact']:>6.2f}{s['subtitle_exact']:>6.2f}{auth:>7.2f}"
                f"{s['flags_exact']:>6.2f}{s['body_similarity']:>7.3f}"
            )
        missed = [d for d in seg["overall"]["articles"] if d["matched"] is None]
        for d in missed:
            lines.append(f"  not found: {d['page']} #{d['position']} {d['title'] or '(no title)'}")
    errors = report.get("errors")
    if errors:
        for kind, title in (("false_negatives", "Missed (fn)"), ("false_positives", "Spurious (fp)")):
            items = errors.get(kind, [])
            if not items:
                continue
            lines += ["", f"{title}: {len(items)} (first {min(len(items), max_errors)})"]
            for e in items[:max_errors]:
                lines.append(f"  {e['label']:<8}{e['text']}  ..{e['context']}..")
    return "\n".join(lines)
