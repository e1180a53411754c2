"""Chart functions draw the numbers of their spec, on a plain Figure."""

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from rater_desktop import charts

LABELS = ("Reliability", "Assurance", "Tangibles", "Empathy", "Responsiveness")


def _draw(spec):
    fig = Figure()
    charts.draw(fig, spec)
    return fig, fig.axes[0]


def _bars(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def test_dimension_bars_draws_team_solid_and_customers_hatched_skipping_missing():
    spec = charts.DimensionBarsSpec("t", LABELS, (3.0, 2.5, None, 1.0, 4.0), (2.0, 2.0, 2.0, 2.0, 2.0),
                                    "Team", "Customers", "Points")
    fig, ax = _draw(spec)
    bars = _bars(ax)
    assert [b.get_height() for b in bars] == [3.0, 2.5, 1.0, 4.0, 2.0, 2.0, 2.0, 2.0, 2.0]
    assert {b.get_hatch() for b in bars[4:]} == {"//"}
    assert all(not b.get_hatch() for b in bars[:4])
    assert ax.get_ylim() == (0, 4.35)
    # the letters are written at the right edge, each at its points
    letters = [(t.get_text(), t.get_position()[1]) for t in ax.texts if t.get_text() in "ABCDF"]
    assert letters == [("A", 4.0), ("B", 3.0), ("C", 2.0), ("D", 1.0), ("F", 0.0)]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["Team", "Customers"]
    assert "3.00" in _texts(ax) and "2.50" in _texts(ax)


def test_long_dimension_names_take_two_lines_and_the_legend_stays_under_them():
    names = ("Độ tin cậy", "Sự đảm bảo", "Phương tiện hữu hình", "Sự đồng cảm", "Khả năng đáp ứng")
    assert [charts.tick_label(name) for name in names] == [
        "Độ tin cậy", "Sự đảm bảo", "Phương tiện\nhữu hình", "Sự đồng\ncảm", "Khả năng\nđáp ứng"]
    assert charts.tick_label("Responsiveness") == "Responsiveness"  # one word stays whole
    spec = charts.DimensionBarsSpec("t", names, (3.0,) * 5, (2.0,) * 5, "Nhóm", "Khách hàng", "Điểm")
    fig = Figure(figsize=(5.2, 3.2), layout="constrained")
    FigureCanvasAgg(fig)
    charts.draw(fig, spec)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ticks = [t.get_window_extent(renderer) for t in fig.axes[0].get_xticklabels()]
    legend = fig.legends[0].get_window_extent(renderer)
    assert legend.y1 <= min(box.y0 for box in ticks)  # below the lowest name, not over it
    for left, right in zip(ticks, ticks[1:]):
        assert left.x1 < right.x0  # names side by side do not run into each other


def test_dimension_bars_without_customers_has_one_series():
    spec = charts.DimensionBarsSpec("t", LABELS, (1.0,) * 5, None, "Team", "Customers", "Points")
    fig, ax = _draw(spec)
    assert len(_bars(ax)) == 5
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["Team"]


def test_gap_chart_bars_are_the_gaps_with_signed_labels_and_flags():
    spec = charts.GapSpec("g", LABELS, (0.65, -0.8, None, 0.1, 0.0),
                          ("Blind spot", "Hidden strength", "Few responses", "", ""), 0.5, "Points")
    _fig, ax = _draw(spec)
    widths = [b.get_width() for b in _bars(ax) if b.get_height() == pytest.approx(0.6)]
    assert widths == pytest.approx([0.65, -0.8, 0.1, 0.0])
    texts = _texts(ax)
    assert "+0.65  Blind spot" in texts and "\u22120.80  Hidden strength" in texts  # a real minus sign
    assert "Few responses" in texts
    assert ax.get_xlim() == pytest.approx((-0.8 * 2.2, 0.8 * 2.2))


def test_continuum_strip_marks_each_mean_and_spread():
    spec = charts.ContinuumSpec("c", "Efficiency", "Intimacy",
                                (charts.ContinuumRow("Now", 38.9, 20.0, 55.0),
                                 charts.ContinuumRow("Goal", 61.1, 40.0, 85.0)))
    _fig, ax = _draw(spec)
    lines = ax.get_lines()
    assert list(lines[0].get_xdata()) == [20.0, 55.0]
    assert list(lines[1].get_xdata()) == [38.9]
    assert list(lines[3].get_xdata()) == [61.1]
    assert lines[1].get_marker() != lines[3].get_marker()
    assert _texts(ax) == ["39", "61"]
    assert "Efficiency" in ax.get_xlabel() and "Intimacy" in ax.get_xlabel()


def test_context_chart_labels_only_flagged_dimensions():
    spec = charts.ContextSpec("x", LABELS, ("Peak", "Night"),
                              ((3.0, 2.8), (3.0, None), (4.0, 1.0), (2.0, 2.0), (None, None)),
                              (False, False, True, False, False), "Inconsistent", "Points")
    _fig, ax = _draw(spec)
    flags = [t for t in ax.texts if t.get_text().startswith("▲")]
    assert [t.get_text() for t in flags] == ["▲ Inconsistent"]
    assert flags[0].xy == (2, 4.0)
    peak, night = [line for line in ax.lines if line.get_label() in ("Peak", "Night")]
    assert list(peak.get_ydata())[2] == 4.0
    assert sum(1 for y in night.get_ydata() if y == y) == 3
    assert peak.get_marker() != night.get_marker()  # different markers, not only colours


def test_trend_chart_skips_rounds_without_customers():
    spec = charts.TrendSpec("t", ("R1", "R2", "R3"), (2.2, 2.6, 3.0), (None, 2.3, 2.5), "Team", "Customers", "P")
    _fig, ax = _draw(spec)
    team, customers = ax.get_lines()[:2]
    assert list(team.get_ydata()) == [2.2, 2.6, 3.0]
    assert list(customers.get_xdata()) == [1, 2] and list(customers.get_ydata()) == [2.3, 2.5]
    assert team.get_linestyle() != customers.get_linestyle()


def test_vote_distribution_counts_and_labels():
    spec = charts.VoteDistributionSpec("v", ("A", "B", "C", "D", "F", "N/A"), (3, 2, 0, 0, 1, 1), "Votes")
    _fig, ax = _draw(spec)
    assert [b.get_height() for b in _bars(ax)] == [3, 2, 0, 0, 1, 1]
    assert _texts(ax) == ["3", "2", "0", "0", "1", "1"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A", "B", "C", "D", "F", "N/A"]


def test_render_image_has_the_requested_pixel_size():
    spec = charts.VoteDistributionSpec("v", ("A", "B"), (1, 2), "Votes")
    image = charts.render_image(spec, width_in=3, height_in=2, dpi=200)
    assert image.mode == "RGB" and image.size == (600, 400)
    assert image.getpixel((0, 0)) == (255, 255, 255)


def test_importing_charts_does_not_load_matplotlib():
    import subprocess
    import sys

    code = "import sys, rater_desktop.charts; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.fixture
def vietnamese():
    from rater_desktop import i18n

    before = i18n.language()
    i18n.set_language("vi")
    yield
    i18n.set_language(before)


def test_vietnamese_charts_write_numbers_with_a_decimal_comma(vietnamese):
    bars = charts.DimensionBarsSpec("t", LABELS, (2.78, 2.5, None, 1.0, 4.0), None, "Nhóm", "Khách hàng", "Điểm")
    fig, ax = _draw(bars)
    assert "2,78" in _texts(ax) and "2,50" in _texts(ax)
    assert not any("." in text for text in _texts(ax))
    fig.canvas.draw()  # tick labels are only formatted when drawn
    assert [t.get_text() for t in ax.get_yticklabels()] == ["0", "1", "2", "3", "4"]

    gaps = charts.GapSpec("g", LABELS, (0.65, -0.8, None, 0.1, 0.0), ("", "", "", "", ""), 0.5, "Điểm")
    fig, ax = _draw(gaps)
    assert {"+0,65", "\u22120,80", "+0,10", "+0,00"} <= set(_texts(ax))
    fig.canvas.draw()
    assert {"\u22120,5", "0,5", "1,5"} <= {t.get_text() for t in ax.get_xticklabels()}
