"""TF-IDF over term counts, cosine similarities and the same-story verdict."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.decomposition import TruncatedSVD
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from mediacompare.text import ngram_counts, normalize, sentences
from mediacompare.comparison.similarity import (
    DIFFERENT_STORIES_THRESHOLD,
    SAME_STORY_THRESHOLD,
    TermCountTfidf,
    article_similarity,
    outlet_similarity,
    story_similarity,
    story_verdict,
)
from mediacompare.comparison.records import StoryVerdict

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

DOCS = [
    "missiles hit the airfield missiles again",
    "the airfield was hit by drones",
    "aid package includes missiles and drones",
    "budget talks stall in congress",
    "congress passes budget",
]


def tokens(doc: str) -> list[str]:
    return doc.split()


def counts_of(docs: list[str]) -> list[dict[str, int]]:
    return [dict(Counter(tokens(d))) for d in docs]


def counts_from_text(text: str) -> dict[str, int]:
    return ngram_counts(sentences(normalize(text)))


# --------------------------------------------------------------------------- TermCountTfidf


@pytest.mark.parametrize("sublinear_tf", [True, False])
@pytest.mark.parametrize("smooth_idf", [True, False])
@pytest.mark.parametrize("use_idf", [True, False])
@pytest.mark.parametrize("norm", ["l2", "l1", None])
@pytest.mark.parametrize("min_df", [1, 2, 0.3])
def test_equivalent_to_sklearn_tfidfvectorizer(sublinear_tf, smooth_idf, use_idf, norm, min_df):
    params = dict(  # noqa: C408
        sublinear_tf=sublinear_tf, smooth_idf=smooth_idf, use_idf=use_idf, norm=norm, min_df=min_df
    )
    ref = TfidfVectorizer(analyzer=tokens, **params)
    expected = ref.fit_transform(DOCS).toarray()
    ours = TermCountTfidf(**params)
    got = ours.fit_transform(counts_of(DOCS))
    assert got.format == "csr"
    assert list(ours.get_feature_names_out()) == list(ref.get_feature_names_out())
    np.testing.assert_allclose(got.toarray(), expected, rtol=0, atol=1e-12)
    if use_idf:
        np.testing.assert_allclose(ours.idf_, ref.idf_, rtol=0, atol=1e-12)
    # transform on new documents, unknown terms ignored
    new = ["drones hit congress", "unknown words only"]
    np.testing.assert_allclose(
        ours.transform(counts_of(new)).toarray(), ref.transform(new).toarray(), rtol=0, atol=1e-12
    )


def test_default_is_sublinear_smooth_l2():
    X = TermCountTfidf().fit_transform(counts_of(DOCS))
    ref = TfidfVectorizer(analyzer=tokens, sublinear_tf=True).fit_transform(DOCS)
    np.testing.assert_allclose(X.toarray(), ref.toarray(), atol=1e-12)
    np.testing.assert_allclose(np.sqrt(X.multiply(X).sum(axis=1)).A.ravel(), 1.0)


def test_accepts_objects_with_term_counts():
    analyses = [SimpleNamespace(term_counts=c) for c in counts_of(DOCS)]
    a = TermCountTfidf().fit_transform(analyses).toarray()
    b = TermCountTfidf().fit_transform(counts_of(DOCS)).toarray()
    np.testing.assert_array_equal(a, b)


def test_not_fitted_and_bad_input():
    tf = TermCountTfidf()
    with pytest.raises(NotFittedError):
        tf.transform([{"a": 1}])
    with pytest.raises(NotFittedError):
        tf.get_feature_names_out()
    with pytest.raises(ValueError, match="single dict"):
        tf.fit({"a": 1})
    with pytest.raises(ValueError, match=">= 0"):
        tf.fit([{"a": -1}])
    with pytest.raises(ValueError, match="mapping"):
        tf.fit(["raw text is not term counts"])
    with pytest.raises(ValueError, match="no terms"):
        tf.fit([{}, {}])
    with pytest.raises(ValueError, match="min_df"):
        TermCountTfidf(min_df=5).fit([{"a": 1}, {"b": 1}])
    with pytest.raises(ValueError, match="min_df"):
        TermCountTfidf(min_df=0).fit([{"a": 1}])
    with pytest.raises(ValueError, match="at least one"):
        tf.fit([])


def test_clone_and_params():
    tf = TermCountTfidf(min_df=2, sublinear_tf=False).fit(counts_of(DOCS))
    copy = clone(tf)
    assert copy.get_params() == tf.get_params()
    assert not hasattr(copy, "vocabulary_")
    assert "min_df" in repr(copy)
    copy.set_params(min_df=1).fit(counts_of(DOCS))
    assert len(copy.vocabulary_) > len(tf.vocabulary_)


def test_in_pipeline():
    X = counts_of(DOCS)
    y = [1, 1, 1, 0, 0]
    pipe = Pipeline([("tfidf", TermCountTfidf()), ("clf", LogisticRegression(random_state=0))])
    pipe.fit(X, y)
    assert list(pipe.predict(counts_of(["missiles and drones", "budget in congress"]))) == [1, 0]
    reduced = Pipeline([("tfidf", TermCountTfidf()), ("svd", TruncatedSVD(2, random_state=0))])
    assert reduced.fit_transform(X).shape == (5, 2)
    assert len(clone(pipe).get_params()) == len(pipe.get_params())


def test_deterministic():
    a = TermCountTfidf().fit(counts_of(DOCS))
    b = TermCountTfidf().fit([dict(reversed(list(c.items()))) for c in counts_of(DOCS)])
    assert list(a.get_feature_names_out()) == list(b.get_feature_names_out())
    np.testing.assert_array_equal(
        a.transform(counts_of(DOCS)).toarray(), b.transform(counts_of(DOCS)).toarray()
    )



@pytest.mark.parametrize("min_df", [1, 2])
def test_fit_transform_is_fit_then_transform(min_df):
    """fit_transform counts the documents once; the matrix is exactly fit(X).transform(X)."""
    docs = counts_of(DOCS)
    once = TermCountTfidf(min_df=min_df).fit_transform(docs)
    twice = TermCountTfidf(min_df=min_df).fit(docs).transform(docs)
    assert (once != twice).nnz == 0
    np.testing.assert_array_equal(once.indptr, twice.indptr)


# --------------------------------------------------------------------------- similarity


def test_article_similarity_is_cosine():
    X = TermCountTfidf().fit_transform(counts_of(DOCS))
    S = article_similarity(X)
    assert S.shape == (5, 5) and isinstance(S, np.ndarray)
    np.testing.assert_allclose(S, (X @ X.T).toarray(), atol=1e-12)
    np.testing.assert_allclose(np.diag(S), 1.0)
    np.testing.assert_allclose(S, S.T)
    assert S[0, 1] > S[0, 3] == 0.0
    assert article_similarity(np.zeros((0, 3))).shape == (0, 0)


def test_outlet_similarity_uses_normalised_centroids():
    # A: rows (1,0) and (0,1) -> centroid (0.5, 0.5) -> (1/sqrt2, 1/sqrt2)
    # B: rows (3,0) (normalised to (1,0)) -> centroid (1, 0)
    # cosine(A, B) = 1/sqrt2; C: (0,2) -> (0,1) -> cosine(A, C) = 1/sqrt2, cosine(B, C) = 0
    X = np.array([[0.0, 2.0], [1.0, 0.0], [3.0, 0.0], [0.0, 1.0]])
    names, S = outlet_similarity(X, ["C", "A", "B", "A"])
    assert names == ("A", "B", "C")
    h = 1 / math.sqrt(2)
    np.testing.assert_allclose(S, [[1, h, h], [h, 1, 0], [h, 0, 1]], atol=1e-12)


def test_outlet_similarity_sparse_and_errors():
    X = TermCountTfidf().fit_transform(counts_of(DOCS))
    names, S = outlet_similarity(X, ["war", "war", "war", "budget", "budget"])
    assert names == ("budget", "war")
    assert S[0, 1] < 0.2 and S[0, 0] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="outlet labels"):
        outlet_similarity(X, ["a"])


# --------------------------------------------------------------------------- story verdict

MISSILE_A = (
    "Ukraine fired long-range ATACMS missiles at a Russian airfield in Crimea on Tuesday, "
    "US officials said. The strike destroyed several aircraft and an air defence system. "
    "The Kremlin said the attack would not go unanswered."
)
MISSILE_B = (
    "Ukraine fired long-range ATACMS missiles at a Russian airfield in Crimea on Tuesday, "
    "according to US officials. The strike destroyed aircraft and an air defence system. "
    "The Kremlin warned that the attack would not go unanswered."
)
BAKING = (
    "The village bakery won the regional prize for its sourdough bread this weekend. "
    "Judges praised the crust and the flavour of the loaves. The baker thanked her customers."
)


def test_verdict_near_identical_is_same_story():
    sim = story_similarity([counts_from_text(MISSILE_A), counts_from_text(MISSILE_B)])
    v = story_verdict(sim, ["Outlet A", "Outlet B"])
    assert isinstance(v, StoryVerdict)
    assert v.level == "same story" and v.score > 0.5 and v.pairs == 1


def test_verdict_unrelated_is_different_stories():
    sim = story_similarity([counts_from_text(MISSILE_A), counts_from_text(BAKING)])
    v = story_verdict(sim, ["Outlet A", "Outlet B"])
    assert v.level == "different stories" and v.score < DIFFERENT_STORIES_THRESHOLD
    assert "different stories" in v.explanation
    assert f"{SAME_STORY_THRESHOLD:.2f}" in v.explanation


def test_verdict_levels_and_cross_outlet_pairs():
    sim = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.15], [0.1, 0.15, 1.0]])
    # Articles 0 and 1 are from the same outlet: only the two cross-outlet pairs count.
    v = story_verdict(sim, ["A", "A", "B"])
    assert v.pairs == 2 and v.score == pytest.approx(0.125)
    assert v.level == "related coverage"
    assert v.thresholds == (DIFFERENT_STORIES_THRESHOLD, SAME_STORY_THRESHOLD)
    one_outlet = story_verdict(sim, ["A", "A", "A"])
    assert one_outlet.pairs == 3 and "one outlet" in one_outlet.explanation
    assert story_verdict(sim, ["A", "B", "C"], same=0.05, different=0.01).level == "same story"


def test_verdict_single_and_empty():
    single = story_verdict(np.ones((1, 1)), ["A"])
    assert single.level == "single article" and math.isnan(single.score) and single.pairs == 0
    assert story_verdict(np.zeros((0, 0)), []).level == "single article"


def test_verdict_errors():
    with pytest.raises(ValueError, match="shape"):
        story_verdict(np.ones((2, 2)), ["A"])
    with pytest.raises(ValueError, match="thresholds"):
        story_verdict(np.ones((2, 2)), ["A", "B"], same=0.1, different=0.2)


def test_story_similarity_ignores_idf_and_handles_empty():
    a, b = counts_from_text(MISSILE_A), counts_from_text(MISSILE_B)
    two = story_similarity([a, b])[0, 1]
    many = story_similarity([a, b, counts_from_text(BAKING)])[0, 1]
    assert two == pytest.approx(many)  # a pair's score does not depend on the other articles
    assert story_similarity([{}, {}]).tolist() == [[0.0, 0.0], [0.0, 0.0]]


def test_seed_pair_is_related_coverage():
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(files) != 2:
        pytest.skip("../shared/seeds is not beside the repository (development data only)")
    counts = [counts_from_text(f.read_text(encoding="utf-8")) for f in files]
    v = story_verdict(story_similarity(counts), ["Meduza", "UK tabloid"])
    assert v.level == "related coverage", v.explanation
