"""Group actors: a party's members and the body a person leads, with their references."""

from __future__ import annotations

import pytest

from mediacompare.analysis.actors import detect_actors
from mediacompare.comparison.actors import resolve_actors
from mediacompare.text import sentences


def groups(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in detect_actors(sentences(text)) if m.kind == "group"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Democratic lawmakers criticised the plan.", [("Democratic lawmakers", "Democratic lawmakers")]),
    ("The bill angered GOP senators.", [("GOP senators", "Republican senators")]),
    ("House Republicans said the plan was fair.", [("House Republicans", "House Republicans")]),
    ("Angry Labour MPs walked out.", [("Labour MPs", "Labour MPs")]),
    ("Senate Democratic leaders met on Monday.", [("Senate Democratic leaders", "Senate Democratic leaders")]),
])
def test_party_members_are_one_group_named_by_the_party(text, expected):
    assert groups(text) == expected


def test_the_party_word_inside_a_member_group_is_not_a_mention_of_the_party():
    ms = detect_actors(sentences("GOP senators met. The GOP lost."))
    assert [(m.text, m.canonical) for m in ms] == [("GOP senators", "Republican senators"), ("GOP", "Republican Party")]


def test_quotes_of_a_group_go_to_the_group():
    from mediacompare.analysis.quotes import extract_quotes

    text = '"We will win," the Clinton campaign said.'
    ss = sentences(text)
    (quote,) = extract_quotes(text, ss, detect_actors(ss))
    assert (quote.speaker, quote.speaker_actor) == ("Clinton campaign", "Clinton campaign")


def test_lower_case_and_singular_forms_are_not_party_groups():
    assert groups("The democratic process needs members who vote.") == []
    assert groups("A Democratic lawmaker spoke.") == []  # one unnamed person, not a group
    assert groups("Democrats want more.") == []  # the party itself (an organisation)


def test_a_leaders_body_is_a_group_and_the_leader_stays_named():
    ms = detect_actors(sentences("President Donald Trump spoke. The Trump administration then rejected the plan."))
    assert [(m.text, m.kind, m.canonical) for m in ms] == [
        ("Donald Trump", "person", "Donald Trump"), ("Trump", "person", "Donald Trump"),
        ("Trump administration", "group", "Trump administration")]
    admin = ms[2]
    assert admin.canonical == "Trump administration"
    assert [(lab.kind, lab.text) for lab in admin.labels] == [("verb", "then rejected")]


def test_possessive_forms_and_references_to_a_named_body():
    text = ("Mr. Trump's campaign hired lawyers. The campaign's lawyers said it did nothing wrong. "
            "Donald Trump said his campaign would win.")
    found = detect_actors(sentences(text))
    assert [(m.text, m.canonical, m.possessive) for m in found if m.kind == "group"] == [
        ("Trump's campaign", "Trump campaign", False),
        ("The campaign", "Trump campaign", True),
        ("his campaign", "Trump campaign", False),
    ]
    for m in found:
        assert text[m.start:m.end] == m.text


def test_no_group_from_a_pronoun_or_an_ambiguous_the():
    # nobody in the article leads an administration: "his administration" stays unlinked
    assert groups("James Comey testified. He said his administration was not involved.") == []
    # two campaigns: "the campaign" could be either
    text = "The Trump campaign and the Clinton campaign sparred. The campaign denied it."
    assert [c for _, c in groups(text)] == ["Trump campaign", "Clinton campaign"]


def test_groups_merge_across_articles_and_keep_the_partys_side():
    found = {
        "a": detect_actors(sentences("GOP senators blocked the bill.")),
        "b": detect_actors(sentences("Republican senators blocked the bill again.")),
    }
    index = resolve_actors(found)
    actor = next(a for a in index if a.kind == "group")
    assert (actor.id, actor.group, actor.articles) == ("Republican senators", "United States", 2)
    assert set(actor.names) == {"GOP senators", "Republican senators"}


def test_coverage_counts_linked_references_apart_from_mentions():
    from mediacompare.analysis.actors.references import link_references
    from mediacompare.comparison.actors import actor_coverage

    text = "North Korean leader Kim Jong Un met President Moon Jae-in. The North Korean leader smiled, and he left."
    ss = sentences(text)
    mentions = detect_actors(ss)
    refs = link_references(ss, mentions)
    index = resolve_actors({"a": mentions})
    rows = {r.actor: r for r in actor_coverage(index, {"a": mentions}, {"a": "X"}, {"a": refs})}
    kim = rows["Kim Jong Un"]
    assert (kim.mentions, kim.references) == (1, 2)  # "The North Korean leader", "he"
    assert kim.share == 1 / len(mentions)  # references are not in the share
