"""Style cue lexicons (``mediacompare/resources/style``) and the phrase matcher that applies them.

Phrases are matched on *units*: the tokens of a :class:`~mediacompare.model.Sentence` with
hyphenated words split into their parts ("field-levelling" → "field", "levelling"), lower-cased,
with ’ read as '. Punctuation tokens stay in the stream, so a phrase never matches across a
comma. Matching is leftmost-longest and non-overlapping, one dictionary look-up per unit.

Examples
--------
>>> from mediacompare.text import sentences
>>> lex = PhraseLexicon.from_lines(["rain* down", "taste of his|her own medicine"], name="demo")
>>> s = sentences("Putin got a taste of his own medicine as missiles rained down.")[0]
>>> [(m.label, s.text[m.start - s.start:m.end - s.start]) for m in lex.find(units(s))]
[('taste of his|her own medicine', 'taste of his own medicine'), ('rain* down', 'rained down')]
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ..._resources import read_text
from ...model import Sentence

__all__ = [
    "Match",
    "PhraseLexicon",
    "Unit",
    "caps_furniture",
    "caps_words",
    "hedges",
    "idioms",
    "intensifiers",
    "read_list",
    "read_resource",
    "read_toml",
    "superlative_words",
    "syllable_exceptions",
    "units",
]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_MIN_PREFIX = 3


@dataclass(frozen=True, slots=True)
class Unit:
    """A matching unit: a token, or one part of a hyphenated word token.

    ``key`` is the lower-cased text with ’ read as '; ``start``/``end`` are article offsets;
    ``token`` is the index of the token in its sentence (parts of one token share it).
    """

    text: str
    key: str
    start: int
    end: int
    token: int
    is_word: bool


def units(sentence: Sentence, word_flags: Sequence[bool] | None = None) -> list[Unit]:
    """Split a sentence's tokens into matching units (hyphenated words into their parts).

    ``word_flags`` (``Token.is_word`` of each token) may be passed when already computed.

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> [u.key for u in units(sentences("The playing field-levelling kit, it’s massive.")[0])]
    ['the', 'playing', 'field', 'levelling', 'kit', ',', "it's", 'massive', '.']
    """
    out: list[Unit] = []
    for i, tok in enumerate(sentence.tokens):
        text = tok.text
        word = tok.is_word if word_flags is None else word_flags[i]
        if word and "-" in text:
            pos = tok.start
            for part in text.split("-"):
                if part:
                    out.append(Unit(part, part.lower().translate(_APOSTROPHES), pos, pos + len(part), i, True))
                pos += len(part) + 1
        else:
            out.append(Unit(text, text.lower().translate(_APOSTROPHES), tok.start, tok.end, i, word))
    return out


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon hit: units ``[first, last]`` of a sentence, its article span and entry label."""

    first: int
    last: int
    start: int
    end: int
    label: str


_Item = tuple[frozenset[str], tuple[str, ...], bool]  # exact words, prefixes, wildcard


def _parse_item(item: str, entry: str) -> _Item:
    exact: set[str] = set()
    prefixes: list[str] = []
    if item == "_":
        return frozenset(), (), True
    for alt in item.split("|"):
        alt = alt.lower().translate(_APOSTROPHES)
        if alt.endswith("*"):
            stem = alt[:-1]
            if len(stem) < _MIN_PREFIX:
                raise ValueError(f"prefix {alt!r} in {entry!r} is shorter than {_MIN_PREFIX} letters")
            prefixes.append(stem)
        elif alt:
            exact.add(alt)
    return frozenset(exact), tuple(prefixes), False


def _item_matches(item: _Item, key: str) -> bool:
    exact, prefixes, wildcard = item
    if wildcard:
        return any(ch.isalnum() for ch in key)
    return key in exact or any(key.startswith(p) for p in prefixes)


class PhraseLexicon:
    """A compiled list of phrases (syntax in ``resources/style/README.md``).

    Parameters
    ----------
    entries : sequence of str
        Phrases; each word position may hold ``a|b`` alternatives, ``stem*`` prefixes or ``_``.
    name : str
        For error messages.
    exclude : sequence of str, optional
        Phrases that cancel a match starting at the same unit ("could not").
    """

    def __init__(self, entries: Sequence[str], *, name: str, exclude: Sequence[str] = ()):
        self.name = name
        self.entries = tuple(entries)
        self._patterns: list[tuple[str, tuple[_Item, ...]]] = []
        self._by_word: dict[str, list[int]] = {}
        self._by_prefix: dict[str, list[tuple[str, int]]] = {}
        self._pairs: set[tuple[str, str]] = set()  # first two keys of entries of two exact words
        self._loose: set[str] = set()  # first words of the other entries
        for entry in self.entries:
            items = tuple(_parse_item(part, entry) for part in entry.split())
            if not items or items[0][2]:
                raise ValueError(f"{name}: entry {entry!r} is empty or starts with '_'")
            pid = len(self._patterns)
            self._patterns.append((entry, items))
            for word in items[0][0]:
                self._by_word.setdefault(word, []).append(pid)
            if len(items) > 1 and not items[1][1] and not items[1][2]:
                self._pairs.update((word, second) for word in items[0][0] for second in items[1][0])
            else:
                self._loose.update(items[0][0])
            for stem in items[0][1]:
                self._by_prefix.setdefault(stem[:_MIN_PREFIX], []).append((stem, pid))
        self._exclude = PhraseLexicon(exclude, name=f"{name} (exclude)") if exclude else None
        self._first_words = frozenset(self._by_word)
        self._first_prefixes = frozenset(self._by_prefix)

    @classmethod
    def from_lines(cls, lines: Iterable[str], *, name: str, exclude: Sequence[str] = ()) -> PhraseLexicon:
        """Build from lines, ignoring blanks and ``#`` comments."""
        entries = [ln.split("#", 1)[0].strip() for ln in lines]
        return cls([e for e in entries if e], name=name, exclude=exclude)

    def __len__(self) -> int:
        return len(self._patterns)

    def _candidates(self, key: str) -> list[int]:
        found = list(self._by_word.get(key, ()))
        for stem, pid in self._by_prefix.get(key[:_MIN_PREFIX], ()):
            if key.startswith(stem):
                found.append(pid)
        return found

    def _longest_at(self, keys: Sequence[str], i: int) -> tuple[int, str] | None:
        best: tuple[int, str] | None = None
        for pid in self._candidates(keys[i]):
            label, items = self._patterns[pid]
            last = i + len(items) - 1
            if last >= len(keys):
                continue
            if not all(map(_item_matches, items[1:], keys[i + 1 : last + 1])):
                continue
            if best is None or last > best[0] or (last == best[0] and label < best[1]):
                best = (last, label)
        return best

    @property
    def openers(self) -> tuple[frozenset[str], frozenset[str]]:
        """``(words, heads)``: a unit key may start an entry when it is one of ``words`` or its
        first three characters are one of ``heads`` (those of the ``stem*`` prefixes)."""
        return self._first_words, self._first_prefixes

    def find(self, us: Sequence[Unit]) -> list[Match]:
        """Leftmost-longest, non-overlapping matches in one sentence's units."""
        found = self.find_keys([u.key for u in us], [u.is_word for u in us], range(len(us)))
        return [Match(first, last, us[first].start, us[last].end, label) for first, last, label in found]

    def find_keys(
        self, keys: Sequence[str], words: Sequence[bool], starts: Iterable[int]
    ) -> list[tuple[int, int, str]]:
        """:meth:`find` on a sentence's unit keys: ``(first, last, label)`` of each match.

        Parameters
        ----------
        keys : sequence of str
            ``Unit.key`` of each unit.
        words : sequence of bool
            ``Unit.is_word`` of each unit (a match starts on a word).
        starts : iterable of int
            Increasing unit indices, among them every unit that may start an entry (see
            :attr:`openers`); one pass can find them for several lexicons.
        """
        exclude, loose, heads, pairs = self._exclude, self._loose, self._first_prefixes, self._pairs
        matches: list[tuple[int, int, str]] = []
        after = 0  # matches do not overlap: the next one starts after the last match
        for i in starts:
            if i < after or not words[i]:
                continue
            key = keys[i]  # an entry may match here, judged from the first two keys:
            if not (key in loose or key[:_MIN_PREFIX] in heads
                    or (i + 1 < len(keys) and (key, keys[i + 1]) in pairs)):
                continue
            hit = self._longest_at(keys, i)
            if hit is None or (exclude is not None and exclude._longest_at(keys, i)):
                continue
            last, label = hit
            matches.append((i, last, label))
            after = last + 1
        return matches


# --------------------------------------------------------------------------- resources


def read_resource(name: str) -> str:
    """Text of one file in ``mediacompare/resources/style``."""
    return read_text("resources", "style", name)


@cache
def read_toml(name: str) -> Mapping:
    """Parse one TOML file of ``mediacompare/resources/style`` (cached).

    Examples
    --------
    >>> "rain*|rained down" in read_toml("idioms.toml")["emotive"]["phrases"]
    True
    """
    return tomllib.loads(read_resource(name))


def read_list(name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of a TXT resource."""
    lines = (ln.split("#", 1)[0].strip() for ln in read_resource(name).splitlines())
    return tuple(ln for ln in lines if ln)


@lru_cache(maxsize=1)
def intensifiers() -> PhraseLexicon:
    """Intensifier lexicon (``intensifiers.txt``).

    Examples
    --------
    >>> len(intensifiers()) > 50
    True
    """
    return PhraseLexicon(read_list("intensifiers.txt"), name="intensifiers")


@cache
def idioms(kind: str) -> PhraseLexicon:
    """``"emotive"`` or ``"conventional"`` idioms/metaphors (``idioms.toml``)."""
    return PhraseLexicon(read_toml("idioms.toml")[kind]["phrases"], name=f"{kind} idioms")


@cache
def hedges(kind: str) -> PhraseLexicon:
    """``"attribution"`` or ``"modal"`` hedges (``hedges.toml``), with its exclusions."""
    raw = read_toml("hedges.toml")
    return PhraseLexicon(raw[kind]["phrases"], name=f"{kind} hedges", exclude=raw.get("exclude", ()))


@lru_cache(maxsize=1)
def caps_words() -> tuple[frozenset[str], frozenset[str]]:
    """``(acronyms, shouted)`` from ``caps.toml``, lower-cased."""
    raw = read_toml("caps.toml")
    return frozenset(w.lower() for w in raw["acronyms"]), frozenset(w.lower() for w in raw["shouted"])


@lru_cache(maxsize=1)
def caps_furniture() -> tuple[tuple[str, ...], ...]:
    """Newsroom labels and credits printed in capitals (``furniture`` of ``caps.toml``) as
    lower-case word tuples, longest first.

    >>> ("just", "watched") in caps_furniture()
    True
    """
    phrases = {tuple(p.lower().split()) for p in read_toml("caps.toml")["furniture"]}
    return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=1)
def superlative_words() -> tuple[frozenset[str], frozenset[str]]:
    """``(irregular, not_superlative)``: irregular superlatives; guard + conventional words."""
    raw = read_toml("superlatives.toml")
    return frozenset(raw["irregular"]), frozenset(raw["guard"]) | frozenset(raw["conventional"])


@lru_cache(maxsize=1)
def syllable_exceptions() -> Mapping[str, int]:
    """``word → syllables`` exceptions for the rule-based counter (``syllables.txt``)."""
    out: dict[str, int] = {}
    for line in read_list("syllables.txt"):
        word, count = line.split()
        out[word] = int(count)
    return out
