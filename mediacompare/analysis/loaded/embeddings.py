"""Word vectors that let the loaded-language model generalise beyond the words it was trained on.

64-dimensional unit vectors for about 27,000 words, from a truncated SVD of the positive PMI
matrix of word co-occurrences (window 4) in the AllSides news articles of Baly et al. (2020,
Apache-2.0), built by ``benchmarks/train_loaded_language.py`` and stored as int8 (no pickle).
Words the writer chose (*slammed*) sit beside their neighbours (*blasted*, *lambasted*), so a
weight learned for one reaches the others.

Examples
--------
>>> vectors = word_vectors()
>>> vectors.dim, "slammed" in vectors.index
(64, True)
>>> bool(vectors.similarity("slammed", "blasted") > vectors.similarity("slammed", "said"))
True
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import cache

import numpy as np

from ..._resources import read_bytes

__all__ = ["WordVectors", "word_vectors"]

_PARTS = ("resources", "loaded_language", "embeddings.npz")
#: int8 vectors are stored as round(vector * SCALE).
SCALE = 127.0


@dataclass(frozen=True, eq=False)
class WordVectors:
    """Lower-cased word → row of ``matrix`` (float32 unit vectors)."""

    index: dict[str, int]
    matrix: np.ndarray
    sha256: str

    @property
    def dim(self) -> int:
        return int(self.matrix.shape[1])

    def vector(self, word: str) -> np.ndarray | None:
        row = self.index.get(word)
        return None if row is None else self.matrix[row]

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two known words (0.0 when either is unknown)."""
        va, vb = self.vector(a), self.vector(b)
        return 0.0 if va is None or vb is None else float(va @ vb)


def encode(vocabulary: list[str], matrix: np.ndarray) -> dict[str, np.ndarray]:
    """The arrays :func:`word_vectors` reads: UTF-8 vocabulary bytes and int8 vectors."""
    return {
        "vocabulary": np.frombuffer("\n".join(vocabulary).encode("utf-8"), dtype=np.uint8),
        "vectors": np.clip(np.rint(matrix * SCALE), -127, 127).astype(np.int8),
    }


@cache
def word_vectors() -> WordVectors:
    """The packaged vectors, read once per process."""
    blob = read_bytes(*_PARTS)
    with np.load(io.BytesIO(blob), allow_pickle=False) as npz:
        words = npz["vocabulary"].tobytes().decode("utf-8").split("\n")
        matrix = npz["vectors"].astype(np.float32) / SCALE
    matrix.flags.writeable = False
    return WordVectors({w: i for i, w in enumerate(words)}, matrix, hashlib.sha256(blob).hexdigest())
