"""Report sizes and times on the first N AllSides articles: JSON at both detail levels, HTML.

    python benchmarks/report_bounds.py [--data ../shared/data] [--limit 1000]

Reads the first ``--limit`` articles of ``article-bias-prediction/same_topic_day_groups.jsonl``
(Baly et al. 2020, Apache-2.0; several outlets per AllSides topic and day), cleans each text as
the JSONL reader does (furniture lines such as gallery captions, repeated blocks), runs ``compare``
once (timed: analysis and comparison), then renders and times the JSON report at
``detail="summary"`` (the default) and ``detail="sentences"``, and the HTML report. Prints
machine information, each size in MiB (as ``report`` writes them: JSON one value a line) and seconds, and the
ratio summary / sentences. The documented bounds (README, ``report.schema.json``): the
1,000-article JSON under 20 MB and the HTML under 10 MB. Exits cleanly when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from vader_speed import machine  # noqa: E402

from mediacompare import compare  # noqa: E402
from mediacompare.ingest.clean import clean_text  # noqa: E402
from mediacompare.model import Article  # noqa: E402
from mediacompare.report import render_html, render_json  # noqa: E402


def load(data: Path, limit: int) -> list[Article] | None:
    path = data / "article-bias-prediction" / "same_topic_day_groups.jsonl"
    if not path.is_file():
        print(f"{path} not found: nothing to measure (development data only)")
        return None
    articles = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            articles.append(Article(id=row["ID"], outlet=row["source"], title=row["title"],
                                    text=clean_text(row["content_original"], title=row["title"]).text, url=row["url"],
                                    date=row["date_norm"]))
            if len(articles) >= limit:
                break
    return articles


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=1000)
    args = ap.parse_args(argv)
    articles = load(args.data, args.limit)
    if articles is None:
        return 0
    print(machine())
    started = time.perf_counter()
    cmp = compare(articles)
    print(f"{len(articles)} AllSides articles, {len({a.outlet for a in articles})} outlets; "
          f"compare {time.perf_counter() - started:.1f} s")
    sizes = {}
    for name, render in (("JSON summary", lambda: render_json(cmp, indent=0)),
                         ("JSON sentences", lambda: render_json(cmp, indent=0, detail="sentences")),
                         ("HTML", lambda: render_html(cmp))):
        t0 = time.perf_counter()
        text = render()
        seconds = time.perf_counter() - t0
        sizes[name] = len(text.encode("utf-8")) / 2**20
        print(f"{name:<15} {sizes[name]:8.1f} MiB {seconds:7.1f} s")
    print(f"summary / sentences {sizes['JSON summary'] / sizes['JSON sentences']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
