"""Long reports stay readable: lists capped behind "Show all", per-outlet blocks folded."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from mediacompare.api import compare
from mediacompare.model import Article
from mediacompare.report import environment
from mediacompare.report.render import CAP_BLOCKS

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synthetic_outlets import thirty_outlets  # noqa: E402


def _render(source: str, **values) -> str:
    return environment().from_string('{% import "_partials.html" as p %}' + source).render(**values)


def test_capped_shows_the_first_items_and_puts_the_rest_behind_show_all():
    html = _render(
        '{% call(x) p.capped(items, 2, "things", wrap="cards") %}<i>{{ x }}</i>{% endcall %}',
        items=["a", "b", "c", "d"],
    )
    shown, rest = html.split('<details class="show-all">')
    assert re.findall(r"<i>(\w)</i>", shown) == ["a", "b"]
    assert re.findall(r"<i>(\w)</i>", rest) == ["c", "d"]
    assert "Show all 4 things" in rest and rest.count('<div class="cards">') == 1


def test_capped_adds_nothing_when_everything_fits():
    html = _render('{% call(x) p.capped(items, 5, "things") %}<i>{{ x }}</i>{% endcall %}', items=["a"])
    assert "<i>a</i>" in html and "show-all" not in html


def test_counted_names_says_how_many_more():
    pairs = [("Ann", 3), ("Bob", 1), ("Cy", 1)]
    html = _render("{{ p.counted_names(pairs, 2) }}", pairs=pairs)
    assert html.startswith("Ann (3), Bob") and "and 1 more" in html
    assert "more" not in _render("{{ p.counted_names(pairs, 3) }}", pairs=pairs)


@pytest.fixture(scope="module")
def thirty_outlet_html() -> str:
    return compare(thirty_outlets()).to_html()


def test_thirty_outlets_show_eight_cards_and_strongest_sentence_blocks_first(thirty_outlet_html):
    overview = thirty_outlet_html.split('<section id="overview">')[1].split("</section>")[0]
    first, rest = overview.split('<details class="show-all">', 1)
    assert first.count('class="card"') == CAP_BLOCKS
    assert rest.count('class="card"') == 30 - CAP_BLOCKS and "Show all 30 outlets" in rest
    assert "Show all 30 outlets’ strongest sentences" in thirty_outlet_html


def _one_story(n_outlets: int) -> list[Article]:
    """One story told by ``n_outlets`` outlets, each in sentences of its own."""
    words = ["harbour", "bridge", "school", "market", "clinic", "stadium"]
    return [
        Article(id=f"o{i}", outlet=f"Outlet {i}", title=f"Storm report {i}",
                text=f"The storm damaged the old {words[i]} on Monday evening. "
                     f"Volunteers from the {words[i]} district cleared fallen trees quickly. "
                     f"Repairs to the {words[i]} will take several weeks, officials said.")
        for i in range(n_outlets)
    ]


@pytest.mark.parametrize("n_outlets, folded", [(2, False), (3, False), (4, True)])
def test_only_in_blocks_fold_when_a_story_has_more_than_three_outlets(n_outlets, folded):
    html = compare(_one_story(n_outlets), stories="one").to_html()
    blocks = re.findall(r'<details class="outlet-only"( open)?>', html)
    assert len(blocks) == n_outlets
    assert all(b == ("" if folded else " open") for b in blocks)
    # the folded line still names the outlet and how many sentences only it carries
    assert re.search(r"<summary><strong>Only in Outlet 0</strong>: \d+ sentences", html)


def test_who_is_quoted_names_the_top_speakers_and_counts_the_rest():
    speakers = [f"Speaker{chr(65 + i)} Person{chr(65 + i)}" for i in range(9)]
    text = " ".join(f'"We are ready number {i}," said {name}.' for i, name in enumerate(speakers))
    arts = [Article(id="a", outlet="One", text=text),
            Article(id="b", outlet="Two", text='"Nothing new," said Ann Other.')]
    html = compare(arts).to_html()
    sources = html.split('<section id="sources">')[1].split("</section>")[0]
    cell = re.search(r'data-label="who is quoted">(.*?)</td>', sources).group(1)
    assert cell.count(", ") == 5 and "and 3 more" in cell
    # the per-outlet quote list still names every speaker
    assert all(name in sources.split(cell, 1)[1] for name in speakers)


def test_an_outlets_quote_list_is_bounded_and_points_to_the_full_table(monkeypatch):
    from mediacompare.report import render

    monkeypatch.setitem(render.environment().globals, "QUOTES_LISTED", 3)
    text = " ".join(f'"Point {i} stands," said Ann Lee.' for i in range(5))
    cmp = compare([Article(id="a", outlet="One", text=text),
                   Article(id="b", outlet="Two", text='"Fine," said Bo Ray.')])
    html = cmp.to_html()
    one = html.split("One: 5 quotes and attributions")[1].split("</details>")[0]
    assert one.count("Point ") == 3 and "… and 2 more" in one and "cmp.quotes" in one
    assert len(cmp.quotes[cmp.quotes.outlet == "One"]) == 5


def test_only_the_largest_stories_are_drawn_and_the_rest_counted(monkeypatch):
    from mediacompare.report import render

    env = render.environment().globals
    monkeypatch.setitem(env, "CAP_STORIES", 1)
    monkeypatch.setitem(env, "STORIES_LISTED", 2)
    topics = {
        "storm": ["harbour", "bridge", "trees", "roofs", "flooding", "ferry"],
        "strike": ["drivers", "wages", "union", "depot", "buses", "talks"],
        "election": ["ballots", "turnout", "mayor", "polling", "council", "campaign"],
        "harvest": ["wheat", "farmers", "drought", "prices", "barley", "orchards"],
    }
    arts = [
        Article(id=f"{t}-{o}", outlet=f"Outlet {o}", title=f"{t} report {o}",
                text=f"The {w[o]} dominated the {t} news this week. "
                     f"Experts said the {w[o + 2]} would matter for months. "
                     f"Residents worried about the {w[o + 4]} and the {t}.")
        for t, w in topics.items() for o in range(2)
    ]
    stories = {a.id: a.id.split("-")[0] for a in arts}
    html = compare(arts, stories=stories).to_html()
    coverage = html.split('<section id="coverage">')[1].split("</section>")[0]
    assert coverage.count("<h3>Story ") == 2
    assert "… and 2 smaller stories" in coverage


def test_large_corpora_keep_only_the_cited_sentences_and_every_link_lands(monkeypatch, two_outlets):
    from mediacompare.report import render

    cmp = compare(two_outlets)
    full = cmp.to_html()
    monkeypatch.setattr(render, "FULL_TEXT_ARTICLES", 1)
    short = cmp.to_html()
    ids = set(re.findall(r'id="([^"]+)"', short))
    links = set(re.findall(r'href="#([^"]+)"', short))
    assert links <= ids
    sentence_ids = lambda html: set(re.findall(r'<span id="(art\d+-s\d+)"', html))  # noqa: E731
    assert sentence_ids(short) == {x for x in links if re.fullmatch(r"art\d+-s\d+", x)}
    assert sentence_ids(short) < sentence_ids(full)
    assert "each text shows only the sentences this report cites" in short
