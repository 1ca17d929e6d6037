"""Do bias phrases about a person reach that person when the sentence does not name them?

    python benchmarks/eval_references_basil.py [--data DIR] [--show N]

BASIL dev annotates bias phrases with their target entity. For phrases aimed directly
(``aim == "dir"``) at a person (a target written ``First_Last`` whose surname some detected
person of the article carries; groups and issues are left out), the phrase's sentence is
looked up: when a detected person mention in it carries the target's surname, the sentence
names the target (counted, not scored). Otherwise the sentence can only reach the target
through a reference ("he", "the president"); :func:`link_references` is then scored:

- **reached**: a reference in the sentence is linked to the target (by surname);
- **elsewhere**: references are linked, none to the target;
- **unreached**: no reference in the sentence is linked to anyone.

Pronoun and nominal links are counted separately. Only the linking rules are measured here,
not whether the phrase is about the referent the reference names.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mediacompare.analysis.actors import detect_actors  # noqa: E402
from mediacompare.analysis.actors.references import link_references  # noqa: E402
from mediacompare.analysis.quotes import extract_quotes  # noqa: E402
from mediacompare.text import sentences  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--show", type=int, default=0, help="list up to N phrases not reached")
    args = ap.parse_args(argv)
    folder = args.data / "basil-dev"
    if not folder.is_dir():
        print(f"{folder}: not found; pass --data DIR", file=sys.stderr)
        return 2
    with open(folder / "basil_articles.jsonl", encoding="utf-8") as handle:
        articles = {row["uuid"]: row for row in map(json.loads, handle) if row}
    with open(folder / "basil_phrase_annotations.csv", encoding="utf-8") as handle:
        spans = [r for r in csv.DictReader(handle)
                 if r["aim"] == "dir" and "_" in r["target"] and r["article_uuid"] in articles]
    cache: dict[str, tuple] = {}
    counts: Counter[str] = Counter()
    shown: list[str] = []
    for span in spans:
        article = articles[span["article_uuid"]]
        if article["uuid"] not in cache:
            sents = sentences(article["text"])
            mentions = detect_actors(sents)
            quotes = extract_quotes(article["text"], sents, mentions)
            cache[article["uuid"]] = (sents, mentions, link_references(sents, mentions, quotes))
        sents, mentions, refs = cache[article["uuid"]]
        index = int(span["sentence_idx"])
        sentence = article["sentences"][index] if index < len(article["sentences"]) else ""
        at = article["text"].find(sentence) if sentence else -1
        if at < 0:
            counts["sentence not found"] += 1
            continue
        surname = span["target"].split("_")[-1]
        if not any(m.kind == "person" and surname in m.canonical.split() for m in mentions):
            counts["target not a person named in the article"] += 1
            continue
        inside = [s.index for s in sents if s.start < at + len(sentence) and at < s.end]
        named = any(m.sentence in inside and m.kind == "person" and surname in m.canonical.split()
                    for m in mentions)
        if named:
            counts["named in its sentence"] += 1
            continue
        counts["not named"] += 1
        here = [r for r in refs if r.sentence in inside]
        hit = [r for r in here if surname in r.canonical.split()]
        if hit:
            counts["reached"] += 1
            counts[f"reached by {hit[0].kind}"] += 1
        elif here:
            counts["elsewhere"] += 1
            shown.append(f"elsewhere: {span['target']} <- {[(r.text, r.canonical) for r in here]} | {sentence[:120]}")
        else:
            counts["unreached"] += 1
            shown.append(f"unreached: {span['target']} | {sentence[:120]}")
    total = counts["named in its sentence"] + counts["not named"]
    n = max(counts["not named"], 1)
    print(f"BASIL dev: {total} direct bias phrases aimed at a person "
          f"({counts['sentence not found']} sentences not found, "
          f"{counts['target not a person named in the article']} targets not a named person)")
    print(f"named in the phrase's sentence  {counts['named in its sentence'] / max(total, 1):6.1%}")
    print(f"not named: {counts['not named']}")
    print(f"  reached by a reference  {counts['reached'] / n:6.1%}  ({counts['reached']}: "
          f"{counts['reached by pronoun']} pronoun, {counts['reached by nominal']} nominal)")
    print(f"  references elsewhere    {counts['elsewhere'] / n:6.1%}  ({counts['elsewhere']})")
    print(f"  unreached               {counts['unreached'] / n:6.1%}  ({counts['unreached']})")
    for line in shown[: args.show]:
        print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
