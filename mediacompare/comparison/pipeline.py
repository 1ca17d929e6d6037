"""Corpus-level comparison: from per-article analyses to outlet profiles, similarity, word
choice, actors, coverage and tested differences.

Everything that needs more than one article runs here, from mergeable per-article partials
(sentence scores, term counts), so it can run after a map-reduce. The result is plain data
(:class:`~mediacompare.comparison.records.ComparisonData`); ``report/`` lays it out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .._collector import collector_paused
from ..analysis.pipeline import AnalysisOptions, analyze_all
from ..analysis.records import AnyAnalysis, ArticleAnalysis, SkippedArticle
from ..errors import NothingUsableError
from ..model import Article, Corpus, InputProblem
from .metrics import (
    MAX_PAIRWISE_OUTLETS,
    frame_statistics,
    merge_counts,
    outlet_profile,
    run_info,
    style_statistics,
    tone_statistics,
    with_terms,
)
from .records import ComparisonData, MetricStatistics, OutletProfile, Similarity, counted_analyses, scored_analyses
from .side_by_side import SIDE_BY_SIDE_FROM, run_side_by_side

if TYPE_CHECKING:  # pragma: no cover
    from .actors.outlets import ActorComparison
    from .coverage import CoverageComparison
    from .quotes import QuoteStats
    from .stats import Distinguishability
    from .words import DistinctiveTerm

__all__ = ["compare_corpus"]


def _as_analyses(
    data: Corpus | Sequence[Article] | Sequence[AnyAnalysis],
    options: AnalysisOptions | None,
    jobs: int,
    backend: str,
    progress,
) -> tuple[tuple[AnyAnalysis, ...], tuple[InputProblem, ...]]:
    problems = tuple(getattr(data, "problems", ()))
    items = list(data)
    analyses = [x for x in items if isinstance(x, (ArticleAnalysis, SkippedArticle))]
    if items and len(analyses) == len(items):
        return tuple(analyses), problems
    articles = [x for x in items if isinstance(x, Article)]
    if len(articles) != len(items):
        raise TypeError(
            "compare() takes the result of mediacompare.load(), Articles or ArticleAnalyses"
        )
    return analyze_all(articles, options=options, jobs=jobs, backend=backend, progress=progress), problems


def compare_corpus(
    data: Corpus | Sequence[Article] | Sequence[AnyAnalysis],
    *,
    options: AnalysisOptions | None = None,
    jobs: int = 1,
    backend: str = "auto",
    top_terms: int = 15,
    min_term_count: int = 2,
    seed: int = 0,
    stories: str | Mapping[str, str] = "auto",
    progress=None,
) -> ComparisonData:
    """Compare articles by outlet: the work behind :func:`mediacompare.compare`.

    Takes the same parameters as :func:`mediacompare.compare` (documented there) and returns
    plain :class:`~mediacompare.comparison.records.ComparisonData`, which
    :func:`mediacompare.compare` wraps in the user-facing :class:`~mediacompare.Comparison`.

    Examples
    --------
    >>> from mediacompare.model import Article
    >>> data = compare_corpus([
    ...     Article(id="a", outlet="Left", text="Protesters marched peacefully. Police stood by."),
    ...     Article(id="b", outlet="Right", text="Rioters clashed with police. Shops were looted."),
    ... ])
    >>> data.outlet_names
    ('Left', 'Right')
    """
    from .coverage import check_stories

    check_stories(stories)  # before the per-article work, not after it
    analyses, problems = _as_analyses(data, options, jobs, backend, progress)
    return _compare(analyses, problems, top_terms=top_terms, min_term_count=min_term_count, seed=seed,
                    stories=stories, jobs=jobs, backend=backend)


@collector_paused()  # the analyses' objects are not re-scanned while the comparison allocates
def _compare(
    analyses: tuple[AnyAnalysis, ...], problems: tuple[InputProblem, ...], *, top_terms: int,
    min_term_count: int, seed: int, stories: str | Mapping[str, str], jobs: int, backend: str,
) -> ComparisonData:
    """The comparison of :func:`compare_corpus` once the articles are analysed."""
    from .actors.outlets import compare_actors
    from .coverage import compare_coverage, given_stories
    from .quotes import quote_mark_warning

    if not analyses:
        raise NothingUsableError(
            "no articles to compare"
            + "".join(f"\n  {p}" for p in problems)
            + "\nGive at least one readable article (see `mediacompare inspect`)."
        )
    stories = given_stories([a.article for a in analyses], stories)
    scored = scored_analyses(analyses)
    duplicate_of, notes = _duplicates_and_notes(analyses, scored)
    warnings = [w for a in scored if (w := quote_mark_warning(a))]
    notes += warnings
    counted = counted_analyses(analyses, duplicate_of)
    by_outlet: dict[str, list[AnyAnalysis]] = {}
    for a in analyses:
        by_outlet.setdefault(a.article.outlet, []).append(a)
    names = sorted(by_outlet)
    if len(names) < 2:
        notes.append(
            f"Only one outlet ({names[0]}): this is a profile; comparison needs articles "
            "from at least two outlets."
        )
    words = _word_choice(names, counted, top_terms=top_terms, min_term_count=min_term_count)
    outlet_of = {a.article.id: a.article.outlet for a in analyses}
    profiles = tuple(
        with_terms(_profile(name, by_outlet[name], duplicate_of, outlet_of), words.terms.get(name, ()))
        for name in names
    )
    similarity, vectors = _similarity(counted, scored)
    copy_outlets = {p.name for p in profiles if p.copies_of}
    copies = [a for a in scored if a.article.outlet in copy_outlets]

    def described(statistics) -> MetricStatistics:
        """Tested statistics of the counted articles, plus the estimates (never tests) of
        outlets whose articles are all copies."""
        return _with_estimates(statistics(counted, seed=seed),
                               statistics(copies, seed=seed) if copies else None)

    def actors_and_coverage() -> tuple[ActorComparison, CoverageComparison]:
        actors = compare_actors(counted, seed=seed)
        if copies:
            actors = replace(actors, quotes=_with_copy_quotes(actors, copies, duplicate_of))
        coverage = compare_coverage(
            counted, vectors.matrix, duplicate_of, similarity.verdict, actor_index=actors.index,
            stories=stories,
        )
        return actors, coverage

    def tests() -> tuple[tuple[Distinguishability, ...], MetricStatistics, MetricStatistics, MetricStatistics]:
        return (_distinguishability(counted, vectors, words, seed=seed), described(tone_statistics),
                described(frame_statistics), described(style_statistics))

    (actors, coverage), (distinguishability, tone, frames, style) = run_side_by_side(
        [actors_and_coverage, tests], jobs=_side_by_side_jobs(len(counted), jobs, backend)
    )
    return ComparisonData(
        analyses=analyses,
        profiles=profiles,
        similarity=similarity,
        pairwise_terms=words.pairwise,
        problems=problems,
        info=run_info(
            {"top_terms": top_terms, "min_term_count": min_term_count, "jobs": jobs,
             "backend": backend, "seed": seed,
             "stories": stories if isinstance(stories, str) else "given"}
        ),
        notes=tuple(notes),
        warnings=tuple(warnings),
        tone_stats=tone,
        frame_stats=frames,
        style_stats=style,
        actors=actors,
        coverage=coverage,
        distinguishability=distinguishability,
        self_references=words.self_references,
    )


def _side_by_side_jobs(counted: int, jobs: int, backend: str) -> int:
    """Processes for the comparison's independent sections: the analysis's ``jobs`` when it
    ran in local processes and the corpus is large enough for a process to pay, else 1."""
    if backend not in ("auto", "processes") or counted < SIDE_BY_SIDE_FROM:
        return 1
    return jobs


def _with_copy_quotes(
    actors: ActorComparison, copies: Sequence[ArticleAnalysis], duplicate_of: Mapping[str, str | None]
) -> dict[str, QuoteStats]:
    """Per-outlet quote figures plus those of the outlets whose articles are all copies
    (speakers named by the actors of the article each copy repeats)."""
    from .quotes import quote_stats

    quotes = dict(actors.quotes)
    for a in copies:
        original = duplicate_of.get(a.article.id) or a.article.id

        def speaker(q, original=original):
            return actors.index.actor_id(original, q.speaker_actor) if q.speaker_actor else None

        stats = quote_stats(a.quotes, len(a.article.text), speaker_id=speaker)
        outlet = a.article.outlet
        quotes[outlet] = quotes[outlet] + stats if outlet in quotes else stats
    return dict(sorted(quotes.items()))


def _with_estimates(tested: MetricStatistics, extra: MetricStatistics | None) -> MetricStatistics:
    """``tested`` with the per-outlet estimates of ``extra`` added (its differences dropped)."""
    if extra is None:
        return tested
    metrics = dict.fromkeys([*tested.estimates, *extra.estimates])
    return MetricStatistics(
        estimates={m: {**tested.estimates.get(m, {}), **extra.estimates.get(m, {})} for m in metrics},
        differences=tested.differences,
    )


def _profile(
    name: str,
    group: Sequence[AnyAnalysis],
    duplicate_of: Mapping[str, str | None],
    outlet_of: Mapping[str, str],
) -> OutletProfile:
    """The outlet's profile over its own articles; when every one repeats another outlet's
    article, over the copies, marked with the outlets copied."""
    own = [a for a in group if duplicate_of.get(a.article.id) is None]
    if own or not group:
        return outlet_profile(name, own)
    originals = {duplicate_of.get(a.article.id) for a in group}
    copied = tuple(sorted({outlet_of[i] for i in originals if i is not None}))
    return replace(outlet_profile(name, group), copies_of=copied)


def _duplicates_and_notes(
    analyses: Sequence[AnyAnalysis], scored: Sequence[ArticleAnalysis]
) -> tuple[dict[str, str | None], list[str]]:
    """Near-duplicate texts (article id → its original, or None) and the notes that explain
    skipped and repeated articles."""
    from .coverage import find_duplicates

    notes = [f"{a.article.label}: {a.skipped_reason}" for a in analyses if isinstance(a, SkippedArticle)]
    duplicate_of = find_duplicates(scored)
    label = {a.article.id: a.article.label for a in analyses}
    for article_id, original in duplicate_of.items():
        if original is not None:
            notes.append(
                f"{label[article_id]} repeats {label[original]} (same or nearly the same text): "
                "shown, but counted once, under the original, in every test, in similarity and in "
                "the figures of outlets with articles of their own."
            )
    return duplicate_of, notes


@dataclass(frozen=True)
class _WordChoice:
    """Term counts per outlet without self-references, and the distinctive terms they give."""

    counts: Mapping[str, Mapping[str, int]]  # outlets with any counted term
    self_named: frozenset[str]
    self_references: tuple[str, ...]
    terms: Mapping[str, tuple[DistinctiveTerm, ...]]
    pairwise: Mapping[tuple[str, str], tuple[DistinctiveTerm, ...]]


def _word_choice(
    names: Sequence[str], counted: Sequence[ArticleAnalysis], *, top_terms: int, min_term_count: int
) -> _WordChoice:
    from .self_references import self_references
    from .words import distinctive_terms, pairwise_distinctive_terms

    merged = {name: merge_counts(a.term_counts for a in counted if a.article.outlet == name) for name in names}
    # Outlets naming themselves ("told CNN") are left out of word choice and distinguishability.
    refs = self_references(names)
    self_named = frozenset(t for t in set().union(*merged.values()) if refs.names(t))
    counts = {
        name: own
        for name, all_terms in merged.items()
        if (own := {t: n for t, n in all_terms.items() if t not in self_named})
    }
    pairwise = (
        pairwise_distinctive_terms(counts, top=top_terms, min_count=min_term_count)
        if 2 < len(counts) <= MAX_PAIRWISE_OUTLETS
        else {}
    )
    return _WordChoice(
        counts=counts,
        self_named=self_named,
        self_references=tuple(sorted(refs.tokens | refs.phrases)),
        terms=distinctive_terms(counts, top=top_terms, min_count=min_term_count),
        pairwise=pairwise,
    )


@dataclass(frozen=True)
class _Vectors:
    """TF-IDF rows of the counted articles (None without any) and the feature names."""

    matrix: Any
    feature_names: Any


def _similarity(
    counted: Sequence[ArticleAnalysis], scored: Sequence[ArticleAnalysis]
) -> tuple[Similarity, _Vectors]:
    import numpy as np

    from .similarity import (
        TermCountTfidf,
        article_similarity,
        outlet_similarity,
        story_similarity,
        story_verdict,
    )

    if not counted:
        empty = np.zeros((0, 0))
        return Similarity((), empty, (), empty, story_verdict(empty, [])), _Vectors(None, None)
    vectorizer = TermCountTfidf()
    # IDF, outlet similarity and the verdict count each text once; near-duplicates are
    # still shown in the article heatmap (their near-1 similarity is the evidence).
    counted_matrix = vectorizer.fit_transform([a.term_counts for a in counted])
    outlets_of_rows = [a.article.outlet for a in counted]
    outlet_names, outlet_sims = outlet_similarity(counted_matrix, outlets_of_rows)
    # The verdict uses the statistic its thresholds were calibrated on (sublinear TF cosine,
    # no IDF: stable for two articles as for thousands); TF-IDF feeds the heatmaps.
    verdict = story_verdict(story_similarity([a.term_counts for a in counted]), outlets_of_rows)
    similarity = Similarity(
        tuple(a.article.id for a in scored),
        # counted is scored without the copies: the same rows when there are none
        article_similarity(counted_matrix if len(counted) == len(scored)
                           else vectorizer.transform([a.term_counts for a in scored])),
        tuple(outlet_names), outlet_sims, verdict,
    )
    return similarity, _Vectors(counted_matrix, vectorizer.get_feature_names_out())


def _distinguishability(
    counted: Sequence[ArticleAnalysis], vectors: _Vectors, words: _WordChoice, *, seed: int
) -> tuple[Distinguishability, ...]:
    """How well word use tells outlets apart: every pair, or each outlet against the rest
    beyond :data:`MAX_PAIRWISE_OUTLETS` outlets (self-references left out)."""
    if vectors.matrix is None:
        return ()
    import numpy as np

    from .stats.distinguish import distinguishability, one_vs_rest_distinguishability

    own = np.flatnonzero([t not in words.self_named for t in vectors.feature_names])
    features, feature_names = vectors.matrix[:, own], vectors.feature_names[own]
    labels = [a.article.outlet for a in counted]
    outlets = list(words.counts)
    if len(outlets) > MAX_PAIRWISE_OUTLETS:  # each outlet against the rest
        return one_vs_rest_distinguishability(features, labels, outlets, feature_names=feature_names, seed=seed)
    return tuple(
        distinguishability(features, labels, a, b, feature_names=feature_names, seed=seed)
        for i, a in enumerate(outlets)
        for b in outlets[i + 1 :]
    )
