from __future__ import annotations

import json

import pytest

from mediacompare.api import compare
from mediacompare.errors import ConfigError
from mediacompare.model import Article, Corpus, InputProblem
from mediacompare.report import SCHEMA_VERSION, environment

EVIL = "<script>alert(1)</script>"


@pytest.fixture
def cmp(two_outlets):
    evil = Article(id="evil", outlet=f"Evil {EVIL}", title=EVIL, text=f"Bad things {EVIL} happened.")
    corpus = Corpus(tuple(two_outlets) + (evil,), (InputProblem(f"{EVIL}.txt", "empty file"),))
    return compare(corpus)


def test_html_escapes_titles_outlets_text_and_problems(cmp):
    html = cmp.to_html()
    assert EVIL not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.startswith("<!DOCTYPE html>")


def test_html_is_self_contained(cmp):
    html = cmp.to_html()
    for needle in ("http://", "https://", "<script", "<link", "@import", "src="):
        assert needle not in html.replace("&lt;script", "")


def test_html_has_every_section(cmp):
    html = cmp.to_html()
    for section in ("overview", "tone", "words", "articles", "method", "problems"):
        assert f'id="{section}"' in html
    assert "Daily Planet" in html and "<svg" in html


def test_notebook_fragment_has_no_document_wrapper(cmp):
    from mediacompare.report import render_html

    fragment = cmp._repr_html_()  # the compact summary (tests/report/test_notebook_repr.py)
    assert "<html" not in fragment and "What differs" in fragment
    assert EVIL not in fragment
    full = render_html(cmp, fragment=True)
    assert "<html" not in full and "<svg" in full and EVIL not in full


def test_markdown_escapes_and_has_tables(cmp):
    md = cmp.to_markdown()
    assert "<script>" not in md
    assert "| outlet | articles |" in md
    assert "## Word choice" in md


def test_json_contract(cmp):
    data = json.loads(cmp.to_json(detail="sentences"))
    assert data["schema_version"] == SCHEMA_VERSION and data["detail"] == "sentences"
    outlet = data["outlets"][0]
    assert {"name", "n_articles", "distinctive_terms", "sentiment"} <= set(outlet)
    assert {"term", "z"} <= set(outlet["distinctive_terms"][0])
    article = data["articles"][0]
    assert {"id", "outlet", "title", "sentiment", "sentences"} <= set(article)
    assert isinstance(article["sentiment"]["compound_mean"], float)
    assert {"text", "compound", "start", "end"} <= set(article["sentences"][0])
    assert {"articles", "outlets", "verdict"} <= set(data["similarity"])
    assert data["problems"][0]["message"] == "empty file"


def test_json_summary_keeps_results_and_evidence_excerpts_only(cmp):
    from mediacompare.report.json import EVIDENCE_CAP, LIST_CAP

    full = json.loads(cmp.to_json(detail="sentences"))
    data = json.loads(cmp.to_json())
    assert data["detail"] == "summary"
    for short, long in zip(data["articles"], full["articles"], strict=True):
        assert "sentences" not in short and short["n_sentences"] == len(long["sentences"])
        assert short["sentiment"] == long["sentiment"] and short["id"] == long["id"]
        cited = {s["index"] for s in short["evidence_sentences"]}
        for name, frame in short["frames"]["generic"].items():
            assert len(frame["evidence"]) <= EVIDENCE_CAP
            assert frame["n_evidence"] == len(long["frames"]["generic"][name]["evidence"])
            assert {e["sentence"] for e in frame["evidence"] if e["sentence"] >= 0} <= cited  # -1: headline
        assert len(short["actors"]) <= LIST_CAP and short["n_actors"] == len(long["actors"])
        for actor, whole in zip(short["actors"], long["actors"]):
            assert actor["name"] == whole["name"] and actor["n_mentions"] == len(whole["mentions"])
            assert actor["first_mention"]["start"] == whole["mentions"][0]["start"]
    assert "articles" not in data["similarity"]
    assert {"id", "nearest", "similarity"} <= set(data["similarity"]["nearest"][0])
    assert len(json.dumps(data)) < len(json.dumps(full))


def test_an_unknown_detail_is_a_clear_error(cmp):
    from mediacompare.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown detail 'all'"):
        cmp.to_json(detail="all")


def test_json_compound_is_exactly_nltk(cmp):
    from mediacompare.analysis.sentiment import analyzer

    data = json.loads(cmp.to_json(detail="sentences"))
    for sentence in data["articles"][0]["sentences"]:
        assert sentence["compound"] == analyzer().polarity_scores(sentence["text"])["compound"]


def test_output_is_deterministic(two_outlets):
    assert compare(two_outlets).to_html() == compare(two_outlets).to_html()
    assert compare(two_outlets).to_json() == compare(two_outlets).to_json()


def test_save_picks_format_from_suffix_and_is_atomic(cmp, tmp_path):
    for suffix in ("html", "md", "json"):
        path = cmp.save(tmp_path / "out" / f"r.{suffix}")
        assert path.read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["r.html", "r.json", "r.md"]
    with pytest.raises(ConfigError, match="suffix"):
        cmp.save(tmp_path / "r.pdf")


def test_environment_autoescapes_html_only():
    env = environment()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    assert env.get_template("report.md").environment is env


def test_markdown_has_the_distinguishability_table_with_its_note(two_outlets):
    md = compare(two_outlets).to_markdown()
    assert "**Can the outlets be told apart?**" in md
    row = next(line for line in md.splitlines() if line.startswith("| Daily Planet vs Morning Star"))
    assert "at least" in row or "fewer" in row  # two articles per outlet: the reason, not numbers


def test_difference_tables_show_the_telling_rows_first_and_keep_the_rest(two_outlets):
    from mediacompare.comparison.stats.differences import Difference

    rows = tuple(
        Difference(f"m{i:02d}", "A", "B", 0.0, 0.0, i / 100, -0.1, 0.1, 0.0001 if i == 19 else 0.5,
                   0.002 if i == 19 else 0.5, 5, 5, "likely real" if i == 19 else "could be noise")
        for i in range(20)
    )
    env = environment()
    md = env.from_string('{% import "_partials.md" as p %}{{ p.differences_table(rows) }}').render(rows=rows)
    html = env.get_template("_partials.html").module.differences_table(rows, "caption")
    assert "Showing 12 of 20 comparisons" in md
    assert "| m19 | A (n=5) | B (n=5) | +0.19 | [−0.10, +0.10] | <0.001 | 0.002 | likely real |" in md
    assert sum(line.startswith("| m") and line[3:5].isdigit() for line in md.splitlines()) == 12
    assert "12 of 20 comparisons" in html and "All 20 comparisons" in html
    assert html.count(">m19</td>") == 2  # in the short table and in the full one


def test_article_heatmap_is_left_out_for_many_articles():
    arts = [
        Article(id=f"a{i}", outlet=("Planet" if i % 2 else "Star"), text=f"Storm number {i} hit the coast. Crews worked.")
        for i in range(45)
    ]
    html = compare(arts).to_html()
    assert "Article × article similarity" not in html
    assert "With 45 articles the article × article similarity map is not drawn" in html
    assert "Outlet × outlet similarity" in html


def test_markdown_never_doubles_quote_marks_around_quoted_sentences():
    from mediacompare import compare, load_example

    md = compare(load_example()).to_markdown()
    assert "““" not in md and "””" not in md
    assert "“Our goal is to use our weapons" in md


def test_every_article_links_back_to_the_contents(two_outlets):
    html = compare(two_outlets).to_html()
    assert 'id="contents"' in html
    articles = html.split('<section id="articles">')[1].split("</section>")[0]
    assert articles.count('<article ') == articles.count('href="#contents"') == len(two_outlets)
