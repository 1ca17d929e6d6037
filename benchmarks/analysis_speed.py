"""Whole per-article analysis speed vs the naive loop (Punkt split + NLTK VADER), in one run.

On the first ``--limit`` BBC News articles (default 200), in one process, it times

* the naive loop: ``nltk.tokenize.punkt.PunktSentenceTokenizer()`` (untrained: Punkt's trained
  data is not installed, the class ships in ``nltk``) splits each article, and NLTK's
  ``SentimentIntensityAnalyzer`` (with ``vaderSentiment``'s lexicon file) scores every
  sentence — what a researcher would write for sentiment alone;
* the full analysis as the command line runs it: ``analyze_all(articles, jobs=1)`` (sentences,
  VADER, term counts, frames, actors with target sentiment, quotes, style, loaded language,
  quantities — everything ``mediacompare`` computes before comparing outlets; the classifiers
  are called once per batch of articles), and the same with ``analyze`` one article a call;

and prints machine information, articles/s for each and the ratio full / naive (≥ 1 means the
whole analysis runs at the naive loop's speed or better). Both are warmed up on one article
first (imports, lexicons, models); best of ``--repeat`` runs.

``--stages`` prints the seconds spent in each stage of the full analysis.
``--jobs N`` adds ``analyze_all(jobs=N)`` (worker processes) against the serial
``analyze_all`` in the same run, with the speed-up and whether every result is equal (``==``) to
the serial one. ``--profile`` prints the cProfile top 20 (by own time) of one full-analysis
pass. Exits cleanly when the data is absent.

    python benchmarks/analysis_speed.py [--data ../shared/data] [--limit 200] [--repeat 3]
                                        [--jobs 2] [--stages] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from vader_speed import machine, nltk_analyzer  # noqa: E402

from mediacompare.analysis.pipeline import analyze, analyze_all  # noqa: E402
from mediacompare.model import Article  # noqa: E402


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def load_articles(data: Path, limit: int | None) -> list[Article] | None:
    """The first ``limit`` BBC News articles as ``Article`` s (``None`` when the data is absent)."""
    path = data / "bbc-news" / "bbc_news_2225.csv"
    if not path.is_file():
        print(f"{path} not found: nothing to measure (development data only)")
        return None
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows = rows[:limit] if limit else rows
    return [Article(id=r["id"], outlet="BBC", title=r["title"], text=r["text"]) for r in rows]


#: (module, function, stage name) of the stages ``analyze_batch`` calls (looked up at call time).
STAGES = (
    ("mediacompare.analysis.pipeline", "sentences", "sentence splitting"),
    ("mediacompare.analysis.sentiment", "score_sentences", "VADER"),
    ("mediacompare.analysis.sentiment", "summarize", "tone summary"),
    ("mediacompare.analysis.actors", "detect_actors", "actor detection"),
    ("mediacompare.analysis.actors.references", "link_references", "references"),
    ("mediacompare.analysis.quotes", "extract_quotes", "quotes"),
    ("mediacompare.analysis.framing", "score_frames", "frames"),
    ("mediacompare.analysis.loaded.score", "score_loaded_many", "loaded language"),
    ("mediacompare.analysis.targets.mentions", "score_mentions_many", "actor sentiment"),
    ("mediacompare.analysis.style", "score_style", "style"),
    ("mediacompare.analysis.quantities", "extract_quantities", "quantities"),
    ("mediacompare.analysis.pipeline", "ngram_counts", "term counts"),
)


def print_stages(run: Callable[[], object], repeat: int) -> None:
    """Seconds spent in each of :data:`STAGES` during ``run`` (the run with the least total)."""
    import importlib

    spent: dict[str, float] = {}
    originals = []
    for module_name, attr, stage in STAGES:
        module = importlib.import_module(module_name)
        original = getattr(module, attr)
        originals.append((module, attr, original))

        def timed(*a: object, _f: Callable = original, _stage: str = stage, **k: object) -> object:
            t0 = time.perf_counter()
            try:
                return _f(*a, **k)
            finally:
                spent[_stage] = spent.get(_stage, 0.0) + time.perf_counter() - t0

        setattr(module, attr, timed)
    best: dict[str, float] = {}
    try:
        for _ in range(repeat):
            spent.clear()
            t0 = time.perf_counter()
            run()
            spent["(rest: assembling records)"] = time.perf_counter() - t0 - sum(spent.values())
            if not best or sum(spent.values()) < sum(best.values()):
                best = dict(spent)
    finally:
        for module, attr, original in originals:
            setattr(module, attr, original)
    total = sum(best.values())
    print(f"stages of the full analysis (best of {repeat}; {total:.3f} s, timing included)")
    for stage, seconds in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<30}{seconds:>8.3f} s{seconds / total:>7.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=200, help="the first N articles (0: all)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0, help="also time analyze_all(jobs=N)")
    parser.add_argument("--profile", action="store_true", help="cProfile top 20 of the analysis")
    parser.add_argument("--stages", action="store_true", help="seconds per analysis stage (best run)")
    args = parser.parse_args(argv)
    articles = load_articles(args.data, args.limit)
    if articles is None:
        return 0
    n = len(articles)

    from nltk.tokenize.punkt import PunktSentenceTokenizer

    punkt = PunktSentenceTokenizer()
    sia = nltk_analyzer()

    def naive() -> None:
        score = sia.polarity_scores
        for a in articles:
            for s in punkt.tokenize(a.text):
                score(s)

    def one_by_one() -> None:
        for a in articles:
            analyze(a)

    def full() -> None:
        analyze_all(articles, jobs=1)

    for a in articles[:1]:  # warm-up: imports, lexicons, models (not timed)
        analyze(a)
        naive_one = [sia.polarity_scores(s) for s in punkt.tokenize(a.text)]
        del naive_one

    print(machine())
    print(f"{n} BBC News articles, one process; best of {args.repeat}")
    print(f"{'':<44}{'seconds':>9}{'articles/s':>12}{'ratio':>8}")
    base = _best(naive, args.repeat)
    print(f"{'naive loop (Punkt + NLTK VADER)':<44}{base:>9.3f}{n / base:>12.1f}{1.0:>8.2f}")
    seconds = _best(full, args.repeat)
    print(f"{'full analysis (analyze_all, serial batches)':<44}{seconds:>9.3f}{n / seconds:>12.1f}"
          f"{base / seconds:>8.2f}")
    seconds = _best(one_by_one, args.repeat)
    print(f"{'full analysis (analyze, one article a call)':<44}{seconds:>9.3f}{n / seconds:>12.1f}"
          f"{base / seconds:>8.2f}")

    status = 0
    if args.jobs > 1:
        serial_results: list[object] = []
        parallel_results: list[object] = []

        def serial() -> None:
            serial_results[:] = analyze_all(articles, jobs=1)

        def parallel() -> None:
            parallel_results[:] = analyze_all(articles, jobs=args.jobs)

        one = _best(serial, args.repeat)
        many = _best(parallel, args.repeat)
        equal = sum(x == y for x, y in zip(serial_results, parallel_results, strict=True))
        print(f"{'analyze_all, serial':<44}{one:>9.3f}{n / one:>12.1f}{1.0:>8.2f}")
        print(f"{f'analyze_all, jobs={args.jobs}':<44}{many:>9.3f}{n / many:>12.1f}"
              f"{one / many:>8.2f}")
        print(f"results equal to serial (==): {equal} of {n}")
        status = 0 if equal == n else 1

    if args.stages:
        print_stages(full, args.repeat)

    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(full)
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(20)
        print(out.getvalue())
    return status


if __name__ == "__main__":
    raise SystemExit(main())
