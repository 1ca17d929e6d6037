"""Property-based tests: no crash on arbitrary text; offsets inside the text; scores in range."""

from __future__ import annotations

import math

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from mediacompare.analysis.pipeline import analyze  # noqa: E402
from mediacompare.ingest.dispatch import load  # noqa: E402
from mediacompare.errors import NothingUsableError  # noqa: E402
from mediacompare.model import Article  # noqa: E402
from mediacompare.text import sentences  # noqa: E402

#: News-like alphabet plus the characters that break naive code: quotes, marks, controls.
ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs", "Cc"),
    include_characters="\n\r\t “”‘’\"'.!?…$£€%-",
)
TEXTS = st.text(alphabet=ALPHABET, max_size=600) | st.lists(
    st.sampled_from(["Mr.", "Dr.", "U.S.", "said", "“Yes,”", "he", "Trump", "1,000", "km", "!",
                     "...", "\n", "The", "president", "$5m", "'", "(", ")", "Ms", "Obama."]),
    max_size=80,
).map(" ".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXTS)
def test_sentence_offsets_are_inside_the_text(text):
    previous_end = 0
    for s in sentences(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.start >= previous_end
        previous_end = s.end
        for t in s.tokens:
            assert s.start <= t.start < t.end <= s.end
            assert text[t.start : t.end] == t.text


@SETTINGS
@given(TEXTS)
def test_analysis_never_crashes_and_scores_are_in_range(text):
    a = analyze(Article(id="x", outlet="X", text=text or "."))
    for s in a.sentence_sentiment:
        assert -1 <= s.compound <= 1
        assert math.isclose(s.neg + s.neu + s.pos, 1, abs_tol=0.01) or s.neg + s.neu + s.pos == 0
    if a.sentiment is not None and a.sentence_sentiment:
        shares = a.sentiment.positive_share + a.sentiment.neutral_share + a.sentiment.negative_share
        assert math.isclose(shares, 1, abs_tol=1e-9)
    for m in a.actors:
        assert a.article.text[m.start : m.end] == m.text
    for q in a.quotes:
        assert 0 <= q.start <= q.end <= len(text or ".")
    for f in a.quantities:
        assert 0 <= f.start < f.end <= len(text or ".")


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".json", ".jsonl", ".csv", ".html"]))
def test_ingest_never_crashes_on_arbitrary_bytes(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("in") / f"input{suffix}"
    path.write_bytes(data)
    try:
        corpus = load([str(path)])
    except NothingUsableError as error:
        assert str(path) in str(error)
    else:
        for article in corpus:
            assert article.text.strip()
            article.text.encode("utf-8")  # never a lone surrogate
