"""Offline readability: a rule-based English syllable counter, Flesch reading ease and grade.

Flesch (1948) reading ease = 206.835 − 1.015 · (words / sentences) − 84.6 · (syllables / words);
Flesch–Kincaid grade (Kincaid et al. 1975) = 0.39 · (words / sentences) + 11.8 · (syllables /
words) − 15.59. Words are word tokens that contain a letter (bare numbers such as "1,600" are
not words here); a hyphenated word is one word whose syllables are those of its parts.
Sentences are :class:`~mediacompare.model.Sentence` objects holding at least one such word.

Examples
--------
>>> from mediacompare.text import sentences
>>> r = readability(sentences("The cat sat on the mat. It was happy."))
>>> r.words, r.sentences, r.syllables
(9, 2, 10)
>>> round(r.reading_ease, 4), round(r.grade, 4)  # 206.835 - 1.015*9/2 - 84.6*10/9; ...
(108.2675, -0.7239)
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...model import Sentence
from .lexicons import syllable_exceptions

__all__ = ["Readability", "flesch_kincaid_grade", "flesch_reading_ease", "readability", "syllables"]

_NON_LETTERS = re.compile(r"[^a-z]+")
_Y_CONSONANT = re.compile(r"(?:^|(?<=[aeiou]))y(?=[aeiou])")  # "yes", "beyond", "player"
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_VOWELS = frozenset("aeiouy")

# Vowel sequences that are two syllables although written together (+1 each).
_ADD = tuple(
    re.compile(p)
    for p in (
        r"(?<![cstg])ia",          # Ukrainian, media, via (not special, militia, Asia, Georgia)
        r"io(?!n|us)",             # radio, violence (not nation, million, various)
        r"(?<![cstxg])ious",       # various, serious, previous (not cautious, religious)
        r"(?<!g)eou",              # simultaneous (not gorgeous)
        r"uou",                    # continuous
        r"(?<!g)eo(?!u)|^geo",     # video, geography (not gorgeous; -eous counted above)
        r"iu",                     # stadium, medium
        r"(?<![qg])ua",            # actual, situation (not quality, guard)
        r"(?<![qg])ue(?=[nl])",    # fluent, influence, fuel
        r"iet",                    # quiet, society, variety
        r"(?<![tcf])ien",          # client, audience, alien
        r"ii",                     # skiing
        r"[b-df-hj-np-tv-xz]yi",   # supplying, studying (y after a consonant is a vowel)
        r"iest$",                  # happiest
        r"[aeiou]ing$",            # being, going, doing
        r"[aeiou]ings$",
        r"ism$",                   # terrorism
    )
)
# Consonant + e + suffix: the e is silent ("completely", "statement", "careful").
_SILENT_E_SUFFIX = re.compile(r"[^aeiouy]e(?:ly|ment|ments|ful|less|ness)$")


@lru_cache(maxsize=65536)
def _count(word: str) -> int:
    exceptions = syllable_exceptions()
    if word in exceptions:
        return exceptions[word]
    if len(word) <= 3:
        return 1 if any(ch in _VOWELS for ch in word) else max(1, len(word))
    w = _Y_CONSONANT.sub("Y", word)
    n = len(_VOWEL_GROUP.findall(w))
    own_e = len(w) >= 2 and w[-2] not in _VOWELS  # the final e is its own vowel group
    if w.endswith("e") and own_e:
        if not (w.endswith("le") and len(w) >= 3 and w[-3] not in _VOWELS and w[-3] != "l"):
            n -= 1  # silent final e, but "table", "little" keep their -le
    elif w.endswith(("es", "ed")) and len(w) >= 3 and w[-3] not in _VOWELS:
        before = w[-3]
        if w.endswith("es"):
            keep = before in "sxzcg" or w[-4:-2] in ("ch", "sh") or (
                before == "l" and len(w) >= 4 and w[-4] not in _VOWELS and w[-4] != "l"
            )
        else:
            keep = before in "td" or (
                before == "l" and len(w) >= 4 and w[-4] not in _VOWELS and w[-4] != "l"
            )
        if not keep:
            n -= 1
    if _SILENT_E_SUFFIX.search(w):
        n -= 1
    for pattern in _ADD:
        n += len(pattern.findall(w))
    return max(1, n)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one English word by rule (vowel groups, silent e, -es/-ed, vowel splits).

    Words in ``resources/style/syllables.txt`` use the listed count. An all-capital word of
    up to three letters, or without vowels, is read letter by letter ("BBC" = 3, "UK" = 2).
    Hyphenated words are the sum of their parts; non-letters are ignored; 0 for no letters.

    Examples
    --------
    >>> [syllables(w) for w in ["missiles", "Ukrainian", "desperately", "ploughed", "GDP", "table"]]
    [2, 4, 4, 1, 3, 2]
    >>> syllables("long-range"), syllables("1,600")
    (2, 0)
    """
    if "-" in word:
        return sum(syllables(part) for part in word.split("-"))
    letters = "".join(ch for ch in word if ch.isalpha())
    if not letters:
        return 0
    if letters.isupper() and len(letters) >= 2 and (
        len(letters) <= 3 or not any(ch in "AEIOUY" for ch in letters)
    ):
        return len(letters)
    key = _NON_LETTERS.sub("", letters.lower().replace("’", "").replace("'", ""))
    return _count(key) if key else 0


@dataclass(frozen=True)
class Readability:
    """Counts behind the Flesch formulas, and the two scores (NaN when there are no words)."""

    words: int
    sentences: int
    syllables: int

    @property
    def reading_ease(self) -> float:
        return flesch_reading_ease(self.words, self.sentences, self.syllables)

    @property
    def grade(self) -> float:
        return flesch_kincaid_grade(self.words, self.sentences, self.syllables)


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch reading ease from counts (higher is easier; NaN for no words).

    Examples
    --------
    >>> round(flesch_reading_ease(100, 5, 150), 3)  # 206.835 - 1.015*20 - 84.6*1.5
    59.635
    """
    if words <= 0 or sentences <= 0:
        return math.nan
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """Flesch–Kincaid grade level from counts (US school grade; NaN for no words).

    Examples
    --------
    >>> round(flesch_kincaid_grade(100, 5, 150), 3)  # 0.39*20 + 11.8*1.5 - 15.59
    9.91
    """
    if words <= 0 or sentences <= 0:
        return math.nan
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def readability(sentences: Sequence[Sentence]) -> Readability:
    """Word, sentence and syllable counts of an article's sentences (tokens read, not re-split).

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> readability(sentences("Ukraine fired 1,600 missiles!"))
    Readability(words=3, sentences=1, syllables=5)
    """
    n_words = n_sentences = n_syllables = 0
    for sentence in sentences:
        texts = [token.text for token in sentence.tokens]
        counted = sum(map(_has_letter, texts))
        if counted:
            n_words += counted
            n_sentences += 1
            n_syllables += sum(map(syllables, texts))  # 0 for a token without letters
    return Readability(words=n_words, sentences=n_sentences, syllables=n_syllables)


@lru_cache(maxsize=65536)
def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)
