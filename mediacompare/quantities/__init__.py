"""Facts with numbers: quantities with units per article, compared across outlets.

* :func:`extract_quantities` — per article, from its sentences → tuple of :class:`Quantity`
  (distances in km, money per currency, counts, percentages, durations in days, dates).
* :func:`compare_quantities` — per story, outlet → quantities → :class:`QuantityComparison`
  (which outlet reports which figures, matches within a tolerance, disagreements).

See ``docs/style.md`` ("Facts with numbers") for the rules and blind spots.

Examples
--------
>>> from mediacompare.text import sentences
>>> km = extract_quantities(sentences("The strike hit a target 700 kilometers away."))
>>> mi = extract_quantities(sentences("The strike hit a target 435 miles away."))
>>> [g.outlets for g in compare_quantities({"A": km, "B": mi}).shared()]
[('A', 'B')]
"""

from .compare import (
    Mention,
    QuantityComparison,
    QuantityDisagreement,
    QuantityGroup,
    compare_quantities,
)
from .extract import extract_quantities
from .records import KINDS, KM_PER_MILE, QUALIFIERS, Quantity, consistent, singular

__all__ = [
    "KINDS",
    "KM_PER_MILE",
    "QUALIFIERS",
    "Mention",
    "Quantity",
    "QuantityComparison",
    "QuantityDisagreement",
    "QuantityGroup",
    "compare_quantities",
    "consistent",
    "extract_quantities",
    "singular",
]
