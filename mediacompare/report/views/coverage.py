"""The "Coverage" and "Style" sections: display records and JSON."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...analysis.records import ArticleAnalysis
from ...comparison.alignment import DEFAULT_MIN_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from ...comparison.records import ComparisonData

__all__ = [
    "CoverageView",
    "StyleView",
    "article_quantities_data",
    "article_style_data",
    "coverage_data",
    "coverage_view",
    "style_view",
]

#: Unique sentences quoted per outlet and group in the HTML report.
UNIQUE_SHOWN = 4
#: Cues quoted per style marker and outlet.
CUES_SHOWN = 6

STYLE_LABELS = {
    "loaded_language": "Loaded language (share of sentences flagged)",
    "sensationalism": "Sensationalism (all markers, per 1,000 words)",
    "exclamations": "Exclamation marks (per 1,000 words)",
    "intensifiers": "Intensifiers (per 1,000 words)",
    "superlatives": "Superlatives (per 1,000 words)",
    "all_caps": "ALL-CAPS words (per 1,000 words)",
    "emotive_idioms": "Emotive idioms and metaphors (per 1,000 words)",
    "hedges": "Hedging (per 1,000 words)",
    "subjectivity": "Subjectivity (share of sentiment-bearing words)",
    "flesch_reading_ease": "Flesch reading ease (higher = easier)",
    "flesch_kincaid_grade": "Flesch–Kincaid grade level",
    "headline_body_gap": "Headline minus body tone (VADER compound)",
    "quoted_share": "Share of text in quotes",
}
#: Markers whose cues are quoted, with the cue keys of StyleProfile.cues they draw on.
CUE_MARKERS = ("loaded_words", "exclamations", "intensifiers", "superlatives", "all_caps", "emotive_idioms",
               "conventional_metaphors", "attribution_hedges", "modal_hedges")


@dataclass(frozen=True)
class RefView:
    anchor: str
    text: str
    similarity: float
    shared_with: str


@dataclass(frozen=True)
class OutletCoverageView:
    """One outlet's row of a story: how many sentences were compared, shared and unique.

    ``n_repeated`` sentences repeat another sentence of the same outlet and ``n_skipped`` are
    too short to compare; neither is in ``n_compared``.
    """

    outlet: str
    share: float
    n_compared: int
    shared: tuple[RefView, ...]
    unique_groups: tuple[tuple[str, tuple[RefView, ...], int], ...]
    n_unique: int = 0
    n_repeated: int = 0
    n_skipped: int = 0


@dataclass(frozen=True)
class FigureRow:
    kind: str
    subject: str
    figure: str
    by_outlet: tuple[str, ...]
    disputed: bool


@dataclass(frozen=True)
class StoryView:
    story: str
    outlets: tuple[str, ...]
    n_articles: int
    threshold: float
    outlets_view: tuple[OutletCoverageView, ...]
    figures: tuple[FigureRow, ...]
    disagreements: tuple[str, ...]


@dataclass(frozen=True)
class CoverageView:
    """The coverage section.

    ``duplicates`` pairs (repeat, original) name articles by :attr:`Article.label`;
    ``left_out`` names the counted articles whose story no other outlet covers (they are in
    no alignment); ``min_words`` is the fewest content words a compared sentence has.
    """

    stories: tuple[StoryView, ...]
    note: str
    duplicates: tuple[tuple[str, str], ...]
    story_counts: tuple[tuple[str, int], ...]
    outlet_names: tuple[str, ...]
    left_out: tuple[str, ...] = ()
    min_words: int = DEFAULT_MIN_WORDS


@dataclass(frozen=True)
class StyleRow:
    metric: str
    label: str
    outlet: str
    value: float
    ci: tuple[float, float] | None
    method: str


@dataclass(frozen=True)
class StyleCues:
    outlet: str
    marker: str
    cues: tuple[tuple[str, str], ...]  # (anchor, cue text)


@dataclass(frozen=True)
class StyleView:
    rows: tuple[StyleRow, ...]
    cues: tuple[StyleCues, ...]
    differences: tuple[Any, ...]


def _anchors(cmp: ComparisonData) -> dict[str, int]:
    return {a.article.id: i for i, a in enumerate(cmp.analyses)}


def _ref(ref, positions) -> RefView:
    from ..context import sentence_anchor

    return RefView(sentence_anchor(positions[ref.article_id], ref.index), ref.text,
                   ref.best_similarity, ", ".join(ref.shared_with))


def coverage_view(cmp: ComparisonData) -> CoverageView:
    """Display-ready coverage section."""
    cov = cmp.coverage
    if cov is None:
        return CoverageView((), "", (), (), cmp.outlet_names)
    positions = _anchors(cmp)
    stories = []
    for s in cov.stories:
        al = s.alignment
        outlets = []
        for outlet in s.outlets:
            groups = al.unique_by_group(outlet)
            outlets.append(OutletCoverageView(
                outlet=outlet, share=al.shares.get(outlet, math.nan),
                n_compared=al.n_compared.get(outlet, 0),
                shared=tuple(_ref(r, positions) for r in al.shared.get(outlet, ())),
                unique_groups=tuple(
                    (g, tuple(_ref(r, positions) for r in refs[:UNIQUE_SHOWN]), len(refs))
                    for g, refs in groups.items()
                ),
                n_unique=len(al.unique.get(outlet, ())),
                n_repeated=al.n_repeated.get(outlet, 0),
                n_skipped=al.n_skipped.get(outlet, 0),
            ))
        qc = s.quantities
        disputed = {id(g) for d in qc.disagreements for g in d.groups}
        figures = tuple(
            FigureRow(
                g.kind, g.subject_phrase or "", g.describe(),
                tuple("; ".join(dict.fromkeys(m.quantity.text for m in g.mentions if m.outlet == o))
                      for o in s.outlets),
                id(g) in disputed,
            )
            for g in qc.groups
        )
        disagreements = tuple(
            f"{d.subject} ({d.kind}): "
            + "; ".join(f"{', '.join(g.outlets)} {g.describe()}" for g in d.groups)
            for d in qc.disagreements
        )
        stories.append(StoryView(s.story, s.outlets, len(s.article_ids), al.threshold,
                                 tuple(outlets), figures, disagreements))
    counts: dict[str, int] = {}
    for story in cov.story_of.values():
        counts[story] = counts.get(story, 0) + 1
    by_id = {a.article.id: a for a in cmp.analyses}

    def label(article_id: str) -> str:
        return by_id[article_id].article.label if article_id in by_id else article_id

    aligned = {i for s in cov.stories for i in s.article_ids}
    return CoverageView(
        stories=tuple(stories),
        note=cov.note,
        duplicates=tuple((label(k), label(v)) for k, v in sorted(cov.duplicate_of.items()) if v),
        story_counts=tuple(sorted(counts.items())),
        outlet_names=cmp.outlet_names,
        left_out=tuple(label(i) for i in cov.story_of if i not in aligned),
    )


def style_view(cmp: ComparisonData) -> StyleView:
    """Display-ready style section."""
    from ..context import difference_views, sentence_anchor

    stats = cmp.style_stats
    rows = []
    if stats:
        for metric, label in STYLE_LABELS.items():
            for outlet in cmp.outlet_names:
                est = stats.estimate(metric, outlet)
                if est is None:
                    continue
                rows.append(StyleRow(metric, label, outlet, est.value,
                                     est.bounds,
                                     est.method))
    cues = []
    for outlet in cmp.outlet_names:
        for marker in CUE_MARKERS:
            found = []
            for i, a in enumerate(cmp.analyses):
                if a.article.outlet != outlet or not isinstance(a, ArticleAnalysis):
                    continue
                for cue in a.style.cues.get(marker, ()):
                    text = cue.text + (" (in a quote)" if cue.quoted else "")
                    found.append((sentence_anchor(i, cue.sentence_index), text))
            if found:
                cues.append(StyleCues(outlet, marker.replace("_", " "), tuple(found[:CUES_SHOWN])))
    return StyleView(tuple(rows), tuple(cues),
                     difference_views(stats.differences if stats else ()))


# ----------------------------------------------------------------------------- JSON


def _ref_data(ref) -> dict[str, Any]:
    return {"article": ref.article_id, "sentence": ref.index, "text": ref.text,
            "best_similarity": ref.best_similarity, "shared_with": list(ref.shared_with),
            "group": ref.group}


def coverage_data(cmp: ComparisonData) -> dict[str, Any]:
    """The ``coverage`` block of the JSON report."""
    cov = cmp.coverage
    if cov is None:
        return {"unique": {}, "shared": {}, "stories": [], "note": ""}
    unique: dict[str, list] = {}
    shared: dict[str, list] = {}
    stories = []
    for s in cov.stories:
        al = s.alignment
        for outlet in s.outlets:
            unique.setdefault(outlet, []).extend(_ref_data(r) for r in al.unique.get(outlet, ()))
            shared.setdefault(outlet, []).extend(_ref_data(r) for r in al.shared.get(outlet, ()))
        qc = s.quantities
        stories.append({
            "story": s.story, "articles": list(s.article_ids), "outlets": list(s.outlets),
            "threshold": al.threshold, "shares": dict(al.shares),
            "n_compared": dict(al.n_compared), "n_repeated": dict(al.n_repeated),
            "n_skipped": dict(al.n_skipped),
            "pairs": [{"article_a": p.article_a, "sentence_a": p.sentence_a,
                       "article_b": p.article_b, "sentence_b": p.sentence_b,
                       "similarity": p.similarity} for p in al.pairs],
            "figures": [{"kind": g.kind, "subject": g.subject_phrase, "figure": g.describe(),
                         "value": g.value,
                         "unit": g.unit, "currency": g.currency, "outlets": list(g.outlets),
                         "texts": sorted({m.quantity.text for m in g.mentions})}
                        for g in qc.groups],
            "disagreements": [{"kind": d.kind, "subject": d.subject, "outlets": list(d.outlets),
                               "values": [g.describe() for g in d.groups]}
                              for d in qc.disagreements],
        })
    return {"unique": unique, "shared": shared, "stories": stories, "note": cov.note}


def _num(value):
    return None if value is None or (isinstance(value, float) and not math.isfinite(value)) else value


def article_style_data(a: ArticleAnalysis) -> dict[str, Any]:
    """``articles[].style``: every marker, and its cues with offsets."""
    st = a.style
    data = {name: _num(getattr(st, name)) for name in (*STYLE_LABELS, "conventional_metaphors",
                                                      "attribution_hedges", "modal_hedges")}
    data["cues"] = {
        marker: [{"text": c.text, "start": c.start, "end": c.end, "sentence": c.sentence_index,
                  "label": c.label, "quoted": c.quoted} for c in cues]
        for marker, cues in sorted(st.cues.items())
    }
    return data


def article_quantities_data(a: ArticleAnalysis) -> list[dict[str, Any]]:
    """``articles[].quantities``: figures with normalised values and offsets."""
    return [
        {"kind": q.kind, "value": q.value, "unit": q.unit, "currency": q.currency, "text": q.text,
         "start": q.start, "end": q.end, "sentence": q.sentence_index, "subject": q.subject,
         "qualifier": q.qualifier}
        for q in a.quantities
    ]
