"""Evaluate the generic-frame detectors against human annotations (Frermann et al., ACL 2023).

Data: ``../shared/data/narrative-frames-climate`` (relative to the repository root) with
``articles_dev.tsv`` (343 climate-change articles from 63 outlets, five frames RE/HI/CO/MO/EC
annotated as booleans) and optionally ``item_annotations_dev.json`` (item-level answers).

Printed, all measured in the same run on the same articles and folds:

(a)  built-in detectors, no training, shipped thresholds
(a') built-in detectors, presence thresholds re-chosen on the training folds only (5-fold CV)
(b)  the ``train-frames`` classifier (``train_frame_classifier``), 5-fold CV, fixed seed
(c)  baseline: every frame present
(d)  baseline: TF-IDF + logistic regression (one per frame), same folds; plain and balanced

plus per-frame F1, macro-F1, and throughput (articles/s). Usage::

    python benchmarks/eval_frames.py [--data DIR] [--folds 5] [--seed 0] [--items]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mediacompare.analysis.framing import GENERIC_FRAMES, score_frames, train_frame_classifier
from mediacompare.text import sentences

DEFAULT_DATA = REPO.parent / "shared" / "data" / "narrative-frames-climate"
COLUMNS = {
    "responsibility": "RE",
    "human_interest": "HI",
    "conflict": "CO",
    "morality": "MO",
    "economic": "EC",
}
#: Our item → the dataset's item with the same question (S&V order; see docs/frames.md).
ITEM_MAP = {
    "hi1": "hi1",
    "hi2": "hi2",
    "hi3": "hi3",
    "co1": "co1",
    "co2": "co2",
    "co3": "co3",
    "co4": "co4",
    "mo1": "mo1",
    "mo2": "mo2",
    "mo3": "mo3",
    "ec1": "ec1",
    "ec2": "ec2",
    "ec3": "ec3",
}


def load(data: Path):
    import pandas as pd

    frame = pd.read_csv(data / "articles_dev.tsv", sep="\t", dtype=str, keep_default_na=False)
    # one article upstream (ID 405) has no frame labels: 342 are evaluated
    frame = frame[frame["RE"] != ""].reset_index(drop=True)
    Y = np.column_stack(
        [frame[COLUMNS[f]].str.strip().str.startswith("True").to_numpy() for f in GENERIC_FRAMES]
    ).astype(int)  # one EC value upstream is the typo "False)"
    items = None
    path = data / "item_annotations_dev.json"
    if path.exists():
        raw = json.loads(path.read_text(encoding="utf-8"))
        items = [raw.get(i, {}) for i in frame["ID"]]
    return frame["text"].tolist(), Y, items


def f1s(Y: np.ndarray, P: np.ndarray) -> np.ndarray:
    from sklearn.metrics import f1_score

    return np.array([f1_score(Y[:, j], P[:, j], zero_division=0) for j in range(Y.shape[1])])


def cv_thresholds(scores: np.ndarray, Y: np.ndarray, folds) -> np.ndarray:
    """Out-of-fold presence: per frame, the threshold best on the training folds."""
    from sklearn.metrics import f1_score

    P = np.zeros_like(Y)
    for train, test in folds:
        for j in range(Y.shape[1]):
            candidates = sorted(set(scores[train, j]) - {0.0}) or [1.0]
            best = max(
                candidates,
                key=lambda t: (
                    f1_score(Y[train, j], scores[train, j] >= t - 1e-9, zero_division=0),
                    -t,
                ),
            )
            P[test, j] = scores[test, j] >= best - 1e-9
    return P


def tfidf_lr(texts, Y, folds, balanced: bool) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline

    P = np.zeros_like(Y)
    texts = np.asarray(texts, dtype=object)
    for train, test in folds:
        model = make_pipeline(
            TfidfVectorizer(sublinear_tf=True, min_df=2, ngram_range=(1, 2)),
            OneVsRestClassifier(
                LogisticRegression(max_iter=2000, class_weight="balanced" if balanced else None)
            ),
        )
        model.fit(texts[train], Y[train])
        P[test] = model.predict(texts[test])
    return P


def item_table(results, items) -> list[str]:
    from sklearn.metrics import f1_score, precision_score, recall_score

    lines = [
        "",
        "Item-level agreement with the annotators' majority (NO AGREEMENT rows left out):",
        (
            f"{'item':6} {'dataset':8} {'n':>4} {'gold yes':>8} {'ours yes':>8}"
            f" {'P':>5} {'R':>5} {'F1':>5}"
        ),
    ]
    for frame in GENERIC_FRAMES:
        for k, answer in enumerate(results[0].generic[frame].items):
            gold_id = ITEM_MAP.get(answer.id)
            if gold_id is None:
                continue
            gold = [it.get(gold_id, ["?"])[0] for it in items]
            keep = [g in ("yes", "no") for g in gold]
            y = np.array([g == "yes" for g, m in zip(gold, keep) if m])
            p = np.array([r.generic[frame].items[k].answer for r, m in zip(results, keep) if m])
            lines.append(
                f"{answer.id:6} {gold_id:8} {len(y):4d} {y.mean():8.2f} {p.mean():8.2f} "
                f"{precision_score(y, p, zero_division=0):5.2f} "
                f"{recall_score(y, p, zero_division=0):5.2f} {f1_score(y, p, zero_division=0):5.2f}"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the dataset")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--items", action="store_true", help="also print item-level agreement")
    args = parser.parse_args(argv)
    if not (args.data / "articles_dev.tsv").exists():
        print(
            f"eval_frames: no articles_dev.tsv in {args.data}; get the narrative-frames-climate "
            "data (see ../shared/data/README.md) or pass --data DIR",
            file=sys.stderr,
        )
        return 2
    from sklearn.model_selection import KFold

    texts, Y, items = load(args.data)
    folds = list(KFold(args.folds, shuffle=True, random_state=args.seed).split(texts))
    rows: list[tuple[str, np.ndarray]] = []

    start = time.perf_counter()
    split = [sentences(t) for t in texts]
    split_time = time.perf_counter() - start
    start = time.perf_counter()
    results = [score_frames(s) for s in split]
    builtin_time = time.perf_counter() - start
    scores = np.array([[r.generic[f].score for f in GENERIC_FRAMES] for r in results])
    present = np.array([[r.generic[f].present for f in GENERIC_FRAMES] for r in results]).astype(
        int
    )
    rows.append(("(a)  built-in detectors, no training", f1s(Y, present)))
    rows.append(
        (
            f"(a') built-in, thresholds by {args.folds}-fold CV",
            f1s(Y, cv_thresholds(scores, Y, folds)),
        )
    )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "labelled.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["text", *GENERIC_FRAMES])
            writer.writerows([t, *y] for t, y in zip(texts, Y.tolist()))
        start = time.perf_counter()
        trained = train_frame_classifier(path, cv=args.folds, random_state=args.seed)
        train_time = time.perf_counter() - start
    rows.append(
        (f"(b)  train-frames classifier, {args.folds}-fold CV", f1s(Y, trained.oof_predictions))
    )
    rows.append(("(c)  baseline: every frame present", f1s(Y, np.ones_like(Y))))
    start = time.perf_counter()
    rows.append(
        (
            f"(d)  baseline: TF-IDF + LR, {args.folds}-fold CV",
            f1s(Y, tfidf_lr(texts, Y, folds, False)),
        )
    )
    rows.append(
        ("(d2) baseline: TF-IDF + LR balanced, same folds", f1s(Y, tfidf_lr(texts, Y, folds, True)))
    )
    baseline_time = time.perf_counter() - start

    prevalence = Y.mean(axis=0)
    head = f"{'method':50}" + "".join(f"{COLUMNS[f]:>7}" for f in GENERIC_FRAMES) + f"{'macro':>8}"
    print(
        f"Frermann et al. (2023) climate articles: n={len(texts)}, positives "
        + ", ".join(f"{COLUMNS[f]} {p:.0%}" for f, p in zip(GENERIC_FRAMES, prevalence))
    )
    print(
        "Per-frame F1 and macro-F1 (RE = responsibility/resolution, HI = human interest,"
        " CO = conflict, MO = morality, EC = economic)"
    )
    print(head)
    print("-" * len(head))
    for name, values in rows:
        print(f"{name:50}" + "".join(f"{v:7.3f}" for v in values) + f"{values.mean():8.3f}")
    print()
    print(
        "throughput: built-in frames (generic + policy) "
        f"{len(texts) / builtin_time:.0f} articles/s; "
        f"with sentence splitting {len(texts) / (builtin_time + split_time):.0f} articles/s; "
        f"train-frames CV + final fit {train_time:.1f} s; TF-IDF+LR baselines (both) "
        f"{baseline_time:.1f} s"
    )
    if args.items and items is not None:
        print("\n".join(item_table(results, items)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
