"""Nominal mentions of named organisations and groups: "the committee" after "the Democratic
National Committee", "the party" after "the Republican Party", "the firm" after "Cambridge
Analytica, a data firm".

A lower-case noun of :data:`BODY_NOUNS` right after *the* is a mention of the organisation or
group the article names **with that noun**: in its name ("Democratic National Committee"; a
company suffix such as "Inc." or "Corp." counts as "company") or in a title or apposition the
article gives it ("Cambridge Analytica, a data firm"). One such actor:
the mention is its. Several ("the party" in an article naming both parties): the one named last
before the phrase; with none before, the one the article names most often, when it is named more
often than every other; else the phrase stays unlinked (ambiguous), never guessed. The mention counts
like a name (share, sentiment, quote speaker), with ``source == "reference"``; its span covers
*the* and the noun.

Examples
--------
>>> from mediacompare.text import sentences
>>> from mediacompare.analysis.actors import detect_actors
>>> text = "The Democratic National Committee sued. The committee said the case was strong."
>>> [(m.text, m.canonical, m.source) for m in detect_actors(sentences(text))]
[('Democratic National Committee', 'Democratic National Committee', 'name'), ('The committee', 'Democratic National Committee', 'reference')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ...model import Sentence
from .labels import base_word, mention_labels
from .lexicon import Lexicon
from .model import ActorMention

__all__ = ["BODY_NOUNS", "COMPANY_SUFFIXES", "nominal_mentions"]

#: Nouns that name an organisation or group by its kind.
BODY_NOUNS = frozenset(
    """
    committee party company firm agency ministry department commission council court bureau
    organization organisation network newspaper union bank foundation institute university
    board office alliance coalition
    """.split()
)


#: Words of a name that make the body a company ("Facebook Inc.", "ZTE Corp."): "the company"
#: is then its mention too. ("The firm" is not: law, PR and polling firms come and go in the
#: same articles.)
COMPANY_SUFFIXES = frozenset("inc corp corporation co ltd llc plc holdings".split())


def _nouns_of(m: ActorMention) -> set[str]:
    """The body nouns the article gives an actor: in its name (a company suffix gives
    "company"), or in its titles and appositions."""
    words = {w.strip(",.") for w in f"{m.canonical} {m.text}".lower().split()}
    for lab in m.labels:
        if lab.kind in ("title", "apposition"):
            words.update(w.strip(",.") for w in lab.text.lower().split())
    nouns = words & BODY_NOUNS
    if words & COMPANY_SUFFIXES:
        nouns.add("company")
    return nouns


def _choose(names: set[str], bodies: Sequence[ActorMention], offset: int, named: Counter) -> str | None:
    """The actor a "the <noun>" at ``offset`` refers to among ``names``: the only one; else the one
    named last before it; else (none before) the one named most often, if it is named more
    often than every other."""
    if len(names) == 1:
        return next(iter(names))
    before = [m for m in bodies if m.canonical in names and m.end <= offset]
    if before:
        return max(before, key=lambda m: m.end).canonical
    ranked = sorted(names, key=lambda c: -named[c])
    return ranked[0] if named[ranked[0]] > named[ranked[1]] else None


def nominal_mentions(
    sentences: Sequence[Sentence], mentions: Sequence[ActorMention], lex: Lexicon
) -> tuple[ActorMention, ...]:
    """``mentions`` with "the <noun>" mentions of the article's named organisations and groups."""
    bodies = [m for m in mentions if m.kind in ("organisation", "group")]
    if not bodies:
        return tuple(mentions)
    by_noun: dict[str, set[str]] = {}
    for m in bodies:
        for noun in _nouns_of(m) - {m.canonical.lower()}:  # an actor named just "Committee" says nothing
            by_noun.setdefault(noun, set()).add(m.canonical)
    named = Counter(m.canonical for m in mentions)
    first = {m.canonical: m for m in reversed(bodies)}
    inside = {offset for m in mentions for offset in range(m.start, m.end)}
    found: list[ActorMention] = []
    for sent in sentences:
        toks = sent.tokens
        for k in range(1, len(toks)):
            token, noun = toks[k], base_word(toks[k].text)
            names = by_noun.get(noun, set())
            if not names or not noun.islower() or toks[k - 1].text.lower() != "the" or token.start in inside:
                continue
            if k + 1 < len(toks) and toks[k + 1].text[:1].isupper():
                continue  # "the committee Chairman Devin Nunes": a title
            chosen = _choose(names, bodies, token.start, named)
            if chosen is None:
                continue
            actor = first[chosen]
            start, end = toks[k - 1].start, token.start + len(noun)
            labels = tuple(lab for lab in mention_labels(sent, k - 1, k - 1, k + 1, end < token.end, lex)
                           if lab.kind != "title")
            found.append(ActorMention(
                sent.text[start - sent.start : end - sent.start], start, end, sent.index, actor.kind,
                actor.canonical, None, end < token.end, actor.group, "reference", labels))
    return tuple(sorted([*mentions, *found], key=lambda m: (m.start, m.end)))
