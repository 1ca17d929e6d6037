"""Plain text and Markdown: header block, front matter, headline, byline, Markdown syntax."""

from __future__ import annotations

from mediacompare.ingest import load
from mediacompare.ingest.plaintext import read_plaintext, strip_markdown

BODY = "Troops crossed the river at dawn, officials said.\n\nThe bridge was destroyed."


def test_header_after_furniture_and_headline():
    rec = read_plaintext(
        "Skip to main content\n\nTroops cross the river\n\nSource: Daily Planet\n"
        "Date: 14 November 2023\nURL: https://www.dailyplanet.com/x\nAuthor: Lois Lane\n\n" + BODY
    )
    assert rec.title == "Troops cross the river"
    assert (rec.outlet, rec.date, rec.url, rec.author) == (
        "Daily Planet",
        "14 November 2023",
        "https://www.dailyplanet.com/x",
        "Lois Lane",
    )
    assert rec.text == BODY
    assert rec.warnings == ("removed 1 page-furniture line",)


def test_title_key_wins_and_identical_headline_line_is_dropped():
    rec = read_plaintext(
        "Troops cross the river\nTitle: Troops cross the river\nOutlet: X\n\n" + BODY
    )
    assert rec.title == "Troops cross the river"
    assert rec.text == BODY


def test_title_key_wins_and_different_first_line_stays_in_body():
    rec = read_plaintext("World news today\n\nTitle: Troops cross the river\n\n" + BODY)
    assert rec.title == "Troops cross the river"
    assert rec.text == "World news today\n\n" + BODY


def test_headline_after_header_block():
    rec = read_plaintext("Source: Daily Planet\n\nTroops cross the river\n\n" + BODY)
    assert (rec.outlet, rec.title, rec.text) == ("Daily Planet", "Troops cross the river", BODY)


def test_no_header_and_sentence_first_line_gives_no_title():
    text = (
        "Vladimir Putin has been given a taste of his own medicine.\nKremlin missiles rained down."
    )
    rec = read_plaintext(text)
    assert rec.title is None and rec.outlet is None
    assert rec.text == text


def test_single_short_line_is_body_not_title():
    rec = read_plaintext("Troops cross the river")
    assert rec.title is None
    assert rec.text == "Troops cross the river"


def test_header_keys_only_in_the_head():
    text = "Officials spoke on Monday.\nSource: a senior official who asked not to be named."
    rec = read_plaintext(text)
    assert rec.outlet is None
    assert rec.text == text


def test_unknown_key_line_starts_the_body():
    rec = read_plaintext("Source: Daily Planet\nNote: this is an update.\n" + BODY)
    assert rec.outlet == "Daily Planet"
    assert rec.text.startswith("Note: this is an update.")


def test_front_matter():
    text = (
        '---\ntitle: "Troops cross the river"\noutlet: Daily Planet\ndate: 2023-11-14\n'
        "authors: [Lois Lane, Clark Kent]\ntags: war\n---\n\n" + BODY
    )
    rec = read_plaintext(text)
    assert (rec.title, rec.outlet, rec.date) == (
        "Troops cross the river",
        "Daily Planet",
        "2023-11-14",
    )
    assert rec.author == "Lois Lane, Clark Kent"
    assert rec.text == BODY


def test_unclosed_front_matter_is_text():
    rec = read_plaintext("---\nThe river was crossed at dawn, officials said.")
    assert rec.outlet is None
    assert "The river was crossed" in rec.text


def test_url_line_and_byline_in_head():
    rec = read_plaintext(
        "https://www.dailyplanet.com/news/x\nTroops cross the river\nBy Lois Lane\n\n" + BODY
    )
    assert rec.url == "https://www.dailyplanet.com/news/x"
    assert rec.author == "Lois Lane"
    assert rec.title == "Troops cross the river"
    assert rec.text == BODY


def test_sentence_starting_with_by_is_not_a_byline():
    rec = read_plaintext("By the end of the day, troops had crossed the river.")
    assert rec.author is None
    assert rec.text == "By the end of the day, troops had crossed the river."


def test_markdown_heading_and_syntax():
    text = "# Troops cross the river.\n\nThe **bridge** was [destroyed](https://x.org/a) at dawn.\n\n## Reaction\n\nCalm."
    rec = read_plaintext(text, markdown=True)
    assert rec.title == "Troops cross the river."
    assert rec.text == "The bridge was destroyed at dawn.\n\nReaction\n\nCalm."


def test_strip_markdown_keeps_plain_text():
    assert strip_markdown("A plain line, no syntax.") == "A plain line, no syntax."


def test_load_md_and_txt_files(tmp_path):
    (tmp_path / "a.md").write_text("# Troops cross the river\n\nOutlet: Daily Planet\n\n" + BODY)
    (tmp_path / "b.txt").write_text("Title: Calm returns\nDate: Nov 14, 2023\n\n" + BODY)
    corpus = load([tmp_path / "a.md", tmp_path / "b.txt"])
    a, b = corpus
    assert (a.id, a.title, a.outlet, a.outlet_rule) == (
        "a",
        "Troops cross the river",
        "Daily Planet",
        "metadata",
    )
    assert (b.id, b.title, b.date, b.outlet, b.outlet_rule) == (
        "b",
        "Calm returns",
        "2023-11-14",
        "b",
        "file stem",
    )
    assert a.text == b.text == BODY
