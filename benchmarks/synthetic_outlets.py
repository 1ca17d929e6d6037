"""A synthetic 30-outlet corpus (60 short articles on two events), for the browser test and
``benchmarks/screenshots.py``: every outlet covers the same two events in slightly different
words, so a report of it has 30 outlets' worth of tables, charts and stories."""

from __future__ import annotations

from mediacompare.model import Article

EVENTS = {
    "flood": (
        "Heavy rain flooded the river valley on Monday, forcing {n} families from their homes.",
        "Rescue crews used boats to reach villages cut off by the water, officials said.",
        "The mayor called the damage {adj} and promised help for farmers.",
        '"We lost everything," said one resident, standing outside a ruined shop.',
    ),
    "budget": (
        "The finance minister presented a budget that raises spending on schools by {n} percent.",
        "Opposition leaders said the plan was {adj} and would push up borrowing.",
        "Economists expect growth to slow next year as interest rates stay high.",
        "The parliament will vote on the budget next week after a long debate.",
    ),
}
ADJECTIVES = ("devastating", "serious", "reckless", "modest", "catastrophic", "unacceptable")


def thirty_outlets() -> list[Article]:
    """60 short articles: 30 outlets, each covering the same two events in its own words."""
    return [
        Article(
            id=f"o{o:02d}-{event}",
            outlet=f"Outlet {o:02d} News",
            title=f"{event.title()} report by outlet {o}",
            text=" ".join(s.format(n=10 + o, adj=ADJECTIVES[(o + e) % len(ADJECTIVES)]) for s in sents),
        )
        for o in range(30)
        for e, (event, sents) in enumerate(EVENTS.items())
    ]
