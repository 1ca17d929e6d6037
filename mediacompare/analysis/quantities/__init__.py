"""Facts with numbers in one article: quantities with units.

:func:`extract_quantities` turns an article's sentences into a tuple of :class:`Quantity`
(distances in km, money per currency, counts, percentages, durations in days, dates).
Comparing them across outlets is :func:`mediacompare.comparison.quantities.compare_quantities`.

See ``docs/style.md`` ("Facts with numbers") for the rules and blind spots.

Examples
--------
>>> from mediacompare.text import sentences
>>> [(q.kind, q.value) for q in extract_quantities(sentences("A target 700 kilometers away."))]
[('distance', 700.0)]
"""

from .extract import extract_quantities
from .records import KINDS, KM_PER_MILE, QUALIFIERS, Quantity, consistent, singular

__all__ = [
    "KINDS",
    "KM_PER_MILE",
    "QUALIFIERS",
    "Quantity",
    "consistent",
    "extract_quantities",
    "singular",
]
