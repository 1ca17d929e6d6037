"""Outlet-level frame profiles from mergeable per-article partials.

:class:`FrameTotals` holds sums and counts only, so totals computed in different processes (or
Dask partitions) add up with ``+``; :meth:`FrameTotals.profile` turns them into means.

Examples
--------
>>> from mediacompare.text import sentences
>>> from mediacompare.framing import score_frames
>>> a = score_frames(sentences("Critics accused the mayor. Rivals clashed. Opponents disagreed."))
>>> b = score_frames(sentences("Troops and missiles moved to the border."))
>>> totals = FrameTotals.of(a) + FrameTotals.of(b)
>>> p = totals.profile()
>>> p.n_articles, p.generic_present_rate["conflict"], p.primary_policy_counts["security_defense"]
(2, 0.5, 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .records import GENERIC_FRAMES, POLICY_FRAMES, ArticleFrames

__all__ = ["FrameProfile", "FrameTotals", "frame_profile"]


def _add(a: Mapping[str, float], b: Mapping[str, float]) -> dict[str, float]:
    return {k: a.get(k, 0) + b.get(k, 0) for k in sorted(set(a) | set(b))}


@dataclass(frozen=True)
class FrameProfile:
    """Mean frame measurements over a group of articles (e.g. one outlet)."""

    n_articles: int
    generic_mean_score: Mapping[str, float]
    generic_present_rate: Mapping[str, float]
    policy_mean_share: Mapping[str, float]
    primary_policy_counts: Mapping[str, int]
    custom_mean_share: Mapping[str, float] = field(default_factory=dict)
    custom_present_rate: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class FrameTotals:
    """Sums and counts of frame measurements: a mergeable partial (``+``)."""

    n_articles: int = 0
    generic_score: Mapping[str, float] = field(default_factory=dict)
    generic_present: Mapping[str, int] = field(default_factory=dict)
    policy_share: Mapping[str, float] = field(default_factory=dict)
    primary_policy: Mapping[str, int] = field(default_factory=dict)
    custom_share: Mapping[str, float] = field(default_factory=dict)
    custom_present: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, frames: ArticleFrames) -> FrameTotals:
        """The totals of one article."""
        return cls(
            n_articles=1,
            generic_score={k: frames.generic[k].score for k in GENERIC_FRAMES},
            generic_present={k: int(frames.generic[k].present) for k in GENERIC_FRAMES},
            policy_share={k: frames.policy[k].share for k in POLICY_FRAMES},
            primary_policy={frames.primary_policy: 1} if frames.primary_policy else {},
            custom_share={k: v.share for k, v in frames.custom.items()},
            custom_present={k: int(v.present) for k, v in frames.custom.items()},
        )

    def __add__(self, other: FrameTotals) -> FrameTotals:
        if not isinstance(other, FrameTotals):
            return NotImplemented
        return FrameTotals(
            n_articles=self.n_articles + other.n_articles,
            generic_score=_add(self.generic_score, other.generic_score),
            generic_present=_add(self.generic_present, other.generic_present),
            policy_share=_add(self.policy_share, other.policy_share),
            primary_policy=_add(self.primary_policy, other.primary_policy),
            custom_share=_add(self.custom_share, other.custom_share),
            custom_present=_add(self.custom_present, other.custom_present),
        )

    def profile(self) -> FrameProfile:
        """Means and rates (all 0.0 for an empty group)."""
        n = self.n_articles or 1

        def mean(values: Mapping[str, float], keys: Iterable[str]) -> dict[str, float]:
            return {k: values.get(k, 0) / n for k in keys}

        return FrameProfile(
            n_articles=self.n_articles,
            generic_mean_score=mean(self.generic_score, GENERIC_FRAMES),
            generic_present_rate=mean(self.generic_present, GENERIC_FRAMES),
            policy_mean_share=mean(self.policy_share, POLICY_FRAMES),
            primary_policy_counts={k: int(self.primary_policy.get(k, 0)) for k in POLICY_FRAMES},
            custom_mean_share=mean(self.custom_share, sorted(self.custom_share)),
            custom_present_rate=mean(self.custom_present, sorted(self.custom_present)),
        )


def frame_profile(articles: Iterable[ArticleFrames]) -> FrameProfile:
    """Profile of a group of articles (sum of :meth:`FrameTotals.of`, then means)."""
    totals = FrameTotals()
    for frames in articles:
        totals = totals + FrameTotals.of(frames)
    return totals.profile()
