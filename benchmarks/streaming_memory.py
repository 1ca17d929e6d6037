"""Peak memory of ``score`` as the corpus grows: streamed (today) vs load-everything (baseline).

For each size N (``--sizes``, default 1000 and 4000) it writes a JSONL corpus of N articles —
BBC News articles repeated in order, each copy with its own id and one of 20 outlets — and
runs, each in a fresh Python process:

* **streamed**: ``mediacompare score FILE --by outlet --format csv`` (what users run: the
  corpus read, analysed and summarised a chunk at a time);
* **baseline**: the same summary computed the way ``score`` worked before streaming — every
  article loaded with ``load``, analysed with ``analyze_all``, then summarised.

It prints machine information, each run's peak resident memory (``ru_maxrss``), articles/s,
and the ratio streamed / baseline. Flat memory means the streamed peak stays about the same
while N grows; the baseline's grows with N. Both run the full per-article analysis, so sizes
are limited by its speed (about 40 articles/s on one core here): 100,000 articles take about
45 minutes per run and a million about 7 hours. Exits cleanly when the data is absent.

The one thing that still grows with N is the ids' uniqueness check, which must remember every
id. A second table gives its memory for each size, measured in this process with
``tracemalloc`` (no analysis, so it runs in seconds even for a million): the allocator
``score`` uses (8-byte digests in a sorted array) against a set of the id strings (the
allocator before it, about 100 bytes an id).

With ``--jobs N`` the streamed run uses N worker processes; its peak is then the largest of
the parent's and any one worker's.

With ``--trace SECONDS`` (Linux) the streamed run is also sampled every SECONDS: one line per
sample with the articles read so far (the parent's offset in the corpus file) and the resident
memory of the parent and of its largest worker. One long run then shows whether memory grows
with the articles read, without a separate run per size.

    python benchmarks/streaming_memory.py [--data ../shared/data] [--sizes 1000,4000] [--baseline-max 10000]
                                          [--jobs 1] [--trace 60]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from vader_speed import machine  # noqa: E402

OUTLETS = 20

STREAMED = """
import resource, sys
sys.argv = ["mediacompare", "score", sys.argv[1], "--by", "outlet", "--format", "csv", "--jobs", sys.argv[2]]
from mediacompare.cli import main
try:
    main()
except SystemExit as done:
    assert not done.code, done.code
peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(peak, file=sys.stderr)
"""

BASELINE = """
import resource, sys
from mediacompare.analysis.pipeline import analyze_all
from mediacompare.comparison.running import OutletSummary
from mediacompare.ingest import load
from mediacompare.report.scores import score_rows
rows = score_rows(analyze_all(load([sys.argv[1]])))
summary = OutletSummary(numeric=[k for k, v in rows[0].items() if isinstance(v, float)])
summary.add(rows)
print(len(summary.rows()))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def write_corpus(bbc: list[dict[str, str]], n: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            row = bbc[i % len(bbc)]
            out.write(json.dumps({"id": f"a{i}", "outlet": f"Outlet {i % OUTLETS}",
                                  "title": row["title"], "text": row["text"]}) + "\n")


def run(code: str, corpus: Path, *args: str, trace: float = 0.0,
        articles: int = 0) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of ``code`` run on ``corpus`` in a fresh interpreter.

    With ``trace`` > 0 the run is sampled every ``trace`` seconds (see :func:`sample`).
    """
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen([sys.executable, "-c", code, str(corpus), *args], cwd=REPO,
                                   stdout=subprocess.DEVNULL, stderr=err, text=True)
        while True:
            try:
                process.wait(timeout=trace or None)
                break
            except subprocess.TimeoutExpired:
                print(sample(process.pid, corpus, articles, time.perf_counter() - started),
                      flush=True)
        seconds = time.perf_counter() - started
        err.seek(0)
        stderr = err.read()
    if process.returncode:
        raise SystemExit(f"run failed:\n{stderr[-2000:]}")
    return int(stderr.strip().splitlines()[-1]) / 1024, seconds


def _rss_mb(pid: int) -> float:
    """Resident memory of one process in MB (0 when it has gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _children(pid: int) -> list[int]:
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        return [int(c) for t in tasks for c in (t / "children").read_text().split()]
    except OSError:
        return []


def _offset(pid: int, corpus: Path) -> int:
    """How far process ``pid`` has read into ``corpus`` (bytes; 0 when it has it not open)."""
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if Path(fd.readlink()) == corpus:
                for line in Path(f"/proc/{pid}/fdinfo/{fd.name}").read_text().splitlines():
                    if line.startswith("pos:"):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def sample(pid: int, corpus: Path, articles: int, seconds: float) -> str:
    """One trace line: time, articles read so far, parent RSS, largest worker RSS (MB)."""
    try:
        read = _offset(pid, corpus) / corpus.stat().st_size
    except OSError:
        read = 0.0
    workers = [_rss_mb(c) for c in _children(pid)]
    return (f"  trace {seconds:>8.0f} s  ~{read * articles:>10,.0f} articles read  "
            f"parent {_rss_mb(pid):>6.0f} MB  largest worker {max(workers, default=0):>6.0f} MB")


def id_memory(n: int) -> tuple[float, float]:
    """Peak traced memory (MB) of ``n`` corpus ids ("a0", "a1", …) taken by ``IdAllocator``
    and, for comparison, kept in a set of strings."""
    import tracemalloc

    import numpy  # noqa: F401 - imported before tracing: the allocator's merges use it

    from mediacompare.ingest.metadata import IdAllocator

    peaks = []
    for make in (IdAllocator, set):
        tracemalloc.start()
        ids = make()
        take = ids.take if isinstance(ids, IdAllocator) else ids.add
        for i in range(n):
            take(f"a{i}")
        peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
        del ids, take
    return peaks[0], peaks[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--sizes", default="1000,4000", help="comma-separated article counts")
    parser.add_argument("--baseline-max", type=int, default=10_000,
                        help="run the load-everything baseline only up to this size (its memory "
                             "grows with N: about 20 GB at 100,000 articles)")
    parser.add_argument("--trace", type=float, default=0.0, metavar="SECONDS",
                        help="sample the streamed run's memory and progress every SECONDS")
    parser.add_argument("--jobs", type=int, default=1,
                        help="--jobs of the streamed score (peak RSS is then that of the largest "
                             "process: the parent or one worker)")
    args = parser.parse_args(argv)
    source = args.data / "bbc-news" / "bbc_news_2225.csv"
    if not source.is_file():
        print(f"{source} not found: nothing to measure (development data only)")
        return 0
    with source.open(encoding="utf-8", newline="") as f:
        bbc = list(csv.DictReader(f))
    sizes = [int(s) for s in args.sizes.split(",")]
    print(machine())
    print(f"BBC News articles repeated, {OUTLETS} outlets; peak RSS of a fresh process per run; "
          f"streamed with --jobs {args.jobs}")
    print(f"{'articles':>9} {'file MB':>8} {'streamed MB':>12} {'baseline MB':>12} "
          f"{'ratio':>6} {'streamed art/s':>15} {'baseline art/s':>15}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            write_corpus(bbc, n, corpus)
            streamed, t_streamed = run(STREAMED, corpus, str(args.jobs), trace=args.trace,
                                       articles=n)
            if n <= args.baseline_max:
                baseline, t_baseline = run(BASELINE, corpus)
                against = f"{baseline:>12.0f} {streamed / baseline:>6.2f}"
                baseline_rate = f"{n / t_baseline:>15.1f}"
            else:
                against, baseline_rate = f"{'–':>12} {'–':>6}", f"{'–':>15}"
            print(f"{n:>9,} {corpus.stat().st_size / 2**20:>8.1f} {streamed:>12.0f} {against} "
                  f"{n / t_streamed:>15.1f} {baseline_rate}", flush=True)
            corpus.unlink()
    print("\nids of the uniqueness check (peak traced memory, this process)")
    print(f"{'articles':>9} {'digests MB':>11} {'set of ids MB':>14} {'ratio':>6}")
    for n in sizes:
        digests, strings = id_memory(n)
        print(f"{n:>9,} {digests:>11.1f} {strings:>14.1f} {digests / strings:>6.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
