"""The JSON report: plain data with a ``schema_version`` (documented in the README)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..comparison.records import ComparisonData
    from ..comparison.words import DistinctiveTerm
    from ..analysis.records import ArticleAnalysis

from .views.actors import article_actors_data, article_quotes_data, outlet_actors_data
from .views.coverage import article_quantities_data, article_style_data, coverage_data
from .views.frames import article_frames_data

__all__ = ["SCHEMA_VERSION", "report_data"]

#: Bumped on any incompatible change of the JSON layout (new keys are compatible).
SCHEMA_VERSION = "1.0"


def _num(value: float | None) -> float | None:
    """JSON has no NaN: missing values become null."""
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def _terms(terms: tuple[DistinctiveTerm, ...]) -> list[dict[str, Any]]:
    return [
        {
            "term": t.term,
            "z": _num(t.z),
            "delta": _num(t.delta),
            "count": t.count,
            "count_other": t.count_other,
            "rate_per_1000": _num(t.rate),
            "rate_other_per_1000": _num(t.rate_other),
        }
        for t in terms
    ]


def estimate_data(estimate) -> dict[str, Any]:
    """An :class:`~mediacompare.comparison.stats.Estimate` as JSON: value, ci_low, ci_high, n, method."""
    if estimate is None:
        return {"value": None, "ci_low": None, "ci_high": None, "n": 0, "method": "none"}
    return {
        "value": _num(estimate.value),
        "ci_low": _num(estimate.ci_low),
        "ci_high": _num(estimate.ci_high),
        "n": estimate.n,
        "method": estimate.method,
    }


def differences_data(differences) -> list[dict[str, Any]]:
    """Tested differences as JSON records with ``p`` and ``q``."""
    return [
        {
            "metric": d.metric,
            "outlet": d.a,
            "versus": d.b,
            "mean_outlet": _num(d.mean_a),
            "mean_versus": _num(d.mean_b),
            "diff": _num(d.diff),
            "ci_low": _num(d.ci_low),
            "ci_high": _num(d.ci_high),
            "p": _num(d.p),
            "q": _num(d.q),
            "n_outlet": d.n_a,
            "n_versus": d.n_b,
            "verdict": d.verdict,
            "method": d.method,
        }
        for d in differences
    ]


def _outlet_sentiment(cmp: ComparisonData, p) -> dict[str, Any]:
    stats = cmp.tone_stats
    data = {
        "compound_mean": _num(p.compound_mean),
        "positive_share": _num(p.positive_share),
        "neutral_share": _num(p.neutral_share),
        "negative_share": _num(p.negative_share),
        "tone": _num(p.tone),
        "polarity": _num(p.polarity),
    }
    main = estimate_data(stats.estimate("compound_mean", p.name) if stats else None)
    data.update(ci_low=main["ci_low"], ci_high=main["ci_high"], ci_method=main["method"])
    if stats:
        data["estimates"] = {m: estimate_data(stats.estimate(m, p.name)) for m in sorted(stats.estimates)}
    return data


def _distinguishability(cmp: ComparisonData) -> list[dict[str, Any]]:
    return [
        {
            "outlet": d.a,
            "versus": d.b,
            "auc": _num(d.auc),
            "auc_ci_low": _num(d.auc_ci_low),
            "auc_ci_high": _num(d.auc_ci_high),
            "null_mean": _num(d.null_mean),
            "null_95": _num(d.null_95),
            "p": _num(d.p),
            "n_outlet": d.n_a,
            "n_versus": d.n_b,
            "top_terms_outlet": [t for t, _ in d.top_terms_a],
            "top_terms_versus": [t for t, _ in d.top_terms_b],
            "note": d.note,
        }
        for d in cmp.distinguishability
    ]


def _outlet_frames(cmp: ComparisonData, outlet: str) -> dict[str, Any]:
    stats = cmp.frame_stats
    if not stats:
        return {}
    result: dict[str, Any] = {}
    for metric in sorted(stats.estimates):
        family, _, rest = metric.partition(".")
        name, _, suffix = rest.partition(".")
        estimate = stats.estimate(metric, outlet)
        if estimate is None:
            continue
        entry = result.setdefault(family, {}).setdefault(name, {})
        entry["prevalence" if suffix == "present" else "mean"] = estimate_data(estimate)
    return result


def _with_story(cmp: ComparisonData, article: dict[str, Any]) -> dict[str, Any]:
    cov = cmp.coverage
    article["duplicate_of"] = cov.duplicate_of.get(article["id"]) if cov else None
    article["story"] = cov.story_of.get(article["id"]) if cov else None
    return article


def _article(a: ArticleAnalysis, index=None) -> dict[str, Any]:
    art, s = a.article, a.sentiment
    sentiment = None
    if s is not None:
        sentiment = {
            "compound_mean": _num(s.compound_mean),
            "positive_share": _num(s.positive_share),
            "neutral_share": _num(s.neutral_share),
            "negative_share": _num(s.negative_share),
            "most_positive_sentence": s.most_positive,
            "most_negative_sentence": s.most_negative,
            "headline_compound": _num(s.headline_compound),
            "tone": {
                "tone": _num(s.tone.tone),
                "positive_pct": _num(s.tone.positive_pct),
                "negative_pct": _num(s.tone.negative_pct),
                "polarity": _num(s.tone.polarity),
                "word_count": s.tone.word_count,
            },
        }
    sentences = []
    for sentence in a.sentences:
        entry: dict[str, Any] = {
            "index": sentence.index,
            "start": sentence.start,
            "end": sentence.end,
            "text": sentence.text,
        }
        if a.sentence_sentiment:
            sc = a.sentence_sentiment[sentence.index]
            entry.update(compound=sc.compound, neg=sc.neg, neu=sc.neu, pos=sc.pos)
        sentences.append(entry)
    return {
        "id": art.id,
        "outlet": art.outlet,
        "outlet_rule": art.outlet_rule,
        "title": art.title,
        "url": art.url,
        "date": art.date,
        "author": art.author,
        "language": art.language,
        "source": art.source,
        "sha256": art.sha256,
        "word_count": a.word_count,
        "warnings": list(art.warnings),
        "skipped_reason": a.skipped_reason,
        "sentiment": sentiment,
        "sentences": sentences,
        "frames": article_frames_data(a),
        "actors": article_actors_data(a, index),
        "quotes": article_quotes_data(a),
        "style": article_style_data(a),
        "quantities": article_quantities_data(a),
    }


def report_data(cmp: ComparisonData) -> dict[str, Any]:
    """The comparison as JSON-ready data (no NaN; floats unrounded).

    Examples
    --------
    >>> from mediacompare import compare
    >>> from mediacompare.model import Article
    >>> data = report_data(compare([Article(id="a", outlet="X", text="Talks failed.")]))
    >>> data["schema_version"], data["outlets"][0]["name"], data["articles"][0]["id"]
    ('1.0', 'X', 'a')
    """
    sim = cmp.similarity
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "mediacompare", "versions": dict(cmp.info.versions)},
        "created": cmp.info.created,
        "parameters": dict(cmp.info.parameters),
        "outlets": [
            {
                "name": p.name,
                "n_articles": p.n_articles,
                "n_scored": p.n_scored,
                "copies_of": list(p.copies_of),
                "word_count": p.word_count,
                "dates": list(p.dates),
                "sentiment": _outlet_sentiment(cmp, p),
                "distinctive_terms": _terms(p.distinctive_terms),
                "frames": _outlet_frames(cmp, p.name),
                **outlet_actors_data(cmp, p.name),
                "style": {m: estimate_data(cmp.style_stats.estimate(m, p.name))
                          for m in sorted(cmp.style_stats.estimates)} if cmp.style_stats else {},
            }
            for p in cmp.profiles
        ],
        "articles": [_with_story(cmp, _article(a, cmp.actors.index if cmp.actors else None))
                     for a in cmp.analyses],
        "coverage": coverage_data(cmp),
        "similarity": {
            "article_ids": list(sim.article_ids),
            "articles": [[_num(v) for v in row] for row in sim.articles.tolist()],
            "outlets": list(sim.outlet_names),
            "outlet_matrix": [[_num(v) for v in row] for row in sim.outlets.tolist()],
            "verdict": {
                "level": sim.verdict.level,
                "score": _num(sim.verdict.score),
                "explanation": sim.verdict.explanation,
            },
        },
        "pairwise_terms": [
            {"outlet": a, "versus": b, "terms": _terms(terms)}
            for (a, b), terms in sorted(cmp.pairwise_terms.items())
        ],
        "problems": [
            {"source": p.source, "line": p.line, "message": p.message} for p in cmp.problems
        ],
        "notes": list(cmp.notes),
        "self_references": list(cmp.self_references),
        "statistics": {
            "tone": differences_data(cmp.tone_stats.differences if cmp.tone_stats else ()),
            "frames": differences_data(cmp.frame_stats.differences if cmp.frame_stats else ()),
            "actors": differences_data(cmp.actors.sentiment.differences if cmp.actors else ()),
            "style": differences_data(cmp.style_stats.differences if cmp.style_stats else ()),
            "distinguishability": _distinguishability(cmp),
        },
    }
