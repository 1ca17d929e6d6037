"""The public entry point: :func:`compare` and the :class:`Comparison` users hold.

This module sits above the three floors: it runs ``comparison/`` (which runs ``analysis/``) and
gives the plain result the one-line report and DataFrame methods of ``report/``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .analysis.pipeline import AnalysisOptions
from .analysis.records import ArticleAnalysis
from .comparison.pipeline import compare_corpus
from .comparison.records import ComparisonData
from .model import Article, Corpus

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Comparison", "compare"]


@dataclass(frozen=True, repr=False)
class Comparison(ComparisonData):
    """The result of comparing articles from several outlets.

    Use :attr:`articles` / :attr:`outlets` / :attr:`sentences` / :attr:`terms` for pandas
    DataFrames, :meth:`to_html` / :meth:`to_markdown` / :meth:`to_json` / :meth:`save` for
    reports. In Jupyter the object renders as the HTML report.
    """

    @classmethod
    def of(cls, data: ComparisonData) -> Comparison:
        """Wrap plain comparison data (what :func:`compare_corpus` returns)."""
        return cls(**{f.name: getattr(data, f.name) for f in fields(ComparisonData)})
    # ------------------------------------------------------------------ DataFrames
    @property
    def articles(self) -> pd.DataFrame:
        """One row per article: metadata and sentiment scores."""
        from .report.tables import articles_frame

        return articles_frame(self)

    @property
    def outlets(self) -> pd.DataFrame:
        """One row per outlet: counts and mean scores."""
        from .report.tables import outlets_frame

        return outlets_frame(self)

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence: article, offsets, text and VADER scores."""
        from .report.tables import sentences_frame

        return sentences_frame(self)

    @property
    def terms(self) -> pd.DataFrame:
        """Distinctive terms of each outlet against all others (log-odds z-scores)."""
        from .report.tables import terms_frame

        return terms_frame(self)

    @property
    def frames(self) -> pd.DataFrame:
        """One row per article × frame (generic, policy, custom, trained model)."""
        from .report.tables import frames_frame

        return frames_frame(self)

    @property
    def actor_coverage(self) -> pd.DataFrame:
        """One row per actor × outlet: mentions, share, sentiment with interval."""
        from .report.tables import actor_coverage_frame

        return actor_coverage_frame(self)

    @property
    def actor_words(self) -> pd.DataFrame:
        """One row per actor × outlet × name or label used for the actor, with its count."""
        from .report.tables import actor_words_frame

        return actor_words_frame(self)

    @property
    def quotes(self) -> pd.DataFrame:
        """One row per quote or attribution: speaker, verb, verb class, text."""
        from .report.tables import quotes_frame

        return quotes_frame(self)

    @property
    def differences(self) -> pd.DataFrame:
        """Every tested difference between outlets with interval, p, q and verdict."""
        from .report.tables import differences_frame

        return differences_frame(self)

    # ------------------------------------------------------------------ reports
    def to_html(self) -> str:
        """The full, self-contained HTML report."""
        from .report import render_html

        return render_html(self)

    def to_markdown(self) -> str:
        """The report as GitHub-flavoured Markdown."""
        from .report import render_markdown

        return render_markdown(self)

    def to_dict(self, detail: str = "summary") -> dict[str, Any]:
        """The JSON report as plain Python data (``detail="sentences"``: every sentence,
        mention and cue too)."""
        from .report import report_data

        return report_data(self, detail)

    def to_json(self, indent: int | None = 2, detail: str = "summary") -> str:
        """The JSON report (see the README for its schema)."""
        from .report import render_json

        return render_json(self, indent=indent, detail=detail)

    def save(self, path: str | os.PathLike[str], format: str | None = None, *,
             detail: str = "summary") -> Path:
        """Write the report to ``path`` (format from the suffix unless given) atomically;
        ``detail`` is the JSON report's level."""
        from .report import save_report

        return save_report(self, Path(path), format, detail=detail)

    def _repr_html_(self) -> str:
        """The compact summary Jupyter shows inline (findings and their tests; ids prefixed)."""
        from .report.notebook import summary_html

        return summary_html(self)

    def show(self, height: int = 700):
        """The full report for a notebook cell, in an iframe (``srcdoc``) of ``height`` pixels.

        Examples
        --------
        >>> from mediacompare.model import Article
        >>> cmp = compare([Article(id="a", outlet="X", text="Peace talks resumed.")])
        >>> cmp.show()._repr_html_().startswith("<iframe")
        True
        """
        from .report import render_html
        from .report.notebook import FullReport

        return FullReport(render_html(self), height=height)

    def __repr__(self) -> str:
        return (
            f"<Comparison: {len(self.analyses)} articles from {len(self.profiles)} outlets "
            f"({', '.join(self.outlet_names)}); {self.similarity.verdict.level}>"
        )


def compare(
    data: Corpus | Sequence[Article] | Sequence[ArticleAnalysis],
    *,
    options: AnalysisOptions | None = None,
    jobs: int = 1,
    backend: str = "auto",
    top_terms: int = 15,
    min_term_count: int = 2,
    seed: int = 0,
    stories: str | Mapping[str, str] = "auto",
    progress=None,
) -> Comparison:
    """Compare articles by outlet: tone, word choice and similarity.

    Parameters
    ----------
    data : Corpus, sequence of Article or of ArticleAnalysis
        Usually the result of :func:`mediacompare.load`. Analyses are reused as they are.
    options : AnalysisOptions, optional
    jobs, backend : see :func:`mediacompare.analysis.pipeline.analyze_all`.
    top_terms : int
        Distinctive terms kept per outlet.
    min_term_count : int
        A term must occur at least this often in an outlet to count as distinctive of it.
    seed : int
        Seed of every resampling (bootstrap intervals, permutation tests): same seed, same report.
    stories : "auto", "one" or mapping of article id to story label
        How the coverage section groups articles into stories: clustered by text and date
        ("auto"), all one story ("one": you chose articles about one event), or your own
        grouping, e.g. ``dict(zip(df["id"], df["event"]))``. With "auto", articles that carry
        a story label (loaded with ``columns=Columns(story="event")``, ``--story-column``)
        are grouped by it; every article then needs one.

    Returns
    -------
    Comparison

    Examples
    --------
    >>> from mediacompare.model import Article
    >>> cmp = compare([
    ...     Article(id="a", outlet="Left", text="Protesters marched peacefully. Police stood by."),
    ...     Article(id="b", outlet="Right", text="Rioters clashed with police. Shops were looted."),
    ... ])
    >>> cmp.outlet_names
    ('Left', 'Right')
    >>> cmp.profile("Right").compound_mean < cmp.profile("Left").compound_mean
    True
    """
    return Comparison.of(
        compare_corpus(
            data, options=options, jobs=jobs, backend=backend, top_terms=top_terms,
            min_term_count=min_term_count, seed=seed, stories=stories, progress=progress,
        )
    )
