"""The "Actors" and "Sources & quotes" sections: display records and JSON."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ...analysis.records import ArticleAnalysis

if TYPE_CHECKING:  # pragma: no cover
    from ...comparison.records import ComparisonData

__all__ = ["ActorsView", "actors_view", "article_actors_data", "article_quotes_data",
           "outlet_actors_data"]

#: Labels and names shown per actor × outlet cell.
LABELS_SHOWN = 3


@dataclass(frozen=True)
class ActorCell:
    actor: str
    kind: str
    group: str | None
    outlet: str
    mentions: int
    references: int
    share: float
    sentiment: float | None
    ci: tuple[float, float] | None
    method: str
    names: str
    labels: str


@dataclass(frozen=True)
class QuoteView:
    anchor: str
    text: str
    speaker: str
    verb: str
    verb_class: str
    kind: str
    evidence: str = ""  # where the speaker was read: "“Mr. Steele” (name, chars 120–131)"


@dataclass(frozen=True)
class SourcesView:
    outlet: str
    quoted_share: float
    sources: int
    speakers: tuple[tuple[str, int], ...]
    neutral: int
    loaded: int
    loaded_verbs: str
    headline_verbs: str
    quotes: tuple[QuoteView, ...]


@dataclass(frozen=True)
class ActorsView:
    cells: tuple[ActorCell, ...]
    sources: tuple[SourcesView, ...]
    differences: tuple[Any, ...]

    @property
    def any_actor(self) -> bool:
        return bool(self.cells)


def _first(items: Sequence[str], n: int) -> str:
    """The first ``n`` items joined by "; ", then how many more.

    >>> _first(["a", "b", "c"], 2)
    'a; b and 1 more'
    """
    more = f" and {len(items) - n} more" if len(items) > n else ""
    return "; ".join(items[:n]) + more


def _top(counts: dict[str, int], n: int) -> str:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return ", ".join(f"{k} ({v})" if v > 1 else k for k, v in ranked)


def _speaker_evidence(text: str, q: Any) -> str:
    """The words the speaker was read from and their offsets, for a tooltip."""
    if not q.speaker_span:
        return "no confident speaker" if not q.speaker else ""
    a, b = q.speaker_span
    return f"speaker from “{text[a:b]}” ({q.speaker_via}, characters {a}–{b})"


def _quote_views(cmp: ComparisonData, outlet: str) -> tuple[QuoteView, ...]:
    from ..context import sentence_anchor

    views = []
    for i, a in enumerate(cmp.analyses):
        if a.article.outlet != outlet or not isinstance(a, ArticleAnalysis):
            continue
        for q in a.quotes:
            views.append(QuoteView(
                sentence_anchor(i, q.sentence), q.text, q.speaker or "(unattributed)",
                q.verb_text or "", q.verb_class or "", q.kind, _speaker_evidence(a.article.text, q),
            ))
    return tuple(views)


def actors_view(cmp: ComparisonData) -> ActorsView:
    """Display-ready actors and sources sections."""
    from ..context import difference_views

    ac = cmp.actors
    if ac is None:
        return ActorsView((), (), ())
    top = ac.top_actors
    by_id = {x.id: x for x in ac.index}
    cells = []
    for actor in top:
        for row in ac.coverage:
            if row.actor != actor:
                continue
            est = ac.sentiment.estimate(f"actor:{actor}", row.outlet)
            ci = est.bounds if est is not None else None
            cells.append(ActorCell(
                actor=actor, kind=by_id[actor].kind, group=by_id[actor].group, outlet=row.outlet,
                mentions=row.mentions, references=row.references, share=row.share,
                sentiment=est.value if est is not None and not math.isnan(est.value) else None,
                ci=ci, method=est.method.replace("sentence-level", "mention-level") if est else "",
                names=_top(dict(row.names), LABELS_SHOWN), labels=_top(dict(row.labels), LABELS_SHOWN),
            ))
    sources = []
    for outlet, stats in ac.quotes.items():
        loaded = {
            verb: n for verb, n in stats.verbs.items()
            if _verb_class(cmp, outlet, verb) == "loaded"
        }
        headline = sorted({
            f"{q.speaker or '?'} {q.verb_text}" for a in cmp.scored
            if a.article.outlet == outlet for q in a.headline_quotes if q.verb_text
        })
        sources.append(SourcesView(
            outlet=outlet, quoted_share=stats.quoted_share, sources=stats.sources,
            speakers=tuple(sorted(stats.speakers.items(), key=lambda kv: (-kv[1], kv[0]))),
            neutral=stats.verb_classes.get("neutral", 0), loaded=stats.verb_classes.get("loaded", 0),
            loaded_verbs=_top(loaded, LABELS_SHOWN), headline_verbs=_first(headline, LABELS_SHOWN),
            quotes=_quote_views(cmp, outlet),
        ))
    differences = tuple(
        replace(d, metric=d.metric.removeprefix("actor:"))
        for d in difference_views(ac.sentiment.differences)
    )
    return ActorsView(tuple(cells), tuple(sources), differences)


def _verb_class(cmp: ComparisonData, outlet: str, verb: str) -> str | None:
    for a in cmp.scored:
        if a.article.outlet == outlet:
            for q in a.quotes:
                if q.verb == verb:
                    return q.verb_class
    return None


def article_actors_data(a: ArticleAnalysis, index) -> list[dict[str, Any]]:
    """``articles[].actors``: one entry per actor with its mentions and their sentiment, and
    the nominal references and pronouns linked to it (each with the span of its evidence)."""
    actors: dict[str, dict[str, Any]] = {}
    per_actor: dict[str, list[Any]] = {}
    for mention in a.actors:
        sentiment = mention.sentiment
        actor = (index.actor_id(a.article.id, mention) if index else None) or mention.canonical
        per_actor.setdefault(actor, []).append(sentiment)
        entry = actors.setdefault(actor, {"name": actor, "kind": mention.kind,
                                          "group": mention.group, "mentions": []})
        entry["mentions"].append({
            "text": mention.text, "start": mention.start, "end": mention.end,
            "sentence": mention.sentence, "title": mention.title,
            "labels": [{"text": lab.text, "kind": lab.kind, "start": lab.start, "end": lab.end}
                       for lab in mention.labels],
            "sentiment": None if sentiment is None else {
                "label": sentiment.label, "negative": sentiment.negative,
                "neutral": sentiment.neutral, "positive": sentiment.positive,
            },
        })
    by_start = {m.start: m for m in a.actors}
    for ref in a.references:  # linked to the actor of the mention that licensed the link
        evidence = by_start.get(ref.evidence_start)
        actor = evidence and ((index.actor_id(a.article.id, evidence) if index else None) or evidence.canonical)
        if actor in actors:
            actors[actor].setdefault("references", []).append({
                "text": ref.text, "start": ref.start, "end": ref.end, "sentence": ref.sentence,
                "kind": ref.kind, "evidence": {"start": ref.evidence_start, "end": ref.evidence_end},
            })
    for entry in actors.values():
        entry.setdefault("references", [])
        scored = [m["sentiment"] for m in entry["mentions"] if m["sentiment"]]
        entry["sentiment"] = (
            sum(s["positive"] - s["negative"] for s in scored) / len(scored) if scored else None
        )
    from ...analysis.targets.aggregate import aggregate_sentiment

    for actor, found in per_actor.items():  # article label: neutral inside the calibrated dead zone
        summary = aggregate_sentiment(found)
        actors[actor]["sentiment_label"] = summary.label if summary else None
    return sorted(actors.values(), key=lambda e: (-len(e["mentions"]), e["name"]))


def article_quotes_data(a: ArticleAnalysis) -> list[dict[str, Any]]:
    """``articles[].quotes`` (and the headline's attributions, marked ``in_title``)."""
    def record(q, in_title: bool) -> dict[str, Any]:
        return {"text": q.text, "start": q.start, "end": q.end, "kind": q.kind,
                "speaker": q.speaker, "speaker_actor": q.speaker_actor, "verb": q.verb,
                "verb_text": q.verb_text, "verb_class": q.verb_class, "sentence": q.sentence,
                "in_title": in_title, "speaker_via": q.speaker_via,
                # evidence: where the speaker and the attribution verb were read (offsets)
                "speaker_span": list(q.speaker_span) if q.speaker_span else None,
                "verb_span": list(q.verb_span) if q.verb_span else None}

    return [record(q, False) for q in a.quotes] + [record(q, True) for q in a.headline_quotes]


def outlet_actors_data(cmp: ComparisonData, outlet: str) -> dict[str, Any]:
    """``outlets[].actors`` and ``outlets[].quotes``."""
    from ..json import estimate_data

    ac = cmp.actors
    if ac is None:
        return {"actors": [], "quotes": None}
    rows = []
    for row in ac.coverage:
        if row.outlet != outlet:
            continue
        est = ac.sentiment.estimate(f"actor:{row.actor}", outlet)
        rows.append({"actor": row.actor, "mentions": row.mentions, "references": row.references,
                     "articles": row.articles,
                     "share": row.share, "names": dict(row.names), "labels": dict(row.labels),
                     "sentiment": estimate_data(est) if est else None})
    stats = ac.quotes.get(outlet)
    quotes = None if stats is None else {
        "quoted_share": stats.quoted_share, "sources": stats.sources,
        "speakers": dict(stats.speakers), "verbs": dict(stats.verbs),
        "verb_classes": dict(stats.verb_classes), "kinds": dict(stats.kinds),
    }
    return {"actors": rows, "quotes": quotes}
