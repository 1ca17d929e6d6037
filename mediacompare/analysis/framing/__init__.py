"""Framing: how a story is told, measured with two codebooks and user-defined frames.

* Generic news frames (Semetko & Valkenburg 2000) — responsibility, human interest, conflict,
  morality, economic — as item-level yes/no detectors (:mod:`.generic`).
* Policy frames (Boydstun et al. Policy Frames Codebook) — 14 frames + other — as sentence-level
  lexicons (:mod:`.policy`).
* Custom frames from a TOML file (:mod:`.codebook`).
* A trainable multi-label :class:`FrameClassifier` and the :class:`FrameVectorizer`
  transformer (scikit-learn; imported lazily so ``import mediacompare.analysis.framing`` stays fast).

Every score keeps its evidence: sentence spans and matched cues with offsets into the text.

Examples
--------
>>> from mediacompare.text import sentences
>>> frames = score_frames(sentences("Opponents accused the government of lying about costs."))
>>> sorted(frames.generic) == sorted(GENERIC_FRAMES)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .codebook import Codebook, CustomFrame, load_codebook, parse_codebook
from .generic import generic_codebook
from .policy import policy_codebook
from .records import (
    GENERIC_FRAMES,
    POLICY_FRAMES,
    ArticleFrames,
    Cue,
    CustomFrameScore,
    Evidence,
    GenericFrame,
    ItemAnswer,
    PolicyFrame,
)
from .score import score_custom, score_frames

if TYPE_CHECKING:  # pragma: no cover
    from .classifier import FrameClassifier
    from .features import FrameVectorizer
    from .training import LabelScore, TrainingResult, train_frame_classifier

__all__ = [
    "GENERIC_FRAMES",
    "POLICY_FRAMES",
    "ArticleFrames",
    "Codebook",
    "Cue",
    "CustomFrame",
    "CustomFrameScore",
    "Evidence",
    "FrameClassifier",
    "FrameVectorizer",
    "GenericFrame",
    "ItemAnswer",
    "LabelScore",
    "PolicyFrame",
    "TrainingResult",
    "generic_codebook",
    "load_codebook",
    "parse_codebook",
    "policy_codebook",
    "score_custom",
    "score_frames",
    "train_frame_classifier",
]

_LAZY = {
    "FrameVectorizer": ".features",
    "FrameClassifier": ".classifier",
    "train_frame_classifier": ".training",
    "TrainingResult": ".training",
    "LabelScore": ".training",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
