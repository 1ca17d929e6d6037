"""Turn a :class:`~mediacompare.api.ComparisonData` into display-ready values for templates.

Templates do no arithmetic: everything they show is computed here (numbers stay floats;
formatting happens in the filters registered in :mod:`mediacompare.report.render`).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..analysis.records import AnyAnalysis, ArticleAnalysis
from . import charts
from .views.actors import actors_view
from .views.coverage import coverage_view, style_view
from .views.frames import frames_view
from .views.summary import summary_view

if TYPE_CHECKING:  # pragma: no cover
    from ..comparison.records import ComparisonData
    from ..comparison.words import DistinctiveTerm
    from ..comparison.stats import Difference

__all__ = ["ReportContext", "build_context"]

#: How many strongest sentences per outlet and direction the tone section quotes.
STRONGEST = 3

CAVEATS = (
    "VADER is a lexicon-and-rules model built for social media; on news it mostly reacts to "
    "the vocabulary of the events (attack, killed, war) rather than to the outlet's stance. "
    "Read sentiment differences as differences in what is described and how vividly, "
    "not as bias by themselves.",
    "Sentiment is measured per sentence; an article's score is the mean of its sentences, and "
    "an outlet's the mean of its articles.",
    "Distinctive terms are relative: a term is distinctive of an outlet compared with the "
    "other outlets in this comparison only. With few articles, z-scores reflect single "
    "stories more than house style.",
    "Articles not in English are listed but not scored with the English lexicons.",
)


@dataclass(frozen=True)
class SentenceView:
    anchor: str
    index: int
    text: str
    compound: float | None
    shade: str


@dataclass(frozen=True)
class QuotedSentence:
    """A sentence quoted as evidence, linking to its place in the article text view."""

    anchor: str
    outlet: str
    article_title: str
    text: str
    value: float


@dataclass(frozen=True)
class ArticleView:
    anchor: str
    id: str
    outlet: str
    title: str
    date: str | None
    url: str | None
    language: str
    source: str
    outlet_rule: str
    n_sentences: int
    word_count: int
    compound_mean: float | None
    tone: float | None
    headline_compound: float | None
    warnings: tuple[str, ...]
    skipped_reason: str | None
    paragraphs: tuple[tuple[SentenceView, ...], ...]
    sha256: str


@dataclass(frozen=True)
class TermView:
    term: str
    z: float
    count: int
    count_other: int
    rate: float
    rate_other: float


@dataclass(frozen=True)
class OutletView:
    name: str
    n_articles: int
    n_scored: int
    word_count: int
    compound_mean: float
    positive_share: float
    neutral_share: float
    negative_share: float
    tone: float
    polarity: float
    dates: str
    terms: tuple[TermView, ...]
    most_negative: tuple[QuotedSentence, ...]
    most_positive: tuple[QuotedSentence, ...]
    compound_ci: tuple[float, float] | None = None
    compound_method: str = ""
    copies_of: str = ""  # "Reuters": every article of the outlet copies Reuters' (syndication)


@dataclass(frozen=True)
class DistinguishView:
    a: str
    b: str
    auc: float
    auc_ci_low: float
    auc_ci_high: float
    null_95: float
    p: float
    top_a: str
    top_b: str
    note: str


@dataclass(frozen=True)
class PairTermsView:
    a: str
    b: str
    terms: tuple[TermView, ...]


@dataclass(frozen=True)
class ReportContext:
    title: str
    n_articles: int
    n_outlets: int
    date_range: str
    verdict_level: str
    verdict_score: float
    verdict_explanation: str
    outlets: tuple[OutletView, ...]
    articles: tuple[ArticleView, ...]
    pairwise: tuple[PairTermsView, ...]
    problems: tuple[str, ...]
    notes: tuple[str, ...]
    similarity_chart: Markup
    outlet_similarity_chart: Markup
    tone_chart: Markup
    tone_block_chart: Markup
    distribution_chart: Markup
    terms_chart: Markup
    versions: tuple[tuple[str, str], ...]
    parameters: tuple[tuple[str, str], ...]
    created: str | None
    caveats: tuple[str, ...]
    tone_differences: tuple[Difference, ...] = ()
    distinguishability: tuple[DistinguishView, ...] = ()
    self_references: tuple[str, ...] = ()
    frames: Any = None
    actors: Any = None
    coverage: Any = None
    style: Any = None
    summary: Any = None
    frame_grid: Markup = Markup("")
    actor_grid: Markup = Markup("")
    quoted_grid: Markup = Markup("")
    shared_chart: Markup = Markup("")

    @property
    def comparable(self) -> bool:
        """True when there are at least two outlets to compare."""
        return self.n_outlets >= 2


def _finite(x: float | None) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def _article_anchor(index: int) -> str:
    return f"art{index + 1}"


def sentence_anchor(article_index: int, sentence_index: int) -> str:
    return f"art{article_index + 1}-s{sentence_index + 1}"


_LINE_END = re.compile("\n")


def _paragraphs(article_index: int, a: AnyAnalysis) -> tuple[tuple[SentenceView, ...], ...]:
    paragraphs: list[list[SentenceView]] = []
    line_ends = [m.start() for m in _LINE_END.finditer(a.article.text)]
    current_line = -1
    for sentence in a.sentences:
        line = bisect.bisect_left(line_ends, sentence.start)  # line breaks before the sentence
        if line != current_line:
            paragraphs.append([])
            current_line = line
        score = a.sentence_sentiment[sentence.index].compound if isinstance(a, ArticleAnalysis) else None
        paragraphs[-1].append(
            SentenceView(
                anchor=sentence_anchor(article_index, sentence.index),
                index=sentence.index,
                text=sentence.text,
                compound=score,
                shade=charts.sentiment_shade(score) if score is not None else "s-none",
            )
        )
    return tuple(tuple(p) for p in paragraphs)


#: How each outlet rule (``Article.outlet_rule``) is said in the report.
OUTLET_BASIS = {
    "explicit": "outlet as you named it",
    "metadata": "outlet named by the article",
    "url domain": "outlet from the URL's domain",
    "directory": "outlet from the folder name",
    "file stem": "outlet guessed from the file name",
}


def outlet_basis(rule: str) -> str:
    """Plain words for where an article's outlet came from.

    >>> outlet_basis("explicit")
    'outlet as you named it'
    """
    return OUTLET_BASIS.get(rule, f"outlet from {rule}")


def _article_view(i: int, a: AnyAnalysis) -> ArticleView:
    art = a.article
    s = a.sentiment if isinstance(a, ArticleAnalysis) else None
    return ArticleView(
        anchor=_article_anchor(i),
        id=art.id,
        outlet=art.outlet,
        title=art.title or art.id,
        date=art.date,
        url=art.url,
        language=art.language,
        source=art.source,
        outlet_rule=outlet_basis(art.outlet_rule),
        n_sentences=len(a.sentences),
        word_count=a.word_count,
        compound_mean=s.compound_mean if s else None,
        tone=s.tone.tone if s else None,
        headline_compound=s.headline_compound if s else None,
        warnings=art.warnings,
        skipped_reason=a.skipped_reason,
        paragraphs=_paragraphs(i, a),
        sha256=art.sha256,
    )


def _term_views(terms: Sequence[DistinctiveTerm]) -> tuple[TermView, ...]:
    return tuple(
        TermView(t.term, t.z, t.count, t.count_other, t.rate, t.rate_other) for t in terms
    )


def _strongest(cmp: ComparisonData, outlet: str, sign: int) -> tuple[QuotedSentence, ...]:
    candidates = []
    for i, a in enumerate(cmp.analyses):
        if a.article.outlet != outlet or not isinstance(a, ArticleAnalysis):
            continue
        for sentence, score in zip(a.sentences, a.sentence_sentiment):
            if sign * score.compound >= 0.05:
                candidates.append((-sign * score.compound, i, sentence.index, a, sentence.text, score.compound))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    return tuple(
        QuotedSentence(
            anchor=sentence_anchor(i, idx),
            outlet=outlet,
            article_title=a.article.title or a.article.id,
            text=text,
            value=value,
        )
        for _, i, idx, a, text, value in candidates[:STRONGEST]
    )


def shown_verdict(d: Difference) -> str:
    """The verdict to display: "likely real" only when the 95% interval also excludes zero.

    Examples
    --------
    >>> from mediacompare.comparison.stats.differences import Difference
    >>> shown_verdict(Difference("tone", "A", "B", 1, 0, 1, -0.07, 2.5, 0.01, 0.01, 5, 5, "likely real"))
    'uncertain (interval includes 0)'
    """
    from .views.summary import VERDICT_UNCERTAIN, interval_agrees

    if d.verdict == "likely real" and not interval_agrees(d):
        return VERDICT_UNCERTAIN
    return d.verdict


def difference_views(differences: Iterable[Difference]) -> tuple[Difference, ...]:
    """The differences with readable metric names ("negative share") and shown verdicts."""
    return tuple(
        replace(d, metric=d.metric.replace("_", " "), verdict=shown_verdict(d)) for d in differences
    )


#: Largest number of articles drawn as an article × article heatmap (the SVG grows with the
#: square: 1,000 articles would be a million cells); the matrix is always in the JSON report.
MAX_HEATMAP_ARTICLES = 40
#: Rows (actors, speakers) drawn in an × outlet dot plot; the tables hold the rest.
GRID_ROWS = 15

#: Comparisons shown before "all comparisons" in a differences table (more when more are
#: likely real: findings are never hidden).
SHORTLIST = 12


def most_telling(differences: Sequence[Difference], limit: int = SHORTLIST) -> tuple[Difference, ...]:
    """The comparisons to read first, in their original order.

    Every "likely real" one, topped up to ``limit`` with the smallest q-values (largest
    absolute differences among ties). Reports show these and put the full table behind them.

    Examples
    --------
    >>> from mediacompare.comparison.stats.differences import Difference
    >>> rows = [Difference("tone", "A", "B", d, 0.0, d, 0.0, 0.0, p, p, 3, 3, v)
    ...         for d, p, v in [(0.1, 0.5, "could be noise"), (0.9, 0.01, "likely real"),
    ...                         (0.3, 0.5, "could be noise")]]
    >>> [d.diff for d in most_telling(rows, limit=2)]
    [0.9, 0.3]
    """

    def key(i: int) -> tuple[bool, float, float]:
        d = differences[i]
        q = d.q if d.q == d.q else math.inf
        return (d.verdict != "likely real", q, -abs(d.diff) if d.diff == d.diff else 0.0)

    order = sorted(range(len(differences)), key=key)
    n_real = sum(d.verdict == "likely real" for d in differences)
    keep = sorted(order[: max(limit, n_real)])
    return tuple(differences[i] for i in keep)


def _interval(stats, metric: str, outlet: str) -> tuple[tuple[float, float] | None, str]:
    estimate = stats.estimate(metric, outlet) if stats else None
    if estimate is None:
        return None, ""
    return estimate.bounds, estimate.method


def _distinguish_views(cmp: ComparisonData) -> tuple[DistinguishView, ...]:
    return tuple(
        DistinguishView(
            d.a, d.b, d.auc, d.auc_ci_low, d.auc_ci_high, d.null_95, d.p,
            ", ".join(t for t, _ in d.top_terms_a[:8]), ", ".join(t for t, _ in d.top_terms_b[:8]),
            d.note,
        )
        for d in cmp.distinguishability
    )


def _date_range(cmp: ComparisonData) -> str:
    dates = sorted({a.article.date for a in cmp.analyses if a.article.date})
    if not dates:
        return "no dates given"
    return dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"


def _title(cmp: ComparisonData) -> str:
    names = cmp.outlet_names
    if len(names) == 1:
        return f"{names[0]}: article profile"
    if len(names) <= 4:
        return " vs ".join(names)
    return f"{len(names)} outlets compared"


def build_context(cmp: ComparisonData) -> ReportContext:
    """Compute everything the report templates display.

    Examples
    --------
    >>> from mediacompare import compare
    >>> from mediacompare.model import Article
    >>> ctx = build_context(compare([Article(id="a", outlet="X", text="Peace talks resumed.")]))
    >>> ctx.comparable, ctx.outlets[0].name
    (False, 'X')
    """
    outlet_views = tuple(
        OutletView(
            name=p.name,
            n_articles=p.n_articles,
            n_scored=p.n_scored,
            word_count=p.word_count,
            compound_mean=p.compound_mean,
            positive_share=p.positive_share,
            neutral_share=p.neutral_share,
            negative_share=p.negative_share,
            tone=p.tone,
            polarity=p.polarity,
            dates=", ".join(p.dates) if p.dates else "no dates",
            terms=_term_views(p.distinctive_terms),
            most_negative=_strongest(cmp, p.name, -1),
            most_positive=_strongest(cmp, p.name, +1),
            compound_ci=_interval(cmp.tone_stats, "compound_mean", p.name)[0],
            compound_method=_interval(cmp.tone_stats, "compound_mean", p.name)[1],
            copies_of=" and ".join(p.copies_of),
        )
        for p in cmp.profiles
    )
    # Charts compare what is counted: an outlet of copies only is in the tables, marked.
    scored_profiles = [p for p in cmp.profiles if p.n_scored and not p.copies_of]
    labels = [p.name for p in scored_profiles]
    by_outlet: dict[str, list[float]] = {name: [] for name in labels}
    for a in cmp.counted:  # the articles behind the outlet profiles
        if a.article.outlet in by_outlet:
            by_outlet[a.article.outlet].extend(s.compound for s in a.sentence_sentiment)
    sim = cmp.similarity
    article_titles = {a.article.id: f"{a.article.outlet}: {a.article.title or a.article.id}" for a in cmp.analyses}
    if len(labels) == 2:
        first, second = scored_profiles
        terms_chart = charts.diverging_terms_chart(
            first.name,
            [(t.term, t.z) for t in first.distinctive_terms[:10]],
            second.name,
            [(t.term, t.z) for t in second.distinctive_terms[:10]],
        )
    else:
        terms_chart = Markup("")
    ctx = ReportContext(
        title=_title(cmp),
        n_articles=len(cmp.analyses),
        n_outlets=len(cmp.profiles),
        date_range=_date_range(cmp),
        verdict_level=sim.verdict.level,
        verdict_score=sim.verdict.score,
        verdict_explanation=sim.verdict.explanation,
        outlets=outlet_views,
        articles=tuple(_article_view(i, a) for i, a in enumerate(cmp.analyses)),
        pairwise=tuple(
            PairTermsView(a, b, _term_views(terms)) for (a, b), terms in sorted(cmp.pairwise_terms.items())
        ),
        problems=tuple(str(p) for p in cmp.problems),
        notes=cmp.notes,
        similarity_chart=charts.heatmap(
            [article_titles[i] for i in sim.article_ids], sim.articles,
            title="Article × article similarity (TF-IDF cosine)",
        ) if 1 < len(sim.article_ids) <= MAX_HEATMAP_ARTICLES else Markup(""),
        outlet_similarity_chart=charts.heatmap(
            list(sim.outlet_names), sim.outlets, title="Outlet × outlet similarity (TF-IDF cosine)"
        ) if len(sim.outlet_names) > 1 else Markup(""),
        tone_chart=charts.bar_chart(
            labels, [p.compound_mean for p in scored_profiles],
            lows=[(o.compound_ci or (math.nan,))[0] for o in outlet_views if o.n_scored and not o.copies_of],
            highs=[(o.compound_ci or (math.nan, math.nan))[1] for o in outlet_views
                   if o.n_scored and not o.copies_of],
            title="Mean sentence sentiment (VADER compound, −1 to +1)", domain=(-1.0, 1.0),
        ) if labels else Markup(""),
        tone_block_chart=charts.bar_chart(
            labels, [p.tone for p in scored_profiles],
            title="Tone: positive % − negative % of words", value_format="{:+.1f}",
        ) if labels else Markup(""),
        distribution_chart=charts.distribution_chart(
            by_outlet, bins=20, title="Sentence sentiment distribution"
        ) if labels else Markup(""),
        terms_chart=terms_chart,
        versions=tuple(sorted(cmp.info.versions.items())),
        parameters=tuple(sorted((k, str(v)) for k, v in cmp.info.parameters.items())),
        created=cmp.info.created,
        caveats=CAVEATS,
        tone_differences=difference_views(cmp.tone_stats.differences if cmp.tone_stats else ()),
        distinguishability=_distinguish_views(cmp),
        self_references=cmp.self_references,
        frames=frames_view(cmp),
        actors=actors_view(cmp),
        coverage=coverage_view(cmp),
        style=style_view(cmp),
    )
    return replace(ctx, summary=summary_view(ctx), **_scale_charts(ctx))


def _scale_charts(ctx: ReportContext) -> dict[str, Any]:
    """Frame × outlet heat-map, actor and speaker × outlet dot plots, shared-vs-only-here bars.

    Drawn with three or more outlets (with two, the tables beside them read as easily).
    """
    from .grid_charts import dot_grid, grid_heatmap, shared_bars

    out: dict[str, Markup] = {}
    if ctx.n_outlets < 3:
        return out
    # An outlet of copies only is in the tables, marked, not in the charts (like the tone charts).
    outlets = [o.name for o in ctx.outlets if not o.copies_of]
    rows = (ctx.frames.generic + ctx.frames.policy) if ctx.frames is not None else ()
    if rows:
        labels = list(dict.fromkeys(r.label for r in rows))
        value = {(r.label, r.outlet): r.value for r in rows}
        out["frame_grid"] = grid_heatmap(
            labels, outlets, [[value.get((lab, o)) for o in outlets] for lab in labels],
            title="Frame × outlet (generic score / policy share; – = 0)", href="#frames")
    av = ctx.actors
    if av is not None and av.cells:
        totals: dict[str, int] = {}
        for c in av.cells:
            totals[c.actor] = totals.get(c.actor, 0) + c.mentions
        actors = sorted(totals, key=lambda a: (-totals[a], a))[:GRID_ROWS]
        cell = {(c.actor, c.outlet): c for c in av.cells}
        out["actor_grid"] = dot_grid(
            actors, outlets,
            [[cell[(a, o)].share if (a, o) in cell else 0.0 for o in outlets] for a in actors],
            tones=[[cell[(a, o)].sentiment if (a, o) in cell else None for o in outlets]
                   for a in actors],
            title=f"Actor × outlet: share of mentions (dot area) and sentiment (colour), top {len(actors)}",
            href="#actors")
    if av is not None and any(s.speakers for s in av.sources):
        quoted: dict[tuple[str, str], int] = {}
        for src in av.sources:
            for name, n in src.speakers:
                quoted[(name, src.outlet)] = n
        by_speaker: dict[str, int] = {}
        for (name, _), n in quoted.items():
            by_speaker[name] = by_speaker.get(name, 0) + n
        speakers = sorted(by_speaker, key=lambda a: (-by_speaker[a], a))[:GRID_ROWS]
        out["quoted_grid"] = dot_grid(
            speakers, outlets,
            [[float(quoted.get((sp, o), 0)) for o in outlets] for sp in speakers],
            title=f"Who is quoted: quotes per outlet (dot area), top {len(speakers)} speakers",
            href="#sources", size_label="quotes")
    cov = ctx.coverage
    if cov is not None and cov.stories:
        shared: dict[str, int] = {}
        unique: dict[str, int] = {}
        for st in cov.stories:
            for o in st.outlets_view:
                shared[o.outlet] = shared.get(o.outlet, 0) + len(o.shared)
                unique[o.outlet] = unique.get(o.outlet, 0) + o.n_unique
        names = sorted(shared)
        out["shared_chart"] = shared_bars(
            names, [shared[n] for n in names], [unique[n] for n in names],
            title="Sentences shared with another outlet vs only here", href="#coverage")
    return out
