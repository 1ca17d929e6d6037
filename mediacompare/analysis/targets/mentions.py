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

from ...model import Sentence, Token
from ..records import TargetSentiment
from .classifier import TargetSentimentClassifier
from .features import Mention
from .vectorizer import SpanError

__all__ = ["score_mentions"]


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
    if not spans:
        return ()
    clf = model if model is not None else TargetSentimentClassifier.pretrained()
    starts = [s.start for s in sentences]
    mentions = []
    shifted: dict[int, tuple[Token, ...]] = {}  # sentence → its tokens, offsets in the sentence
    for i, (start, end) in enumerate(spans):
        k = bisect.bisect_right(starts, start) - 1
        if not (0 <= k < len(sentences)) or not (start < end <= sentences[k].end):
            raise SpanError(f"mention {i}: span ({start}, {end}) is not inside one sentence")
        sentence = sentences[k]
        shift = sentence.start
        tokens = shifted.get(k)
        if tokens is None:
            tokens = shifted[k] = tuple(
                Token(t.text, t.start - shift, t.end - shift) for t in sentence.tokens
            )
        mentions.append(Mention(sentence.text, tokens, start - shift, end - shift))
    proba = clf.predict_proba(mentions)
    columns = {label: j for j, label in enumerate(clf.classes_.tolist())}
    results = []
    for row in proba:
        p = {label: float(row[columns[label]]) if label in columns else 0.0 for label in (-1, 0, 1)}
        label = int(clf.classes_[int(row.argmax())])
        results.append(TargetSentiment(label, p[-1], p[0], p[1]))
    return tuple(results)
