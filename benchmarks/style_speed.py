"""Throughput of style markers and quantity extraction on the BBC News corpus (2,225 articles).

Prints articles/s for, in the same run:

* baseline: ``mediacompare.text.sentences`` only (the one tokenisation pass every scorer needs);
* style: sentences + ``score_style``, with the headline scored by VADER once per article
  (standalone use) and with its score passed in (as ``analyze`` does, which already has it);
* quantities: sentences + ``extract_quantities``;
* both: sentences + style (headline given) + quantities;

and each one's time as a ratio of the baseline, so the ratio shows the overhead. Best of
``--repeat`` runs. Exits cleanly when the data is absent.

    python benchmarks/style_speed.py [--data ../shared/data] [--limit N] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mediacompare.analysis.quantities import extract_quantities
from mediacompare.analysis.style import score_style
from mediacompare.text import sentences


def _best(fn: Callable[[], None], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


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
        rows = [(r["title"], r["text"]) for r in csv.DictReader(f)]
    rows = rows[: args.limit] if args.limit else rows
    n = len(rows)

    # Warm up: VADER (NLTK import, lexicon), style lexicons, stop words; not part of the timing.
    score_style(sentences(rows[0][1]), title=rows[0][0])
    extract_quantities(sentences(rows[0][1]))

    def baseline() -> None:
        for _, text in rows:
            sentences(text)

    def style() -> None:  # standalone: the headline is scored with VADER here
        for title, text in rows:
            score_style(sentences(text), title=title)

    def style_given() -> None:  # in analyze: the headline compound is already known
        for _, text in rows:
            score_style(sentences(text), title_compound=0.0, body_compound_mean=0.0)

    def quantities() -> None:
        for _, text in rows:
            extract_quantities(sentences(text))

    def both() -> None:
        for _, text in rows:
            ss = sentences(text)
            score_style(ss, title_compound=0.0, body_compound_mean=0.0)
            extract_quantities(ss)

    n_words = sum(len(s.words) for _, text in rows for s in sentences(text))
    n_quantities = sum(len(extract_quantities(sentences(t))) for _, t in rows)
    base = _best(baseline, args.repeat)
    print(f"{n} articles, {n_words:,} words, {n_quantities:,} quantities; best of {args.repeat}")
    print(f"{'step':<46}{'seconds':>9}{'articles/s':>12}{'x baseline':>12}")
    for name, fn, t in (
        ("sentences (baseline)", baseline, base),
        ("sentences + score_style (headline scored)", style, None),
        ("sentences + score_style (headline given)", style_given, None),
        ("sentences + extract_quantities", quantities, None),
        ("sentences + style (given) + quantities", both, None),
    ):
        seconds = t if t is not None else _best(fn, args.repeat)
        print(f"{name:<46}{seconds:>9.3f}{n / seconds:>12.1f}{seconds / base:>12.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
