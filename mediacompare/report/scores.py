"""Flat per-article rows for ``mediacompare score`` and text for ``mediacompare inspect``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..analysis.records import AnyAnalysis, ArticleAnalysis
from ..model import Corpus
from ..text import sentences

__all__ = ["score_rows", "inspect_lines"]


def score_rows(analyses: Sequence[AnyAnalysis]) -> list[dict[str, object]]:
    """One flat dict per article (stable keys, unrounded floats, None when not scored).

    Examples
    --------
    >>> from mediacompare.analysis.pipeline import analyze
    >>> from mediacompare.model import Article
    >>> row = score_rows([analyze(Article(id="a", outlet="X", text="A good day."))])[0]
    >>> row["id"], row["outlet"], row["compound_mean"] > 0
    ('a', 'X', True)
    """
    rows = []
    for a in analyses:
        rows.append(
            {
                "id": a.article.id,
                "outlet": a.article.outlet,
                "title": a.article.title,
                "date": a.article.date,
                "url": a.article.url,
                "story": a.article.story,
                "language": a.article.language,
                "sentences": len(a.sentences),
                "words": a.word_count,
                **(_score_columns(a) if isinstance(a, ArticleAnalysis) else _unscored_columns()),
                "source": a.article.source,
                "outlet_rule": a.article.outlet_rule,
                "skipped_reason": a.skipped_reason,
            }
        )
    return rows


_SENTIMENT_COLUMNS = (
    "compound_mean", "positive_share", "neutral_share", "negative_share", "tone", "polarity",
    "headline_compound",
)


def _score_columns(a: ArticleAnalysis) -> dict[str, object]:
    """Sentiment, frames, style and counts of a scored article."""
    from ..analysis.framing import GENERIC_FRAMES
    from ..comparison.metrics import STYLE_METRICS

    s, frames = a.sentiment, a.frames
    columns: dict[str, object] = {
        "compound_mean": s.compound_mean,
        "positive_share": s.positive_share,
        "neutral_share": s.neutral_share,
        "negative_share": s.negative_share,
        "tone": s.tone.tone,
        "polarity": s.tone.polarity,
        "headline_compound": s.headline_compound,
    }
    columns.update({f"frame_{name}": frames.generic[name].score for name in GENERIC_FRAMES})
    columns["primary_policy_frame"] = frames.primary_policy
    columns.update({f"custom_{name}": c.share for name, c in sorted(frames.custom.items())})
    columns.update({f"model_{name}": p for name, p in sorted(a.frame_model_scores.items())})
    columns.update({f"style_{m}": getattr(a.style, m) for m in STYLE_METRICS})
    columns["actor_mentions"] = len(a.actors)
    columns["quotes"] = len(a.quotes)
    return columns


def _unscored_columns() -> dict[str, object]:
    """The same columns for a :class:`SkippedArticle`: None, and no actors or quotes."""
    from ..analysis.framing import GENERIC_FRAMES
    from ..comparison.metrics import STYLE_METRICS

    columns: dict[str, object] = dict.fromkeys(_SENTIMENT_COLUMNS)
    columns.update(dict.fromkeys(f"frame_{name}" for name in GENERIC_FRAMES))
    columns["primary_policy_frame"] = None
    columns.update(dict.fromkeys(f"style_{m}" for m in STYLE_METRICS))
    return {**columns, "actor_mentions": 0, "quotes": 0}


def inspect_lines(corpus: Corpus, n_lines: int = 3) -> Iterator[str]:
    """Human-readable lines describing what ingest made of each input.

    Examples
    --------
    >>> from mediacompare.model import Article
    >>> print("\\n".join(inspect_lines(Corpus((Article(id="a", outlet="X", text="Hi there."),)))))
    a
      outlet:    X (decided by: explicit)
      title:     –
      date:      –
      url:       –
      language:  en
      counts:    2 words, 1 sentences
      text:      Hi there.
    <BLANKLINE>
    1 article(s) read, 0 input(s) skipped.
    """
    for article in corpus:
        sents = sentences(article.text)
        n_words = sum(1 for s in sents for t in s.tokens if t.is_word)
        yield article.id
        yield f"  outlet:    {article.outlet} (decided by: {article.outlet_rule})"
        yield f"  title:     {article.title or '–'}"
        yield f"  date:      {article.date or '–'}"
        if article.author:
            yield f"  author:    {article.author}"
        yield f"  url:       {article.url or '–'}"
        if article.story is not None:
            yield f"  story:     {article.story}"
        yield f"  language:  {article.language}"
        yield f"  counts:    {n_words} words, {len(sents)} sentences"
        if article.source != "<memory>":
            yield f"  source:    {article.source}"
        text_lines = [line for line in article.text.split("\n") if line.strip()][:n_lines]
        for i, line in enumerate(text_lines):
            shown = line if len(line) <= 100 else line[:99] + "…"
            yield f"  {'text:' if i == 0 else '':<10} {shown}"
        for warning in article.warnings:
            yield f"  warning:   {warning}"
        yield ""
    yield f"{len(corpus)} article(s) read, {len(corpus.problems)} input(s) skipped."
    for problem in corpus.problems:
        yield f"  skipped: {problem}"
