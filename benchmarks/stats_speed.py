"""Speed of mediacompare.comparison.stats against naive Python-loop implementations, in the same run.

Synthetic corpus: 5,000 articles in 20 outlets (250 each), one score per article.

* intervals: ``outlet_estimate`` for every outlet (2,000 bootstrap resamples) vs a loop that
  draws one resample per iteration;
* differences: ``compare_groups(pairs="both")`` — 190 pairs + 20 one-vs-rest, 5,000
  permutations and 2,000 bootstrap resamples each — vs a loop over permutations
  (``rng.permutation`` per iteration) and over bootstrap resamples;
* distinguishability: ridge (all permutations in one solve per fold) vs logistic regression
  (one fit per permutation and fold), on one real outlet pair from article-bias-prediction
  when ../shared is present (AUCs of both classifiers printed for comparison).

    python benchmarks/stats_speed.py [--naive-share 1.0]

``--naive-share`` < 1 times the naive loop on that share of the comparisons and scales up
(printed as an estimate).

    python benchmarks/stats_speed.py --demo seeds|g0027|corpus
    python benchmarks/stats_speed.py --coverage-sim

``--coverage-sim`` measures how often the 95% interval of ``outlet_estimate`` covers the true
mean (expanded percentile vs BCa vs percentile, 300 simulated outlets per cell).

prints the statistics section (no timing) for the seeds, one AllSides group, or the outlets
with >= 100 articles in the AllSides groups, using VADER sentence compound scores (from the
vaderSentiment package) as the per-sentence value; an article's value is their mean.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mediacompare.comparison.stats import compare_groups, distinguishability, outlet_estimate

GROUPS = ROOT.parent / "shared" / "data" / "article-bias-prediction" / "same_topic_day_groups.jsonl"
SEEDS = ROOT.parent / "shared" / "seeds"


def _read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _sentence_scores(texts_by_outlet):
    """outlet -> list (per article) of sentence compound scores."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from mediacompare.text import normalize, sentences

    sia = SentimentIntensityAnalyzer()
    return {
        outlet: [
            np.array([sia.polarity_scores(s.text)["compound"] for s in sentences(normalize(t))])
            for t in texts
        ]
        for outlet, texts in texts_by_outlet.items()
    }


def demo(which: str) -> None:
    from mediacompare.comparison.stats import estimates_by_outlet

    if which == "seeds":
        texts = {
            p.stem.split("-")[0]: [p.read_text(encoding="utf-8")]
            for p in sorted(SEEDS.glob("*.txt"))
        }
    else:
        rows = _read_jsonl(GROUPS)
        if which != "corpus":
            rows = [r for r in rows if r["group_id"] == which]
        texts = {}
        for r in rows:
            texts.setdefault(r["source"], []).append(r["content_original"])
        if which == "corpus":
            texts = {o: t for o, t in texts.items() if len(t) >= 100}
    sent = _sentence_scores(texts)
    values = {o: [float(x.mean()) for x in arts if len(x)] for o, arts in sent.items()}
    print(f"sentiment (VADER compound, mean of sentence scores per article) - {which}")
    print(f"{'outlet':28s} {'n':>4s} {'value':>7s} {'95% interval':>18s}  method")
    for outlet, e in estimates_by_outlet(values, sentence_values_by_outlet=sent).items():
        ci = f"[{e.ci_low:+.3f}, {e.ci_high:+.3f}]" if e.has_interval else "-"
        extra = f" ({e.n_sentences} sentences)" if e.n_sentences else ""
        print(f"{outlet[:28]:28s} {e.n:4d} {e.value:+7.3f} {ci:>18s}  {e.method}{extra}")
    pairs = "all" if len(values) <= 2 else "one-vs-rest"
    diffs = compare_groups(values, metric="sentiment", sentence_values_by_group=sent, pairs=pairs)
    print(f"\ndifferences ({pairs}; q = Benjamini-Hochberg over these {len(diffs)} comparisons)")
    for d in diffs:
        print(
            f"  {d.a[:24]:24s} vs {d.b[:24]:24s} diff {d.diff:+.3f} "
            f"[{d.ci_low:+.3f}, {d.ci_high:+.3f}] p {d.p:.4f} q {d.q:.4f}  {d.verdict}"
            + ("" if d.method.startswith("permutation") else f"  ({d.method})")
        )


def synthetic(n_outlets=20, per_outlet=250, seed=0):
    rng = np.random.default_rng(seed)
    return {
        f"outlet{k:02d}": rng.normal(0.05 * k, 0.4, size=per_outlet).clip(-1, 1)
        for k in range(n_outlets)
    }


def naive_interval(x, n_boot, rng):
    means = [x[rng.integers(0, len(x), len(x))].mean() for _ in range(n_boot)]
    return np.quantile(means, [0.025, 0.975])


def naive_difference(xa, xb, n_perm, n_boot, rng):
    obs = xa.mean() - xb.mean()
    pooled = np.concatenate([xa, xb])
    count = 0
    for _ in range(n_perm):
        p = rng.permutation(pooled)
        count += abs(p[: len(xa)].mean() - p[len(xa) :].mean()) >= abs(obs)
    boots = [
        xa[rng.integers(0, len(xa), len(xa))].mean() - xb[rng.integers(0, len(xb), len(xb))].mean()
        for _ in range(n_boot)
    ]
    return (1 + count) / (1 + n_perm), np.quantile(boots, [0.025, 0.975])


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def bench_intervals(groups):
    first = next(iter(groups.values()))
    outlet_estimate(first)  # warm-up: one-off imports (scipy.special) are not timed
    naive_interval(first, 10, np.random.default_rng(0))
    _, fast = timed(lambda: [outlet_estimate(v, key=k) for k, v in groups.items()])
    rng = np.random.default_rng(0)
    _, slow = timed(lambda: [naive_interval(v, 2000, rng) for v in groups.values()])
    print(
        f"intervals, {len(groups)} outlets x 2,000 resamples: vectorised {fast:.2f}s, "
        f"loop {slow:.2f}s, ratio {slow / fast:.1f}x"
    )


def bench_differences(groups, naive_share):
    compare_groups({"a": [0.0, 1.0, 2.0], "b": [1.0, 2.0, 3.0]}, n_perm=10)  # warm-up
    diffs, fast = timed(lambda: compare_groups(groups, pairs="both", n_perm=5000, n_boot=2000))
    names = sorted(groups)
    jobs = [(groups[a], groups[b]) for a, b in combinations(names, 2)]
    jobs += [(groups[a], np.concatenate([groups[g] for g in names if g != a])) for a in names]
    k = max(1, round(len(jobs) * naive_share))
    step = len(jobs) / k
    subset = [jobs[int(i * step)] for i in range(k)]
    rng = np.random.default_rng(0)
    _, slow = timed(lambda: [naive_difference(a, b, 5000, 2000, rng) for a, b in subset])
    slow_all = slow * len(jobs) / k
    est = "" if k == len(jobs) else f" (estimated from {k} of {len(jobs)} comparisons)"
    print(
        f"differences, {len(diffs)} comparisons x (5,000 permutations + 2,000 resamples): "
        f"vectorised {fast:.2f}s, loop {slow_all:.2f}s{est}, ratio {slow_all / fast:.1f}x"
    )
    verdicts = Counter(d.verdict for d in diffs)
    print(f"  verdicts: {dict(sorted(verdicts.items()))}")


def real_pair(cleaned: bool = True):
    """The two largest outlets of the AllSides groups as TF-IDF rows: text as ingest cleans it
    (page furniture removed) or as stored upstream (``cleaned=False``)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer

    from mediacompare.ingest.clean import clean_text
    from mediacompare.text import ngram_counts, normalize, sentences

    rows = _read_jsonl(GROUPS)
    top = [s for s, _ in Counter(r["source"] for r in rows).most_common(2)]
    rows = [r for r in rows if r["source"] in top]
    texts = [
        clean_text(r["content_original"]).text if cleaned else normalize(r["content_original"])
        for r in rows
    ]
    counts = [ngram_counts(sentences(t)) for t in texts]
    vec = DictVectorizer()
    X = TfidfTransformer(sublinear_tf=True).fit_transform(vec.fit_transform(counts))
    return X, [r["source"] for r in rows], top, vec.get_feature_names_out()


def bench_distinguishability():
    if not GROUPS.exists():
        print("distinguishability: skipped (no ../shared data)")
        return
    (X, outlets, (a, b), names), load = timed(real_pair)
    print(
        f"distinguishability on {a} ({outlets.count(a)}) vs {b} ({outlets.count(b)}) "
        f"articles, {X.shape[1]} features (tokenised in {load:.1f}s):"
    )
    ridge, t_ridge = timed(
        lambda: distinguishability(X, outlets, a, b, feature_names=names, n_perm=1000)
    )
    logi, t_log = timed(
        lambda: distinguishability(
            X, outlets, a, b, feature_names=names, n_perm=20, classifier="logistic"
        )
    )
    per_perm = t_log / 21
    print(
        f"  ridge    AUC {ridge.auc:.3f} [{ridge.auc_ci_low:.3f}, {ridge.auc_ci_high:.3f}], "
        f"null mean {ridge.null_mean:.3f}, null 95% {ridge.null_95:.3f}, p {ridge.p:.4f}; "
        f"1,000 permutations in {t_ridge:.2f}s"
    )
    print(
        f"  logistic AUC {logi.auc:.3f}, null mean {logi.null_mean:.3f} (20 permutations) in "
        f"{t_log:.2f}s -> about {per_perm * 1001:.0f}s for 1,000 permutations "
        f"(ratio {per_perm * 1001 / t_ridge:.0f}x)"
    )
    print(f"  words towards {a}: {', '.join(t for t, _ in ridge.top_terms_a[:8])}")
    print(f"  words towards {b}: {', '.join(t for t, _ in ridge.top_terms_b[:8])}")
    (X, outlets, _, names), _ = timed(lambda: real_pair(cleaned=False))
    raw = distinguishability(X, outlets, a, b, feature_names=names, n_perm=1000)
    print(f"  same articles without ingest cleaning: AUC {raw.auc:.3f}")
    print(f"    words towards {a}: {', '.join(t for t, _ in raw.top_terms_a[:8])}")
    print(f"    words towards {b}: {', '.join(t for t, _ in raw.top_terms_b[:8])}")


def coverage_simulation(reps: int = 300) -> None:
    from mediacompare.comparison.stats import outlet_estimate

    rng = np.random.default_rng(1)
    big = np.clip(rng.normal(-0.1, 0.25, 10**6) + (rng.random(10**6) < 0.15) * -0.5, -1, 1)
    generators = {
        "exponential(1)": (lambda n: rng.exponential(1.0, n), 1.0),
        "0/1, p=0.2": (lambda n: (rng.random(n) < 0.2).astype(float), 0.2),
        "sentiment-like": (
            lambda n: np.clip(rng.normal(-0.1, 0.25, n) + (rng.random(n) < 0.15) * -0.5, -1, 1),
            float(big.mean()),
        ),
    }
    print(f"coverage of the nominal 95% interval ({reps} simulated outlets per cell)")
    print(f"{'data':16s} {'n':>3s}  expanded  bca    percentile")
    for name, (draw, truth) in generators.items():
        for n in (5, 10, 20, 40):
            samples = [draw(n) for _ in range(reps)]
            cells = []
            for kind in ("expanded", "bca", "percentile"):
                hits = sum(
                    e.ci_low <= truth <= e.ci_high
                    for e in (
                        outlet_estimate(x, n_boot=1000, seed=r, interval=kind)
                        for r, x in enumerate(samples)
                    )
                )
                cells.append(hits / reps)
            print(f"{name:16s} {n:3d}  " + "  ".join(f"{c:6.1%}" for c in cells))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--naive-share", type=float, default=1.0)
    ap.add_argument("--no-real", action="store_true", help="skip the real-data classifier part")
    ap.add_argument("--demo", help="seeds | a group id | corpus: print a statistics section")
    ap.add_argument("--coverage-sim", action="store_true", help="interval coverage simulation")
    args = ap.parse_args()
    if args.coverage_sim:
        coverage_simulation()
        return
    if args.demo:
        demo(args.demo)
        return
    groups = synthetic()
    print(f"{sum(len(v) for v in groups.values())} articles in {len(groups)} outlets")
    bench_intervals(groups)
    bench_differences(groups, args.naive_share)
    if not args.no_real:
        bench_distinguishability()


if __name__ == "__main__":
    main()
