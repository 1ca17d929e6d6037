"""Inline SVG charts: markup safety, determinism, empty input, and what each chart shows."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest
from jinja2 import Environment
from markupsafe import Markup

from mediacompare.report.charts import (
    bar_chart,
    distribution_chart,
    diverging_terms_chart,
    heatmap,
    sentiment_shade,
)

EVIL = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
SVG_NS = ""  # inline HTML SVG: no xmlns, so ElementTree sees plain tag names


def _all_charts(label: str = "Meduza") -> dict[str, Markup]:
    return {
        "bar": bar_chart([label, "The Sun"], [-0.12, 0.31], lows=[-0.2, 0.1], highs=[0.0, 0.5],
                         title=f"Tone {label}"),
        "dist": distribution_chart({label: [-0.7, -0.2, 0.0, 0.0, 0.3], "The Sun": [0.6, 0.1]},
                                   bins=20, title=f"Sentences {label}"),
        "heatmap": heatmap([label, "The Sun", "BBC"],
                           [[1.0, 0.42, 0.3], [0.42, 1.0, 0.55], [0.3, 0.55, 1.0]],
                           title=f"Similarity {label}"),
        "terms": diverging_terms_chart(label, [("missile", 3.2), (label, 2.0)], "The Sun",
                                       [("putin", 4.1)]),
    }


def _texts(svg: str, cls: str) -> list[str]:
    """Displayed strings of the ``<text class=cls>`` elements (without ``<title>`` tooltips)."""
    return ["".join([t.text or ""] + [c.tail or "" for c in t])
            for t in _parse(svg).iter(SVG_NS + "text") if t.get("class") == cls]


def _parse(svg: str) -> ET.Element:
    """The chart must be well-formed XML (so it also works in XHTML and as a .svg file)."""
    return ET.fromstring(svg)


@pytest.mark.parametrize("kind", ["bar", "dist", "heatmap", "terms"])
def test_chart_is_accessible_scalable_markup(kind: str) -> None:
    svg = _all_charts()[kind]
    assert isinstance(svg, Markup)
    assert svg.startswith("<svg")
    root = _parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-label")
    assert root.get("width") == "100%"
    assert re.fullmatch(r"0 0 \d+ \d+", root.get("viewBox", ""))
    assert root[0].tag == SVG_NS + "title" and root[0].text == root.get("aria-label")
    # Self-contained: no scripts, no external references, no foreign objects.
    assert "<script" not in svg and "href" not in svg and "http" not in svg
    assert "foreignObject" not in svg


@pytest.mark.parametrize("kind", ["bar", "dist", "heatmap", "terms"])
def test_labels_and_titles_are_escaped(kind: str) -> None:
    svg = _all_charts(EVIL)[kind]
    assert EVIL not in svg
    assert "<script" not in svg
    assert ESCAPED in svg
    _parse(svg)  # escaping keeps it well-formed
    # Jinja autoescaping must not escape it a second time.
    out = Environment(autoescape=True).from_string("{{ c }}").render(c=svg)
    assert out == str(svg)


@pytest.mark.parametrize("kind", ["bar", "dist", "heatmap", "terms"])
def test_output_is_deterministic(kind: str) -> None:
    assert _all_charts()[kind] == _all_charts()[kind]


def test_empty_input_gives_small_no_data_chart() -> None:
    charts = [
        bar_chart([], [], title="Empty"),
        bar_chart(["A"], [float("nan")], title="All NaN"),
        distribution_chart({}, bins=10, title="Empty"),
        distribution_chart({"A": [], "B": [float("nan")]}, bins=10, title="Nothing scored"),
        heatmap([], [], title="Empty"),
        diverging_terms_chart("A", [], "B", []),
    ]
    for svg in charts:
        assert isinstance(svg, Markup) and "<svg" in svg
        assert "no data" in svg
        _parse(svg)


def test_bar_chart_whiskers_only_when_intervals_given() -> None:
    plain = bar_chart(["A", "B"], [0.2, -0.1], title="t")
    assert "mc-whisker" not in plain
    ci = bar_chart(["A", "B"], [0.2, -0.1], lows=[0.1, -0.3], highs=[0.3, 0.05], title="t")
    # one horizontal line and two caps per row
    assert ci.count('class="mc-whisker"') == 6
    assert "95% interval" in ci
    # NaN interval bounds: no whisker for that row, no crash
    part = bar_chart(["A", "B"], [0.2, -0.1], lows=[0.1, None], highs=[0.3, float("nan")],
                     title="t")
    assert part.count('class="mc-whisker"') == 3


def test_bar_chart_values_zero_line_and_hatching() -> None:
    svg = bar_chart(["A", "B", "C"], [0.25, -0.5, float("nan")], title="t")
    root = _parse(svg)
    values = _texts(svg, "mc-value")
    assert values == ["+0.25", "\u22120.50", "n/a"]
    assert 'class="mc-zero"' in svg
    bars = [r for r in root.iter(SVG_NS + "rect") if "mc-bar" in (r.get("class") or "")]
    assert len(bars) == 2
    neg = [r for r in bars if "mc-neg" in r.get("class")]
    assert len(neg) == 1 and neg[0].get("fill").startswith("url(#")  # hatched for greyscale
    # symmetric automatic domain for diverging data: zero line in the middle of the plot
    ticks = _texts(svg, "mc-tick")
    assert ticks[0] == "\u2212" + ticks[-1]


def test_bar_chart_non_diverging_starts_at_zero_and_formats() -> None:
    svg = bar_chart(["A", "B"], [812, 1200], title="Words", value_format="{:,.0f}",
                    diverging=False)
    assert ">1,200<" in svg and ">812<" in svg
    ticks = _texts(svg, "mc-tick")
    assert ticks[0] == "0"


def test_bar_chart_rejects_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="2 labels but 1 values"):
        bar_chart(["A", "B"], [0.1], title="t")
    with pytest.raises(ValueError, match="both lows and highs"):
        bar_chart(["A"], [0.1], lows=[0.0], title="t")


def test_distribution_chart_prints_shares_and_counts() -> None:
    svg = distribution_chart({"A": [-0.8, -0.05, 0.0, 0.04, 0.05, 0.9], "B": []},
                             bins=20, title="t")
    # VADER convention: <= -0.05 negative, >= 0.05 positive
    assert "neg 33%" in svg and "neu 33%" in svg and "pos 33%" in svg
    assert "n=6" in svg and "n=0" in svg
    assert "no scored sentences" in svg
    _parse(svg)


def test_distribution_chart_bar_heights_follow_counts() -> None:
    svg = distribution_chart({"A": [0.0, 0.0, 0.0, 0.6]}, bins=[-1, -0.05, 0.05, 1], title="t")
    bars = [r for r in _parse(svg).iter(SVG_NS + "rect") if "mc-bar" in (r.get("class") or "")]
    heights = sorted(float(r.get("height")) for r in bars)
    assert len(heights) == 2
    assert math.isclose(heights[1] / heights[0], 3.0, rel_tol=0.02)


def test_heatmap_prints_every_value_and_full_labels() -> None:
    long = "The Sun: Ukraine fires US-made ATACMS missiles into Russia for the first time"
    svg = heatmap(["Meduza", long], [[1.0, 0.123], [0.123, float("nan")]], title="t")
    root = _parse(svg)
    cells = _texts(svg, "mc-cellvalue")
    assert cells == ["1.00", "0.12", "0.12", "\u2013"]
    # long label: truncated on screen, full text in a tooltip; columns numbered
    assert long in svg
    assert any(t.endswith("\u2026") for t in _texts(svg, "mc-label"))
    tips = [t.text for t in root.iter(SVG_NS + "title")]
    assert long in tips and f"2. {long}" in tips  # column header and row label tooltips
    assert f"Meduza \u00d7 {long}: 0.12" in tips  # cell tooltip
    cols = _texts(svg, "mc-collabel")
    assert cols == ["1", "2"]


def test_heatmap_short_labels_head_columns_and_custom_format() -> None:
    svg = heatmap(["A", "B"], [[1, 0.5], [0.5, 1]], title="t", value_format="{:.0%}")
    cols = _texts(svg, "mc-collabel")
    assert cols == ["A", "B"]
    assert svg.count(">50%<") == 2


def test_heatmap_accepts_numpy_and_rejects_bad_shape() -> None:
    np = pytest.importorskip("numpy")
    svg = heatmap(["A", "B"], np.array([[1.0, 0.2], [0.2, 1.0]]), title="t")
    assert svg.count(">0.20<") == 2
    with pytest.raises(ValueError, match="2x2"):
        heatmap(["A", "B"], [[1.0, 0.2]], title="t")


def test_diverging_terms_chart_sides_and_values() -> None:
    svg = diverging_terms_chart("Meduza", [("production", 4.2), ("drones", 3.5)],
                                "The Sun", [("putin", 5.1)])
    root = _parse(svg)
    terms = _texts(svg, "mc-term")
    assert terms == ["production 4.2", "drones 3.5", "putin 5.1"]
    left = [r for r in root.iter(SVG_NS + "rect") if "mc-left" in (r.get("class") or "")]
    right = [r for r in root.iter(SVG_NS + "rect") if "mc-right" in (r.get("class") or "")]
    assert len(left) == 2 and len(right) == 1
    # one shared scale: the longest bar belongs to the largest z
    assert float(right[0].get("width")) > float(left[0].get("width")) > float(left[1].get("width"))
    assert "Distinctive terms: Meduza vs The Sun" in svg


def test_diverging_terms_chart_one_sided_and_max_terms() -> None:
    svg = diverging_terms_chart("A", [(f"t{i}", 10 - i) for i in range(30)], "rest", [],
                                max_terms=5)
    terms = _texts(svg, "mc-term")
    assert terms == ["t0 10.0", "t1 9.0", "t2 8.0", "t3 7.0", "t4 6.0"]


@pytest.mark.parametrize(
    ("compound", "expected"),
    [(-1.0, "s-neg2"), (-0.5, "s-neg2"), (-0.49, "s-neg1"), (-0.05, "s-neg1"),
     (-0.049, "s-neu"), (0.0, "s-neu"), (0.049, "s-neu"), (0.05, "s-pos1"),
     (0.49, "s-pos1"), (0.5, "s-pos2"), (1.0, "s-pos2"), (float("nan"), "s-none"),
     (None, "s-none")],
)
def test_sentiment_shade_thresholds(compound: float, expected: str) -> None:
    assert sentiment_shade(compound) == expected


def test_report_css_defines_every_class_the_charts_and_shading_use() -> None:
    from importlib.resources import files

    css = (files("mediacompare") / "report" / "templates" / "report.css").read_text("utf-8")
    for cls in ("s-neg2", "s-neg1", "s-neu", "s-pos1", "s-pos2", "s-none", "mc-chart",
                "table-wrap", "muted", "warning", "note", "badge", "mark.cue", "quote"):
        assert cls in css, cls
    assert "@media print" in css and "@media (max-width: 40rem)" in css
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    # greyscale-safe shading: each shade class has its own border style
    styles = {c: re.search(rf"\.{c}\s*{{[^}}]*border-left:\s*\d+px (\w+)", css).group(1)
              for c in ("s-neg2", "s-neg1", "s-pos1", "s-pos2")}
    assert len(set(styles.values())) == 4


def test_report_css_is_scoped_to_the_report_wrapper() -> None:
    """The notebook fragment inlines the same CSS: no rule may restyle the host page."""
    from importlib.resources import files

    css = (files("mediacompare") / "report" / "templates" / "report.css").read_text("utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    selectors = [sel.strip() for group in re.findall(r"([^{};]+)\{", css)
                 for sel in group.split(",") if not group.strip().startswith("@")]
    assert len(selectors) > 50
    unscoped = [sel for sel in selectors if not sel.startswith(".mediacompare")]
    assert unscoped == []

