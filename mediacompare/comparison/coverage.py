"""Corpus level coverage: duplicates, story clusters, shared vs unique sentences, figures.

Order matters and is the point of this module: near-duplicates (wire copy, syndication) are
found first so they are not counted twice; articles are grouped into stories so that
alignment compares like with like; then, per story covered by two or more outlets, sentences
are aligned and each outlet's figures are set against the others'.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..model import Article

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Sentence
    from .alignment import Alignment
    from ..analysis.records import ArticleAnalysis
    from .quantities import QuantityComparison
    from .records import StoryVerdict

__all__ = ["StoryCoverage", "CoverageComparison", "find_duplicates", "compare_coverage"]


@dataclass(frozen=True)
class StoryCoverage:
    """One story covered by two or more outlets: aligned sentences and compared figures."""

    story: str
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    alignment: Alignment
    quantities: QuantityComparison


@dataclass(frozen=True)
class CoverageComparison:
    """Stories, duplicates and, per multi-outlet story, what is shared and what is unique.

    Attributes
    ----------
    story_of : mapping article id → story id ("s01" …)
    duplicate_of : mapping article id → id of the article it repeats, or None
    stories : tuple of StoryCoverage
        Stories with at least two outlets, largest first.
    note : str
        How the stories were formed (e.g. when everything was aligned as one story).
    """

    story_of: Mapping[str, str]
    duplicate_of: Mapping[str, str | None]
    stories: tuple[StoryCoverage, ...]
    note: str = ""

    def unique(self, outlet: str):
        """Sentences only ``outlet`` reports, over all stories."""
        return tuple(ref for s in self.stories for ref in s.alignment.unique.get(outlet, ()))


def find_duplicates(analyses: Sequence[ArticleAnalysis]) -> dict[str, str | None]:
    """``article id → the id it duplicates`` (exact or near-duplicate text), else None."""
    from .stories import near_duplicates

    if len(analyses) < 2:
        return {a.article.id: None for a in analyses}
    return dict(
        near_duplicates(
            [a.sentences for a in analyses],
            [a.article.id for a in analyses],
            dates=[a.article.date for a in analyses],
        )
    )


def _actor_namer(index, analyses: Sequence[ArticleAnalysis]):
    """``sentence -> most mentioned actor in it`` for grouping unique sentences by actor."""
    by_sentence: dict[tuple[int, int], str] = {}
    for a in analyses:
        for mention in a.actors:
            actor = index.actor_id(a.article.id, mention) if index else mention.canonical
            if actor and mention.kind == "person":
                by_sentence.setdefault((id(a.sentences), mention.sentence), actor)
    owners = {id(s): id(a.sentences) for a in analyses for s in a.sentences}

    def actor_of(sentence: Sentence) -> str | None:
        # -1 is never an id(): a sentence of no analysed article names no actor
        return by_sentence.get((owners.get(id(sentence), -1), sentence.index))

    return actor_of


def check_stories(stories: object) -> None:
    """Raise :class:`ConfigError` unless ``stories`` is "auto", "one" or a mapping."""
    if not (stories in ("auto", "one") or isinstance(stories, Mapping)):
        raise ConfigError(f'stories must be "auto", "one" or a mapping of article id to story, got {stories!r}')


def given_stories(
    articles: Sequence[Article], stories: str | Mapping[str, str]
) -> str | Mapping[str, str]:
    """``stories`` as :func:`compare_coverage` takes it: with ``"auto"``, the articles' own
    story labels (:attr:`Article.story`, from a story column) when they have them.

    Examples
    --------
    >>> arts = [Article(id="a", text="…", outlet="X", story="vote"), Article(id="b", text="…", outlet="Y", story="vote")]
    >>> given_stories(arts, "auto"), given_stories(arts, "one")
    ({'a': 'vote', 'b': 'vote'}, 'one')
    """
    labelled = [a for a in articles if a.story is not None]
    if stories != "auto" or not labelled:
        return stories
    if len(labelled) < len(articles):
        missing = [a.label for a in articles if a.story is None]
        raise ConfigError(
            f"story labels for only {len(labelled)} of {len(articles)} articles (none for "
            f"{'; '.join(missing[:2])}{' …' if len(missing) > 2 else ''}): give every input a "
            "story column (--story-column) or none"
        )
    return {a.id: str(a.story) for a in articles}


def _story_labels(analyses: Sequence[ArticleAnalysis], X, stories: str | Mapping[str, str]) -> tuple[str, ...]:
    """One story label per article (see ``stories`` in :func:`compare_coverage`)."""
    from .stories import cluster_stories

    check_stories(stories)
    if isinstance(stories, str):
        if stories == "one" or len(analyses) == 1:
            return ("s01",) * len(analyses)
        return tuple(cluster_stories(X, [a.article.date for a in analyses]))
    missing = [a.article.id for a in analyses if a.article.id not in stories]
    if missing:
        raise ConfigError(
            f"no story given for {len(missing)} article(s), e.g. {', '.join(missing[:3])}: "
            "give every article a story label"
        )
    return tuple(str(stories[a.article.id]) for a in analyses)


def compare_coverage(
    analyses: Sequence[ArticleAnalysis],
    X,
    duplicate_of: Mapping[str, str | None],
    verdict: StoryVerdict,
    *,
    actor_index=None,
    stories: str | Mapping[str, str] = "auto",
) -> CoverageComparison:
    """Cluster articles into stories and align each multi-outlet story.

    Parameters
    ----------
    analyses : sequence of ArticleAnalysis
        The articles counted (duplicates already removed), rows of ``X`` in the same order.
    X : sparse matrix
        L2-normalised TF-IDF rows of ``analyses``.
    duplicate_of : mapping
        From :func:`find_duplicates` (kept in the result for reports).
    verdict : StoryVerdict
        The corpus' same-story verdict: when clustering leaves no story with two outlets but
        the articles are related coverage, all of them are aligned as one story (said in
        ``note``).
    stories : "auto", "one" or mapping of article id to story label
        How articles are grouped into stories: clustered (:func:`~mediacompare.comparison.stories.cluster_stories`),
        all one story (you chose articles about one event), or your own grouping (every
        article needs a label).
    """
    from .alignment import align_sentences
    from .quantities import compare_quantities

    if not analyses:
        return CoverageComparison({}, dict(duplicate_of), ())
    labels = _story_labels(analyses, X, stories)
    story_of = {a.article.id: s for a, s in zip(analyses, labels)}
    groups: dict[str, list[ArticleAnalysis]] = {}
    for a, s in zip(analyses, labels):
        groups.setdefault(s, []).append(a)
    multi = {s: g for s, g in groups.items() if len({a.article.outlet for a in g}) >= 2}
    note = ""
    if (
        stories == "auto"
        and not multi
        and len({a.article.outlet for a in analyses}) >= 2
        and verdict.level != "different stories"
    ):
        multi = {"all": list(analyses)}
        note = (
            "The articles did not cluster into one story (they look like related coverage), "
            "so all of them are aligned together: read “unique” as “not in the other outlets' "
            "articles”, which may be about other events."
        )
    actor_of = _actor_namer(actor_index, analyses)
    coverages: list[StoryCoverage] = []
    for story, members in sorted(multi.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        by_outlet: dict[str, list] = {}
        for a in members:
            by_outlet.setdefault(a.article.outlet, []).extend(a.quantities)
        coverages.append(
            StoryCoverage(
                story=story,
                article_ids=tuple(a.article.id for a in members),
                outlets=tuple(sorted(by_outlet)),
                alignment=align_sentences(members, actor_of=actor_of),
                quantities=compare_quantities(by_outlet),
            )
        )
    return CoverageComparison(story_of, dict(duplicate_of), tuple(coverages), note)
