"""Evaluate target-dependent sentiment on NewsMTSC dev-rw / dev-mt against two baselines.

    python benchmarks/eval_target_sentiment.py [--data DIR] [--model DIR] [--cv] [--basil]

Rows (all measured in this run; baselines are trained on train.jsonl here):

- ``mediacompare (shipped)``: ``TargetSentimentClassifier.pretrained()`` (or ``--model DIR``)
- ``VADER sentence``: NLTK VADER compound of the whole sentence, thresholds ±0.05
- ``TF-IDF + LR (masked)``: word 1–2-gram TF-IDF of the sentence with the mention replaced by a
  placeholder, logistic regression

Prints macro-F1 over the three classes (F1m) and accuracy per dev set, and mentions/s for
prediction (single process). ``--cv`` adds a grouped 5-fold cross-validation of the shipped
configuration on train.jsonl (groups = source article), which takes a few minutes.
Published state of the art (transformer on GPU): F1m 0.831 (rw test), 0.825 (mt test).
``--basil`` adds article-level actor sentiment against BASIL dev author feeling per main entity
(``benchmarks/basil_actor_sentiment.py``): macro-F1 and confusion matrix of the aggregation
before (sign of the mean score, argmax of mean probabilities) and after (dead zone), plus the
dead zone chosen by grouped cross-validation over triplets, and the same with linked nominal
and pronoun references scored as further mentions of their person.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, f1_score

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from train_target_sentiment import read_newsmtsc  # noqa: E402

from mediacompare.analysis.targets import LABELS, TargetSentimentClassifier  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data"
SETS = ("dev-rw", "dev-mt")


def vader_predict(items: list[tuple[str, int, int]]) -> np.ndarray:
    """Whole-sentence VADER compound → label with the usual ±0.05 thresholds."""
    from mediacompare.analysis.sentiment import analyzer  # NLTK SIA with the vaderSentiment lexicon

    sia = analyzer()
    compounds = [sia.polarity_scores(sentence)["compound"] for sentence, _, _ in items]
    return np.array([1 if c >= 0.05 else -1 if c <= -0.05 else 0 for c in compounds])


def masked(items: list[tuple[str, int, int]]) -> list[str]:
    return [f"{s[:a]} TARGETMENTION {s[b:]}" for s, a, b in items]


def tfidf_baseline(train_items, train_labels):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    pipe = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), LogisticRegression(max_iter=3000)
    )
    pipe.fit(masked(train_items), train_labels)
    return lambda items: pipe.predict(masked(items))


def timed(predict, items) -> tuple[np.ndarray, float]:
    started = time.perf_counter()
    labels = np.asarray(predict(items))
    return labels, len(items) / (time.perf_counter() - started)


def grouped_cv(items, labels, ids, folds: int = 5) -> tuple[float, float, np.ndarray]:
    """F1m, accuracy and out-of-fold class scores of the shipped configuration."""
    from sklearn.model_selection import GroupKFold

    groups = np.array(["_".join(i.split("_")[:3]) for i in ids])  # source article
    y = np.asarray(labels)
    scores = np.zeros((len(y), 3))
    for train, test in GroupKFold(folds).split(items, y, groups):
        model = TargetSentimentClassifier(class_weight="balanced").fit([items[i] for i in train], y[train])
        scores[test] = model.decision_function([items[i] for i in test])
    predicted = np.array(LABELS)[np.argmax(scores, axis=1)]
    return f1_score(y, predicted, average="macro"), accuracy_score(y, predicted), scores


def class_offsets(scores: np.ndarray, y) -> tuple[float, float, float]:
    """Offsets added to the negative / positive class scores that maximise out-of-fold F1m."""
    grid = np.round(np.arange(-1.0, 1.001, 0.05), 2)
    labels = np.array(LABELS)
    return max(
        (f1_score(y, labels[np.argmax(scores + [neg, 0.0, pos], axis=1)], average="macro"), neg, pos)
        for neg in grid for pos in grid
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding newsmtsc/")
    parser.add_argument("--model", type=Path, help="model directory (default: the shipped model)")
    parser.add_argument("--cv", action="store_true", help="also cross-validate on train.jsonl")
    parser.add_argument("--basil", action="store_true", help="also score BASIL dev author feeling")
    args = parser.parse_args()
    folder = args.data / "newsmtsc"
    if not (folder / "train.jsonl").is_file():
        sys.exit(f"{folder}/train.jsonl not found; pass --data pointing at the shared data folder")

    train_items, train_labels = read_newsmtsc(folder / "train.jsonl")
    dev = {name: read_newsmtsc(folder / f"{name}.jsonl") for name in SETS}

    started = time.perf_counter()
    model = (TargetSentimentClassifier.load(args.model) if args.model
             else TargetSentimentClassifier.pretrained())
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    tfidf = tfidf_baseline(train_items, train_labels)
    tfidf_seconds = time.perf_counter() - started
    systems = {
        "mediacompare (shipped)" if not args.model else f"mediacompare ({args.model})": model.predict,
        "VADER sentence (±0.05)": vader_predict,
        "TF-IDF + LR (masked)": tfidf,
    }
    print(f"train {len(train_items)} mentions; " + ", ".join(f"{n} {len(dev[n][0])}" for n in SETS))
    print(f"model load {load_seconds:.2f} s; TF-IDF baseline trained in {tfidf_seconds:.1f} s\n")
    print("| system | dev-rw F1m | dev-rw acc | dev-mt F1m | dev-mt acc | mentions/s |")
    print("|---|---|---|---|---|---|")
    for name, predict in systems.items():
        cells, rates = [], []
        for dev_name in SETS:
            items, labels = dev[dev_name]
            predicted, rate = timed(predict, items)
            rates.append(rate)
            cells += [f"{f1_score(labels, predicted, average='macro'):.3f}",
                      f"{accuracy_score(labels, predicted):.3f}"]
        total = sum(len(dev[n][0]) for n in SETS)
        rate = total / sum(len(dev[n][0]) / r for n, r in zip(SETS, rates))
        print(f"| {name} | {' | '.join(cells)} | {rate:,.0f} |")
    print("| published SOTA (transformer, GPU; test sets) | 0.831 | | 0.825 | | |")
    if args.cv:
        import json

        with open(folder / "train.jsonl", encoding="utf-8") as handle:
            ids = [json.loads(line)["id"] for line in handle if line.strip()]
        started = time.perf_counter()
        f1m, acc, scores = grouped_cv(train_items, train_labels, ids)
        print(f"\ngrouped 5-fold CV on train (shipped configuration, refitted per fold): "
              f"F1m {f1m:.3f}, acc {acc:.3f} ({time.perf_counter() - started:.0f} s)")
        best, neg, pos = class_offsets(scores, train_labels)
        print(f"class-prior calibration chosen on the out-of-fold scores: offsets negative {neg:+.2f}, "
              f"positive {pos:+.2f} (out-of-fold F1m {f1m:.3f} → {best:.3f})")
        for dev_name in SETS:
            items, labels = dev[dev_name]
            raw = model.decision_function(items)
            shifted = np.array(LABELS)[np.argmax(raw + [neg, 0.0, pos], axis=1)]
            print(f"  {dev_name}: F1m {f1_score(labels, model.predict(items), average='macro'):.3f} "
                  f"(shipped) → {f1_score(labels, shifted, average='macro'):.3f} (with offsets)")
    if args.basil:
        from basil_actor_sentiment import report

        report(args.data / "basil-dev")


if __name__ == "__main__":
    main()
