"""FrameClassifier: estimator contract, multi-label predictions, safe save/load (no pickle)."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils.validation import check_is_fitted

from mediacompare.errors import ConfigError
from mediacompare.analysis.framing import FrameClassifier

CONFLICT = [
    "Critics attacked the plan.",
    "Rivals clashed over the vote.",
    "Opponents accused the mayor of lying.",
    "The senators fought bitterly.",
]
ECONOMY = [
    "The plan costs $2 billion.",
    "Taxes and prices rose sharply.",
    "Jobs were lost as the economy shrank.",
    "Profits fell by a third.",
]
TEXTS = CONFLICT + ECONOMY + ["Critics say the $5 billion plan hurts jobs.", "It rained."]
Y = np.array([[1, 0]] * 4 + [[0, 1]] * 4 + [[1, 1], [0, 0]])
NEW = ["Opponents attacked the senator.", "Costs rose by $5 billion.", "The sun shone."]


@pytest.fixture(scope="module")
def fitted():
    return FrameClassifier(labels=("conflict", "economic"), min_df=1).fit(TEXTS, Y)


def test_init_only_stores_params_and_clone():
    clf = FrameClassifier(labels=("a", "b"), C=0.5)
    assert clf.get_params()["C"] == 0.5 and clf.get_params()["labels"] == ("a", "b")
    twin = clone(clf)
    assert twin.get_params() == clf.get_params()
    with pytest.raises(NotFittedError):
        check_is_fitted(twin)
    with pytest.raises(NotFittedError):
        twin.predict(["x"])


def test_predict_and_proba_shapes(fitted):
    proba = fitted.predict_proba(NEW)
    assert proba.shape == (3, 2) and np.all((proba > 0) & (proba < 1))
    pred = fitted.predict(NEW)
    assert pred.dtype.kind == "i" and set(np.unique(pred)) <= {0, 1}
    assert pred[0].tolist() == [1, 0] and pred[1].tolist() == [0, 1]
    assert fitted.labels_ == ["conflict", "economic"]
    assert list(fitted.classes_) == ["conflict", "economic"]
    assert 0.0 <= fitted.score(TEXTS, Y) <= 1.0


def test_labels_from_dataframe_columns():
    import pandas as pd

    clf = FrameClassifier(min_df=1).fit(TEXTS, pd.DataFrame(Y, columns=["co", "ec"]))
    assert clf.labels_ == ["co", "ec"]


def test_single_class_label_gives_constant_prediction():
    Y3 = np.column_stack([Y, np.zeros(len(Y), dtype=int)])
    clf = FrameClassifier(min_df=1).fit(TEXTS, Y3)
    assert clf.predict(NEW)[:, 2].tolist() == [0, 0, 0]


def test_bad_targets():
    with pytest.raises(ValueError, match="0/1"):
        FrameClassifier().fit(TEXTS, np.full((10, 2), 2))
    with pytest.raises(ValueError, match="documents"):
        FrameClassifier().fit(TEXTS[:3], Y)


def test_in_pipeline_and_clone_refit_is_identical(fitted):
    pipe = Pipeline(
        [
            ("lower", FunctionTransformer(lambda xs: [x.lower() for x in xs])),
            ("clf", FrameClassifier(min_df=1)),
        ]
    )
    pipe.fit(TEXTS, Y)
    assert pipe.predict(NEW).shape == (3, 2)
    again = clone(fitted).fit(TEXTS, Y)
    np.testing.assert_array_equal(again.predict_proba(NEW), fitted.predict_proba(NEW))


def test_save_load_round_trip_without_pickle(fitted, tmp_path):
    folder = fitted.save(tmp_path / "model")
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["arrays.npz", "model.json"]
    meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    assert meta["format"] == "mediacompare-frame-classifier"
    assert meta["labels"] == ["conflict", "economic"]
    assert "mediacompare_version" in meta and meta["vocabulary"] == fitted.vocabulary_
    # plain numpy arrays, loadable with pickling disabled; no pickled members in the archive
    with np.load(folder / "arrays.npz", allow_pickle=False) as arrays:
        assert set(arrays.files) == {"idf", "coef", "intercept"}
        assert all(arrays[k].dtype != object for k in arrays.files)
    with zipfile.ZipFile(folder / "arrays.npz") as zf:
        assert all(name.endswith(".npy") for name in zf.namelist())
    for path in folder.iterdir():
        assert b"\x80\x04\x95" not in path.read_bytes()  # no pickle protocol-4 stream
    loaded = FrameClassifier.load(folder)
    np.testing.assert_array_equal(loaded.predict_proba(NEW), fitted.predict_proba(NEW))
    np.testing.assert_array_equal(loaded.predict(TEXTS), fitted.predict(TEXTS))
    assert loaded.get_params() == fitted.get_params()
    assert FrameClassifier.load(folder / "model.json").labels_ == fitted.labels_


def test_load_errors(fitted, tmp_path):
    with pytest.raises(ConfigError, match="no frame model"):
        FrameClassifier.load(tmp_path / "missing")
    folder = fitted.save(tmp_path / "m")
    meta = json.loads((folder / "model.json").read_text())
    (folder / "model.json").write_text(json.dumps({**meta, "format_version": 99}))
    with pytest.raises(ConfigError, match="retrain"):
        FrameClassifier.load(folder)
    (folder / "model.json").write_text(json.dumps({**meta, "vocabulary": meta["vocabulary"][:-1]}))
    with pytest.raises(ConfigError, match="damaged"):
        FrameClassifier.load(folder)
    (folder / "model.json").write_text("{not json")
    with pytest.raises(ConfigError, match="not a mediacompare frame model"):
        FrameClassifier.load(folder)
    (tmp_path / "file").write_text("x")
    with pytest.raises(ConfigError, match="not a folder"):
        fitted.save(tmp_path / "file")


def test_analysed_path_matches_text_path(fitted):
    from mediacompare.analysis.framing import score_frames
    from mediacompare.analysis.framing.classifier import analyse_document
    from mediacompare.text import sentences

    sents = sentences(NEW[0])
    via_frames = fitted.predict_proba_analysed([analyse_document(sents, score_frames(sents))])
    np.testing.assert_array_equal(via_frames, fitted.predict_proba(NEW[:1]))
    np.testing.assert_array_equal(fitted.predict_proba([sents]), fitted.predict_proba(NEW[:1]))
