"""Generic frames by 5-fold cross-validation, with the gap between a tuned fold and the rest.

Data: ``../shared/data/narrative-frames-climate/articles_dev.tsv`` (see ``eval_frames.py``).
The detectors have no learned weights; the only tuned parameter is each frame's presence
threshold. Printed, all on the same folds:

(1) shipped thresholds: per-frame F1 on each fold, mean and spread over the 5 folds;
(2) thresholds chosen on the 4 training folds, scored on the held-out fold (5-fold CV);
(3) the *tuning gap*: thresholds tuned on one fold k only, F1 on fold k against F1 on the
    other four folds, averaged over k -- the optimism of tuning on a single split;
(4) a richer search (``--min-sentences``): each item's ``min_sentences`` (1-3) *and* the
    threshold chosen on the training folds (nested), with its own tuning gap -- to see
    whether more tuned parameters pay off out of fold.

Usage::

    python benchmarks/eval_frames_cv.py [--data DIR] [--folds 5] [--seed 0] [--min-sentences]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from eval_frames import COLUMNS, DEFAULT_DATA, f1s, load  # noqa: E402

from mediacompare.analysis.framing import GENERIC_FRAMES, score_frames  # noqa: E402
from mediacompare.analysis.framing.generic import generic_codebook, score_generic  # noqa: E402
from mediacompare.analysis.framing.tuning import best_threshold, cv_presence  # noqa: E402
from mediacompare.text import sentences  # noqa: E402


def _fit_items(n: np.ndarray, y: np.ndarray, shipped: tuple[int, ...]):
    """Best (min_sentences per item, threshold) on evidence counts ``n`` (articles × items)."""
    best = None
    for ms in itertools.product((1, 2, 3), repeat=n.shape[1]):
        score = (n >= np.array(ms)).mean(axis=1)
        t = best_threshold(score, y)
        f1 = f1s(y[:, None], (score >= t - 1e-9).astype(int)[:, None])[0]
        key = (f1, -sum(abs(a - b) for a, b in zip(ms, shipped)))  # ties: closest to shipped
        if best is None or key > best[0]:
            best = (key, np.array(ms), t)
    assert best is not None
    return best[1], best[2]


def min_sentence_search(texts, Y, folds) -> list[str]:
    """Section (4): nested choice of min_sentences and threshold, and its tuning gap."""
    cb = generic_codebook()
    loose = dataclasses.replace(
        cb, items=tuple(dataclasses.replace(i, min_sentences=1) for i in cb.items)
    )
    runs = [score_generic(sentences(t), codebook=loose) for t in texts]
    oof = np.zeros_like(Y)
    tin, tout = np.zeros(len(GENERIC_FRAMES)), np.zeros(len(GENERIC_FRAMES))
    chosen = []
    for j, f in enumerate(GENERIC_FRAMES):
        n = np.array([[len(a.evidence) for a in r[f].items] for r in runs])
        shipped = tuple(i.min_sentences for i in cb.items_of(f))

        def predict(rows, ms, t):
            return ((n[rows] >= ms).mean(axis=1) >= t - 1e-9).astype(int)[:, None]

        for tr, te in folds:
            ms, t = _fit_items(n[tr], Y[tr, j], shipped)
            oof[te, j] = predict(te, ms, t)[:, 0]
            ms1, t1 = _fit_items(n[te], Y[te, j], shipped)  # tuned on one fold only
            tin[j] += f1s(Y[te, j][:, None], predict(te, ms1, t1))[0] / len(folds)
            tout[j] += f1s(Y[tr, j][:, None], predict(tr, ms1, t1))[0] / len(folds)
        ms, t = _fit_items(n, Y[:, j], shipped)
        chosen.append(f"{COLUMNS[f]} {tuple(ms.tolist())} @ {t:.2f} (shipped {shipped})")
    lines = table(
        "(4) min_sentences and threshold both chosen on the training folds (nested)",
        [
            ("5-fold CV", f1s(Y, oof)),
            ("tuned on one fold: that fold", tin),
            ("tuned on one fold: the others", tout),
            ("gap", tin - tout),
        ],
    )
    return [*lines, "choice on all articles: " + "; ".join(chosen)]


def table(title: str, rows: list[tuple[str, np.ndarray]]) -> list[str]:
    head = f"{'':34}" + "".join(f"{COLUMNS[f]:>7}" for f in GENERIC_FRAMES) + f"{'macro':>8}"
    out = ["", title, head, "-" * len(head)]
    out += [f"{n:34}" + "".join(f"{v:7.3f}" for v in r) + f"{r.mean():8.3f}" for n, r in rows]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--min-sentences", action="store_true", help="also search min_sentences (section 4)"
    )
    args = parser.parse_args(argv)
    if not (args.data / "articles_dev.tsv").exists():
        print(f"eval_frames_cv: no articles_dev.tsv in {args.data}", file=sys.stderr)
        return 2
    from sklearn.model_selection import KFold

    texts, Y, _ = load(args.data)
    results = [score_frames(sentences(t)) for t in texts]
    S = np.array([[r.generic[f].score for f in GENERIC_FRAMES] for r in results])
    P = np.array([[r.generic[f].present for f in GENERIC_FRAMES] for r in results]).astype(int)
    folds = list(KFold(args.folds, shuffle=True, random_state=args.seed).split(texts))
    k = len(GENERIC_FRAMES)

    per_fold = np.array([f1s(Y[te], P[te]) for _, te in folds])
    oof = cv_presence(S, Y, folds)
    chosen = np.array([[best_threshold(S[tr, j], Y[tr, j]) for j in range(k)] for tr, _ in folds])
    tuned_in, tuned_out = [], []
    for i, (tr, te) in enumerate(folds):  # tune on the single fold te, test on the others
        t = np.array([best_threshold(S[te, j], Y[te, j]) for j in range(k)])
        tuned_in.append(f1s(Y[te], (S[te] >= t - 1e-9).astype(int)))
        tuned_out.append(f1s(Y[tr], (S[tr] >= t - 1e-9).astype(int)))
    tin, tout = np.mean(tuned_in, axis=0), np.mean(tuned_out, axis=0)

    print(f"n={len(texts)} articles, {args.folds} folds (KFold shuffle, seed {args.seed})")
    lines = table(
        "(1) shipped thresholds",
        [
            ("pooled over all articles", f1s(Y, P)),
            ("mean of per-fold F1", per_fold.mean(axis=0)),
            ("sd of per-fold F1", per_fold.std(axis=0)),
            ("worst fold", per_fold.min(axis=0)),
        ],
    )
    lines += table(
        "(2) thresholds chosen on the training folds (out-of-fold predictions)",
        [("5-fold CV", f1s(Y, oof))],
    )
    lines += table(
        "(3) tuning gap: thresholds tuned on one fold, averaged over the 5 choices",
        [("on the tuned fold", tin), ("on the other folds", tout), ("gap", tin - tout)],
    )
    if args.min_sentences:
        lines += min_sentence_search(texts, Y, folds)
    print("\n".join(lines))
    shipped = ", ".join(
        f"{COLUMNS[f]} {results[0].generic[f].threshold:.2f}" for f in GENERIC_FRAMES
    )
    print(f"\nshipped thresholds: {shipped}")
    print(
        "thresholds chosen per training split: "
        + "; ".join(", ".join(f"{c:.2f}" for c in row) for row in chosen)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
