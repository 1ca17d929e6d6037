"""Charts that scale with outlets: frame × outlet heat-map, shared vs only-here bars."""

from mediacompare.report.grid_charts import grid_heatmap, shared_bars


def test_grid_heatmap_links_cells_and_marks_missing_values():
    svg = grid_heatmap(["Conflict", "Economic"], ["A", "B", "C"], [[0.5, None, 0.25], [0.0, 0.1, None]],
                       title="Frames", href="#frames")
    assert svg.count('<a href="#frames">') == 6 and svg.count(">\u2013<") == 2
    assert "Conflict × B: \u2013" in svg


def test_shared_bars_one_bar_pair_per_outlet_and_escaped_names():
    svg = shared_bars(["<A>", "B"], [3, 0], [1, 0], title="Shared", href="#coverage")
    assert "&lt;A&gt;" in svg and "<A>" not in svg
    assert "3 / 1" in svg and "0 / 0" in svg


def test_dot_grid_area_follows_value_and_colour_follows_tone():
    import re

    from mediacompare.report.charts import NEG, NEU, POS
    from mediacompare.report.grid_charts import dot_grid

    svg = dot_grid(["<Putin>", "Zelensky"], ["A", "B"], [[0.4, 0.1], [0.0, 0.4]],
                   tones=[[-0.3, None], [None, 0.2]], title="Actors", href="#actors")
    assert "&lt;Putin&gt;" in svg and "<Putin>" not in svg
    assert svg.count("<circle") == 3  # the empty cell draws nothing
    radii = [float(r) for r in re.findall(r'r="([\d.]+)"', svg)]
    assert radii[0] == radii[2] and abs(radii[1] / radii[0] - 0.5) < 0.02  # area ∝ value
    fills = re.findall(r'<circle[^>]*fill="([^"]+)"', svg)
    assert fills == [NEG, NEU, POS]
    assert svg.count('<a href="#actors">') == 3


def test_three_outlet_report_draws_actor_and_quote_dot_plots():
    import mediacompare as mc
    from mediacompare.model import Article

    texts = {
        "A": 'Vladimir Putin attacked the plan. "It is a disaster," Olaf Scholz said.',
        "B": 'Vladimir Putin praised the plan. "It is a triumph," Emmanuel Macron said.',
        "C": 'Olaf Scholz met Vladimir Putin. "We will talk," Olaf Scholz said on Monday.',
    }
    cmp = mc.compare([Article(id=o, outlet=o, title=f"{o} story", text=t) for o, t in texts.items()])
    html = cmp.to_html()
    assert "Actor × outlet: share of mentions" in html
    assert "Who is quoted: quotes per outlet" in html
    assert "Olaf Scholz × C: quotes 1.00" in html
