"""``FrameVectorizer``: documents → frame features, as a scikit-learn transformer.

Features per document (all floats): the five generic-frame scores, the yes/no answers of
every generic item, the 15 policy-frame shares, and (with a custom codebook) each custom
frame's share of sentences. Every row can be explained: :meth:`FrameVectorizer.explain`
returns the :class:`~mediacompare.analysis.framing.records.ArticleFrames` (with evidence) behind it.

Examples
--------
>>> vec = FrameVectorizer(features=("generic",)).fit(["x"])
>>> list(vec.get_feature_names_out())  # doctest: +NORMALIZE_WHITESPACE
['generic__responsibility', 'generic__human_interest', 'generic__conflict',
 'generic__morality', 'generic__economic']
>>> X = vec.transform(["Critics accused the minister. Rivals clashed and opponents disagreed."])
>>> X.shape, float(X[0, 2])
((1, 5), 0.5)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from os import PathLike
from typing import cast

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ...errors import ConfigError
from ...model import Sentence
from ...text import sentences as split_sentences
from .codebook import Codebook, load_codebook
from .generic import generic_codebook
from .records import GENERIC_FRAMES, POLICY_FRAMES, ArticleFrames
from .score import score_frames

__all__ = ["FEATURE_BLOCKS", "FrameVectorizer", "frame_feature_names", "frame_feature_row"]

#: Feature blocks a :class:`FrameVectorizer` can produce, in output order.
FEATURE_BLOCKS = ("generic", "items", "policy", "custom")


def _as_sentences(doc: str | Sequence[Sentence]) -> Sequence[Sentence]:
    if isinstance(doc, str):
        return split_sentences(doc)
    if isinstance(doc, Sequence) and all(isinstance(s, Sentence) for s in doc):
        return cast(Sequence[Sentence], doc)  # a str was handled above
    raise TypeError(
        "FrameVectorizer expects raw texts (str) or sentences from mediacompare.text.sentences,"
        f" got {type(doc).__name__}"
    )


def frame_feature_names(blocks: Sequence[str], codebook: Codebook | None = None) -> list[str]:
    """Names of the features of ``blocks`` (see :data:`FEATURE_BLOCKS`).

    Examples
    --------
    >>> frame_feature_names(("policy",))[:2]
    ['policy__economic', 'policy__capacity_resources']
    """
    names: list[str] = []
    if "generic" in blocks:
        names += [f"generic__{f}" for f in GENERIC_FRAMES]
    if "items" in blocks:
        names += [f"item__{item.id}" for item in generic_codebook().items]
    if "policy" in blocks:
        names += [f"policy__{f}" for f in POLICY_FRAMES]
    if "custom" in blocks and codebook is not None:
        names += [f"custom__{f.name}" for f in codebook.frames]
    return names


def frame_feature_row(frames: ArticleFrames, blocks: Sequence[str]) -> list[float]:
    """One document's feature values, in the order of :func:`frame_feature_names`."""
    row: list[float] = []
    if "generic" in blocks:
        row += [frames.generic[f].score for f in GENERIC_FRAMES]
    if "items" in blocks:
        row += [float(a.answer) for f in GENERIC_FRAMES for a in frames.generic[f].items]
    if "policy" in blocks:
        row += [frames.policy[f].share for f in POLICY_FRAMES]
    if "custom" in blocks:
        row += [score.share for score in frames.custom.values()]
    return row


class FrameVectorizer(TransformerMixin, BaseEstimator):
    """Turn documents into frame features (generic scores, item answers, policy shares).

    Parameters
    ----------
    codebook : Codebook, str or path-like, optional
        Custom frames (a :class:`~mediacompare.analysis.framing.codebook.Codebook` or the path of a
        TOML file, loaded by :meth:`fit`); adds one ``custom__<name>`` feature per frame.
    features : tuple of str, optional
        Which blocks of :data:`FEATURE_BLOCKS` to output; default all (``custom`` only when a
        codebook is given).

    Attributes
    ----------
    codebook_ : Codebook or None
        The loaded custom codebook.
    feature_names_out_ : ndarray of str
        Output feature names.

    Notes
    -----
    Documents are raw strings or the sentence tuples of :func:`mediacompare.text.sentences`
    (pass those to avoid splitting twice). Nothing is learned from the corpus: ``fit`` only
    validates the parameters, so each row depends on its own document alone.
    """

    def __init__(
        self,
        codebook: Codebook | str | PathLike[str] | None = None,
        features: Sequence[str] | None = None,
    ) -> None:
        self.codebook = codebook
        self.features = features

    def _blocks(self) -> tuple[str, ...]:
        blocks = tuple(self.features) if self.features is not None else FEATURE_BLOCKS
        unknown = [b for b in blocks if b not in FEATURE_BLOCKS]
        if unknown or not blocks:
            raise ConfigError(
                f"FrameVectorizer features must be a non-empty subset of {FEATURE_BLOCKS}, "
                f"got {blocks!r}"
            )
        return tuple(b for b in FEATURE_BLOCKS if b in blocks)

    def fit(self, X: Iterable | None = None, y: object = None) -> FrameVectorizer:
        """Validate parameters and load the codebook (no corpus statistics are learned)."""
        if self.codebook is None or isinstance(self.codebook, Codebook):
            self.codebook_ = self.codebook
        else:
            self.codebook_ = load_codebook(self.codebook)
        self.blocks_ = self._blocks()
        self.feature_names_out_ = np.asarray(
            frame_feature_names(self.blocks_, self.codebook_), dtype=object
        )
        return self

    def frames(self, X: Iterable) -> list[ArticleFrames]:
        """The full frame analysis (with evidence) of each document."""
        check_is_fitted(self, "feature_names_out_")
        return [score_frames(_as_sentences(doc), codebook=self.codebook_) for doc in X]

    def explain(self, doc: str | Sequence[Sentence], title: str | None = None) -> ArticleFrames:
        """The frame analysis behind one row: scores, item answers and evidence sentences.

        Examples
        --------
        >>> vec = FrameVectorizer().fit([])
        >>> text = "We must act now. The plan costs $3 billion and will cost jobs."
        >>> ev = vec.explain(text).generic["economic"].evidence[0]
        >>> text[ev.start:ev.end]
        'The plan costs $3 billion and will cost jobs.'
        """
        check_is_fitted(self, "feature_names_out_")
        return score_frames(_as_sentences(doc), title=title, codebook=self.codebook_)

    def transform(self, X: Iterable) -> np.ndarray:
        """Frame features, shape ``(n_documents, n_features)``."""
        check_is_fitted(self, "feature_names_out_")
        rows = [frame_feature_row(frames, self.blocks_) for frames in self.frames(X)]
        out = np.asarray(rows, dtype=np.float64)
        return out.reshape(len(rows), len(self.feature_names_out_))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        """Output feature names (``generic__<frame>``, ``item__<id>``, ``policy__<frame>``,
        ``custom__<name>``)."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = True
        return tags
