"""VADER sentence sentiment, score-for-score equal to NLTK's and many times faster.

:class:`VaderAnalyzer` implements the rules of NLTK's
:class:`nltk.sentiment.vader.SentimentIntensityAnalyzer` (NLTK 3.10) — tokenisation, lexicon
valence, capitals, boosters and dampeners, negation, "never so", "least", "but", idioms,
``!``/``?`` emphasis and normalisation — with the same floating-point operations in the same
order, so ``polarity_scores`` returns the *same floats* (``==``, not approximately).

The reference is NLTK's analyzer configured with the lexicon file that ships inside the
installed ``vaderSentiment`` package, ``SentimentIntensityAnalyzer(lexicon_file=...)``:
NLTK's own ``vader_lexicon`` data package is a download (never made here) and an older
revision of the lexicon, so it is not the reference. The lexicon is parsed exactly as NLTK's
``make_lex_dict`` parses it.

Where the speed comes from (nothing changes the result):

* NLTK maps punctuation-wrapped words (``"good,"`` → ``good``) through a dictionary of every
  word joined to each of 17 punctuation strings, built afresh for every sentence; here each
  whitespace token is resolved once per analyzer, with everything the rules ask of it
  (lower-case form, capitals, valence, booster, negation), and reused;
* NLTK scores a repeated token at its *first* position (``list.index`` semantics); the score
  therefore depends only on the token, so it is computed once per sentence;
* idioms and booster bigrams are only looked for when a word that occurs in one is near.

Examples
--------
>>> vader = VaderAnalyzer()
>>> vader.polarity_scores("The book was kind of good.")
{'neg': 0.0, 'neu': 0.657, 'pos': 0.343, 'compound': 0.3832}
>>> vader.polarity_scores("")
{'neg': 0.0, 'neu': 0.0, 'pos': 0.0, 'compound': 0.0}
"""

from __future__ import annotations

import hashlib
import importlib.resources
import math
import os
import string
from functools import cache
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from ..errors import MediaCompareError

__all__ = ["VaderAnalyzer", "lexicon_path", "lexicon_sha256", "load_lexicon"]

_LEXICON_FILE = "vader_lexicon.txt"
_LEXICON_PACKAGE = "vaderSentiment"
_MIN_LEXICON_ENTRIES = 7000  # the 3.3.2 file has 7,520 lines, 7,506 distinct entries

# --------------------------------------------------------------------------- NLTK's constants
# Copied from nltk.sentiment.vader.VaderConstants (tests/analysis/test_vader.py checks they
# still equal NLTK's).

B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74

NEGATE = frozenset(
    "aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't"
    " didn't doesn't dont hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't"
    " haven't isn't mightn't mustn't neednt needn't never none nope nor not nothing nowhere"
    " oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't shouldn't uh-uh wasn't weren't"
    " without wont wouldnt won't wouldn't rarely seldom despite".split()
)

_BOOSTERS = (
    "absolutely amazingly awfully completely considerably decidedly deeply effing enormously"
    " entirely especially exceptionally extremely fabulously flipping flippin fricking frickin"
    " frigging friggin fully fucking greatly hella highly hugely incredibly intensely majorly"
    " more most particularly purely quite really remarkably so substantially thoroughly"
    " totally tremendously uber unbelievably unusually utterly very"
)
_DAMPENERS = (
    "almost barely hardly kinda kindof kind-of less little marginally occasionally partly"
    " scarcely slightly somewhat sorta sortof sort-of"
)
#: Single-token boosters (+) and dampeners (−); NLTK's BOOSTER_DICT without its bigrams.
BOOSTER_DICT: dict[str, float] = {
    **{w: B_INCR for w in _BOOSTERS.split()},
    **{w: B_DECR for w in _DAMPENERS.split()},
}
#: NLTK's two-word BOOSTER_DICT keys: only ever matched as bigrams, by the idiom rule.
BOOSTER_BIGRAMS = frozenset({("just", "enough"), ("kind", "of"), ("sort", "of")})

SPECIAL_CASE_IDIOMS: dict[tuple[str, ...], float] = {
    ("the", "shit"): 3,
    ("the", "bomb"): 3,
    ("bad", "ass"): 1.5,
    ("yeah", "right"): -2,
    ("cut", "the", "mustard"): 2,
    ("kiss", "of", "death"): -1.5,
    ("hand", "to", "mouth"): -2,
}

PUNC_LIST = frozenset(
    [".", "!", "?", ",", ";", ":", "-", "'", '"', "!!", "!!!", "??", "???", "?!?", "!?!",
     "?!?!", "!?!?"]
)
_PUNCTUATION = frozenset(string.punctuation)
#: Every idiom and booster bigram has at least one of these words (tokens are matched exactly,
#: case-sensitively); "the", "of" and "to" are left out, being in every other sentence.
_IDIOM_WORDS = frozenset(
    w for key in (*SPECIAL_CASE_IDIOMS, *BOOSTER_BIGRAMS) for w in key
) - {"the", "of", "to"}
_SO_THIS = ("so", "this")
_fabs = math.fabs
_sqrt = math.sqrt
_TOKEN_CACHE_LIMIT = 200_000


# --------------------------------------------------------------------------- lexicon


def lexicon_path() -> Path:
    """Path of ``vader_lexicon.txt`` inside the installed ``vaderSentiment`` package.

    Raises
    ------
    MediaCompareError
        If the package or the file is missing (or installed as a zip the file cannot be
        read from directly).

    Examples
    --------
    >>> lexicon_path().name
    'vader_lexicon.txt'
    """
    hint = "reinstall vaderSentiment (pip install --force-reinstall 'vaderSentiment>=3.3.2')"
    try:
        resource = importlib.resources.files(_LEXICON_PACKAGE) / _LEXICON_FILE
    except ModuleNotFoundError:
        raise MediaCompareError(
            f"the VADER lexicon ships in the vaderSentiment package, which is not installed; {hint}"
        ) from None
    path = Path(str(resource))
    if not path.is_file():
        raise MediaCompareError(f"VADER lexicon file not found at {path}; {hint}")
    return path


def parse_lexicon(text: str) -> dict[str, float]:
    """Word → mean valence, parsed line by line exactly as NLTK's ``make_lex_dict`` does.

    Later lines win over earlier ones for a repeated word; columns after the second are
    ignored.

    Examples
    --------
    >>> parse_lexicon("good\\t1.9\\t0.9\\t[2, 1]\\r\\nbad\\t-2.5")
    {'good': 1.9, 'bad': -2.5}
    """
    lexicon: dict[str, float] = {}
    for line in text.split("\n"):
        word, measure = line.strip().split("\t")[0:2]
        lexicon[word] = float(measure)
    return lexicon


@cache
def _lexicon_at(path: str) -> dict[str, float]:
    where = Path(path)
    try:
        data = where.read_bytes()
    except OSError as e:
        raise MediaCompareError(f"cannot read the VADER lexicon {where}: {e.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # nltk.data.load falls back to Latin-1 the same way
        text = data.decode("latin-1")
    try:
        lexicon = parse_lexicon(text)
    except ValueError:
        raise MediaCompareError(
            f"{where} is not a VADER lexicon (each line: word, tab, valence); point at"
            " vader_lexicon.txt"
        ) from None
    return lexicon


def load_lexicon(path: str | os.PathLike[str] | None = None) -> dict[str, float]:
    """The VADER lexicon, read once per process and path (shared: do not mutate).

    Parameters
    ----------
    path : path-like, optional
        A lexicon file in VADER's format. Default: :func:`lexicon_path`.

    Raises
    ------
    MediaCompareError
        If the file is missing, unreadable or not a lexicon, or the default lexicon looks
        truncated.

    Examples
    --------
    >>> load_lexicon()["good"], load_lexicon()["horrible"]
    (1.9, -2.5)
    """
    if path is None:
        return _default_lexicon()
    return _lexicon_at(str(Path(path)))


@cache
def _default_lexicon() -> dict[str, float]:
    """The installed package's lexicon, located and checked once (scorers ask per sentence)."""
    where = lexicon_path()
    lexicon = _lexicon_at(str(where))
    if len(lexicon) < _MIN_LEXICON_ENTRIES:
        raise MediaCompareError(
            f"VADER lexicon at {where} has only {len(lexicon)} entries (expected about"
            " 7,500); reinstall vaderSentiment"
        )
    return lexicon


@cache
def lexicon_sha256() -> str:
    """SHA-256 of the default lexicon file (recorded with saved models whose features use it).

    Examples
    --------
    >>> len(lexicon_sha256())
    64
    """
    return hashlib.sha256(lexicon_path().read_bytes()).hexdigest()


# --------------------------------------------------------------------------- tokens


def _strip_punctuation(token: str) -> str:
    """NLTK's ``SentiText`` word: ``token`` without one leading *or* trailing PUNC_LIST run.

    NLTK looks each token up in a dictionary of ``p + w`` and ``w + p`` for every ``p`` in
    PUNC_LIST and every word ``w`` (longer than one character) of the text with all ASCII
    punctuation removed. Since ``w`` holds no punctuation and ``p`` nothing else, the token
    matches exactly when its maximal punctuation prefix (or suffix) is in PUNC_LIST and the
    rest is punctuation-free and longer than one character — and then ``w`` is that rest.
    """
    punct = _PUNCTUATION
    if token[0] in punct:
        j = 1
        while j < len(token) and token[j] in punct:
            j += 1
        rest = token[j:]
        if len(rest) > 1 and token[:j] in PUNC_LIST and punct.isdisjoint(rest):
            return rest
    elif token[-1] in punct:
        j = len(token) - 1
        while token[j - 1] in punct:  # token[0] is not punctuation, so this stops
            j -= 1
        rest = token[:j]
        if len(rest) > 1 and token[j:] in PUNC_LIST and punct.isdisjoint(rest):
            return rest
    return token


class _Word(NamedTuple):
    """One token with everything the rules ask of it, resolved once."""

    text: str  # NLTK's word (punctuation stripped by its rule); case kept
    lower: str
    upper: bool  # str.isupper()
    in_lexicon: bool
    valence: float
    booster: float | None  # BOOSTER_DICT value of the lower-case word
    negated: bool  # NLTK's negated([word]): in NEGATE or contains "n't"
    least: bool  # "least", and not a lexicon word
    idiom: bool  # in _IDIOM_WORDS


class _Words(dict[str, "_Word | tuple[()]"]):
    """Token → :class:`_Word` (``()`` for one-character tokens, which NLTK drops), filled on
    first lookup; starts afresh after 200,000 tokens so memory stays bounded."""

    def __init__(self, lexicon: dict[str, float]):
        super().__init__()
        self.lexicon = lexicon

    def __missing__(self, token: str) -> _Word | tuple[()]:
        if len(self) >= _TOKEN_CACHE_LIMIT:
            self.clear()
        if len(token) < 2:
            self[token] = ()
            return ()
        text = token
        if token[0] in _PUNCTUATION or token[-1] in _PUNCTUATION:
            text = _strip_punctuation(token)
            if text != token:  # "said," is "said": share its entry
                word = self.get(text) or self._word(text)
                self[token] = word
                return word
        return self._word(text)

    def _word(self, text: str) -> _Word:
        lower = text.lower()
        valence = self.lexicon.get(lower)
        word: _Word = _new_word(  # positional: _Word's fields in order
            _Word,
            (
                text,
                lower,
                text.isupper(),
                valence is not None,
                0.0 if valence is None else valence,
                BOOSTER_DICT.get(lower),
                lower in NEGATE or "n't" in lower,
                lower == "least" and valence is None,
                text in _IDIOM_WORDS,
            ),
        )
        self[text] = word
        return word


_new_word = tuple.__new__
_UPPER = itemgetter(2)
_IN_LEXICON = itemgetter(3)
_IDIOM = itemgetter(8)


# --------------------------------------------------------------------------- the analyzer


class VaderAnalyzer:
    """NLTK's VADER rules, fast: ``polarity_scores`` equals NLTK's float for float.

    Parameters
    ----------
    lexicon_file : path-like, optional
        A lexicon in VADER's format. Default: ``vader_lexicon.txt`` of the installed
        ``vaderSentiment`` package (:func:`lexicon_path`). The reference for equality is
        ``nltk.sentiment.vader.SentimentIntensityAnalyzer`` given the same file.

    Attributes
    ----------
    lexicon : dict of str to float
        Word → valence (shared between analyzers of the same file: do not mutate).

    Notes
    -----
    An analyzer remembers what it learned about each distinct token (up to 200,000 tokens,
    then it starts afresh); it is safe to share between threads. Build one and reuse it.

    Examples
    --------
    >>> vader = VaderAnalyzer()
    >>> vader.polarity_scores("The food was NOT good, but the service was great!!")
    {'neg': 0.107, 'neu': 0.502, 'pos': 0.391, 'compound': 0.7601}
    """

    def __init__(self, lexicon_file: str | os.PathLike[str] | None = None):
        self.lexicon = load_lexicon(lexicon_file)
        self._words = _Words(self.lexicon)

    def __repr__(self) -> str:
        return f"VaderAnalyzer({len(self.lexicon)} lexicon entries)"

    def polarity_scores(self, text: str) -> dict[str, float]:
        """``neg``, ``neu``, ``pos`` (rounded to 3 decimals) and ``compound`` (4) of ``text``.

        Parameters
        ----------
        text : str
            Any text; VADER is meant for one sentence at a time.

        Returns
        -------
        dict
            ``{"neg": ..., "neu": ..., "pos": ..., "compound": ...}``, equal to NLTK's.

        Raises
        ------
        TypeError
            If ``text`` is not a string.

        Examples
        --------
        >>> VaderAnalyzer().polarity_scores("Never so happy :)")["compound"]
        -0.7096
        """
        if not isinstance(text, str):
            raise TypeError(f"polarity_scores needs a str, got {type(text).__name__}")
        # Tokens of one character are dropped (they are cached as the falsy ``()``).
        words: list[_Word] = [w for w in map(self._words.__getitem__, text.split()) if w]
        n = len(words)
        if not n:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        scored = list(compress(range(n), map(_IN_LEXICON, words)))
        if not scored:  # NLTK's arithmetic on all-zero sentiments gives exactly this
            return {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
        n_upper = sum(map(_UPPER, words))
        cap_diff = 0 < n - n_upper < n
        idioms = any(map(_IDIOM, words))

        # Only lexicon words score: every other word's sentiment is 0, which changes neither
        # NLTK's sum nor its positive and negative sums. NLTK scores every occurrence of a word
        # at its first position, so each distinct word is scored once.
        if len(scored) == 1:
            values = [_valence(words, scored[0], cap_diff, idioms)]
        else:
            done: dict[str, float] = {}
            values = []
            for i in scored:
                key = words[i].text
                valence = done.get(key)
                if valence is None:
                    valence = done[key] = _valence(words, i, cap_diff, idioms)
                values.append(valence)

        if "but" in text.lower():  # a word whose lower case is "but" implies this
            for bi, word in enumerate(words):  # the first "but"
                if word.lower == "but":
                    values = [
                        v * 0.5 if i < bi else v * 1.5 if i > bi else v
                        for i, v in zip(scored, values)
                    ]
                    break
        return _score(values, n - len(values), text)


def _valence(words: list[_Word], i: int, cap_diff: bool, idioms: bool) -> float:
    """NLTK's per-token valence at position ``i`` (``polarity_scores`` + ``sentiment_valence``).

    ``idioms`` says whether any word of the sentence takes part in an idiom or booster bigram.
    """
    word = words[i]
    n = len(words)
    if word.booster is not None or (
        i < n - 1 and word.lower == "kind" and words[i + 1].lower == "of"
    ):
        return 0
    if not word.in_lexicon:
        return 0
    valence = word.valence
    if word.upper and cap_diff:
        if valence > 0:
            valence += C_INCR
        else:
            valence -= C_INCR
    for start_i in range(3):
        if i <= start_i:
            break
        prev = words[i - (start_i + 1)]
        if prev.in_lexicon:
            continue
        # scalar_inc_dec: boosters and dampeners, with their own capitals
        s = 0.0
        if prev.booster is not None:
            s = prev.booster
            if valence < 0:
                s *= -1
            if prev.upper and cap_diff:
                if valence > 0:
                    s += C_INCR
                else:
                    s -= C_INCR
        if start_i == 1 and s != 0:
            s = s * 0.95
        if start_i == 2 and s != 0:
            s = s * 0.9
        valence = valence + s
        # _never_check
        if start_i == 0:
            if prev.negated:
                valence = valence * N_SCALAR
        elif start_i == 1:
            if words[i - 2].text == "never" and words[i - 1].text in _SO_THIS:
                valence = valence * 1.5
            elif prev.negated:
                valence = valence * N_SCALAR
        else:
            if (
                words[i - 3].text == "never" and words[i - 2].text in _SO_THIS
            ) or words[i - 1].text in _SO_THIS:
                valence = valence * 1.25
            elif prev.negated:
                valence = valence * N_SCALAR
            if idioms and any(map(_IDIOM, words[i - 3 : i + 3])):
                valence = _idioms(valence, words, i)
    # _least_check
    if i > 1 and words[i - 1].least:
        if words[i - 2].lower != "at" and words[i - 2].lower != "very":
            valence = valence * N_SCALAR
    elif i > 0 and words[i - 1].least:
        valence = valence * N_SCALAR
    return valence


def _idioms(valence: float, words: list[_Word], i: int) -> float:
    """NLTK's ``_idioms_check`` at ``i`` (> 2), on tuples of words instead of joined strings."""
    t = [w.text for w in words[i - 3 : i + 3]]  # t[3] is the word itself
    for seq in ((t[2], t[3]), (t[1], t[2], t[3]), (t[1], t[2]), (t[0], t[1], t[2]), (t[0], t[1])):
        if seq in SPECIAL_CASE_IDIOMS:
            valence = SPECIAL_CASE_IDIOMS[seq]
            break
    n = len(words)
    if n - 1 > i and (t[3], t[4]) in SPECIAL_CASE_IDIOMS:
        valence = SPECIAL_CASE_IDIOMS[(t[3], t[4])]
    if n - 1 > i + 1 and (t[3], t[4], t[5]) in SPECIAL_CASE_IDIOMS:
        valence = SPECIAL_CASE_IDIOMS[(t[3], t[4], t[5])]
    if (t[0], t[1]) in BOOSTER_BIGRAMS or (t[1], t[2]) in BOOSTER_BIGRAMS:
        valence = valence + B_DECR
    return valence


def _score(scored: list[float], n_unscored: int, text: str) -> dict[str, float]:
    """NLTK's ``score_valence``: punctuation emphasis, normalisation, the three shares.

    ``scored`` are the sentiments of the lexicon words, in order; the ``n_unscored`` others
    are zero. Leaving zeros out of a sum changes no partial sum (``x + 0 == x``).
    """
    sum_s = float(sum(scored))
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier: float = 0
    if qm_count > 1:
        if qm_count <= 3:
            qm_amplifier = qm_count * 0.18
        else:
            qm_amplifier = 0.96
    punct_emph_amplifier = ep_amplifier + qm_amplifier
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    compound = sum_s / _sqrt((sum_s * sum_s) + 15)

    pos_sum = 0.0
    neg_sum = 0.0
    neu_count = n_unscored
    for sentiment_score in scored:
        if sentiment_score > 0:
            pos_sum += float(sentiment_score) + 1
        if sentiment_score < 0:
            neg_sum += float(sentiment_score) - 1
        if sentiment_score == 0:
            neu_count += 1
    if pos_sum > _fabs(neg_sum):
        pos_sum += punct_emph_amplifier
    elif pos_sum < _fabs(neg_sum):
        neg_sum -= punct_emph_amplifier
    total = pos_sum + _fabs(neg_sum) + neu_count
    return {
        "neg": round(_fabs(neg_sum / total), 3),
        "neu": round(_fabs(neu_count / total), 3),
        "pos": round(_fabs(pos_sum / total), 3),
        "compound": round(compound, 4),
    }
