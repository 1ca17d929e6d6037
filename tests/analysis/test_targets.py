"""Tests of mediacompare.analysis.targets: estimator contract, shipped model, persistence, evaluation."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from mediacompare.errors import MediaCompareError
from mediacompare.analysis.records import TargetSentiment
from mediacompare.analysis.targets import (
    SpanError,
    TargetFeatures,
    TargetSentimentClassifier,
    score_mentions,
)
from mediacompare.text import sentences

# A tiny labelled set: the same frames around different names.
_PRAISE = ["Voters praised {} for the brave and honest work.", "Analysts hailed {} as a great leader."]
_CONDEMN = ["Critics condemned {} for the corrupt, disastrous deal.", "Protesters attacked {} as a liar."]
_NEUTRAL = ["{} met officials in Geneva on Tuesday.", "{} will travel to Brussels next week."]
_NAMES = ["Smith", "Jones", "Garcia", "Okafor"]


def _item(template: str, name: str) -> tuple[str, int, int]:
    sentence = template.format(name)
    start = sentence.index(name)
    return sentence, start, start + len(name)


def _tiny() -> tuple[list[tuple[str, int, int]], list[int]]:
    items, labels = [], []
    for name in _NAMES:
        for templates, label in ((_PRAISE, 1), (_CONDEMN, -1), (_NEUTRAL, 0)):
            for template in templates:
                items.append(_item(template, name))
                labels.append(label)
    return items, labels


@pytest.fixture(scope="module")
def tiny_model() -> TargetSentimentClassifier:
    items, labels = _tiny()
    return TargetSentimentClassifier(min_df=1, C=10.0).fit(items, labels)


@pytest.fixture(scope="module")
def pretrained() -> TargetSentimentClassifier:
    return TargetSentimentClassifier.pretrained()


# --------------------------------------------------------------------------- contract


def test_init_stores_params_only_and_clone_works():
    clf = TargetSentimentClassifier(C=0.3, window=2, weights={"ch": 0.5})
    assert clf.get_params()["C"] == 0.3 and clf.get_params()["weights"] == {"ch": 0.5}
    assert not [k for k in vars(clf) if k.endswith("_")]
    copy = clone(clf)
    assert copy.get_params() == clf.get_params() and copy is not clf


def test_not_fitted_raises():
    clf = TargetSentimentClassifier()
    with pytest.raises(NotFittedError):
        check_is_fitted(clf)
    with pytest.raises(NotFittedError):
        clf.predict([("Smith spoke.", 0, 5)])
    with pytest.raises(NotFittedError):
        TargetFeatures().transform([("Smith spoke.", 0, 5)])


def test_clone_of_fitted_is_unfitted(tiny_model):
    with pytest.raises(NotFittedError):
        check_is_fitted(clone(tiny_model))


def test_pipeline_with_features_and_plain_classifier():
    from sklearn.linear_model import LogisticRegression

    items, labels = _tiny()
    pipe = Pipeline([("features", TargetFeatures(min_df=1)), ("lr", LogisticRegression(C=10))])
    pipe.fit(items, labels)
    assert pipe.score(items, labels) == 1.0
    names = pipe.named_steps["features"].get_feature_names_out()
    assert pipe.named_steps["features"].transform(items[:2]).shape == (2, len(names))
    assert "win|L1_praised" in set(names) and not any("smith" in n for n in names if n.startswith("w|"))


def test_classifier_inside_pipeline():
    items, labels = _tiny()
    pipe = Pipeline([("clf", TargetSentimentClassifier(min_df=1, C=10.0))]).fit(items, labels)
    assert set(pipe.predict(items)) <= {-1, 0, 1}


def test_predict_labels_and_probabilities(tiny_model):
    items, labels = _tiny()
    predicted = tiny_model.predict(items)
    assert predicted.tolist() == labels  # separable training data
    proba = tiny_model.predict_proba(items)
    assert proba.shape == (len(items), 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert tiny_model.classes_.tolist() == [-1, 0, 1]
    unseen = [_item("Critics condemned {} for the corrupt, disastrous deal.", "Nakamura"),
              _item("Voters praised {} for the brave and honest work.", "Nakamura")]
    assert tiny_model.predict(unseen).tolist() == [-1, 1]


def test_empty_input(tiny_model):
    assert tiny_model.predict([]).shape == (0,)
    assert tiny_model.predict_proba([]).shape == (0, 3)


def test_dataframe_input(tiny_model):
    pd = pytest.importorskip("pandas")
    items, _ = _tiny()
    frame = pd.DataFrame(items, columns=["sentence", "start", "end"])
    assert tiny_model.predict(frame).tolist() == tiny_model.predict(items).tolist()


def test_binary_refit_gives_two_columns():
    items, labels = _tiny()
    keep = [i for i, label in enumerate(labels) if label != 0]
    clf = TargetSentimentClassifier(min_df=1, C=10.0).fit([items[i] for i in keep], [labels[i] for i in keep])
    assert clf.classes_.tolist() == [-1, 1]
    proba = clf.predict_proba([items[i] for i in keep])
    assert proba.shape == (len(keep), 2)
    assert clf.predict([items[i] for i in keep]).tolist() == [labels[i] for i in keep]


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    "item, message",
    [
        (("Smith spoke.", 5, 2), "not inside the sentence"),
        (("Smith spoke.", 0, 40), "not inside the sentence"),
        (("Smith spoke.", -1, 3), "not inside the sentence"),
        (("Smith spoke.", 3, 3), "not inside the sentence"),
        (("Smith  spoke.", 5, 7), "white space"),
        (("Smith spoke.", 0.5, 3), "must be an int"),
        ((b"Smith spoke.", 0, 5), "must be a str"),
        (("Smith spoke.", 0), "triple"),
    ],
)
def test_bad_spans_raise_clear_value_error(tiny_model, item, message):
    with pytest.raises(ValueError, match=message) as info:
        tiny_model.predict([("Fine one.", 0, 4), item])
    assert isinstance(info.value, SpanError) and isinstance(info.value, MediaCompareError)
    assert "mention 1" in str(info.value)


def test_bad_labels_raise(tiny_model):
    items, _ = _tiny()
    with pytest.raises(ValueError, match="labels must be"):
        TargetSentimentClassifier().fit(items[:2], [1, 2])
    with pytest.raises(ValueError, match="two different labels"):
        TargetSentimentClassifier().fit(items[:2], [1, 1])
    with pytest.raises(ValueError, match="unknown feature blocks"):
        TargetSentimentClassifier(weights={"nope": 1.0}).fit(items[:2], [1, -1])


# --------------------------------------------------------------------------- persistence


def test_save_load_round_trip_is_identical(tiny_model, tmp_path):
    items, _ = _tiny()
    tiny_model.save(tmp_path / "m")
    with np.load(tmp_path / "m" / "arrays.npz", allow_pickle=False) as npz:
        assert {"coef", "vocabulary", "idf"} <= set(npz.files)
    spec = json.loads((tmp_path / "m" / "model.json").read_text())
    assert spec["format"] == "mediacompare.target_sentiment" and spec["params"]["C"] == 10.0
    assert spec["mediacompare_version"] and spec["features"]["tokenizer"]
    loaded = TargetSentimentClassifier.load(tmp_path / "m")
    assert loaded.get_params() == tiny_model.get_params()
    np.testing.assert_array_equal(loaded.predict_proba(items), tiny_model.predict_proba(items))
    assert loaded.predict(items).tolist() == tiny_model.predict(items).tolist()


def test_save_is_byte_deterministic(tiny_model, tmp_path):
    tiny_model.save(tmp_path / "a")
    tiny_model.save(tmp_path / "b")
    for name in ("model.json", "arrays.npz"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    with zipfile.ZipFile(tmp_path / "a" / "arrays.npz") as archive:
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())


def test_load_rejects_tampered_or_missing_files(tiny_model, tmp_path):
    with pytest.raises(MediaCompareError, match="no model.json"):
        TargetSentimentClassifier.load(tmp_path / "nothing")
    tiny_model.save(tmp_path / "m")
    path = tmp_path / "m" / "arrays.npz"
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(MediaCompareError, match="checksum"):
        TargetSentimentClassifier.load(tmp_path / "m")


# --------------------------------------------------------------------------- the shipped model


def test_pretrained_loads_offline_and_is_sensible(pretrained):
    check_is_fitted(pretrained)
    assert pretrained.classes_.tolist() == [-1, 0, 1]
    s = "Critics condemned Smith for the corrupt, disastrous deal, while voters praised Jones as a hero."
    praised = "The committee praised Garcia for her courageous, honest leadership."
    neutral = "Garcia will travel to Brussels on Tuesday."
    items = [(s, 18, 23), (s, 79, 84), (praised, 22, 28), (neutral, 0, 6)]
    assert pretrained.predict(items).tolist() == [-1, 1, 1, 0]
    proba = pretrained.predict_proba(items)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert proba[0, 0] > 0.5 and proba[2, 2] > 0.5


def test_pretrained_calls_are_independent(pretrained):
    a = TargetSentimentClassifier.pretrained()
    items, labels = _tiny()
    a.set_params(min_df=1).fit(items, labels)  # re-fit on user data
    assert a.predict(items).tolist() == labels
    b = TargetSentimentClassifier.pretrained()
    assert b.get_params()["min_df"] == pretrained.get_params()["min_df"]
    assert len(b.features_.vocabulary_) == len(pretrained.features_.vocabulary_) > 1000


def test_pretrained_round_trip(pretrained, tmp_path):
    items, _ = _tiny()
    pretrained.save(tmp_path / "p", precision="float16")
    again = TargetSentimentClassifier.load(tmp_path / "p")
    np.testing.assert_array_equal(again.predict_proba(items), pretrained.predict_proba(items))


def test_explain_names_context_not_target(pretrained):
    s = "Critics condemned Smith for the corrupt, disastrous deal."
    top = pretrained.explain((s, 18, 23), top=5)
    assert set(top) == {-1, 0, 1}
    names = [name for name, _ in top[-1]]
    assert any("condemn" in n or "corrupt" in n or "disastrous" in n or n.startswith("lex|N") for n in names)
    assert not any("smith" in n.lower() for n, _ in top[-1])


def test_score_mentions_uses_article_offsets(pretrained):
    text = "Voters praised Smith. Critics condemned Smith for the corrupt, disastrous deal."
    spans = [(15, 20), (40, 45)]
    results = score_mentions(sentences(text), spans, model=pretrained)
    assert [type(r) for r in results] == [TargetSentiment, TargetSentiment]
    assert [r.label for r in results] == [1, -1]
    assert results[1].score < 0 < results[0].score
    assert abs(results[0].negative + results[0].neutral + results[0].positive - 1) < 1e-9
    direct = pretrained.predict_proba([("Critics condemned Smith for the corrupt, disastrous deal.", 18, 23)])
    np.testing.assert_allclose([results[1].negative, results[1].neutral, results[1].positive], direct[0])
    assert score_mentions(sentences(text), []) == ()
    with pytest.raises(SpanError, match="not inside one sentence"):
        score_mentions(sentences(text), [(15, 30)], model=pretrained)


# --------------------------------------------------------------------------- evaluation


def test_dev_rw_macro_f1_above_floor(pretrained, shared_data):
    from sklearn.metrics import f1_score

    path = shared_data / "newsmtsc" / "dev-rw.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found (NewsMTSC development data)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [(r["sentence"], r["from"], r["to"]) for r in rows]
    labels = [r["polarity"] for r in rows]
    f1m = f1_score(labels, pretrained.predict(items), average="macro")
    assert f1m >= 0.66, f"dev-rw macro-F1 {f1m:.3f} fell below the floor"


@pytest.mark.parametrize(
    "text, target, negated",
    [
        ("Smith did not praise them.", "Smith", True),
        ("Not Smith, good.", "Smith", False),  # the comma ends the scope
        ("Not Smith good.", "Smith", True),  # the target does not count as a word
        ("Not a b Smith c good.", "Smith", False),  # three words on, the scope is over
        ("Not a b Smith good.", "Smith", True),
    ],
)
def test_lexicon_negation_skips_the_target(text, target, negated):
    from mediacompare.analysis.targets.features import featurize, mention

    start = text.index(target)
    sparse, _ = featurize(mention(text, start, start + len(target)))
    good = {k for k in sparse if k.startswith("lex|") and k.endswith("_clause")}
    # "good" and "praise" have a positive valence; negated, it turns negative
    assert any(k.startswith("lex|N") for k in good) == negated


def test_sparse_matrix_matches_the_feature_dicts(pretrained):
    """The batch matrix holds, entry for entry, what featurize gives each mention."""
    from mediacompare.analysis.targets.features import mention
    from mediacompare.analysis.targets.vectorizer import TargetFeatures

    text = "Critics condemned Smith, and Jones did not praise Smith: \u201cbad, bad deal\u201d, said Lee."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Smith", "Jones", "Lee")]
    features = pretrained.features_
    mentions = [mention(text, s, e) for s, e in spans]
    fast = features.transform(mentions).toarray()
    one_by_one = np.vstack([features.transform([m]).toarray() for m in mentions])
    assert np.array_equal(fast, one_by_one)
    vocab = features.vocabulary_
    rows, _ = TargetFeatures._featurize(features, mentions)
    for i, row in enumerate(rows):
        known = {vocab[k] for k in row if k in vocab}
        assert known == set(np.flatnonzero(fast[i, : len(vocab)]))
