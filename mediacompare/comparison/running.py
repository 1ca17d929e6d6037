"""Per-outlet summaries built one chunk of articles at a time, mergeable from partials.

The HTML/JSON report needs every article at once (similarity, coverage alignment, resampling
tests). For corpora too large for that, ``mediacompare score --by outlet`` keeps only a few
numbers per outlet and measure: the count, mean and sum of squared deviations (Welford's
update; Chan et al.'s formula merges two partials), so memory does not grow with the number
of articles and partial summaries from different workers or files combine exactly.

Intervals are normal-approximation 95% intervals of the mean (``mean ± 1.96·sd/√n``), not the
report's bootstrap: the bootstrap would need every value.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

__all__ = ["OutletSummary", "RunningMean"]

_Z95 = 1.959963984540054


@dataclass
class RunningMean:
    """Count, mean and sum of squared deviations of a stream of numbers.

    Examples
    --------
    >>> m = RunningMean()
    >>> for x in (1.0, 2.0, 3.0, 4.0):
    ...     m.add(x)
    >>> m.n, m.mean, round(m.sd, 4)
    (4, 2.5, 1.291)
    >>> a, b = RunningMean(), RunningMean()
    >>> a.add(1.0); a.add(2.0); b.add(3.0); b.add(4.0)
    >>> a.merge(b).mean == m.mean and math.isclose(a.merge(b).m2, m.m2)
    True
    """

    n: int = 0
    mean: float = 0.0
    m2: float = 0.0

    def add(self, x: float) -> None:
        self.n += 1
        delta = x - self.mean
        self.mean += delta / self.n
        self.m2 += delta * (x - self.mean)

    def merge(self, other: RunningMean) -> RunningMean:
        """The summary of both streams (neither is changed)."""
        n = self.n + other.n
        if n == 0:
            return RunningMean()
        delta = other.mean - self.mean
        mean = self.mean + delta * other.n / n
        return RunningMean(n, mean, self.m2 + other.m2 + delta * delta * self.n * other.n / n)

    @property
    def sd(self) -> float:
        """Sample standard deviation (``nan`` below two values)."""
        return math.sqrt(self.m2 / (self.n - 1)) if self.n > 1 else math.nan

    def interval(self) -> tuple[float, float] | None:
        """Normal-approximation 95% interval of the mean, ``None`` below two values."""
        if self.n < 2:
            return None
        half = _Z95 * self.sd / math.sqrt(self.n)
        return self.mean - half, self.mean + half


@dataclass
class _Outlet:
    articles: int = 0
    means: dict[str, RunningMean] = field(default_factory=dict)
    labels: dict[str, Counter[str]] = field(default_factory=dict)


class OutletSummary:
    """Per-outlet means (with 95% intervals) of numeric columns and shares of label columns.

    Parameters
    ----------
    numeric : iterable of str
        Columns averaged over the articles that have a value (``None`` is skipped).
    labels : iterable of str
        Columns whose most common value and its share are reported.

    Examples
    --------
    >>> s = OutletSummary(numeric=["tone"], labels=["frame"])
    >>> s.add([{"outlet": "A", "tone": 1.0, "frame": "x"}, {"outlet": "A", "tone": 3.0, "frame": "x"},
    ...        {"outlet": "B", "tone": None, "frame": None}])
    >>> [(r["outlet"], r["articles"], r["tone_mean"], r["frame_top"]) for r in s.rows()]
    [('A', 2, 2.0, 'x'), ('B', 1, None, None)]
    """

    def __init__(self, numeric: Iterable[str], labels: Iterable[str] = ()) -> None:
        self.numeric = tuple(numeric)
        self.labels = tuple(labels)
        self._outlets: dict[str, _Outlet] = {}

    def add(self, rows: Iterable[Mapping[str, object]]) -> None:
        """Count ``rows`` (dicts with an ``outlet`` key, as :func:`score_rows` gives)."""
        for row in rows:
            outlet = self._outlets.setdefault(str(row.get("outlet") or "(no outlet)"), _Outlet())
            outlet.articles += 1
            for name in self.numeric:
                value = row.get(name)
                if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
                    outlet.means.setdefault(name, RunningMean()).add(float(value))
            for name in self.labels:
                value = row.get(name)
                if value is not None:
                    outlet.labels.setdefault(name, Counter())[str(value)] += 1

    def merge(self, other: OutletSummary) -> OutletSummary:
        """A summary of both (same columns); neither is changed."""
        if (self.numeric, self.labels) != (other.numeric, other.labels):
            raise ValueError("cannot merge summaries of different columns")
        merged = OutletSummary(self.numeric, self.labels)
        for name in sorted(set(self._outlets) | set(other._outlets)):
            a, b = self._outlets.get(name, _Outlet()), other._outlets.get(name, _Outlet())
            merged._outlets[name] = _Outlet(
                a.articles + b.articles,
                {c: a.means.get(c, RunningMean()).merge(b.means.get(c, RunningMean()))
                 for c in sorted(set(a.means) | set(b.means))},
                {c: a.labels.get(c, Counter()) + b.labels.get(c, Counter())
                 for c in sorted(set(a.labels) | set(b.labels))},
            )
        return merged

    def rows(self) -> list[dict[str, object]]:
        """One flat dict per outlet (sorted by name): ``articles``, then ``<column>_mean``,
        ``_ci95_low``, ``_ci95_high`` and ``_n`` for each numeric column, ``<label>_top`` and
        ``<label>_top_share`` for each label column (``None`` where no value)."""
        out = []
        for name in sorted(self._outlets):
            outlet = self._outlets[name]
            row: dict[str, object] = {"outlet": name, "articles": outlet.articles}
            for column in self.numeric:
                m = outlet.means.get(column, RunningMean())
                interval = m.interval()
                row[f"{column}_mean"] = m.mean if m.n else None
                row[f"{column}_ci95_low"] = interval[0] if interval else None
                row[f"{column}_ci95_high"] = interval[1] if interval else None
                row[f"{column}_n"] = m.n
            for column in self.labels:
                counts = outlet.labels.get(column, Counter())
                top = min(counts.items(), key=lambda kv: (-kv[1], kv[0])) if counts else None
                row[f"{column}_top"] = top[0] if top else None
                row[f"{column}_top_share"] = top[1] / outlet.articles if top else None
            out.append(row)
        return out
