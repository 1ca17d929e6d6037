"""The JSON report: plain data with a ``schema_version`` (documented in the README)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from ..analysis.records import AnyAnalysis, ArticleAnalysis, ArticleSentiment

if TYPE_CHECKING:  # pragma: no cover
    from ..comparison.records import ComparisonData
    from ..comparison.words import DistinctiveTerm

from .views.actors import article_actors_data, article_quotes_data, outlet_actors_data
from .views.coverage import article_quantities_data, article_style_data, coverage_data
from .views.frames import article_frames_data

__all__ = [
    "DETAILS", "EVIDENCE_CAP", "EXCERPT_CHARS", "LIST_CAP", "OUTLET_ACTORS", "POLICY_FRAMES",
    "SCHEMA_VERSION", "report_data", "report_schema",
]

#: Bumped on any incompatible change of the JSON layout (new keys are compatible).
SCHEMA_VERSION = "1.1"
#: ``detail`` levels: ``"summary"`` (per-article and per-outlet results with evidence
#: excerpts; the default) or ``"sentences"`` (also every sentence, every mention and cue).
DETAILS = ("summary", "sentences")
#: At ``detail="summary"``: evidence entries kept per frame, frame item and style cue (with
#: the full count as ``n_…``), entries kept per article of actors (the most mentioned),
#: quotes and quantities, and characters kept of each excerpt and quote.
EVIDENCE_CAP = 1
LIST_CAP = 8
EXCERPT_CHARS = 160
#: At ``detail="summary"``: actors kept per outlet (the most mentioned) and policy frames kept
#: per article (the heaviest).
OUTLET_ACTORS = 50
POLICY_FRAMES = 3


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the report, both detail levels (packaged as
    ``resources/report.schema.json``).

    >>> report_schema()["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    True
    """
    import json

    from .._resources import read_text

    return json.loads(read_text("resources", "report.schema.json"))


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
    data: dict[str, Any] = {
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


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1].rstrip() + "…"


def _capped(entries: list) -> list:
    return entries[:EVIDENCE_CAP]


def _nearest(cmp: ComparisonData) -> list[dict[str, Any]]:
    """Each article's most similar article from another outlet (``None`` when there is none)."""
    sim = cmp.similarity
    ids = list(sim.article_ids)
    outlet_of = {a.article.id: a.article.outlet for a in cmp.analyses}
    matrix = sim.articles.tolist()
    nearest = []
    for i, article in enumerate(ids):
        others = [(v, j) for j, v in enumerate(matrix[i])
                  if j != i and outlet_of.get(ids[j]) != outlet_of.get(article) and v == v]
        best = max(others, default=None, key=lambda vj: (vj[0], -vj[1]))
        nearest.append({"id": article, "nearest": ids[best[1]] if best else None,
                        "similarity": _num(best[0]) if best else None})
    return nearest


def _summary(article: dict[str, Any]) -> dict[str, Any]:
    """An article entry at ``detail="summary"``: scores with their first piece of evidence
    (full counts as ``n_…``), frame items without codebook questions (they are in the docs),
    policy frames with evidence only, the :data:`LIST_CAP` most mentioned actors (each with
    its first mention and top labels), the first quotes and quantities, texts cut to
    :data:`EXCERPT_CHARS`, and instead of every sentence the sentences the kept evidence
    points to (``evidence_sentences``)."""
    frames = article["frames"] or {}
    for codebook in ("generic", "policy", "custom"):
        kept = {}
        for name, frame in frames.get(codebook, {}).items():
            evidence = frame.get("evidence", [])
            if codebook == "policy" and not evidence:
                continue
            frame["n_evidence"], frame["evidence"] = len(evidence), _capped(evidence)
            for item in frame.get("items", ()):
                item.pop("question", None)
                item["n_evidence"] = len(item.pop("evidence"))
            kept[name] = frame
        if codebook == "policy":
            heaviest = sorted(kept, key=lambda n: (-(kept[n].get("weight") or 0), n))[:POLICY_FRAMES]
            kept = {name: kept[name] for name in sorted(heaviest)}
        if codebook in frames:
            frames[codebook] = kept
    style = article["style"]
    if style and style.get("cues"):
        style["n_cues"] = {name: len(found) for name, found in style["cues"].items()}
        style["cues"] = {name: _capped(found) for name, found in style["cues"].items() if found}
    article["n_actors"] = len(article["actors"])
    article["actors"] = [_actor_summary(actor) for actor in article["actors"][:LIST_CAP]]
    for key in ("quotes", "quantities"):
        article[f"n_{key}"] = len(article[key])
        article[key] = article[key][:LIST_CAP]
    for quote in article["quotes"]:
        quote["text"] = _excerpt(quote["text"])
    cited = sorted(set(_sentence_indexes(article)))
    by_index = {s["index"]: s for s in article.pop("sentences")}
    article["n_sentences"] = len(by_index)
    article["evidence_sentences"] = [
        {k: v for k, v in by_index[i].items() if k not in ("neg", "neu", "pos")}
        | {"text": _excerpt(by_index[i]["text"])}
        for i in cited if i in by_index
    ]
    return article


def _coverage_summary(coverage: dict[str, Any]) -> dict[str, Any]:
    """The coverage block at ``detail="summary"``: per outlet, the :data:`LIST_CAP` "only
    here" sentences least like anything elsewhere and the shared ones most alike (texts cut to
    :data:`EXCERPT_CHARS`), with the full counts (``n_unique``, ``n_shared``)."""
    for key, reverse in (("unique", False), ("shared", True)):
        refs = coverage[key]
        coverage[f"n_{key}"] = {outlet: len(found) for outlet, found in refs.items()}
        coverage[key] = {
            outlet: [{**r, "text": _excerpt(r["text"])} for r in sorted(
                found, key=lambda r: (-(r["best_similarity"] or 0) if reverse else (r["best_similarity"] or 0),
                                      r["article"], r["sentence"]))[:LIST_CAP]]
            for outlet, found in refs.items()
        }
    for story in coverage["stories"]:
        story["n_pairs"], story["pairs"] = len(story["pairs"]), story["pairs"][:LIST_CAP]
    return coverage


def _actor_summary(actor: dict[str, Any]) -> dict[str, Any]:
    """One actor of an article: counts, sentiment, its first mention and most used labels."""
    from collections import Counter

    mentions, references = actor.pop("mentions"), actor.pop("references")
    labels = Counter(f"{lab['kind']}: {lab['text']}" for m in mentions for lab in m["labels"])
    first = mentions[0] if mentions else None
    return {
        **actor,
        "n_mentions": len(mentions),
        "n_references": len(references),
        "references": references[:3],
        "first_mention": None if first is None else
        {k: first[k] for k in ("text", "start", "end", "sentence")},
        "labels": [{"label": text, "count": n} for text, n in labels.most_common(3)],
    }


def _sentence_indexes(data: Any) -> list[int]:
    """Every ``sentence`` index in the evidence of an article entry."""
    found: list[int] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "sentence" and isinstance(value, int):
                found.append(value)
            elif key != "sentences":
                found += _sentence_indexes(value)
    elif isinstance(data, list):
        for value in data:
            found += _sentence_indexes(value)
    return found


def _article(a: AnyAnalysis, index=None) -> dict[str, Any]:
    art = a.article
    done = a if isinstance(a, ArticleAnalysis) else None  # None: a SkippedArticle
    sentences = []
    for sentence in a.sentences:
        entry: dict[str, Any] = {
            "index": sentence.index,
            "start": sentence.start,
            "end": sentence.end,
            "text": sentence.text,
        }
        if done:
            sc = done.sentence_sentiment[sentence.index]
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
        "sentiment": _article_sentiment(done.sentiment) if done else None,
        "sentences": sentences,
        "frames": article_frames_data(done) if done else None,
        "actors": article_actors_data(done, index) if done else [],
        "quotes": article_quotes_data(done) if done else [],
        "style": article_style_data(done) if done else None,
        "quantities": article_quantities_data(done) if done else [],
    }


def _article_sentiment(s: ArticleSentiment) -> dict[str, Any]:
    return {
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


def _outlet(cmp: ComparisonData, p) -> dict[str, Any]:
    return {
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


def report_data(cmp: ComparisonData, detail: str = "summary") -> dict[str, Any]:
    """The comparison as JSON-ready data (no NaN; floats unrounded).

    ``detail="summary"`` (the default) keeps per-article and per-outlet results with evidence
    excerpts (:func:`_summary`; the article × article similarity matrix becomes each
    article's nearest article of another outlet), so the report grows with the number of
    articles, not with their length; ``detail="sentences"`` adds every sentence with its
    VADER scores, every mention, cue and piece of evidence, and the full matrix.

    Examples
    --------
    >>> from mediacompare import compare
    >>> from mediacompare.model import Article
    >>> data = report_data(compare([Article(id="a", outlet="X", text="Talks failed.")]))
    >>> data["schema_version"], data["detail"], data["outlets"][0]["name"], data["articles"][0]["id"]
    ('1.1', 'summary', 'X', 'a')
    >>> "sentences" in data["articles"][0], data["articles"][0]["n_sentences"]
    (False, 1)
    """
    from ..errors import ConfigError

    if detail not in DETAILS:
        raise ConfigError(f"unknown detail {detail!r}; choose one of {', '.join(DETAILS)}")
    sim = cmp.similarity
    articles = [_with_story(cmp, _article(a, cmp.actors.index if cmp.actors else None))
                for a in cmp.analyses]
    similarity: dict[str, Any] = {
        "article_ids": list(sim.article_ids),
        "outlets": list(sim.outlet_names),
        "outlet_matrix": [[_num(v) for v in row] for row in sim.outlets.tolist()],
        "verdict": {
            "level": sim.verdict.level,
            "score": _num(sim.verdict.score),
            "explanation": sim.verdict.explanation,
        },
    }
    coverage = coverage_data(cmp)
    if detail == "summary":
        articles = [_summary(a) for a in articles]
        similarity["nearest"] = _nearest(cmp)
        coverage = _coverage_summary(coverage)
    outlets = [_outlet(cmp, p) for p in cmp.profiles]
    if detail == "summary":
        for outlet in outlets:
            actors = outlet["actors"]
            outlet["n_actors"] = len(actors)
            outlet["actors"] = sorted(actors, key=lambda r: (-r["mentions"], r["actor"]))[:OUTLET_ACTORS]
    else:
        similarity["articles"] = [[_num(v) for v in row] for row in sim.articles.tolist()]
    return {
        "schema_version": SCHEMA_VERSION,
        "detail": detail,
        "generator": {"name": "mediacompare", "versions": dict(cmp.info.versions)},
        "created": cmp.info.created,
        "parameters": dict(cmp.info.parameters),
        "outlets": outlets,
        "articles": articles,
        "coverage": coverage,
        "similarity": similarity,
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
