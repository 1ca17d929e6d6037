"""Evaluate mediacompare.comparison.stories: near-duplicates (BBC) and story clustering (AllSides groups).

1. BBC News 2,225 (../shared/data/bbc-news/bbc_news_2225.csv): upstream has 133 rows whose
   text repeats another row's. Prints how many of them near_duplicates finds, what else it
   flags, and how long it takes on all 2,225 articles.
2. same_topic_day_groups.jsonl (article-bias-prediction): 4,523 articles in 1,078 heuristic
   groups (same AllSides topic and day). Clusters the articles with cluster_stories and
   compares with group_id (adjusted Rand index, homogeneity, completeness), with and without
   the date window, against a "one story per day" baseline. The labels are heuristic: two
   groups can be the same event, and a group can hold two events, so no clustering can score
   1.0 and the numbers are for choosing settings, not a claim of accuracy.

    python benchmarks/stories_eval.py [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mediacompare.comparison.stories import cluster_stories, duplicate_matches, near_duplicates
from mediacompare.text import ngram_counts, normalize, sentences

DATA = ROOT.parent / "shared" / "data"
BBC = DATA / "bbc-news" / "bbc_news_2225.csv"
GROUPS = DATA / "article-bias-prediction" / "same_topic_day_groups.jsonl"


def _read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def bbc() -> None:
    with open(BBC, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    ids = [r["id"] for r in rows]
    texts = [r["text"] for r in rows]
    seen, upstream = {}, set()
    for r in rows:
        if r["text"] in seen:
            upstream.add(r["id"])
        seen.setdefault(r["text"], r["id"])
    t = time.perf_counter()
    dup_of = near_duplicates(texts, ids)
    elapsed = time.perf_counter() - t
    matches = duplicate_matches(texts, ids)
    kinds = Counter(m.kind for m in matches)
    flagged = {i for i, d in dup_of.items() if d is not None}
    print("== near-duplicates, BBC News (2,225 articles)")
    print(f"upstream byte-identical duplicate texts: {len(upstream)}")
    print(f"found among them: {len(upstream & flagged)} / {len(upstream)}")
    print(
        f"flagged in total: {len(flagged)} (exact after normalisation: {kinds['exact']}, "
        f"near, 5-gram Jaccard >= 0.5: {kinds['near']})"
    )
    by_text = {r["id"]: r["text"] for r in rows}
    extra = [
        m for m in matches if m.kind == "exact" and by_text[m.article_id] != by_text[m.duplicate_of]
    ]
    print(
        f"'exact' beyond the upstream 133 (differ only in case/punctuation/spacing): {len(extra)}"
    )
    near = sorted((m for m in matches if m.kind == "near"), key=lambda m: m.similarity)
    if near:
        titles = {r["id"]: r["title"] for r in rows}
        print("lowest-similarity near-duplicates (same story, updated text):")
        for m in near[:3]:
            print(
                f"  {m.similarity:.3f} {m.article_id} '{titles[m.article_id]}' ~ "
                f"{m.duplicate_of} '{titles[m.duplicate_of]}'"
            )
    print(f"time: {elapsed:.2f}s for {len(rows)} articles")


def tfidf_rows(docs_counts, min_df: int = 2, idf: bool = True):
    """TF-IDF rows from per-article term counts (the pipeline's mergeable partials).

    ``idf=False`` gives sublinear-tf rows without IDF, as ``vectorize.story_similarity``.
    """
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer

    counts = DictVectorizer().fit_transform(docs_counts)
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    counts = counts[:, df >= min_df]  # terms of a single article only inflate the norms
    return TfidfTransformer(sublinear_tf=True, use_idf=idf).fit_transform(counts)  # L2 rows


def scores(truth, pred):
    from sklearn.metrics import adjusted_rand_score, homogeneity_completeness_v_measure

    h, c, v = homogeneity_completeness_v_measure(truth, pred)
    return adjusted_rand_score(truth, pred), h, c, v


def groups(limit: int | None) -> None:
    rows = _read_jsonl(GROUPS)
    if limit:
        keep = sorted({r["group_id"] for r in rows})[:limit]
        rows = [r for r in rows if r["group_id"] in set(keep)]
    rows.sort(key=lambda r: (r["date_norm"], r["ID"]))  # a mixed corpus, in date order
    print(
        f"\n== story clustering, same_topic_day_groups ({len(rows)} articles, "
        f"{len({r['group_id'] for r in rows})} groups)"
    )
    t = time.perf_counter()
    sents = [sentences(normalize((r["title"] or "") + "\n" + r["content_original"])) for r in rows]
    counts = [ngram_counts(s) for s in sents]
    X = tfidf_rows(counts)
    print(
        f"tokenised + TF-IDF (unigrams+bigrams, min_df 2, sublinear tf): "
        f"{time.perf_counter() - t:.1f}s, {X.shape[1]} features"
    )
    truth = [r["group_id"] for r in rows]
    dates = [r["date_norm"] for r in rows]

    t = time.perf_counter()
    dups = duplicate_matches(sents, [r["ID"] for r in rows], dates=dates)
    by_id = {r["ID"]: r for r in rows}
    cross = sum(by_id[m.article_id]["source"] != by_id[m.duplicate_of]["source"] for m in dups)
    print(
        f"near-duplicates: {len(dups)} articles repeat another ({cross} across outlets, "
        f"e.g. wire copy); {time.perf_counter() - t:.2f}s"
    )

    day_baseline = scores(truth, dates)
    print("\nARI    homog  compl  V      clusters  setting")
    print(
        "{:.3f}  {:.3f}  {:.3f}  {:.3f}  {:8d}  baseline: one story per day".format(
            *day_baseline, len(set(dates))
        )
    )
    best = None
    settings = [("tf-idf", "average", t) for t in (0.8, 0.85, 0.9, 0.93, 0.95, 0.97)]
    settings += [("tf-idf", "complete", t) for t in (0.9, 0.95)]
    settings += [("tf", "average", t) for t in (0.7, 0.75, 0.8, 0.85)]
    features = {"tf-idf": X, "tf": tfidf_rows(counts, idf=False)}
    for window in (3, None):
        for name, linkage, threshold in settings:
            t = time.perf_counter()
            pred = cluster_stories(
                features[name],
                dates if window else None,
                threshold=threshold,
                window_days=window,
                linkage=linkage,
            )
            elapsed = time.perf_counter() - t
            ari, h, c, v = scores(truth, pred)
            label = f"{name:6s} {linkage:8s} distance<={threshold:.2f} " + (
                f"window {window} days" if window else "no dates"
            )
            print(
                f"{ari:.3f}  {h:.3f}  {c:.3f}  {v:.3f}  {len(set(pred)):8d}  {label}"
                f"  ({elapsed:.1f}s)"
            )
            if best is None or ari > best[0]:
                best = (ari, label)
    print(f"\nbest ARI: {best[0]:.3f} ({best[1]}); groups: {len(set(truth))}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="first N groups only")
    args = ap.parse_args()
    if not BBC.exists() or not GROUPS.exists():
        sys.exit("missing ../shared/data (bbc-news, article-bias-prediction)")
    bbc()
    groups(args.limit)


if __name__ == "__main__":
    main()
