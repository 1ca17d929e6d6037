"""Inline SVG charts for the HTML report: pure functions, no JavaScript, no external resources.

Every chart returns :class:`markupsafe.Markup` holding one ``<svg>`` element, so Jinja's
autoescaping inserts it as-is while every label inside has already been escaped. The element
has no ``xmlns`` (inline HTML needs none; add it to save a chart as a ``.svg`` file), so a
report contains no URL at all. Output is deterministic (same input, same bytes). Charts scale with ``width="100%"`` and a ``viewBox``
(capped at their natural width), carry ``role="img"``, ``aria-label`` and ``<title>``, and stay
readable in black and white: negative marks are hatched, values are printed as text.

Colours are inline (so a chart works outside the report) and every element has a ``mc-*``
class that ``report.css`` can restyle. Palette (Okabe-Ito, colour-blind safe): negative /
first outlet ``#D55E00`` hatched, positive / second outlet ``#0072B2`` solid, neutral ``#BBBBBB``.
"""

from __future__ import annotations

from typing import Any

import hashlib
import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from numbers import Integral

from markupsafe import Markup, escape

__all__ = [
    "NEUTRAL_THRESHOLD",
    "STRONG_THRESHOLD",
    "bar_chart",
    "distribution_chart",
    "diverging_terms_chart",
    "heatmap",
    "sentiment_shade",
]

NEUTRAL_THRESHOLD = 0.05
"""VADER's convention: compound >= 0.05 is positive, <= -0.05 negative, else neutral."""
STRONG_THRESHOLD = 0.5
"""Compound magnitude from which a sentence is shaded as strongly positive / negative."""

NEG, POS, NEU, INK, MUTED, GRID = "#D55E00", "#0072B2", "#BBBBBB", "#222222", "#666666", "#DDDDDD"
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
_W = 560  # natural width of most charts, in px (= viewBox units)
_CHAR = 0.58  # average glyph width as a fraction of the font size (rough, for layout only)


def sentiment_shade(compound: float) -> str:
    """CSS class for shading a sentence by its compound score.

    ``s-pos2`` (>= 0.5), ``s-pos1`` (>= 0.05), ``s-neu`` (between), ``s-neg1`` (<= -0.05),
    ``s-neg2`` (<= -0.5); ``s-none`` for a missing / NaN score (e.g. unscored language).
    ``report.css`` gives each class a background colour and a distinct left border style,
    so the shading survives greyscale printing.

    Examples
    --------
    >>> [sentiment_shade(c) for c in (-0.8, -0.05, 0.0, 0.3, 0.5, float("nan"))]
    ['s-neg2', 's-neg1', 's-neu', 's-pos1', 's-pos2', 's-none']
    """
    c = _finite(compound)
    if c is None:
        return "s-none"
    if c >= STRONG_THRESHOLD:
        return "s-pos2"
    if c >= NEUTRAL_THRESHOLD:
        return "s-pos1"
    if c > -NEUTRAL_THRESHOLD:
        return "s-neu"
    return "s-neg1" if c > -STRONG_THRESHOLD else "s-neg2"


# ----------------------------------------------------------------------------- helpers


def _finite(x: object) -> float | None:
    try:
        v = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _e(text: object) -> str:
    return str(escape(str(text)))


def _n(x: float) -> str:
    """Coordinate formatting: one decimal, no '-0.0'."""
    s = f"{x + 0.0:.1f}"
    return "0.0" if s == "-0.0" else s


def _fmt(fmt: str, v: float | None) -> str:
    return "n/a" if v is None else fmt.format(v).replace("-", "\u2212")


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: max(n - 1, 1)].rstrip() + "\u2026"


def _uid(*parts: object) -> str:
    return "mc" + hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:10]


def _text(x: float, y: float, s: str, *, cls: str = "mc-label", anchor: str = "start",
          size: float = 13, fill: str = INK, full: str | None = None, weight: str = "") -> str:
    tip = f"<title>{_e(full)}</title>" if full is not None and full != s else ""
    w = f' font-weight="{weight}"' if weight else ""
    return (f'<text class="{cls}" x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" '
            f'font-size="{size:g}" fill="{fill}"{w}>{tip}{_e(s)}</text>')


def _rect(x: float, y: float, w: float, h: float, fill: str, cls: str, extra: str = "") -> str:
    return (f'<rect class="{cls}" x="{_n(x)}" y="{_n(y)}" width="{_n(max(w, 0.0))}" '
            f'height="{_n(max(h, 0.0))}" fill="{fill}"{extra}/>')


def _line(x1: float, y1: float, x2: float, y2: float, cls: str, stroke: str = INK,
          width: float = 1, extra: str = "") -> str:
    return (f'<line class="{cls}" x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
            f'stroke="{stroke}" stroke-width="{width:g}"{extra}/>')


def _hatch(uid: str) -> str:
    return (f'<defs><pattern id="{uid}-h" patternUnits="userSpaceOnUse" width="6" height="6" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{NEG}"/>'
            f'<line x1="1.5" y1="0" x2="1.5" y2="6" stroke="#FFFFFF" stroke-width="2"/>'
            f"</pattern></defs>")


def _svg(kind: str, width: float, height: float, title: str, body: list[str]) -> Markup:
    w, h = math.ceil(width), math.ceil(height)
    return Markup(
        f'<svg class="mc-chart mc-{kind}" role="img" '
        f'viewBox="0 0 {w} {h}" width="100%" style="max-width:{w}px;height:auto" '
        f'font-family="{_FONT}" aria-label="{_e(title)}"><title>{_e(title)}</title>'
        + "".join(body) + "</svg>"
    )


def _header(title: str, width: float) -> str:
    return _text(0, 16, _clip(title, int(width / (14 * _CHAR))), cls="mc-title", size=14,
                 weight="600", full=title)


def _no_data(title: str, kind: str, why: str = "no data") -> Markup:
    return _svg(kind, _W, 56, f"{title}: {why}",
                [_header(title, _W), _text(0, 44, why, cls="mc-muted", fill=MUTED)])


def _nice(x: float) -> float:
    """Smallest 1/2/2.5/5 x 10^k >= x."""
    if x <= 0:
        return 1.0
    k = 10 ** math.floor(math.log10(x))
    return next(m * k for m in (1, 2, 2.5, 5, 10) if m * k >= x * (1 - 1e-9))


def _ticks(lo: float, hi: float, target: int = 4) -> list[float]:
    step = _nice((hi - lo) / target)
    t, out = math.ceil(lo / step - 1e-9) * step, []
    while t <= hi + step * 1e-9:
        out.append(round(t, 10) + 0.0)
        t += step
    return out


def _axis(x_of, lo: float, hi: float, y: float, top: float, label: str | None = None) -> list[str]:
    """Ticks, grid lines from ``top`` down to ``y`` and tick labels below ``y``."""
    out = []
    for t in _ticks(lo, hi):
        x = x_of(t)
        out.append(_line(x, top, x, y, "mc-grid", GRID))
        out.append(_text(x, y + 14, f"{t:g}".replace("-", "\u2212"), cls="mc-tick",
                         anchor="middle", size=11, fill=MUTED))
    if label:
        out.append(_text((x_of(lo) + x_of(hi)) / 2, y + 30, label, cls="mc-axis-label",
                         anchor="middle", size=11, fill=MUTED))
    return out


def _label_width(labels: Sequence[str], size: float, cap: float) -> tuple[float, int]:
    """(column width, max characters) for a label column at font ``size``, at most ``cap`` px."""
    longest = max((len(s) for s in labels), default=0)
    width = min(cap, max(48.0, longest * size * _CHAR + 10))
    return width, max(int((width - 10) / (size * _CHAR)), 4)


def _row_labels(labels: Sequence[object], values: Sequence[object], what: str) -> list[str]:
    if len(labels) != len(values):
        raise ValueError(f"{what}: {len(labels)} labels but {len(values)} values")
    return [str(s) for s in labels]


# ----------------------------------------------------------------------------- charts


def bar_chart(labels: Sequence[str], values: Sequence[float], *,
              lows: Sequence[float] | None = None, highs: Sequence[float] | None = None,
              title: str, value_format: str = "{:+.2f}",
              domain: tuple[float, float] | None = None, diverging: bool = True,
              axis_label: str | None = None) -> Markup:
    """Horizontal bars, one per label, with optional interval whiskers and printed values.

    Parameters
    ----------
    labels, values : sequences of equal length
        Row labels (e.g. outlets) and bar values; NaN values are shown as "n/a".
    lows, highs : sequences, optional
        Interval bounds (e.g. 95% CI) drawn as whiskers; both or neither.
    title : str
        Visible title and accessible name.
    value_format : str
        ``str.format`` pattern for the value printed at each bar's end.
    domain : (float, float), optional
        Axis range; default fits the data (symmetric around 0 when ``diverging``).
    diverging : bool
        Bars grow from a zero line; negative bars are hatched.
    axis_label : str, optional
        Caption under the axis.

    Examples
    --------
    >>> svg = bar_chart(["A", "B"], [0.2, -0.1], lows=[0.1, -0.3], highs=[0.3, 0.1], title="Tone")
    >>> svg.startswith("<svg") and "mc-whisker" in svg and "\u22120.10" in svg
    True
    """
    names = _row_labels(labels, values, "bar_chart")
    vals = [_finite(v) for v in values]
    if (lows is None) != (highs is None):
        raise ValueError("bar_chart: give both lows and highs, or neither")
    lo_v = [_finite(v) for v in lows] if lows is not None else [None] * len(vals)
    hi_v = [_finite(v) for v in highs] if highs is not None else [None] * len(vals)
    if len(lo_v) != len(vals) or len(hi_v) != len(vals):
        raise ValueError("bar_chart: lows/highs must have one entry per label")
    if not names or all(v is None for v in vals):
        return _no_data(title, "bar")
    data = [v for v in vals + lo_v + hi_v if v is not None]
    if domain is not None:
        lo, hi = float(domain[0]), float(domain[1])
    elif diverging:
        hi = _nice(max(abs(v) for v in data) or 1.0)
        lo = -hi
    else:
        mn, mx = min(min(data), 0.0), max(max(data), 0.0)
        lo = -_nice(-mn) if mn < 0 else 0.0
        hi = _nice(mx) if mx > 0 or lo == 0 else 0.0
    if not hi > lo:
        raise ValueError(f"bar_chart: empty domain {domain!r}")
    base = min(max(0.0, lo), hi)
    texts = [_fmt(value_format, v) for v in vals]
    lw, nchar = _label_width(names, 13, 170)
    pad = max(len(t) for t in texts) * 12 * _CHAR + 8
    x0 = lw + 8 + (pad if lo < base or diverging else 4)
    x1 = _W - pad - 4

    def x_of(v: float) -> float:
        return x0 + (min(max(v, lo), hi) - lo) / (hi - lo) * (x1 - x0)

    uid = _uid("bar", names, vals, lo_v, hi_v, title, lo, hi)
    row, top = 30.0, 30.0
    bottom = top + row * len(names)
    body = [_hatch(uid), _header(title, _W)]
    body += _axis(x_of, lo, hi, bottom + 4, top, axis_label)
    for i, (name, v, a, b, txt) in enumerate(zip(names, vals, lo_v, hi_v, texts)):
        yc = top + row * i + row / 2
        body.append(_text(lw, yc + 4.5, _clip(name, nchar), anchor="end", full=name))
        end = x_of(v) if v is not None else x_of(base)
        if v is not None:
            neg = v < base
            fill, cls = (f"url(#{uid}-h)", "mc-bar mc-neg") if neg else (POS, "mc-bar mc-pos")
            body.append(_rect(min(end, x_of(base)), yc - 8, abs(end - x_of(base)), 16, fill, cls,
                              f' stroke="{NEG if neg else POS}" stroke-width="0.5"'))
        left = right = end
        if a is not None and b is not None:
            xa, xb = x_of(min(a, b)), x_of(max(a, b))
            left, right = min(left, xa), max(right, xb)
            body += [_line(xa, yc, xb, yc, "mc-whisker", INK, 1.5),
                     _line(xa, yc - 5, xa, yc + 5, "mc-whisker", INK, 1.5),
                     _line(xb, yc - 5, xb, yc + 5, "mc-whisker", INK, 1.5)]
        if v is not None and v < base:
            body.append(_text(left - 4, yc + 4, txt, cls="mc-value", anchor="end", size=12))
        else:
            body.append(_text(right + 4, yc + 4, txt, cls="mc-value", size=12,
                              fill=INK if v is not None else MUTED))
    body.append(_line(x_of(base), top - 4, x_of(base), bottom + 4, "mc-zero", INK, 1.2))
    height = bottom + (40 if axis_label else 24)
    if lows is not None:
        body.append(_text(x0, height + 10, "whiskers: 95% interval", cls="mc-muted", size=11,
                          fill=MUTED))
        height += 16
    return _svg("bar", _W, height + 4, title, body)


def distribution_chart(groups: Mapping[str, Sequence[float]], *, bins: int | Sequence[float],
                       title: str, domain: tuple[float, float] = (-1.0, 1.0),
                       axis_label: str | None = "sentence compound score") -> Markup:
    """One small histogram per group (outlet) of sentence scores, with printed shares.

    Each bin's bar is stacked by category (negative hatched, neutral grey, positive blue,
    using :data:`NEUTRAL_THRESHOLD`); heights share one scale across rows. The shares of
    negative / neutral / positive sentences and the count are printed on the right.

    Parameters
    ----------
    groups : mapping of label -> sequence of float
        Scores per group; NaNs are dropped, values outside ``domain`` go to the edge bins.
    bins : int or sequence of float
        Explicit bin edges, or a bin count: when ``domain`` spans the neutral band, the band
        (+-0.05) is one centre bin and ``bins // 2`` equal-width bins lie on each side of it
        (so ``bins=20`` gives 21 bins); otherwise ``bins`` equal-width bins over ``domain``.
    title : str
        Visible title and accessible name.
    domain : (float, float)
        Score range of the x axis.

    Examples
    --------
    >>> svg = distribution_chart({"A": [-0.6, 0.0, 0.4]}, bins=10, title="Sentences")
    >>> "neg 33%" in svg and "n=3" in svg
    True
    """
    lo, hi = float(domain[0]), float(domain[1])
    if not hi > lo:
        raise ValueError(f"distribution_chart: empty domain {domain!r}")
    if not isinstance(bins, Integral):
        edges = sorted(float(b) for b in bins)  # type: ignore[union-attr]  # a sequence of edges
    elif lo < -NEUTRAL_THRESHOLD and hi > NEUTRAL_THRESHOLD:  # neutral band = centre bin
        k = max(int(bins) // 2, 1)
        edges = ([lo + (-NEUTRAL_THRESHOLD - lo) * i / k for i in range(k + 1)]
                 + [NEUTRAL_THRESHOLD + (hi - NEUTRAL_THRESHOLD) * i / k for i in range(k + 1)])
    else:
        edges = [lo + (hi - lo) * i / int(bins) for i in range(int(bins) + 1)]
    if len(edges) < 2:
        raise ValueError("distribution_chart: need at least one bin")
    names = [str(k) for k in groups]
    scores = [[v for v in map(_finite, groups[k]) if v is not None] for k in groups]
    if not names or not any(scores):
        return _no_data(title, "dist")
    nb = len(edges) - 1
    counts: list[list[list[int]]] = []  # row -> bin -> [neg, neu, pos]
    shares: list[tuple[float, float, float]] = []
    for vals in scores:
        c = [[0, 0, 0] for _ in range(nb)]
        for v in vals:
            b = min(max(bisect_right(edges, v) - 1, 0), nb - 1)
            c[b][0 if v <= -NEUTRAL_THRESHOLD else 2 if v >= NEUTRAL_THRESHOLD else 1] += 1
        counts.append(c)
        n = len(vals) or 1
        neg, neu, pos = (sum(cell[k] for cell in c) / n for k in range(3))
        shares.append((neg, neu, pos))
    peak = max((sum(cell) / (len(v) or 1) for c, v in zip(counts, scores) for cell in c),
               default=1.0) or 1.0
    lw, nchar = _label_width(names, 13, 150)
    x0, x1 = lw + 10, _W - 96
    span = (edges[-1] - edges[0]) or 1.0

    def x_of(v: float) -> float:
        return x0 + (min(max(v, edges[0]), edges[-1]) - edges[0]) / span * (x1 - x0)

    uid = _uid("dist", names, scores, edges, title)
    row, hist, top = 56.0, 40.0, 30.0
    bottom = top + row * len(names)
    body = [_hatch(uid), _header(title, _W)]
    body += _axis(x_of, edges[0], edges[-1], bottom, top, axis_label)
    fills = ((f"url(#{uid}-h)", "mc-neg"), (NEU, "mc-neu"), (POS, "mc-pos"))
    for i, (name, vals, c, sh) in enumerate(zip(names, scores, counts, shares)):
        base = top + row * i + hist + 6
        body.append(_text(lw, base - 22, _clip(name, nchar), anchor="end", full=name))
        body.append(_text(lw, base - 6, f"n={len(vals)}", cls="mc-muted", anchor="end", size=11,
                          fill=MUTED))
        body.append(_line(x0, base, x1, base, "mc-baseline", MUTED, 1))
        for b, cell in enumerate(c):
            y = base
            for k, cnt in enumerate(cell):
                if cnt:
                    h = cnt / (len(vals) or 1) / peak * hist
                    y -= h
                    stroke = f' stroke="{(NEG, "#888888", POS)[k]}" stroke-width="0.5"'
                    body.append(_rect(x_of(edges[b]) + 0.5, y, x_of(edges[b + 1]) - x_of(edges[b])
                                      - 1, h, fills[k][0], "mc-bar " + fills[k][1], stroke))
        if not vals:
            body.append(_text((x0 + x1) / 2, base - 14, "no scored sentences", cls="mc-muted",
                              anchor="middle", size=11, fill=MUTED))
        for k, (lab, share) in enumerate(zip(("neg", "neu", "pos"), sh)):
            yk = base - hist + 4 + 14 * k
            body.append(_rect(x1 + 12, yk - 3, 9, 9, fills[k][0], "mc-key " + fills[k][1],
                              f' stroke="{(NEG, "#888888", POS)[k]}" stroke-width="0.5"'))
            body.append(_text(x1 + 26, yk + 5.5, f"{lab} {share:.0%}" if vals else f"{lab} \u2013",
                              cls="mc-share", size=11))
    if lo < 0 < hi:
        body.append(_line(x_of(0), top, x_of(0), bottom, "mc-zero", INK, 1,
                          ' stroke-dasharray="3 3"'))
    return _svg("dist", _W, bottom + (40 if axis_label else 24), title, body)


def _cell_fill(t: float) -> tuple[str, str]:
    """Sequential light-to-dark blue for t in [0, 1]; returns (fill, text colour)."""
    a, b = (0xF3, 0xF6, 0xFA), (0x0B, 0x3C, 0x75)
    rgb = "".join(f"{round(p + (q - p) * t):02X}" for p, q in zip(a, b))
    return "#" + rgb, ("#FFFFFF" if t > 0.5 else INK)


def heatmap(labels: Sequence[str], matrix: Sequence[Sequence[float]] | Any, *, title: str,
            value_format: str = "{:.2f}", domain: tuple[float, float] = (0.0, 1.0)) -> Markup:
    """Square matrix (e.g. cosine similarity) as shaded cells with the value printed in each.

    Columns are headed by the labels when they are short, else by row numbers (rows then read
    "1. label"); truncated labels carry their full text in a ``<title>`` tooltip.

    Parameters
    ----------
    labels : sequence of str
        One label per row/column.
    matrix : n x n nested sequence or array
        Values; NaN cells show a dash.
    title : str
        Visible title and accessible name.
    value_format : str
        ``str.format`` pattern for the printed values.
    domain : (float, float)
        Values mapped to the lightest and darkest shade (clipped).

    Examples
    --------
    >>> svg = heatmap(["A", "B"], [[1.0, 0.25], [0.25, 1.0]], title="Similarity")
    >>> svg.count(">0.25<")
    2
    """
    names = [str(s) for s in labels]
    rows = [[_finite(v) for v in r] for r in matrix]
    if len(rows) != len(names) or any(len(r) != len(names) for r in rows):
        raise ValueError(f"heatmap: need a {len(names)}x{len(names)} matrix for {len(names)} labels")
    if not names:
        return _no_data(title, "heatmap")
    lo, hi = float(domain[0]), float(domain[1])
    n = len(names)
    cell = max(34.0, min(64.0, 380.0 / n))
    numbered = max(len(s) for s in names) * 11 * _CHAR > cell - 4
    shown = [f"{i + 1}. {s}" for i, s in enumerate(names)] if numbered else names
    lw, nchar = _label_width(shown, 12, 220)
    x0, y0 = lw + 8, 44.0
    width = max(x0 + cell * n + 4, 320.0, len(title) * 14 * _CHAR + 4)
    body = [_header(title, width)]
    for j, name in enumerate(names):
        head = str(j + 1) if numbered else name
        body.append(_text(x0 + cell * (j + 0.5), y0 - 8, head, cls="mc-collabel", anchor="middle",
                          size=11, full=name))
    for i, (name, r) in enumerate(zip(shown, rows)):
        y = y0 + cell * i
        body.append(_text(lw, y + cell / 2 + 4, _clip(name, nchar), size=12, anchor="end",
                          full=name))
        for j, v in enumerate(r):
            t = 0.0 if v is None else min(max((v - lo) / ((hi - lo) or 1.0), 0.0), 1.0)
            fill, ink = _cell_fill(t) if v is not None else ("#FFFFFF", MUTED)
            tip = f"{names[i]} \u00d7 {names[j]}: {_fmt(value_format, v)}"
            body.append(f'<g class="mc-cell"><title>{_e(tip)}</title>'
                        + _rect(x0 + cell * j, y, cell, cell, fill, "mc-cellbg",
                                ' stroke="#FFFFFF" stroke-width="1"')
                        + _text(x0 + cell * (j + 0.5), y + cell / 2 + 4,
                                _fmt(value_format, v) if v is not None else "\u2013",
                                cls="mc-cellvalue", anchor="middle", size=min(12, cell / 3.4),
                                fill=ink) + "</g>")
    return _svg("heatmap", width, y0 + cell * n + 6, title, body)


def diverging_terms_chart(left_label: str, left_terms: Sequence[tuple[str, float]],
                          right_label: str, right_terms: Sequence[tuple[str, float]], *,
                          title: str | None = None, value_format: str = "{:.1f}",
                          max_terms: int = 15) -> Markup:
    """Butterfly chart: terms distinctive of one side grow left, of the other grow right.

    Terms are drawn in the order given (pass them sorted by z, strongest first); bar length is
    the z-score on one scale shared by both sides (negative z draws no bar). The left side is
    hatched orange, the right side solid blue, and every term carries its printed value.

    Examples
    --------
    >>> svg = diverging_terms_chart("Meduza", [("drones", 3.1)], "The Sun", [("putin", 4.0)])
    >>> "drones" in svg and "4.0" in svg
    True
    """
    title = title or f"Distinctive terms: {left_label} vs {right_label}"
    sides = [[(str(t), _finite(z)) for t, z in terms][:max_terms]
             for terms in (left_terms, right_terms)]
    if not sides[0] and not sides[1]:
        return _no_data(title, "terms")
    zmax = max([z for s in sides for _, z in s if z is not None and z > 0] or [1.0])
    mid, gap, room = _W / 2, 4.0, 150.0
    scale = (mid - gap - room) / zmax
    uid = _uid("terms", left_label, right_label, sides, title)
    row, top = 22.0, 52.0
    nrows = max(len(s) for s in sides)
    body = [_hatch(uid), _header(title, _W),
            _text(mid - gap, 40, _clip(left_label, 38), cls="mc-side", anchor="end", size=12,
                  weight="600", full=left_label),
            _text(mid + gap, 40, _clip(right_label, 38), cls="mc-side", size=12, weight="600",
                  full=right_label)]
    for side, terms in enumerate(sides):
        sign = -1 if side == 0 else 1
        fill, stroke = (f"url(#{uid}-h)", NEG) if side == 0 else (POS, POS)
        for i, (term, z) in enumerate(terms):
            yc = top + row * i + row / 2
            length = max(z or 0.0, 0.0) * scale
            x_in = mid + sign * gap
            body.append(_rect(min(x_in, x_in + sign * length), yc - 7, length, 14, fill,
                              "mc-bar " + ("mc-left" if side == 0 else "mc-right"),
                              f' stroke="{stroke}" stroke-width="0.5"'))
            label = f"{_clip(term, 18)} {_fmt(value_format, z)}"
            body.append(_text(x_in + sign * (length + 4), yc + 4, label, cls="mc-term", size=12,
                              anchor="end" if side == 0 else "start",
                              full=term if len(term) > 18 else None))
    bottom = top + row * nrows
    body.append(_line(mid, top - 4, mid, bottom, "mc-zero", INK, 1))
    body.append(_text(_W, bottom + 16, "bar length: z-score (log-odds, informative prior)",
                      cls="mc-muted", anchor="end", size=11, fill=MUTED))
    return _svg("terms", _W, bottom + 24, title, body)
