"""Tests for mediacompare.comparison.stats: intervals, permutation tests, BH, distinguishability."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest

from mediacompare.comparison.stats import (
    VERDICT_NOISE,
    VERDICT_REAL,
    VERDICT_TOO_FEW,
    benjamini_hochberg,
    compare_groups,
    compare_metrics,
    distinguishability,
    outlet_estimate,
    with_q_values,
)
from mediacompare.comparison.stats._resample import (
    bootstrap_means,
    random_subsets,
    rng_for,
    subset_sums,
)
from mediacompare.comparison.stats.differences import METHOD_SENTENCE_TEST
from mediacompare.comparison.stats.distinguish import _ridge_scores, roc_auc_columns
from mediacompare.comparison.stats.intervals import (
    METHOD_ARTICLES,
    METHOD_BINOMIAL,
    METHOD_NO_VARIATION,
    METHOD_NONE,
    METHOD_SENTENCES,
    METHOD_TOO_FEW,
)

# --------------------------------------------------------------------------- BH


def test_bh_matches_hand_computed_fdr_bh():
    # m = 8; m*p/i = .008 .032 .104 .082 .0672 .08 .084571 .205, then running min from the right.
    p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205]
    expected = [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.074 * 8 / 7, 0.205]
    assert np.allclose(benjamini_hochberg(p), expected)


def test_bh_unsorted_input_nan_and_cap():
    # sorted: .01 (x4/1=.04) .03 (x4/2=.06) .04 (x4/3=.0533) .9 (x4/4=.9) -> .04 .0533 .0533 .9
    q = benjamini_hochberg([0.9, 0.03, float("nan"), 0.01, 0.04])
    assert math.isnan(q[2])
    assert np.allclose(q[[0, 1, 3, 4]], [0.9, 0.04 * 4 / 3, 0.04, 0.04 * 4 / 3])
    assert benjamini_hochberg([0.6, 0.7]).tolist() == [0.7, 0.7]
    assert benjamini_hochberg([0.99, 0.98, 0.97]).max() <= 1.0
    assert benjamini_hochberg([]).shape == (0,)


# --------------------------------------------------------------------------- intervals


def test_outlet_estimate_is_deterministic_and_seeded():
    x = np.random.default_rng(3).normal(0.1, 0.3, size=40)
    assert outlet_estimate(x) == outlet_estimate(x)
    assert outlet_estimate(x, seed=1) != outlet_estimate(x)
    assert outlet_estimate(x, key="A") != outlet_estimate(x, key="B")


def test_interval_contains_mean_and_shrinks_with_n():
    rng = np.random.default_rng(0)
    small = outlet_estimate(rng.normal(0, 1, size=20))
    large = outlet_estimate(rng.normal(0, 1, size=500))
    for e in (small, large):
        assert e.method == METHOD_ARTICLES
        assert e.ci_low < e.value < e.ci_high
    assert large.ci_high - large.ci_low < 0.5 * (small.ci_high - small.ci_low)


def test_interval_coverage_is_near_nominal():
    rng = np.random.default_rng(42)
    hits = 0
    for i in range(200):
        x = rng.exponential(1.0, size=40)  # skewed, true mean 1
        e = outlet_estimate(x, n_boot=1000, seed=i)
        hits += e.ci_low <= 1.0 <= e.ci_high
    assert 0.88 <= hits / 200 <= 0.99


def test_bca_agrees_with_scipy_bootstrap():
    from scipy.stats import bootstrap

    x = np.random.default_rng(5).exponential(1.0, size=60)
    ours = outlet_estimate(x, n_boot=20000, interval="bca")
    ref = bootstrap((x,), np.mean, n_resamples=20000, method="BCa", random_state=0)
    assert ours.ci_low == pytest.approx(ref.confidence_interval.low, abs=0.02)
    assert ours.ci_high == pytest.approx(ref.confidence_interval.high, abs=0.02)


def test_constant_values_give_zero_width_interval():
    e = outlet_estimate([0.2] * 6)
    assert (e.value, e.ci_low, e.ci_high) == pytest.approx((0.2, 0.2, 0.2))


def test_unanimous_prevalence_gets_exact_binomial_interval():
    none = outlet_estimate([0, 0, 0, 0, 0, 0])  # frame found in none of 6 articles
    assert none.method == METHOD_BINOMIAL
    assert (none.ci_low, none.ci_high) == pytest.approx((0.0, 1 - 0.025 ** (1 / 6)))  # 0.459
    every = outlet_estimate([1] * 10)
    assert every.ci_low == pytest.approx(0.025 ** (1 / 10)) and every.ci_high == 1.0


def test_expanded_interval_is_wider_than_percentile_for_small_n():
    x = [0.1, -0.3, 0.4, 0.0, -0.1, 0.2]
    expanded = outlet_estimate(x)
    plain = outlet_estimate(x, interval="percentile")
    assert expanded.ci_low < plain.ci_low and expanded.ci_high > plain.ci_high
    big = np.random.default_rng(1).normal(size=2000)
    a, b = outlet_estimate(big), outlet_estimate(big, interval="percentile")
    assert a.half_width == pytest.approx(b.half_width, rel=0.05)


def test_sentence_level_fallback_is_labelled():
    sentences = [[0.5, 0.1, 0.3], [0.0, -0.2, 0.2, 0.4]]
    e = outlet_estimate([0.3, 0.1], sentence_values=sentences)
    assert e.method == METHOD_SENTENCES
    assert e.n == 2 and e.n_sentences == 7
    assert e.value == pytest.approx(0.2) and e.ci_low < e.value < e.ci_high
    one = outlet_estimate([0.3], sentence_values=sentences[:1])
    assert one.method == METHOD_SENTENCES and one.has_interval


def test_no_interval_cases():
    assert outlet_estimate([0.4]).method == METHOD_NONE
    assert not outlet_estimate([0.4]).has_interval
    assert math.isnan(outlet_estimate([]).value)
    few = outlet_estimate([0.1, 0.2, 0.3])
    assert (
        few.method == METHOD_TOO_FEW and math.isnan(few.ci_low) and few.value == pytest.approx(0.2)
    )
    assert outlet_estimate([0.1, float("nan"), 0.3]).n == 2


# --------------------------------------------------------------------------- resampling kernels


def test_subset_sums_are_uniform_over_subsets():
    z = np.array([1.0, 10.0, 100.0, 1000.0, 10000.0])  # every 2-subset has a distinct sum
    subsets = random_subsets(len(z), 2, 20000, np.random.default_rng(1))
    counts = Counter(subset_sums(z, subsets).tolist())
    assert len(counts) == 10
    assert all(abs(c / 20000 - 0.1) < 0.015 for c in counts.values())


def test_bootstrap_means_match_loop_in_distribution():
    x = np.arange(10.0)
    m = bootstrap_means(x, 20000, np.random.default_rng(0))
    assert m.mean() == pytest.approx(4.5, abs=0.05)
    assert m.std() == pytest.approx(x.std() / np.sqrt(10), rel=0.05)


# --------------------------------------------------------------------------- differences


def test_identical_groups_are_noise_and_different_groups_real():
    same = compare_groups({"A": [0.1, 0.2, 0.3, 0.4, 0.5], "B": [0.1, 0.2, 0.3, 0.4, 0.5]})
    assert same[0].p == 1.0 and same[0].verdict == VERDICT_NOISE
    rng = np.random.default_rng(0)
    diff = compare_groups(
        {"A": rng.normal(0, 1, 30), "B": rng.normal(2, 1, 30)}, n_perm=2000, metric="tone"
    )[0]
    assert diff.p == pytest.approx(1 / 2001)
    assert diff.verdict == VERDICT_REAL and diff.metric == "tone"
    assert diff.ci_low < diff.diff < diff.ci_high < 0


def test_permutation_p_matches_exact_enumeration():
    # 4 vs 4 fully separated: 2 of C(8,4) = 70 relabellings are as extreme -> p = 2/70.
    d = compare_groups({"A": [1, 2, 3, 4], "B": [5, 6, 7, 8]}, n_perm=40000)[0]
    assert d.p == pytest.approx(2 / 70, abs=0.004)
    assert d.diff == -4.0 and (d.n_a, d.n_b) == (4, 4)


def test_too_few_articles_verdicts():
    ds = {
        (d.a, d.b): d
        for d in compare_groups(
            {"A": [0.0, 0.1, 0.0, 0.1], "B": [1.0, 0.9], "C": [5.0, 5.1, 5.2], "D": [9.0, 9.1, 9.2]}
        )
    }
    assert ds["A", "B"].verdict == VERDICT_TOO_FEW  # 2 articles
    assert ds["C", "D"].verdict == VERDICT_TOO_FEW  # 3 vs 3: smallest p is 1/20
    assert not math.isnan(ds["A", "B"].ci_low)  # 2 values: the bootstrap is still defined
    # 4 vs 3 fully separated: exact p = 1/35 (the mirror arrangement is less extreme).
    four_three = compare_groups({"A": [0.0, 0.1, 0.0, 0.1], "C": [5.0, 5.1, 5.2]}, n_perm=20000)[0]
    assert four_three.p == pytest.approx(1 / 35, abs=0.005)
    assert four_three.verdict == VERDICT_REAL
    only_one = compare_groups({"A": [1.0], "B": [2.0, 3.0, 4.0]})[0]
    assert only_one.verdict == VERDICT_TOO_FEW and math.isnan(only_one.ci_low)


def test_sentence_level_fallback_is_optimistic_and_labelled():
    values = {"A": [0.1], "B": [0.6, 0.7]}
    sentences = {"A": [[0.1, 0.0, 0.2, 0.1, 0.1]], "B": [[0.6, 0.7, 0.5], [0.7, 0.8, 0.6]]}
    d = compare_groups(values, sentence_values_by_group=sentences, n_perm=999)[0]
    assert d.method == METHOD_SENTENCE_TEST
    assert d.verdict == VERDICT_TOO_FEW  # never "likely real" on sentences alone
    assert d.p < 0.01
    assert d.diff == pytest.approx(0.1 - 0.65)
    assert d.ci_low < d.diff < d.ci_high


def test_one_vs_rest_and_both():
    groups = {"A": [0, 1, 0, 1, 0], "B": [1, 1, 1, 0, 1], "C": [0, 0, 1, 0, 0]}
    rest = compare_groups(groups, pairs="one-vs-rest", n_perm=500)
    assert [(d.a, d.b, d.n_b) for d in rest] == [
        ("A", "rest", 10),
        ("B", "rest", 10),
        ("C", "rest", 10),
    ]
    assert rest[1].diff == pytest.approx(0.8 - 0.3)  # rest = A and C pooled: 3 of 10
    both = compare_groups(groups, pairs="both", n_perm=500)
    assert len(both) == 6 and [d.b for d in both[3:]] == ["rest"] * 3
    assert [d.p for d in both[3:]] == [d.p for d in rest]  # same streams, q differs (m = 6)
    with pytest.raises(ValueError):
        compare_groups(groups, pairs="some")


def test_rest_of_single_article_outlets_gets_a_real_interval():
    groups = {"A": [0.0, 0.0, 0.0], "B": [0.0], "C": [6.0]}
    a_rest = compare_groups(groups, pairs="one-vs-rest", n_perm=199)[0]
    assert (a_rest.a, a_rest.n_b, a_rest.diff) == ("A", 2, -3.0)
    # Stratified by outlet, B and C would each resample to themselves: [-3, -3].
    assert a_rest.ci_low == pytest.approx(-6.0) and a_rest.ci_high == pytest.approx(0.0)


def test_comparison_streams_do_not_depend_on_other_groups():
    base = {"A": [0.1, 0.4, 0.3, 0.2], "B": [0.5, 0.2, 0.6, 0.4]}
    ab = compare_groups(base, n_perm=999)[0]
    ab_with_c = compare_groups({**base, "C": [0.0, 0.1, 0.0]}, n_perm=999)[0]
    assert (ab.p, ab.ci_low, ab.ci_high) == (ab_with_c.p, ab_with_c.ci_low, ab_with_c.ci_high)


def test_q_values_adjust_across_calls():
    tone = compare_groups({"A": [1, 2, 3, 4, 5], "B": [6, 7, 8, 9, 10]}, metric="tone")
    noise = [
        compare_groups({"A": [0, 1, 0, 1, 1], "B": [1, 0, 1, 0, 1]}, metric=f"m{i}")[0]
        for i in range(10)
    ]
    adjusted = with_q_values(tone + tuple(noise))
    assert adjusted[0].q == pytest.approx(min(1.0, tone[0].p * 11))
    assert all(d.q >= d.p for d in adjusted)


def test_sentence_level_p_values_do_not_lower_article_level_q_values():
    values = {"A": [0.1, 0.2, 0.0, 0.3, 0.2], "B": [0.5, 0.6, 0.4, 0.7, 0.5], "C": [0.9],
              "D": [0.15, 0.2, 0.05, 0.25, 0.1]}
    sentences = {k: [[v, v] for v in vs] for k, vs in values.items()}
    sentences["C"] = [[0.9, 0.8, 0.95, 0.9, 0.85, 0.9]]
    ds = compare_groups(values, sentence_values_by_group=sentences, n_perm=999)
    articles = [d for d in ds if d.method != METHOD_SENTENCE_TEST]
    sent = [d for d in ds if d.method == METHOD_SENTENCE_TEST]
    assert len(articles) == 3 and len(sent) == 3  # every pair with C falls back to sentences
    # Each method is its own BH family: the tiny sentence-level p-values (optimistic) would
    # otherwise pull the article-level q-values down (0.0084 instead of 0.0105 here).
    expected = benjamini_hochberg([d.p for d in articles])
    assert [d.q for d in articles] == pytest.approx(list(expected))
    assert not np.allclose(expected, benjamini_hochberg([d.p for d in ds])[[0, 2, 4]])
    assert [d.q for d in sent] == pytest.approx(list(benjamini_hochberg([d.p for d in sent])))


def test_compare_metrics_equals_each_metric_compared_alone():
    """Metrics share resampling matrices, never results: each metric's differences are
    exactly compare_groups' alone (NaNs that change a side's size, the sentence fallback and
    the pooled "rest" of one-article outlets included); q-values span all metrics."""
    rng = np.random.default_rng(3)
    groups = {"A": 6, "B": 9, "C": 1, "D": 2, "E": 12}
    values = {m: {g: list(rng.normal(shift, 1.0, n)) for g, n in groups.items()} for m, shift in
              (("tone", 0.0), ("conflict", 0.5), ("hedges", -0.2))}
    values["hedges"]["E"][:4] = [math.nan] * 4
    sentences = {m: {g: [list(rng.normal(v, 0.3, 3)) for v in vs] for g, vs in by_group.items()}
                 for m, by_group in values.items()}
    together = compare_metrics(values, sentence_values_by_metric=sentences, pairs="both", n_perm=499)
    alone = [d for m in sorted(values) for d in compare_groups(
        values[m], metric=m, sentence_values_by_group=sentences[m], pairs="both", n_perm=499)]
    assert together == with_q_values(alone)
    assert {d.method for d in together} == {METHOD_SENTENCE_TEST, "permutation test over articles"}


# --------------------------------------------------------------------------- distinguishability


def _corpus(separable: bool, n: int = 30, seed: int = 0):
    from sklearn.feature_extraction.text import TfidfVectorizer

    rng = np.random.default_rng(seed)
    shared = [
        "missile",
        "strike",
        "ukraine",
        "russia",
        "army",
        "officials",
        "attack",
        "defence",
        "war",
        "city",
    ]
    only_a = ["regime", "kremlin", "aggression", "heroic"]
    only_b = ["operation", "special", "neutralised", "provocation"]
    texts, outlets = [], []
    for outlet, own in (("A", only_a), ("B", only_b)):
        for _ in range(n):
            words = list(rng.choice(shared, size=25))
            if separable:
                words += list(rng.choice(own, size=4))
            texts.append(" ".join(words))
            outlets.append(outlet)
    vec = TfidfVectorizer()
    return vec.fit_transform(texts), outlets, vec.get_feature_names_out()


def test_distinguishability_separable_corpus():
    X, outlets, names = _corpus(separable=True)
    d = distinguishability(X, outlets, "A", "B", feature_names=names, n_perm=500)
    assert d.auc > 0.95 and d.auc > d.null_95
    assert d.p == pytest.approx(1 / 501)
    assert 0.4 < d.null_mean < 0.6
    assert {t for t, _ in d.top_terms_a[:4]} == {"regime", "kremlin", "aggression", "heroic"}
    assert {t for t, _ in d.top_terms_b[:4]} == {
        "operation",
        "special",
        "neutralised",
        "provocation",
    }
    assert d.auc_ci_low <= d.auc <= d.auc_ci_high
    assert d.note == "" and (d.n_a, d.n_b, d.folds) == (30, 30, 5)


def test_distinguishability_non_separable_corpus():
    X, outlets, _ = _corpus(separable=False)
    d = distinguishability(X, outlets, "A", "B", n_perm=500)
    assert abs(d.auc - 0.5) < 0.15 and d.p > 0.05
    assert d.top_terms_a == ()


def test_distinguishability_deterministic_and_logistic_agrees():
    X, outlets, _ = _corpus(separable=True, n=12)
    r1 = distinguishability(X, outlets, "A", "B", n_perm=100)
    assert r1 == distinguishability(X, outlets, "A", "B", n_perm=100)
    lr = distinguishability(X, outlets, "A", "B", n_perm=20, classifier="logistic")
    assert lr.classifier == "logistic" and abs(lr.auc - r1.auc) < 0.1


def test_distinguishability_too_few_articles():
    X, outlets, _ = _corpus(separable=True, n=4)
    d = distinguishability(X, outlets, "A", "B")
    assert math.isnan(d.auc) and "at least 5 articles" in d.note


def test_distinguishability_no_zero_width_interval_from_single_article_folds():
    X, outlets, _ = _corpus(separable=False, n=6)  # 5 folds: 1-2 held-out articles per outlet
    d = distinguishability(X, outlets, "A", "B", n_perm=100)
    assert math.isfinite(d.auc) and math.isfinite(d.null_95)
    assert math.isnan(d.auc_ci_low) and math.isnan(d.auc_ci_high)
    assert d.note.startswith("no interval")
    big = distinguishability(*_corpus(separable=False, n=10)[:2], "A", "B", n_perm=100)
    assert big.auc_ci_low < big.auc_ci_high and big.note == ""


def test_ridge_dual_scores_equal_sklearn_ridge_classifier():
    from sklearn.linear_model import RidgeClassifier

    rng = np.random.default_rng(1)
    X, y = rng.random((30, 8)), (rng.random(30) > 0.5).astype(float)
    train, test = np.arange(20), np.arange(20, 30)
    ours = _ridge_scores(X @ X.T, y[:, None], train, test, 1.0)[:, 0]
    ref = RidgeClassifier(alpha=1.0).fit(X[train], y[train]).decision_function(X[test])
    assert np.allclose(ours, ref)


def test_roc_auc_columns_matches_sklearn():
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(2)
    scores = rng.normal(size=(25, 3)).round(1)  # ties included
    labels = (rng.random((25, 3)) > 0.4).astype(float)
    ours = roc_auc_columns(scores, labels)
    assert np.allclose(ours, [roc_auc_score(labels[:, j], scores[:, j]) for j in range(3)])


def test_rng_for_keys():
    assert rng_for(0, "a").random() != rng_for(0, "b").random()


def test_sentence_level_interval_needs_variation_between_sentences():
    est = outlet_estimate([0.0], sentence_values=[[0.0, 0.0, 0.0]])
    assert est.method == METHOD_NO_VARIATION and not est.has_interval
    est = outlet_estimate([0.5], sentence_values=[[0.0, 1.0, 0.5]])
    assert est.method == "within-article (sentence-level)" and est.ci_low < 0.5 < est.ci_high
