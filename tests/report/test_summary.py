"""The "What differs" box: only differences whose test and interval agree, with evidence."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from mediacompare.comparison.stats.differences import Difference
from mediacompare.report.context import difference_views, shown_verdict
from mediacompare.report.views.summary import (
    MAX_FINDINGS,
    VERDICT_UNCERTAIN,
    interval_agrees,
    summary_view,
)


def diff(metric="compound_mean", a="A", b="B", d=0.3, lo=0.1, hi=0.5, q=0.01, verdict="likely real"):
    return Difference(metric, a, b, d, 0.0, d, lo, hi, q, q, 5, 5, verdict)


def quote(text, anchor):
    return NS(text=text, anchor=anchor)


def context(tone=(), frames=None, style=None, coverage=None, actors=None):
    outlets = (
        NS(name="A", most_positive=(quote("A hopeful sentence.", "art1-s2"),),
           most_negative=(quote("A grim sentence.", "art1-s5"),)),
        NS(name="B", most_positive=(), most_negative=()),
    )
    return NS(outlets=outlets, tone_differences=difference_views(tone), frames=frames,
              style=style, coverage=coverage, actors=actors)


@pytest.mark.parametrize("lo,hi,verdict,expected", [
    (0.1, 0.5, "likely real", True),
    (-0.5, -0.1, "likely real", True),
    (-0.07, 2.5, "likely real", False),        # Townhall exclamations in issue 14
    (-1.37, 13.29, "likely real", False),      # Newsmax, 3 articles
    (0.1, 0.5, "could be noise", False),
    (float("nan"), float("nan"), "likely real", False),
])
def test_interval_agrees(lo, hi, verdict, expected):
    assert interval_agrees(diff(lo=lo, hi=hi, verdict=verdict)) is expected


def test_rows_crossing_zero_are_not_shown_as_likely_real():
    crossing = diff(lo=-0.07, hi=2.5)
    assert shown_verdict(crossing) == VERDICT_UNCERTAIN
    assert shown_verdict(diff()) == "likely real"
    assert [d.verdict for d in difference_views([crossing, diff()])] == [VERDICT_UNCERTAIN, "likely real"]


def test_findings_keep_only_agreeing_differences_with_linked_evidence():
    ctx = context(tone=[diff(d=0.3, q=0.01), diff(metric="negative_share", d=0.2, lo=-0.1, hi=0.4),
                        diff(metric="tone", d=1.0, q=0.2, verdict="could be noise")])
    sv = summary_view(ctx)
    assert sv.n_candidates == 1
    (f,) = sv.findings
    assert (f.measure, f.a, f.b, f.section) == ("compound mean", "A", "B", "tone")
    # A is more positive on compound mean, so the evidence is its most positive sentence
    assert (str(f.evidence), f.evidence_anchor) == ("A hopeful sentence.", "art1-s2")


def test_negative_share_evidence_is_the_most_negative_sentence():
    sv = summary_view(context(tone=[diff(metric="negative_share", d=0.2)]))
    assert sv.findings[0].evidence_anchor == "art1-s5"


def test_findings_are_capped_and_ordered_by_q():
    tone = [diff(d=0.1 * (i + 1), q=0.001 * (10 - i)) for i in range(8)]
    sv = summary_view(context(tone=tone))
    assert len(sv.findings) == MAX_FINDINGS and sv.n_candidates == 8
    qs = [f.q for f in sv.findings]
    assert qs == sorted(qs)
    assert [f.anchor for f in sv.findings] == [f"finding-{i}" for i in range(1, MAX_FINDINGS + 1)]


def test_frame_and_style_findings_quote_their_cue():
    frames = NS(generic=(NS(outlet="A", label="Conflict",
                            evidence=(NS(html="They <mark>clashed</mark>.", anchor="art1-s3"),)),),
                policy=(), custom=(),
                differences=(diff(metric="Conflict (generic)"),))
    style = NS(cues=(NS(outlet="A", marker="exclamations", cues=(("art1-s4", "!"),)),),
               differences=(diff(metric="exclamations", q=0.02),))
    sv = summary_view(context(frames=frames, style=style))
    assert [(f.section, f.evidence_anchor) for f in sv.findings] == [("frames", "art1-s3"),
                                                                      ("style", "art1-s4")]


def test_only_here_picks_the_least_matched_sentence_per_outlet():
    ref = lambda text, anchor, sim: NS(text=text, anchor=anchor, similarity=sim)  # noqa: E731
    story = NS(outlets_view=(
        NS(outlet="B", unique_groups=(("g", (ref("b1", "art2-s1", 0.2), ref("b2", "art2-s2", 0.05)), 2),)),
        NS(outlet="A", unique_groups=(("g", (ref("a1", "art1-s1", 0.1),), 1),)),
    ))
    sv = summary_view(context(coverage=NS(stories=(story,))))
    assert [(o.outlet, o.text) for o in sv.only_here] == [("A", "a1"), ("B", "b2")]
    assert sv.any and not sv.findings


def test_only_here_prefers_the_longest_of_the_least_matched_sentences():
    ref = lambda text, anchor, sim: NS(text=text, anchor=anchor, similarity=sim)  # noqa: E731
    credit = ref("Reporting by Jo Bloggs.", "art1-s9", 0.0)
    report = ref("The council voted to close the harbour road for the whole winter.", "art1-s2", 0.04)
    matched = ref("The storm hit the coast on Monday night and the harbour flooded.", "art1-s1", 0.2)
    story = NS(outlets_view=(NS(outlet="A", unique_groups=(("g", (credit, report, matched), 3),)),))
    sv = summary_view(context(coverage=NS(stories=(story,))))
    assert [o.anchor for o in sv.only_here] == ["art1-s2"]


def test_example_report_opens_with_what_differs_and_names_both_similarities():
    from mediacompare import compare
    from mediacompare.ingest import load_example
    from mediacompare.report.render import render_html

    html = render_html(compare(load_example()))
    assert html.index('id="summary"') < html.index('id="overview"') < html.index('id="tone"')
    assert "sublinear term-frequency" in html and "TF-IDF cosine" in html
    # every evidence link of the box points at a sentence that exists in the page
    box = html[html.index('id="summary"'):html.index('id="overview"')]
    import re

    targets = re.findall(r'href="#(art\d+-s\d+)"', box)
    assert targets
    for t in targets:
        assert f'id="{t}"' in html
