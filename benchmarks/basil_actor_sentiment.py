"""Article-level actor sentiment against BASIL dev author feeling (helper of eval_target_sentiment).

For every (article, main entity) pair with an ``author_feeling_<Entity>`` annotation, the
entity's mentions are the detected actor mentions whose last name part is the entity's
surname (accents folded); pairs with no such mention are counted apart. Each mention is scored
by the shipped model and the article label comes from the aggregation rule compared.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import numpy as np

from mediacompare.analysis.actors import detect_actors
from mediacompare.analysis.actors.references import link_references
from mediacompare.analysis.quotes import extract_quotes
from mediacompare.analysis.targets import score_mentions
from mediacompare.analysis.targets.aggregate import NEGATIVE_BELOW, POSITIVE_ABOVE, aggregate_sentiment
from mediacompare.text import sentences

GOLD = {"neg": -1, "neu": 0, "pos": 1}


def _fold(word: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c)
    ).strip(".,’'")


def basil_pairs(folder: Path, references: frozenset[str] = frozenset()):
    """(triplet, gold label, mention sentiments) per annotated pair, and the unmatched count.

    ``references`` names the kinds of linked reference (``"nominal"``, ``"pronoun"``) scored
    as further mentions of the person they are linked to; the shipped analysis uses none.
    """
    pairs, unmatched = [], 0
    with open(folder / "basil_articles.jsonl", encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            ss = sentences(row["text"])
            mentions = detect_actors(ss)
            quotes = extract_quotes(row["text"], ss, mentions)
            links = [r for r in link_references(ss, mentions, quotes) if r.kind in references]
            scores = score_mentions(ss, [(m.start, m.end) for m in [*mentions, *links]])
            named = [(m.canonical, m.text) for m in mentions] + [(r.canonical, r.canonical) for r in links]
            for key, value in sorted(row["article_level_annotations"].items()):
                if not key.startswith("author_feeling_") or key == "author_feeling_main_event":
                    continue
                surname = _fold(key.removeprefix("author_feeling_").split("_")[-1])
                found = [s for (canonical, text), s in zip(named, scores)
                         if _fold(canonical.split()[-1]) == surname or _fold(text.split()[-1]) == surname]
                if found and value in GOLD:
                    pairs.append((row["triplet_uuid"], GOLD[value], found))
                else:
                    unmatched += 1
    return pairs, unmatched


def _rules():
    def sign(found):
        return int(np.sign(aggregate_sentiment(found).score))

    def argmax(found):
        a = aggregate_sentiment(found)
        return (-1, 0, 1)[int(np.argmax([a.negative, a.neutral, a.positive]))]

    def dead_zone(found):
        return aggregate_sentiment(found).label

    return {
        "before: sign of mean score": sign,
        "before: argmax of mean probabilities": argmax,
        f"after: dead zone ({NEGATIVE_BELOW}, {POSITIVE_ABOVE})": dead_zone,
    }


def grouped_cv_dead_zone(pairs, folds: int = 5) -> np.ndarray:
    """Out-of-fold labels with the dead zone chosen on the other folds (groups = triplets)."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    x = np.array([aggregate_sentiment(f).score for _, _, f in pairs])
    y = np.array([g for _, g, _ in pairs])
    groups = np.array([t for t, _, _ in pairs])
    grid = np.round(np.arange(0, 0.61, 0.02), 2)

    def predict(values, lo, hi):
        return np.where(values > hi, 1, np.where(values < -lo, -1, 0))

    out = np.zeros_like(y)
    for train, test in GroupKFold(folds).split(x, y, groups):
        lo, hi = max(((a, b) for a in grid for b in grid), key=lambda c: (
            f1_score(y[train], predict(x[train], *c), average="macro", labels=[-1, 0, 1]), -c[0] - c[1]))
        out[test] = predict(x[test], lo, hi)
    return out


def report(folder: Path) -> None:
    from sklearn.metrics import confusion_matrix, f1_score

    pairs, unmatched = basil_pairs(folder)
    y = np.array([g for _, g, _ in pairs])
    print(f"\nBASIL dev author feeling: {len(pairs)} (article, main entity) pairs with mentions "
          f"({unmatched} without a matching mention); gold neg/neu/pos = {np.bincount(y + 1).tolist()}")
    print("| aggregation | macro-F1 | confusion (rows gold neg/neu/pos, cols predicted) | neutral→negative |")
    print("|---|---|---|---|")
    results = {name: np.array([rule(f) for _, _, f in pairs]) for name, rule in _rules().items()}
    results["dead zone chosen by grouped 5-fold CV (out of fold)"] = grouped_cv_dead_zone(pairs)
    for name, predicted in results.items():
        matrix = confusion_matrix(y, predicted, labels=[-1, 0, 1])
        f1m = f1_score(y, predicted, average="macro", labels=[-1, 0, 1])
        print(f"| {name} | {f1m:.3f} | {matrix.tolist()} | {matrix[1, 0]}/{matrix[1].sum()} |")
    print("\nLinked references scored as further mentions of their person (shipped: none):")
    print("| references added | dead zone macro-F1 | neutral→negative | grouped-CV macro-F1 | neutral→negative |")
    print("|---|---|---|---|---|")
    for kinds in ((), ("nominal",), ("pronoun",), ("nominal", "pronoun")):
        pairs, _ = basil_pairs(folder, frozenset(kinds))
        y = np.array([g for _, g, _ in pairs])
        cells = []
        for predicted in (np.array([aggregate_sentiment(f).label for _, _, f in pairs]),
                          grouped_cv_dead_zone(pairs)):
            matrix = confusion_matrix(y, predicted, labels=[-1, 0, 1])
            cells += [f"{f1_score(y, predicted, average='macro', labels=[-1, 0, 1]):.3f}",
                      f"{matrix[1, 0]}/{matrix[1].sum()}"]
        print(f"| {' + '.join(kinds) or 'none'} | {' | '.join(cells)} |")
