"""The coverage section's view and its Markdown: readable duplicates, left-out articles, counts."""

from __future__ import annotations

import pytest

from mediacompare import compare
from mediacompare.model import Article
from mediacompare.report.views.coverage import coverage_view

QUAKE = ("Rescue teams searched the rubble of the old town on Tuesday after the earthquake. "
         "Officials said 300 buildings collapsed in the old town. Aid groups asked for blankets "
         "and tents.")
QUAKE_2 = ("Rescue teams dug through the rubble of the old town after Tuesday's earthquake. "
           "Officials said 250 buildings collapsed in the old town. The mayor thanked the "
           "volunteers for their help.")
BANK = ("The central bank raised interest rates again on Tuesday. Markets fell sharply in "
        "response to the decision of the central bank.")


@pytest.fixture(scope="module")
def cmp():
    day = "2024-01-02"
    return compare([
        Article(id="a", outlet="Wire", text=QUAKE, title="Quake flattens old town", date=day),
        Article(id="b", outlet="Daily", text=QUAKE, title="Quake (copy)", date=day),
        Article(id="c", outlet="Daily", text=QUAKE_2, title="Volunteers dig after quake", date=day),
        Article(id="d", outlet="Daily", text=BANK, title="Rates rise again", date=day),
    ])


def test_duplicates_and_left_out_articles_are_named_by_outlet_and_title(cmp):
    cv = coverage_view(cmp)
    assert cv.duplicates == (("Daily “Quake (copy)”", "Wire “Quake flattens old town”"),)
    assert cv.left_out == ("Daily “Rates rise again”",)
    (story,) = cv.stories
    counts = {o.outlet: (o.n_compared, len(o.shared), o.n_unique) for o in story.outlets_view}
    assert counts == {"Daily": (3, 2, 1), "Wire": (3, 2, 1)}


def test_markdown_coverage_explains_counts_and_figures(cmp):
    md = cmp.to_markdown()
    section = md[md.index("## Coverage"):md.index("## Style")]
    assert "Daily “Quake \\(copy\\)” repeats Wire “Quake flattens old town”" in section
    assert "Left out of this section" in section and "Rates rise again" in section
    assert "| Daily | 3 | 2 | 1 | 67% |" in section
    assert "⚠ Figures differ: building \\(count\\): Daily 250; Wire 300" in section
    style = md[md.index("## Style"):]
    assert "| marker | outlet | value | 95% interval |" in style
