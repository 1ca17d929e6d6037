"""Offline text processing shared by every scorer: normalisation, sentences, tokens, language.

No NLTK data is needed: sentence splitting is rule-based (abbreviations, initials, decimals,
quotes kept with their sentence) and tokenisation is one regular expression. Every article is
tokenised exactly once, by :func:`sentences`, and all scorers read those tokens.

Examples
--------
>>> [s.text for s in sentences('Mr. Smith met Gen. Jones in the U.S. on Jan. 5. "It went well," he said.')]
['Mr. Smith met Gen. Jones in the U.S. on Jan. 5.', '"It went well," he said.']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from .model import Sentence, Token

__all__ = [
    "normalize",
    "sentences",
    "tokenize",
    "words",
    "ngram_counts",
    "guess_language",
    "raw_documents",
    "selected_features",
]

# --------------------------------------------------------------------------- normalisation

_QUOTE_MAP = str.maketrans(
    {
        "\u00ab": "\u201c",  # « → “
        "\u00bb": "\u201d",  # » → ”
        "\u201e": "\u201c",  # „ → “
        "\u201f": "\u201c",
        "\u2033": '"',
        "\u00a0": " ",  # no-break space
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",  # zero-width space
        "\ufeff": "",
    }
)
_QUOTE_PAIRS = tuple((chr(code), target) for code, target in _QUOTE_MAP.items())
_SPACES = re.compile(r"[ \t\f\v]{2,}|[\t\f\v]")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def normalize(text: str) -> str:
    """Normalise Unicode (NFC), quote variants, spaces and blank lines.

    Curly quotes are kept (they carry meaning for quote extraction) but exotic variants are
    mapped onto them; runs of spaces collapse; lines are stripped; at most one blank line.

    Examples
    --------
    >>> normalize("  «Hello»\\u00a0 world \\r\\n\\n\\n\\nBye ")
    '“Hello” world\\n\\nBye'
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    for source, target in _QUOTE_PAIRS:
        if source in text:
            text = text.replace(source, target)
    text = "\n".join([line.strip() for line in _SPACES.sub(" ", text).split("\n")])
    return _MANY_NEWLINES.sub("\n\n", text).strip()


# --------------------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}                    # U.S., U.K., e.g.
  | \d+(?:[.,:]\d+)+                      # 2.5, 1,600, 10:30
  | \w+(?:[-'’]\w+)*                      # words, hyphenated words, don't, Russia’s
  | [^\w\s]                               # any other single symbol
    """,
    re.VERBOSE,
)


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Split ``text`` into tokens with character offsets (shifted by ``offset``).

    Examples
    --------
    >>> [t.text for t in tokenize("The U.S.-made ATACMS, 186-mile range; £3 billion.")]
    ['The', 'U.S.', '-', 'made', 'ATACMS', ',', '186-mile', 'range', ';', '£', '3', 'billion', '.']
    """
    return tuple(Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text))


def words(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (no punctuation).

    Examples
    --------
    >>> words("Kremlin missiles have rained down!")
    ['kremlin', 'missiles', 'have', 'rained', 'down']
    """
    return [t.text.lower() for t in tokenize(text) if t.is_word]


# --------------------------------------------------------------------------- sentences

#: Words after which a period does not end a sentence (compared lower-cased, without the dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof gen lt col maj capt cpt sgt cmdr adm sen rep gov pres supt insp det
    st jr sr rev hon fr messrs mme mlle esq
    jan feb mar apr jun jul aug sep sept oct nov dec
    no nos vs v etc e.g i.e al approx dept est fig inc ltd co corp bros op vol pp ed eds
    u.s u.k u.n e.u u.s.a
    """.split()
)
# Abbreviations that usually end a sentence when a capitalised word follows are rare in news;
# "etc." and "Inc." are the exceptions worth handling.
_SENTENCE_FINAL_ABBREVIATIONS = frozenset({"etc", "inc", "ltd", "co", "corp"})
# Abbreviations that stand before a number ("No. 10", "Fig. 3"); before anything else the
# period ends a sentence ("He said no. Then he left.").
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "fig", "vol", "pp", "op", "est", "approx"})

# Possessive and anchored at the start of a run of marks, so a long run without a space
# ("!!!!…", "1.1.1.") costs linear time, not quadratic (the matches are the same).
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s)")
_NEXT_START = re.compile(r"\s+([\"'“‘(\[]*)(\S)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
#: How far back :func:`_is_boundary` looks for the word before a period (longer runs of word
#: characters are never abbreviations); bounding it keeps splitting linear on one-line texts.
_WORD_WINDOW = 64


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    punct = match.group()
    following = _NEXT_START.match(text, match.end())
    if following is None:
        return True
    next_char = following.group(2)
    if punct.startswith("."):
        before = _WORD_BEFORE.search(text, max(0, match.start() - _WORD_WINDOW), match.start())
        word = before.group(1).lower() if before else ""
        if word:
            if len(word) == 1 and word.isalpha():  # initials: "J. Smith"
                return False
            if word in ABBREVIATIONS:
                if word in _SENTENCE_FINAL_ABBREVIATIONS and next_char.isupper():
                    return True
                if word in _NUMBER_ABBREVIATIONS:
                    return not next_char.isdigit() and not next_char.islower()
                return False
            if "." in word and all(len(p) <= 1 for p in word.split(".")):  # a.m., p.m.
                return next_char.isupper() and word not in {"a.m", "p.m"}
    # Lower-case continuation ("... said Mr. X. and then") is not a new sentence.
    return not next_char.islower()


def _split_block(block: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(block):
        if _is_boundary(block, match):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(block)))
    result = []
    for s, e in spans:
        chunk = block[s:e]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            result.extend(_bounded(block, s + lead, s + lead + len(stripped), offset))
    return result


#: A "sentence" longer than this is cut at white space into pieces of at most this length.
#: News sentences are far shorter (the longest of 41,698 BBC sentences has 1,063 characters);
#: the bound keeps every per-sentence scorer linear on text without sentence punctuation.
MAX_SENTENCE_CHARS = 2000


def _bounded(block: str, start: int, end: int, offset: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = block.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        stop = cut
        while stop > start and block[stop - 1].isspace():
            stop -= 1
        pieces.append((offset + start, offset + stop))
        start = cut
        while start < end and block[start].isspace():
            start += 1
    pieces.append((offset + start, offset + end))
    return pieces


def sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into :class:`~mediacompare.model.Sentence` objects with offsets and tokens.

    Line breaks always end a sentence (a headline or a paragraph without final punctuation is
    a sentence of its own). Within a line, a sentence ends at ``.``, ``!``, ``?`` or ``…``
    (with any closing quotes, which stay with the sentence) followed by white space and a
    character that is not lower-case, unless the period belongs to an abbreviation
    (:data:`ABBREVIATIONS`), an initial, or a decimal number.

    Examples
    --------
    >>> ss = sentences("Dr. Who won 2.5 points. He left.\\nHeadline here")
    >>> [(s.text, s.start, s.end) for s in ss]
    [('Dr. Who won 2.5 points.', 0, 23), ('He left.', 24, 32), ('Headline here', 33, 46)]
    >>> ss[0].words[:3]
    ['dr', 'who', 'won']
    """
    result: list[Sentence] = []
    position = 0
    for line in text.split("\n"):
        for start, end in _split_block(line, position):
            result.append(
                Sentence(
                    index=len(result),
                    start=start,
                    end=end,
                    text=text[start:end],
                    tokens=tokenize(text[start:end], start),
                )
            )
        position += len(line) + 1
    return tuple(result)


#: Function words that make a bigram uninformative ("of the", "the war") when either side is one.
BIGRAM_BREAKERS = frozenset(
    "a an the of to in on at by for from with and or but as is are was were be been being it its"
    " this that these those he she they we i you his her their our my your has have had do does"
    " did not no so than then there which who whom whose what when where will would can could"
    " shall should may might must".split()
)


def ngram_counts(
    sents: tuple[Sentence, ...], stop_words: frozenset[str] | None = None
) -> dict[str, int]:
    """Count unigrams and bigrams (within sentences) of lower-cased words.

    Stop words are dropped from unigrams; bigrams are dropped when either word is one of
    :data:`BIGRAM_BREAKERS` (so "rained down" stays while "of the" goes). Numbers are kept:
    figures are part of word choice in news.

    Examples
    --------
    >>> sorted(ngram_counts(sentences("The war goes on. The war."), frozenset({"the", "on"})).items())
    [('goes', 1), ('war', 2), ('war goes', 1)]
    """
    stop = stop_words if stop_words is not None else english_stop_words()
    counts: dict[str, int] = {}
    for sentence in sents:
        ws = sentence.words
        for w in ws:
            if w not in stop:
                counts[w] = counts.get(w, 0) + 1
        for a, b in zip(ws, ws[1:]):
            if a in BIGRAM_BREAKERS or b in BIGRAM_BREAKERS:
                continue
            bigram = f"{a} {b}"
            counts[bigram] = counts.get(bigram, 0) + 1
    return counts


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop-word list plus contraction fragments."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    extra = {"s", "t", "’s", "'s", "it’s", "it's", "don’t", "don't", "said", "says", "say"}
    return frozenset(ENGLISH_STOP_WORDS) | frozenset(extra)


# --------------------------------------------------------------------------- language

_FUNCTION_WORDS = {
    "en": "the of and to in is that it for was on with as by at from this be are have has".split(),
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als".split(),
    "fr": "le la les de des et en un une du est que qui dans pour pas sur au avec par".split(),
    "es": "el la de que y en los del se las por un una para con no es al lo como".split(),
    "it": "il di che e la per un una del della in non sono con si le gli da al".split(),
    "pt": "o a de que e do da em um para com não uma os no se na por mais as".split(),
    "nl": "de het een en van in is dat op te zijn voor met niet aan er ook als".split(),
}
_FUNCTION_WORD_SETS = {lang: frozenset(ws) for lang, ws in _FUNCTION_WORDS.items()}


def guess_language(text: str) -> str:
    """Guess the language of ``text`` offline from function words and script.

    Returns an ISO 639-1 code for English and six other Latin-script languages, ``"ru"`` for
    text mostly in Cyrillic (Russian/Ukrainian are not told apart), ``"el"``, ``"ar"``,
    ``"zh"``/``"ja"`` for those scripts, and ``"und"`` when undecided (e.g. very short text).

    Examples
    --------
    >>> guess_language("The minister said that the plan is on track for the spring.")
    'en'
    >>> guess_language("Der Minister sagte, dass der Plan für den Frühling nicht auf Kurs ist.")
    'de'
    >>> guess_language("Министр заявил, что план выполняется.")
    'ru'
    """
    sample = text[:20000]
    n_letters = sum(map(str.isalpha, sample))
    if not n_letters:
        return "und"
    if max(sample) >= "\u0370":  # only then can a non-Latin script win
        scripts = {"ru": 0, "el": 0, "ar": 0, "zh": 0, "ja": 0}
        for ch in sample:
            code = ord(ch)
            if code < 0x0370 or not ch.isalpha():
                continue
            if 0x0400 <= code <= 0x04FF:
                scripts["ru"] += 1
            elif code <= 0x03FF:
                scripts["el"] += 1
            elif 0x0600 <= code <= 0x06FF:
                scripts["ar"] += 1
            elif 0x3040 <= code <= 0x30FF:
                scripts["ja"] += 1
            elif 0x4E00 <= code <= 0x9FFF:
                scripts["zh"] += 1
        script, count = max(scripts.items(), key=lambda kv: kv[1])
        if count > 0.5 * n_letters:
            return "ja" if script == "zh" and scripts["ja"] else script
    counts = Counter(w.lower() for w in _TOKEN.findall(sample) if any(ch.isalnum() for ch in w))
    n_tokens = sum(counts.values())
    if n_tokens < 3:
        return "und"
    hits = {lang: sum(counts[w] for w in ws) for lang, ws in _FUNCTION_WORD_SETS.items()}
    best, best_hits = max(hits.items(), key=lambda kv: kv[1])
    if best_hits == 0 or (best_hits / n_tokens < 0.05 and n_tokens >= 20):
        return "und"
    return best


def raw_documents(X: object, owner: str, accept: tuple[type, ...] = (str,)) -> list:
    """Validate the input of a text transformer the way scikit-learn's text vectorizers do.

    ``X`` must be a 1-d iterable (list, tuple, Series, 1-d array) whose items are instances of
    ``accept``; anything else raises ``ValueError`` with a message naming ``owner`` and the
    fix (a single string, a 2-d array or a missing text are the usual mistakes).

    Examples
    --------
    >>> raw_documents(["a", "b"], "SentimentVectorizer")
    ['a', 'b']
    >>> raw_documents("a text", "SentimentVectorizer")
    Traceback (most recent call last):
    ...
    ValueError: Iterable over raw text documents expected, string object received.
    """
    from collections.abc import Iterable

    if isinstance(X, (str, bytes)):
        raise ValueError("Iterable over raw text documents expected, string object received.")
    if getattr(X, "ndim", 1) != 1:
        raise ValueError(
            f"{owner} expects a 1-d list or Series of texts, got an array with"
            f" {X.ndim} dimensions; pass one column, e.g. df['text']"  # type: ignore[attr-defined]
        )
    if not isinstance(X, Iterable):
        raise ValueError(f"Iterable over raw text documents expected, got {type(X).__name__}.")
    docs = list(X.tolist() if hasattr(X, "tolist") else X)
    names = " or ".join(kind.__name__ for kind in accept)
    for i, doc in enumerate(docs):
        if not isinstance(doc, accept):
            raise ValueError(
                f"document {i} is {type(doc).__name__}, not {names}; fill or drop missing texts first"
            )
    return docs


def selected_features(features: object, names: Sequence[str]) -> list[str]:
    """Validate a transformer's ``features`` parameter: None (all ``names``) or distinct names.

    Examples
    --------
    >>> selected_features(None, ["a", "b"]), selected_features(("b",), ["a", "b"])
    (['a', 'b'], ['b'])
    >>> selected_features(["c"], ["a", "b"])
    Traceback (most recent call last):
    ...
    ValueError: features must be distinct names from ['a', 'b'], got ['c']
    """
    if features is None:
        return list(names)
    if isinstance(features, str):
        raise ValueError(f"features must be a list of names, not the string {features!r}")  # noqa: TRY004
    selected = list(features)  # type: ignore[call-overload]
    unknown = [f for f in selected if f not in names]
    if unknown or not selected or len(set(selected)) != len(selected):
        raise ValueError(f"features must be distinct names from {list(names)}, got {selected!r}")
    return selected
