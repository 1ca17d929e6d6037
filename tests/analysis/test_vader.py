"""VaderAnalyzer equals NLTK's SentimentIntensityAnalyzer exactly (==, every value).

The reference is NLTK's analyzer given the same lexicon file (vaderSentiment's
``vader_lexicon.txt``), parsed by NLTK's own ``make_lex_dict``: (a) an inline adversarial set,
(b) every sentence of BBC News when the development data is present, (c) random strings made
of lexicon, booster, negation and idiom words with punctuation, capitals and odd spacing.
"""

from __future__ import annotations

import csv
import string
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediacompare
from mediacompare.analysis import vader
from mediacompare.analysis.vader import VaderAnalyzer, lexicon_path, load_lexicon, parse_lexicon
from mediacompare.errors import MediaCompareError
from mediacompare.text import sentences


@cache
def reference():
    """NLTK's analyzer with vaderSentiment's lexicon, built without mediacompare's code."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    sia = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    sia.lexicon_file = lexicon_path().read_bytes().decode("utf-8")  # what nltk.data.load gives
    sia.lexicon = sia.make_lex_dict()
    sia.constants = VaderConstants()
    return sia


@cache
def ours() -> VaderAnalyzer:
    return VaderAnalyzer()


def assert_same(text: str, analyzer: VaderAnalyzer | None = None) -> None:
    expected = reference().polarity_scores(text)
    got = (analyzer or ours()).polarity_scores(text)
    assert list(got) == ["neg", "neu", "pos", "compound"]
    assert got == expected, repr(text)
    for key in got:  # same floats, not merely equal numbers (-0.0 == 0.0 is allowed)
        assert type(got[key]) is float and got[key] == expected[key]


ADVERSARIAL = [
    # empty, blank, one-character tokens only
    "", " ", "   \t\n ", "a", "a b c", "!", "? ! .", ":)", "I", "x :( y",
    # plain words and punctuation attached
    "The book was good.", "good", "good,", ",good", "good!!!", "...good", "(good)", "'good'",
    '"good"', "good?!?", "good!?!?", "good.,", "good-", "-good-", "go-od", "goo.d", "g!", ".go",
    # negation and contractions
    "The food was not good.", "It isn't good", "It isnt good", "It ISN'T good", "never good",
    "not very good", "not the best", "hardly a good idea", "without doubt a triumph",
    "I don't know if it wasn't bad", "Nothing was nice", "not not not good", "nor happy",
    "He wouldn’t say it was good",  # curly apostrophe: not NLTK's "n't"
    "ain't nobody happy", "uh-uh, no good", "despite the great effort",
    # but
    "The food was good, but the service was terrible.", "good but bad", "But good",
    "good BUT bad but great", "bad. but. good", "butter is good", "but", "good but",
    # boosters, dampeners and capitals
    "very good", "VERY good", "very GOOD", "VERY GOOD", "extremely bad", "EXTREMELY bad day",
    "really really really good", "so so good", "slightly good", "sort of good", "kinda bad",
    "kind-of nice", "sort-of nice", "just enough good", "The book was kind of good.",
    "kind of", "kind", "a kind man", "KIND of GOOD", "most amazing", "less terrible",
    "GREAT good VERY GOOD", "ALL CAPS EVERYWHERE GREAT", "Mixed CAPS Terrible news", "OK ok Ok",
    "THE WAR KILLED 9 PEOPLE", "the war KILLED nine", "GOOD", "GOOD bad",
    # never so / this, least
    "never so happy", "Never so happy", "never this good", "so happy", "this good",
    "never so very happy", "I have never been so happy", "at least good", "least good",
    "very least good", "the least happy person", "Least happy", "not in the least bit happy",
    # idioms
    "that was the bomb", "he is the shit", "yeah right", "Yeah right", "bad ass movie",
    "it won't cut the mustard", "the kiss of death for them", "living hand to mouth",
    "cut the mustard really good", "a good kiss of death", "the bomb good great",
    "one two three the shit four", "x y z yeah right great", "great yeah right",
    # exclamation and question emphasis
    "good!", "good!!", "good!!!!", "good!!!!!!!", "bad!!!", "good???", "bad??", "good?",
    "good ? ? ? ?", "Is it good?? really?? bad!!", "!!! good !!!", "?!?! terrible",
    # emoticons, symbols, unicode punctuation and spacing
    ":) :-( :D <3 </3", "I love it :)", "sad :-(", ":/ meh", "(-: good", "good…", "good—bad",
    "«good» „bad“", "good\u00a0bad", "good\u2003terrible", "good\u3000great", "good\x1cbad",
    "ＧＯＯＤ", "Ünïcödé good", "good 😀 bad 😢", "#BAD", "@good", "good_bad", "$$$ good",
    # repeated words (NLTK scores each occurrence at the first one's position)
    "good good good", "not good good", "good not good", "very good very good", "but but good",
    "good but good but good", "bad very bad", "BAD bad Bad", "never so good never so good",
    # numbers, the word "no"
    "no", "No good", "no no no", "there is no silver bullet", "yes no", "2.5 good 3",
    "it is not bad at all???", "hello, world!!! :-( :)", "The food was NOT good, but the service was great!!",
]


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_adversarial_sentences_equal_nltk(text):
    assert_same(text)


def test_long_text_equals_nltk():
    words = "The GREAT war was not good , but kind of terrible !!! never so happy ?? :)".split()
    text = " ".join(words[i % len(words)] for i in range(20_000))
    assert_same(text)
    distinct = " ".join(f"w{i} good" if i % 3 else f"NOT{i} bad!" for i in range(3000))
    assert_same(distinct)


def test_same_result_whatever_was_seen_before():
    fresh = VaderAnalyzer()
    for text in reversed(ADVERSARIAL):  # another order fills the token memory differently
        assert_same(text, fresh)


def test_token_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(vader, "_TOKEN_CACHE_LIMIT", 5)
    analyzer = VaderAnalyzer()
    for text in ADVERSARIAL[:40]:
        assert_same(text, analyzer)
    assert len(analyzer._words) <= 5 + 2


def test_constants_are_nltks():
    from nltk.sentiment.vader import VaderConstants as C

    assert (vader.B_INCR, vader.B_DECR, vader.C_INCR, vader.N_SCALAR) == (
        C.B_INCR, C.B_DECR, C.C_INCR, C.N_SCALAR)
    assert vader.NEGATE == frozenset(C.NEGATE)
    bigrams = {" ".join(k) for k in vader.BOOSTER_BIGRAMS}
    assert {**vader.BOOSTER_DICT, **{b: C.BOOSTER_DICT[b] for b in bigrams}} == C.BOOSTER_DICT
    assert {" ".join(k): v for k, v in vader.SPECIAL_CASE_IDIOMS.items()} == C.SPECIAL_CASE_IDIOMS
    assert vader.PUNC_LIST == frozenset(C.PUNC_LIST)


def test_lexicon_is_nltks_parse_of_the_vader_sentiment_file():
    assert ours().lexicon == reference().lexicon
    assert 7400 < len(ours().lexicon) < 7600
    assert VaderAnalyzer().lexicon is ours().lexicon  # read once per process


def test_custom_lexicon_file(tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_text("nice\t2.0\t0.5\t[2]\nawful\t-3.1\t0.1\t[-3]", encoding="utf-8")
    tiny = VaderAnalyzer(path)
    assert tiny.lexicon == {"nice": 2.0, "awful": -3.1}
    assert tiny.polarity_scores("good") == {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
    assert tiny.polarity_scores("very nice")["compound"] > 0


def test_bad_lexicon_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("just words, no tabs", encoding="utf-8")
    with pytest.raises(MediaCompareError, match="not a VADER lexicon"):
        VaderAnalyzer(bad)
    with pytest.raises(MediaCompareError, match="cannot read"):
        VaderAnalyzer(tmp_path / "missing.txt")


def test_non_string_is_a_type_error():
    with pytest.raises(TypeError, match="needs a str"):
        ours().polarity_scores(None)  # type: ignore[arg-type]


def test_parse_lexicon_keeps_the_last_of_repeated_words():
    assert parse_lexicon("a\t1\r\nb\t2\na\t-1") == {"a": -1.0, "b": 2.0}
    assert load_lexicon() is load_lexicon(lexicon_path())


def test_exported_lazily_from_the_package():
    assert mediacompare.VaderAnalyzer is VaderAnalyzer
    assert "VaderAnalyzer" in mediacompare.__all__


def test_bbc_news_sentences_equal_nltk(shared_data):
    path = shared_data / "bbc-news" / "bbc_news_2225.csv"
    if not path.is_file():
        pytest.skip("bbc-news is not in the development data")
    with path.open(encoding="utf-8", newline="") as f:
        texts = [row["text"] for row in csv.DictReader(f)]
    ref, fast = reference().polarity_scores, VaderAnalyzer().polarity_scores
    n = 0
    for text in texts:
        for sentence in sentences(text):
            assert fast(sentence.text) == ref(sentence.text), sentence.text
            n += 1
    assert n > 40_000


# --------------------------------------------------------------------------- property test

_LEXICON_SAMPLE = sorted(load_lexicon())[::15]  # ~500 lexicon entries, emoticons included
_RULE_WORDS = [
    *vader.BOOSTER_DICT, *vader.NEGATE, "but", "BUT", "But", "kind", "of", "sort", "just",
    "enough", "never", "so", "this", "least", "at", "very", "no", "not", "n't", "isn't",
    *(w for key in vader.SPECIAL_CASE_IDIOMS for w in key), "a", "I", "x",
]
_PUNCT = [*vader.PUNC_LIST, *string.punctuation, "…", "“", "”", "’", "—", ""]
_SPACES = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2009"]


@st.composite
def _tokens(draw):
    word = draw(st.sampled_from(_LEXICON_SAMPLE) | st.sampled_from(_RULE_WORDS))
    case = draw(st.sampled_from(["keep", "keep", "upper", "title"]))
    word = word.upper() if case == "upper" else word.title() if case == "title" else word
    before = draw(st.sampled_from(_PUNCT)) if draw(st.integers(0, 4)) == 0 else ""
    after = draw(st.sampled_from(_PUNCT)) if draw(st.integers(0, 2)) == 0 else ""
    return before + word + after


@st.composite
def _texts(draw):
    tokens = draw(st.lists(_tokens(), max_size=25))
    spaces = draw(st.lists(st.sampled_from(_SPACES), min_size=len(tokens), max_size=len(tokens)))
    return "".join(t + s for t, s in zip(tokens, spaces))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts())
def test_random_rule_word_strings_equal_nltk(text):
    assert_same(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"ab GOOD!?.,:;'-\"()nt", "good", "not", "but", "  "]),
                max_size=60).map("".join))
def test_random_character_strings_equal_nltk(text):
    assert_same(text)
