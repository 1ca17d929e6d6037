from __future__ import annotations

import pytest

from mediacompare.text import guess_language, normalize, sentences, tokenize


def split(text):
    ss = sentences(text)
    for s in ss:  # offsets are exact
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end] == t.text
    return [s.text for s in ss]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith and Mrs. Jones met Dr. Lee.",
        "Gen. Petraeus and Sen. McCain spoke.",
        "He moved to St. Louis in Jan. 2020.",
        "The U.S. and the U.K. agreed on Tuesday.",
        "It was No. 10 that decided.",
        "Roe vs. Wade was cited.",
        "J. R. R. Tolkien wrote it.",
        "Inflation rose 2.5 percent in the third quarter.",
        "He arrived at 9 a.m. on Monday.",
    ],
)
def test_no_break_after_abbreviations_initials_and_decimals(text):
    assert split(text) == [text]


def test_sentences_end_at_punctuation_before_a_capital():
    assert split("Strikes hit Kyiv. Russia denied it! Why? Nobody knows…") == [
        "Strikes hit Kyiv.", "Russia denied it!", "Why?", "Nobody knows…",
    ]


def test_abbreviations_that_stand_before_numbers_end_a_sentence_otherwise():
    assert split("Kevin Smith said no. Later Smith added more.") == [
        "Kevin Smith said no.", "Later Smith added more.",
    ]


def test_quotes_stay_with_their_sentence_and_lines_end_sentences():
    text = "“We will win.” He left.\nHeadline without a stop\nBody."
    assert split(text) == ["“We will win.”", "He left.", "Headline without a stop", "Body."]


def test_lower_case_after_a_period_continues_the_sentence():
    assert split("He said so at 5 p.m. and then left.") == ["He said so at 5 p.m. and then left."]


def test_tokens_and_normalisation():
    assert [t.text for t in tokenize("Putin’s “war” isn't over.", 0)][:3] == ["Putin’s", "“", "war"]
    assert normalize("«Quoted»\u00a0text") == "“Quoted” text"


def test_language_guess():
    assert guess_language("The minister said that the talks would go on in the capital.") == "en"
    assert guess_language("Министр сказал, что переговоры продолжатся.") == "ru"
