"""Inter-annotator agreement of the editors' versions (pure: numbers from versions, no SQL, no Qt).

Owns: ``agreement`` (the report from ``store.agreement_items()``), ``cohen_kappa`` and
``fleiss_kappa`` (checked against scikit-learn's ``cohen_kappa_score`` and statsmodels'
``fleiss_kappa`` in the tests), and ``format_agreement`` / ``report_dict`` (text and JSON).

What is measured, on the articles two or more editors did (their versions as merged):

* span F1, exact match: a span agrees when another editor has one with the same start,
  end and label.  For a pair, F1 = 2·shared / (spans of A + spans of B), per label and
  micro (all labels); "overall" pools every pair.
* Cohen's kappa at the character level for each pair: every character of a shared article
  is labelled with the label of the span covering it, or O; kappa over those labels
  (overall) and, per label, over "in a span of this label or not".
* Fleiss' kappa, the same characters, for more than two editors: over the articles that
  every editor did.
* per pair the number of articles shared, and the articles with the most disagreement
  (spans not in every version).

An article whose body differs between two editors (one edited the text) cannot be compared
character by character; such pairs are counted in ``body_differs`` and left out.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from desktop.pipeline.model import LABELS

Span = tuple[int, int, str]
Item = tuple[int, str, dict[str, tuple[str, list[Span]]]]


# --- the statistics ------------------------------------------------------------------------
def cohen_kappa(a: Sequence[Any], b: Sequence[Any]) -> float:
    """Cohen's kappa of two raters' labels of the same items."""
    cats = {c: i for i, c in enumerate(sorted(set(a) | set(b), key=str))}
    k = len(cats)
    ia = np.fromiter((cats[x] for x in a), dtype=np.int64, count=len(a))
    ib = np.fromiter((cats[x] for x in b), dtype=np.int64, count=len(b))
    return _kappa_from_confusion(np.bincount(ia * k + ib, minlength=k * k).reshape(k, k))


def _kappa_from_confusion(m: np.ndarray) -> float:
    n = m.sum()
    if n == 0:
        return float("nan")
    po = np.trace(m) / n
    pe = float((m.sum(axis=0) * m.sum(axis=1)).sum()) / (n * n)
    if pe >= 1.0:  # one category only (neither used the label): kappa is undefined
        return float("nan")
    return float((po - pe) / (1.0 - pe))


def fleiss_kappa(table: np.ndarray) -> float:
    """Fleiss' kappa of an items x categories table of counts (every item rated by the same number)."""
    table = np.asarray(table, dtype=np.float64)
    acc = _FleissAcc(table.shape[1])
    acc.add(table)
    return acc.kappa()


class _FleissAcc:
    """Fleiss' kappa accumulated over batches of items (the characters of one article at a time)."""

    def __init__(self, k: int) -> None:
        self.items = 0
        self.raters = 0
        self.sum_sq = 0.0
        self.totals = np.zeros(k, dtype=np.float64)

    def add(self, table: np.ndarray) -> None:
        if not len(table):
            return
        self.raters = int(table[0].sum())
        self.items += len(table)
        self.sum_sq += float((table.astype(np.float64) ** 2).sum())
        self.totals += table.sum(axis=0)

    def kappa(self) -> float:
        n, r = self.items, self.raters
        if n == 0 or r < 2:
            return float("nan")
        p_bar = (self.sum_sq - n * r) / (n * r * (r - 1))
        p = self.totals / (n * r)
        pe = float((p**2).sum())
        if pe >= 1.0:  # one category only: undefined
            return float("nan")
        return float((p_bar - pe) / (1.0 - pe))


# --- the report ------------------------------------------------------------------------------
_CODES = {label: i + 1 for i, label in enumerate(LABELS)}  # 0 = O


def _codes(length: int, spans: Iterable[Span], codes: dict[str, int]) -> np.ndarray:
    out = np.zeros(length, dtype=np.int64)
    for start, end, label in spans:
        if label not in codes:
            codes[label] = len(codes) + 1
        out[max(0, start) : max(0, min(end, length))] = codes[label]
    return out


@dataclass
class PairFigures:
    a: str
    b: str
    articles: int = 0
    body_differs: int = 0
    counts: dict[str, list[int]] = field(default_factory=dict)  # label -> [shared, spans of a, spans of b]
    confusion: np.ndarray | None = None

    def f1(self, label: str | None = None) -> float | None:
        rows = [self.counts[label]] if label else list(self.counts.values())
        shared, na, nb = (sum(r[i] for r in rows) for i in range(3)) if rows else (0, 0, 0)
        return None if na + nb == 0 else 2 * shared / (na + nb)

    def kappa(self, code: int | None = None) -> float | None:
        m = self.confusion
        if m is None or m.sum() == 0:
            return None
        if code is not None:  # this label or not
            if code >= len(m):
                return None
            yes = np.zeros(len(m), dtype=bool)
            yes[code] = True
            m = np.array([[m[~yes][:, ~yes].sum(), m[~yes][:, yes].sum()], [m[yes][:, ~yes].sum(), m[yes][:, yes].sum()]])
        value = _kappa_from_confusion(m)
        return None if np.isnan(value) else value


@dataclass
class AgreementReport:
    editors: list[str]
    labels: list[str]
    pairs: list[PairFigures]
    fleiss: dict[str, float | None]  # "overall" and per label; empty with fewer than three editors
    fleiss_articles: int
    disagreements: list[tuple[int, str, int, list[str]]]  # (id, title, spans not in every version, editors)
    articles: int  # articles two or more editors did
    codes: dict[str, int] = field(default_factory=dict)  # label -> its code in the confusion matrices (0 = O)

    def overall_kappa(self, label: str | None = None) -> float | None:
        """Fleiss' kappa with three or more editors; with two, the pair's Cohen's kappa."""
        if self.fleiss:
            return self.fleiss.get(label or "overall")
        if len(self.pairs) == 1:
            return self.pairs[0].kappa(self.codes[label] if label else None)
        return None

    def overall_f1(self, label: str | None = None) -> float | None:
        rows = [p.counts[label] for p in self.pairs if label in p.counts] if label else [
            r for p in self.pairs for r in p.counts.values()]
        na_nb = sum(r[1] + r[2] for r in rows)
        return None if na_nb == 0 else 2 * sum(r[0] for r in rows) / na_nb


def agreement(items: Iterable[Item], top: int = 10) -> AgreementReport:
    codes = dict(_CODES)
    pairs: dict[tuple[str, str], PairFigures] = {}
    editors: set[str] = set()
    per_article: list[tuple[int, str, dict[str, tuple[str, list[Span]]]]] = []
    for aid, title, versions in items:
        per_article.append((aid, title, versions))
        editors |= set(versions)
    all_editors = sorted(editors)
    fleiss_acc: _FleissAcc | None = None
    fleiss_tables: list[np.ndarray] = []
    fleiss_articles = 0
    disagreements = []
    seen_labels: set[str] = set()
    for aid, title, versions in per_article:
        names = sorted(versions)
        for a, b in itertools.combinations(names, 2):
            pair = pairs.setdefault((a, b), PairFigures(a, b))
            (body_a, spans_a), (body_b, spans_b) = versions[a], versions[b]
            if body_a != body_b:
                pair.body_differs += 1
                continue
            pair.articles += 1
            sa, sb = set(spans_a), set(spans_b)
            for label in {s[2] for s in sa | sb}:
                seen_labels.add(label)
                c = pair.counts.setdefault(label, [0, 0, 0])
                c[0] += sum(1 for s in sa & sb if s[2] == label)
                c[1] += sum(1 for s in sa if s[2] == label)
                c[2] += sum(1 for s in sb if s[2] == label)
            ca, cb = _codes(len(body_a), spans_a, codes), _codes(len(body_b), spans_b, codes)
            k = len(codes) + 1
            m = np.bincount(ca * k + cb, minlength=k * k).reshape(k, k)
            pair.confusion = m if pair.confusion is None else _grow(pair.confusion, k) + m
        bodies = {versions[n][0] for n in names}
        span_sets = [set(versions[n][1]) for n in names]
        if len(bodies) == 1 and len(names) > 1:
            differing = len(span_sets[0].union(*span_sets[1:]) - span_sets[0].intersection(*span_sets[1:]))
            if differing:
                disagreements.append((aid, title, differing, names))
        if len(all_editors) > 2 and names == all_editors and len(bodies) == 1:
            fleiss_articles += 1
            body = next(iter(bodies))
            rows = np.stack([_codes(len(body), versions[n][1], codes) for n in names], axis=1).astype(np.int16)
            fleiss_tables.append(rows)
    fleiss: dict[str, float | None] = {}
    if fleiss_tables:
        k = len(codes) + 1
        fleiss_acc = _FleissAcc(k)
        per_label = {label: _FleissAcc(2) for label in seen_labels}
        for rows in fleiss_tables:
            table = np.zeros((len(rows), k), dtype=np.int64)
            for col in range(rows.shape[1]):
                table[np.arange(len(rows)), rows[:, col]] += 1
            fleiss_acc.add(table)
            r = rows.shape[1]
            for label, acc in per_label.items():
                yes = table[:, codes[label]]
                acc.add(np.stack([r - yes, yes], axis=1))
        fleiss["overall"] = _clean(fleiss_acc.kappa())
        for label, acc in per_label.items():
            fleiss[label] = _clean(acc.kappa())
    disagreements.sort(key=lambda d: (-d[2], d[0]))
    for p in pairs.values():
        if p.confusion is not None and len(p.confusion) < len(codes) + 1:
            p.confusion = _grow(p.confusion, len(codes) + 1)
    labels = [lb for lb in LABELS if lb in seen_labels] + sorted(seen_labels - set(LABELS))
    return AgreementReport(all_editors, labels, [pairs[k] for k in sorted(pairs)], fleiss, fleiss_articles,
                           disagreements[:top], len(per_article), codes)


def _grow(m: np.ndarray, k: int) -> np.ndarray:
    if len(m) >= k:
        return m
    out = np.zeros((k, k), dtype=m.dtype)
    out[: len(m), : len(m)] = m
    return out


def _clean(value: float) -> float | None:
    return None if np.isnan(value) else value


def report_dict(report: AgreementReport) -> dict[str, Any]:
    codes = report.codes

    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 4)

    return {
        "editors": report.editors,
        "articles": report.articles,
        "labels": report.labels,
        "overall": {
            "f1": {"micro": r(report.overall_f1()), **{lb: r(report.overall_f1(lb)) for lb in report.labels}},
            "kappa": {"overall": r(report.overall_kappa()), **{lb: r(report.overall_kappa(lb)) for lb in report.labels}},
            "kappa_kind": "fleiss" if report.fleiss else ("cohen" if len(report.pairs) == 1 else None),
            "fleiss_articles": report.fleiss_articles,
        },
        "pairs": [
            {
                "editors": [p.a, p.b], "articles": p.articles, "body_differs": p.body_differs,
                "f1": {"micro": r(p.f1()), **{lb: r(p.f1(lb)) for lb in report.labels if lb in p.counts}},
                "cohen_kappa": {"overall": r(p.kappa()), **{lb: r(p.kappa(codes[lb])) for lb in report.labels}},
                "spans": {lb: {"shared": c[0], p.a: c[1], p.b: c[2]} for lb, c in sorted(p.counts.items())},
            }
            for p in report.pairs
        ],
        "most_disagreement": [
            {"id": aid, "title": title, "spans_not_shared": n, "editors": names}
            for aid, title, n, names in report.disagreements
        ],
    }


def format_agreement(report: AgreementReport) -> str:
    if not report.pairs:
        return "no article was done by two or more editors yet: nothing to compare"
    d = report_dict(report)

    def f(x: float | None) -> str:
        return "  –  " if x is None else f"{x:.3f}"

    lines = [f"{d['articles']} article(s) done by two or more of {len(d['editors'])} editors: {', '.join(d['editors'])}", ""]
    head = f"{'pair':<24}{'articles':>9}  {'F1 micro':>8}  {'kappa':>6}  " + "  ".join(f"{lb:>13}" for lb in report.labels)
    lines += [head, f"{'':<24}{'':>9}  {'':>8}  {'':>6}  " + "  ".join(f"{'F1 / kappa':>13}" for _ in report.labels)]
    for p in d["pairs"]:
        cells = "  ".join(f"{f(p['f1'].get(lb)):>6}/{f(p['cohen_kappa'].get(lb)):>6}" for lb in report.labels)
        lines.append(f"{' – '.join(p['editors']):<24}{p['articles']:>9}  {f(p['f1']['micro']):>8}  "
                     f"{f(p['cohen_kappa']['overall']):>6}  {cells}")
    o = d["overall"]
    fk = o["kappa"]
    lines.append(f"{'overall':<24}{d['articles']:>9}  {f(o['f1']['micro']):>8}  {f(fk.get('overall')):>6}  "
                 + "  ".join(f"{f(o['f1'].get(lb)):>6}/{f(fk.get(lb)):>6}" for lb in report.labels))
    if o["kappa_kind"] == "fleiss":
        lines.append(f"(overall kappa: Fleiss' kappa over the {o['fleiss_articles']} article(s) every editor did)")
    if d["most_disagreement"]:
        lines += ["", "most disagreement (spans not in every version):"]
        lines += [f"  {x['id']:>7}  {x['spans_not_shared']:>3}  {x['title'][:40]}" for x in d["most_disagreement"]]
    differs = sum(p["body_differs"] for p in d["pairs"])
    if differs:
        lines.append(f"\n{differs} pair(s) of versions left out: one editor changed the article's text")
    return "\n".join(lines)
