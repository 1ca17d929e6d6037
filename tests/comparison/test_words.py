"""Distinctive terms: log-odds ratio with informative Dirichlet prior (Monroe et al. 2008)."""

from __future__ import annotations

import math

import pytest

from mediacompare.comparison.words import (
    DEFAULT_ALPHA0,
    DistinctiveTerm,
    distinctive_terms,
    log_odds,
    pairwise_distinctive_terms,
)


def by_term(terms: list[DistinctiveTerm]) -> dict[str, DistinctiveTerm]:
    return {t.term: t for t in terms}


# --------------------------------------------------------------------------- hand-computed cases


def test_log_odds_hand_computed_with_explicit_prior():
    # Counts: i = {war 5, peace 1} (n_i = 6), j = {war 2, peace 4} (n_j = 6).
    # Prior frequencies war 3/4, peace 1/4 with alpha0 = 4  ->  alpha_war = 3, alpha_peace = 1.
    # war:   delta = log((5+3)/(6+4-5-3)) - log((2+3)/(6+4-2-3)) = log(8/2) - log(5/5) = log 4
    #        var   = 1/(5+3) + 1/(2+3) = 1/8 + 1/5 = 0.325
    # peace: delta = log((1+1)/(6+4-1-1)) - log((4+1)/(6+4-4-1)) = log(2/8) - log(5/5) = -log 4
    #        var   = 1/(1+1) + 1/(4+1) = 0.7
    terms = by_term(
        log_odds(
            {"war": 5, "peace": 1}, {"war": 2, "peace": 4}, prior={"war": 3, "peace": 1}, alpha0=4
        )
    )
    war, peace = terms["war"], terms["peace"]
    assert war.delta == pytest.approx(math.log(4), abs=1e-9)
    assert war.variance == pytest.approx(0.325, abs=1e-9)
    assert war.z == pytest.approx(math.log(4) / math.sqrt(0.325), abs=1e-9)
    assert peace.delta == pytest.approx(-math.log(4), abs=1e-9)
    assert peace.variance == pytest.approx(0.7, abs=1e-9)
    assert peace.z == pytest.approx(-math.log(4) / math.sqrt(0.7), abs=1e-9)
    assert (war.count, war.count_other, peace.count, peace.count_other) == (5, 2, 1, 4)
    # Rates per 1,000 words (words = unigram totals, 6 on each side).
    assert war.rate == pytest.approx(5 / 6 * 1000, abs=1e-9)
    assert war.rate_other == pytest.approx(2 / 6 * 1000, abs=1e-9)


def test_log_odds_hand_computed_with_default_pooled_prior():
    # Pooled counts war 7, peace 5 (12 in all); alpha0 = 12  ->  alpha_war = 7, alpha_peace = 5.
    # war:   delta = log((5+7)/(6+12-5-7)) - log((2+7)/(6+12-2-7)) = log(12/6) - log(9/9) = log 2
    #        var   = 1/12 + 1/9 = 7/36
    # peace: delta = log((1+5)/(6+12-1-5)) - log((4+5)/(6+12-4-5)) = log(6/12) - 0 = -log 2
    #        var   = 1/6 + 1/9 = 5/18
    terms = by_term(log_odds({"war": 5, "peace": 1}, {"war": 2, "peace": 4}, alpha0=12))
    assert terms["war"].delta == pytest.approx(math.log(2), abs=1e-9)
    assert terms["war"].variance == pytest.approx(7 / 36, abs=1e-9)
    assert terms["war"].z == pytest.approx(math.log(2) / math.sqrt(7 / 36), abs=1e-9)
    assert terms["peace"].delta == pytest.approx(-math.log(2), abs=1e-9)
    assert terms["peace"].z == pytest.approx(-math.log(2) / math.sqrt(5 / 18), abs=1e-9)


def test_unigrams_and_bigrams_are_separate_multinomials():
    # Adding bigrams leaves the unigram contrast unchanged (unigrams use unigram totals).
    uni_i, uni_j = {"war": 5, "peace": 1}, {"war": 2, "peace": 4}
    plain = by_term(log_odds(uni_i, uni_j, alpha0=12))
    mixed = by_term(
        log_odds(
            {**uni_i, "peace talks": 1, "war crimes": 7}, {**uni_j, "peace talks": 3}, alpha0=12
        )
    )
    for term in ("war", "peace"):
        assert mixed[term].z == pytest.approx(plain[term].z, abs=1e-12)
    # The bigrams' own arithmetic: pooled "war crimes" 7, "peace talks" 4 (11 bigrams);
    # alpha_wc = 12*7/11, alpha_pt = 12*4/11; n_i = 8, n_j = 3 bigrams.
    a = 12 * 4 / 11
    expected = math.log((1 + a) / (8 + 12 - 1 - a)) - math.log((3 + a) / (3 + 12 - 3 - a))
    assert mixed["peace talks"].delta == pytest.approx(expected, abs=1e-9)
    # Bigram rates are still per 1,000 words (unigram totals).
    assert mixed["war crimes"].rate == pytest.approx(7 / 6 * 1000)


def test_prior_missing_term_gets_floor_and_logs_stay_finite():
    terms = by_term(log_odds({"a": 3}, {"b": 2}, prior={"a": 1.0}, alpha0=10))
    assert all(math.isfinite(t.z) for t in terms.values())
    assert terms["a"].z > 0 > terms["b"].z


# --------------------------------------------------------------------------- properties


def test_symmetry():
    i = {"strike": 7, "missile": 3, "aid": 1, "kremlin scoffed": 2}
    j = {"strike": 2, "missile": 4, "aid": 6, "kremlin": 1}
    ij, ji = by_term(log_odds(i, j)), by_term(log_odds(j, i))
    assert set(ij) == set(ji)
    for term in ij:
        assert ij[term].delta == pytest.approx(-ji[term].delta, abs=1e-12)
        assert ij[term].z == pytest.approx(-ji[term].z, abs=1e-12)
        assert ij[term].variance == pytest.approx(ji[term].variance, abs=1e-12)
        assert (ij[term].count, ij[term].count_other) == (ji[term].count_other, ji[term].count)


def test_identical_groups_have_zero_contrast():
    c = {"war": 4, "talks": 2, "peace talks": 1}
    assert all(t.delta == pytest.approx(0.0, abs=1e-12) for t in log_odds(c, dict(c)))


def test_sorted_by_z_then_term_and_deterministic():
    i = {"alpha": 3, "beta": 3, "gamma": 3, "delta": 1}
    j = {"delta": 5}
    terms = log_odds(i, j)
    assert [t.term for t in terms] == ["alpha", "beta", "gamma", "delta"]  # ties by term
    assert terms == log_odds(dict(reversed(list(i.items()))), j)
    groups = {"A": i, "B": j, "C": {"alpha": 1, "epsilon": 4}}
    assert distinctive_terms(groups) == distinctive_terms(dict(reversed(list(groups.items()))))


def test_prior_strength_shrinks_rare_terms():
    # A term used 2 vs 0 times outranks 40 vs 10 without a prior worth the name, not with one.
    i = {"rare": 2, "common": 40, "filler": 200}
    j = {"common": 10, "filler": 200}
    weak = by_term(log_odds(i, j, alpha0=0.5))
    strong = by_term(log_odds(i, j, alpha0=DEFAULT_ALPHA0))
    assert strong["common"].z > strong["rare"].z
    assert weak["rare"].delta > weak["common"].delta


def test_validation():
    with pytest.raises(ValueError, match="alpha0"):
        log_odds({"a": 1}, {"b": 1}, alpha0=0)
    with pytest.raises(ValueError, match=">= 0"):
        log_odds({"a": -1}, {"b": 1})
    with pytest.raises(TypeError):
        distinctive_terms({"A": {"a": "x"}, "B": {"b": 1}})
    assert log_odds({}, {}) == []


# --------------------------------------------------------------------------- groups


THREE = {
    "Daily Planet": {
        "strike": 6,
        "attack": 4,
        "brutal": 3,
        "capital": 2,
        "deadly strikes": 2,
        "deadly": 2,
        "minister": 1,
        "talks": 1,
    },
    "Morning Star": {
        "talks": 5,
        "hopeful": 4,
        "progress": 3,
        "aid convoys": 2,
        "aid": 3,
        "convoys": 2,
        "capital": 2,
        "minister": 1,
    },
    "The Ledger": {"budget": 5, "capital": 1, "minister": 4, "tax": 3, "strike": 1, "talks": 1},
}


def test_one_group_gives_empty_result():
    assert distinctive_terms({"Only": {"war": 5}}) == {}
    assert pairwise_distinctive_terms({"Only": {"war": 5}}) == {}
    assert distinctive_terms({}) == {}


def test_three_groups_one_vs_rest():
    result = distinctive_terms(THREE, top=15, min_count=2)
    assert list(result) == sorted(THREE)
    planet = by_term(list(result["Daily Planet"]))
    assert next(iter(result["Daily Planet"])).term == "strike"
    # one-vs-rest: the other side is the pooled rest
    assert planet["strike"].count == 6 and planet["strike"].count_other == 1
    assert "budget" in by_term(list(result["The Ledger"]))
    for terms in result.values():
        assert all(t.z > 0 and t.count >= 2 for t in terms)
        assert [t.z for t in terms] == sorted((t.z for t in terms), reverse=True)
    # "capital" is shared about evenly: far weaker than the outlet's own words
    assert planet["capital"].z < planet["strike"].z / 2


def test_one_vs_rest_equals_log_odds_against_pooled_rest():
    result = distinctive_terms(THREE, top=50, min_count=1, collapse_subsumed=False)
    rest = {}
    for name in ("Morning Star", "The Ledger"):
        for t, c in THREE[name].items():
            rest[t] = rest.get(t, 0) + c
    direct = [t for t in log_odds(THREE["Daily Planet"], rest) if t.z > 0]
    assert list(result["Daily Planet"]) == direct


def test_pairwise_all_ordered_pairs_and_antisymmetric():
    pairs = pairwise_distinctive_terms(THREE, top=50, min_count=1, collapse_subsumed=False)
    names = sorted(THREE)
    assert list(pairs) == [(a, b) for a in names for b in names if a != b]
    ab = by_term(list(pairs[("Daily Planet", "Morning Star")]))
    ba = by_term(list(pairs[("Morning Star", "Daily Planet")]))
    assert "strike" in ab and "talks" in ba
    assert not set(ab) & set(ba)  # a term leans one way only
    # The prior is pooled over all three groups, the same for every pair.
    pooled = {}
    for counts in THREE.values():
        for t, c in counts.items():
            pooled[t] = pooled.get(t, 0) + c
    direct = by_term(log_odds(THREE["Daily Planet"], THREE["Morning Star"], prior=pooled))
    for term, t in ab.items():
        assert t.z == pytest.approx(direct[term].z, abs=1e-12)
        assert t.delta == pytest.approx(direct[term].delta, abs=1e-12)
    for term, t in ba.items():
        assert t.z == pytest.approx(-direct[term].z, abs=1e-12)


def test_min_count_filters_focal_counts():
    loose = distinctive_terms(THREE, top=50, min_count=1)
    strict = distinctive_terms(THREE, top=50, min_count=3)
    assert any(t.count < 3 for t in loose["Morning Star"])
    assert all(t.count >= 3 for terms in strict.values() for t in terms)
    assert {t.term for t in strict["Morning Star"]} <= {t.term for t in loose["Morning Star"]}


def test_top_limits_length():
    assert all(len(v) <= 2 for v in distinctive_terms(THREE, top=2).values())


def test_unigram_inside_listed_bigram_is_collapsed():
    a = {
        "jake": 3,
        "sullivan": 3,
        "jake sullivan": 3,
        "missiles": 5,
        "long-range": 4,
        "long-range missiles": 2,
    }
    b = {"kremlin": 4, "scoffed": 3, "kremlin scoffed": 3, "missiles": 1}
    result = by_term(list(distinctive_terms({"A": a, "B": b}, top=10)["A"]))
    # "jake" and "sullivan" only ever occur in the phrase: the phrase stands for them.
    assert "jake sullivan" in result and "jake" not in result and "sullivan" not in result
    # "missiles" is used 3 more times outside "long-range missiles": kept; "long-range" has
    # only 2 other uses and is still distinctive there, so it is kept as well.
    assert {"missiles", "long-range", "long-range missiles"} <= set(result)
    full = by_term(list(distinctive_terms({"A": a, "B": b}, top=10, collapse_subsumed=False)["A"]))
    assert {"jake", "sullivan"} <= set(full)


def test_unigram_kept_when_its_phrase_is_not_listed():
    a = {"danilov": 3, "oleksiy danilov": 3, "pskov": 2}
    b = {"oleksiy danilov": 1, "kremlin": 6, "kremlin scoffed": 4}

    def terms(top: int) -> list[str]:
        return [t.term for t in distinctive_terms({"A": a, "B": b}, top=top)["A"]]

    assert terms(1) == ["danilov"]  # the phrase ranks lower and is not listed: keep the word
    assert terms(2) == ["oleksiy danilov", "pskov"]  # both would be listed: the phrase wins
