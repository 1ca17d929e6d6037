"""The framing, actors, coverage and style sections of reports and their JSON contract."""

from __future__ import annotations

import json

import pytest

from mediacompare import compare, load_example
from mediacompare.analysis.framing import GENERIC_FRAMES
from mediacompare.model import Article


@pytest.fixture(scope="module")
def seeds():
    return compare(load_example())


@pytest.fixture(scope="module")
def data(seeds):
    return json.loads(seeds.to_json(detail="sentences"))  # every mention and quote


def test_json_frames_contract(data):
    for article in data["articles"]:
        generic = article["frames"]["generic"]
        assert set(generic) == set(GENERIC_FRAMES)
        for frame in generic.values():
            assert 0.0 <= frame["score"] <= 1.0 and isinstance(frame["present"], bool)
            assert isinstance(frame["evidence"], list)
        assert "security_defense" in article["frames"]["policy"]
        assert {"share"} <= set(article["frames"]["policy"]["security_defense"])
    outlet = data["outlets"][0]
    assert {"mean", "prevalence"} <= set(outlet["frames"]["generic"]["conflict"])


def test_seeds_show_conflict_and_security_in_both(seeds, data):
    for article in data["articles"]:
        assert article["frames"]["generic"]["conflict"]["present"]
        assert article["frames"]["primary_policy"] == "security_defense"
    html = seeds.to_html()
    assert 'id="frames"' in html and '<mark class="cue">' in html


def test_frame_evidence_offsets_point_into_the_text(seeds):
    for a in seeds.analyses:
        for frame in a.frames.generic.values():
            for ev in frame.evidence:
                if not ev.in_title:
                    for cue in ev.cues:
                        assert a.article.text[cue.start:cue.end] == cue.text


def test_json_actors_and_quotes_contract(data):
    tabloid = next(a for a in data["articles"] if a["outlet"] == "UK tabloid")
    names = {actor["name"] for actor in tabloid["actors"]}
    assert {"Vladimir Putin", "Jake Sullivan", "Dmitry Peskov"} <= names
    putin = next(actor for actor in tabloid["actors"] if actor["name"] == "Vladimir Putin")
    assert all({"start", "end", "sentiment"} <= set(m) for m in putin["mentions"])
    verbs = {(q["speaker"], q["verb"]) for q in tabloid["quotes"]}
    assert ("Kremlin", "scoff") in verbs
    assert all({"text", "start", "end", "speaker", "verb"} <= set(q) for q in tabloid["quotes"])
    meduza = next(a for a in data["articles"] if a["outlet"] == "Meduza")
    assert any(q["in_title"] and q["verb"] == "admit" for q in meduza["quotes"])
    assert any(q["speaker"] == "Oleksiy Danilov" for q in meduza["quotes"])


def test_sources_section_names_loaded_verbs(seeds):
    html = seeds.to_html()
    assert 'id="actors"' in html and 'id="sources"' in html
    assert "scoff" in html and "Ukraine admits" in html


def test_json_coverage_style_and_statistics_contract(data):
    for outlet in data["outlets"]:
        assert {"ci_low", "ci_high"} <= set(outlet["sentiment"])
        assert "sensationalism" in outlet["style"]
    for article in data["articles"]:
        assert "duplicate_of" in article and article["duplicate_of"] is None
        assert article["story"]
        assert {"sensationalism", "cues"} <= set(article["style"])
    assert set(data["coverage"]["unique"]) == {"Meduza", "UK tabloid"}
    assert all("text" in ref for ref in data["coverage"]["unique"]["Meduza"])
    assert {"tone", "frames", "actors", "style", "distinguishability"} <= set(data["statistics"])
    diff = data["statistics"]["tone"][0]
    assert {"p", "q", "ci_low", "ci_high", "verdict"} <= set(diff)
    assert diff["verdict"] == "too few articles to tell"


def test_figures_are_normalised_and_kept_apart(data):
    figures = data["coverage"]["stories"][0]["figures"]
    km = [f for f in figures if f["kind"] == "distance" and "700 kilometers" in f["texts"]]
    assert km and "400 miles" in km[0]["texts"]
    assert any(f["currency"] == "GBP" for f in figures)


def test_duplicates_are_marked_and_counted_once():
    text = ("Rescue teams searched the rubble on Tuesday after the earthquake. Officials said "
            "hundreds of buildings collapsed in the old town. Aid groups asked for blankets.")
    articles = [
        Article(id="a", outlet="Wire", text=text, date="2024-01-01"),
        Article(id="b", outlet="Daily", text=text, date="2024-01-02"),
        Article(id="c", outlet="Daily", text="The central bank raised interest rates again. "
                "Markets fell sharply in response to the decision."),
    ]
    cmp = compare(articles)
    data = json.loads(cmp.to_json())
    by_id = {a["id"]: a for a in data["articles"]}
    assert by_id["b"]["duplicate_of"] == "a" and by_id["a"]["duplicate_of"] is None
    assert cmp.profile("Daily").n_articles == 1
    # Named by outlet and title (untitled: the opening words), never by random ids.
    assert any(note.startswith("Daily, untitled: “Rescue teams searched the rubble on Tuesday "
                               "after the…” repeats Wire, untitled: “Rescue")
               for note in cmp.notes), cmp.notes
    assert not any("b repeats a" in note for note in cmp.notes)


def test_no_actor_article_is_handled():
    cmp = compare([Article(id="x", outlet="A", text="it rained all day. nothing happened.")])
    html = cmp.to_html()
    assert "No named actors were found" in html


def test_notes_name_unscored_articles_by_outlet_and_title():
    cmp = compare([
        Article(id="r1x9QzT", outlet="Meduza", title="Ракеты", text="Текст статьи здесь.", language="ru"),
        Article(id="e", outlet="BBC", text="Talks collapsed. Three died."),
    ])
    (note,) = cmp.notes
    assert note.startswith("Meduza “Ракеты”: ") and "r1x9QzT" not in note


def test_outlet_of_copies_only_shows_its_figures_marked_as_copies():
    text = ("Rescue teams searched the rubble on Tuesday after the earthquake. Officials said "
            "hundreds of buildings collapsed in the old town. Aid groups asked for blankets.")
    cmp = compare([
        Article(id="a", outlet="Wire", title="Quake flattens old town", text=text),
        Article(id="b", outlet="Syndicator", title="Quake flattens old town", text=text),
        Article(id="c", outlet="Herald", title="Rates rise", text="The central bank raised "
                "interest rates again. Markets fell sharply in response to the decision."),
    ])
    data = json.loads(cmp.to_json())
    by_name = {o["name"]: o for o in data["outlets"]}
    copies, wire = by_name["Syndicator"], by_name["Wire"]
    assert copies["copies_of"] == ["Wire"] and wire["copies_of"] == []
    assert copies["n_articles"] == 1 and copies["word_count"] == wire["word_count"] > 0
    for key in ("compound_mean", "negative_share", "neutral_share", "positive_share", "tone"):
        assert copies["sentiment"][key] is not None and copies["sentiment"][key] == wire["sentiment"][key]
    # Style and frame estimates are described too (never tested): the copy's values are its own.
    for metric, est in copies["style"].items():
        assert est["value"] == wire["style"][metric]["value"], metric
    assert copies["style"]["flesch_reading_ease"]["value"] is not None
    assert copies["frames"] and copies["frames"] == wire["frames"]
    assert copies["quotes"] is not None and copies["quotes"] == wire["quotes"]
    assert copies["quotes"]["speakers"]  # "Officials said …": the copy's speakers too
    assert "all its articles are copies of Wire’s" in cmp.to_markdown()
    html = cmp.to_html()
    assert "All its articles are copies of Wire’s" in html
    for section in ("tone", "sources", "style"):  # wherever its own figures are listed
        part = html.split(f'<section id="{section}">')[1].split("</section>")[0]
        assert "Syndicator<br><span class=\"muted small\">all its articles are copies of Wire’s" in part
    import re

    charts = re.findall(r"<svg.*?</svg>", html, re.S)
    outlet_charts = [c for c in charts if "Article × article" not in c]  # its article stays there
    assert len(outlet_charts) >= 3 and not any("Syndicator" in c for c in outlet_charts)
    assert cmp.outlets.loc["Syndicator", "copies_of"] == "Wire"
    for stats in (cmp.tone_stats, cmp.frame_stats, cmp.style_stats):
        assert all("Syndicator" not in (d.a, d.b) for d in stats.differences)
