"""Worst-case inputs for the package's own patterns: every one must cost linear time.

Each adversarial string is analysed at n and 4n repetitions (one article, one line, no
sentence breaks); a ratio near 4 is linear, near 16 quadratic. Also Markdown clean-up and
sentence splitting on their own. Run from the repository root:

    python benchmarks/regex_worst_case.py [--n 1000]
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

from mediacompare.analysis.pipeline import analyze
from mediacompare.ingest.plaintext import strip_markdown
from mediacompare.model import Article
from mediacompare.text import sentences

sys.path.insert(0, str(Path(__file__).resolve().parent))
from style_speed import _best  # noqa: E402  (one timing helper for the benchmarks)

CASES = {
    "money '1,000,'": "1,000,",
    "'he said that '": "he said that ",
    "'“a '": "“a ",
    "'Mr. '": "Mr. ",
    "'1.'": "1.",
    "capitals 'ABC '": "ABC ",
    "spaced quotes '\" '": '" ',
    "'wow! '": "wow! ",
    "'(((' ": "(((",
    "'--' ": "-- ",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    n = parser.parse_args().n
    print(f"# {platform.python_implementation()} {platform.python_version()}, {platform.machine()}")
    analyze(Article(id="warm", outlet="A", text="Warm up. He said it."))
    print(f"{'case':28} {'n':>8} {'t(n)':>8} {'t(4n)':>8} {'ratio':>6}")
    worst = 0.0
    rows = [(name, lambda k, u=unit: analyze(Article(id="x", outlet="A", text="Start. " + u * k)))
            for name, unit in CASES.items()]
    rows += [("markdown '_a '", lambda k: strip_markdown("_a " * k)),
             ("split 'Mr. ' x", lambda k: sentences("Mr. " * k * 4)),
             ("split '!' run", lambda k: sentences("!" * k * 20 + " a"))]
    for name, work in rows:
        small, large = _best(lambda: work(n), 3), _best(lambda: work(4 * n), 3)
        ratio = large / max(small, 1e-9)
        worst = max(worst, ratio)
        print(f"{name:28} {n:>8} {small:8.3f} {large:8.3f} {ratio:6.1f}")
    print(f"worst ratio {worst:.1f} (4 = linear, 16 = quadratic)")


if __name__ == "__main__":
    main()
