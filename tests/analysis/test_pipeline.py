from __future__ import annotations

import pytest

from mediacompare.analysis.pipeline import analyze, analyze_all, analyze_batch
from mediacompare.analysis.records import SkippedArticle
from mediacompare.errors import ConfigError
from mediacompare.model import Article
from mediacompare.analysis.sentiment import analyzer


def test_analyze_scores_every_sentence_like_nltk(two_outlets):
    result = analyze(two_outlets[0])
    assert len(result.sentences) == len(result.sentence_sentiment) == 4
    for sentence, scores in zip(result.sentences, result.sentence_sentiment):
        assert scores.compound == analyzer().polarity_scores(sentence.text)["compound"]
    assert result.sentiment.negative_share > 0.5
    assert result.term_counts["strikes"] == 1
    assert result.word_count == result.sentiment.tone.word_count > 0


def test_non_english_article_is_kept_but_not_scored():
    article = Article(id="ru", outlet="X", language="ru", text="Министр заявил, что план выполняется.")
    result = analyze(article)
    assert isinstance(result, SkippedArticle) and not result.scored
    assert "not English" in result.skipped_reason
    assert result.sentences and result.word_count == 5
    assert not hasattr(result, "sentiment")  # nothing half-filled: no scores at all


@pytest.mark.parametrize("backend, jobs", [("processes", 2), ("dask", 2)])
def test_parallel_backends_match_serial(two_outlets, backend, jobs):
    articles = two_outlets * 3
    serial = analyze_all(articles, backend="serial")
    parallel = analyze_all(articles, backend=backend, jobs=jobs)
    assert parallel == serial


def test_a_batch_gives_each_article_exactly_its_own_analysis(two_outlets):
    # the loaded-language and actor-sentiment classifiers score the whole batch in one call;
    # every sentence and mention must still come out as if scored alone (titles: NaN != NaN)
    mixed = [*two_outlets, Article(id="ru", outlet="X", language="ru", text="Министр заявил."),
             Article(id="none", outlet="X", title="Rain", text="Rain. More rain.")]
    assert analyze_batch(mixed) == [analyze(a) for a in mixed]
    assert analyze_batch([]) == []


def test_a_batch_pauses_the_garbage_collector_only_while_it_runs(two_outlets, monkeypatch):
    import gc

    from mediacompare.analysis import pipeline

    seen = []
    real = pipeline._draft

    def spy(article, options):
        seen.append(gc.isenabled())
        return real(article, options)

    monkeypatch.setattr(pipeline, "_draft", spy)
    assert gc.isenabled()
    analyze_batch(two_outlets)
    assert len(seen) == len(two_outlets) and not any(seen) and gc.isenabled()
    gc.disable()
    try:
        analyze_batch(two_outlets)
        assert not gc.isenabled()  # a caller's own choice is left as it was
    finally:
        gc.enable()


def test_progress_is_called_per_article(two_outlets):
    seen = []
    analyze_all(two_outlets, progress=seen.append)
    assert sum(seen) == len(two_outlets)


def test_unknown_backend_is_a_clear_error(two_outlets):
    with pytest.raises(ConfigError, match="unknown backend"):
        analyze_all(two_outlets, backend="spark")
