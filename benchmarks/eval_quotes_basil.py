"""Quote speakers against BASIL dev (Fan et al. 2019): right / wrong / no speaker.

    python benchmarks/eval_quotes_basil.py [--data DIR] [--all] [--show N]

BASIL marks phrase-level bias spans; spans inside a quotation carry ``quote=yes`` and the
``speaker`` (an entity id such as ``Donald_Trump``, a group such as ``Democratic_lawmakers``
or ``other_anti`` for unnamed sources). The default set is the spans whose speaker is a
**named person** (two or more name parts, not ``other_*`` and not a group word). For each span
the quote extracted by mediacompare that overlaps it most is taken (direct and fragment quotes
first, then reported speech); its speaker is

- **right** when the gold speaker's surname is the last name part of the predicted speaker
  (``Felipe_Calder`` matches "Felipe Calderón": a prefix of at least five letters counts),
- **wrong** when a different speaker is given,
- **none** when the overlapping quote is unattributed or no quote overlaps the span.

Counts are per annotated span (a long quote holding two bias spans counts twice, as the
annotation does). Group speakers (``Democratic_lawmakers``) are left out: a surname rule cannot
score them. ``--show N`` lists up to N wrong and unattributed cases (to read, not to tune
single articles on).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mediacompare.analysis.actors import detect_actors  # noqa: E402
from mediacompare.analysis.quotes import extract_quotes  # noqa: E402
from mediacompare.text import sentences  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data"
GROUP_WORDS = frozenset(
    "lawmakers democrats republicans officials members companies committee administration"
    " staff aides campaign senate house".split()
)
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii"})


def fold(word: str) -> str:
    """Lower case without accents: "Calderón" → "calderon"."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c)
    ).strip(".,")


def is_named_person(speaker: str) -> bool:
    parts = speaker.split("_")
    return (
        not speaker.startswith("other")
        and len(parts) >= 2
        and not any(p.lower() in GROUP_WORDS for p in parts)
    )


def surname(name: str) -> str:
    parts = [fold(p) for p in name.replace("_", " ").split() if fold(p) not in SUFFIXES]
    return parts[-1] if parts else ""


def matches(gold: str, predicted: str) -> bool:
    want, got = surname(gold), surname(predicted)
    if not want or not got:
        return False
    return got == want or (len(want) >= 5 and got.startswith(want))


def read_spans(folder: Path) -> tuple[dict[str, dict], list[dict]]:
    with open(folder / "basil_articles.jsonl", encoding="utf-8") as handle:
        articles = {row["uuid"]: row for row in map(json.loads, handle) if row}
    with open(folder / "basil_phrase_annotations.csv", encoding="utf-8") as handle:
        spans = [r for r in csv.DictReader(handle) if r["quote"] == "yes" and r["speaker"]]
    return articles, spans


def article_quotes(text: str):
    ss = sentences(text)
    return extract_quotes(text, ss, detect_actors(ss))


def span_offsets(article: dict, span: dict) -> tuple[int, int] | None:
    """Article offsets of an annotated span (its offsets are within its sentence)."""
    sentence = article["sentences"][int(span["sentence_idx"])]
    at = article["text"].find(sentence)
    if at < 0:
        return None
    return at + int(span["start"]), at + int(span["end"])


def best_quote(quotes, start: int, end: int):
    def overlap(q) -> int:
        return max(0, min(end, q.end) - max(start, q.start))

    ranked = sorted(
        (q for q in quotes if overlap(q) > 0),
        key=lambda q: (q.kind == "indirect", -overlap(q), q.start),
    )
    return ranked[0] if ranked else None


def evaluate(folder: Path, keep, show: int = 0) -> Counter:
    articles, spans = read_spans(folder)
    cache: dict[str, tuple] = {}
    counts: Counter = Counter()
    shown: Counter = Counter()
    for span in spans:
        if not keep(span["speaker"]):
            continue
        article = articles.get(span["article_uuid"])
        where = span_offsets(article, span) if article else None
        if where is None:
            counts["skipped"] += 1
            continue
        if article["uuid"] not in cache:
            cache[article["uuid"]] = article_quotes(article["text"])
        quote = best_quote(cache[article["uuid"]], *where)
        predicted = (quote.speaker_actor or quote.speaker) if quote else None
        outcome = "none" if not predicted else "right" if matches(span["speaker"], predicted) else "wrong"
        counts[outcome] += 1
        if outcome != "right" and shown[outcome] < show:
            shown[outcome] += 1
            context = article["text"][max(0, where[0] - 80) : where[1] + 80].replace("\n", " ")
            print(f"  [{outcome}] gold {span['speaker']!r} got {predicted!r}: …{context}…")
    return counts


def table_row(name: str, counts: Counter) -> str:
    n = counts["right"] + counts["wrong"] + counts["none"]
    pct = {k: 100 * counts[k] / n if n else 0.0 for k in ("right", "wrong", "none")}
    return (f"| {name} | {n} | {pct['right']:.1f}% ({counts['right']}) | "
            f"{pct['wrong']:.1f}% ({counts['wrong']}) | {pct['none']:.1f}% ({counts['none']}) |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding basil-dev/")
    parser.add_argument("--show", type=int, default=0, help="list up to N wrong / none cases")
    args = parser.parse_args()
    folder = args.data / "basil-dev"
    if not (folder / "basil_phrase_annotations.csv").is_file():
        sys.exit(f"{folder}/basil_phrase_annotations.csv not found; pass --data")
    print("| speakers | spans | right | wrong | none |")
    print("|---|---|---|---|---|")
    print(table_row("named persons", evaluate(folder, is_named_person, args.show)))
    print("\ncommand: python benchmarks/eval_quotes_basil.py")


if __name__ == "__main__":
    main()
