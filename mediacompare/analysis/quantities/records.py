"""The :class:`Quantity` record, canonical units, qualifiers and the consistency test.

Examples
--------
>>> a = Quantity("distance", 700.0, "km", None, "700 kilometers", 0, 14, 0)
>>> b = Quantity("distance", 400 * KM_PER_MILE, "km", None, "more than 400 miles", 20, 39, 0,
...              qualifier="more than")
>>> b.bound, consistent(a, b)
('>', True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = [
    "KINDS",
    "KM_PER_MILE",
    "QUALIFIERS",
    "Quantity",
    "consistent",
    "singular",
]

#: Kinds of quantity, in report order.
KINDS: tuple[str, ...] = ("distance", "money", "count", "percent", "duration", "date")

#: International mile in kilometres (exact by definition).
KM_PER_MILE = 1.609344

#: Qualifier phrase → bound: ``=`` exact, ``~`` approximate, ``>``/``>=`` lower bound,
#: ``<``/``<=`` upper bound.
QUALIFIERS: dict[str, str] = {
    "more than": ">", "over": ">", "above": ">", "in excess of": ">", "upwards of": ">",
    "just over": ">", "well over": ">", "at least": ">=", "no fewer than": ">=",
    "no less than": ">=", "a minimum of": ">=", "less than": "<", "fewer than": "<",
    "under": "<", "below": "<", "just under": "<", "well under": "<", "up to": "<=",
    "as many as": "<=", "as much as": "<=", "at most": "<=", "no more than": "<=",
    "a maximum of": "<=", "almost": "~", "nearly": "~", "close to": "~", "about": "~",
    "around": "~", "approximately": "~", "roughly": "~", "some": "~", "an estimated": "~",
    "estimated": "~", "exactly": "=", "precisely": "=",
}


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, found in one sentence of an article.

    Attributes
    ----------
    kind : str
        One of :data:`KINDS`.
    value : float
        Normalised to the canonical unit: kilometres for distance, an amount in the stated
        currency for money (never converted), a number for count, percent (2.5 for 2.5 %),
        days for duration. Dates are ``yyyymmdd`` with ``00`` for parts not stated
        (``20240000`` for "2024", ``800`` for "August"); see :attr:`iso`.
    unit : str
        ``"km"``, the ISO currency code, ``"count"``, ``"percent"`` or ``"percentage point"``,
        ``"day"``, ``"date"``.
    currency : str or None
        ISO 4217 code for money ("GBP", "USD", "EUR" ...), else None.
    text : str
        The surface text, ``article_text[start:end]``.
    start, end : int
        Article character offsets.
    sentence_index : int
    subject : str or None
        What the number counts or measures, best effort ("missiles", "defence spending").
    qualifier : str or None
        "more than", "at least", "almost", "about" ... (keys of :data:`QUALIFIERS`).
    """

    kind: str
    value: float
    unit: str
    currency: str | None
    text: str
    start: int
    end: int
    sentence_index: int
    subject: str | None = None
    qualifier: str | None = None

    @property
    def bound(self) -> str:
        """``=``, ``~``, ``>``, ``>=``, ``<`` or ``<=`` from the qualifier."""
        return QUALIFIERS.get(self.qualifier, "=") if self.qualifier else "="

    @property
    def subject_key(self) -> str | None:
        """The subject's head noun in the singular ("missiles" → "missile"), for matching."""
        if not self.subject:
            return None
        return singular(self.subject.split()[-1])

    @property
    def iso(self) -> str | None:
        """ISO-8601-style text of a date ("2024", "2024-08", "--08", "--08-05"); None otherwise.

        Examples
        --------
        >>> Quantity("date", 20240805, "date", None, "5 August 2024", 0, 13, 0).iso
        '2024-08-05'
        >>> Quantity("date", 800, "date", None, "August", 0, 6, 0).iso
        '--08'
        """
        if self.kind != "date":
            return None
        year, month, day = _date_parts(self.value)
        head = f"{year:04d}" if year else "-"
        if not month:
            return head
        return f"{head}-{month:02d}" + (f"-{day:02d}" if day else "")

    def describe(self) -> str:
        """Short display text: value in a readable unit with the qualifier.

        Counts are bare numbers, durations are given in the largest calendar unit that fits
        (the normalised value in days is in :attr:`value`), dates are spelled out
        ("5 November 2017", "August"); :attr:`iso` keeps the ISO form.

        Examples
        --------
        >>> Quantity("money", 3e9, "GBP", "GBP", "£3 billion", 0, 10, 0, qualifier="some").describe()
        'some 3,000,000,000 GBP'
        >>> Quantity("count", 12, "count", None, "a dozen", 0, 7, 0, qualifier="more than").describe()
        'more than 12'
        >>> Quantity("duration", 55 * 365.2425, "day", None, "55-year-old", 0, 11, 0).describe()
        '55 years'
        >>> Quantity("duration", 1 / 1440, "day", None, "one minute", 0, 10, 0).describe()
        '1 minute'
        >>> Quantity("date", 1105, "date", None, "November 5", 0, 10, 0).describe()
        '5 November'
        """
        if self.kind == "date":
            value = _date_text(self.value)
        elif self.kind == "duration":
            value = _duration_text(self.value)
        elif self.kind == "count":
            value = _number_text(self.value)
        elif self.kind == "money" and float(self.value).is_integer():
            value = f"{int(self.value):,} {self.unit}"
        else:
            value = f"{_number_text(self.value)} {self.unit}"
        return f"{self.qualifier} {value}" if self.qualifier else value


#: Display units for durations (days per unit), largest first.
_DURATION_UNITS: tuple[tuple[str, float], ...] = (
    ("year", 365.2425), ("month", 365.2425 / 12), ("week", 7.0), ("day", 1.0),
    ("hour", 1 / 24), ("minute", 1 / 1440), ("second", 1 / 86400),
)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _number_text(value: float) -> str:
    """Whole numbers with thousands separators, others with 3 significant digits."""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.3g}" if abs(value) < 1e6 else f"{value:,.0f}"


def _duration_text(days: float) -> str:
    """A duration in days as "17 months", "2 weeks", "1 minute" (whole units preferred)."""
    if not math.isfinite(days) or days <= 0:
        return f"{days:g} days"
    fitting = [(name, size) for name, size in _DURATION_UNITS if days >= size * 0.999]
    if not fitting:
        fitting = [_DURATION_UNITS[-1]]
    # The largest unit that gives a whole number (within 1 %), else the largest that fits.
    name, size = next(
        ((n, s) for n, s in fitting if abs(days / s - round(days / s)) <= 0.01 * days / s),
        fitting[0],
    )
    amount = days / size
    amount = round(amount) if abs(amount - round(amount)) <= 0.01 * amount else amount
    text = _number_text(float(amount))
    return f"{text} {name}" + ("" if text == "1" else "s")


def _date_text(value: float) -> str:
    """yyyymmdd with zero parts as "5 November 2017", "November 2017", "August", "2012"."""
    year, month, day = _date_parts(value)
    parts = [str(day)] if day and month else []
    if 1 <= month <= 12:
        parts.append(_MONTH_NAMES[month - 1])
    if year:
        parts.append(str(year))
    return " ".join(parts)


def _date_parts(value: float) -> tuple[int, int, int]:
    v = int(value)
    return v // 10000, (v // 100) % 100, v % 100


def _interval(q: Quantity) -> tuple[float, float]:
    bound = q.bound
    if bound in (">", ">="):
        return q.value, math.inf
    if bound in ("<", "<="):
        return -math.inf if q.value < 0 else 0.0, q.value
    return q.value, q.value


def consistent(a: Quantity, b: Quantity, rel_tol: float = 0.1) -> bool:
    """Whether two figures can describe the same thing: same kind, unit and currency, and values
    that agree within ``rel_tol`` after normalisation, reading qualifiers as bounds.

    "more than 400 miles" is the interval (643.7 km, ∞); two intervals are consistent when the
    gap between them is at most ``rel_tol`` times the larger end next to the gap (for two plain
    figures: ``|a - b| <= rel_tol * max(|a|, |b|)``). Dates agree when every part both state
    (year, month, day) is equal and they state at least one part in common ("February" and
    "February 2024" agree; "February" and "2024" are different figures). Subjects are not looked at here.

    Examples
    --------
    >>> pounds = Quantity("money", 5e8, "GBP", "GBP", "£500m", 0, 5, 0)
    >>> dollars = Quantity("money", 5e8, "USD", "USD", "$500m", 0, 5, 0)
    >>> consistent(pounds, dollars)
    False
    """
    if a.kind != b.kind or a.unit != b.unit or a.currency != b.currency:
        return False
    if a.kind == "date":
        shared = [(x, y) for x, y in zip(_date_parts(a.value), _date_parts(b.value)) if x and y]
        return bool(shared) and all(x == y for x, y in shared)
    lo1, hi1 = _interval(a)
    lo2, hi2 = _interval(b)
    lo, hi = max(lo1, lo2), min(hi1, hi2)
    if lo <= hi:
        return True
    return lo - hi <= rel_tol * max(abs(lo), abs(hi))


def singular(word: str) -> str:
    """Crude English singular for matching subjects.

    Examples
    --------
    >>> [singular(w) for w in ["missiles", "casualties", "boxes", "gas", "people", "aid"]]
    ['missile', 'casualty', 'box', 'gas', 'people', 'aid']
    """
    w = word.lower()
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "as")):
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "zes", "sses")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w
