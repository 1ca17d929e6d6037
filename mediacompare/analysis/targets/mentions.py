"""Score actor mentions of one article, reusing the article's sentences and tokens.

This is the per-article entry point for the pipeline: spans are character offsets into the
article text (as actor detection produces them), each is located in its sentence, and all are
scored in one batch without re-tokenising anything.

Examples
--------
>>> from mediacompare.text import sentences
>>> text = "Voters praised Smith. Critics condemned Smith for the corrupt, disastrous deal."
>>> [r.label for r in score_mentions(sentences(text), [(15, 20), (40, 45)])]
[1, -1]
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ...model import Sentence
from ..records import TargetSentiment
from .classifier import TargetSentimentClassifier
from .features import Mention
from .vectorizer import SpanError

__all__ = ["score_mentions", "score_mentions_many"]


def score_mentions(
    sentences: Sequence[Sentence],
    spans: Sequence[tuple[int, int]],
    model: TargetSentimentClassifier | None = None,
) -> tuple[TargetSentiment, ...]:
    """Target sentiment of each mention span of one article, in the order given.

    Parameters
    ----------
    sentences : sequence of Sentence
        The article's sentences from :func:`mediacompare.text.sentences` (sorted by offset).
    spans : sequence of (start, end)
        Mention spans as character offsets into the article text; each must lie inside one
        sentence.
    model : TargetSentimentClassifier, optional
        Defaults to :meth:`TargetSentimentClassifier.pretrained`. A model re-fitted on other
        labels still works; probabilities of labels it never saw are 0.

    Raises
    ------
    SpanError
        If a span is empty or not inside a single sentence.
    """
    return score_mentions_many([(sentences, spans)], model)[0]


def score_mentions_many(
    articles: Sequence[tuple[Sequence[Sentence], Sequence[tuple[int, int]]]],
    model: TargetSentimentClassifier | None = None,
) -> list[tuple[TargetSentiment, ...]]:
    """:func:`score_mentions` of many articles ``(sentences, spans)`` with one classifier call
    (the same results: every mention is featurised and scored on its own row).

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> a = sentences("Voters praised Smith. Critics condemned Smith for the corrupt, disastrous deal.")
    >>> b = sentences("Nobody is named here.")
    >>> [[r.label for r in one] for one in score_mentions_many([(a, [(15, 20), (40, 45)]), (b, [])])]
    [[1, -1], []]
    """
    mentions = [_mentions(sents, spans) for sents, spans in articles]
    flat = [m for ms in mentions for m in ms]
    if not flat:
        return [() for _ in articles]
    clf = model if model is not None else TargetSentimentClassifier.pretrained()
    proba = clf.predict_proba(flat)
    classes = clf.classes_.tolist()
    columns = {label: j for j, label in enumerate(classes)}
    scored = []
    for row, best in zip(proba.tolist(), proba.argmax(axis=1).tolist()):
        p = [row[columns[label]] if label in columns else 0.0 for label in (-1, 0, 1)]
        scored.append(TargetSentiment(int(classes[best]), *p))
    results, at = [], 0
    for ms in mentions:
        results.append(tuple(scored[at : at + len(ms)]))
        at += len(ms)
    return results


def _mentions(sentences: Sequence[Sentence], spans: Sequence[tuple[int, int]]) -> list[Mention]:
    """Each span as a :class:`Mention` of its sentence, offsets relative to the sentence."""
    starts = [s.start for s in sentences]
    mentions = []
    for i, (start, end) in enumerate(spans):
        k = bisect.bisect_right(starts, start) - 1
        if not (0 <= k < len(sentences)) or not (start < end <= sentences[k].end):
            raise SpanError(f"mention {i}: span ({start}, {end}) is not inside one sentence")
        sentence = sentences[k]
        shift = sentence.start  # the article's tokens, read with the sentence's offset
        mentions.append(Mention(sentence.text, sentence.tokens, start - shift, end - shift, shift))
    return mentions
