"""Nicknames an article gives a person, and the later mentions that use them: "Trump continually
referred to Kim as "Rocket Man"", then "Rocket Man" alone.

A **nickname introduction** is a naming verb (:data:`NAMING_VERBS`: *called, dubbed,
nicknamed, branded, labelled* …) or *referred to* right before a person's name, then (*as*)
a quoted phrase of one to four capitalised words: "called Kim "Little Rocket Man"", "dubbed
Warren "Pocahontas"", "referred to Kim as "Rocket Man"". The phrase becomes a ``nickname``
label of that person (or of a name not yet typed, such as a lone "Kim"), and the quoted
phrase itself is not a separate actor. Every later use of the exact phrase in the same article
is a mention of the person (``source == "reference"``), counted like a name. Nothing else
makes a nickname: a capitalised phrase the article never ties to a person stays what detection
made of it.

Examples
--------
>>> from mediacompare.text import sentences
>>> from mediacompare.analysis.actors import detect_actors
>>> text = 'The president called Kim Jong Un "Rocket Man." Rocket Man fired another missile.'
>>> [(m.text, m.canonical, m.source) for m in detect_actors(sentences(text))]
[('Kim Jong Un', 'Kim Jong Un', 'name'), ('Rocket Man', 'Kim Jong Un', 'reference')]
>>> [(lab.kind, lab.text) for lab in detect_actors(sentences(text))[0].labels]
[('nickname', 'Rocket Man')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...model import Sentence
from .labels import is_cap, mention_labels
from .lexicon import Lexicon
from .model import ActorLabel, ActorMention

__all__ = ["NAMING_VERBS", "nickname_mentions"]

#: Verbs that give the person after them the quoted name that follows.
NAMING_VERBS = frozenset(
    """
    call calls called calling dub dubs dubbed dubbing nickname nicknames nicknamed nicknaming
    brand brands branded branding label labels labeled labelled labeling labelling christened
    """.split()
)
_REFER = frozenset({"refer", "refers", "referred", "referring"})
_OPEN_QUOTES = frozenset({"“", '"', "‘"})
_CLOSE_QUOTES = frozenset({"”", '"', "’"})
_MAX_WORDS = 4
#: Kinds of actor a nickname can name: people, and names detection could not type yet ("Kim").
_NAMEABLE = frozenset({"person", "other"})


def _token_range(sent: Sentence, start: int, end: int) -> tuple[int, int] | None:
    indexes = [k for k, t in enumerate(sent.tokens) if t.start < end and t.end > start]
    return (indexes[0], indexes[-1] + 1) if indexes else None


def _introduced(sent: Sentence, lo: int, hi: int) -> ActorLabel | None:
    """The nickname label of the name ``sent.tokens[lo:hi]``, if a naming verb introduces one."""
    toks = sent.tokens
    words = [t.text.lower() for t in toks]
    while lo >= 1 and (is_cap(toks[lo - 1].text) or toks[lo - 1].text == "."):
        lo -= 1  # a title before the name: "dubbed Sen. Elizabeth Warren"
    named = lo >= 1 and words[lo - 1] in NAMING_VERBS
    referred = lo >= 2 and words[lo - 2] in _REFER and words[lo - 1] == "to"
    if not (named or referred):
        return None
    k = hi
    if k < len(toks) and words[k] == "as":
        k += 1
    elif referred:
        return None
    if k >= len(toks) or toks[k].text not in _OPEN_QUOTES:
        return None
    first = m = k + 1
    while m < len(toks) and m - first < _MAX_WORDS + 1:
        elided = (toks[m].text in ("’", "'") and m > first and toks[m].start == toks[m - 1].end
                  and m + 1 < len(toks) and is_cap(toks[m + 1].text))  # "Lyin’ Ted"
        if not (is_cap(toks[m].text) or elided):
            break
        m += 1
    end = m
    while m < len(toks) and toks[m].text in (",", "."):
        m += 1
    if end == first or m >= len(toks) or toks[m].text not in _CLOSE_QUOTES:
        return None
    start, stop = toks[first].start, toks[end - 1].end
    text = sent.text[start - sent.start : stop - sent.start]
    return ActorLabel(text, "nickname", sent.index, start, stop)


def nickname_mentions(
    sentences: Sequence[Sentence], mentions: Sequence[ActorMention], lex: Lexicon
) -> tuple[ActorMention, ...]:
    """``mentions`` with nickname labels on the people given one, and later uses of each
    nickname as mentions of its person (replacing whatever detection made of them)."""
    by_sentence = {s.index: s for s in sentences if any(q in s.text for q in _OPEN_QUOTES)}
    nicknames: dict[str, tuple[ActorMention, ActorLabel]] = {}
    labelled: dict[int, ActorMention] = {}
    for i, m in enumerate(mentions):
        sent = by_sentence.get(m.sentence)  # only sentences that open a quote
        if sent is None or m.kind not in _NAMEABLE or m.possessive:
            continue
        span = _token_range(sent, m.start, m.end)
        label = _introduced(sent, *span) if span else None
        if label is not None:
            labelled[i] = replace(m, labels=(*m.labels, label))
            nicknames.setdefault(label.text, (m, label))
    if not nicknames:
        return tuple(mentions)
    labels = [lab for _, lab in nicknames.values()]
    kept = [labelled.get(i, m) for i, m in enumerate(mentions)
            if not any(lab.start <= m.start and m.end <= lab.end for lab in labels)]
    uses: list[ActorMention] = []
    longest_first = sorted(nicknames, key=len, reverse=True)
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in longest_first))
    for sent in sentences:
        for found in pattern.finditer(sent.text):
            start, end = sent.start + found.start(), sent.start + found.end()
            person, label = nicknames[found.group()]
            if start < label.end:
                continue  # the introduction itself, or before it
            kept = [m for m in kept if m.end <= start or m.start >= end]
            possessive = sent.text[found.end() : found.end() + 2] in ("’s", "'s")
            lo, hi = _token_range(sent, start, end) or (0, 0)
            around = mention_labels(sent, lo, lo, hi, possessive, lex) if hi else ()
            uses.append(ActorMention(found.group(), start, end, sent.index, person.kind,
                                     person.canonical, None, possessive, person.group,
                                     "reference", around))
    return tuple(sorted([*kept, *uses], key=lambda m: (m.start, m.end)))
