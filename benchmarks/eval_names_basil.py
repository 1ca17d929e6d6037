"""Broken person names on BASIL dev articles (NYT, Fox News, HuffPost): how many actor entries
carry a piece of another word.

    python benchmarks/eval_names_basil.py [--data DIR] [--show N]

For every article, the distinct person names (``ActorMention.canonical``) are checked for the
breakages the actor issue lists, by form alone (no gold names needed):

- **initial split**: the name ends in a lone initial ("Donald J") or starts with a period
  (". Trump");
- **function word**: it starts with a closed-class word (auxiliaries, conjunctions,
  determiners, adverbs such as "Plus", "Does", "Fellow", "Only") or a contraction ("They've");
- **day**: it contains a day name ("Michael Steele Sunday", "Fox News on Tuesday").

Printed: persons checked, the share of broken ones per kind, and the share of articles with
at least one (per outlet). A word list decides "function word" (:data:`FUNCTION_WORDS`), so
the count is a floor, not the whole truth: read ``--show`` to see them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mediacompare.analysis.actors import detect_actors  # noqa: E402
from mediacompare.text import sentences  # noqa: E402

DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor so yet plus also only even still just then now does did do is are
    was were has have had can could will would should may might must not no fellow both either
    neither each every all any some many most several such this that these those there here
    when where why how what who which whether if unless because since after before while
    although though as like unlike perhaps maybe meanwhile however instead indeed
    """.split()
)


def broken(name: str) -> str | None:
    """The kind of breakage of a person name, or ``None``.

    >>> broken("Donald J"), broken(". Trump"), broken("Plus Obama"), broken("Michael Steele Sunday")
    ('initial split', 'initial split', 'function word', 'day')
    >>> broken("Michael T. Flynn") is None
    True
    """
    words = name.split()
    if not words:
        return None
    if name.startswith(".") or (len(words) > 1 and len(words[-1]) == 1 and words[-1].isupper()):
        return "initial split"
    first = words[0].lower().replace("’", "'")
    if first in FUNCTION_WORDS or "'" in first and first.endswith(("'ve", "'re", "'d", "'ll", "n't", "'m")):
        return "function word"
    if any(w.lower().strip(".,") in DAYS for w in words):
        return "day"
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--show", type=int, default=0, help="list up to N broken names")
    args = ap.parse_args(argv)
    path = args.data / "basil-dev" / "basil_articles.jsonl"
    if not path.is_file():
        print(f"{path}: not found; pass --data DIR", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle if line.strip()]
    persons = 0
    kinds: Counter[str] = Counter()
    hit_articles: dict[str, set[str]] = defaultdict(set)
    per_outlet: Counter[str] = Counter()
    shown: list[str] = []
    for art in articles:
        per_outlet[art["source"]] += 1
        names = {m.canonical for m in detect_actors(sentences(art["text"])) if m.kind == "person"}
        persons += len(names)
        for name in sorted(names):
            kind = broken(name)
            if kind:
                kinds[kind] += 1
                hit_articles[art["source"]].add(art["uuid"])
                shown.append(f"{art['source']}: {name!r} ({kind})")
    total = sum(kinds.values())
    print(f"BASIL dev: {len(articles)} articles, {persons} person names (distinct per article)")
    print(f"broken        {total / max(persons, 1):6.2%}  ({total})")
    for kind in ("initial split", "function word", "day"):
        print(f"  {kind:<13} {kinds[kind]}")
    for outlet in sorted(per_outlet):
        n = len(hit_articles[outlet])
        print(f"articles with one, {outlet:<5} {n}/{per_outlet[outlet]}")
    for line in shown[: args.show]:
        print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
