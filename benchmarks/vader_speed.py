"""Sentence VADER speed: ``mediacompare.VaderAnalyzer`` vs NLTK's analyzer, in the same run.

Every sentence of the BBC News corpus (2,225 articles, split with
``mediacompare.text.sentences``) is scored by

* NLTK: ``nltk.sentiment.vader.SentimentIntensityAnalyzer`` with the same lexicon file
  (``vaderSentiment``'s ``vader_lexicon.txt``) — the baseline;
* ours, cold: a fresh ``VaderAnalyzer`` (its per-token memory empty), one pass — what a run
  over a new corpus costs;
* ours, warm: the same analyzer again (every token already seen);
* ours + lru_cache: a per-sentence ``functools.lru_cache`` around a fresh analyzer, one pass —
  shown only to say what caching whole sentences would add (the shipped analyzer does not
  cache sentences: BBC repeats 133 articles, which would flatter it).

It prints machine information, sentences/s for each, the ratio to NLTK, and whether all four
values of every sentence are equal (``==``) to NLTK's. Best of ``--repeat`` runs for NLTK and
warm; cold and lru_cache runs build a fresh analyzer each repeat. Exits cleanly when the data
is absent.

    python benchmarks/vader_speed.py [--data ../shared/data] [--limit N] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import sys
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mediacompare._resources import version  # noqa: E402
from mediacompare.analysis.vader import VaderAnalyzer, lexicon_path  # noqa: E402
from mediacompare.text import sentences  # noqa: E402


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.python_implementation()} {platform.python_version()} on"
        f" {platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} CPUs;"
        f" nltk {version('nltk')}, vaderSentiment {version('vaderSentiment')},"
        f" mediacompare {version()}"
    )


def _time(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def nltk_analyzer():
    """NLTK's analyzer given vaderSentiment's lexicon file (NLTK refuses ``file:`` paths outside
    its data folders, so the file is read with NLTK's own ``make_lex_dict``)."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    sia = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    sia.lexicon_file = lexicon_path().read_bytes().decode("utf-8")
    sia.lexicon = sia.make_lex_dict()
    sia.constants = VaderConstants()
    return sia


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    path = args.data / "bbc-news" / "bbc_news_2225.csv"
    if not path.is_file():
        print(f"{path} not found: nothing to measure (development data only)")
        return 0
    with path.open(encoding="utf-8", newline="") as f:
        texts = [r["text"] for r in csv.DictReader(f)]
    texts = texts[: args.limit] if args.limit else texts
    sents = [s.text for t in texts for s in sentences(t)]
    n = len(sents)

    reference = nltk_analyzer()
    expected = [reference.polarity_scores(s) for s in sents]  # also warms NLTK up
    VaderAnalyzer()  # loads the lexicon once (shared by every analyzer); not timed

    def run_nltk() -> None:
        score = reference.polarity_scores
        for s in sents:
            score(s)

    def run_cold() -> None:
        score = VaderAnalyzer().polarity_scores
        for s in sents:
            score(s)

    warm = VaderAnalyzer()

    def run_warm() -> None:
        score = warm.polarity_scores
        for s in sents:
            score(s)

    def run_lru() -> None:
        score = lru_cache(maxsize=None)(VaderAnalyzer().polarity_scores)
        for s in sents:
            score(s)

    run_warm()
    equal = sum(warm.polarity_scores(s) == e for s, e in zip(sents, expected))
    print(machine())
    print(f"{len(texts)} BBC News articles, {n:,} sentences; best of {args.repeat}")
    print(f"{'analyzer':<34}{'seconds':>9}{'sentences/s':>14}{'x NLTK':>9}")
    base = _time(run_nltk, args.repeat)
    for name, fn in (
        ("NLTK SentimentIntensityAnalyzer", None),
        ("VaderAnalyzer, cold (fresh)", run_cold),
        ("VaderAnalyzer, warm", run_warm),
        ("VaderAnalyzer + lru_cache, cold", run_lru),
    ):
        seconds = base if fn is None else _time(fn, args.repeat)
        print(f"{name:<34}{seconds:>9.3f}{n / seconds:>14,.0f}{base / seconds:>9.1f}")
    print(f"equal to NLTK (all four values ==): {equal:,} of {n:,} sentences")
    return 0 if equal == n else 1


if __name__ == "__main__":
    raise SystemExit(main())
