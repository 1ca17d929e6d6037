"""Terms in which outlets name themselves ("told CNN", "NPR's", "Meduza"), left out of word choice.

An outlet that names itself in every article makes its own name its most distinctive term and
the top word telling it apart from others: true, but it says nothing about how it tells the
story. Only unambiguous self-references are taken out: a one-word outlet name the gazetteer
knows as an organisation ("Meduza", "Reuters"; not "The Hill"), an acronym in
the name that is not also a place the gazetteer knows ("CNN", "NPR", but not "USA" of "USA
TODAY"), and the full name as a phrase ("fox news", "usa today", "new york times").

Examples
--------
>>> refs = self_references(["CNN (Web News)", "USA TODAY", "Meduza"])
>>> [t for t in ["cnn", "told cnn", "cnn's", "usa", "usa today", "meduza", "missiles"] if refs.names(t)]
['cnn', 'told cnn', "cnn's", 'usa today', 'meduza']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

__all__ = ["SelfReferences", "self_references"]

#: Words of outlet names that are descriptions, not names ("CNN (Web News)", "NPR Online News").
_GENERIC = frozenset({"news", "online", "web", "the", "daily", "com", "-"})


@dataclass(frozen=True)
class SelfReferences:  # cached_property needs a __dict__: no slots
    """Tokens and phrases (lower-case, space-separated) that name an outlet."""

    tokens: frozenset[str]
    phrases: frozenset[str]

    def names(self, term: str) -> bool:
        """Whether the n-gram ``term`` contains an outlet's name (possessive or not)."""
        return bool(self.tokens or self.phrases) and self._pattern.search(term) is not None

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        names = sorted(self.tokens | self.phrases, key=len, reverse=True)
        alternatives = "|".join(re.escape(n) for n in names) or "(?!)"
        return re.compile(rf"(?:^| )(?:{alternatives})(?:['’]s)?(?= |$)")

    def __bool__(self) -> bool:
        return bool(self.tokens or self.phrases)


def self_references(outlets: Iterable[str]) -> SelfReferences:
    """The self-references of ``outlets`` (see the module docstring)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from ..analysis.actors.catalog import builtin_catalog
    from ..analysis.actors.lexicon import lexicon

    catalog = builtin_catalog()
    words_not_names = ENGLISH_STOP_WORDS | lexicon().common_words  # "TODAY" of "USA TODAY"

    def kind(words: list[str], i: int) -> str | None:
        found = catalog.match(words, i)
        return found[0].kind if found is not None else None

    tokens: set[str] = set()
    phrases: set[str] = set()
    for outlet in outlets:
        words = re.sub(r"\([^)]*\)", " ", outlet).split()
        named = [w for w in words if w.lower() not in _GENERIC]
        if len(named) == 1 and kind(named, 0) == "organisation":
            tokens.add(named[0].lower())
        for i, w in enumerate(words):
            if (len(w) >= 2 and w.isupper() and w.isalpha() and kind(words, i) != "place"
                    and w.lower() not in words_not_names):
                tokens.add(w.lower())
        phrases.update(" ".join(ws).lower() for ws in (words, named) if len(ws) >= 2)
    return SelfReferences(frozenset(tokens), frozenset(phrases))
