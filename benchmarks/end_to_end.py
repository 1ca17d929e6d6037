"""End-to-end ``mediacompare report`` on the first N AllSides articles: this tree against an
older release installed side by side, in one run.

    python -m venv /tmp/old && /tmp/old/bin/python -m pip install "mediacompare @ git+<repo>@<tag>"
    python benchmarks/end_to_end.py --old-python /tmp/old/bin/python [--limit 1000] [--jobs 1]

Writes the first ``--limit`` articles of ``article-bias-prediction/same_topic_day_groups.jsonl``
(Baly et al. 2020, Apache-2.0) to a JSONL file (``id``, ``outlet``, ``title``, ``text``, ``url``,
``date``), then runs, each in a fresh process and in turn, ``python -m mediacompare report FILE
-o OUT.html`` and ``-o OUT.json`` with this tree and with ``--old-python`` (an interpreter whose
environment has the older release). Prints wall-clock seconds, peak RSS (``ru_maxrss`` of the
child) and output sizes, and the ratio old / new. Exits cleanly when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from vader_speed import machine  # noqa: E402

#: Runs the CLI in a child and prints its peak RSS (KiB) on the last stderr line.
_CHILD = """
import resource, runpy, sys
sys.argv = ["mediacompare", *sys.argv[1:]]
try:
    runpy.run_module("mediacompare", run_name="__main__")
except SystemExit as done:
    if done.code not in (0, None):
        raise
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def write_corpus(data: Path, limit: int, path: Path) -> int:
    source = data / "article-bias-prediction" / "same_topic_day_groups.jsonl"
    n = 0
    with source.open(encoding="utf-8") as rows, path.open("w", encoding="utf-8") as out:
        for line in rows:
            row = json.loads(line)
            out.write(json.dumps({"id": row["ID"], "outlet": row["source"], "title": row["title"],
                                  "text": row["content_original"], "url": row["url"],
                                  "date": row["date_norm"]}) + "\n")
            n += 1
            if n >= limit:
                break
    return n


def run(python: str, args: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of ``python -c _CHILD args`` in a fresh process."""
    started = time.perf_counter()
    done = subprocess.run([python, "-c", _CHILD, *args], cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"{python} {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return seconds, int(done.stderr.strip().splitlines()[-1]) / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=1, help="--jobs for this tree's runs (the old release runs serially)")
    ap.add_argument("--old-python", required=True, help="python of an environment with the older release")
    args = ap.parse_args(argv)
    if not (args.data / "article-bias-prediction").is_dir():
        print(f"{args.data / 'article-bias-prediction'} not found: nothing to measure (development data only)")
        return 0
    version = subprocess.run([args.old_python, "-c", "import mediacompare; print(mediacompare.__version__)"],
                             capture_output=True, text=True, check=True).stdout.strip()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "allsides.jsonl"
        n = write_corpus(args.data, args.limit, corpus)
        print(f"{n} AllSides articles; old release {version} via {Path(args.old_python).name}; "
              f"this tree with --jobs {args.jobs}")
        print(f"{'output':6} {'old s':>8} {'new s':>8} {'ratio':>6} {'old MB':>8} {'new MB':>8} "
              f"{'old size MiB':>13} {'new size MiB':>13}")
        for suffix in ("html", "json"):
            old_out, new_out = folder / f"old.{suffix}", folder / f"new.{suffix}"
            old_s, old_mb = run(args.old_python, ["report", str(corpus), "-o", str(old_out)], folder)  # no -q then
            new_s, new_mb = run(sys.executable, ["report", str(corpus), "-q", "--jobs", str(args.jobs),
                                                 "-o", str(new_out)], REPO)
            print(f"{suffix:6} {old_s:>8.1f} {new_s:>8.1f} {old_s / new_s:>6.2f} {old_mb:>8.0f} {new_mb:>8.0f} "
                  f"{old_out.stat().st_size / 2**20:>13.1f} {new_out.stat().st_size / 2**20:>13.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
