"""The framing section of reports: outlet frame profiles, tested differences, quoted evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from ...analysis.records import ArticleAnalysis

if TYPE_CHECKING:  # pragma: no cover
    from ...comparison.records import ComparisonData
    from ...analysis.framing import ArticleFrames, Evidence

__all__ = ["FramesView", "frames_view", "article_frames_data", "highlight"]

#: Evidence sentences quoted per outlet and frame.
EVIDENCE_PER_FRAME = 3

GENERIC_LABELS = {
    "responsibility": "Responsibility",
    "human_interest": "Human interest",
    "conflict": "Conflict",
    "morality": "Morality",
    "economic": "Economic consequences",
}


def _metric_label(metric: str) -> str:
    """Readable name of a frame statistic ("generic.conflict" → "Conflict (generic)").

    Examples
    --------
    >>> _metric_label("policy.capacity_resources")
    'Capacity resources (policy)'
    """
    family, _, name = metric.partition(".")
    return f"{frame_label(name)} ({family})" if name else frame_label(metric)


def frame_label(name: str) -> str:
    """Readable name of a frame key ("security_defense" → "Security defense")."""
    return GENERIC_LABELS.get(name, name.replace("_", " ").capitalize())


def highlight(text: str, offset: int, cues: Sequence[tuple[int, int, str]]) -> Markup:
    """Escape ``text`` and wrap each cue span (absolute offsets) in ``<mark class="cue">``.

    Examples
    --------
    >>> str(highlight("Critics slammed <it>.", 100, [(108, 115, "slammed")]))
    'Critics <mark class="cue">slammed</mark> &lt;it&gt;.'
    """
    parts, position = [], 0
    for start, end, _ in sorted(cues):
        start, end = start - offset, end - offset
        if start < position or start < 0 or end > len(text):
            continue
        parts.append(escape(text[position:start]))
        parts.append(Markup('<mark class="cue">%s</mark>') % text[start:end])
        position = end
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


@dataclass(frozen=True)
class EvidenceView:
    anchor: str
    outlet: str
    article_title: str
    html: Markup
    item: str


@dataclass(frozen=True)
class FrameRow:
    """One frame in one outlet: mean score/share with interval, prevalence, evidence."""

    frame: str
    label: str
    outlet: str
    value: float
    ci: tuple[float, float] | None
    method: str
    prevalence: float | None
    evidence: tuple[EvidenceView, ...]


@dataclass(frozen=True)
class FramesView:
    generic: tuple[FrameRow, ...]
    policy: tuple[FrameRow, ...]
    custom: tuple[FrameRow, ...]
    model: tuple[FrameRow, ...]
    primary: tuple[tuple[str, str], ...]
    differences: tuple[Any, ...]
    left_out: tuple[str, ...]

    @property
    def any(self) -> bool:
        return bool(self.generic)


def _evidence_views(
    cmp: ComparisonData, outlet: str, pick, limit: int = EVIDENCE_PER_FRAME
) -> tuple[EvidenceView, ...]:
    from ..context import sentence_anchor

    views = []
    for i, a in enumerate(cmp.analyses):
        if a.article.outlet != outlet or not isinstance(a, ArticleAnalysis):
            continue
        for item, ev in pick(a.frames):
            if ev.in_title:
                text, offset = a.article.title or "", 0
                anchor = f"art{i + 1}"
            else:
                sentence = a.sentences[ev.sentence_index]
                text, offset = sentence.text, sentence.start
                anchor = sentence_anchor(i, ev.sentence_index)
            views.append(
                EvidenceView(anchor, outlet, a.article.title or a.article.id,
                             highlight(text, offset, ev.cues), item)
            )
            if len(views) >= limit:
                return tuple(views)
    return tuple(views)


def _generic_evidence(frame: str):
    def pick(frames: ArticleFrames):
        seen = set()
        for item in frames.generic[frame].items:
            if not item.answer:
                continue
            for ev in item.evidence:
                if ev.sentence_index not in seen:
                    seen.add(ev.sentence_index)
                    yield item.question, ev

    return pick


def _policy_evidence(frame: str):
    def pick(frames: ArticleFrames):
        for ev in frames.policy[frame].evidence:
            yield "", ev

    return pick


def _custom_evidence(frame: str):
    def pick(frames: ArticleFrames):
        for ev in frames.custom[frame].evidence:
            yield "", ev

    return pick


def _rows(cmp: ComparisonData, family: str, frames: Sequence[str], evidence) -> tuple[FrameRow, ...]:
    stats = cmp.frame_stats
    rows = []
    for frame in frames:
        for outlet in cmp.outlet_names:
            metric = f"{family}.{frame}"
            estimate = stats.estimate(metric, outlet) if stats else None
            if estimate is None:
                continue
            prevalence = stats.estimate(f"{metric}.present", outlet) if stats else None
            if estimate.value == 0 and (prevalence is None or prevalence.value == 0):
                continue  # an all-zero row says nothing: the caption says zero rows are left out
            rows.append(
                FrameRow(
                    frame=frame,
                    label=frame_label(frame),
                    outlet=outlet,
                    value=estimate.value,
                    ci=estimate.bounds,
                    method=estimate.method,
                    prevalence=prevalence.value if prevalence else None,
                    evidence=_evidence_views(cmp, outlet, evidence(frame)) if evidence else (),
                )
            )
    return tuple(rows)


def frames_view(cmp: ComparisonData) -> FramesView:
    """Display-ready framing section of a comparison."""
    from ...analysis.framing import GENERIC_FRAMES, POLICY_FRAMES, generic_codebook
    from ..context import shown_verdict

    framed = [(a, a.frames) for a in cmp.scored]
    custom_names = sorted({n for _, f in framed for n in f.custom})
    model_names = sorted({n for a in cmp.scored for n in a.frame_model_scores})
    primary = []
    for outlet in cmp.outlet_names:
        counts: dict[str, int] = {}
        for a, f in framed:
            if a.article.outlet == outlet and f.primary_policy:
                counts[f.primary_policy] = counts.get(f.primary_policy, 0) + 1
        if counts:
            top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            primary.append((outlet, frame_label(top)))
    policy_used = [
        f for f in POLICY_FRAMES
        if any(fr.policy[f].n_sentences for _, fr in framed)
    ]
    left_out = tuple(getattr(generic_codebook(), "left_out", ()) or ())
    return FramesView(
        generic=_rows(cmp, "generic", GENERIC_FRAMES, _generic_evidence) if framed else (),
        policy=_rows(cmp, "policy", policy_used, _policy_evidence) if framed else (),
        custom=_rows(cmp, "custom", custom_names, _custom_evidence) if framed else (),
        model=_rows(cmp, "model", model_names, None),
        primary=tuple(primary),
        differences=tuple(
            replace(d, metric=_metric_label(d.metric), verdict=shown_verdict(d))
            for d in (cmp.frame_stats.differences if cmp.frame_stats else ())
            if not d.metric.endswith(".present")
        ),
        left_out=tuple(str(getattr(x, "question", x)) for x in left_out),
    )


def _evidence_data(evidence: Sequence[Evidence]) -> list[dict[str, Any]]:
    return [
        {
            "sentence": ev.sentence_index,
            "start": ev.start,
            "end": ev.end,
            "cues": [{"start": c.start, "end": c.end, "text": c.text} for c in ev.cues],
        }
        for ev in evidence
    ]


def article_frames_data(a: ArticleAnalysis) -> dict[str, Any]:
    """``articles[].frames`` of the JSON report."""
    frames = a.frames
    return {
        "generic": {
            name: {
                "score": g.score,
                "present": g.present,
                "threshold": g.threshold,
                "items": [
                    {"id": i.id, "question": i.question, "answer": i.answer,
                     "evidence": _evidence_data(i.evidence)}
                    for i in g.items
                ],
                "evidence": _evidence_data(g.evidence),
            }
            for name, g in frames.generic.items()
        },
        "policy": {
            name: {"share": p.share, "n_sentences": p.n_sentences, "weight": p.weight,
                   "evidence": _evidence_data(p.evidence)}
            for name, p in frames.policy.items()
        },
        "primary_policy": frames.primary_policy,
        "custom": {
            name: {"share": c.share, "n_sentences": c.n_sentences, "weight": c.weight,
                   "present": c.present, "evidence": _evidence_data(c.evidence)}
            for name, c in frames.custom.items()
        },
        "model": dict(a.frame_model_scores),
    }
