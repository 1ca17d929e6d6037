"""What ingest produces and every stage reads: :class:`Article`, :class:`Corpus`,
:class:`Sentence` and :class:`Token`; and :class:`FrozenMapping`, the read-only mapping of
every stage's records.

The later stages keep their records beside their code: ``analysis/records.py``
(:class:`~mediacompare.analysis.records.ArticleAnalysis`) and ``comparison/records.py``
(outlet profiles, similarity, the comparison itself).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, overload

#: Longest title (characters) an article label shows before "…".
LABEL_CHARS = 70


@dataclass(frozen=True)
class Article:
    """One news article after ingest: cleaned body text plus resolved metadata.

    Attributes
    ----------
    id : str
        The input's own id (JSON/CSV ``id`` field) or a stable id derived from the path.
    text : str
        Cleaned body text (furniture and header lines removed, repeated blocks kept once).
    outlet : str
        The outlet name, resolved by the precedence rules in :mod:`mediacompare.ingest.metadata`.
    outlet_rule : str
        Which rule decided the outlet (``"explicit"``, ``"metadata"``, ``"url domain"``,
        ``"directory"``, ``"file stem"``).
    language : str
        ISO 639-1 code guessed offline (``"en"``, ``"ru"`` ...) or ``"und"`` if unsure
        (undetermined text, usually very short, is scored as English).
    sha256 : str
        Hash of the raw input bytes (for provenance in reports).
    story : str or None
        The story the article belongs to, when the input says so (a tabular story column:
        ``--story-column`` / ``Columns(story=...)``); :func:`mediacompare.compare` then groups
        articles by it instead of clustering them.
    """

    id: str
    text: str
    outlet: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None
    language: str = "en"
    source: str = "<memory>"
    outlet_rule: str = "explicit"
    sha256: str = ""
    warnings: tuple[str, ...] = ()
    story: str | None = None

    @property
    def is_english(self) -> bool:
        """Whether the English lexicons apply: English, or too short to tell (``"und"``)."""
        return self.language in ("en", "und")

    @property
    def label(self) -> str:
        """How notes, warnings and the coverage section name the article: outlet and title
        (cut to :data:`LABEL_CHARS`), or the opening words of the text when there is no title.

        Examples
        --------
        >>> Article(id="hLJTwX29", text="…", outlet="Fox News", title="Senate passes the bill").label
        'Fox News “Senate passes the bill”'
        >>> Article(id="a", text="Ministers met on Monday to agree the plan at last", outlet="CNN").label
        'CNN, untitled: “Ministers met on Monday to agree the plan at…”'
        """
        title = " ".join((self.title or "").split())
        if not title:
            words = self.text.split()
            opening = " ".join(words[:9]) + ("…" if len(words) > 9 else "")
            return f"{self.outlet}, untitled: “{opening}”" if words else f"{self.outlet} ({self.id})"
        if len(title) > LABEL_CHARS:
            title = title[: LABEL_CHARS - 1].rstrip() + "…"
        return f"{self.outlet} “{title}”"


@dataclass(frozen=True)
class InputProblem:
    """An input that was skipped (or warned about), as listed in reports.

    Examples
    --------
    >>> str(InputProblem("data/a.csv", "no text column; name it with --text-column", line=1))
    'data/a.csv:1: no text column; name it with --text-column'
    """

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Corpus(Sequence[Article]):
    """The articles that ingest produced, plus the inputs it had to skip.

    Behaves like a read-only list of :class:`Article`.

    Examples
    --------
    >>> c = Corpus((Article(id="a", text="Hi.", outlet="X"),))
    >>> len(c), c[0].outlet, c.problems
    (1, 'X', ())
    """

    articles: tuple[Article, ...]
    problems: tuple[InputProblem, ...] = ()

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Article, ...]: ...
    def __getitem__(self, index):
        return self.articles[index]

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)


def is_word_text(text: str) -> bool:
    """Whether a token's text holds a letter or digit (:attr:`Token.is_word`).

    >>> is_word_text("U.S."), is_word_text("—")
    (True, False)
    """
    return text.isalnum() or any(ch.isalnum() for ch in text)  # most tokens: one C call


@dataclass(frozen=True, slots=True)
class Token:
    """A token of an article's text with its character span ``text[start:end]``."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        """True for tokens holding a letter or digit (not punctuation or symbols)."""
        return is_word_text(self.text)

    def __reduce__(self) -> tuple[type[Token], tuple[str, int, int]]:
        # Rebuilt by __init__: the dataclass default for frozen slots classes looks up the
        # fields per token, which made unpickling --jobs results the parent's bottleneck.
        return (Token, (self.text, self.start, self.end))


@dataclass(frozen=True)
class Sentence:
    """A sentence with its span in the article text and its tokens (one tokenisation pass)."""

    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...] = ()

    @property
    def words(self) -> list[str]:
        """Lower-cased word tokens (punctuation dropped)."""
        return [t.text.lower() for t in self.tokens if t.is_word]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Tokens are slices of the text (as ``sentences`` makes them): pickle their offsets as
        # one int array and slice them back, instead of one pickled object per token — the
        # results of ``--jobs`` workers cross process boundaries this way.
        base, text, tokens = self.start, self.text, self.tokens
        if all(text[t.start - base : t.end - base] == t.text for t in tokens):
            spans = array("q", [v for t in tokens for v in (t.start, t.end)]).tobytes()
            return (_sentence_from_spans, (self.index, base, self.end, text, spans))
        return (Sentence, (self.index, base, self.end, text, tokens))


def _sentence_from_spans(index: int, start: int, end: int, text: str, spans: bytes) -> Sentence:
    """The :class:`Sentence` that :meth:`Sentence.__reduce__` pickled as token offsets."""
    offsets = array("q", spans).tolist()
    tokens = tuple(
        Token(text[a - start : b - start], a, b) for a, b in zip(offsets[0::2], offsets[1::2])
    )
    return Sentence(index, start, end, text, tokens)


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
