"""Nominal mentions of named organisations: "the committee", "the party", "the department"."""

from __future__ import annotations

from mediacompare.analysis.actors import detect_actors
from mediacompare.text import sentences


def nominals(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in detect_actors(sentences(text)) if m.source == "reference"]


def test_the_noun_in_an_organisations_name_refers_to_it():
    text = ("The Democratic National Committee filed the suit. Mr. Perez said the D.N.C. decided to "
            "move ahead because the committee believed there was an ongoing threat.")
    assert nominals(text) == [("the committee", "Democratic National Committee")]
    found = [m for m in detect_actors(sentences(text)) if m.source == "reference"]
    assert text[found[0].start:found[0].end] == "the committee"


def test_with_two_parties_the_one_named_last_before_wins():
    text = ("Democrats accused Republicans of hypocrisy. To change the rule, Republicans would need to "
            "vote in virtual lock step: The party effectively has only 51 votes.")
    assert nominals(text) == [("The party", "Republican Party")]
    text = "Republicans cheered, but many Democrats were angry, and the party is calling for a vote."
    assert nominals(text) == [("the party", "Democratic Party")]


def test_a_company_suffix_makes_the_company_its_mention_but_not_the_firm():
    text = ("The U.S. Commerce Department banned American companies from selling to ZTE Corp. "
            "Mr. Ross called the company's actions egregious.")
    assert nominals(text) == [("the company", "ZTE Corp")]
    assert nominals("ZTE Corp. was fined. A partner at the firm said little.") == []


def test_a_title_a_capital_or_an_unnamed_noun_is_not_a_nominal_mention():
    assert nominals("The Senate Intelligence Committee met. The committee Chairman Richard Burr spoke.") == []
    assert nominals("The company said profits fell.") == []  # no company named
    assert nominals("The Justice Department said the Department would appeal.") == []


def test_a_nominal_mention_can_speak():
    from mediacompare.analysis.quotes import extract_quotes

    text = 'The Justice Department filed the motion. "We will appeal," the department said.'
    ss = sentences(text)
    (quote,) = extract_quotes(text, ss, detect_actors(ss))
    assert quote.speaker_actor == "Justice Department"
