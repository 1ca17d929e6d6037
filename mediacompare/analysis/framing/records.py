"""Frozen records returned by the frame scorers.

Every score carries its evidence: the sentences (with character offsets into the article text)
and the matched cues inside them, so a report can quote and highlight what produced it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = [
    "GENERIC_FRAMES",
    "POLICY_FRAMES",
    "ArticleFrames",
    "Cue",
    "CustomFrameScore",
    "Evidence",
    "GenericFrame",
    "ItemAnswer",
    "PolicyFrame",
]

#: Keys of :attr:`ArticleFrames.generic` (Semetko & Valkenburg 2000), in report order.
GENERIC_FRAMES: tuple[str, ...] = (
    "responsibility",
    "human_interest",
    "conflict",
    "morality",
    "economic",
)

#: Keys of :attr:`ArticleFrames.policy` (Boydstun et al. Policy Frames Codebook), in codebook order.
POLICY_FRAMES: tuple[str, ...] = (
    "economic",
    "capacity_resources",
    "morality",
    "fairness_equality",
    "legality",
    "policy_prescription",
    "crime_punishment",
    "security_defense",
    "health_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_regulation",
    "other",
)


class Cue(NamedTuple):
    """One matched cue ``(start, end, text)`` with ``article_text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """A sentence that triggered a frame or item, with the cues matched inside it.

    Attributes
    ----------
    sentence_index : int
        Index of the sentence in the article (``-1`` when the evidence is the title).
    start, end : int
        Character span of the sentence in the article text (in the title for ``-1``).
    cues : tuple of Cue
        The matched cues, sorted by position.
    """

    sentence_index: int
    start: int
    end: int
    cues: tuple[Cue, ...] = ()

    @property
    def in_title(self) -> bool:
        """True when this evidence comes from the title, not the body text."""
        return self.sentence_index < 0


@dataclass(frozen=True)
class ItemAnswer:
    """The yes/no answer of one codebook question, with the sentences that answered it."""

    id: str
    question: str
    answer: bool
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class GenericFrame:
    """One Semetko & Valkenburg frame of an article.

    ``score`` is the mean of the item answers (0..1); ``present`` is ``score >= threshold``,
    with the threshold chosen on annotated development data (see ``docs/frames.md``).
    """

    name: str
    score: float
    present: bool
    threshold: float
    items: tuple[ItemAnswer, ...]
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class PolicyFrame:
    """One Policy Frames Codebook frame of an article.

    Attributes
    ----------
    share : float
        Share of the article's frame-bearing sentences whose dominant frame is this one
        (ties split evenly), so shares over all frames sum to 1 (or are all 0).
    n_sentences : int
        Sentences holding at least one cue of this frame.
    weight : float
        Sum of the matched cue weights over the article.
    evidence : tuple of Evidence
        The sentences holding cues of this frame.
    sentence_shares : tuple of float
        For each frame-bearing sentence of the article, in order, the part of it this frame
        dominates (1, 1/k for a k-way tie, or 0): ``share`` is their mean. Resampling them
        gives the within-article interval.
    """

    name: str
    share: float
    n_sentences: int
    weight: float
    evidence: tuple[Evidence, ...] = ()
    sentence_shares: tuple[float, ...] = ()


@dataclass(frozen=True)
class CustomFrameScore:
    """A user-defined frame (TOML codebook) measured in one article.

    ``share`` is the fraction of all sentences holding a cue; ``weight`` the summed cue
    weights; ``present`` is ``n_sentences >= min_sentences`` of the frame definition.
    """

    name: str
    share: float
    n_sentences: int
    weight: float
    present: bool
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ArticleFrames:
    """Generic, policy and custom frames of one article.

    The mappings are plain dicts (so results pickle across processes); treat them as
    read-only.
    """

    generic: Mapping[str, GenericFrame]
    policy: Mapping[str, PolicyFrame]
    primary_policy: str | None
    custom: Mapping[str, CustomFrameScore] = field(default_factory=dict)
    n_sentences: int = 0

    @property
    def generic_present(self) -> tuple[str, ...]:
        """Names of the generic frames judged present, in :data:`GENERIC_FRAMES` order."""
        return tuple(name for name in GENERIC_FRAMES if self.generic[name].present)
