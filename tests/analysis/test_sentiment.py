"""Tests of mediacompare.analysis.sentiment: NLTK equality, tone block, summaries, SentimentVectorizer."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

import numpy as np
import pytest

from mediacompare.analysis import sentiment
from mediacompare.errors import MediaCompareError
from mediacompare.model import Sentence, Token
from mediacompare.analysis.records import SentimentScores
from mediacompare.analysis.sentiment import (
    FEATURE_NAMES,
    SentimentVectorizer,
    analyzer,
    lexicon_path,
    score_sentences,
    summarize,
    tone_block,
)
from mediacompare.text import normalize, sentences

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# Real news sentences (from the two seed articles, Meduza and a UK tabloid), inline so the
# equality test runs without ../shared. Curly quotes and dashes kept as published.
NEWS = """\
Ukraine admits moving long-range missile production abroad – and taking missile warfare to Russia’s home territory
“What I can tell you, though,” he added, “is that, unfortunately, Russia has hit the place of assembly of those missiles.
These weapons, Danilov assures, “will only be used for defending our territory.” He nevertheless believes that effective defense requires bringing the war to Russia’s home territory.
“Our goal is to use our weapons to target military objects in Russia, from where we see almost daily attacks on our children,” he said, adding that Ukraine will only target military facilities, and not Russia’s civilians.
More than 400 miles away Major fire and damaged warplanes reported at Russian airfield in Pskov, far from Ukrainian border
Vladimir Putin has been given a taste of his own medicine as Ukraine has used long-range missiles against Russia for the first time, US defence officials revealed.
Kremlin missiles have rained down on civilian infrastructure in Ukraine for almost the entire length of the war. But now it’s been reported Ukraine has fired back with its newly acquired Army Tactical Missile Systems (ATACMS).
He added: “They will make a difference. But as I’ve said before at this podium, there is no silver bullet.”
In response to the delivery of the ATACMS the Kremlin scoffed that the weapons “will not fundamentally change the outcome of the special military operation”.
Spokesman Dmitry Peskov added: “We will succeed. But it will cause more problems for Ukraine itself.”
Ukrainian forces have run desperately short of artillery ammunition and air defence missiles during six months in which the US aid was held up by wrangling in Congress.
He told President Zelensky during Wednesday’s visit that the UK would maintain at least its current level of military support, some £3 billion pounds in 2024, for “as long as it takes.”
"""


def reference_analyzer():
    """An NLTK analyzer built independently of mediacompare, from the same lexicon file."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    path = lexicon_path()
    try:
        return SentimentIntensityAnalyzer(lexicon_file=f"file:{path}")
    except (LookupError, ValueError, OSError):  # some NLTK versions refuse file: URLs
        ref = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
        ref.lexicon_file = path.read_text(encoding="utf-8")
        ref.lexicon = ref.make_lex_dict()
        ref.constants = VaderConstants()
        return ref


def assert_equal_to_nltk(sents):
    ref = reference_analyzer()
    scores = score_sentences(sents)
    assert len(scores) == len(sents) > 0
    for sentence, got in zip(sents, scores):
        expected = ref.polarity_scores(sentence.text)
        assert got == SentimentScores(**expected), sentence.text
        assert got.compound == analyzer().polarity_scores(sentence.text)["compound"]


# --------------------------------------------------------------------------- analyzer


def test_lexicon_is_the_vader_sentiment_file():
    sia = analyzer()
    assert analyzer() is sia  # built once
    assert 7400 < len(sia.lexicon) < 7600
    assert sia.lexicon == reference_analyzer().lexicon
    assert sia.lexicon["good"] == 1.9 and sia.lexicon["horrible"] == -2.5
    assert lexicon_path().parent.name == "vaderSentiment"


def test_loading_never_downloads_and_ignores_nltk_data(monkeypatch, tmp_path):
    import nltk
    import nltk.data
    import nltk.downloader

    def refuse(*args, **kwargs):
        raise AssertionError("nltk downloader called")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.downloader, "download", refuse)
    monkeypatch.setattr(nltk.downloader.Downloader, "download", refuse)
    # A decoy lexicon in an NLTK data dir that comes first must not win.
    (tmp_path / "vader_lexicon.txt").write_text("good\t-4.0\t0.0\t[-4]\n", encoding="utf-8")
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path), *nltk.data.path])
    analyzer.cache_clear()
    try:
        sia = analyzer()
        assert sia.lexicon["good"] == 1.9
        assert len(sia.lexicon) > 7400
    finally:
        analyzer.cache_clear()


def test_missing_lexicon_says_reinstall(monkeypatch):
    from mediacompare.analysis import vader

    monkeypatch.setattr(vader, "_LEXICON_PACKAGE", "no_such_package_xyz")
    with pytest.raises(MediaCompareError, match="reinstall vaderSentiment"):
        lexicon_path()
    monkeypatch.setattr(vader, "_LEXICON_PACKAGE", "mediacompare")  # exists, no lexicon
    with pytest.raises(MediaCompareError, match="reinstall vaderSentiment"):
        lexicon_path()


# --------------------------------------------------------------------------- NLTK equality


def test_inline_news_sentences_equal_nltk():
    sents = sentences(NEWS)
    assert len(sents) >= 15
    assert_equal_to_nltk(sents)


@pytest.mark.parametrize(
    "name", ["meduza-missile-production-abroad.txt", "uk-tabloid-atacms-first-use.txt"]
)
def test_seed_sentences_equal_nltk(name):
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed article {path} absent (../shared not available)")
    for text in (path.read_text(encoding="utf-8"), normalize(path.read_text(encoding="utf-8"))):
        assert_equal_to_nltk(sentences(text))


def test_published_vader_examples():
    got = [s.compound for s in score_sentences(sentences(
        "The book was good.\nThe book was kind of good.\nA really bad, horrible book.\n"
        "At least it isn't a horrible book.\nToday SUX!"
    ))]
    assert got == [0.4404, 0.3832, -0.8211, 0.431, -0.5461]


def test_empty_input():
    assert score_sentences(()) == ()


# --------------------------------------------------------------------------- tone block


def test_tone_block_hand_computed():
    # Words: good(+1.9) news bad(-2.5) news and terrible(-2.1) news → 7 words, 1 pos, 2 neg.
    # "not great": word-level counts ignore negation, so "great" is positive and "not" neutral.
    # "," "." "!" and ":)" are not word tokens.
    text = "Good news, bad news and terrible news.\nNot great :)!"
    t = tone_block(sentences(text))
    assert t.word_count == 9
    assert t.positive_pct == pytest.approx(100 * 2 / 9)
    assert t.negative_pct == pytest.approx(100 * 2 / 9)
    assert t.tone == pytest.approx(0.0)
    assert t.polarity == pytest.approx(100 * 4 / 9)


def test_tone_block_uses_the_sentences_tokens():
    # A Sentence whose tokens were given explicitly: tone_block must not re-tokenise its text.
    s = Sentence(0, 0, 10, "ignored!!!", tokens=(Token("HAPPY", 0, 5), Token("x", 6, 7), Token("?", 8, 9)))
    t = tone_block([s])
    assert (t.word_count, t.positive_pct, t.negative_pct) == (2, 50.0, 0.0)


def test_tone_block_empty():
    t = tone_block(())
    assert (t.word_count, t.positive_pct, t.negative_pct, t.tone) == (0, 0.0, 0.0, 0.0)


# --------------------------------------------------------------------------- summarize


def fake(compounds):
    sents = [Sentence(i, 0, 0, f"s{i}", ()) for i in range(len(compounds))]
    return sents, [SentimentScores(0.0, 1.0, 0.0, c) for c in compounds]


def test_summarize_shares_and_extremes():
    sents, scores = fake([0.05, 0.6, 0.0, -0.049, -0.05, 0.6, -0.7, -0.7])
    s = summarize(sents, scores)
    assert s.compound_mean == pytest.approx(sum(c.compound for c in scores) / 8)
    assert (s.positive_share, s.neutral_share, s.negative_share) == (3 / 8, 2 / 8, 3 / 8)
    assert s.most_positive == 1  # tie 0.6 at 1 and 5 → first
    assert s.most_negative == 6  # tie -0.7 at 6 and 7 → first
    assert s.headline_compound is None


def test_summarize_none_when_no_positive_or_negative():
    sents, scores = fake([0.0, 0.04, -0.04])
    s = summarize(sents, scores)
    assert s.most_positive is None and s.most_negative is None
    assert s.neutral_share == 1.0
    s = summarize(*fake([-0.3, -0.1]))
    assert s.most_positive is None and s.most_negative == 0


def test_summarize_empty_and_headline():
    s = summarize((), (), headline="   ")
    assert (s.compound_mean, s.positive_share, s.neutral_share, s.negative_share) == (0.0, 0.0, 0.0, 0.0)
    assert s.most_positive is None and s.most_negative is None and s.headline_compound is None
    assert s.tone.word_count == 0
    head = "Kremlin missiles have rained down on civilian infrastructure"
    s = summarize((), (), headline=head)
    assert s.headline_compound == analyzer().polarity_scores(head)["compound"]


def test_summarize_real_article_and_length_mismatch():
    sents = sentences(NEWS)
    scores = score_sentences(sents)
    s = summarize(sents, scores)
    assert scores[s.most_negative].compound == min(x.compound for x in scores)
    assert scores[s.most_positive].compound == max(x.compound for x in scores)
    assert s.positive_share + s.neutral_share + s.negative_share == pytest.approx(1.0)
    assert s.tone == tone_block(sents)
    with pytest.raises(ValueError, match="sentences but"):
        summarize(sents, scores[:-1])


# --------------------------------------------------------------------------- SentimentVectorizer

DOCS = [
    "What a wonderful, happy success. Everyone cheered.",
    "A horrible attack killed nine people. The city mourned.",
    "Great news: the talks went well and peace looks likely.",
    "The shelling destroyed homes. Many were wounded and afraid.",
    "The minister met the delegation on Tuesday.",
    "Fantastic results, the best year ever!",
]
LABELS = [1, 0, 1, 0, 1, 1]


def test_vectorizer_features_match_summaries():
    X = SentimentVectorizer().fit_transform(DOCS)
    assert X.shape == (len(DOCS), len(FEATURE_NAMES)) and X.dtype == np.float64
    for row, doc in zip(X, DOCS):
        sents = sentences(doc)
        scores = score_sentences(sents)
        s = summarize(sents, scores)
        compounds = [x.compound for x in scores]
        expected = [s.compound_mean, min(compounds), max(compounds), s.positive_share,
                    s.neutral_share, s.negative_share, s.tone.tone, s.tone.polarity,
                    s.tone.word_count]
        assert row.tolist() == expected


def test_vectorizer_in_pipeline_with_clone_and_feature_names():
    pd = pytest.importorskip("pandas")
    from sklearn.base import clone
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    pipe = make_pipeline(SentimentVectorizer(), StandardScaler(), LogisticRegression())
    pipe.fit(pd.Series(DOCS), LABELS)
    assert pipe.predict(["A deadly, terrible massacre.", "A lovely, joyful celebration."]).tolist() == [0, 1]
    assert pipe[:-1].get_feature_names_out().tolist() == list(FEATURE_NAMES)

    vec = SentimentVectorizer(threshold=0.2, features=["tone", "compound_mean"])
    twin = clone(vec)
    assert twin is not vec and twin.get_params() == vec.get_params()
    assert not hasattr(twin, "feature_names_out_")
    twin.fit(DOCS)
    assert twin.get_feature_names_out().tolist() == ["tone", "compound_mean"]
    full = SentimentVectorizer().fit(DOCS).transform(DOCS)
    np.testing.assert_array_equal(
        twin.transform(DOCS), full[:, [FEATURE_NAMES.index("tone"), FEATURE_NAMES.index("compound_mean")]]
    )
    out = SentimentVectorizer().set_output(transform="pandas").fit_transform(DOCS)
    assert list(out.columns) == list(FEATURE_NAMES)
    again = pickle.loads(pickle.dumps(twin))
    np.testing.assert_array_equal(again.transform(DOCS), twin.transform(DOCS))


def test_vectorizer_input_errors():
    from sklearn.exceptions import NotFittedError

    vec = SentimentVectorizer()
    with pytest.raises(NotFittedError):
        vec.transform(DOCS)
    with pytest.raises(NotFittedError):
        vec.get_feature_names_out()
    with pytest.raises(ValueError, match="string object received"):
        vec.fit("one article as a string")
    vec.fit(DOCS)
    with pytest.raises(ValueError, match="string object received"):
        vec.transform("one article as a string")
    with pytest.raises(ValueError, match="document 1 is NoneType"):
        vec.transform(["fine", None])
    with pytest.raises(ValueError, match="1-d"):
        vec.transform(np.array([["a", "b"]], dtype=object))
    assert vec.transform([]).shape == (0, len(FEATURE_NAMES))
    gen = SentimentVectorizer().fit_transform(d for d in DOCS)  # one pass over a generator
    np.testing.assert_array_equal(gen, vec.transform(DOCS))
    assert vec.transform([""]).tolist() == [[0.0] * len(FEATURE_NAMES)]
    bad_params = [{"threshold": 1.5}, {"threshold": "0.1"}, {"features": ["nope"]},
                  {"features": "tone"}, {"features": []}, {"features": ["tone", "tone"]}]
    for bad in bad_params:
        with pytest.raises(ValueError):
            SentimentVectorizer(**bad).fit(DOCS)


@pytest.mark.parametrize(
    "check",
    [
        "check_estimator_cloneable",
        "check_estimator_repr",
        "check_no_attributes_set_in_init",
        "check_parameters_default_constructible",
        "check_get_params_invariance",
        "check_set_params",
        "check_do_not_raise_errors_in_init_or_set_params",
        "check_mixin_order",
        "check_valid_tag_types",
        "check_estimators_unfitted",
        "check_transformers_unfitted",
        "check_get_feature_names_out_error",
    ],
)
def test_sklearn_estimator_checks_without_numeric_data(check):
    # The other checks feed 2-d numeric arrays, which text vectorizers do not accept
    # (sklearn's own check_estimator skips CountVectorizer for the same reason).
    from sklearn.utils import estimator_checks

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        getattr(estimator_checks, check)("SentimentVectorizer", SentimentVectorizer())
