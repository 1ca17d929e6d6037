"""Named person mentions and cross-outlet merging against NewsWCL50 dev (Hamborg et al. 2019).

    python benchmarks/eval_actors_newswcl.py [--data DIR] [--show N]

NewsWCL50 codes every mention of the main actors of four events, each event covered by five
outlets. A gold mention is **named** when its text contains the person's surname ("Mr. Comey",
"former F.B.I. director James Comey"; "the former FBI chief" is not named). The corpus codes
one person under several names ("PRK\\Kim" and "PRK\\Jong Un"), so codes are normalised to a
surname first (:data:`GOLD_SURNAME`).

For each article, gold named mentions are matched in text order to detected person mentions
whose text holds the surname (each detection used once). Printed:

- **found**: share of gold named mentions matched to a detected person mention;
- **right person**: share whose corpus actor (after :func:`resolve_actors` over the event's
  five articles) has the gold surname as one of its name words and no other gold person's
  mentions as its majority;
- **family merges**: predicted person actors whose names give one surname two first names
  ("Bill Clinton" and "Hillary Clinton" in one actor; titles such as "Mr." are not first names);
- **B-cubed** precision / recall / F1 of predicted actors against gold persons, per event over
  the found mentions, averaged over mentions.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mediacompare.analysis.actors import detect_actors  # noqa: E402
from mediacompare.comparison.actors import resolve_actors  # noqa: E402
from mediacompare.text import sentences  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data"
#: Last part of a gold code -> the person's surname (one person, several codes).
TITLES = frozenset("Mr Mrs Ms Dr President Senator Sen Rep Gov General Gen Director".split())
GOLD_SURNAME = {"Jong Un": "Kim", "Moon Jae": "Moon", "Jinping": "Xi", "Mike Pompeo": "Pompeo"}


def gold_person(code: str) -> str:
    """Surname of a NewsWCL50 actor code: ``USA\\Republicans\\Trump`` -> ``Trump``."""
    last = code.split("\\")[-1]
    return GOLD_SURNAME.get(last, last)


def load(data: Path) -> tuple[dict[str, tuple[str, str]], dict[str, list[str]]]:
    """Articles (doc id -> event, text) and gold named mentions (doc id -> surnames in order)."""
    root = data / "newswcl50-dev"
    with open(root / "newswcl50_articles_detokenized.csv", encoding="utf-8", newline="") as f:
        articles = {r["doc_id"]: (r["event_id"], r["text"]) for r in csv.DictReader(f)}
    with open(root / "Annotations.csv", encoding="utf-8", newline="") as f:
        next(f)  # "sep=," line
        rows = [r for r in csv.DictReader(f) if r["code_type"] == "ACTOR"]
    rows.sort(key=lambda r: (int(r["paragraph"]), int(r["sentence"]), int(r["start"])))
    gold: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        doc = f"{r['event_id']}_{r['publisher_id']}"
        person = gold_person(r["code_name"])
        if person in r["code_mention"].replace(".", " ").split():
            gold[doc].append(person)
    return articles, gold


def relatives(names: tuple[str, ...]) -> bool:
    """Whether one actor's names give two first names to one surname ("Donald/Melania Trump").

    >>> relatives(("Donald Trump", "Donald J. Trump", "Trump")), relatives(("Bill Clinton", "Hillary Clinton"))
    (False, True)
    """
    first: dict[str, set[str]] = defaultdict(set)
    for name in names:
        words = name.split()
        if len(words) > 1 and words[0][:1].isupper() and words[0].rstrip(".") not in TITLES:
            first[words[-1]].add(words[0])
    return any(len(v) > 1 for v in first.values())


def bcubed(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """Summed B-cubed precision and recall over (gold, predicted) items."""
    by_gold: Counter = Counter(g for g, _ in pairs)
    by_pred: Counter = Counter(p for _, p in pairs)
    both: Counter = Counter(pairs)
    p = sum(both[(g, q)] / by_pred[q] for g, q in pairs)
    r = sum(both[(g, q)] / by_gold[g] for g, q in pairs)
    return p, r


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--show", type=int, default=0, help="list up to N misses")
    args = ap.parse_args(argv)
    if not (args.data / "newswcl50-dev").is_dir():
        print(f"{args.data / 'newswcl50-dev'}: not found; pass --data DIR", file=sys.stderr)
        return 2
    articles, gold = load(args.data)
    events: dict[str, list[str]] = defaultdict(list)
    for doc, (event, _) in articles.items():
        if doc in gold:
            events[event].append(doc)
    total = found = right = family = 0
    sum_p = sum_r = 0.0
    misses: list[str] = []
    for event in sorted(events):
        detected = {d: detect_actors(sentences(articles[d][1])) for d in events[event]}
        index = resolve_actors(detected)
        pairs: list[tuple[str, str]] = []
        for doc in sorted(events[event]):
            persons = [m for m in detected[doc] if m.kind == "person"]
            used: set[int] = set()
            for surname in gold[doc]:
                total += 1
                hit = next(
                    (i for i, m in enumerate(persons)
                     if i not in used and surname in m.text.replace(".", " ").split()),
                    None,
                )
                if hit is None:
                    misses.append(f"{doc}: {surname} not found")
                    continue
                used.add(hit)
                found += 1
                actor = index.actor_id(doc, persons[hit]) or persons[hit].canonical
                pairs.append((surname, actor))
        owner = {q: Counter(g for g, p in pairs if p == q).most_common(1)[0][0] for _, q in pairs}
        for g, q in pairs:
            if g in q.split() and owner[q] == g:
                right += 1
            else:
                misses.append(f"event {event}: {g} -> {q!r}")
        family += sum(1 for actor in index if actor.kind == "person" and relatives(actor.names))
        p, r = bcubed(pairs)
        sum_p, sum_r = sum_p + p, sum_r + r
    bp, br = sum_p / max(found, 1), sum_r / max(found, 1)
    f1 = 2 * bp * br / (bp + br) if bp + br else 0.0
    print(f"NewsWCL50 dev: {len(articles)} articles, {total} named person mentions")
    print(f"found         {found / total:6.1%}  ({found}/{total})")
    print(f"right person  {right / total:6.1%}  ({right}/{total})")
    print(f"family merges {family}")
    print(f"B-cubed       P {bp:.3f}  R {br:.3f}  F1 {f1:.3f}  (over {found} found mentions)")
    for line in misses[: args.show]:
        print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
