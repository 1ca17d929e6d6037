from __future__ import annotations

import math

import pytest

from mediacompare.analysis.pipeline import analyze_all
from mediacompare.api import compare
from mediacompare.errors import NothingUsableError
from mediacompare.model import Article, Corpus, InputProblem


def test_outlet_profiles_aggregate_articles(two_outlets):
    cmp = compare(two_outlets)
    assert cmp.outlet_names == ("Daily Planet", "Morning Star")
    planet, star = cmp.profiles
    assert planet.n_articles == star.n_articles == 2
    assert planet.compound_mean < 0 < star.compound_mean
    expected = sum(a.sentiment.compound_mean for a in cmp.analyses[:2]) / 2
    assert planet.compound_mean == pytest.approx(expected)
    assert planet.distinctive_terms and star.distinctive_terms
    assert all(t.z > 0 for t in planet.distinctive_terms)


def test_precomputed_analyses_are_reused(two_outlets):
    analyses = analyze_all(two_outlets)
    assert compare(analyses).analyses == analyses


def test_similarity_matrices_are_symmetric_with_unit_diagonal(two_outlets):
    sim = compare(two_outlets).similarity
    assert sim.articles.shape == (4, 4)
    assert (abs(sim.articles - sim.articles.T) < 1e-12).all()
    assert all(math.isclose(sim.articles[i, i], 1.0) for i in range(4))
    assert sim.outlet_names == ("Daily Planet", "Morning Star")
    assert sim.verdict.level


def test_one_outlet_is_a_profile_with_a_note():
    cmp = compare([Article(id="x", outlet="Solo", text="The war goes on. The war is bad.")])
    assert any("comparison needs" in note for note in cmp.notes)
    assert cmp.profiles[0].distinctive_terms == ()


def test_problems_from_ingest_are_carried(two_outlets):
    corpus = Corpus(tuple(two_outlets), (InputProblem("bad.csv", "no text column", 1),))
    assert compare(corpus).problems == corpus.problems


def test_nothing_to_compare_is_a_clear_error():
    with pytest.raises(NothingUsableError, match="bad.txt"):
        compare(Corpus((), (InputProblem("bad.txt", "empty file"),)))


def test_dataframes(two_outlets):
    cmp = compare(two_outlets)
    articles = cmp.articles
    assert list(articles.index) == ["a1", "a2", "b1", "b2"]
    assert {"outlet", "title", "compound_mean", "tone"} <= set(articles.columns)
    outlets = cmp.outlets
    assert list(outlets.index) == ["Daily Planet", "Morning Star"]
    assert outlets.loc["Daily Planet", "articles"] == 2
    row = outlets.loc["Daily Planet"]  # two articles: a sentence-level interval around the mean
    assert row["compound_ci_low"] <= row["compound_mean"] <= row["compound_ci_high"]
    assert "sentence-level" in row["compound_ci_method"]
    sentences = cmp.sentences
    assert len(sentences) == sum(len(a.sentences) for a in cmp.analyses)
    assert set(cmp.terms["outlet"]) == {"Daily Planet", "Morning Star"}


def test_analysis_dataframes(two_outlets):
    cmp = compare(two_outlets)
    articles = cmp.articles
    assert {"frame_conflict", "style_sensationalism", "duplicate_of", "story", "quotes"} <= set(
        articles.columns
    )
    frames = cmp.frames
    generic = frames[frames["codebook"] == "generic"]
    assert len(generic) == 4 * 5
    assert generic["score"].between(0, 1).all()
    assert set(frames["codebook"]) >= {"generic", "policy"}
    actors = cmp.actor_coverage
    assert list(actors.columns[:4]) == ["actor", "kind", "group", "outlet"]
    quotes = cmp.quotes
    assert list(quotes.columns) == [
        "article", "outlet", "sentence", "start", "end", "kind", "speaker", "speaker_actor",
        "verb", "verb_class", "text",
    ]
    differences = cmp.differences
    assert set(differences["family"]) <= {"tone", "frames", "actors", "style"}
    assert "tone" in set(differences["family"])
    assert differences["p"].between(0, 1).all() and (differences["q"] >= differences["p"]).all()


def test_actor_and_quote_tables_on_the_seeds():
    from mediacompare import load_example

    cmp = compare(load_example())
    quotes = cmp.quotes
    tabloid = quotes[quotes["outlet"] == "UK tabloid"]
    assert "scoffed" in set(tabloid["verb"])
    actors = cmp.actor_coverage.set_index(["actor", "outlet"])
    assert actors.loc[("Ukraine", "UK tabloid"), "mentions"] >= 5
    assert actors.loc[("Ukraine", "UK tabloid"), "ci_low"] <= actors.loc[("Ukraine", "UK tabloid"), "sentiment"]


def test_repr_names_outlets(two_outlets):
    assert "Daily Planet" in repr(compare(two_outlets))


def test_outlet_whose_only_article_repeats_another_outlets_is_shown_not_counted(two_outlets):
    wire = two_outlets[0]
    copy = Article(id="w1", outlet="Wire Copy", title="Syndicated", text=wire.text)
    cmp = compare([*two_outlets, copy])
    assert cmp.coverage.duplicate_of["w1"] == wire.id
    assert any(note.startswith("Wire Copy “Syndicated” repeats ") for note in cmp.notes)
    # Shown in the article heatmap, left out of outlet similarity and tests ...
    assert "w1" in cmp.similarity.article_ids
    assert "Wire Copy" not in cmp.similarity.outlet_names
    assert all("Wire Copy" not in (d.a, d.b) for d in cmp.distinguishability)
    assert all("Wire Copy" not in (d.a, d.b) for d in cmp.tone_stats.differences)
    # ... but its descriptive figures are its copy's own, marked as copies.
    profile, original = cmp.profile("Wire Copy"), cmp.profile(wire.outlet)
    assert profile.copies_of == (wire.outlet,) and original.copies_of == ()
    assert profile.n_articles == profile.n_scored == 1
    copy_analysis = next(a for a in cmp.analyses if a.article.id == "w1")
    assert profile.compound_mean == copy_analysis.sentiment.compound_mean
    assert profile.word_count == copy_analysis.word_count
    # Every output format renders.
    assert "Wire Copy" in cmp.to_html()
    assert "Wire Copy" in cmp.to_markdown()
    assert '"w1"' in cmp.to_json()


def test_stories_can_be_one_or_given(two_outlets):
    one = compare(two_outlets, stories="one")
    assert set(one.articles["story"]) == {"s01"}
    given = compare(two_outlets, stories={"a1": "talks", "b1": "talks", "a2": "aid", "b2": "aid"})
    assert dict(given.articles["story"]) == {"a1": "talks", "a2": "aid", "b1": "talks", "b2": "aid"}
    assert sorted(s.story for s in given.coverage.stories) == ["aid", "talks"]


def test_bad_stories_are_clear_errors(two_outlets):
    from mediacompare.errors import ConfigError

    with pytest.raises(ConfigError, match='"auto", "one"'):
        compare(two_outlets, stories="all")
    with pytest.raises(ConfigError, match="no story given for 2 article"):
        compare(two_outlets, stories={"a1": "x", "b1": "x"})


def test_outlets_naming_themselves_are_left_out_of_word_choice():
    text = "{0} reported that the storm hit the coast. Residents told {0} they were afraid."
    arts = [
        Article(id=f"{o}{i}", outlet=o, text=text.format(o) + extra)
        for o, extra in (("CNN", " Floods followed. Floods again."), ("NPR", " Winds eased. Winds calm."))
        for i in range(3)
    ]
    cmp = compare(arts)
    assert cmp.self_references == ("cnn", "npr")
    terms = {t.term for p in cmp.profiles for t in p.distinctive_terms}
    assert terms and not any("cnn" in t or "npr" in t for t in terms)
    assert "floods" in terms
    for d in cmp.distinguishability:
        assert not any("cnn" in t or "npr" in t for t, _ in d.top_terms_a + d.top_terms_b)
    assert "names itself (cnn, npr)" in cmp.to_markdown()


def test_many_outlets_are_each_compared_with_the_rest():
    from mediacompare.comparison.metrics import MAX_PAIRWISE_OUTLETS

    n = MAX_PAIRWISE_OUTLETS + 1
    arts = [
        Article(id=f"o{k}a{i}", outlet=f"Outlet {k:02d}",
                text=f"Report {i} from desk {k}. The council met on Monday. Word{k} appeared again.")
        for k in range(n) for i in range(2)
    ]
    cmp = compare(arts)
    assert len(cmp.distinguishability) == n
    assert {d.b for d in cmp.distinguishability} == {"rest"}
    assert {d.b for d in cmp.tone_stats.differences} == {"rest"}
    assert cmp.pairwise_terms == {}


def test_dataframes_are_tidy_long_tables_with_datetimes():
    from mediacompare import Article, load_example

    cmp = compare(load_example())
    for frame in (cmp.articles, cmp.outlets, cmp.actor_coverage, cmp.actor_words, cmp.quotes, cmp.frames):
        for column in frame.columns:
            assert not frame[column].map(lambda v: isinstance(v, dict | list | tuple)).any(), column
    words = cmp.actor_words
    assert list(words.columns) == ["actor", "outlet", "kind", "text", "count"]
    russia = words[(words["actor"] == "Russia") & (words["outlet"] == "Meduza")]
    assert ("name", "Russia") in set(zip(russia["kind"], russia["text"]))
    dated = compare([Article(id="a", outlet="X", text="Talks went on. Aid came.", date="2024-01-02"),
                     Article(id="b", outlet="Y", text="Talks failed. War came.")]).articles
    assert str(dated["date"].dtype).startswith("datetime64")
    assert str(dated.loc["a", "date"].date()) == "2024-01-02" and dated["date"].isna().sum() == 1


def test_a_nickname_is_a_label_of_its_person_for_the_outlet_that_wrote_it():
    from mediacompare import Article

    cmp = compare([
        Article(id="a", outlet="Tabloid", text=(
            'North Korean leader Kim Jong Un tested a missile. Trump referred to Kim as "Rocket Man." '
            "Rocket Man fired again on Sunday.")),
        Article(id="b", outlet="Wire", text="North Korean leader Kim Jong Un tested a missile. Kim fired again."),
    ])
    words = cmp.actor_words
    kim = words[words["actor"] == "Kim Jong Un"]
    nicknames = kim[kim["kind"] == "nickname"]
    assert list(zip(nicknames["outlet"], nicknames["text"])) == [("Tabloid", "Rocket Man")]
    tabloid = kim[kim["outlet"] == "Tabloid"]
    assert ("name", "Rocket Man") in set(zip(tabloid["kind"], tabloid["text"]))
