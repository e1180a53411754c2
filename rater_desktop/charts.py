"""Charts drawn on a plain matplotlib ``Figure``, shared by the GUI and the PDF.

Each chart takes a small *spec*: numbers plus labels that are already
translated.  Specs are built by pure functions (``report.content``) from a
report card, so nothing here knows about storage or Qt; the Qt canvas and the
PDF renderer both hand a ``Figure`` to :func:`draw`.  The numbers the charts
write (value labels, axis ticks) follow the current language's separators
(``i18n.format_figure``), so a Vietnamese chart reads 2,78 like its tables,
and negative values carry a true minus sign (−0,65).

Nothing is told by colour alone: series also differ by hatch or marker, and
values are written next to the marks, so a grey-scale print still reads.

matplotlib is imported lazily (it costs ~0.3 s) and ``pyplot`` is never used:
its global state does not belong in a GUI.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from rater_desktop.i18n import format_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

LETTERS_BY_POINTS: tuple[tuple[float, str], ...] = (
    (4.0, "A"), (3.0, "B"), (2.0, "C"), (1.0, "D"), (0.0, "F"))
"""Where each letter sits on the 0–4 points scale (DESIGN §3)."""

LETTER_BOUNDARIES: tuple[float, ...] = (0.5, 1.5, 2.5, 3.5)
"""Means at or above these values earn the next letter up."""

TEAM_STYLE = {"color": "#1f5f8b", "hatch": "", "marker": "o"}
CUSTOMER_STYLE = {"color": "#d98c1f", "hatch": "//", "marker": "s"}
CONTEXT_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


@dataclass(frozen=True)
class DimensionBarsSpec:
    """Team vs customer mean per dimension, on the 0–4 points scale."""

    title: str
    labels: tuple[str, ...]
    team: tuple[float | None, ...]
    customer: tuple[float | None, ...] | None
    team_label: str
    customer_label: str
    axis_label: str
    team_ci: tuple[tuple[float, float] | None, ...] | None = None
    """95 % interval of each team mean (None: not shown), drawn as a whisker"""
    customer_ci: tuple[tuple[float, float] | None, ...] | None = None
    interval_label: str = ""
    """legend entry for the whiskers ("" = no legend entry)"""


@dataclass(frozen=True)
class GapSpec:
    """Internal minus customer mean per dimension (positive = team kinder)."""

    title: str
    labels: tuple[str, ...]
    gaps: tuple[float | None, ...]
    flags: tuple[str, ...]
    """translated flag word per dimension, written beside its bar ("" = none)"""
    threshold: float
    axis_label: str


@dataclass(frozen=True)
class ContinuumSpec:
    """Where the team is and where it should be, 0 (efficiency) – 100 (intimacy)."""

    title: str
    left_pole: str
    right_pole: str
    rows: tuple["ContinuumRow", ...]


@dataclass(frozen=True)
class ContinuumRow:
    label: str
    mean: float
    low: float
    high: float


@dataclass(frozen=True)
class ContextSpec:
    """Mean per time context per dimension; dimensions whose spread is flagged are marked."""

    title: str
    labels: tuple[str, ...]
    contexts: tuple[str, ...]
    means: tuple[tuple[float | None, ...], ...]
    """means[d][c]: dimension d in context c, points 0–4"""
    flagged: tuple[bool, ...]
    flag_label: str
    axis_label: str


@dataclass(frozen=True)
class TrendSpec:
    """Overall mean per round, team and customers."""

    title: str
    rounds: tuple[str, ...]
    team: tuple[float | None, ...]
    customer: tuple[float | None, ...]
    team_label: str
    customer_label: str
    axis_label: str


@dataclass(frozen=True)
class VoteDistributionSpec:
    """How many votes each grade received (A..F then N/A)."""

    title: str
    categories: tuple[str, ...]
    counts: tuple[int, ...]
    axis_label: str


ChartSpec = DimensionBarsSpec | GapSpec | ContinuumSpec | ContextSpec | TrendSpec | VoteDistributionSpec


def _points_axis(ax: "Axes") -> None:
    """0–4 points axis with dashed letter boundaries and the letters written on the right.

    The letters are plain text at the right edge rather than a second axis:
    a secondary axis cost as much to draw as the rest of a small chart.
    """
    ax.set_ylim(0, 4.35)
    ax.set_yticks([0, 1, 2, 3, 4])  # one tick per letter's points: fewer ticks, much less to draw
    localised_ticks(ax.yaxis)
    for boundary in LETTER_BOUNDARIES:
        ax.axhline(boundary, color="#999999", linestyle="--", linewidth=0.6, zorder=0)
    transform = ax.get_yaxis_transform()
    for points, letter in LETTERS_BY_POINTS:
        ax.text(1.015, points, letter, transform=transform, va="center", ha="left", fontsize=9)


def chart_title(ax: "Axes", text: str) -> None:
    """A title at a fixed height: nothing is drawn above the axes, and letting
    matplotlib search for room measured every tick label a second time."""
    ax.set_title(text, fontsize=10, y=1.0)


def _label_value(ax: "Axes", x: float, y: float, value: float, **kw) -> None:
    ax.annotate(format_figure(value, 2), (x, y), textcoords="offset points", fontsize=7, **kw)


def _signed(value: float) -> str:
    """Two decimals with an explicit sign, as gaps are read: +0,65 / −0,80."""
    text = format_figure(value, 2)
    return text if text.startswith("\u2212") else "+" + text


def _tick_text(value: float, _position: int | None = None) -> str:
    """A tick value with as few decimals as it needs (1, 0,5, 0,25)."""
    for decimals in (0, 1, 2):
        if abs(round(value, decimals) - value) < 1e-9:
            return format_figure(value, decimals)
    return format_figure(value, 2)


def localised_ticks(axis) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(_tick_text))


def dimension_bars(fig: "Figure", spec: DimensionBarsSpec) -> None:
    """Grouped bars: team (solid) and customers (hatched) per dimension, each with its 95 % interval."""
    ax = fig.add_subplot()
    series = [(spec.team_label, spec.team, TEAM_STYLE, spec.team_ci)]
    if spec.customer is not None:
        series.append((spec.customer_label, spec.customer, CUSTOMER_STYLE, spec.customer_ci))
    width = 0.8 / len(series)
    whiskers = False
    for i, (label, values, style, intervals) in enumerate(series):
        offset = (i - (len(series) - 1) / 2) * width
        xs = [k + offset for k, v in enumerate(values) if v is not None]
        ys = [v for v in values if v is not None]
        ax.bar(xs, ys, width * 0.95, label=label, color=style["color"], hatch=style["hatch"],
               edgecolor="white" if not style["hatch"] else "#5a3a08", linewidth=0.5)
        spans = [intervals[k] if intervals else None for k, v in enumerate(values) if v is not None]
        for x, y, span in zip(xs, ys, spans):
            top = y
            if span is not None:
                ax.plot([x, x], span, color="#222222", linewidth=0.9, solid_capstyle="butt")
                ax.plot([x - width * 0.15, x + width * 0.15], [span[1], span[1]], color="#222222", linewidth=0.9)
                ax.plot([x - width * 0.15, x + width * 0.15], [span[0], span[0]], color="#222222", linewidth=0.9)
                top, whiskers = max(y, span[1]), True
            _label_value(ax, x, top, y, xytext=(0, 2), ha="center")
    handles, labels = ax.get_legend_handles_labels()
    if whiskers and spec.interval_label:
        (whisker,) = ax.plot([], [], color="#222222", linewidth=0.9)
        handles, labels = [*handles, whisker], [*labels, spec.interval_label]
    ax.set_xticks(range(len(spec.labels)), labels=[tick_label(label) for label in spec.labels], fontsize=8)
    _points_axis(ax)
    ax.set_ylabel(spec.axis_label, fontsize=8)
    chart_title(ax, spec.title)
    fig.legend(handles, labels, fontsize=8, loc="outside lower left", ncols=3, frameon=False)  # under the names


def gap_chart(fig: "Figure", spec: GapSpec) -> None:
    """Diverging horizontal bars around zero; the threshold band is shaded."""
    ax = fig.add_subplot()
    ys = range(len(spec.labels))
    ax.axvspan(-spec.threshold, spec.threshold, color="#eeeeee", zorder=0)
    ax.axvline(0, color="#333333", linewidth=0.8)
    extent = max([abs(g) for g in spec.gaps if g is not None] + [spec.threshold]) * 2.2
    for y, gap, flag in zip(ys, spec.gaps, spec.flags):
        if gap is None:
            ax.annotate(flag or "–", (0, y), ha="center", va="center", fontsize=7)
            continue
        kinder = gap > 0
        ax.barh(y, gap, 0.6, color=TEAM_STYLE["color"] if kinder else CUSTOMER_STYLE["color"],
                hatch="" if kinder else "\\\\", edgecolor="#333333", linewidth=0.4)
        text = _signed(gap) + (f"  {flag}" if flag else "")
        ax.annotate(text, (gap, y), xytext=(4 if kinder else -4, 0), textcoords="offset points",
                    ha="left" if kinder else "right", va="center", fontsize=7)
    ax.set_yticks(list(ys), labels=spec.labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(-extent, extent)
    localised_ticks(ax.xaxis)
    ax.set_xlabel(spec.axis_label, fontsize=8)
    chart_title(ax, spec.title)


def continuum_strip(fig: "Figure", spec: ContinuumSpec) -> None:
    """One line per row: the team's spread as a bar, the mean as a marker."""
    ax = fig.add_subplot()
    markers = ("o", "D", "s")
    for y, row in enumerate(spec.rows):
        ax.plot([row.low, row.high], [y, y], color="#9bb7cc", linewidth=8, solid_capstyle="butt")
        ax.plot([row.mean], [y], marker=markers[y % len(markers)], color="#1f5f8b", markersize=9,
                markeredgecolor="white")
        ax.annotate(format_figure(row.mean), (row.mean, y), xytext=(0, 9), textcoords="offset points",
                    ha="center", fontsize=8)
    ax.set_yticks(range(len(spec.rows)), labels=[r.label for r in spec.rows], fontsize=8)
    ax.set_ylim(len(spec.rows) - 0.4, -0.7)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.tick_params(axis="x", labelsize=7)
    ax.set_xlabel(f"← {spec.left_pole}    ·    {spec.right_pole} →", fontsize=8)
    chart_title(ax, spec.title)


def context_chart(fig: "Figure", spec: ContextSpec) -> None:
    """Context means per dimension, joined by a range line; flagged dimensions labelled."""
    ax = fig.add_subplot()
    for d, row in enumerate(spec.means):
        present = [m for m in row if m is not None]
        if len(present) > 1:
            ax.plot([d, d], [min(present), max(present)], color="#bbbbbb", linewidth=3, zorder=1)
        if spec.flagged[d] and present:
            ax.annotate(f"▲ {spec.flag_label}", (d, max(present)), xytext=(0, 8),
                        textcoords="offset points", ha="center", fontsize=7, fontweight="bold")
    for c, name in enumerate(spec.contexts):
        xs = [d + (c - (len(spec.contexts) - 1) / 2) * 0.08 for d in range(len(spec.labels))]
        pts = [(x, row[c]) for x, row in zip(xs, spec.means) if row[c] is not None]
        ax.plot([p[0] for p in pts], [p[1] for p in pts], linestyle="", label=name, zorder=2, markersize=5.5,
                marker=CONTEXT_MARKERS[c % len(CONTEXT_MARKERS)])
    ax.set_xticks(range(len(spec.labels)), labels=[tick_label(label) for label in spec.labels], fontsize=8)
    _points_axis(ax)
    ax.set_ylabel(spec.axis_label, fontsize=8)
    chart_title(ax, spec.title)
    if spec.contexts:
        fig.legend(fontsize=7, loc="outside lower left", ncols=min(4, len(spec.contexts)),
                  frameon=False)


def trend_chart(fig: "Figure", spec: TrendSpec) -> None:
    """Overall mean per round, oldest first; customers dashed with square markers."""
    ax = fig.add_subplot()
    xs = range(len(spec.rounds))
    for label, values, style, line, offset in ((spec.team_label, spec.team, TEAM_STYLE, "-", (5, 4)),
                                               (spec.customer_label, spec.customer, CUSTOMER_STYLE, "--", (5, -11))):
        pts = [(x, v) for x, v in zip(xs, values) if v is not None]
        if not pts:
            continue
        ax.plot([p[0] for p in pts], [p[1] for p in pts], line, marker=style["marker"],
                color=style["color"], label=label)
        for x, y in pts:
            _label_value(ax, x, y, y, xytext=offset)
    ax.set_xticks(list(xs), labels=spec.rounds, fontsize=8)
    ax.set_xlim(-0.5, len(spec.rounds) - 0.5)
    _points_axis(ax)
    ax.set_ylabel(spec.axis_label, fontsize=8)
    chart_title(ax, spec.title)
    # round labels take two lines (name, date): the legend sits further down
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(0, -0.2), ncols=2, frameon=False)


def vote_distribution(fig: "Figure", spec: VoteDistributionSpec) -> None:
    """Count of votes per grade, each bar labelled with its count."""
    ax = fig.add_subplot()
    bars = ax.bar(range(len(spec.categories)), spec.counts, color="#1f5f8b", edgecolor="#1f5f8b")
    ax.bar_label(bars, fontsize=8)
    ax.set_xticks(range(len(spec.categories)), labels=spec.categories)
    ax.set_ylim(0, max(spec.counts + (0,)) * 1.2 + 1)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylabel(spec.axis_label, fontsize=8)
    chart_title(ax, spec.title)


_DRAWERS: dict[type, Callable[["Figure", object], None]] = {
    DimensionBarsSpec: dimension_bars,
    GapSpec: gap_chart,
    ContinuumSpec: continuum_strip,
    ContextSpec: context_chart,
    TrendSpec: trend_chart,
    VoteDistributionSpec: vote_distribution,
}


def draw(fig: "Figure", spec: ChartSpec) -> None:
    """Draw whichever chart ``spec`` describes on ``fig`` (the Qt canvas calls this too)."""
    _DRAWERS[type(spec)](fig, spec)


def register(spec_type: type, drawer: Callable[["Figure", object], None],
             pdf_margins: tuple[float, float, float, float]) -> None:
    """Add a kind of chart kept in another module (see ``customer_charts``): its drawer and PDF margins."""
    _DRAWERS[spec_type] = drawer
    _PDF_MARGINS[spec_type] = pdf_margins


_PDF_MARGINS: dict[type, tuple[float, float, float, float]] = {
    # left, right, top, bottom in inches; bottoms leave room for tick labels and the legend below
    DimensionBarsSpec: (0.6, 0.35, 0.35, 0.75),
    GapSpec: (0.0, 0.25, 0.35, 0.5),
    ContinuumSpec: (0.0, 0.25, 0.35, 0.5),
    ContextSpec: (0.6, 0.35, 0.35, 0.75),
    TrendSpec: (0.6, 0.35, 0.35, 1.05),
    VoteDistributionSpec: (0.55, 0.2, 0.35, 0.4),
}
"""Fixed margins for the PDF: matplotlib's automatic layout cost as much as drawing.
A left margin of 0 means "fit the category labels" (horizontal charts)."""


def tick_label(label: str, longest: int = 10) -> str:
    """A long dimension name on two lines, cut at the space nearest its middle.

    Five names side by side under a chart in the window's narrow Results pane
    ran into each other in Vietnamese ("Phương tiện hữu hình", "Khả năng đáp ứng").
    """
    spaces = [i for i, char in enumerate(label) if char == " "]
    if len(label) <= longest or not spaces:
        return label
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return f"{label[:cut]}\n{label[cut + 1:]}"


def _row_labels(spec: ChartSpec) -> tuple[str, ...]:
    if isinstance(spec, ContinuumSpec):
        return tuple(row.label for row in spec.rows)
    return getattr(spec, "labels", ())


def _fixed_margins(fig: "Figure", spec: ChartSpec) -> None:
    """Place the axes by the margin table instead of measuring every label.

    Horizontal charts get a left margin from their longest label, estimated at
    0.6 em per character of the 8-point tick font (DejaVu Sans averages less).
    """
    left, right, top, bottom = _PDF_MARGINS[type(spec)]
    if not left:
        longest = max((len(label) for label in _row_labels(spec)), default=4)
        left = min(0.2 + longest * 8 * 0.6 / 72, 2.6)
    width, height = fig.get_size_inches()
    fig.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height,
                        bottom=bottom / height)


class ImageRenderer:
    """Renders specs to PIL images on one reused Agg figure (one per report build).

    reportlab cannot embed vector figures without extra packages, so the PDF
    gets pixels at ``dpi``; handing over the raw image skips a PNG encode and
    decode round trip that cost as much as drawing.
    """

    def __init__(self, dpi: int = 200) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self._figure = Figure(dpi=dpi)
        self._canvas = FigureCanvasAgg(self._figure)

    def render(self, spec: ChartSpec, *, width_in: float, height_in: float):
        """The chart as a PIL RGB image of ``width_in`` × ``height_in`` inches."""
        from PIL import Image

        fig = self._figure
        fig.clear()
        fig.set_size_inches(width_in, height_in)
        draw(fig, spec)
        _fixed_margins(fig, spec)
        self._canvas.draw()
        return Image.frombuffer("RGBA", self._canvas.get_width_height(),
                                self._canvas.buffer_rgba()).convert("RGB")


def render_image(spec: ChartSpec, *, width_in: float, height_in: float, dpi: int = 200):
    """One chart as a PIL RGB image (see :class:`ImageRenderer` to render several)."""
    return ImageRenderer(dpi).render(spec, width_in=width_in, height_in=height_in)


IMAGE_FORMATS: tuple[str, ...] = ("png", "svg")
"""Formats a chart can be copied or saved in (slides take either)."""


def image_bytes(spec: ChartSpec, fmt: str = "png", *, width_in: float = 8.0, height_in: float = 4.5,
                dpi: int = 150) -> bytes:
    """The chart as PNG or SVG bytes, drawn afresh on its own figure (for copy and save from the app)."""
    from io import BytesIO

    from matplotlib.figure import Figure

    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}")
    fig = Figure(figsize=(width_in, height_in), dpi=dpi, layout="constrained")
    draw(fig, spec)
    buffer = BytesIO()
    fig.savefig(buffer, format=fmt, facecolor="white")
    return buffer.getvalue()
