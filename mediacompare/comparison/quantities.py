"""Which outlet reports which figures, which figures match, and where they disagree.

Figures are grouped by kind, unit and currency (never £ with $), and by subject when it is
known: a figure joins a group only when it is :func:`~mediacompare.analysis.quantities.consistent` with
every member and its subject is the same or unknown on one side (complete linkage, so "more than
400 miles" cannot chain two different distances together). Groups with the same kind and the
same known subject whose values are not consistent are reported as a disagreement when one
outlet gives one value and another outlet the other, and no outlet gives both. Not for
:data:`GENERIC_SUBJECTS` such as "age" (values usually of different people), nor for a subject
one outlet gives more than :data:`MAX_VALUES_PER_OUTLET` values of (a noun used for several
things).

Meant for the articles of one story (a few hundred figures); the work is quadratic within each
(kind, unit, currency) bucket.

Examples
--------
>>> from mediacompare.text import sentences
>>> from mediacompare.analysis.quantities import extract_quantities
>>> a = extract_quantities(sentences("Kyiv fired 1,600 missiles from 700 km away."))
>>> b = extract_quantities(sentences("Ukraine launched 1,000 missiles; the base is 435 miles away."))
>>> cmp = compare_quantities({"A": a, "B": b})
>>> [(g.kind, g.outlets) for g in cmp.shared()]
[('distance', ('A', 'B'))]
>>> [(d.subject, [g.describe() for g in d.groups]) for d in cmp.disagreements]
[('missile', ['1,000', '1,600'])]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..analysis.quantities.records import KINDS, Quantity, consistent
from ..model import FrozenMapping

__all__ = [
    "GENERIC_SUBJECTS",
    "MAX_VALUES_PER_OUTLET",
    "Mention",
    "QuantityComparison",
    "QuantityDisagreement",
    "QuantityGroup",
    "compare_quantities",
]


@dataclass(frozen=True)
class Mention:
    """One figure as one outlet reported it."""

    outlet: str
    quantity: Quantity


@dataclass(frozen=True)
class QuantityGroup:
    """Figures from one or more outlets that can describe the same thing.

    ``subject`` is the subject key (singular head noun) when any member has one; ``value`` is
    the value of the most precise member (one without a bound qualifier, if any).
    """

    kind: str
    unit: str
    currency: str | None
    subject: str | None
    value: float
    mentions: tuple[Mention, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        """Outlets reporting this figure, sorted."""
        return tuple(sorted({m.outlet for m in self.mentions}))

    @property
    def exact(self) -> bool:
        """True when no member carries a bound qualifier (more than, at least, up to ...)."""
        return all(m.quantity.bound in ("=", "~") for m in self.mentions)

    @property
    def subject_phrase(self) -> str | None:
        """The subject as most members wrote it ("military support"), None when unknown."""
        phrases = [m.quantity.subject for m in self.mentions if m.quantity.subject]
        return max(dict.fromkeys(phrases), key=phrases.count) if phrases else None

    def describe(self) -> str:
        """The representative figure as text ("700 km", "some 3,000,000,000 GBP")."""
        best = next((m.quantity for m in self.mentions if m.quantity.value == self.value), self.mentions[0].quantity)
        return best.describe()


@dataclass(frozen=True)
class QuantityDisagreement:
    """Different values for the same kind and subject, from different outlets."""

    kind: str
    unit: str
    currency: str | None
    subject: str
    groups: tuple[QuantityGroup, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({o for g in self.groups for o in g.outlets}))


@dataclass(frozen=True)
class QuantityComparison:
    """Figures across outlets: groups (matches), per-outlet lists and disagreements."""

    outlets: tuple[str, ...]
    by_outlet: Mapping[str, tuple[Quantity, ...]]
    groups: tuple[QuantityGroup, ...]
    disagreements: tuple[QuantityDisagreement, ...]
    rel_tol: float

    def shared(self) -> tuple[QuantityGroup, ...]:
        """Figures that two or more outlets report consistently (the matches)."""
        return tuple(g for g in self.groups if len(g.outlets) > 1)

    def only(self, outlet: str) -> tuple[QuantityGroup, ...]:
        """Figures that only ``outlet`` reports."""
        return tuple(g for g in self.groups if g.outlets == (outlet,))

    def reported_by(self, outlet: str) -> tuple[QuantityGroup, ...]:
        """Every figure group that ``outlet`` contributes to."""
        return tuple(g for g in self.groups if outlet in g.outlets)

    def to_frame(self):
        """One row per figure group with a column per outlet (the surface texts it used).

        Returns
        -------
        pandas.DataFrame
            Columns ``kind, subject, value, unit, currency, figure, n_outlets, disagreement``
            and one column per outlet.
        """
        import pandas as pd

        disputed = {id(g): d.subject for d in self.disagreements for g in d.groups}
        rows = []
        for g in self.groups:
            row = {"kind": g.kind, "subject": g.subject_phrase, "value": g.value, "unit": g.unit,
                   "currency": g.currency, "figure": g.describe(), "n_outlets": len(g.outlets),
                   "disagreement": disputed.get(id(g))}
            for outlet in self.outlets:
                texts = [m.quantity.text for m in g.mentions if m.outlet == outlet]
                row[outlet] = "; ".join(dict.fromkeys(texts)) or None
            rows.append(row)
        return pd.DataFrame(rows)


#: Subjects that name a property, not a referent: "a 14-year-old" and "the 55-year-old" are
#: usually two people, so different values are not a disagreement (equal ones still match).
GENERIC_SUBJECTS = frozenset({"age"})


#: An outlet giving this many different values for one subject uses the noun for several
#: things ("700 workers" of one firm, "33 workers" returned, "eight workers"): not compared.
MAX_VALUES_PER_OUTLET = 2


def _names_several_things(groups: Sequence[QuantityGroup]) -> bool:
    """Whether one outlet reports more than :data:`MAX_VALUES_PER_OUTLET` values of a subject."""
    counts: dict[str, int] = {}
    for g in groups:
        for outlet in g.outlets:
            counts[outlet] = counts.get(outlet, 0) + 1
    return max(counts.values(), default=0) > MAX_VALUES_PER_OUTLET


def _compatible_subject(key: str | None, group_key: str | None) -> bool:
    return key is None or group_key is None or key == group_key


def compare_quantities(
    quantities_by_outlet: Mapping[str, Sequence[Quantity]], *, rel_tol: float = 0.1
) -> QuantityComparison:
    """Group figures across outlets and find matches and disagreements.

    Parameters
    ----------
    quantities_by_outlet : mapping of str to sequence of Quantity
        Each outlet's figures (e.g. :func:`~mediacompare.analysis.quantities.extract_quantities` of
        its articles on one story, concatenated).
    rel_tol : float, default 0.1
        Relative tolerance after unit normalisation (700 km and 435 miles match at 0.1).

    Returns
    -------
    QuantityComparison
        Deterministic: groups sorted by kind order, subject, value.
    """
    if not 0 <= rel_tol < 1:
        raise ValueError(f"rel_tol must be in [0, 1), got {rel_tol!r}")
    outlets = tuple(sorted(quantities_by_outlet))
    mentions = [Mention(o, q) for o in outlets for q in quantities_by_outlet[o]]
    # Known subjects first, then plain figures before bounds, so groups form around them.
    mentions.sort(key=lambda m: (
        KINDS.index(m.quantity.kind) if m.quantity.kind in KINDS else len(KINDS),
        m.quantity.unit, m.quantity.currency or "", m.quantity.subject_key is None,
        m.quantity.subject_key or "", m.quantity.bound not in ("=", "~"), m.quantity.value,
        m.outlet, m.quantity.sentence_index, m.quantity.start,
    ))
    buckets: dict[tuple, list[tuple[str | None, list[Mention]]]] = {}
    for m in mentions:
        q = m.quantity
        groups = buckets.setdefault((q.kind, q.unit, q.currency), [])
        key = q.subject_key
        for index, (gkey, members) in enumerate(groups):
            if _compatible_subject(key, gkey) and all(consistent(q, o.quantity, rel_tol) for o in members):
                members.append(m)
                if gkey is None and key is not None:
                    groups[index] = (key, members)
                break
        else:
            groups.append((key, [m]))
    result: list[QuantityGroup] = []
    by_bucket: dict[tuple, list[QuantityGroup]] = {}
    for (kind, unit, currency), groups in buckets.items():
        for gkey, members in groups:
            plain = [x.quantity.value for x in members if x.quantity.bound in ("=", "~")]
            value = plain[0] if plain else members[0].quantity.value
            group = QuantityGroup(kind, unit, currency, gkey, value, tuple(members))
            result.append(group)
            if gkey is not None:
                by_bucket.setdefault((kind, unit, currency, gkey), []).append(group)
    disagreements = []
    for (kind, unit, currency, subject), same in by_bucket.items():
        if subject in GENERIC_SUBJECTS or _names_several_things(same):
            continue
        # An outlet that reports both values shows they are different facts ("won by 25
        # points" and "a 33-point margin"), so only groups without a common outlet disagree.
        involved = {
            id(g) for g in same for h in same
            if g is not h and not set(g.outlets) & set(h.outlets)
        }
        if involved:
            chosen = tuple(sorted((g for g in same if id(g) in involved), key=lambda g: g.value))
            disagreements.append(QuantityDisagreement(kind, unit, currency, subject, chosen))
    order = {k: i for i, k in enumerate(KINDS)}
    result.sort(key=lambda g: (order.get(g.kind, len(KINDS)), g.unit, g.currency or "", g.subject or "", g.value))
    disagreements.sort(key=lambda d: (order.get(d.kind, len(KINDS)), d.unit, d.currency or "", d.subject))
    return QuantityComparison(
        outlets=outlets,
        by_outlet=FrozenMapping({o: tuple(quantities_by_outlet[o]) for o in outlets}),
        groups=tuple(result),
        disagreements=tuple(disagreements),
        rel_tol=rel_tol,
    )
