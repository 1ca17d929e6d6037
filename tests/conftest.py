"""Shared fixtures: small inline corpora and the location of the optional ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediacompare.model import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared_data() -> Path:
    """The development data folder beside the repository; skips the test when absent."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not beside the repository (development data only)")
    return data


@pytest.fixture
def two_outlets() -> list[Article]:
    """Four short articles from two outlets on the same (invented) event."""
    return [
        Article(id="a1", outlet="Daily Planet", title="Talks collapse as strikes go on",
                text="Peace talks collapsed on Monday. Strikes hit the capital and killed three people. "
                     "The minister condemned the brutal attack.\nOfficials warned of more violence."),
        Article(id="a2", outlet="Daily Planet", title="City braces for more attacks",
                text="Residents fled the city after the deadly strikes. The attack destroyed a school. "
                     "Officials warned of more violence."),
        Article(id="b1", outlet="Morning Star", title="Negotiators hopeful despite setback",
                text="Negotiators remained hopeful on Monday. Both sides agreed to meet again next week. "
                     "The minister praised the progress made so far.\nAid convoys reached the capital."),
        Article(id="b2", outlet="Morning Star", title="Aid reaches the capital",
                text="Aid convoys reached the capital safely. Volunteers welcomed the support. "
                     "Negotiators remained hopeful."),
    ]
