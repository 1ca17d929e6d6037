"""Mergeable per-article quote summaries (share of text in quotes, sources, verb profile)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..analysis.quotes.model import Quote

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis.records import ArticleAnalysis

__all__ = ["QuoteStats", "missed_quote_marks", "quote_mark_warning", "quote_stats"]

#: Double quotation marks of any style; a straight mark right after a digit is an inch or
#: seconds sign (5" long), not a quotation mark.
_QUOTE_MARK = re.compile(r'(?<!\d)["“”„‟«»]')


def _union_length(spans: Sequence[tuple[int, int]]) -> int:
    total, reach = 0, -1
    for s, e in sorted(spans):
        s = max(s, reach)
        if e > s:
            total += e - s
            reach = e
    return total


@dataclass(frozen=True)
class QuoteStats:
    """Mergeable per-article (or per-outlet) quote summary; add them with ``+``.

    Attributes
    ----------
    chars : int
        Characters of article text.
    quoted_chars : int
        Characters inside direct quotes and fragments.
    reported_chars : int
        Characters of reported (indirect) speech outside quotation marks.
    kinds, speakers, verbs, verb_classes : mapping of str to int
        Counts of quote kinds, speakers (actor id or descriptor text; unattributed quotes
        under ``"(unattributed)"``), verb lemmas and verb classes.
    """

    chars: int = 0
    quoted_chars: int = 0
    reported_chars: int = 0
    kinds: Mapping[str, int] = field(default_factory=dict)
    speakers: Mapping[str, int] = field(default_factory=dict)
    verbs: Mapping[str, int] = field(default_factory=dict)
    verb_classes: Mapping[str, int] = field(default_factory=dict)

    @property
    def quoted_share(self) -> float:
        """Share of the text inside quotation marks (0 for empty text)."""
        return self.quoted_chars / self.chars if self.chars else 0.0

    @property
    def sources(self) -> int:
        """Number of distinct attributed speakers."""
        return sum(1 for s in self.speakers if s != "(unattributed)")

    def __add__(self, other: QuoteStats) -> QuoteStats:
        def add(a: Mapping[str, int], b: Mapping[str, int]) -> Mapping[str, int]:
            return dict(sorted((Counter(a) + Counter(b)).items()))

        return QuoteStats(
            self.chars + other.chars,
            self.quoted_chars + other.quoted_chars,
            self.reported_chars + other.reported_chars,
            add(self.kinds, other.kinds),
            add(self.speakers, other.speakers),
            add(self.verbs, other.verbs),
            add(self.verb_classes, other.verb_classes),
        )


def descriptor_key(descriptor: str) -> str:
    """One key for the spellings of a descriptor source: "A law enforcement official" and
    "the law enforcement official" are both "law enforcement official".

    Examples
    --------
    >>> descriptor_key("The  law enforcement official"), descriptor_key("Ukraine’s general staff")
    ('law enforcement official', 'Ukraine’s general staff')
    """
    words = descriptor.split()
    if len(words) > 1 and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    return " ".join(words)


def quote_stats(
    quotes: Sequence[Quote], chars: int, speaker_id: Callable[[Quote], str | None] | None = None
) -> QuoteStats:
    """Summarise one article's quotes (``speaker_id`` maps a quote to a corpus actor id).

    Examples
    --------
    >>> q = Quote("We will win.", 10, 22, "direct", "Dmitry Peskov", "Dmitry Peskov", "add", "added", "neutral")
    >>> st = quote_stats([q], 100) + quote_stats([], 100)
    >>> st.quoted_share, st.sources, dict(st.verb_classes)
    (0.06, 1, {'neutral': 1})
    """
    speakers: Counter = Counter()
    for q in quotes:
        key = (speaker_id(q) if speaker_id else None) or q.speaker_actor
        if key is None and q.speaker:
            key = descriptor_key(q.speaker)
        speakers[key or "(unattributed)"] += 1
    spans = {q: q.segments or ((q.start, q.end),) for q in quotes}
    quoted = [s for q in quotes if q.kind != "indirect" for s in spans[q]]
    reported = _union_length([s for q in quotes for s in spans[q]]) - _union_length(quoted)

    def frozen(counter: Counter) -> Mapping[str, int]:
        return dict(sorted(counter.items()))

    return QuoteStats(
        chars,
        _union_length(quoted),
        max(reported, 0),
        frozen(Counter(q.kind for q in quotes)),
        frozen(speakers),
        frozen(Counter(q.verb for q in quotes if q.verb)),
        frozen(Counter(q.verb_class for q in quotes if q.verb_class)),
    )


def missed_quote_marks(analysis: ArticleAnalysis) -> int:
    """Quotation marks in an article where no quote was found (0 when a direct quote or
    fragment was found, when there are fewer than two marks, or when quotes were not read:
    an unscored or non-English article).

    Examples
    --------
    >>> from mediacompare.analysis.pipeline import analyze
    >>> from mediacompare.model import Article
    >>> missed_quote_marks(analyze(Article(id="a", outlet="X", text='He said «we will win» today.')))
    2
    >>> missed_quote_marks(analyze(Article(id="b", outlet="X", text='He said "we will win" today.')))
    0
    """
    if not analysis.scored or not analysis.article.is_english:
        return 0
    if any(q.kind != "indirect" for q in analysis.quotes):
        return 0
    marks = len(_QUOTE_MARK.findall(analysis.article.text))
    return marks if marks >= 2 else 0


def quote_mark_warning(analysis: ArticleAnalysis) -> str | None:
    """The warning for :func:`missed_quote_marks`, naming the article by outlet and title."""
    marks = missed_quote_marks(analysis)
    if not marks:
        return None
    return (
        f"{analysis.article.label} has {marks} quotation marks but no quote was found in it: "
        "its 0% text in quotes and empty who-is-quoted are a reading failure, not a finding; "
        'check how its quotes are marked (read: “…”, "…" and ‘…’).'
    )
