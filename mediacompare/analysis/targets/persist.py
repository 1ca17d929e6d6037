"""Safe persistence of :class:`TargetSentimentClassifier`: ``model.json`` + ``arrays.npz``.

No pickle anywhere: the JSON holds the parameters, the feature specification and provenance;
the NPZ holds plain numeric arrays (read with ``np.load(allow_pickle=False)``), including the
vocabulary as UTF-8 bytes. The NPZ is written with fixed zip timestamps, so the same model
gives byte-identical files.

Examples
--------
>>> import tempfile
>>> from mediacompare.analysis.targets import TargetSentimentClassifier
>>> items = [("We love Ann.", 8, 11), ("We hate Ann.", 8, 11)]
>>> clf = TargetSentimentClassifier(min_df=1).fit(items, [1, -1])
>>> with tempfile.TemporaryDirectory() as folder:
...     clf.save(folder)
...     again = TargetSentimentClassifier.load(folder)
>>> bool((again.predict_proba(items) == clf.predict_proba(items)).all())
True
"""

from __future__ import annotations

import hashlib
import io
import json
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..._resources import packaged, version
from ...errors import ConfigError
from ..npz import npz_bytes
from ..vader import lexicon_sha256
from .features import BLOCKS, DENSE_NAMES
from .vectorizer import TargetFeatures

if TYPE_CHECKING:
    from os import PathLike

    from .classifier import TargetSentimentClassifier

__all__ = ["FORMAT", "FORMAT_VERSION", "load_model", "read_pretrained", "save_model"]

FORMAT = "mediacompare.target_sentiment"
FORMAT_VERSION = 1
MODEL_FILE = "model.json"
ARRAYS_FILE = "arrays.npz"
_PRETRAINED = ("resources", "target_sentiment")


def _jsonable(params: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in params.items():
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, Mapping):
            value = {str(k): v for k, v in value.items()}
        out[key] = value
    return out


def save_model(
    model: TargetSentimentClassifier,
    path: str | PathLike[str],
    precision: str = "float64",
    metadata: Mapping[str, object] | None = None,
) -> None:
    """Write ``model.json`` and ``arrays.npz`` into the directory ``path`` (created if needed)."""
    if precision not in ("float64", "float32", "float16"):
        raise ValueError(f"precision must be 'float64', 'float32' or 'float16', got {precision!r}")
    features = model.features_
    names = list(features.vocabulary_)
    if any("\n" in name for name in names):  # pragma: no cover - tokens never hold newlines
        raise ValueError("feature names must not contain newlines")
    arrays = {
        "vocabulary": np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8),
        "idf": features.idf_.astype(np.float32),
        "dense_mean": features.dense_mean_.astype(np.float64),
        "dense_scale": features.dense_scale_.astype(np.float64),
        "coef": model.coef_[:-1].astype(precision),  # rows sum to zero: the last is implied
        "intercept": model.intercept_.astype(np.float64),
        "classes": model.classes_.astype(np.int64),
    }
    blob = npz_bytes(arrays)
    spec = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "mediacompare_version": version("mediacompare"),
        "scikit_learn_version": version("scikit-learn"),
        "params": _jsonable(model.get_params()),
        "classes": model.classes_.tolist(),
        "features": {
            "tokenizer": "mediacompare.text.tokenize",
            "blocks": {k: dict(zip(("idf", "sublinear_tf", "l2_norm"), v)) for k, v in BLOCKS.items()},
            "dense": list(DENSE_NAMES),
            "n_sparse": len(names),
            "n_features": len(names) + len(DENSE_NAMES),
            "lexicon": "vaderSentiment/vader_lexicon.txt",
            "lexicon_sha256": lexicon_sha256(),
        },
        "arrays": {"file": ARRAYS_FILE, "sha256": hashlib.sha256(blob).hexdigest(),
                   "coef_dtype": precision, "coef_rows": "all classes but the last (rows sum to 0)"},
        "training": dict(metadata or {}),
    }
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ARRAYS_FILE).write_bytes(blob)
    (folder / MODEL_FILE).write_text(json.dumps(spec, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _build(cls: type[TargetSentimentClassifier], read: Callable[[str], bytes], where: str):
    try:
        spec = json.loads(read(MODEL_FILE).decode("utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigError(f"{where}: cannot read {MODEL_FILE} ({error}); save the model again") from None
    if spec.get("format") != FORMAT or spec.get("format_version") != FORMAT_VERSION:
        raise ConfigError(
            f"{where}: not a target-sentiment model of format {FORMAT} v{FORMAT_VERSION} "
            f"(found {spec.get('format')!r} v{spec.get('format_version')!r})"
        )
    feats = spec["features"]
    if feats["dense"] != list(DENSE_NAMES) or set(feats["blocks"]) != set(BLOCKS):
        raise ConfigError(
            f"{where}: saved with a different feature specification (mediacompare "
            f"{spec.get('mediacompare_version')}); re-train it with this version"
        )
    if feats.get("lexicon_sha256") != lexicon_sha256():
        warnings.warn(
            f"{where}: the VADER lexicon differs from the one the model was trained with; "
            "predictions may shift slightly",
            stacklevel=3,
        )
    blob = read(spec["arrays"]["file"])
    if hashlib.sha256(blob).hexdigest() != spec["arrays"]["sha256"]:
        raise ConfigError(f"{where}: {ARRAYS_FILE} does not match {MODEL_FILE} (checksum); save again")
    with np.load(io.BytesIO(blob), allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    params = dict(spec["params"])
    params["char_range"] = tuple(params["char_range"])
    model = cls(**params)
    vocab = arrays["vocabulary"].tobytes().decode("utf-8")
    names = vocab.split("\n") if vocab else []
    rows = arrays["coef"].astype(np.float64)
    if (len(names) != feats["n_sparse"] or rows.shape[1] != feats["n_features"]
            or rows.shape[0] != len(arrays["classes"]) - 1):
        raise ConfigError(f"{where}: array sizes do not match the feature specification")
    features = TargetFeatures(**model._feature_params())
    features.vocabulary_ = {name: i for i, name in enumerate(names)}
    features.idf_ = arrays["idf"].astype(np.float64)
    features.dense_mean_ = arrays["dense_mean"].astype(np.float64)
    features.dense_scale_ = arrays["dense_scale"].astype(np.float64)
    features.n_features_out_ = feats["n_features"]
    features._set_block_arrays()
    model.features_ = features
    model.classes_ = arrays["classes"].astype(np.int64)
    model.coef_ = np.vstack([rows, -rows.sum(axis=0, keepdims=True)])
    model.intercept_ = arrays["intercept"].astype(np.float64)
    return model


def load_model(cls: type[TargetSentimentClassifier], path: str | PathLike[str]) -> TargetSentimentClassifier:
    """Load a model directory written by :func:`save_model`."""
    folder = Path(path)
    if not (folder / MODEL_FILE).is_file():
        raise ConfigError(f"{folder}: no {MODEL_FILE} here; give the directory passed to save()")
    return _build(cls, lambda name: (folder / name).read_bytes(), str(folder))


def read_pretrained(cls: type[TargetSentimentClassifier]) -> TargetSentimentClassifier:
    """Load the shipped model from package data (works from wheels and zips alike)."""
    root = packaged(*_PRETRAINED)
    if not root.joinpath(MODEL_FILE).is_file():
        raise ConfigError(
            "the shipped target-sentiment model is missing from mediacompare/resources/"
            "target_sentiment; reinstall mediacompare or run benchmarks/train_target_sentiment.py"
        )
    return _build(cls, lambda name: root.joinpath(name).read_bytes(), "mediacompare/resources/target_sentiment")
