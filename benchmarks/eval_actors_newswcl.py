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
  the found mentions, averaged over mentions;
- **nominal mentions**: gold person mentions without the surname ("the president", "the
  North Korean leader", "the dictator"), located through the token file ``conll.csv`` (spans
  of at most 8 tokens), split into titles (the phrase ends where a detected name of the same
  person begins: "North Korean leader" + "Kim Jong Un") and standalone references; a
  standalone one is **linked right** when a :func:`link_references` nominal link overlapping
  it names the gold person, **wrong** when it names another;
- **group concepts**: the gold mentions of the Democrats (party, DNC) and of the Trump campaign
  (event 3), each counted **right** when a detected actor overlapping it is that concept (its
  name holds "Democratic", "Democrats", "DNC" or is "Trump campaign"), else another actor or
  none; mentions a detected *person* covers are set apart (the corpus codes members such as
  "Tom Perez" as the group).
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
from mediacompare.analysis.actors.references import link_references  # noqa: E402
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


def coded_spans(data: Path, articles: dict[str, tuple[str, str]], keep, max_tokens: int = 9) -> dict[str, list[tuple[int, int, str, str]]]:
    """Doc id -> spans ``(start, end, code, text)`` of the codes ``keep(code)`` accepts (at most
    ``max_tokens`` tokens), from the token file: each token is found in the text after the
    previous one."""
    with open(data / "newswcl50-dev" / "conll.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    spans: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    pos: dict[str, int] = defaultdict(int)
    open_: dict[str, list[list]] = defaultdict(list)
    for r in rows:
        doc, token = r["doc_id"], r["token"]
        if doc not in articles:
            continue
        text = articles[doc][1]
        at = text.find(token, pos[doc], pos[doc] + 200) if token.strip() else -1
        start, end = (at, at + len(token)) if at >= 0 else (pos[doc], pos[doc])
        pos[doc] = end if at >= 0 else pos[doc]
        parts = [] if r["reference"] == "-" else r["reference"].split("|")
        for part in parts:
            if part.startswith("("):
                open_[doc].append([part.strip("()"), start, end, 1])
        for span in open_[doc]:
            span[2], span[3] = max(span[2], end), span[3] + 1
        for part in parts:
            if part.endswith(")"):
                code = part.strip("()")
                match = [i for i, sp in enumerate(open_[doc]) if sp[0] == code]
                if not match:
                    continue
                c, a, b, n = open_[doc].pop(match[-1])
                if keep(c) and n <= max_tokens:
                    spans[doc].append((a, b, c, text[a:b]))
    return spans


def gold_spans(data: Path, articles: dict[str, tuple[str, str]]) -> dict[str, list[tuple[int, int, str, str]]]:
    """Doc id -> gold person spans ``(start, end, surname, text)`` in the article text."""
    spans: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for doc, found in coded_spans(data, articles, lambda c: c.endswith("_ACTOR")).items():
        for a, b, c, text in found:
            rest = c.removesuffix("_ACTOR").split("_")[2:]  # event, country, name...
            surname = GOLD_SURNAME.get(" ".join(rest)) or GOLD_SURNAME.get(" ".join(rest[-2:])) or rest[-1]
            spans[doc].append((a, b, surname, text))
    return spans


#: Group concepts NewsWCL50 codes (event 3) -> words one of which a detected actor's name must
#: hold to be that concept.
GROUP_CONCEPTS = {
    "3_USA_Democrats_GROUP": ("Democratic", "Democrats", "DNC", "D.N.C."),
    "3_Trump_campaign_EVENT": ("Trump campaign",),
}


def group_concepts(data: Path, articles: dict[str, tuple[str, str]], show: int) -> None:
    """Print how the gold mentions of two group concepts are covered by detected actors."""
    spans = coded_spans(data, articles, GROUP_CONCEPTS.__contains__, max_tokens=6)
    counts: dict[str, Counter] = defaultdict(Counter)
    misses: list[str] = []
    for doc, gold in sorted(spans.items()):
        mentions = detect_actors(sentences(articles[doc][1]))
        for a, b, code, text in gold:
            hits = [m for m in mentions if m.start < b and a < m.end]
            names = GROUP_CONCEPTS[code]
            if any(n in m.canonical.split() or n == m.canonical for m in hits for n in names):
                counts[code]["right"] += 1
            elif any(m.kind == "person" for m in hits):
                counts[code]["person"] += 1  # a member the corpus codes as the group ("Tom Perez")
            elif hits:
                counts[code]["other"] += 1
                misses.append(f"{doc}: {text!r} ({code}) -> {', '.join(repr(m.canonical) for m in hits)}")
            else:
                counts[code]["none"] += 1
                misses.append(f"{doc}: {text!r} ({code}) not found")
    print("group concepts (event 3; gold mentions of at most 6 tokens):")
    for code in GROUP_CONCEPTS:
        c = counts[code]
        n = sum(c.values())
        groups = n - c["person"]
        print(f"  {code:24} {n:3}, {c['person']} of them a person: of the other {groups}, right actor "
              f"{c['right'] / max(groups, 1):6.1%} ({c['right']}), another actor {c['other']}, no actor {c['none']}")
    for line in misses[:show]:
        print("  ", line)


def nominal_links(data: Path, articles: dict[str, tuple[str, str]], show: int) -> None:
    """Print how the gold nominal person mentions are covered (titles, links right/wrong)."""
    spans = gold_spans(data, articles)
    titles = right = wrong = standalone = 0
    misses: list[str] = []
    for doc, gold in sorted(spans.items()):
        sents = sentences(articles[doc][1])
        mentions = detect_actors(sents)
        refs = [r for r in link_references(sents, mentions) if r.kind == "nominal"]
        persons = [m for m in mentions if m.kind == "person"]
        for a, b, surname, text in gold:
            if surname.lower() in text.lower().replace(".", " ").split() or b <= a:
                continue
            nxt = next((m for m in persons if 0 <= m.start - b <= 2), None)
            if nxt is not None and surname in nxt.canonical.split():
                titles += 1
                continue
            standalone += 1
            hit = next((r for r in refs if r.start < b and a < r.end), None)
            if hit is None:
                misses.append(f"{doc}: {text!r} ({surname}) not linked")
            elif surname in hit.canonical.split():
                right += 1
            else:
                wrong += 1
                misses.append(f"{doc}: {text!r} ({surname}) -> {hit.canonical!r}")
    total = titles + standalone
    print(f"nominal mentions {total}: {titles} titles of a detected name, {standalone} standalone")
    print(f"  standalone linked right {right / max(standalone, 1):6.1%} ({right}/{standalone}), "
          f"wrong {wrong / max(standalone, 1):6.1%} ({wrong}), unlinked {standalone - right - wrong}")
    print(f"  titles + right links     {(titles + right) / max(total, 1):6.1%} of all nominal mentions")
    for line in misses[:show]:
        print("  ", line)


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
    nominal_links(args.data, articles, args.show)
    group_concepts(args.data, articles, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
