"""Labels around a mention (titles, appositions, verbs, possessions) and pronoun antecedents.

Each label is found by a small, explainable rule over the sentence's tokens (no parser):

* **title**: the role/title words written before the name, walking back over capitalised words,
  role nouns ("president", "dictator", "outlet"), label adjectives ("former", "embattled"),
  possessives and "of" ("head of Ukraine’s Main Intelligence Directorate"), stopping at a
  determiner, a verb or punctuation.
* **apposition**: ", the secretary of ..., " right after the name (no verb inside).
* **verb**: the verb the actor is the subject of, after optional auxiliaries and adverbs
  ("has told", "scoffed", "assures"): an attribution verb, a past form ("has moved"), or an
  -ing form after "is/was" ("was planning"). Not for names right after a preposition (objects).
* **possession**: what a possessive gives the actor ("Russia’s *home territory*").
* **compound**: a noun the name modifies ("Kremlin *missiles*", "U.S. *authorities*").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ...model import Sentence, Token
from .lexicon import Lexicon
from .model import ActorLabel, ActorMention

__all__ = ["PREPOSITIONS", "antecedent", "base_word", "is_cap", "mention_labels"]

PREPOSITIONS = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "against",
        "from",
        "by",
        "into",
        "onto",
        "over",
        "about",
        "than",
        "under",
        "near",
        "after",
        "before",
        "between",
        "among",
        "across",
        "through",
        "toward",
        "towards",
        "upon",
        "via",
        "during",
        "without",
        "within",
    ]
)
_BE = frozenset({"is", "was", "were", "are", "been", "being", "be"})
_STOP_LABEL = frozenset({",", ";", ".", ":", ")", "(", "“", "”", '"', "‘", "?", "!", "—", "–"})
_DESCRIPTOR_AFFIXES = ("pro-", "anti-", "ex-", "then-", "self-")
_DESCRIPTOR_SUFFIXES = ("-backed", "-led", "-installed", "-appointed", "-born", "-based", "-era")


#: Titles that mark a person's gender ("Mr", "Mrs.", "Queen"): pronoun agreement, and which
#: family member a titled bare surname ("Mrs. Cruz") means.
GENDER_OF_TITLE = {"mr": "m", "mr.": "m", "sir": "m", "king": "m", "prince": "m",
                   "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
                   "queen": "f", "princess": "f", "lady": "f", "dame": "f"}  # fmt: skip


@lru_cache(maxsize=1 << 16)  # pure and called for every token, several times
def base_word(text: str) -> str:
    """A word without a possessive ``’s`` (apostrophes normalised to ``'``).

    Examples
    --------
    >>> base_word("Russia’s"), base_word("it's"), base_word("O’Brien")
    ('Russia', 'it', "O'Brien")
    """
    text = text.replace("’", "'")
    return text[:-2] if len(text) > 2 and text.endswith("'s") else text


@lru_cache(maxsize=1 << 16)
def is_cap(text: str, particles: frozenset[str] = frozenset({"al", "el", "bin"})) -> bool:
    """Whether a token can be part of a name: capitalised, an acronym, "al-Assad", "F-16".

    Examples
    --------
    >>> [is_cap(w) for w in ["Putin", "U.S.", "Jean-Claude", "Russian-occupied", "al-Assad", "I", "war"]]
    [True, True, True, False, True, False, False]
    >>> [is_cap(w) for w in ["Jong-un", "Kwan-jin", "Anti-war", "Russian-led"]]
    [True, True, False, False]
    """
    if not text or text == "I" or text[:2] in ("I’", "I'"):
        return False
    if not text[0].isupper():
        head, dash, rest = text.partition("-")
        return bool(dash) and head.lower() in particles and rest[:1].isupper()
    if "-" in text:
        parts = text.split("-")
        if len(parts) == 2 and romanised_given_name(*parts):
            return True
        return all(p[:1].isupper() or p.isdigit() or p.lower() in particles for p in parts)
    return True


#: Capitalised prefixes whose hyphenated compounds are words, not names ("Anti-war").
_PREFIXES = frozenset(
    "anti pro non mid self post pre co ex re semi multi cross half all well long high low "
    "one two far near neo".split()
)


def romanised_given_name(head: str, tail: str) -> bool:
    """Korean-style given names: a short capitalised syllable, a hyphen, a short lower-case one
    ("Jong-un", "Kwan-jin", "Ki-moon"); not "Russian-occupied" or "Anti-war"."""
    tail = tail.replace("’", "'").removesuffix("'s")
    return (
        1 < len(head) <= 5 and head.isalpha() and head.lower() not in _PREFIXES
        and 1 < len(tail) <= 4 and tail.isalpha() and tail.islower()
    )


def _descriptor_word(tok: Token, lex: Lexicon) -> bool:
    low = tok.text.lower().replace("’", "'")
    if low in lex.determiners:
        return False
    if tok.text[:1].isupper():
        base = base_word(low)
        return base not in lex.common_words or lex.is_title(base)
    if low in lex.role_nouns or low in lex.label_adjectives or lex.is_title(low):
        return True
    if low.endswith("'s") and base_word(low) in lex.role_nouns:
        return True
    return low.startswith(_DESCRIPTOR_AFFIXES) or low.endswith(_DESCRIPTOR_SUFFIXES)


def _span_label(sent: Sentence, lo: int, hi: int, kind: str) -> ActorLabel:
    toks = sent.tokens
    start, end = toks[lo].start, toks[hi - 1].end
    return ActorLabel(
        sent.text[start - sent.start : end - sent.start], kind, sent.index, start, end
    )


def _title_label(sent: Sentence, run_lo: int, lo: int, lex: Lexicon) -> ActorLabel | None:
    toks = sent.tokens
    first = run_lo
    j = run_lo - 1
    while j >= 0 and run_lo - j <= 12:
        tok = toks[j]
        if (
            _descriptor_word(tok, lex)
            or tok.text.lower() == "of"
            and j > 0
            and toks[j - 1].text.lower() in lex.role_nouns
        ):
            first = j
        else:
            break
        j -= 1
    while first < lo and toks[first].text.lower() == "of":
        first += 1
    last = toks[lo - 1].text if lo > 0 else ""
    if first >= lo or last.lower() == "of" or base_word(last) != last.replace("’", "'"):
        return None  # "secretary of [Ukraine]", "[Ukraine’s] council": relations, not labels
    return _span_label(sent, first, lo, "title")


def _apposition(sent: Sentence, hi: int, lex: Lexicon) -> tuple[ActorLabel, int] | None:
    toks = sent.tokens
    if hi + 1 >= len(toks) or toks[hi].text != ",":
        return None
    low = toks[hi + 1].text.lower()
    if (
        low not in ("the", "a", "an")
        and low not in lex.role_nouns
        and low not in lex.label_adjectives
    ):
        return None
    m = hi + 1
    while m < len(toks) and toks[m].text not in _STOP_LABEL and m - hi <= 20:
        m += 1
    if m - hi > 20 or m < len(toks) and toks[m].text not in (",", ";", "."):
        return None
    words = [t.text.lower() for t in toks[hi + 1 : m]]
    has_verb = any(
        w in lex.auxiliaries
        and w not in ("only", "also", "then", "once")
        or lex.verbs.match(words, k)
        for k, w in enumerate(words)
    )
    content = [w for w in words if w.isalpha() and w not in lex.common_words and w.islower()]
    if has_verb or not content or len(words) < 2:
        return None
    return _span_label(sent, hi + 1, m, "apposition"), m


def _verb_label(sent: Sentence, k: int, lex: Lexicon) -> ActorLabel | None:
    toks = sent.tokens
    words = [t.text.lower().replace("’", "'") for t in toks]
    first = k
    skipped: list[str] = []
    while k < len(toks) and len(skipped) < 4:
        w = words[k]
        if w in lex.auxiliaries or (w.endswith("ly") and len(w) > 4 and w.isalpha()):
            skipped.append(w)
            k += 1
        else:
            break
    if k >= len(toks) or not words[k].isalpha() or not toks[k].text.islower():
        return None
    found = lex.verbs.match(words, k)
    if found:
        return _span_label(sent, first, k + found[1], "verb")
    w = words[k]
    if (
        w in lex.irregular_past
        or (w.endswith("ed") and len(w) > 4)
        or (w.endswith("ing") and any(s in _BE for s in skipped))
    ):
        return _span_label(sent, first, k + 1, "verb")
    return None


def _following(sent: Sentence, hi: int, lex: Lexicon, kind: str) -> ActorLabel | None:
    toks = sent.tokens
    m = hi
    if kind == "possession" and m < len(toks) and is_cap(toks[m].text):
        while (
            m < len(toks) and m - hi < 6 and (is_cap(toks[m].text) or toks[m].text in ("and", "of"))
        ):
            m += 1
        while m > hi and toks[m - 1].text in ("and", "of"):
            m -= 1
        return _span_label(sent, hi, m, kind) if m > hi else None
    while m < len(toks) and m - hi < 3:
        w = toks[m].text.lower()
        if not (toks[m].text.islower() and w.replace("-", "").isalpha()) or w in lex.stop_words:
            break
        if m > hi and (w.endswith("ed") or w in lex.irregular_past or lex.verbs.lookup(w)):
            break  # "Russia’s forces *moved*": the verb, not part of the label
        m += 1
    if m == hi:
        return None
    if kind == "compound":
        heads = [k for k in range(hi, m) if toks[k].text.lower() in lex.compound_heads]
        if not heads:
            return None
        m = heads[0] + 1
    return _span_label(sent, hi, m, kind)


def mention_labels(
    sent: Sentence, run_lo: int, lo: int, hi: int, possessive: bool, lex: Lexicon
) -> tuple[ActorLabel, ...]:
    """Labels of the name ``sent.tokens[lo:hi]`` whose capitalised run starts at ``run_lo``.

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> from mediacompare.analysis.actors.lexicon import lexicon
    >>> s = sentences("Oleksiy Danilov, the secretary of the council, has told ABC that it works.")[0]
    >>> [(lab.kind, lab.text) for lab in mention_labels(s, 0, 0, 2, False, lexicon())]
    [('apposition', 'the secretary of the council'), ('verb', 'has told')]
    """
    labels: list[ActorLabel] = []
    title = _title_label(sent, run_lo, lo, lex)
    if title:
        labels.append(title)
    if possessive:
        owned = _following(sent, hi, lex, "possession")
        return tuple(labels + [owned] if owned else labels)
    after = hi
    appos = _apposition(sent, hi, lex)
    if appos:
        labels.append(appos[0])
        after = appos[1] + 1
    before = sent.tokens[run_lo - 1].text.lower() if run_lo > 0 else ""
    if before not in PREPOSITIONS:
        verb = _verb_label(sent, after, lex)
        if verb:
            labels.append(verb)
    compound = _following(sent, hi, lex, "compound")
    if compound:
        labels.append(compound)
    return tuple(labels)


def antecedent(mentions: Sequence[ActorMention], sentence: int, offset: int) -> ActorMention | None:
    """The person a "he"/"she" at ``offset`` most likely refers to.

    Takes the nearest sentence (this one, then earlier ones) with a named person before
    ``offset``; within it prefers a person who is the subject of a verb — in the pronoun's own
    sentence the nearest such subject before it ("the administration should insist that Kim
    lays out how he …"), in an earlier sentence the first — then the first non-possessive
    person. That is "the last named person", refined so that "He told ..." after "Hunt urged
    ... Vladimir Putin." resolves to Hunt, the subject, not Putin, the object.

    Examples
    --------
    >>> from mediacompare.analysis.actors import detect_actors
    >>> from mediacompare.text import sentences
    >>> text = "Jeremy Hunt urged allies to pressure Vladimir Putin. He told reporters that it works."
    >>> ms = detect_actors(sentences(text))
    >>> antecedent(ms, 1, text.index("He")).canonical
    'Jeremy Hunt'
    """
    persons = [
        m for m in mentions if m.kind == "person" and m.end <= offset and m.sentence <= sentence
    ]
    if not persons:
        return None
    last = max(m.sentence for m in persons)
    in_sentence = [m for m in persons if m.sentence == last]
    subjects = [m for m in in_sentence if m.verb is not None]
    if subjects:
        return subjects[-1] if last == sentence else subjects[0]
    plain = [m for m in in_sentence if not m.possessive]
    return (plain or in_sentence)[0]
