"""pandas DataFrames of a :class:`~mediacompare.api.ComparisonData` for notebook users."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..analysis.records import ArticleAnalysis

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..comparison.records import ComparisonData

__all__ = [
    "actor_coverage_frame", "actor_words_frame", "articles_frame", "differences_frame", "frames_frame",
    "outlets_frame", "quotes_frame", "sentences_frame", "terms_frame",
]

_NAN = float("nan")


def articles_frame(cmp: ComparisonData) -> pd.DataFrame:
    """One row per article (index: article id): the ``mediacompare score`` columns plus the
    near-duplicate and story-cluster ids."""
    import pandas as pd

    from .scores import score_rows

    cov = cmp.coverage
    rows = [
        {
            **row,
            "duplicate_of": cov.duplicate_of.get(str(row["id"])) if cov else None,
            "story": cov.story_of.get(str(row["id"])) if cov else None,
        }
        for row in score_rows(cmp.analyses)
    ]
    frame = pd.DataFrame(rows).set_index("id")
    # ISO dates (ingest normalises them) as datetimes; anything else stays missing
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce", format="ISO8601")
    return frame


def outlets_frame(cmp: ComparisonData) -> pd.DataFrame:
    """One row per outlet (index: outlet name), with the 95% interval of the mean compound."""
    import pandas as pd

    def interval(name: str) -> dict[str, object]:  # NaN bounds without an interval
        est = cmp.tone_stats.estimate("compound_mean", name) if cmp.tone_stats else None
        if est is None:
            return {"compound_ci_low": math.nan, "compound_ci_high": math.nan, "compound_ci_method": ""}
        return {"compound_ci_low": est.ci_low, "compound_ci_high": est.ci_high,
                "compound_ci_method": est.method}

    rows = [
        {
            "outlet": p.name,
            "articles": p.n_articles,
            "scored": p.n_scored,
            "words": p.word_count,
            "compound_mean": p.compound_mean,
            **interval(p.name),
            "positive_share": p.positive_share,
            "neutral_share": p.neutral_share,
            "negative_share": p.negative_share,
            "tone": p.tone,
            "polarity": p.polarity,
            "top_terms": ", ".join(t.term for t in p.distinctive_terms[:5]),
            "copies_of": ", ".join(p.copies_of),  # all its articles copy these outlets'
        }
        for p in cmp.profiles
    ]
    return pd.DataFrame(rows).set_index("outlet")


def sentences_frame(cmp: ComparisonData) -> pd.DataFrame:
    """One row per sentence, with VADER scores (NaN for unscored articles)."""
    import pandas as pd

    rows = []
    for a in cmp.analyses:
        for i, sentence in enumerate(a.sentences):
            sc = a.sentence_sentiment[i] if isinstance(a, ArticleAnalysis) else None
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


def terms_frame(cmp: ComparisonData) -> pd.DataFrame:
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


def frames_frame(cmp: ComparisonData) -> pd.DataFrame:
    """One row per article × frame: generic (score, present), policy and custom (share of
    sentences), trained model (probability), with the number of evidence sentences."""
    import pandas as pd

    rows = []
    for a in cmp.scored:
        base = {"article": a.article.id, "outlet": a.article.outlet}
        f = a.frames
        for name, g in f.generic.items():
            rows.append({**base, "codebook": "generic", "frame": name, "score": g.score,
                         "present": g.present, "evidence": len(g.evidence)})
        for name, pf in f.policy.items():
            rows.append({**base, "codebook": "policy", "frame": name, "score": pf.share,
                         "present": name == f.primary_policy, "evidence": len(pf.evidence)})
        for name, c in f.custom.items():
            rows.append({**base, "codebook": "custom", "frame": name, "score": c.share,
                         "present": c.present, "evidence": len(c.evidence)})
        for name, probability in a.frame_model_scores.items():
            rows.append({**base, "codebook": "model", "frame": name, "score": probability,
                         "present": probability >= 0.5, "evidence": 0})
    return pd.DataFrame(
        rows, columns=["article", "outlet", "codebook", "frame", "score", "present", "evidence"]
    )


def actor_coverage_frame(cmp: ComparisonData) -> pd.DataFrame:
    """One row per actor × outlet: mentions, share, names, labels and the target sentiment
    estimate with its 95% interval (for the most mentioned actors)."""
    import pandas as pd

    columns = ["actor", "kind", "group", "outlet", "mentions", "references", "articles", "share",
               "sentiment", "ci_low", "ci_high", "ci_method"]
    ac = cmp.actors
    if ac is None:
        return pd.DataFrame(columns=columns)
    by_id = {x.id: x for x in ac.index}
    rows = []
    for row in ac.coverage:
        est = ac.sentiment.estimate(f"actor:{row.actor}", row.outlet)
        rows.append({
            "actor": row.actor, "kind": by_id[row.actor].kind, "group": by_id[row.actor].group,
            "outlet": row.outlet, "mentions": row.mentions, "references": row.references,
            "articles": row.articles,
            "share": row.share,
            "sentiment": est.value if est else _NAN,
            "ci_low": est.ci_low if est else _NAN,
            "ci_high": est.ci_high if est else _NAN,
            "ci_method": est.method if est else None,
        })
    return pd.DataFrame(rows, columns=columns)


def actor_words_frame(cmp: ComparisonData) -> pd.DataFrame:
    """One row per actor × outlet × word used for the actor: the names (``kind`` "name") and
    the labels around them (``kind`` "title", "apposition", "nickname", "reference", "verb",
    "possession", "compound"), with how often."""
    import pandas as pd

    columns = ["actor", "outlet", "kind", "text", "count"]
    ac = cmp.actors
    if ac is None:
        return pd.DataFrame(columns=columns)
    rows = []
    for row in ac.coverage:
        base = {"actor": row.actor, "outlet": row.outlet}
        rows += [{**base, "kind": "name", "text": name, "count": n} for name, n in row.names.items()]
        for label, n in row.labels.items():
            kind, _, text = label.partition(": ")
            rows.append({**base, "kind": kind, "text": text, "count": n})
    return pd.DataFrame(rows, columns=columns)


def quotes_frame(cmp: ComparisonData) -> pd.DataFrame:
    """One row per quote or attribution: speaker, attribution verb and its class, offsets."""
    import pandas as pd

    columns = ["article", "outlet", "sentence", "start", "end", "kind", "speaker",
               "speaker_actor", "verb", "verb_class", "text"]
    rows = [
        {
            "article": a.article.id, "outlet": a.article.outlet, "sentence": q.sentence,
            "start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker,
            "speaker_actor": q.speaker_actor, "verb": q.verb_text, "verb_class": q.verb_class,
            "text": q.text,
        }
        for a in cmp.scored
        for q in a.quotes
    ]
    return pd.DataFrame(rows, columns=columns)


def differences_frame(cmp: ComparisonData) -> pd.DataFrame:
    """Every tested difference of the report (tone, frames, actors, style): difference,
    bootstrap interval, permutation p, Benjamini–Hochberg q and verdict."""
    import pandas as pd

    from .json import differences_data

    families = {
        "tone": cmp.tone_stats,
        "frames": cmp.frame_stats,
        "actors": cmp.actors.sentiment if cmp.actors else None,
        "style": cmp.style_stats,
    }
    rows = [
        {"family": family, **record}
        for family, stats in families.items()
        if stats is not None
        for record in differences_data(stats.differences)
    ]
    columns = ["family", "metric", "outlet", "versus", "mean_outlet", "mean_versus", "diff",
               "ci_low", "ci_high", "p", "q", "n_outlet", "n_versus", "verdict", "method"]
    return pd.DataFrame(rows, columns=columns)
