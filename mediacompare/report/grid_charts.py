"""Charts that scale with outlets: row × outlet heat-map and dot plot, shared-vs-only-here bars.

Inline SVG like :mod:`mediacompare.report.charts` (no scripts, no network); cells and bars
link to the section or sentence behind them.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from .charts import _CHAR, GRID, MUTED, NEG, NEU, POS, _cell_fill, _clip, _e, _header, _no_data, _rect, _svg, _text

__all__ = ["dot_grid", "grid_heatmap", "shared_bars"]


def grid_heatmap(rows: Sequence[str], cols: Sequence[str], values: Sequence[Sequence[float | None]],
                 *, title: str, href: str = "", value_format: str = "{:.2f}") -> Markup:
    """Rows (e.g. frames) × columns (outlets) as shaded cells, scaled to the largest value.

    Examples
    --------
    >>> svg = grid_heatmap(["Conflict"], ["A", "B"], [[0.5, None]], title="Frames")
    >>> ">0.50<" in svg and "\u2013" in svg
    True
    """
    if not rows or not cols:
        return _no_data(title, "grid")
    top = max((v for r in values for v in r if v is not None), default=0.0) or 1.0
    cell_w = max(30.0, min(70.0, 480.0 / len(cols)))
    cell_h = 24.0
    lw = min(200.0, max(len(r) for r in rows) * 12 * _CHAR + 6)
    x0, y0 = lw + 8, 40.0 + min(120.0, max(len(c) for c in cols) * 11 * _CHAR) * 0.0 + 20
    width = max(x0 + cell_w * len(cols) + 4, 320.0)
    body = [_header(title, width)]
    nchar = max(int(cell_w / (10 * _CHAR)), 3)
    for j, c in enumerate(cols):
        body.append(_text(x0 + cell_w * (j + 0.5), y0 - 6, _clip(c, nchar), anchor="middle",
                          size=10, full=c, cls="mc-collabel"))
    for i, (name, r) in enumerate(zip(rows, values)):
        y = y0 + cell_h * i
        body.append(_text(lw, y + cell_h / 2 + 4, _clip(name, int(lw / (12 * _CHAR))), size=12,
                          anchor="end", full=name))
        for j, v in enumerate(r):
            fill, ink = _cell_fill(v / top) if v is not None else ("#FFFFFF", MUTED)
            label = value_format.format(v) if v is not None else "\u2013"
            cell = (f'<g class="mc-cell"><title>{_e(f"{name} × {cols[j]}: {label}")}</title>'
                    + _rect(x0 + cell_w * j, y, cell_w, cell_h, fill, "mc-cellbg",
                            ' stroke="#FFFFFF" stroke-width="1"')
                    + _text(x0 + cell_w * (j + 0.5), y + cell_h / 2 + 4, label, anchor="middle",
                            size=10, fill=ink, cls="mc-cellvalue") + "</g>")
            body.append(f'<a href="{_e(href)}">{cell}</a>' if href else cell)
    return _svg("grid", width, y0 + cell_h * len(rows) + 6, title, body)


def shared_bars(outlets: Sequence[str], shared: Sequence[int], unique: Sequence[int], *,
                title: str, href: str = "") -> Markup:
    """One stacked bar per outlet: sentences shared with another outlet vs only in it.

    Examples
    --------
    >>> svg = shared_bars(["A", "B"], [3, 1], [1, 4], title="Shared vs only here")
    >>> svg.count("<rect") >= 4
    True
    """
    if not outlets:
        return _no_data(title, "shared")
    lw = min(180.0, max(len(o) for o in outlets) * 12 * _CHAR + 6)
    x0, bar_w, row = lw + 8, 300.0, 22.0
    width = x0 + bar_w + 90
    body = [_header(title, width),
            _text(x0, 34, "shared", size=11, fill=POS), _text(x0 + 60, 34, "only here", size=11, fill=NEG)]
    for i, (o, s, u) in enumerate(zip(outlets, shared, unique)):
        y = 44 + row * i
        total = (s + u) or 1
        ws = bar_w * s / total
        g = (_text(lw, y + 14, _clip(o, int(lw / (12 * _CHAR))), size=12, anchor="end", full=o)
             + _rect(x0, y + 2, ws, row - 6, POS, "mc-bar")
             + _rect(x0 + ws, y + 2, bar_w - ws if s + u else 0, row - 6, NEG, "mc-bar")
             + _text(x0 + bar_w + 6, y + 14, f"{s} / {u}", size=11, fill=MUTED))
        tip = f"<title>{_e(f'{o}: {s} shared, {u} only here')}</title>"
        body.append(f'<a href="{_e(href)}"><g>{tip}{g}</g></a>' if href else f"<g>{tip}{g}</g>")
    return _svg("shared", width, 44 + row * len(outlets) + 4, title, body)


def _tone_colour(v: float | None) -> str:
    """Orange for negative, blue for positive, grey for neutral or unknown (±0.05)."""
    if v is None or -0.05 < v < 0.05:
        return NEU
    return POS if v > 0 else NEG


def dot_grid(rows: Sequence[str], cols: Sequence[str], sizes: Sequence[Sequence[float]], *,
             title: str, tones: Sequence[Sequence[float | None]] | None = None,
             href: str = "", size_label: str = "share") -> Markup:
    """Rows (e.g. actors) × columns (outlets) as dots whose area is the cell's value.

    Dot area is proportional to the value (scaled to the largest); with ``tones`` each dot is
    coloured by the sign of its tone (blue positive, orange negative, grey neutral or unknown),
    so one chart shows both *how much* and *how*. An empty cell draws no dot.

    Examples
    --------
    >>> svg = dot_grid(["Putin", "Zelensky"], ["A", "B"], [[0.4, 0.1], [0.0, 0.3]],
    ...                tones=[[-0.3, None], [None, 0.2]], title="Actors")
    >>> svg.count("<circle")
    3
    """
    if not rows or not cols:
        return _no_data(title, "dots")
    top = max((v for r in sizes for v in r), default=0.0) or 1.0
    cell_w = max(30.0, min(70.0, 480.0 / len(cols)))
    cell_h = 26.0
    radius = min(cell_w, cell_h) / 2 - 2
    lw = min(200.0, max(len(r) for r in rows) * 12 * _CHAR + 6)
    x0, y0 = lw + 8, 60.0
    width = max(x0 + cell_w * len(cols) + 4, 320.0)
    body = [_header(title, width)]
    if tones is not None:
        body += [_text(x0, 34, "positive", size=11, fill=POS),
                 _text(x0 + 64, 34, "negative", size=11, fill=NEG),
                 _text(x0 + 132, 34, "neutral / unknown", size=11, fill=MUTED)]
    nchar = max(int(cell_w / (10 * _CHAR)), 3)
    for j, c in enumerate(cols):
        body.append(_text(x0 + cell_w * (j + 0.5), y0 - 6, _clip(c, nchar), anchor="middle",
                          size=10, full=c, cls="mc-collabel"))
    for i, (name, r) in enumerate(zip(rows, sizes)):
        y = y0 + cell_h * i
        cy = y + cell_h / 2
        body.append(_text(lw, cy + 4, _clip(name, int(lw / (12 * _CHAR))), size=12,
                          anchor="end", full=name))
        body.append(f'<line x1="{x0:.1f}" y1="{cy:.1f}" x2="{x0 + cell_w * len(cols):.1f}"'
                    f' y2="{cy:.1f}" stroke="{GRID}" stroke-width="1"/>')
        for j, v in enumerate(r):
            if not v:
                continue
            tone = tones[i][j] if tones is not None else None
            tip = f"{name} × {cols[j]}: {size_label} {v:.2f}"
            if tone is not None:
                tip += f", tone {tone:+.2f}"
            rad = max(2.0, radius * (v / top) ** 0.5)
            dot = (f'<g class="mc-dot"><title>{_e(tip)}</title>'
                   f'<circle cx="{x0 + cell_w * (j + 0.5):.1f}" cy="{cy:.1f}" r="{rad:.1f}"'
                   f' fill="{_tone_colour(tone) if tones is not None else POS}"/></g>')
            body.append(f'<a href="{_e(href)}">{dot}</a>' if href else dot)
    return _svg("dots", width, y0 + cell_h * len(rows) + 6, title, body)
