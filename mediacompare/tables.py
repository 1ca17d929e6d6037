"""pandas DataFrames of a :class:`~mediacompare.compare.Comparison` for notebook users."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .compare import Comparison

__all__ = ["articles_frame", "outlets_frame", "sentences_frame", "terms_frame"]

_NAN = float("nan")


def articles_frame(cmp: Comparison) -> pd.DataFrame:
    """One row per article (index: article id)."""
    import pandas as pd

    rows = []
    for a in cmp.analyses:
        art, s = a.article, a.sentiment
        rows.append(
            {
                "id": art.id,
                "outlet": art.outlet,
                "title": art.title,
                "date": art.date,
                "url": art.url,
                "language": art.language,
                "sentences": len(a.sentences),
                "words": a.word_count,
                "compound_mean": s.compound_mean if s else _NAN,
                "positive_share": s.positive_share if s else _NAN,
                "neutral_share": s.neutral_share if s else _NAN,
                "negative_share": s.negative_share if s else _NAN,
                "tone": s.tone.tone if s else _NAN,
                "polarity": s.tone.polarity if s else _NAN,
                "headline_compound": (
                    s.headline_compound if s and s.headline_compound is not None else _NAN
                ),
                "source": art.source,
                "outlet_rule": art.outlet_rule,
                "skipped_reason": a.skipped_reason,
            }
        )
    return pd.DataFrame(rows).set_index("id")


def outlets_frame(cmp: Comparison) -> pd.DataFrame:
    """One row per outlet (index: outlet name)."""
    import pandas as pd

    rows = [
        {
            "outlet": p.name,
            "articles": p.n_articles,
            "scored": p.n_scored,
            "words": p.word_count,
            "compound_mean": p.compound_mean,
            "positive_share": p.positive_share,
            "neutral_share": p.neutral_share,
            "negative_share": p.negative_share,
            "tone": p.tone,
            "polarity": p.polarity,
            "top_terms": ", ".join(t.term for t in p.distinctive_terms[:5]),
        }
        for p in cmp.profiles
    ]
    return pd.DataFrame(rows).set_index("outlet")


def sentences_frame(cmp: Comparison) -> pd.DataFrame:
    """One row per sentence, with VADER scores (NaN for unscored articles)."""
    import pandas as pd

    rows = []
    for a in cmp.analyses:
        for i, sentence in enumerate(a.sentences):
            sc = a.sentence_sentiment[i] if a.sentence_sentiment else None
            rows.append(
                {
                    "article": a.article.id,
                    "outlet": a.article.outlet,
                    "index": sentence.index,
                    "start": sentence.start,
                    "end": sentence.end,
                    "text": sentence.text,
                    "compound": sc.compound if sc else _NAN,
                    "neg": sc.neg if sc else _NAN,
                    "neu": sc.neu if sc else _NAN,
                    "pos": sc.pos if sc else _NAN,
                }
            )
    return pd.DataFrame(
        rows, columns=["article", "outlet", "index", "start", "end", "text", "compound", "neg", "neu", "pos"]
    )


def terms_frame(cmp: Comparison) -> pd.DataFrame:
    """Distinctive terms of each outlet against the rest."""
    import pandas as pd

    rows = [
        {
            "outlet": p.name,
            "term": t.term,
            "z": t.z,
            "delta": t.delta,
            "count": t.count,
            "count_other": t.count_other,
            "rate_per_1000": t.rate,
            "rate_other_per_1000": t.rate_other,
        }
        for p in cmp.profiles
        for t in p.distinctive_terms
    ]
    return pd.DataFrame(
        rows,
        columns=["outlet", "term", "z", "delta", "count", "count_other", "rate_per_1000", "rate_other_per_1000"],
    )
