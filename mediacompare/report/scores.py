"""Flat per-article rows for ``mediacompare score`` and text for ``mediacompare inspect``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..analysis.records import ArticleAnalysis
from ..model import Corpus
from ..text import sentences

__all__ = ["score_rows", "inspect_lines"]


def score_rows(analyses: Sequence[ArticleAnalysis]) -> list[dict[str, object]]:
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
        s = a.sentiment
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
                "compound_mean": s.compound_mean if s else None,
                "positive_share": s.positive_share if s else None,
                "neutral_share": s.neutral_share if s else None,
                "negative_share": s.negative_share if s else None,
                "tone": s.tone.tone if s else None,
                "polarity": s.tone.polarity if s else None,
                "headline_compound": s.headline_compound if s else None,
                **_frame_columns(a),
                **_style_columns(a),
                "actor_mentions": len(a.actors),
                "quotes": len(a.quotes),
                "source": a.article.source,
                "outlet_rule": a.article.outlet_rule,
                "skipped_reason": a.skipped_reason,
            }
        )
    return rows


def _frame_columns(a: ArticleAnalysis) -> dict[str, object]:
    """Generic frame scores, the primary policy frame, custom and trained-model frames."""
    from ..analysis.framing import GENERIC_FRAMES

    frames = a.frames
    columns: dict[str, object] = {
        f"frame_{name}": frames.generic[name].score if frames else None for name in GENERIC_FRAMES
    }
    columns["primary_policy_frame"] = frames.primary_policy if frames else None
    for name, custom in sorted(frames.custom.items()) if frames else ():
        columns[f"custom_{name}"] = custom.share
    for name, probability in sorted(a.frame_model_scores.items()):
        columns[f"model_{name}"] = probability
    return columns


def _style_columns(a: ArticleAnalysis) -> dict[str, object]:
    """The style markers compared across outlets (``style_<metric>``)."""
    from ..comparison.metrics import STYLE_METRICS

    return {f"style_{m}": getattr(a.style, m) if a.style else None for m in STYLE_METRICS}


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
