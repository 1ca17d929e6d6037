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

from ...model import Sentence
from . import lexicons
from .lexicons import Unit, units

__all__ = [
    "HEDGE_MARKERS", "MARKERS", "SENSATIONAL_MARKERS", "Cue", "FrozenMapping", "find_cues", "quote_spans",
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


class FrozenMapping(Mapping):
    """A read-only mapping that, unlike ``types.MappingProxyType``, pickles (worker processes).

    Examples
    --------
    >>> import pickle
    >>> m = FrozenMapping({"a": 1})
    >>> pickle.loads(pickle.dumps(m)) == m, dict(m)
    (True, {'a': 1})
    """

    __slots__ = ("_data",)
    _data: dict

    def __init__(self, data: Mapping = ()):  # type: ignore[assignment]
        object.__setattr__(self, "_data", dict(data))

    def __getitem__(self, key):
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"FrozenMapping({self._data!r})"

    def __setattr__(self, name, value):
        raise AttributeError("FrozenMapping is read-only")

    def __reduce__(self):
        return (FrozenMapping, (self._data,))


# --------------------------------------------------------------------------- quotes

_OPEN_DOUBLE, _CLOSE_DOUBLE, _STRAIGHT, _OPEN_SINGLE, _CLOSE_SINGLE = "“", "”", '"', "‘", "’"


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
        for tok in sentence.tokens:
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


def _is_caps_word(u: Unit) -> bool:
    if not u.text[:1].isupper() or not u.is_word or "." in u.text or any(ch.isdigit() for ch in u.text):
        return False
    letters = [ch for ch in u.text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _shouting(us: Sequence[Unit], i: int, caps: Sequence[bool]) -> bool:
    u = us[i]
    if not caps[i] or _ROMAN.match(u.text):
        return False
    acronyms, _ = lexicons.caps_words()
    key = u.key.split("'")[0]
    if key in acronyms or u.key in acronyms:
        return False
    if sum(ch.isalpha() for ch in u.text) >= 6 or key in _english_words():
        return True
    lo = hi = i  # a run of three or more capitalised words (a shouted headline)
    while lo > 0 and caps[lo - 1]:
        lo -= 1
    while hi + 1 < len(us) and caps[hi + 1]:
        hi += 1
    return hi - lo + 1 >= 3


def _furniture(us: Sequence[Unit], lo: int, hi: int) -> set[int]:
    """Indices in the capitalised run ``us[lo..hi]`` covered by a newsroom label or credit
    (``JUST WATCHED``, ``PHOTOS``, ``REUTERS``): house style, not shouting. A run joined to
    another by a slash is a picture credit (``JAY WESTCOTT/POLITICO``) as a whole."""
    if (hi + 1 < len(us) and us[hi + 1].text == "/") or (lo > 0 and us[lo - 1].text == "/"):
        return set(range(lo, hi + 1))
    keys = [u.key for u in us[lo : hi + 1]]
    covered: set[int] = set()
    for phrase in lexicons.caps_furniture():
        n = len(phrase)
        for k in range(len(keys) - n + 1):
            if tuple(keys[k : k + n]) == phrase and not covered & set(range(lo + k, lo + k + n)):
                covered.update(range(lo + k, lo + k + n))
    return covered


#: Units that end a dateline's place name ("SUTHERLAND SPRINGS, Texas —", "KYIV (Reuters) -").
_DATELINE_ENDS = frozenset([",", "(", "—", "–", "-", "--", ":"])


def _dateline_end(us: Sequence[Unit], caps: Sequence[bool]) -> int:
    """Units of a dateline at the start of an article (capitalised place then a comma,
    parenthesis or dash), which are house style rather than shouting; 0 when there is none."""
    k = 0
    while k < len(us) and caps[k]:
        k += 1
    return k if 0 < k <= 4 and k < len(us) and us[k].key in _DATELINE_ENDS else 0


def _superlative(us: Sequence[Unit], i: int) -> int | None:
    """Index of the last unit of a superlative starting at ``i``, else None."""
    u = us[i]
    key = u.key
    if not u.is_word or not key.isalpha():
        return None
    irregular, not_superlative = lexicons.superlative_words()
    if key in irregular:
        return i
    if key in ("most", "least"):
        if i + 1 >= len(us) or not us[i + 1].is_word or (i > 0 and us[i - 1].key == "at"):
            return None
        nxt = us[i + 1].key
        if not nxt.isalpha() or nxt in ("of", "than", "and", "or") or nxt in _stop_words():
            return None
        determiner = i > 0 and us[i - 1].key in _DETERMINERS
        if determiner or nxt.endswith(_ADJECTIVE_SUFFIXES) or nxt in _english_words():
            return i + 1
        return None
    if len(key) >= 6 and key.endswith("est") and key not in not_superlative:
        first_in_sentence = i == 0 or all(not v.is_word for v in us[:i])
        if u.text[0].isupper() and not u.text.isupper() and not first_in_sentence:
            return None  # a proper name: Everest, Budapest, Forest
        return i
    return None


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from ...text import english_stop_words

    return english_stop_words()


def _modal_ok(us: Sequence[Unit], first: int) -> bool:
    """'May' in capitals is the month or a name unless it starts a sentence before a verb."""
    u = us[first]
    if u.key != "may" or u.text == "may":
        return True
    sentence_initial = all(not v.is_word for v in us[:first])
    nxt = us[first + 1].text if first + 1 < len(us) else ""
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


def scan(
    sentences: Sequence[Sentence], quoted: Sequence[tuple[int, int]] | None = None
) -> tuple[Mapping[str, list[Cue]], int]:
    """:func:`find_cues` plus the number of word tokens (one pass over the tokens)."""
    from ..sentiment import analyzer

    vader = analyzer().lexicon
    inside = _QuoteIndex(quote_spans(sentences) if quoted is None else quoted)
    phrase_markers = (
        ("intensifiers", lexicons.intensifiers()),
        ("emotive_idioms", lexicons.idioms("emotive")),
        ("conventional_metaphors", lexicons.idioms("conventional")),
        ("attribution_hedges", lexicons.hedges("attribution")),
        ("modal_hedges", lexicons.hedges("modal")),
    )
    out: dict[str, list[Cue]] = {name: [] for name in MARKERS}
    n_words = 0
    shouted: set[tuple[str, ...]] = set()

    def cue(s: Sentence, name: str, start: int, end: int, label: str) -> None:
        text = s.text[start - s.start : end - s.start]
        out[name].append(Cue(s.index, start, end, text, label, start in inside))

    for s in sentences:

        flags = [tok.is_word for tok in s.tokens]
        for tok, word in zip(s.tokens, flags):
            if tok.text == "!":
                cue(s, "exclamations", tok.start, tok.end, "!")
            elif word and vader.get(tok.text.lower(), 0.0) != 0.0:
                cue(s, "subjective_words", tok.start, tok.end, "VADER lexicon")
        n_words += sum(flags)
        us = units(s, flags)
        for name, lexicon in phrase_markers:
            for m in lexicon.find(us):
                if name == "modal_hedges" and not _modal_ok(us, m.first):
                    continue
                cue(s, name, m.start, m.end, m.label)
        caps = [_is_caps_word(u) for u in us]
        i = _dateline_end(us, caps) if s is sentences[0] else 0
        while i < len(us):
            if not caps[i]:
                i += 1
                continue
            hi = i
            while hi + 1 < len(us) and caps[hi + 1]:
                hi += 1
            furniture = _furniture(us, i, hi)
            loud = [k for k in range(i, hi + 1) if k not in furniture and _shouting(us, k, caps)]
            run = tuple(us[k].key for k in loud)
            if loud and run not in shouted:  # the same phrase again is page furniture
                shouted.add(run)  # ("JUST WATCHED" before every embedded video)
                for k in loud:
                    cue(s, "all_caps", us[k].start, us[k].end, "all caps")
            i = hi + 1
        i = 0
        while i < len(us):
            last = _superlative(us, i)
            if last is not None:
                label = "most/least + adjective" if last > i else (
                    "irregular" if us[i].key in lexicons.superlative_words()[0] else "-est"
                )
                cue(s, "superlatives", us[i].start, us[last].end, label)
                i = last
            i += 1
    return out, n_words
