"""Group actors: a party's members ("Democratic lawmakers", "House Republicans") and the body a
person leads ("the Trump administration", "the Clinton campaign").

Groups are actors of kind ``"group"``, found by rules over closed word classes
(``resources/actors/groups.toml``):

* **party members**: a capitalised party word and a plural member noun ("Democratic lawmakers",
  "GOP senators", "Labour MPs"), optionally after a chamber ("House Republican leaders"), or a
  chamber and a party's plural ("Senate Democrats"). The name uses the party's adjective, so
  one group has one name across articles and outlets ("GOP senators" → "Republican senators");
  the group's side is the party's.
* **a leader's body**: a name right before a body noun ("the Trump administration", "Mr.
  Trump's campaign", "the Ukraine government"), named by the person's surname (or the whole
  name of anything else).
* **references to a named body**: "the campaign" when the article names exactly one campaign
  group; "his campaign" when the person "his" refers to leads a campaign the article names.
  A pronoun alone never makes a group.

A party word inside a member group ("GOP" of "GOP senators") is not a mention of the party. A
leader's name stays a mention of the leader beside the group's ("Trump" in "the Trump
campaign"), so the administration's acts count for the group and the person stays named.

Examples
--------
>>> from mediacompare.text import sentences
>>> from mediacompare.analysis.actors import detect_actors
>>> text = "GOP senators rejected the plan. The Obama administration said it would wait."
>>> [(m.text, m.canonical, m.kind, m.group) for m in detect_actors(sentences(text))]
[('GOP senators', 'Republican senators', 'group', 'United States'), ('Obama', 'Obama', 'other', None), ('Obama administration', 'Obama administration', 'group', None)]
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...model import Sentence
from .catalog import ActorCatalog
from .labels import base_word, mention_labels
from .lexicon import Lexicon, read_resource
from .model import ActorMention
from .references import pronoun_antecedent

__all__ = ["GroupWords", "group_mentions", "group_words"]


@dataclass(frozen=True)
class GroupWords:
    """The word classes of ``groups.toml``."""

    party_words: dict[str, tuple[str, str]]
    members: frozenset[str]
    chambers: frozenset[str]
    bodies: frozenset[str]


@lru_cache(maxsize=1)
def group_words() -> GroupWords:
    """``resources/actors/groups.toml``, read once."""
    data = tomllib.loads(read_resource("groups.toml"))
    return GroupWords(
        {word: (adjective, party) for word, (adjective, party) in data["party_words"].items()},
        frozenset(w.lower() for w in data["members"]),
        frozenset(data["chambers"]),
        frozenset(w.lower() for w in data["bodies"]),
    )


def _noun(text: str) -> str:
    """A member noun as group names write it: lower case, acronyms kept ("MPs")."""
    return text if text[:-1].isupper() else text.lower()


def _party_groups(sent: Sentence, words: GroupWords) -> list[tuple[int, int, str, str]]:
    """``(first token, end token, name, party)`` of each party group in one sentence."""
    toks, found, i = sent.tokens, [], 0
    while i < len(toks):
        chamber = toks[i].text if toks[i].text in words.chambers else None
        j = i + 1 if chamber else i
        party = words.party_words.get(toks[j].text) if j < len(toks) else None
        if party is None:
            i += 1
            continue
        adjective, name = party
        if j + 1 < len(toks) and toks[j + 1].text.lower() in words.members:
            found.append((i, j + 2, " ".join(filter(None, (chamber, adjective, _noun(toks[j + 1].text)))), name))
            i = j + 2
        elif chamber and toks[j].text.endswith("s"):  # "House Democrats"
            found.append((i, j + 1, f"{chamber} {toks[j].text}", name))
            i = j + 1
        else:
            i = j + 1
    return found


def _token_at(toks, offset: int) -> int | None:
    """Index of the token holding character ``offset``."""
    return next((k for k, t in enumerate(toks) if t.start <= offset < t.end), None)


def _leader_name(m: ActorMention) -> str:
    """How a group's name gives its leader: a person by surname ("Trump campaign"), anything else
    by its whole name ("Ukraine government")."""
    return m.canonical.split()[-1] if m.kind == "person" else m.canonical


def _body_groups(
    sent: Sentence, mentions: Sequence[ActorMention], words: GroupWords
) -> list[tuple[int, int, str, ActorMention]]:
    """``(first token, end token, name, leader)`` of each group named by its leader in one
    sentence: "the Trump administration", "Mr. Trump's campaign", "the Ukraine government"."""
    toks = sent.tokens
    found = []
    for m in mentions:
        if m.sentence != sent.index or m.kind == "group":
            continue
        first, last = _token_at(toks, m.start), _token_at(toks, m.end - 1)
        if first is None or last is None or last + 1 >= len(toks):
            continue
        noun = base_word(toks[last + 1].text).lower()
        if noun in words.bodies:
            found.append((first, last + 2, f"{_leader_name(m)} {noun}", m))
    return found


def _referring_bodies(
    sent: Sentence, mentions: Sequence[ActorMention], names_by_noun: dict[str, set[str]]
) -> list[tuple[int, int, str]]:
    """``(first token, end token, name)`` of each "the <body>" / "his <body>" that refers to a
    group the article names: "the campaign" when the article has one campaign group, "his
    campaign" when the person "his" refers to leads a campaign group named in the article.
    Never a new group from a pronoun alone ("his administration" of an FBI director)."""
    found: list[tuple[int, int, str]] = []
    if not names_by_noun:  # the article names no body: nothing can refer to one
        return found
    toks = sent.tokens
    for k, token in enumerate(toks[:-1]):
        noun = base_word(toks[k + 1].text).lower()
        names, word = names_by_noun.get(noun, set()), token.text.lower()
        if word == "the" and len(names) == 1:
            found.append((k, k + 2, next(iter(names))))
        elif word in ("his", "her") and names:
            leader = pronoun_antecedent(mentions, sent.index, token.start, word)
            if leader is not None and f"{_leader_name(leader)} {noun}" in names:
                found.append((k, k + 2, f"{_leader_name(leader)} {noun}"))
    return found


def group_mentions(
    sentences: Sequence[Sentence], mentions: Sequence[ActorMention], catalog: ActorCatalog, lex: Lexicon
) -> tuple[ActorMention, ...]:
    """``mentions`` with the article's group actors added and the mentions they cover removed."""
    words = group_words()
    spans: list[tuple[Sentence, int, int, str, str | None]] = []
    for sent in sentences:
        spans += [(sent, lo, hi, name, catalog.group_of([party])) for lo, hi, name, party in _party_groups(sent, words)]
        spans += [(sent, lo, hi, name, leader.group) for lo, hi, name, leader in _body_groups(sent, mentions, words)]
    by_noun: dict[str, set[str]] = {}
    sides = {name: side for *_, name, side in spans}
    for *_, name, _side in spans:
        if name.split()[-1] in words.bodies:
            by_noun.setdefault(name.split()[-1], set()).add(name)
    for sent in sentences:
        spans += [(sent, lo, hi, name, sides[name]) for lo, hi, name in _referring_bodies(sent, mentions, by_noun)]
    groups: list[ActorMention] = []
    for sent, lo, hi, name, side in spans:
        last = sent.tokens[hi - 1]
        start, end = sent.tokens[lo].start, last.start + len(base_word(last.text))
        possessive = end < last.end  # "the Trump campaign's lawyers"
        text = sent.text[start - sent.start : end - sent.start]
        labels = tuple(lab for lab in mention_labels(sent, lo, lo, hi, possessive, lex) if lab.kind != "title")
        groups.append(ActorMention(text, start, end, sent.index, "group", name, None, possessive, side, "group", labels))
    if not groups:
        return tuple(mentions)
    # a party word inside a member group is not a mention of the party; a leader's name is
    # still a mention of the leader ("Trump" in "the Trump campaign"), beside the group's
    covered = [(g.start, g.end) for g in groups if g.canonical.split()[-1] not in words.bodies]
    kept = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in covered)]
    return tuple(sorted([*kept, *groups], key=lambda m: (m.start, m.end)))
