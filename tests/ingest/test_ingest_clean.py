"""Cleaning: page furniture, repeated blocks, normalisation."""

from __future__ import annotations

import pytest

from mediacompare.ingest.clean import clean_text, drop_repeated_blocks, is_furniture


@pytest.mark.parametrize(
    "line",
    [
        "Skip to main content",
        "Skip to content",
        "SKIP TO MAIN CONTENT",
        "Share this article",
        "Share",
        "Share on Facebook",
        "Share on Twitter",
        "Share via Email",
        "Facebook",
        "Copy link",
        "Advertisement",
        "Story continues below advertisement",
        "We use cookies to improve your experience. By continuing you agree to our policy.",
        "Accept all cookies",
        "Cookie settings",
        "Sign up for our daily newsletter",
        "Sign up to our Morning Briefing newsletter and never miss a story",
        "Subscribe",
        "Read more",
        "Read more:",
        "Read more: Putin vows revenge after Crimea strike",
        "Related articles",
        "Most read",
        "Listen to this article",
        "5 min read",
        "Back to top",
        "Follow us on Twitter",
        "Continue reading the main story",
        "Story Continued Below",
        "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
        "Slideshow (11 Images)",
        "next Image 1 of 2",
        "This article is more than 2 years old",
        "Updated at 5:42 p.m. ET",
        "Enlarge this image toggle caption Alex Wong/Getty Images Alex Wong/Getty Images",
        "Hide caption Kim and Moon walk to the official welcome hall.",
        "JUST WATCHED Trump hammers at birther issue Replay More Videos ... MUST WATCH Trump hammers at birther issue 07:16",
        "[pullquote]",
        "___",
    ],
)
def test_furniture_lines_are_recognised(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Read more about the advertisement campaign in Kyiv today.",
        "Facebook said it removed the video.",
        "He refused to share the plan with allies.",
        "We use diplomacy first, the minister said.",
        "The Pskov airport strike",
        "The video shows the gunman entering the church.",
        "Copyright law was not the issue, the judge said in 2019.",
        "",
    ],
)
def test_article_lines_are_kept(line):
    assert not is_furniture(line)


def test_clean_text_removes_furniture_anywhere_and_counts_it():
    text = "Skip to main content\n\nFirst paragraph.\n\nAdvertisement\n\nSecond paragraph.\nShare this article"
    cleaned = clean_text(text)
    assert cleaned.text == "First paragraph.\n\nSecond paragraph."
    assert cleaned.furniture_removed == 3
    assert cleaned.warnings == ("removed 3 page-furniture lines",)


def test_repeated_two_line_block_is_kept_once():
    text = "Teaser head\n\nTeaser body line\n\nMain text.\n\nTeaser head\n\nTeaser body line"
    cleaned = clean_text(text)
    assert cleaned.text == "Teaser head\n\nTeaser body line\n\nMain text."
    assert cleaned.repeated_blocks_removed == 1
    assert cleaned.warnings == ("removed 1 repeated block (2 lines)",)


def test_repeated_block_repeated_twice_is_two_blocks_removed():
    lines = ["A b", "C d", "Body.", "A b", "C d", "Other.", "A b", "C d"]
    kept, blocks, dropped = drop_repeated_blocks(lines)
    assert kept == ["A b", "C d", "Body.", "Other."]
    assert (blocks, dropped) == (2, 4)


def test_long_single_repeated_line_is_dropped_but_short_one_kept():
    long = "Officials said the convoy would arrive in the capital by Friday morning."
    kept, blocks, _ = drop_repeated_blocks([long, "Yes.", "Middle.", long, "Other.", "Yes."])
    assert kept == [long, "Yes.", "Middle.", "Other.", "Yes."]
    assert blocks == 1


def test_title_repeated_as_first_body_line_is_dropped_once():
    cleaned = clean_text("\nBig Story\nBig story continues.\nBig Story", title="Big story")
    assert cleaned.text == "Big story continues.\nBig Story"


def test_normalisation_of_quotes_spaces_and_blank_lines():
    cleaned = clean_text("  «Quote»\u00a0 said  he.\r\n\r\n\r\n\r\nNext.  ")
    assert cleaned.text == "“Quote” said he.\n\nNext."
    assert cleaned.warnings == ()


def test_photo_gallery_paragraph_is_dropped_however_long():
    captions = " ".join(
        f"Photos: Church shooting Mourners gather at a vigil number {i}. Hide Caption {i} of 15"
        for i in range(1, 16)
    )
    assert len(captions) > 1000
    cleaned = clean_text(f"Twenty-six people were killed.\n\n{captions}\n\nThe gunman died.")
    assert cleaned.text == "Twenty-six people were killed.\n\nThe gunman died."
    assert cleaned.furniture_removed == 1


def test_doubled_picture_credit_is_cut_from_the_line_it_ends():
    text = (
        "Presidents down on the farm. Enlarge this image toggle caption "
        "Charles Dharapak/AP Charles Dharapak/AP\nThe tour went on."
    )
    cleaned = clean_text(text)
    assert cleaned.text == "Presidents down on the farm.\nThe tour went on."
    assert cleaned.warnings == ("removed 1 page-furniture line",)


def test_line_labels_are_cut_and_the_text_kept():
    text = (
        "Story highlights Kim threatens the South\n"
        "Update at 9:45 a.m. ET: The White House says the economy is still fighting back.\n"
        "Updated at 5:42 p.m. ET\n"
        "The story highlights a problem."
    )
    assert clean_text(text).text == (
        "Kim threatens the South\n"
        "The White House says the economy is still fighting back.\n"
        "The story highlights a problem."
    )


def test_byline_block_moves_to_the_author():
    from mediacompare.ingest.clean import strip_byline

    text = "Donna Leinwand Leger, William M. Welch and John Bacon\nUSA TODAY\nThe storm hit the coast."
    assert strip_byline(text, "USA TODAY") == (
        "The storm hit the coast.", "Donna Leinwand Leger, William M. Welch and John Bacon",
    )
    # ordinary text before the outlet's name is left alone
    assert strip_byline("The storm hit.\nUSA TODAY", "USA TODAY") == ("The storm hit.\nUSA TODAY", None)
