"""The "What differs" box that opens a report: findings that hold up, and what only one outlet says.

A difference is a finding only when its two checks agree: the permutation test calls it
"likely real" (q below the threshold) *and* its 95% bootstrap interval excludes zero. Each
finding carries one evidence sentence linking to its place in the article text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

if TYPE_CHECKING:  # pragma: no cover
    from ...comparison.records import ComparisonData

__all__ = [
    "MAX_FINDINGS",
    "VERDICT_UNCERTAIN",
    "Finding",
    "OnlyHere",
    "SummaryView",
    "interval_agrees",
    "summary_view",
]

#: Findings shown in the box (the rest stay in their sections).
MAX_FINDINGS = 5
#: Shown instead of "likely real" when the test says real but the interval includes zero.
VERDICT_UNCERTAIN = "uncertain (interval includes 0)"


@dataclass(frozen=True)
class Finding:
    """One difference that holds up, ready to display.

    ``section`` is the anchor of the report section holding the full table; ``evidence``
    is an escaped sentence (cues may be marked) and ``evidence_anchor`` its place.
    """

    measure: str
    a: str
    b: str
    diff: float
    ci: tuple[float, float]
    q: float
    section: str
    anchor: str
    evidence: Markup | None = None
    evidence_anchor: str | None = None


@dataclass(frozen=True)
class OnlyHere:
    """The sentence of an outlet least like anything the other outlets wrote (the longest of
    those within :data:`ONLY_HERE_MARGIN` of its lowest similarity)."""

    outlet: str
    text: str
    anchor: str
    similarity: float


@dataclass(frozen=True)
class SummaryView:
    findings: tuple[Finding, ...]
    only_here: tuple[OnlyHere, ...]
    n_candidates: int

    @property
    def any(self) -> bool:
        return bool(self.findings or self.only_here)


def interval_agrees(d: Any) -> bool:
    """True when ``d`` is "likely real" and its interval lies entirely on one side of zero.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> interval_agrees(NS(verdict="likely real", ci_low=0.1, ci_high=0.4))
    True
    >>> interval_agrees(NS(verdict="likely real", ci_low=-0.07, ci_high=2.5))
    False
    >>> interval_agrees(NS(verdict="could be noise", ci_low=0.1, ci_high=0.4))
    False
    """
    lo, hi = d.ci_low, d.ci_high
    if d.verdict != "likely real" or not (math.isfinite(lo) and math.isfinite(hi)):
        return False
    return lo > 0 or hi < 0


def _tone_evidence(ctx: Any, d: Any) -> tuple[Markup | None, str | None]:
    outlet = next((o for o in ctx.outlets if o.name == d.a), None)
    if outlet is None:
        return None, None
    positive_metric = d.metric in ("positive share", "tone", "compound mean")
    wants_positive = (d.diff > 0) == positive_metric
    quotes = outlet.most_positive if wants_positive else outlet.most_negative
    if not quotes:
        return None, None
    return escape(quotes[0].text), quotes[0].anchor


def _frame_evidence(ctx: Any, d: Any) -> tuple[Markup | None, str | None]:
    frames = ctx.frames
    if frames is None:
        return None, None
    for family, rows in (("generic", frames.generic), ("policy", frames.policy),
                         ("custom", frames.custom)):
        for row in rows:
            if row.outlet == d.a and d.metric == f"{row.label} ({family})" and row.evidence:
                return row.evidence[0].html, row.evidence[0].anchor
    return None, None


def _style_evidence(ctx: Any, d: Any) -> tuple[Markup | None, str | None]:
    style = ctx.style
    if style is None:
        return None, None
    for cues in style.cues:
        if cues.outlet == d.a and cues.marker == d.metric and cues.cues:
            anchor, text = cues.cues[0]
            return escape(text), anchor
    return None, None


def _candidates(ctx: Any) -> list[tuple[Any, str, Any]]:
    out: list[tuple[Any, str, Any]] = [(d, "tone", _tone_evidence) for d in ctx.tone_differences]
    if ctx.frames is not None:
        out += [(d, "frames", _frame_evidence) for d in ctx.frames.differences]
    if ctx.style is not None:
        out += [(d, "style", _style_evidence) for d in ctx.style.differences]
    if ctx.actors is not None:
        out += [(d, "actors", None) for d in ctx.actors.differences]
    return out


#: "Only here" picks the longest of the sentences within this much of an outlet's lowest
#: similarity: short unmatched lines are mostly credits and labels, not reporting.
ONLY_HERE_MARGIN = 0.05


def _only_here(ctx: Any) -> tuple[OnlyHere, ...]:
    cov = ctx.coverage
    if cov is None:
        return ()
    candidates: dict[str, list[OnlyHere]] = {}
    for story in cov.stories:
        for o in story.outlets_view:
            for _, refs, _ in o.unique_groups:
                for r in refs:
                    candidates.setdefault(o.outlet, []).append(
                        OnlyHere(o.outlet, r.text, r.anchor, r.similarity)
                    )
    best = {}
    for outlet, found in candidates.items():
        lowest = min(c.similarity for c in found)
        near = [c for c in found if c.similarity <= lowest + ONLY_HERE_MARGIN]
        best[outlet] = max(near, key=lambda c: len(c.text.split()))  # first of the longest
    return tuple(best[name] for name in sorted(best))


def summary_view(ctx: Any) -> SummaryView:
    """The opening box of a report, from an otherwise complete report context.

    Findings are ordered by q-value, then by the size of the difference relative to its
    interval, and capped at :data:`MAX_FINDINGS`.
    """
    agreed = [(d, s, ev) for d, s, ev in _candidates(ctx) if interval_agrees(d)]

    def strength(item: tuple[Any, str, Any]) -> tuple[float, float]:
        d = item[0]
        width = (d.ci_high - d.ci_low) or 1.0
        return (d.q if d.q == d.q else math.inf, -abs(d.diff) / width)

    agreed.sort(key=strength)
    findings = []
    for n, (d, section, evidence) in enumerate(agreed[:MAX_FINDINGS], start=1):
        html, anchor = evidence(ctx, d) if evidence else (None, None)
        findings.append(Finding(d.metric, d.a, d.b, d.diff, (d.ci_low, d.ci_high), d.q,
                                section, f"finding-{n}", html, anchor))
    return SummaryView(tuple(findings), _only_here(ctx), len(agreed))


def count_findings(cmp: ComparisonData) -> int:
    """How many tested differences hold up (test and interval agree), for the run summary."""
    groups = [cmp.tone_stats, cmp.frame_stats, cmp.style_stats,
              getattr(cmp.actors, "sentiment", None) if cmp.actors is not None else None]
    return sum(
        interval_agrees(d)
        for stats in groups if stats is not None
        for d in stats.differences if not d.metric.endswith(".present")
    )
