"""Word lists for actor detection and attribution verbs, read once from package resources.

Everything lives in ``mediacompare/resources/actors/`` as plain text, TSV or TOML so that users
can read (and cite) exactly what the detector knows. :func:`lexicon` loads and compiles the lists
once per process.

Examples
--------
>>> lex = lexicon()
>>> "president" in lex.titles, "dictator" in lex.role_nouns
(True, True)
>>> lex.verbs.lookup("scoffed").lemma, lex.verbs.lookup("scoffed").verb_class
('scoff', 'loaded')
>>> lex.verbs.lookup("said").verb_class
'neutral'
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..._resources import read_text

__all__ = ["KINDS", "Lexicon", "Verb", "VerbLexicon", "lexicon", "read_resource", "verb_forms"]

#: The actor types, in the order reports list them.
KINDS = ("person", "organisation", "group", "place", "other")


def read_resource(name: str) -> str:
    """Text of ``mediacompare/resources/actors/<name>`` (UTF-8).

    Examples
    --------
    >>> "Ukraine" in read_resource("countries.tsv")
    True
    """
    return read_text("resources", "actors", name)


def _word_list(name: str, *, split: bool = False) -> frozenset[str]:
    """Entries of a word-list resource: one per line (or per word with ``split``), ``#`` comments."""
    words: set[str] = set()
    for line in read_resource(name).splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.update(line.split() if split else (line,))
    return frozenset(words)


def verb_forms(lemma: str) -> tuple[str, ...]:
    """Regular inflected forms of an attribution verb (phrasal particles kept at the end).

    Examples
    --------
    >>> verb_forms("deny")
    ('deny', 'denies', 'denied', 'denying')
    >>> verb_forms("point out")
    ('point out', 'points out', 'pointed out', 'pointing out')
    """
    head, _, rest = lemma.partition(" ")
    suffix = f" {rest}" if rest else ""
    if head.endswith(("s", "sh", "ch", "x", "z")):
        third = head + "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    if head.endswith("e"):
        past, ing = head + "d", (head if head.endswith("ee") else head[:-1]) + "ing"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        past, ing = head[:-1] + "ied", head + "ing"
    else:
        past, ing = head + "ed", head + "ing"
    return tuple(f + suffix for f in (head, third, past, ing))


@dataclass(frozen=True)
class Verb:
    """An attribution verb with its class.

    Attributes
    ----------
    lemma : str
        Dictionary form (``"say"``, ``"according to"``, ``"point out"``).
    verb_class : str
        ``"neutral"`` or ``"loaded"``.
    signal : str or None
        For loaded verbs, the judgement it signals (``"doubt"``, ``"concession"`` ...).
    complement : str
        ``"clause"`` when reported content may follow directly, ``"that"`` when only
        "that"/a colon/an -ing form introduces it.
    """

    lemma: str
    verb_class: str
    signal: str | None = None
    complement: str = "clause"


@dataclass(frozen=True)
class VerbLexicon:
    """Attribution verb forms (one or two tokens) mapped to :class:`Verb`."""

    forms: Mapping[tuple[str, ...], Verb] = field(default_factory=dict)
    first_tokens: frozenset[str] = frozenset()

    def lookup(self, form: str) -> Verb | None:
        """The verb for a (lower-cased or not) form such as ``"scoffed"`` or ``"called on"``."""
        return self.forms.get(tuple(form.lower().replace("’", "'").split()))

    def match(self, words: Sequence[str], i: int) -> tuple[Verb, int] | None:
        """Longest verb form starting at ``words[i]`` (lower-cased words): (verb, length)."""
        if i >= len(words) or words[i] not in self.first_tokens:
            return None
        for size in (2, 1):
            key = tuple(words[i : i + size])
            if len(key) == size and key in self.forms:
                return self.forms[key], size
        return None


def _load_verbs() -> VerbLexicon:
    table = tomllib.loads(read_resource("verbs.toml"))
    forms: dict[tuple[str, ...], Verb] = {}
    for lemma, spec in table.items():
        verb = Verb(lemma, spec["class"], spec.get("signal"), spec.get("complement", "clause"))
        for form in spec.get("forms") or verb_forms(lemma):
            forms[tuple(form.split())] = verb
    return VerbLexicon(forms, frozenset(k[0] for k in forms))


@dataclass(frozen=True)
class Lexicon:
    """All compiled word lists used by actor detection, labels and quote attribution."""

    titles: frozenset[str]
    role_nouns: frozenset[str]
    label_adjectives: frozenset[str]
    common_words: frozenset[str]
    not_actors: frozenset[str]
    given_names: frozenset[str]
    particles: frozenset[str]
    organisation_heads: frozenset[str]
    place_heads: frozenset[str]
    thing_heads: frozenset[str]
    compound_heads: frozenset[str]
    place_prepositions: frozenset[str]
    auxiliaries: frozenset[str]
    determiners: frozenset[str]
    irregular_past: frozenset[str]
    stop_words: frozenset[str]
    verbs: VerbLexicon

    def is_title(self, word: str) -> bool:
        """Whether ``word`` (any case, optional final dot) is a title or honorific."""
        return word.lower().rstrip(".") in self.titles

    def is_organisation_head(self, word: str) -> bool:
        """Whether ``word`` (lower case, no final dot) is an organisation head, also in the
        plural: "Centers for Disease Control" is headed like "Center for …"."""
        heads = self.organisation_heads
        return word in heads or (word.endswith("s") and word[:-1] in heads)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and compile every actor word list (cached: read once per process)."""
    from ...text import english_stop_words

    lists = tomllib.loads(read_resource("lexicon.toml"))
    verbs = _load_verbs()
    verb_words = frozenset(w for form in verbs.forms for w in form)
    common = _word_list("common_words.txt") | english_stop_words() | verb_words
    return Lexicon(
        titles=_word_list("titles.txt"),
        role_nouns=_word_list("role_nouns.txt") | _word_list("titles.txt"),
        label_adjectives=_word_list("label_adjectives.txt"),
        common_words=frozenset(common),
        not_actors=_word_list("not_actors.txt"),
        given_names=_word_list("given_names.txt", split=True),
        stop_words=english_stop_words(),
        verbs=verbs,
        **{key: frozenset(w.lower() for w in value) for key, value in lists.items()},
    )
