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
