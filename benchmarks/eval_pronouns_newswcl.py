"""Personal pronouns linked to the right person, against hand-annotated NewsWCL50 dev pronouns.

    python benchmarks/eval_pronouns_newswcl.py [--data DIR] [--show N]

NewsWCL50 codes no pronouns, so ``benchmarks/gold/newswcl50_pronouns.tsv`` holds the referents
of a random sample of 100 personal pronouns (he, him, his, himself, she, her, hers, herself) in
the dev articles, labelled by reading, without the software's output: the referent's surname,
``NONE`` (not a named person) or ``UNCLEAR``. Each article is run through
:func:`detect_actors` and :func:`link_references`, and each gold pronoun is scored by the
pronoun link starting at its offset:

- on pronouns whose referent is a **named person**: linked right (the link's person carries the
  surname), linked wrong, or not linked; accuracy = right / all of them;
- on ``NONE`` pronouns: linked (a false link) or not; ``UNCLEAR`` ones are counted, not scored.

Two baselines in the same run, on the same detected persons: the **nearest** person named
before the pronoun, and the article's **most named** person.

Plural pronouns (they, them, their, theirs, themselves) are linked by the package only to an
explicit coordination of named actors ("Mr. Trump and Mr. Abe … them"). Their gold
(``benchmarks/gold/newswcl50_they.tsv``, 80 sampled with seed 2026, labelled NAMED:<actor>,
PEOPLE:<persons>, COMMON, GENERIC or UNCLEAR) is summarised; the shipped links are scored
(exact: the linked actors are the gold set; partial: some of them are in it; wrong: none), and
so is the simplest rule one could ship instead — the nearest organisation, group or place named
before the pronoun in its sentence or the two before — to show why it is not shipped.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mediacompare.analysis.actors import detect_actors  # noqa: E402
from mediacompare.analysis.actors.references import link_references  # noqa: E402
from mediacompare.analysis.quotes import extract_quotes  # noqa: E402
from mediacompare.text import sentences  # noqa: E402

GOLD = REPO / "benchmarks" / "gold" / "newswcl50_pronouns.tsv"


def read_gold(path: Path = GOLD) -> list[dict[str, str]]:
    """Rows ``doc_id, start, pronoun, referent`` of the gold file (``#`` lines are comments)."""
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def nearest(persons, offset: int) -> str | None:
    """The person mention that ends last before ``offset``."""
    before = [m for m in persons if m.end <= offset]
    return max(before, key=lambda m: m.end).canonical if before else None


def most_named(persons, offset: int) -> str | None:
    """The article's most mentioned person (first named among equals)."""
    counts = Counter(m.canonical for m in persons)
    return max(counts, key=lambda c: (counts[c], -next(m.start for m in persons if m.canonical == c))) if counts else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--show", type=int, default=0, help="list up to N errors")
    args = ap.parse_args(argv)
    source = args.data / "newswcl50-dev" / "newswcl50_articles_detokenized.csv"
    if not source.is_file():
        print(f"{source}: not found; pass --data DIR", file=sys.stderr)
        return 2
    with source.open(encoding="utf-8", newline="") as f:
        texts = {r["doc_id"]: r["text"] for r in csv.DictReader(f)}
    gold = read_gold()
    links: dict[str, dict[int, str]] = {}
    persons: dict[str, list] = {}
    for doc in sorted({g["doc_id"] for g in gold}):
        sents = sentences(texts[doc])
        mentions = detect_actors(sents)
        persons[doc] = [m for m in mentions if m.kind == "person"]
        quotes = extract_quotes(texts[doc], sents, mentions)
        links[doc] = {r.start: r.canonical for r in link_references(sents, mentions, quotes)
                      if r.kind == "pronoun"}
    counts: Counter = Counter()
    errors: list[str] = []
    for g in gold:
        doc, start, referent = g["doc_id"], int(g["start"]), g["referent"]
        assert texts[doc][start:start + len(g["pronoun"])] == g["pronoun"], (doc, start)
        linked = links[doc].get(start)
        if referent == "UNCLEAR":
            counts["unclear"] += 1
        elif referent == "NONE":
            counts["none linked" if linked else "none unlinked"] += 1
            if linked:
                errors.append(f"{doc}@{start} {g['pronoun']!r}: no named referent, linked to {linked!r}")
        elif linked is None:
            counts["not linked"] += 1
            errors.append(f"{doc}@{start} {g['pronoun']!r} ({referent}): not linked")
        elif referent in linked.replace(".", " ").split():
            counts["right"] += 1
        else:
            counts["wrong"] += 1
            errors.append(f"{doc}@{start} {g['pronoun']!r} ({referent}): linked to {linked!r}")
    named = counts["right"] + counts["wrong"] + counts["not linked"]
    none = counts["none linked"] + counts["none unlinked"]
    print(f"NewsWCL50 dev, {len(gold)} hand-annotated pronouns: {named} refer to a named person, "
          f"{none} to none, {counts['unclear']} unclear")
    print(f"  named referent: right {counts['right'] / max(named, 1):6.1%} ({counts['right']}), "
          f"wrong {counts['wrong'] / max(named, 1):6.1%} ({counts['wrong']}), not linked {counts['not linked']}")
    linked_named = counts["right"] + counts["wrong"]
    print(f"  precision of links to a named referent {counts['right'] / max(linked_named, 1):6.1%}")
    print(f"  no named referent: linked anyway {counts['none linked']} of {none}")
    for name, choose in (("nearest person before", nearest), ("most named person", most_named)):
        scored = [g for g in gold if g["referent"] not in ("NONE", "UNCLEAR")]
        right = sum(1 for g in scored if (c := choose(persons[g["doc_id"]], int(g["start"])))
                    and g["referent"] in c.replace(".", " ").split())
        print(f"  baseline, {name}: right {right / max(len(scored), 1):6.1%} ({right})")
    for line in errors[: args.show]:
        print("  ", line)
    plural(texts)
    return 0


def plural(texts: dict[str, str], path: Path = GOLD.with_name("newswcl50_they.tsv")) -> None:
    """Print the plural-pronoun gold's labels and how the nearest-body rule would fare."""
    gold = read_gold(path)
    counts: Counter = Counter()
    shipped: Counter = Counter()
    analysed: dict[str, tuple] = {}
    for g in gold:
        doc, start, referent = g["doc_id"], int(g["start"]), g["referent"]
        if doc not in analysed:
            sents = sentences(texts[doc])
            mentions = detect_actors(sents)
            analysed[doc] = (sents, mentions, link_references(sents, mentions))
        sents, mentions, references = analysed[doc]
        label = referent.split(":")[0]
        names = referent.split(":", 1)[1].split("+") if label in ("NAMED", "PEOPLE") else []
        linked = [r.canonical for r in references if r.start == start]
        hits = [c for c in linked if any(set(n.split()) & set(c.replace(".", " ").split()) for n in names)]
        shipped["not linked" if not linked else "exact" if len(hits) == len(linked) == len(names)
                else "partial" if hits else "wrong"] += 1
        here = next(s.index for s in sents if s.start <= start <= s.end)
        bodies = [m for m in mentions if m.kind in ("organisation", "group", "place")
                  and m.end <= start and here - 2 <= m.sentence <= here]
        if not bodies:
            counts[label, "not linked"] += 1
            continue
        chosen = max(bodies, key=lambda m: m.end).canonical
        names = referent.split(":", 1)[1].split("+") if label == "NAMED" else []
        right = any(set(n.split()) & set(chosen.split()) for n in names)
        counts[label, "right" if right else "wrong"] += 1
    labels = Counter(g["referent"].split(":")[0] for g in gold)
    print(f"plural pronouns, {len(gold)} hand-annotated: " + ", ".join(f"{k} {v}" for k, v in labels.most_common()))
    print("  shipped coordination rule: " + ", ".join(f"{k} {shipped[k]}" for k in ("exact", "partial", "wrong", "not linked")))
    linked = sum(v for (_, outcome), v in counts.items() if outcome != "not linked")
    right = sum(v for (_, outcome), v in counts.items() if outcome == "right")
    print(f"  nearest-body rule (not shipped): links {linked}, right {right} "
          f"(precision {right / max(linked, 1):.0%}); " + ", ".join(
              f"{k[0]} {k[1]} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    raise SystemExit(main())
