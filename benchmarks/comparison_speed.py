"""The comparison of N analysed AllSides articles: one process against ``--jobs 2`` (its
independent sections side by side), in one run, with the results checked equal.

    python benchmarks/comparison_speed.py [--data ../shared/data] [--limit 1000] [--repeat 2]

Analyses the first ``--limit`` articles of ``article-bias-prediction/same_topic_day_groups.jsonl``
(Baly et al. 2020, Apache-2.0) once, then times ``compare_corpus`` on those analyses with
``jobs=1`` and ``jobs=2`` in turn (best of ``--repeat``), and checks that the JSON report with
every sentence is the same for both (the recorded ``jobs`` parameter aside). Prints machine
information, the seconds of each and the ratio serial / side by side. Exits cleanly when the
data is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from end_to_end import write_corpus  # noqa: E402
from vader_speed import machine  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    if not (args.data / "article-bias-prediction").is_dir():
        print(f"{args.data / 'article-bias-prediction'} not found: nothing to measure (development data only)")
        return 0
    import tempfile

    from mediacompare.analysis.pipeline import analyze_all
    from mediacompare.comparison.pipeline import compare_corpus
    from mediacompare.ingest import load
    from mediacompare.report.render import render_json

    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "allsides.jsonl"
        write_corpus(args.data, args.limit, corpus)
        analyses = analyze_all(load([corpus]), jobs=2)
    best, reports = {}, {}
    for _ in range(args.repeat):
        for jobs in (1, 2):
            started = time.perf_counter()
            data = compare_corpus(analyses, jobs=jobs)
            best[jobs] = min(best.get(jobs, float("inf")), time.perf_counter() - started)
            info = replace(data.info, parameters={**data.info.parameters, "jobs": 0})
            reports[jobs] = render_json(replace(data, info=info), detail="sentences")
    same = "identical" if reports[1] == reports[2] else "DIFFERENT"
    print(f"{len(analyses)} analysed AllSides articles; comparison best of {args.repeat}")
    print(f"{'jobs 1 s':>9} {'jobs 2 s':>9} {'ratio':>6}  results")
    print(f"{best[1]:>9.1f} {best[2]:>9.1f} {best[1] / best[2]:>6.2f}  {same}")
    return 0 if same == "identical" else 1


if __name__ == "__main__":
    sys.exit(main())
