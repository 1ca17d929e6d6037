"""Loaded-language detection on BABE dev: grouped 5-fold CV, the shipped model and baselines.

    python benchmarks/eval_loaded_language.py            # everything (about 5 minutes on 2 cores)
    python benchmarks/eval_loaded_language.py --quick    # skip the baselines

Data: ``../shared/data/babe-dev/final_labels_SG1.csv`` (Spinde et al. 2021; AGPL-3.0; used here
only to evaluate — nothing learned from it ships). Sentences labelled "No agreement" are left
out. Folds group sentences by article URL (a sentence without a URL is its own group), so no
article has sentences on both sides of a split.

Printed per method: sentence ROC-AUC and macro-F1 at the method's own fixed threshold (0.5 for
the classifiers), and biased-word precision / recall / F1 (a predicted word counts when its
lower-cased form is among the sentence's annotated biased words; annotated phrases are split).
"""

from __future__ import annotations

import argparse
import ast
import platform
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mediacompare.analysis.loaded import LoadedLanguageClassifier  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data"


def read_babe(data: Path) -> pd.DataFrame:
    frame = pd.read_csv(data / "babe-dev" / "final_labels_SG1.csv", sep=";")
    frame = frame[frame.label_bias != "No agreement"].reset_index(drop=True)
    frame["y"] = (frame.label_bias == "Biased").astype(int)
    frame["words"] = [[w for p in ast.literal_eval(b) for w in str(p).lower().split()] for b in frame.biased_words]
    frame["group"] = frame.news_link.fillna(frame.text)
    return frame


def word_scores(predicted: list[set[str]], gold: list[list[str]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for pred, true in zip(predicted, gold):
        true_set = set(true)
        tp += len(pred & true_set)
        fp += len(pred - true_set)
        fn += len(true_set - pred)
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    return p, r, 2 * p * r / max(1e-12, p + r)


def row(name: str, y: np.ndarray, score: np.ndarray, decision: np.ndarray,
        words: tuple[float, float, float] | None = None) -> str:
    auc = roc_auc_score(y, score)
    f1 = f1_score(y, decision, average="macro")
    w = " | ".join(f"{v:.2f}" for v in words) if words else " – | – | –"
    return f"| {name} | {auc:.3f} | {f1:.3f} | {w} |"


def cross_validated(frame: pd.DataFrame, folds: int = 5) -> tuple[np.ndarray, list[set[str]], list[float]]:
    texts, y = frame.text.to_numpy(), frame.y.to_numpy()
    proba = np.zeros(len(frame))
    flagged: list[set[str]] = [set() for _ in range(len(frame))]
    fold_aucs = []
    for train, test in GroupKFold(folds).split(texts, y, frame.group):
        model = LoadedLanguageClassifier().fit(
            texts[train], y[train], biased_words=frame.words.iloc[train].tolist(),
            groups=frame.group.iloc[train].tolist())
        proba[test] = model.predict_proba(texts[test])[:, 1]
        fold_aucs.append(roc_auc_score(y[test], proba[test]))
        for i in test:
            flagged[i] = {w["text"].lower() for w in model.explain(texts[i])}
    return proba, flagged, fold_aucs


def baselines(frame: pd.DataFrame, folds: int = 5) -> list[str]:
    from mediacompare import StyleVectorizer
    from mediacompare.analysis.sentiment import analyzer

    texts, y = frame.text.to_numpy(), frame.y.to_numpy()
    out = []
    for name, make in [
        ("TF-IDF (1-2 grams) + LR", lambda: make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), LogisticRegression(C=4, max_iter=3000))),
        ("StyleVectorizer + LR (old style features)", lambda: make_pipeline(
            StyleVectorizer(), StandardScaler(), LogisticRegression(max_iter=3000))),
    ]:
        proba = np.zeros(len(frame))
        for train, test in GroupKFold(folds).split(texts, y, frame.group):
            model = make().fit(texts[train], y[train])
            proba[test] = model.predict_proba(texts[test])[:, 1]
        out.append(row(name + ", grouped CV", y, proba, proba >= 0.5))
    vader = analyzer()
    strength = np.array([abs(vader.polarity_scores(t)["compound"]) for t in texts])
    out.append(row("VADER |compound| (no training; decision at 0.5)", y, strength, strength >= 0.5))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--quick", action="store_true", help="skip the baselines")
    args = parser.parse_args()
    if not (args.data / "babe-dev").is_dir():
        sys.exit(f"{args.data / 'babe-dev'} not found; pass --data pointing at the shared data folder")
    frame = read_babe(args.data)
    y = frame.y.to_numpy()
    print(f"BABE dev: {len(frame)} sentences ({y.sum()} biased), {frame.group.nunique()} articles; "
          f"Python {platform.python_version()}, {platform.machine()}")
    print("| method | ROC-AUC | macro-F1 | word P | word R | word F1 |\n|---|---|---|---|---|---|")
    started = time.perf_counter()
    proba, flagged, fold_aucs = cross_validated(frame)
    print(row("LoadedLanguageClassifier, fit on BABE folds (grouped 5-fold CV)", y, proba, proba >= 0.5,
              word_scores(flagged, frame.words.tolist())))
    shipped = LoadedLanguageClassifier.pretrained()
    p = shipped.predict_proba(frame.text)[:, 1]
    shipped_words = [{w["text"].lower() for w in shipped.explain(t)} for t in frame.text]
    print(row("LoadedLanguageClassifier.pretrained() (shipped; never saw BABE)", y, p, p >= shipped.threshold,
              word_scores(shipped_words, frame.words.tolist())))
    if not args.quick:
        for line in baselines(frame):
            print(line)
    print(f"\nper-fold ROC-AUC of the CV model: {', '.join(f'{a:.3f}' for a in fold_aucs)}; "
          f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
