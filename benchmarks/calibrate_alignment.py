"""Calibrate the sentence-alignment threshold of mediacompare.comparison.alignment on real multi-outlet data.

Data: ../shared/data/article-bias-prediction/same_topic_day_groups.jsonl — groups of 3–6
outlets' articles on the same AllSides topic and day (heuristic groups, no gold alignments).

Design (matched query sentences, real partners vs null partners):

* real: for each group g and each outlet A in g, the best cosine of every sentence of A to
  any sentence of the *other outlets of g* (vectoriser fitted on g's sentences);
* null: the same sentences of A against the articles of a group h on the *same topic* but
  at least 30 days away (a different story on a related subject, like the two seeds), minus
  h's articles from A's own outlet (boilerplate), vectoriser fitted on A + h sentences.

A threshold at the q-th percentile of the null gives a false-match rate of (1-q) per
sentence; the share of real sentences above it is the "shared share" it yields. Features
and the minimum sentence length are compared at the same false-match rate.

    python benchmarks/calibrate_alignment.py [--groups N] [--spot 3] [--compare-features]
    python benchmarks/calibrate_alignment.py --demo seeds      # what the seeds share
    python benchmarks/calibrate_alignment.py --demo g0027      # one real multi-outlet group
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mediacompare.comparison.alignment import (
    DEFAULT_THRESHOLD,
    align_sentences,
    best_matches,
    content_words,
    sentence_vectors,
)
from mediacompare.text import normalize, sentences

DATA = ROOT.parent / "shared" / "data" / "article-bias-prediction" / "same_topic_day_groups.jsonl"
SEEDS = ROOT.parent / "shared" / "seeds"


def _read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def demo(which: str, width: int = 160) -> None:
    """Print the coverage section for the seeds or for one group of the AllSides data."""
    if which == "seeds":
        docs = [
            (p.stem, p.stem.split("-")[0], sentences(normalize(p.read_text(encoding="utf-8"))))
            for p in sorted(SEEDS.glob("*.txt"))
        ]
        print("seeds: " + ", ".join(d[0] for d in docs))
    else:
        rows = _read_jsonl(DATA)
        rows = [r for r in rows if r["group_id"] == which]
        if not rows:
            sys.exit(f"no group {which}")
        print(f"group {which}: topic {rows[0]['topic']}, {rows[0]['date_norm']}")
        for r in rows:
            print(f"  {r['source']} ({r['bias_text']}): {r['title']}")
        docs = [(r["ID"], r["source"], sentences(normalize(r["content_original"]))) for r in rows]
    al = align_sentences(docs)
    print(f"\nthreshold {al.threshold} ({al.features}); pairs above it: {len(al.pairs)}")
    for o in al.outlets:
        print(
            f"\n== {o}: {al.shares[o]:.0%} of {al.n_compared[o]} compared sentences shared "
            f"({al.n_skipped[o]} too short to compare)"
        )
        partners = ", ".join(f"{p} {v:.0%}" for p, v in al.pair_shares[o].items())
        print(f"   shared with: {partners}")
        for ref in al.shared[o][:4]:
            print(
                f"   shared ({ref.best_similarity:.2f}, with {', '.join(ref.shared_with)}): "
                f"{ref.text[:width]}"
            )
        print("   only here:")
        for group, refs in al.unique_by_group(o).items():
            print(f"     [{group}]")
            for ref in refs[:3]:
                print(f"       ({ref.best_similarity:.2f}) {ref.text[:width]}")
            if len(refs) > 3:
                print(f"       ... {len(refs) - 3} more")


def load_groups(limit: int | None):
    groups: dict[str, list[dict]] = defaultdict(list)
    with open(DATA, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            groups[row["group_id"]].append(row)
    ids = sorted(groups)[:limit] if limit else sorted(groups)
    chosen = {g: groups[g] for g in ids}
    for rows in chosen.values():
        for row in rows:
            row["sentences"] = sentences(normalize(row["content_original"]))
    return chosen


def null_partner(groups, gid):
    """A same-topic group at least 30 days away (deterministic: the nearest such in time)."""
    me = groups[gid][0]
    d0 = date.fromisoformat(me["date_norm"])
    best = None
    for h, rows in groups.items():
        other = rows[0]
        if h == gid or other["topic"] != me["topic"]:
            continue
        gap = abs((date.fromisoformat(other["date_norm"]) - d0).days)
        if gap >= 30 and (best is None or (gap, h) < best):
            best = (gap, h)
    return best[1] if best else None


def units(rows, min_words):
    out = []
    for r in rows:
        for s in r["sentences"]:
            w = content_words(s)
            if len(w) >= min_words:
                out.append((r["source"], r["ID"], s.text, w))
    return out


def best_vs(query, partners, features):
    """Best cosine of each query sentence to any partner sentence (shared vectoriser)."""
    if not query or not partners:
        return np.zeros(0), None, None
    both = query + partners
    X = sentence_vectors([u[3] for u in both], features)
    codes = np.array([0] * len(query) + [1] * len(partners))
    best = best_matches(X, codes, 2)[: len(query), 1]
    sims = (X[: len(query)] @ X[len(query) :].T).toarray()
    return best, sims.argmax(axis=1), both


def run(groups, features, min_words, collect_examples=False):
    real, null, examples = [], [], []
    for gid, rows in groups.items():
        h = null_partner(groups, gid)
        for source in sorted({r["source"] for r in rows}):
            q = units([r for r in rows if r["source"] == source], min_words)
            others = units([r for r in rows if r["source"] != source], min_words)
            b, arg, both = best_vs(q, others, features)
            real.append(b)
            if collect_examples and len(b):
                for i, sim in enumerate(b):
                    examples.append((float(sim), q[i], both[len(q) + arg[i]]))
            if h is not None:
                hn = units([r for r in groups[h] if r["source"] != source], min_words)
                null.append(best_vs(q, hn, features)[0])
    return np.concatenate(real), np.concatenate(null), examples


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--groups", type=int, default=None, help="use the first N groups only")
    ap.add_argument("--spot", type=int, default=3, help="spot-check pairs per side")
    ap.add_argument(
        "--compare-features", action="store_true", help="also run character n-grams (slow)"
    )
    ap.add_argument("--demo", help="'seeds' or a group id: print its coverage section and exit")
    ap.add_argument("--spot-only", action="store_true", help="only the spot checks (150 groups)")
    args = ap.parse_args()
    if args.demo:
        demo(args.demo)
        return
    if not DATA.exists():
        sys.exit(f"missing {DATA} (the ../shared data folder)")
    if args.spot_only:
        spot_check(load_groups(150), args.spot)
        return
    t0 = time.perf_counter()
    groups = load_groups(args.groups)
    n_art = sum(len(v) for v in groups.values())
    print(f"{len(groups)} groups, {n_art} articles loaded in {time.perf_counter() - t0:.1f}s")
    print()
    print("features min_words  n_real  n_null | null p95  p99   p99.5 | shared@p95 @p99 @p99.5")
    results = {}
    configs = [("words", 3), ("words", 4), ("words", 5)]
    if args.compare_features:
        configs += [("chars", 4)]
    for features, min_words in configs:
        t = time.perf_counter()
        real, null, _ = run(groups, features, min_words)
        qs = np.quantile(null, [0.95, 0.99, 0.995])
        shares = [(real >= q).mean() for q in qs]
        results[features, min_words] = (real, null)
        print(
            f"{features:8s} {min_words:9d} {len(real):7d} {len(null):7d} | "
            + "  ".join(f"{q:.3f}" for q in qs)
            + " | "
            + "  ".join(f"{s:6.1%}" for s in shares)
            + f"   ({time.perf_counter() - t:.1f}s)"
        )
    real, null = results["words", 4]
    thr = DEFAULT_THRESHOLD
    print()
    print(
        f"DEFAULT_THRESHOLD = {thr} (words, min_words 4): null false-match rate "
        f"{(null >= thr).mean():.2%}, real shared share {(real >= thr).mean():.1%}"
    )
    print(
        f"real best-match quantiles 50/75/90/95%: {np.round(np.quantile(real, [0.5, 0.75, 0.9, 0.95]), 3)}"
    )
    print(
        f"share of real sentences with cos >= 0.8 (verbatim/wire copy): {(real >= 0.8).mean():.1%}"
    )
    spot_check(dict(list(groups.items())[:150]), args.spot)


def spot_check(groups, n: int) -> None:
    """Random real pairs just above / just below the default threshold."""
    thr = DEFAULT_THRESHOLD
    _, _, examples = run(groups, "words", 4, collect_examples=True)
    above = sorted([e for e in examples if thr <= e[0] < thr + 0.05], key=lambda e: e[0])
    below = sorted([e for e in examples if thr - 0.05 <= e[0] < thr], key=lambda e: -e[0])
    rng = np.random.default_rng(0)
    for label, pool in (("just above", above), ("just below", below)):
        print(f"\nspot check, {label} {thr} ({len(pool)} pairs within 0.05, {len(groups)} groups):")
        for k in rng.choice(len(pool), size=min(n, len(pool)), replace=False):
            sim, a, b = pool[k]
            print(f"  cos {sim:.3f}\n    A [{a[0]}] {a[2]}\n    B [{b[0]}] {b[2]}")


if __name__ == "__main__":
    main()
