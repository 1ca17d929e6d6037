"""Nicknames an article gives a person ("Rocket Man") become the person's label and mentions."""

from __future__ import annotations

import pytest

from mediacompare.analysis.actors import detect_actors
from mediacompare.text import sentences


def _mentions(text):
    return [(m.text, m.canonical, m.source) for m in detect_actors(sentences(text))]


def _nicknames(text):
    return {(m.canonical, lab.text) for m in detect_actors(sentences(text)) for lab in m.labels
            if lab.kind == "nickname"}


def test_referred_to_as_gives_the_nickname_and_later_uses_are_the_persons_mentions():
    # NewsWCL50: the "Rocket Man" never reached Kim Jong Un
    text = ('North Korean leader Kim Jong Un met Moon Jae-in. Last year, Trump continually referred '
            'to Kim as " Rocket Man, " while the dictator described Trump as a " mentally deranged " '
            'man. Rocket Man’s regime kept testing.')
    assert _nicknames(text) == {("Kim Jong Un", "Rocket Man")}
    mentions = detect_actors(sentences(text))
    use = next(m for m in mentions if m.text == "Rocket Man")
    assert (use.canonical, use.kind, use.source, use.possessive) == ("Kim Jong Un", "person", "reference", True)
    # the quoted phrase of the introduction is the label, not a second mention or actor
    assert [m.text for m in mentions].count("Rocket Man") == 1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trump has dubbed Sen. Elizabeth Warren “Pocahontas,” a slur she rejects.",
         ("Elizabeth Warren", "Pocahontas")),
        ("Trump called Sen. Ted Cruz “Lyin’ Ted” for months.", ("Ted Cruz", "Lyin’ Ted")),
        ('The president has called Kim Jong Un "Little Rocket Man."', ("Kim Jong Un", "Little Rocket Man")),
    ],
)
def test_naming_verbs_before_a_name_introduce_a_nickname(text, expected):
    assert _nicknames(text) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        'Biden called Vladimir Putin "a killer" in an interview.',  # not capitalised: a description
        'Critics called President Donald Trump’s "America First" policy a retreat.',  # a possession
        'Vladimir Putin said "Russia First" was his motto.',  # no naming verb
    ],
)
def test_no_nickname_without_a_naming_verb_a_name_and_a_capitalised_quote(text):
    assert _nicknames(text) == set()


def test_a_nickname_is_never_guessed_from_the_phrase_alone():
    assert ("Rocket Man", "Rocket Man", "name") in _mentions("Rocket Man fired again. Kim Jong Un watched.")
