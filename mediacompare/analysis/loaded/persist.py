"""Safe persistence of :class:`LoadedLanguageClassifier`: ``model.json`` + ``arrays.npz``.

As for the target-sentiment model: parameters, feature names and provenance in JSON; numbers
(and vocabularies, as UTF-8 bytes) in an NPZ read with ``allow_pickle=False``, written with
fixed timestamps so the same model gives byte-identical files.

Examples
--------
>>> import tempfile
>>> from mediacompare.analysis.loaded import LoadedLanguageClassifier
>>> X = ["A radical, shameful and corrupt scheme.", "The council met on Monday.",
...      "Critics slammed the disastrous plan.", "The report was published in May."] * 3
>>> clf = LoadedLanguageClassifier(inner_folds=2).fit(X, [1, 0, 1, 0] * 3)
>>> with tempfile.TemporaryDirectory() as folder:
...     clf.save(folder)
...     again = LoadedLanguageClassifier.load(folder)
>>> bool(np.allclose(again.predict_proba(X), clf.predict_proba(X)))
True
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer

from ..._resources import packaged, version
from ...errors import ConfigError
from ..vader import lexicon_sha256
from ..npz import npz_bytes
from .embeddings import word_vectors
from .lexicon import loaded_lexicon

if TYPE_CHECKING:
    from os import PathLike

    from .classifier import LoadedLanguageClassifier

__all__ = ["FORMAT", "FORMAT_VERSION", "load_model", "read_pretrained", "save_model", "shipped_sha256"]

FORMAT = "mediacompare.loaded_language"
FORMAT_VERSION = 1
MODEL_FILE = "model.json"
ARRAYS_FILE = "arrays.npz"
_PRETRAINED = ("resources", "loaded_language")


def _text_bytes(names: list[str]) -> np.ndarray:
    if any("\n" in name for name in names):  # pragma: no cover - tokens never hold newlines
        raise ValueError("feature names must not contain newlines")
    return np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8)


def _names(array: np.ndarray) -> list[str]:
    text = array.tobytes().decode("utf-8")
    return text.split("\n") if text else []


def save_model(
    model: LoadedLanguageClassifier,
    path: str | PathLike[str],
    metadata: Mapping[str, object] | None = None,
) -> None:
    """Write ``model.json`` and ``arrays.npz`` into the directory ``path`` (created if needed)."""
    word_names = list(model.word_vectorizer_.feature_names_)
    ngrams = sorted(model.tfidf_.vocabulary_, key=model.tfidf_.vocabulary_.get)
    arrays = {
        "word_features": _text_bytes(word_names),
        "word_coef": model.word_coef_.astype(np.float32),
        "ngrams": _text_bytes(ngrams),
        "idf": model.tfidf_.idf_.astype(np.float32),
        "coef": model.coef_.astype(np.float32),
    }
    blob = npz_bytes(arrays)
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in model.get_params().items()}
    spec = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "mediacompare_version": version("mediacompare"),
        "scikit_learn_version": version("scikit-learn"),
        "params": params,
        "supervised_words": bool(model.supervised_words_),
        "word_intercept": float(model.word_intercept_),
        "intercept": float(model.intercept_),
        "fingerprints": {
            "lexicon": loaded_lexicon().sha256,
            "word_vectors": word_vectors().sha256,
            "vader_lexicon": lexicon_sha256(),
            **({"shipped_model": shipped_sha256()} if model.supervised_words_ else {}),
        },
        "arrays": {"file": ARRAYS_FILE, "sha256": hashlib.sha256(blob).hexdigest()},
        "training": dict(metadata or {}),
    }
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ARRAYS_FILE).write_bytes(blob)
    (folder / MODEL_FILE).write_text(json.dumps(spec, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _build(
    cls: type[LoadedLanguageClassifier], read: Callable[[str], bytes], where: str
) -> LoadedLanguageClassifier:
    try:
        spec = json.loads(read(MODEL_FILE).decode("utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigError(f"{where}: cannot read {MODEL_FILE} ({error}); save the model again") from None
    if spec.get("format") != FORMAT or spec.get("format_version") != FORMAT_VERSION:
        raise ConfigError(
            f"{where}: not a loaded-language model of format {FORMAT} v{FORMAT_VERSION} "
            f"(found {spec.get('format')!r} v{spec.get('format_version')!r})"
        )
    prints = spec["fingerprints"]
    if prints["lexicon"] != loaded_lexicon().sha256 or prints["word_vectors"] != word_vectors().sha256:
        raise ConfigError(
            f"{where}: trained with a different loaded-language lexicon or word vectors than this "
            "mediacompare ships; re-train it (benchmarks/train_loaded_language.py)"
        )
    if spec["supervised_words"] and prints.get("shipped_model") != shipped_sha256():
        raise ConfigError(
            f"{where}: stacked on a different shipped loaded-language model than this mediacompare "
            "ships; fit it again (LoadedLanguageClassifier().fit(..., biased_words=...))"
        )
    blob = read(spec["arrays"]["file"])
    if hashlib.sha256(blob).hexdigest() != spec["arrays"]["sha256"]:
        raise ConfigError(f"{where}: {ARRAYS_FILE} does not match {MODEL_FILE} (checksum); save again")
    with np.load(io.BytesIO(blob), allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    params = dict(spec["params"])
    params["ngram_range"] = tuple(params["ngram_range"])
    model = cls(**params)
    model.supervised_words_ = spec["supervised_words"]
    words = DictVectorizer()
    words.feature_names_ = _names(arrays["word_features"])
    words.vocabulary_ = {name: i for i, name in enumerate(words.feature_names_)}
    model.word_vectorizer_ = words
    model.word_coef_ = arrays["word_coef"].astype(np.float64)
    model.word_intercept_ = float(spec["word_intercept"])
    tfidf = TfidfVectorizer(ngram_range=model.ngram_range, sublinear_tf=True)
    tfidf.vocabulary_ = {name: i for i, name in enumerate(_names(arrays["ngrams"]))}
    tfidf.idf_ = arrays["idf"].astype(np.float64)
    model.tfidf_ = tfidf
    model.coef_ = arrays["coef"].astype(np.float64)
    model.intercept_ = float(spec["intercept"])
    model.classes_ = np.array([0, 1])
    n_dense = model.coef_.shape[0] - len(tfidf.vocabulary_)
    if n_dense <= 0:
        raise ConfigError(f"{where}: array sizes do not match the feature specification")
    return model


@cache
def shipped_sha256() -> str:
    """Checksum of the shipped model's arrays: models fit on annotated words stack on it."""
    spec = json.loads(packaged(*_PRETRAINED).joinpath(MODEL_FILE).read_bytes().decode("utf-8"))
    return str(spec["arrays"]["sha256"])


def load_model(cls: type[LoadedLanguageClassifier], path: str | PathLike[str]) -> LoadedLanguageClassifier:
    """Load a model directory written by :func:`save_model`."""
    folder = Path(path)
    if not (folder / MODEL_FILE).is_file():
        raise ConfigError(f"{folder}: no {MODEL_FILE} here; give the directory passed to save()")
    return _build(cls, lambda name: (folder / name).read_bytes(), str(folder))


def read_pretrained(cls: type[LoadedLanguageClassifier]) -> LoadedLanguageClassifier:
    """Load the shipped model from package data (works from wheels and zips alike)."""
    root = packaged(*_PRETRAINED)
    if not root.joinpath(MODEL_FILE).is_file():
        raise ConfigError(
            "the shipped loaded-language model is missing from mediacompare/resources/"
            "loaded_language; reinstall mediacompare or run benchmarks/train_loaded_language.py"
        )
    return _build(cls, lambda name: root.joinpath(name).read_bytes(), "mediacompare/resources/loaded_language")
