"""Train the shipped target-sentiment model on NewsMTSC train.jsonl and write it into the package.

    python benchmarks/train_target_sentiment.py            # writes mediacompare/resources/target_sentiment/
    python benchmarks/train_target_sentiment.py --out DIR  # somewhere else

Deterministic: the same data, code and library versions give byte-identical model files.
Data: ``../shared/data/newsmtsc/train.jsonl`` (Hamborg & Donnay 2021, MIT licence).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mediacompare.analysis.targets import TargetSentimentClassifier  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "mediacompare" / "resources" / "target_sentiment"


def read_newsmtsc(path: Path) -> tuple[list[tuple[str, int, int]], list[int]]:
    """(sentence, from, to) triples and polarities of a NewsMTSC JSONL file."""
    items, labels = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                items.append((row["sentence"], int(row["from"]), int(row["to"])))
                labels.append(int(row["polarity"]))
    return items, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding newsmtsc/")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model directory to write")
    parser.add_argument("--precision", default="float16", choices=["float16", "float32", "float64"])
    args = parser.parse_args()

    train_path = args.data / "newsmtsc" / "train.jsonl"
    if not train_path.is_file():
        sys.exit(f"{train_path} not found; pass --data pointing at the shared data folder")
    items, labels = read_newsmtsc(train_path)
    started = time.perf_counter()
    # Balanced class weights: +0.007 (rw) and +0.011 (mt) dev F1m over unweighted at C=1.
    model = TargetSentimentClassifier(class_weight="balanced").fit(items, labels)
    seconds = time.perf_counter() - started
    counts = collections.Counter(labels)
    metadata = {
        "data": "NewsMTSC train.jsonl (newsmtsc-rw-hf), github.com/fhamborg/NewsMTSC @ b9d9b79",
        "data_sha256": hashlib.sha256(train_path.read_bytes()).hexdigest(),
        "data_licence": "MIT (c) 2020 Felix Hamborg",
        "citation": "Hamborg, F. & Donnay, K. (2021). NewsMTSC: A Dataset for (Multi-)Target-"
                    "dependent Sentiment Classification in Political News Articles. EACL 2021.",
        "n_mentions": len(items),
        "label_counts": {str(k): counts[k] for k in sorted(counts)},
        "script": "benchmarks/train_target_sentiment.py",
    }
    model.save(args.out, precision=args.precision, metadata=metadata)
    sizes = {p.name: p.stat().st_size for p in sorted(args.out.iterdir()) if p.is_file()}
    print(f"trained on {len(items)} mentions in {seconds:.1f} s; "
          f"{len(model.features_.vocabulary_)} sparse + dense features")
    for name, size in sizes.items():
        print(f"  {args.out / name}: {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
