"""One call that frames an article: generic frames, policy frames and custom frames.

The built-in generic and policy lexicons are compiled into one matcher (once per process), so
each sentence's tokens are read once for all frames.

Examples
--------
>>> from mediacompare.text import sentences
>>> text = "Critics slammed the plan. Families who lost their homes said they were devastated."
>>> frames = score_frames(sentences(text))
>>> frames.generic["conflict"].items[1].answer, frames.primary_policy
(True, 'quality_of_life')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from ...model import Sentence
from ...text import sentences as split_sentences
from .codebook import Codebook
from .generic import generic_codebook, score_generic
from .lexicon import Hit, Matcher
from .policy import policy_codebook, score_policy
from .records import ArticleFrames, Cue, CustomFrameScore, Evidence

__all__ = ["score_custom", "score_frames"]


@lru_cache(maxsize=1)
def _builtin_matcher() -> Matcher:
    return Matcher((*generic_codebook().groups, *policy_codebook().groups))


def _hits(matcher: Matcher, sentence: Sentence) -> dict[str, list[Hit]]:
    return {matcher.names[gi]: h for gi, h in matcher.match(sentence).items()}


def score_custom(sentences: Sequence[Sentence], codebook: Codebook) -> dict[str, CustomFrameScore]:
    """Measure the frames of a user codebook in one article.

    Examples
    --------
    >>> from mediacompare.text import sentences
    >>> from mediacompare.analysis.framing.codebook import parse_codebook
    >>> cb = parse_codebook('[frames.energy]\\nterms = ["gas*"]\\nweights = {"gas*" = 2}')
    >>> s = score_custom(sentences("Gas prices rose. Nothing else. Gasoline too."), cb)["energy"]
    >>> s.n_sentences, s.weight, s.present, round(s.share, 3)
    (2, 4.0, True, 0.667)
    """
    matcher = codebook.matcher
    evidence: dict[int, list[Evidence]] = {i: [] for i in range(len(codebook.frames))}
    weight = [0.0] * len(codebook.frames)
    for sentence in sentences:
        for gi, frame_hits in matcher.match(sentence).items():
            weight[gi] += sum(h.weight for h in frame_hits)
            cues = tuple(
                Cue(
                    h.start, h.end, sentence.text[h.start - sentence.start : h.end - sentence.start]
                )
                for h in frame_hits
            )
            evidence[gi].append(Evidence(sentence.index, sentence.start, sentence.end, cues))
    n = len(sentences)
    return {
        frame.name: CustomFrameScore(
            name=frame.name,
            share=len(evidence[gi]) / n if n else 0.0,
            n_sentences=len(evidence[gi]),
            weight=weight[gi],
            present=len(evidence[gi]) >= frame.min_sentences,
            evidence=tuple(evidence[gi]),
        )
        for gi, frame in enumerate(codebook.frames)
    }


def score_frames(
    sentences: Sequence[Sentence],
    *,
    title: str | None = None,
    codebook: Codebook | None = None,
) -> ArticleFrames:
    """Score the generic, policy and (optionally) custom frames of one article.

    Parameters
    ----------
    sentences : sequence of Sentence
        The article's sentences from :func:`mediacompare.text.sentences` (its only
        tokenisation; offsets are into the article text).
    title : str, optional
        The headline when it is not part of the text. It counts for the generic-frame items
        (evidence with ``sentence_index == -1`` and offsets into the title), not for the
        policy or custom shares.
    codebook : Codebook, optional
        User-defined frames (:func:`~mediacompare.analysis.framing.load_codebook`).

    Returns
    -------
    ArticleFrames
    """
    matcher = _builtin_matcher()
    title_sentences = split_sentences(title) if title else ()
    title_hits = [_hits(matcher, s) for s in title_sentences]
    body_hits = [_hits(matcher, s) for s in sentences]
    generic = score_generic(sentences, title=title_sentences, hits=title_hits + body_hits)
    policy, primary = score_policy(sentences, hits=body_hits)
    custom: Mapping[str, CustomFrameScore] = (
        score_custom(sentences, codebook) if codebook is not None else {}
    )
    return ArticleFrames(
        generic=generic,
        policy=policy,
        primary_policy=primary,
        custom=dict(custom),
        n_sentences=len(sentences),
    )
