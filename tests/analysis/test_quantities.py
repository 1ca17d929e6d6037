"""Quantities: extraction of each kind, unit normalisation, qualifiers, cross-outlet comparison."""

from __future__ import annotations

import pytest

from mediacompare.analysis.quantities import KM_PER_MILE, Quantity, consistent, extract_quantities
from mediacompare.comparison.quantities import compare_quantities
from mediacompare.text import sentences


def extract(text: str) -> list[Quantity]:
    qs = extract_quantities(sentences(text))
    for q in qs:
        assert text[q.start : q.end] == q.text
    return list(qs)


def one(text: str) -> Quantity:
    qs = extract(text)
    assert len(qs) == 1, qs
    return qs[0]


# --------------------------------------------------------------------------- kinds


@pytest.mark.parametrize(
    ("text", "value", "surface", "subject"),
    [
        ("Ukraine hit a target at a distance of 700 kilometers.", 700.0, "700 kilometers", "distance"),
        ("It flew 12 km.", 12.0, "12 km", None),
        ("It flew 10km.", 10.0, "10km", None),
        ("The 186-mile-range missiles arrived.", 186 * KM_PER_MILE, "186-mile", "range"),
        ("The base is 400 miles away.", 400 * KM_PER_MILE, "400 miles", None),
        ("A crater 500 metres wide.", 0.5, "500 metres", None),
    ],
)
def test_distances_in_km(text: str, value: float, surface: str, subject: str | None) -> None:
    q = one(text)
    assert (q.kind, q.unit, q.text, q.subject) == ("distance", "km", surface, subject)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "currency", "surface"),
    [
        ("He pledged £3 billion pounds.", 3e9, "GBP", "£3 billion pounds"),
        ("Sales hit $11.1bn.", 11.1e9, "USD", "$11.1bn"),
        ("Profit was £600m.", 6e8, "GBP", "£600m"),
        ("It costs €50.", 50.0, "EUR", "€50"),
        ("A deal worth US$2 million.", 2e6, "USD", "US$2 million"),
        ("They paid 500 million dollars.", 5e8, "USD", "500 million dollars"),
        ("They raised 40 pounds.", 40.0, "GBP", "40 pounds"),
        ("A fund of 3 billion euros.", 3e9, "EUR", "3 billion euros"),
    ],
)
def test_money_keeps_its_currency(text: str, value: float, currency: str, surface: str) -> None:
    q = one(text)
    assert (q.kind, q.currency, q.unit, q.text) == ("money", currency, currency, surface)
    assert q.value == pytest.approx(value)


def test_pounds_of_is_weight_not_money() -> None:
    assert [q.kind for q in extract("They dropped 500 pounds of explosives.")] != ["money"]


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("It includes 1,600 strike and air defence missiles.", 1600.0, "missiles"),
        ("Three people died.", 3.0, "people"),
        ("Twenty-five soldiers were hurt.", 25.0, "soldiers"),
        ("A dozen drones flew over.", 12.0, "drones"),
        ("Some 2.5 million refugees fled.", 2.5e6, "refugees"),
        ("It was used in at least one strike on Crimea.", 1.0, "strike"),
        ("Officials sent 2000 troops.", 2000.0, "troops"),
    ],
)
def test_counts_with_their_subject(text: str, value: float, subject: str) -> None:
    q = one(text)
    assert (q.kind, q.value, q.subject) == ("count", value, subject)


@pytest.mark.parametrize(
    "text",
    ["No one will tell you.", "One of them left.", "Article 5 applies.", "F-16 jets flew.",
     "They met at 10:30 and at 3pm.", "It ended 2-1.", "He came first, then 7.", "In the 1990s."],
)
def test_no_quantity(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "subject"),
    [
        ("NATO should raise defence spending to 2.5 percent of GDP.", 2.5, "percent", "defence spending"),
        ("Profits jumped 76%.", 76.0, "percent", None),
        ("Turnout was 60 per cent.", 60.0, "percent", "turnout"),
        ("It owns 8% of Google.", 8.0, "percent", "google"),
        ("Rates rose by 2 percentage points.", 2.0, "percentage point", "rates"),
    ],
)
def test_percentages(text: str, value: float, unit: str, subject: str | None) -> None:
    q = one(text)
    assert (q.kind, q.value, q.unit, q.subject) == ("percent", value, unit, subject)


@pytest.mark.parametrize(
    ("text", "days", "subject"),
    [
        ("Aid was held up during six months in Congress.", 6 * 365.2425 / 12, None),
        ("After a six-month delay it came.", 6 * 365.2425 / 12, "delay"),
        ("The talks took two weeks.", 14.0, None),
        ("A 23-year-old man was held.", 23 * 365.2425, "age"),
    ],
)
def test_durations_in_days(text: str, days: float, subject: str | None) -> None:
    q = one(text)
    assert (q.kind, q.unit, q.subject) == ("duration", "day", subject)
    assert q.value == pytest.approx(days)


@pytest.mark.parametrize(
    ("text", "iso", "surface"),
    [
        ("It became known in August.", "--08", "August"),
        ("Biden agreed back in February.", "--02", "February"),
        ("Support will continue in 2024.", "2024", "2024"),
        ("It happened on 5 May 2024.", "2024-05-05", "5 May 2024"),
        ("It happened on March 3, 2022.", "2022-03-03", "March 3, 2022"),
        ("The vote is in May.", "--05", "May"),
    ],
)
def test_dates(text: str, iso: str, surface: str) -> None:
    q = one(text)
    assert (q.kind, q.iso, q.text) == ("date", iso, surface)


def test_may_the_verb_is_not_a_date() -> None:
    assert extract("It may rain. May I come?") == []


# --------------------------------------------------------------------------- qualifiers


@pytest.mark.parametrize(
    ("text", "qualifier", "bound"),
    [
        ("It hit a target more than 400 miles away.", "more than", ">"),
        ("They fired at least 40 missiles.", "at least", ">="),
        ("It took almost six months.", "almost", "~"),
        ("About 300 troops left.", "about", "~"),
        ("Up to 50 drones were shot down.", "up to", "<="),
        ("It is some £3 billion.", "some", "~"),
    ],
)
def test_qualifiers(text: str, qualifier: str, bound: str) -> None:
    q = one(text)
    assert (q.qualifier, q.bound) == (qualifier, bound)
    assert qualifier not in q.text.lower()  # kept as a field, not in the surface text


def _q(kind, value, unit="km", currency=None, subject=None, qualifier=None):
    return Quantity(kind, value, unit, currency, "x", 0, 1, 0, subject, qualifier)


def test_unit_normalisation_700_km_is_435_miles() -> None:
    km = one("A target 700 kilometers away.")
    miles = one("A target 435 miles away.")
    assert miles.value == pytest.approx(700.07, abs=0.01)
    assert consistent(km, miles, rel_tol=0.01)
    assert not consistent(km, one("A target 186 miles away."))


def test_currencies_are_never_equal() -> None:
    pounds, dollars = one("It costs £500m."), one("It costs $500m.")
    assert pounds.value == dollars.value
    assert not consistent(pounds, dollars)
    cmp = compare_quantities({"A": [pounds], "B": [dollars]})
    assert cmp.shared() == () and cmp.disagreements == ()
    assert {g.currency for g in cmp.groups} == {"GBP", "USD"}


def test_bounds_are_respected() -> None:
    assert consistent(_q("distance", 700), _q("distance", 643.7, qualifier="more than"))
    assert not consistent(_q("distance", 500), _q("distance", 643.7, qualifier="more than"))
    assert consistent(_q("count", 40, "count"), _q("count", 50, "count", qualifier="up to"))
    assert not consistent(_q("count", 80, "count"), _q("count", 50, "count", qualifier="up to"))
    assert consistent(_q("count", 95, "count"), _q("count", 100, "count", qualifier="about"))
    assert consistent(_q("date", 20240200, "date"), _q("date", 200, "date"))
    assert not consistent(_q("date", 20240000, "date"), _q("date", 200, "date"))


# --------------------------------------------------------------------------- comparison


def test_comparison_matches_and_disagreements() -> None:
    a = extract("Kyiv fired 1,600 missiles at a base 700 kilometers away. Spending rose 2.5 percent.")
    b = extract("Ukraine fired 1,000 missiles at a base 435 miles away. Spending rose 2.4%.")
    c = extract("Officials counted 1,600 missiles in all.")
    cmp = compare_quantities({"B": b, "A": a, "C": c})
    assert cmp.outlets == ("A", "B", "C")
    shared = {(g.kind, g.outlets) for g in cmp.shared()}
    assert ("distance", ("A", "B")) in shared
    assert ("percent", ("A", "B")) in shared  # 2.4 vs 2.5: within 10 %
    assert ("count", ("A", "C")) in shared
    (d,) = cmp.disagreements
    assert (d.kind, d.subject, d.outlets) == ("count", "missile", ("A", "B", "C"))
    assert [g.value for g in d.groups] == [1000.0, 1600.0]
    assert [g.outlets for g in cmp.only("B") if g.kind == "count"] == [("B",)]
    tight = compare_quantities({"A": a, "B": b}, rel_tol=0.01)
    assert ("percent", ("A", "B")) not in {(g.kind, g.outlets) for g in tight.shared()}


def test_same_outlet_reporting_both_values_is_no_disagreement() -> None:
    a = extract("They fired 10 missiles on Monday and 1,600 missiles in all.")
    b = extract("They fired 1,600 missiles.")
    assert compare_quantities({"A": a, "B": b}).disagreements == ()


def test_unknown_subject_does_not_chain_groups() -> None:
    a = [_q("distance", 700, subject="distance"), _q("distance", 650, qualifier="more than")]
    b = [_q("distance", 300, subject="range")]
    cmp = compare_quantities({"A": a, "B": b})
    assert sorted(len(g.mentions) for g in cmp.groups) == [1, 2]
    assert cmp.disagreements == ()  # different subjects are different things


def test_comparison_is_deterministic_and_tabular() -> None:
    a = extract("Kyiv fired 1,600 missiles 700 km away in August.")
    b = extract("Ukraine fired 1,000 missiles 435 miles away.")
    first = compare_quantities({"A": a, "B": b})
    assert first == compare_quantities({"B": b, "A": a})
    frame = first.to_frame()
    assert list(frame.columns[-2:]) == ["A", "B"]
    assert frame["disagreement"].notna().sum() == 2


def test_rel_tol_is_validated() -> None:
    with pytest.raises(ValueError):
        compare_quantities({}, rel_tol=1.5)


def test_seed_figures() -> None:
    from mediacompare import load_example

    by_outlet = {a.outlet: extract(a.text) for a in load_example()}
    meduza = [(q.kind, q.text, q.qualifier) for q in by_outlet["Meduza"]]
    assert ("distance", "700 kilometers", None) in meduza
    assert ("distance", "400 miles", "more than") in meduza
    tabloid = {(q.kind, q.text) for q in by_outlet["UK tabloid"]}
    assert {("distance", "186-mile"), ("percent", "2.5 percent"), ("money", "£3 billion pounds"),
            ("money", "£500 million pounds"), ("count", "1,600"), ("duration", "six months")} <= tabloid
    cmp = compare_quantities(by_outlet)
    (pskov,) = [g for g in cmp.groups if g.kind == "distance" and g.subject == "distance"]
    assert pskov.outlets == ("Meduza",) and len(pskov.mentions) >= 2  # 700 km and 400+ miles agree
    assert cmp.shared() == () and cmp.disagreements == ()


def test_results_pickle_for_worker_processes() -> None:
    import pickle

    qs = extract("Kyiv fired 1,600 missiles 700 km away.")
    cmp = compare_quantities({"A": qs, "B": qs})
    assert pickle.loads(pickle.dumps(qs)) == qs
    again = pickle.loads(pickle.dumps(cmp))
    assert again.by_outlet == cmp.by_outlet and again.groups == cmp.groups


# --------------------------------------------------------------------------- real-corpus fixes


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("One minute later he was gone.", "1 minute"),
        ("Police arrived about five minutes later.", "about 5 minutes"),
        ("Victims ranged from 17 months old.", "17 months"),
        ("The 55-year-old plumber fired back.", "55 years"),
        ("Peace has held for over 50 years.", "over 50 years"),
        ("The talks lasted 36 hours.", "36 hours"),
        ("Congress met on November 5 to vote.", "5 November"),
        ("They signed it in April 2016.", "April 2016"),
        ("Troops left in August.", "August"),
        ("More than a dozen members hugged him.", "more than 12"),
        ("A target 435 miles away.", "700 km"),
    ],
)
def test_figures_are_described_in_readable_units(text: str, shown: str) -> None:
    assert one(text).describe() == shown


def test_slashed_numbers_and_at_one_point_are_not_figures() -> None:
    assert extract("His family lived here for four generations, 40/29 News reported.")[0].text == "four"
    assert len(extract("His family lived here for four generations, 40/29 News reported.")) == 1
    assert extract("The diner is open 24/7 for truckers.") == []
    assert extract("At one point, the shooter tried to get a license.") == []
    assert extract("He chased the gunman at speeds up to 90 mph.") == []  # a speed, not a count


def test_ages_of_different_people_are_no_disagreement() -> None:
    a = extract("His daughter, 14-year-old Annabelle, was at the service.")
    b = extract("The 55-year-old plumber is heralded as a hero.")
    c = extract("The pastor's 14-Year-Old Daughter was killed.")
    cmp = compare_quantities({"A": a, "B": b, "C": c})
    assert cmp.disagreements == ()
    assert [g.outlets for g in cmp.shared()] == [("A", "C")]  # equal ages still match


def test_no_counts_from_and_ranges_fractions_or_a_lone_one() -> None:
    assert [(q.value, q.text) for q in extract("Take another two and four points off.")] == [
        (4.0, "four")
    ]
    assert one("One hundred and five soldiers died.").value == 105
    assert extract("Two-thirds of voters agreed.") == []
    assert extract("One veteran Republican strategist said he has one good shot.") == []
    assert one("It was used in at least one strike.").value == 1  # qualified: a figure


def test_values_one_outlet_reports_together_are_no_disagreement() -> None:
    a = extract("Voters favour him by a 25-point margin and he won a debate by 33 points.")
    b = extract("He leads by a 25-point margin.")
    c = extract("He won the debate by 33 points.")
    assert compare_quantities({"A": a, "B": b, "C": c}).disagreements == ()
    d = extract("He won the debate by 40 points.")
    (dis,) = compare_quantities({"A": a, "B": b, "D": d}).disagreements
    assert [g.outlets for g in dis.groups] == [("A", "B"), ("A",), ("D",)]


def test_noun_one_outlet_uses_for_three_values_is_not_compared() -> None:
    fox = extract("A firm employs 700 workers. Some 33 workers returned. Eight workers stayed.")
    cnn = extract("There were 861 workers at the start of the day.")
    cmp = compare_quantities({"Fox": fox, "CNN": cnn})
    assert cmp.disagreements == () and len([g for g in cmp.groups if g.kind == "count"]) == 4
    two = extract("A firm employs 700 workers. Some 33 workers returned.")
    assert len(compare_quantities({"Fox": two, "CNN": cnn}).disagreements) == 1


@pytest.mark.parametrize(
    ("text", "value"),
    [("Twenty-five soldiers died.", 25.0), ("A hundred soldiers died.", 100.0),
     ("Some 10km of road.", 10.0), ("A five-year plan for ninety-nine schools.", 99.0)],
)
def test_spelled_and_joined_numbers_are_found(text: str, value: float) -> None:
    assert value in [q.value for q in extract_quantities(sentences(text))]
