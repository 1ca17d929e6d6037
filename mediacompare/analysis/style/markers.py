"""Cue finders for the style markers: one pass over each sentence's tokens.

Every finder returns :class:`Cue` objects with article offsets (``text[cue.start:cue.end] ==
cue.text``); :mod:`mediacompare.analysis.style.profile` turns their counts into rates. What each marker
counts is documented in ``docs/style.md``.

Examples
--------
>>> from mediacompare.text import sentences
>>> cues = find_cues(sentences("It was the BIGGEST and most shocking attack yet!"))
>>> {k: [c.text for c in v] for k, v in cues.items() if v and k != "subjective_words"}
{'exclamations': ['!'], 'intensifiers': ['shocking'], 'superlatives': ['BIGGEST', 'most shocking'], 'all_caps': ['BIGGEST']}
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...model import FrozenMapping  # noqa: F401  (its home before model.py: older pickles name it here)
from ...model import Sentence, Token, is_word_text
from . import lexicons
from .lexicons import _APOSTROPHES, units

__all__ = [
    "HEDGE_MARKERS", "MARKERS", "SENSATIONAL_MARKERS", "Cue", "find_cues", "quote_spans",
    "scan",
]

#: Markers with cues, in report order.
MARKERS: tuple[str, ...] = (
    "exclamations",
    "intensifiers",
    "superlatives",
    "all_caps",
    "emotive_idioms",
    "conventional_metaphors",
    "attribution_hedges",
    "modal_hedges",
    "subjective_words",
)
#: Markers whose rates add up to the sensationalism rate.
SENSATIONAL_MARKERS: tuple[str, ...] = MARKERS[:5]
#: Markers whose rates add up to the hedging rate.
HEDGE_MARKERS: tuple[str, ...] = ("attribution_hedges", "modal_hedges")


@dataclass(frozen=True, slots=True)
class Cue:
    """One piece of evidence for a marker: ``text == article_text[start:end]``.

    ``label`` is the lexicon entry or rule that matched; ``quoted`` is True when the cue lies
    inside quotation marks (the words are a source's, not the outlet's own).
    """

    sentence_index: int
    start: int
    end: int
    text: str
    label: str = ""
    quoted: bool = False


# --------------------------------------------------------------------------- quotes

_OPEN_DOUBLE, _CLOSE_DOUBLE, _STRAIGHT, _OPEN_SINGLE, _CLOSE_SINGLE = "“", "”", '"', "‘", "’"
_QUOTE_MARKS = frozenset([_OPEN_DOUBLE, _CLOSE_DOUBLE, _STRAIGHT, _OPEN_SINGLE, _CLOSE_SINGLE])


def quote_spans(sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Article spans inside balanced quotation marks (the marks themselves excluded).

    Double quotes (“…” or "…") and curly single quotes (‘…’) pair up in order across
    sentences; an opening mark never closed is ignored. Straight single quotes are not read
    (they cannot be told from apostrophes). A ’ inside a word is an apostrophe (the tokenizer
    keeps it in the word).

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> text = '“This is a secret,” he said, “and no one knows.” Then "more".'
    >>> [text[a:b] for a, b in quote_spans(sentences(text))]
    ['This is a secret,', 'and no one knows.', 'more']
    """
    spans: list[tuple[int, int]] = []
    opened: tuple[str, int] | None = None  # (closing mark, content start)
    for sentence in sentences:
        for tok in [tok for tok in sentence.tokens if tok.text in _QUOTE_MARKS]:
            mark = tok.text
            if mark == _OPEN_DOUBLE:
                if opened is None or opened[0] == "”":  # an unclosed “ restarts
                    opened = ("”", tok.end)
            elif mark == _CLOSE_DOUBLE:
                if opened is not None and opened[0] == "”":
                    spans.append((opened[1], tok.start))
                    opened = None
            elif mark == _STRAIGHT:
                if opened is not None and opened[0] == '"':
                    spans.append((opened[1], tok.start))
                    opened = None
                elif opened is None:
                    opened = ('"', tok.end)
            elif mark == _OPEN_SINGLE and opened is None:
                opened = ("’", tok.end)
            elif mark == _CLOSE_SINGLE and opened is not None and opened[0] == "’":
                spans.append((opened[1], tok.start))
                opened = None
    return spans


class _QuoteIndex:
    def __init__(self, spans: Sequence[tuple[int, int]]):
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def __contains__(self, position: int) -> bool:
        i = bisect.bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]


# --------------------------------------------------------------------------- units

@dataclass(frozen=True, slots=True)
class _Units:
    """One sentence's matching units (:func:`~.lexicons.units`) as parallel lists; a unit's
    article span is that of ``spans[i]`` (its token, or a token of its own for a part of a
    hyphenated word)."""

    texts: list[str]
    keys: list[str]
    words: list[bool]
    spans: Sequence[Token]


def _lowered(texts: list[str]) -> list[str]:
    """``text.lower()`` of each text, in one call on the texts joined by newlines (text by text
    when a text holds a newline)."""
    parts = "\n".join(texts).lower().split("\n")
    return parts if len(parts) == len(texts) else [text.lower() for text in texts]


def _sentence_units(
    sentence: Sentence, texts: list[str], lowers: list[str], words: list[bool]
) -> _Units:
    """The units of one sentence, from its token texts, their lower case and word flags.

    Equal to :func:`~.lexicons.units`: in a sentence without hyphenated words (most of them)
    the units are the tokens, and their keys the lower-cased texts.
    """
    joined = "".join(texts)
    keys = lowers
    if "’" in joined or "‘" in joined:
        keys = [low.translate(_APOSTROPHES) for low in lowers]
    us = _Units(texts, keys, words, sentence.tokens)
    if "-" in joined and any(words[i] for i, text in enumerate(texts) if "-" in text):
        return _split_hyphens(us)
    return us


def _split_hyphens(tokens: _Units) -> _Units:
    """Units of tokens, a hyphenated word split into its (non-empty) parts."""
    texts: list[str] = []
    keys: list[str] = []
    words: list[bool] = []
    spans: list[Token] = []
    for text, key, word, token in zip(tokens.texts, tokens.keys, tokens.words, tokens.spans):
        if not (word and "-" in text):
            texts.append(text)
            keys.append(key)
            words.append(word)
            spans.append(token)
            continue
        pos = token.start
        for part in text.split("-"):
            if part:
                texts.append(part)
                keys.append(part.lower().translate(_APOSTROPHES))
                words.append(True)
                spans.append(Token(part, pos, pos + len(part)))
            pos += len(part) + 1
    return _Units(texts, keys, words, spans)


# --------------------------------------------------------------------------- word rules

_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ADJECTIVE_SUFFIXES = (
    "ive", "ful", "ous", "al", "able", "ible", "ic", "ant", "ent", "less", "ing", "ed", "ish", "ly",
)
_DETERMINERS = frozenset(["the", "its", "his", "her", "their", "our", "your", "my", "whose"])


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    from ..sentiment import analyzer
    from ...text import english_stop_words

    _, shouted = lexicons.caps_words()
    vader = (w for w in analyzer().lexicon if w.isalpha())
    return frozenset(english_stop_words()) | frozenset(vader) | shouted


@lru_cache(maxsize=1)
def _subjective_words() -> frozenset[str]:
    """Lower-case words with a non-zero VADER valence."""
    from ..sentiment import analyzer

    return frozenset(w for w, valence in analyzer().lexicon.items() if valence != 0.0)


@lru_cache(maxsize=65536)
def _all_capitals(text: str) -> bool:
    """A capital first, no full stop or digit, and two or more letters, all capitals."""
    if not text[:1].isupper() or "." in text or any(ch.isdigit() for ch in text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _caps_flags(us: _Units) -> list[bool]:
    """Whether each unit is a capitalised word (its letters all upper case)."""
    texts, words = us.texts, us.words
    caps = [False] * len(texts)
    for i in [i for i, text in enumerate(texts) if text[:1].isupper()]:
        caps[i] = words[i] and _all_capitals(texts[i])
    return caps


def _shouting(us: _Units, i: int, caps: Sequence[bool]) -> bool:
    text, full_key = us.texts[i], us.keys[i]
    if not caps[i] or _ROMAN.match(text):
        return False
    acronyms, _ = lexicons.caps_words()
    key = full_key.split("'")[0]
    if key in acronyms or full_key in acronyms:
        return False
    if sum(ch.isalpha() for ch in text) >= 6 or key in _english_words():
        return True
    lo = hi = i  # a run of three or more capitalised words (a shouted headline)
    while lo > 0 and caps[lo - 1]:
        lo -= 1
    while hi + 1 < len(caps) and caps[hi + 1]:
        hi += 1
    return hi - lo + 1 >= 3


def _furniture(us: _Units, lo: int, hi: int) -> set[int]:
    """Indices in the capitalised run ``us[lo..hi]`` covered by a newsroom label or credit
    (``JUST WATCHED``, ``PHOTOS``, ``REUTERS``): house style, not shouting. A run joined to
    another by a slash is a picture credit (``JAY WESTCOTT/POLITICO``) as a whole."""
    texts = us.texts
    if (hi + 1 < len(texts) and texts[hi + 1] == "/") or (lo > 0 and texts[lo - 1] == "/"):
        return set(range(lo, hi + 1))
    keys = us.keys[lo : hi + 1]
    present = set(keys)
    covered: set[int] = set()
    for phrase in lexicons.caps_furniture():
        if not present.issuperset(phrase):
            continue  # most phrases: a word of theirs is not in the run
        n = len(phrase)
        for k in range(len(keys) - n + 1):
            if tuple(keys[k : k + n]) == phrase and not covered & set(range(lo + k, lo + k + n)):
                covered.update(range(lo + k, lo + k + n))
    return covered


#: Units that end a dateline's place name ("SUTHERLAND SPRINGS, Texas —", "KYIV (Reuters) -").
_DATELINE_ENDS = frozenset([",", "(", "—", "–", "-", "--", ":"])


def _dateline_end(us: _Units, caps: Sequence[bool]) -> int:
    """Units of a dateline at the start of an article (capitalised place then a comma,
    parenthesis or dash), which are house style rather than shouting; 0 when there is none."""
    k = 0
    while k < len(caps) and caps[k]:
        k += 1
    return k if 0 < k <= 4 and k < len(caps) and us.keys[k] in _DATELINE_ENDS else 0


def _caps_runs(caps: list[bool], start: int) -> list[tuple[int, int]]:
    """``(first, last)`` of each run of capitalised units from ``start`` on."""
    runs: list[tuple[int, int]] = []
    i = start
    while True in caps[i:]:
        lo = hi = caps.index(True, i)
        while hi + 1 < len(caps) and caps[hi + 1]:
            hi += 1
        runs.append((lo, hi))
        i = hi + 1
    return runs


@lru_cache(maxsize=1)
def _superlative_starts() -> frozenset[str]:
    """Keys other than ``-est`` words that may start a superlative."""
    irregular, _ = lexicons.superlative_words()
    return irregular | {"most", "least"}


def _superlative(us: _Units, i: int) -> int | None:
    """Index of the last unit of a superlative starting at ``i``, else None."""
    keys, words = us.keys, us.words
    key = keys[i]
    if not words[i] or not key.isalpha():
        return None
    irregular, not_superlative = lexicons.superlative_words()
    if key in irregular:
        return i
    if key in ("most", "least"):
        if i + 1 >= len(keys) or not words[i + 1] or (i > 0 and keys[i - 1] == "at"):
            return None
        nxt = keys[i + 1]
        if not nxt.isalpha() or nxt in ("of", "than", "and", "or") or nxt in _stop_words():
            return None
        determiner = i > 0 and keys[i - 1] in _DETERMINERS
        if determiner or nxt.endswith(_ADJECTIVE_SUFFIXES) or nxt in _english_words():
            return i + 1
        return None
    if len(key) >= 6 and key.endswith("est") and key not in not_superlative:
        text = us.texts[i]
        first_in_sentence = not any(words[:i])
        if text[0].isupper() and not text.isupper() and not first_in_sentence:
            return None  # a proper name: Everest, Budapest, Forest
        return i
    return None


def _superlatives(us: _Units) -> list[tuple[int, int, str]]:
    """``(first, last, label)`` of each superlative in a sentence, left to right."""
    starts = _superlative_starts()
    if "est\n" not in "\n".join(us.keys) + "\n" and starts.isdisjoint(us.keys):
        return []  # most sentences: neither an -est word nor most, least, best ...
    irregular, _ = lexicons.superlative_words()
    found: list[tuple[int, int, str]] = []
    after = 0
    for i in [i for i, key in enumerate(us.keys) if key in starts or key.endswith("est")]:
        if i < after:
            continue
        last = _superlative(us, i)
        if last is not None:
            label = "most/least + adjective" if last > i else (
                "irregular" if us.keys[i] in irregular else "-est")
            found.append((i, last, label))
            after = last + 1
    return found


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from ...text import english_stop_words

    return english_stop_words()


def _modal_ok(us: _Units, first: int) -> bool:
    """'May' in capitals is the month or a name unless it starts a sentence before a verb."""
    if us.keys[first] != "may" or us.texts[first] == "may":
        return True
    sentence_initial = not any(us.words[:first])
    nxt = us.texts[first + 1] if first + 1 < len(us.texts) else ""
    return sentence_initial and nxt[:1].islower()


# --------------------------------------------------------------------------- all cues


def find_cues(
    sentences: Sequence[Sentence], quoted: Sequence[tuple[int, int]] | None = None
) -> Mapping[str, list[Cue]]:
    """Cues of every marker in :data:`MARKERS` (lists in text order).

    All-caps words are not counted in a dateline at the start of the article ("SUTHERLAND
    SPRINGS, Texas —"), and a shouted phrase that recurs in the article counts once (page
    furniture such as "JUST WATCHED" before every embedded video).

    Parameters
    ----------
    sentences : sequence of Sentence
    quoted : sequence of (start, end), optional
        Quoted spans (default: :func:`quote_spans`), used to flag ``Cue.quoted``.
    """
    return scan(sentences, quoted)[0]


def _phrase_markers() -> tuple[tuple[str, lexicons.PhraseLexicon], ...]:
    """The markers found by a phrase lexicon, with their lexicons."""
    return (
        ("intensifiers", lexicons.intensifiers()),
        ("emotive_idioms", lexicons.idioms("emotive")),
        ("conventional_metaphors", lexicons.idioms("conventional")),
        ("attribution_hedges", lexicons.hedges("attribution")),
        ("modal_hedges", lexicons.hedges("modal")),
    )


@lru_cache(maxsize=1)
def _openers() -> tuple[frozenset[str], frozenset[str]]:
    """:attr:`~.lexicons.PhraseLexicon.openers` of all the phrase markers together."""
    words: set[str] = set()
    heads: set[str] = set()
    for _, lexicon in _phrase_markers():
        words.update(lexicon.openers[0])
        heads.update(lexicon.openers[1])
    return frozenset(words), frozenset(heads)


def _phrase_starts(keys: list[str]) -> list[int]:
    """Indices of the units at which an entry of some phrase marker may start."""
    words, heads = _openers()
    return [i for i, key in enumerate(keys) if key in words or key[:3] in heads]


def _loud_units(
    us: _Units, caps: list[bool], first_sentence: bool, shouted: set[tuple[str, ...]]
) -> list[int]:
    """Indices of a sentence's shouted units; ``shouted`` holds the phrases already counted
    in the article (the same phrase again is page furniture: "JUST WATCHED" before every
    embedded video)."""
    loud_units: list[int] = []
    for lo, hi in _caps_runs(caps, _dateline_end(us, caps) if first_sentence else 0):
        furniture = _furniture(us, lo, hi)
        loud = [k for k in range(lo, hi + 1) if k not in furniture and _shouting(us, k, caps)]
        run = tuple(us.keys[k] for k in loud)
        if loud and run not in shouted:
            shouted.add(run)
            loud_units.extend(loud)
    return loud_units


def scan(
    sentences: Sequence[Sentence], quoted: Sequence[tuple[int, int]] | None = None
) -> tuple[Mapping[str, list[Cue]], int]:
    """:func:`find_cues` plus the number of word tokens (one pass over the tokens)."""
    subjective = _subjective_words()
    inside = _QuoteIndex(quote_spans(sentences) if quoted is None else quoted)
    phrase_markers = _phrase_markers()
    out: dict[str, list[Cue]] = {name: [] for name in MARKERS}
    n_words = 0
    shouted: set[tuple[str, ...]] = set()

    def cue(s: Sentence, name: str, start: int, end: int, label: str) -> None:
        text = s.text[start - s.start : end - s.start]
        out[name].append(Cue(s.index, start, end, text, label, start in inside))

    for s in sentences:
        tokens = s.tokens
        texts = [tok.text for tok in tokens]
        words = list(map(is_word_text, texts))
        if "!" in texts:
            for k in [k for k, text in enumerate(texts) if text == "!"]:
                cue(s, "exclamations", tokens[k].start, tokens[k].end, "!")
        lowers = _lowered(texts)
        for k in [k for k, low in enumerate(lowers) if low in subjective and words[k]]:
            cue(s, "subjective_words", tokens[k].start, tokens[k].end, "VADER lexicon")
        n_words += sum(words)
        us = _sentence_units(s, texts, lowers, words)
        starts = _phrase_starts(us.keys)
        for name, lexicon in phrase_markers if starts else ():
            for first, last, label in lexicon.find_keys(us.keys, us.words, starts):
                if name == "modal_hedges" and not _modal_ok(us, first):
                    continue
                cue(s, name, us.spans[first].start, us.spans[last].end, label)
        caps = _caps_flags(us)
        for k in _loud_units(us, caps, s is sentences[0], shouted):
            cue(s, "all_caps", us.spans[k].start, us.spans[k].end, "all caps")
        for first, last, label in _superlatives(us):
            cue(s, "superlatives", us.spans[first].start, us.spans[last].end, label)
    return out, n_words
