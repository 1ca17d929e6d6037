"""Statistics a reviewer would accept: intervals, permutation tests, FDR, distinguishability.

Everything is vectorised (resamples are index matrices) and deterministic for a given seed.
See ``docs/statistics.md`` for what each number means and when n is too small.
"""

from __future__ import annotations

from .differences import (
    VERDICT_NOISE,
    VERDICT_REAL,
    VERDICT_TOO_FEW,
    Difference,
    benjamini_hochberg,
    compare_groups,
    compare_metrics,
    with_q_values,
)
from .distinguish import Distinguishability, distinguishability
from .intervals import Estimate, estimates_by_outlet, outlet_estimate

__all__ = [
    "VERDICT_NOISE",
    "VERDICT_REAL",
    "VERDICT_TOO_FEW",
    "Difference",
    "Distinguishability",
    "Estimate",
    "benjamini_hochberg",
    "compare_groups",
    "compare_metrics",
    "distinguishability",
    "estimates_by_outlet",
    "outlet_estimate",
    "with_q_values",
]
