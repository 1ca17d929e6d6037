"""Reproduce Table 4 of the VADER paper (Hutto & Gilbert, ICWSM 2014) with mediacompare's scorer.

For each of the paper's four ground-truth sets, compute Pearson r between our VADER compound
score (NLTK's analyzer with the vaderSentiment lexicon, through
``mediacompare.analysis.sentiment.score_sentences``) and the mean human rating, and print it beside the
paper's value, the same-run score of the ``vaderSentiment`` package's own analyzer, and
throughput.

Each snippet is scored whole, as one unit, like the paper: the humans rated whole snippets
(tweets may hold several sentences, rated together), and VADER's compound of a multi-sentence
text is not the mean of its sentences' compounds. The column ``split r`` shows what happens if
the snippet is instead split with ``mediacompare.text.sentences`` and the sentence compounds
averaged (how mediacompare summarises articles).

Input quirks (checked on the files from github.com/cjhutto/vaderSentiment): CRLF line endings,
no newline after the last line, valid UTF-8 (accented names and en dashes in the movie set),
HTML entities left from scraping (``&amp;``, ``&lt;``, ``&gt;`` and double-escaped
``&amp;#38;``), Penn-Treebank ``''`` quotes, a few texts with leading spaces. Lines are split
with universal newlines and the text is scored exactly as stored (the paper scored these
strings); ``--unescape`` decodes HTML entities first, for comparison.

Usage (from the repository root)::

    python benchmarks/vader_paper.py [--data DIR] [--unescape]
"""

from __future__ import annotations

import argparse
import html
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "vader-groundtruth"
if str(REPO) not in sys.path:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(REPO))

#: (file, label, Pearson r of VADER vs the mean of 20 human raters in the paper's Table 4)
SETS = (
    ("tweets_GroundTruth.txt", "tweets", 0.881),
    ("movieReviewSnippets_GroundTruth.txt", "movie reviews", 0.451),
    ("amazonReviewSnippets_GroundTruth.txt", "amazon reviews", 0.565),
    ("nytEditorialSnippets_GroundTruth.txt", "nyt editorials", 0.492),
)


@dataclass(frozen=True)
class Snippets:
    ids: tuple[str, ...]
    ratings: np.ndarray
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    label: str
    n: int
    paper_r: float
    ours_r: float
    ours_ci: tuple[float, float]
    split_r: float
    baseline_r: float
    ours_rate: float
    baseline_rate: float
    identical: float  # share of snippets where both analyzers give the same compound


def read_snippets(path: Path, unescape: bool) -> Snippets:
    """Read one tab-separated ``id, mean rating, text`` file."""
    ids, ratings, texts = [], [], []
    with path.open(encoding="utf-8", newline=None) as handle:  # universal newlines: CRLF → \n
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split("\t", 2)
            if len(parts) != 3:
                sys.exit(f"{path}:{number}: expected 'id<TAB>rating<TAB>text', got {line[:60]!r}")
            try:
                rating = float(parts[1])
            except ValueError:
                sys.exit(f"{path}:{number}: rating {parts[1]!r} is not a number")
            text = parts[2]
            if unescape:
                while (decoded := html.unescape(text)) != text:  # &amp;#38; needs two rounds
                    text = decoded
            ids.append(parts[0])
            ratings.append(rating)
            texts.append(text)
    return Snippets(tuple(ids), np.asarray(ratings), tuple(texts))


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(x, y)[0, 1])


def fisher_ci(r: float, n: int, z: float = 1.959964) -> tuple[float, float]:
    """95% confidence interval of Pearson r (Fisher z transform)."""
    centre, half = math.atanh(r), z / math.sqrt(n - 3)
    return math.tanh(centre - half), math.tanh(centre + half)


def evaluate(label: str, paper_r: float, data: Snippets) -> Result:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as PackageAnalyzer

    from mediacompare.model import Sentence
    from mediacompare.analysis.sentiment import score_sentences
    from mediacompare.text import sentences

    units = [Sentence(index=i, start=0, end=len(t), text=t) for i, t in enumerate(data.texts)]
    start = time.perf_counter()
    ours = np.asarray([s.compound for s in score_sentences(units)])
    ours_seconds = time.perf_counter() - start

    split = np.asarray(
        [np.mean([s.compound for s in score_sentences(sentences(t))] or [0.0]) for t in data.texts]
    )

    package = PackageAnalyzer()
    start = time.perf_counter()
    baseline = np.asarray([package.polarity_scores(t)["compound"] for t in data.texts])
    baseline_seconds = time.perf_counter() - start

    n = len(data.texts)
    ours_r = pearson(ours, data.ratings)
    return Result(
        label=label,
        n=n,
        paper_r=paper_r,
        ours_r=ours_r,
        ours_ci=fisher_ci(ours_r, n),
        split_r=pearson(split, data.ratings),
        baseline_r=pearson(baseline, data.ratings),
        ours_rate=n / ours_seconds,
        baseline_rate=n / baseline_seconds,
        identical=float(np.mean(ours == baseline)),
    )


def print_table(results: list[Result]) -> None:
    print(
        "| set | n | paper r (Table 4) | ours r [95% CI] | ours − paper | vaderSentiment r"
        " | split r | same compound as vaderSentiment | ours snippets/s | vaderSentiment snippets/s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r.label} | {r.n} | {r.paper_r:.3f} | {r.ours_r:.3f} [{r.ours_ci[0]:.3f}, "
            f"{r.ours_ci[1]:.3f}] | {r.ours_r - r.paper_r:+.3f} | {r.baseline_r:.3f} | "
            f"{r.split_r:.3f} | {100 * r.identical:.1f}% | {r.ours_rate:,.0f} | "
            f"{r.baseline_rate:,.0f} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA,
        help=f"folder with the four *_GroundTruth.txt files (default: {DEFAULT_DATA})",
    )
    parser.add_argument(
        "--unescape", action="store_true", help="decode HTML entities (&amp; ...) before scoring"
    )
    args = parser.parse_args(argv)

    missing = [name for name, _, _ in SETS if not (args.data / name).is_file()]
    if missing:
        sys.exit(
            f"VADER ground-truth data not found in {args.data} (missing {', '.join(missing)}); "
            "pass --data DIR pointing at the folder from the hutto_ICWSM_2014 archive"
        )

    import nltk

    from mediacompare.analysis.sentiment import analyzer

    start = time.perf_counter()
    lexicon_size = len(analyzer().lexicon)
    load_seconds = time.perf_counter() - start

    from importlib.metadata import version

    print(
        f"# VADER paper, Table 4 — Pearson r with the mean human rating "
        f"({'HTML entities decoded' if args.unescape else 'texts as stored'})"
    )
    print(
        f"ours: nltk {nltk.__version__} SentimentIntensityAnalyzer + vaderSentiment "
        f"{version('vaderSentiment')} lexicon ({lexicon_size} entries, loaded in "
        f"{load_seconds:.2f} s); baseline: vaderSentiment {version('vaderSentiment')} analyzer; "
        f"python {sys.version.split()[0]}"
    )
    print()
    results = [
        evaluate(label, paper_r, read_snippets(args.data / name, args.unescape))
        for name, label, paper_r in SETS
    ]
    print_table(results)
    print()
    print(
        "ours = each snippet scored whole via mediacompare.analysis.sentiment.score_sentences; "
        "split r = mean compound of mediacompare.text.sentences of the snippet."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
