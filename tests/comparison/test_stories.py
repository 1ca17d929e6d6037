"""Tests for mediacompare.comparison.stories (near-duplicates and story clustering)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from mediacompare.comparison.stories import (
    cluster_stories,
    duplicate_matches,
    near_duplicates,
    parse_day,
    story_ids,
)
from mediacompare.text import sentences

BBC = Path(__file__).resolve().parents[3] / "shared" / "data" / "bbc-news" / "bbc_news_2225.csv"

WIRE = (
    "Ukraine has used long-range ATACMS missiles supplied by the United States against Russian "
    "forces for the first time, striking an airfield in occupied Crimea overnight, according "
    "to US officials who spoke on condition of anonymity. The missiles were delivered in "
    "secret earlier this spring as part of an aid package approved by Congress after months "
    "of delay, and more are expected to follow in the coming weeks, the officials added."
)


def test_exact_duplicates_ignore_case_punctuation_and_spacing():
    docs = [WIRE, WIRE.upper().replace(",", ""), "An unrelated report about football results."]
    m = duplicate_matches(docs, ["x", "y", "z"])
    assert [(d.article_id, d.duplicate_of, d.kind, d.similarity) for d in m] == [
        ("y", "x", "exact", 1.0)
    ]


def test_near_duplicate_with_edits():
    edited = WIRE.replace("overnight", "late on Tuesday").replace("coming weeks", "next month")
    edited += " Moscow did not comment."
    m = duplicate_matches([WIRE, edited], ["a", "b"])
    assert len(m) == 1 and m[0].kind == "near" and 0.5 <= m[0].similarity < 1.0
    assert near_duplicates([WIRE, edited], ["a", "b"], threshold=0.95) == {"a": None, "b": None}


def test_no_duplicates_and_empty_texts():
    docs = ["Rates rose again.", "The team won the cup.", "", ""]
    assert dict(near_duplicates(docs, ["1", "2", "3", "4"])) == {
        "1": None,
        "2": None,
        "3": None,
        "4": None,
    }


def test_canonical_is_first_by_date_then_id_undated_last():
    ids = ["c", "b", "a", "d"]
    dates = ["2024-05-02", "2024-05-01", None, "2024-05-01"]
    dup = near_duplicates([WIRE] * 4, ids, dates=dates)
    assert dict(dup) == {"c": "b", "b": None, "a": "b", "d": "b"}


def test_sentence_input_matches_string_input():
    docs = [
        WIRE,
        WIRE + " Moscow did not comment.",
        "Something else entirely, about cats and dogs.",
    ]
    ids = ["1", "2", "3"]
    from_text = near_duplicates(docs, ids)
    from_sentences = near_duplicates([sentences(d) for d in docs], ids)
    assert dict(from_text) == dict(from_sentences) == {"1": None, "2": "1", "3": None}


def test_matrix_input_uses_cosine():
    X = csr_matrix(np.array([[1.0, 0.0], [0.995, 0.0998], [0.0, 1.0]]))
    m = duplicate_matches(X, ["a", "b", "c"])
    assert [(d.article_id, d.duplicate_of, d.kind) for d in m] == [("b", "a", "near")]


def test_bad_input():
    with pytest.raises(ValueError, match="unique"):
        near_duplicates(["a", "b"], ["x", "x"])
    with pytest.raises(ValueError, match="different number"):
        near_duplicates(["a", "b"], ["x"])


def _two_topics():
    # rows: war, war, economy, war, economy (already L2-normalised)
    v = {"war": [1.0, 0.0, 0.0], "war2": [0.96, 0.28, 0.0], "eco": [0.0, 0.0, 1.0]}
    return np.array([v["war"], v["war2"], v["eco"], v["war"], v["eco"]])


def test_clusters_without_dates():
    assert cluster_stories(_two_topics(), threshold=0.3) == ("s01", "s01", "s02", "s01", "s02")
    assert cluster_stories(csr_matrix(_two_topics()), threshold=0.3)[2] == "s02"


def test_date_window_splits_same_topic_far_apart():
    dates = ["2024-01-01", "2024-01-03", "2024-01-01", "2024-02-01", None]
    labels = cluster_stories(_two_topics(), dates, threshold=0.3, window_days=3)
    assert labels == ("s01", "s01", "s02", "s03", "s02")  # undated joins by text only
    assert cluster_stories(_two_topics(), dates, threshold=0.3, window_days=None)[3] == "s01"


def test_window_blocks_chaining_with_average_and_complete_linkage():
    X = np.array([[1.0, 0.0]] * 3)
    dates = ["2024-01-01", "2024-01-03", "2024-01-05"]  # 1-3 and 3-5 within 3 days, 1-5 not
    for linkage in ("average", "complete"):
        labels = cluster_stories(X, dates, threshold=0.5, linkage=linkage)
        assert labels[0] != labels[2]


def test_story_id_helpers_and_edge_cases():
    assert story_ids([5] * 3 + list(range(10, 110)))[-1] == "s101"
    assert cluster_stories(np.zeros((0, 3))) == ()
    assert cluster_stories(np.array([[1.0, 0.0]]), ["2024-01-01"]) == ("s01",)
    assert parse_day("not a date") is None
    with pytest.raises(ValueError):
        cluster_stories(_two_topics(), linkage="ward")


@pytest.mark.skipif(not BBC.exists(), reason="../shared/data/bbc-news not available")
def test_bbc_upstream_duplicates_are_found():
    with open(BBC, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    seen, upstream = set(), set()
    for r in rows:
        if r["text"] in seen:
            upstream.add(r["id"])
        seen.add(r["text"])
    dup = near_duplicates([r["text"] for r in rows], [r["id"] for r in rows])
    flagged = {i for i, d in dup.items() if d is not None}
    assert len(upstream) == 133
    assert upstream <= flagged


def test_default_threshold_depends_on_dates():
    # cosine 0.11 -> distance 0.89: merged under the dated default (0.93), not the undated (0.85)
    X = np.array([[1.0, 0.0], [0.11, np.sqrt(1 - 0.11**2)]])
    assert cluster_stories(X, ["2024-01-01", "2024-01-02"]) == ("s01", "s01")
    assert cluster_stories(X) == ("s01", "s02")
    assert cluster_stories(X, ["2024-01-01", "2024-01-02"], window_days=None) == ("s01", "s02")
