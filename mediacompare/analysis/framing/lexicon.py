"""Cue lexicons compiled once and matched on the tokens of :func:`mediacompare.text.sentences`.

A lexicon *group* is a named set of cues: single-word ``terms`` (a trailing ``*`` makes a
prefix, ``econom*``), multi-word ``phrases`` (matched token by token, any token may end in
``*``), and ``regexes`` (case-insensitive, run on the sentence text; ``(?-i:...)`` turns case
back on). A :class:`Matcher` compiles many groups into one index so that a sentence is read
once, whatever the number of groups.

Examples
--------
>>> from mediacompare.text import sentences
>>> money = CueGroup("money", terms=("cost*", "tax"))
>>> m = Matcher((money, CueGroup("war", phrases=("air defence",))))
>>> s = sentences("Air defence costs rise, and the tax too.")[0]
>>> hits = m.match(s)
>>> [(m.names[g], s.text[h.start:h.end]) for g in sorted(hits) for h in hits[g]]
[('money', 'costs'), ('money', 'tax'), ('war', 'Air defence')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ...model import Sentence
from ...text import tokenize

__all__ = ["CueGroup", "Hit", "Matcher", "normalize_token", "split_cue"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def normalize_token(text: str) -> str:
    """Lower-case a token and unify apostrophes (``Russia’s`` → ``russia's``).

    Examples
    --------
    >>> normalize_token("Russia’s")
    "russia's"
    """
    return text.lower().translate(_APOSTROPHES)


def split_cue(cue: str) -> tuple[tuple[str, bool], ...]:
    """Split a term or phrase into ``(token, is_prefix)`` pairs with the project tokenizer.

    Examples
    --------
    >>> split_cue("econom* growth")
    (('econom', True), ('growth', False))
    >>> split_cue("long-range")
    (('long-range', False),)
    """
    parts: list[tuple[str, bool]] = []
    for piece in cue.split():
        prefix = piece.endswith("*")
        toks = [normalize_token(t.text) for t in tokenize(piece.rstrip("*"))]
        for i, tok in enumerate(toks):
            parts.append((tok, prefix and i == len(toks) - 1))
    return tuple(parts)


@dataclass(frozen=True)
class CueGroup:
    """A named set of cues; ``weights`` maps a cue string to its weight (default 1.0)."""

    name: str
    terms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    regexes: tuple[str, ...] = ()
    weights: Mapping[str, float] = field(default_factory=dict)

    def weight(self, cue: str) -> float:
        return float(self.weights.get(cue, 1.0))


class Hit(NamedTuple):
    """A matched cue: character span in the article text and the cue's weight."""

    start: int
    end: int
    weight: float


# A compiled multi-token pattern: tuple of (token, is_prefix), the group index and weight.
_Pattern = tuple[tuple[tuple[str, bool], ...], int, float]
_PREFIX_KEY = 3


class Matcher:
    """Many :class:`CueGroup` compiled into one token index; see the module docstring.

    Parameters
    ----------
    groups : sequence of CueGroup
        The groups; hits are reported by group index (``names[i]`` is the group's name).
    """

    def __init__(self, groups: Sequence[CueGroup]) -> None:
        self.groups = tuple(groups)
        self.names = tuple(g.name for g in self.groups)
        self._exact: dict[str, list[tuple[int, float]]] = {}
        self._prefix: dict[str, list[tuple[str, int, float]]] = {}
        self._short_prefix: list[tuple[str, int, float]] = []
        self._phrases: dict[tuple[str, str], list[_Pattern]] = {}
        self._phrases_by_first: dict[str, list[_Pattern]] = {}
        self._wild_phrases: list[_Pattern] = []
        self._regexes: list[tuple[re.Pattern[str], int, float]] = []
        for gi, group in enumerate(self.groups):
            for cue in (*group.terms, *group.phrases):
                self._add(split_cue(cue), gi, group.weight(cue))
            for pattern in group.regexes:
                self._regexes.append(
                    (re.compile(pattern, re.IGNORECASE), gi, group.weight(pattern))
                )
        # the tokens at which a cue can start without a prefix test (see _positions)
        self._starts = frozenset(
            (*self._exact, *(first for first, _ in self._phrases), *self._phrases_by_first)
        )

    def _add(self, parts: tuple[tuple[str, bool], ...], gi: int, weight: float) -> None:
        if not parts:
            return
        if len(parts) == 1:
            tok, prefix = parts[0]
            if not prefix:
                self._exact.setdefault(tok, []).append((gi, weight))
            elif len(tok) >= _PREFIX_KEY:
                self._prefix.setdefault(tok[:_PREFIX_KEY], []).append((tok, gi, weight))
            else:
                self._short_prefix.append((tok, gi, weight))
            return
        (first, prefix), (second, second_prefix) = parts[0], parts[1]
        if prefix:
            self._wild_phrases.append((parts, gi, weight))
        elif second_prefix:
            self._phrases_by_first.setdefault(first, []).append((parts, gi, weight))
        else:  # the common case: indexed by its first two tokens
            self._phrases.setdefault((first, second), []).append((parts, gi, weight))

    def _positions(self, lows: list[str]) -> Sequence[int]:
        """The token indices at which a cue may start: one set lookup per token (and one
        prefix-key lookup when there are prefixes), every index when a short prefix or a
        phrase starting with a prefix must be tried everywhere."""
        if self._short_prefix or self._wild_phrases:
            return range(len(lows))
        starts, prefixes = self._starts, self._prefix
        if prefixes:
            return [
                i for i, low in enumerate(lows) if low in starts or low[:_PREFIX_KEY] in prefixes
            ]
        return [i for i, low in enumerate(lows) if low in starts]

    def match(self, sentence: Sentence) -> dict[int, list[Hit]]:
        """Hits per group index in one sentence (offsets are article offsets).

        Within a group, a hit lying inside a longer hit of the same group is dropped, so
        ``"climate change"`` and ``"change"`` in one group count once.
        """
        tokens = sentence.tokens
        lows = _lowered([t.text for t in tokens])
        n_tokens = len(lows)
        found: dict[int, list[Hit]] = {}

        def add(gi: int, start: int, end: int, weight: float) -> None:
            found.setdefault(gi, []).append(Hit(start, end, weight))

        exact, prefixes, short = self._exact, self._prefix, self._short_prefix
        phrases, by_first, wild = self._phrases, self._phrases_by_first, self._wild_phrases
        for i in self._positions(lows):
            low, tok = lows[i], tokens[i]
            for gi, weight in exact.get(low, ()):
                add(gi, tok.start, tok.end, weight)
            for pre, gi, weight in prefixes.get(low[:_PREFIX_KEY], ()):
                if low.startswith(pre):
                    add(gi, tok.start, tok.end, weight)
            for pre, gi, weight in short:
                if low.startswith(pre):
                    add(gi, tok.start, tok.end, weight)
            candidates = phrases.get((low, lows[i + 1])) if i + 1 < n_tokens else None
            if candidates or wild or by_first:
                for parts, gi, weight in (*(candidates or ()), *by_first.get(low, ()), *wild):
                    n = len(parts)
                    if i + n <= n_tokens and all(
                        lows[i + k].startswith(p) if pre else lows[i + k] == p
                        for k, (p, pre) in enumerate(parts)
                    ):
                        add(gi, tok.start, tokens[i + n - 1].end, weight)
        for pattern, gi, weight in self._regexes:
            for m in pattern.finditer(sentence.text):
                if m.end() > m.start():
                    add(gi, sentence.start + m.start(), sentence.start + m.end(), weight)
        for gi, hits in found.items():
            if len(hits) > 1:
                found[gi] = _drop_nested(hits)
        return found


def _lowered(texts: list[str]) -> list[str]:
    """:func:`normalize_token` of each token text (apostrophes unified only when present)."""
    lows = [text.lower() for text in texts]
    joined = "".join(texts)
    if "\u2019" in joined or "\u2018" in joined:
        return [low.translate(_APOSTROPHES) for low in lows]
    return lows


def _drop_nested(hits: list[Hit]) -> list[Hit]:
    """Sort hits and drop duplicates and hits nested inside a longer hit."""
    hits = sorted(set(hits), key=lambda h: (h.start, -h.end))
    kept: list[Hit] = []
    reach = -1
    for hit in hits:
        if hit.end <= reach:
            continue
        kept.append(hit)
        reach = hit.end
    return kept
