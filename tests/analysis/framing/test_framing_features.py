"""FrameVectorizer follows the scikit-learn transformer contract."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from mediacompare.errors import ConfigError
from mediacompare.analysis.framing import FrameVectorizer, generic_codebook, parse_codebook
from mediacompare.analysis.framing.records import GENERIC_FRAMES, POLICY_FRAMES
from mediacompare.text import sentences

DOCS = [
    "Critics accused the minister of lying. Opponents clashed with supporters.",
    "The plan will cost $4 billion and hurt the economy. Taxes will rise.",
    "The pope said greed is a sin. The church called it immoral.",
    "Troops and missiles were moved to the border.",
]


def test_init_stores_params_only_and_clone():
    vec = FrameVectorizer(features=("generic", "policy"))
    assert vec.get_params() == {"codebook": None, "features": ("generic", "policy")}
    twin = clone(vec)
    assert twin.get_params() == vec.get_params() and twin is not vec
    with pytest.raises(NotFittedError):
        check_is_fitted(twin)


def test_transform_before_fit_raises():
    with pytest.raises(NotFittedError):
        FrameVectorizer().transform(DOCS)


def test_feature_names_and_shape():
    vec = FrameVectorizer().fit(DOCS)
    names = list(vec.get_feature_names_out())
    n_items = len(generic_codebook().items)
    assert len(names) == len(GENERIC_FRAMES) + n_items + len(POLICY_FRAMES)
    assert names[0] == "generic__responsibility" and "item__co2" in names
    X = vec.transform(DOCS)
    assert X.shape == (len(DOCS), len(names)) and X.dtype == np.float64
    assert np.all((X >= 0) & (X <= 1))
    conflict = names.index("generic__conflict")
    assert X[0, conflict] == pytest.approx(0.5)  # co1 and co2 of four conflict items
    assert X[2, names.index("generic__morality")] > 0
    assert X[3, names.index("policy__security_defense")] == pytest.approx(1.0)


def test_sentences_input_equals_text_input():
    vec = FrameVectorizer().fit([])
    np.testing.assert_array_equal(vec.transform(DOCS), vec.transform([sentences(d) for d in DOCS]))


def test_rows_do_not_depend_on_other_documents():
    vec = FrameVectorizer().fit(DOCS)
    np.testing.assert_array_equal(vec.transform(DOCS)[1:2], vec.transform(DOCS[1:2]))


def test_custom_codebook_block_and_path(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text('[frames.border]\nterms = ["border"]\n', encoding="utf-8")
    for codebook in (parse_codebook(path.read_text()), str(path)):
        vec = FrameVectorizer(codebook=codebook, features=("custom",)).fit(DOCS)
        assert list(vec.get_feature_names_out()) == ["custom__border"]
        np.testing.assert_allclose(vec.transform(DOCS)[:, 0], [0, 0, 0, 1])


def test_invalid_features_raise_config_error():
    with pytest.raises(ConfigError, match="subset"):
        FrameVectorizer(features=("nope",)).fit(DOCS)
    with pytest.raises(TypeError, match="raw texts"):
        FrameVectorizer().fit(DOCS).transform([123])


def test_explain_returns_evidence_behind_the_row():
    vec = FrameVectorizer().fit(DOCS)
    frames = vec.explain(DOCS[1])
    X = vec.transform(DOCS[1:2])
    assert X[0, 4] == pytest.approx(frames.generic["economic"].score)
    ev = frames.generic["economic"].evidence[0]
    assert DOCS[1][ev.start : ev.end].startswith("The plan will cost")


def test_in_pipeline_and_cloned_pipeline():
    y = [1, 0, 0, 0]
    pipe = Pipeline(
        [("frames", FrameVectorizer(features=("generic", "items"))), ("clf", LogisticRegression())]
    )
    pipe.fit(DOCS, y)
    assert pipe.predict(DOCS).shape == (4,)
    assert len(pipe[:-1].get_feature_names_out()) == 5 + len(generic_codebook().items)
    twin = clone(pipe).fit(DOCS, y)
    np.testing.assert_array_equal(twin.predict_proba(DOCS), pipe.predict_proba(DOCS))


def test_clone_with_codebook_object():
    cb = parse_codebook('[frames.border]\nterms = ["border"]\n')
    vec = FrameVectorizer(codebook=cb).fit(DOCS)
    twin = clone(vec)
    assert twin.codebook == cb
    np.testing.assert_array_equal(twin.fit(DOCS).transform(DOCS), vec.transform(DOCS))
