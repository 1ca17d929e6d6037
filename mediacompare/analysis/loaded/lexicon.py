"""The curated loaded-language lexicon (``resources/loaded_language/lexicon.toml``).

Four categories — evaluative labels, sensational words, intensifiers, loaded attribution verbs —
written for mediacompare from style-guide knowledge, not learned from any corpus. An entry is a
word, a prefix (``"slamm*"``) or a phrase (``"witch hunt"``).

Examples
--------
>>> lex = loaded_lexicon()
>>> lex.category("radicals"), lex.category("said"), lex.category("slammed")
('labels', None, 'attribution')
>>> [(m.start, m.end, m.category) for m in lex.matches(["a", "witch", "hunt", "again"])]
[(1, 3, 'sensational')]
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from ..._resources import read_bytes, read_toml

__all__ = ["LexiconMatch", "LoadedLexicon", "loaded_lexicon"]

_PARTS = ("resources", "loaded_language", "lexicon.toml")
#: Words whose category a lexicon keeps (the cache starts again when full).
CACHED_WORDS = 1 << 17


@dataclass(frozen=True)
class LexiconMatch:
    """Words ``start:end`` (word indices, end exclusive) of a sequence matched one entry."""

    start: int
    end: int
    category: str


@dataclass(frozen=True)
class LoadedLexicon:
    """Word, prefix and phrase entries by category, with a fingerprint of the source file."""

    categories: tuple[str, ...]
    words: dict[str, str]
    prefixes: tuple[tuple[str, str], ...]
    phrases: dict[tuple[str, ...], str]
    sha256: str
    _seen: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    _by_length: tuple[tuple[int, dict[str, str]], ...] = field(
        init=False, compare=False, repr=False)
    _phrase_starts: frozenset[str] = field(init=False, compare=False, repr=False)
    _longest: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # prefixes grouped by length, longest first: a word tries one slice per length instead
        # of every prefix (the first match in ``prefixes`` order is the longest one)
        groups: dict[int, dict[str, str]] = {}
        for prefix, name in self.prefixes:
            groups.setdefault(len(prefix), {}).setdefault(prefix, name)
        object.__setattr__(self, "_by_length", tuple(sorted(groups.items(), reverse=True)))
        object.__setattr__(self, "_phrase_starts", frozenset(p[0] for p in self.phrases))
        object.__setattr__(self, "_longest", max(map(len, self.phrases), default=0))

    @property
    def phrase_starts(self) -> frozenset[str]:
        """The first words of the phrase entries."""
        return self._phrase_starts

    def category(self, word: str) -> str | None:
        """The category of one lower-cased word, or None (answers are cached)."""
        seen = self._seen
        if word in seen:
            return seen[word]
        if len(seen) >= CACHED_WORDS:
            seen.clear()
        found = seen[word] = self._lookup(word)
        return found

    def categories_of(self, words: Sequence[str]) -> list[str | None]:
        """:meth:`category` of each word (the new words looked up first, then one cache
        look-up per word)."""
        seen = self._seen
        new = set(words).difference(seen)
        if len(seen) + len(new) > CACHED_WORDS:
            seen.clear()
            new = set(words)
        for word in new:
            seen[word] = self._lookup(word)
        return list(map(seen.__getitem__, words))

    def _lookup(self, word: str) -> str | None:
        found = self.words.get(word)
        if found is None:
            for size, group in self._by_length:
                if size <= len(word) and (found := group.get(word[:size])) is not None:
                    break
        return found

    def matches(self, words: Sequence[str]) -> list[LexiconMatch]:
        """Entries matched in a sequence of lower-cased words (phrases first, no overlaps)."""
        out: list[LexiconMatch] = []
        taken: set[int] = set()
        longest, starts = self._longest, self._phrase_starts
        for i in range(len(words)):
            if words[i] not in starts:
                continue
            for n in range(min(longest, len(words) - i), 1, -1):
                name = self.phrases.get(tuple(words[i : i + n]))
                if name is not None and not taken.intersection(range(i, i + n)):
                    out.append(LexiconMatch(i, i + n, name))
                    taken.update(range(i, i + n))
                    break
        for i, word in enumerate(words):
            if i not in taken and (name := self.category(word)) is not None:
                out.append(LexiconMatch(i, i + 1, name))
        return sorted(out, key=lambda m: m.start)


@cache
def loaded_lexicon() -> LoadedLexicon:
    """The packaged lexicon, parsed once per process."""
    data = read_toml(*_PARTS)["categories"]
    words: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    phrases: dict[tuple[str, ...], str] = {}
    for name, entry in data.items():
        for term in entry["terms"]:
            term = term.strip().lower()
            if " " in term:
                phrases.setdefault(tuple(term.rstrip("*").split()), name)
            elif term.endswith("*"):
                prefixes.append((term[:-1], name))
            else:
                words.setdefault(term, name)
    # longest prefixes first, so "anti-american*" wins over a shorter one
    prefixes.sort(key=lambda p: (-len(p[0]), p[0]))
    digest = hashlib.sha256(read_bytes(*_PARTS)).hexdigest()
    return LoadedLexicon(tuple(data), words, tuple(prefixes), phrases, digest)
