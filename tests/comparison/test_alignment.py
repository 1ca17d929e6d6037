"""Tests for mediacompare.comparison.alignment (sentence alignment across outlets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediacompare.comparison.alignment import DEFAULT_THRESHOLD, align_sentences, content_words
from mediacompare.model import Article
from mediacompare.analysis.records import SkippedArticle
from mediacompare.text import normalize, sentences

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

MEDUZA = (
    "Ukraine fired US-made ATACMS missiles at a Russian airfield in Crimea on Tuesday. "
    "The mayor of Kyiv opened a new children's hospital downtown. "
    "Danilov said production of long-range missiles had moved abroad after a strike. "
    "Danilov refused to name the countries hosting the missile production lines."
)
TABLOID = (
    "On Tuesday Ukraine fired ATACMS missiles made in the US at an airfield in Crimea. "
    "Moscow called the strike a dangerous provocation by the West.\n"
    "Breaking news"
)
WIRE = "Ukraine fired ATACMS missiles at an airfield in Crimea on Tuesday, officials said."


def _story():
    return [
        ("m1", "Meduza", sentences(MEDUZA)),
        ("t1", "Tabloid", sentences(TABLOID)),
        ("w1", "Wire", sentences(WIRE)),
    ]


def test_shared_paraphrase_and_unique_sentences():
    al = align_sentences(_story())
    assert al.outlets == ("Meduza", "Tabloid", "Wire")
    shared = {o: [r.index for r in refs] for o, refs in al.shared.items()}
    assert shared == {"Meduza": [0], "Tabloid": [0], "Wire": [0]}
    assert al.shared["Meduza"][0].shared_with == ("Tabloid", "Wire")
    unique_text = [r.text for r in al.unique["Tabloid"]]
    assert unique_text == ["Moscow called the strike a dangerous provocation by the West."]
    assert al.shares["Meduza"] == pytest.approx(1 / 4)
    assert al.shares["Wire"] == 1.0
    assert al.pair_shares["Tabloid"]["Wire"] == pytest.approx(1 / 2)
    assert all(r.best_similarity < DEFAULT_THRESHOLD for r in al.unique["Meduza"])


def test_pairs_are_cross_outlet_and_above_threshold():
    al = align_sentences(_story())
    assert len(al.pairs) == 3  # the missile sentence in three outlets: three pairs
    for p in al.pairs:
        assert p.outlet_a != p.outlet_b and p.similarity >= al.threshold
    assert {(p.article_a, p.article_b) for p in al.pairs} == {
        ("m1", "t1"),
        ("m1", "w1"),
        ("t1", "w1"),
    }


def test_short_sentences_are_skipped_and_counted():
    al = align_sentences(_story())
    assert al.n_skipped["Tabloid"] == 1  # "Breaking news"
    assert al.n_compared["Tabloid"] == 2


def test_unique_sentences_grouped_by_recurring_word_and_by_actor():
    al = align_sentences(_story())
    groups = al.unique_by_group("Meduza")
    assert list(groups) == ["Danilov", "other"]
    assert [r.index for r in groups["Danilov"]] == [2, 3]
    by_actor = align_sentences(
        _story(), actor_of=lambda s: "Kyiv mayor" if "mayor" in s.text else None
    )
    assert [r.group for r in by_actor.unique["Meduza"]] == ["Kyiv mayor", "Danilov", "Danilov"]


def test_same_outlet_sentences_never_match_each_other():
    one = [("a", "X", sentences(WIRE)), ("b", "X", sentences(WIRE))]
    al = align_sentences(one)
    assert al.note and al.pairs == () and al.shared == {"X": ()}
    two = align_sentences(
        one + [("c", "Y", sentences("Completely different words about football.."))]
    )
    # The second copy repeats the first: compared, counted and listed once.
    assert two.shared["X"] == () and len(two.unique["X"]) == 1
    assert two.n_repeated["X"] == 1 and two.n_compared["X"] == 1


def test_repeated_sentences_of_one_outlet_count_once():
    text = ("He was issued a summons but did not spend any time in jail for the offense. "
            "The sheriff said the gunman fled north toward Guadalupe County. "
            "He was issued a summons but did not spend any time in jail for the offense.")
    other = "The sheriff said the gunman fled north toward Guadalupe County after the attack."
    al = align_sentences([("a", "X", sentences(text)), ("b", "Y", sentences(other))])
    assert al.n_compared["X"] == 2 and al.n_repeated == {"X": 1, "Y": 0}
    assert [r.text for r in al.unique["X"]] == [
        "He was issued a summons but did not spend any time in jail for the offense."
    ]
    assert al.shares["X"] == 0.5


def test_accepts_article_analyses_and_char_features():
    analyses = [
        SkippedArticle(Article(id=i, text=t, outlet=o), "not scored", sentences(t))
        for i, o, t in (("m1", "Meduza", MEDUZA), ("t1", "Tabloid", TABLOID))
    ]
    al = align_sentences(analyses, features="chars", threshold=0.4)
    assert al.features == "chars"
    assert [r.index for r in al.shared["Meduza"]] == [0]
    with pytest.raises(ValueError):
        align_sentences(analyses, features="bert")


def test_content_words_drop_stop_words():
    assert content_words(sentences("It was the best of times.")[0]) == ["best", "times"]


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not available")
def test_seeds_are_different_events_with_nothing_shared():
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        docs.append((path.stem, path.stem.split("-")[0], sentences(normalize(path.read_text()))))
    al = align_sentences(docs)
    assert set(al.outlets) == {"meduza", "uk"}
    assert all(share < 0.1 for share in al.shares.values())
    assert any("Pskov" in r.text for r in al.unique["meduza"])
    assert any("taste of his own medicine" in r.text for r in al.unique["uk"])
