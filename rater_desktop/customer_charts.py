"""Charts of the customers' side beyond the means: the zone of tolerance, importance × performance.

Same contract as :mod:`rater_desktop.charts` (plain ``Figure``, translated
labels in the spec, numbers in the current language, nothing told by colour
alone); each kind registers itself there, so ``charts.draw`` and the PDF
renderer handle them like the others.

The zone of tolerance is drawn as bars, which readers new to SERVQUAL find
easier than the radar charts of LibQUAL+ reports: per dimension, a pale band
from the minimum customers accept to the service they desire, and a solid bar
for what they perceived; a word beside each row says whether it falls below,
within or above the band.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rater_desktop import charts
from rater_desktop.i18n import format_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

POSITION_COLOURS = {"below": "#b03a2e", "within": "#1f5f8b", "above": "#2e7d32"}
POSITION_HATCHES = {"below": "xx", "within": "", "above": "//"}
ZONE_COLOUR = "#dbe7f3"


@dataclass(frozen=True)
class ToleranceSpec:
    """Minimum, desired and perceived service per dimension, on the survey's own scale."""

    title: str
    labels: tuple[str, ...]
    minimum: tuple[float | None, ...]
    desired: tuple[float | None, ...]
    perceived: tuple[float | None, ...]
    positions: tuple[str | None, ...]
    """below | within | above per dimension (None: no zone)"""
    position_words: tuple[str, ...]
    """the translated word written beside each row"""
    scale_min: float
    scale_max: float
    zone_label: str
    perceived_label: str
    axis_label: str


@dataclass(frozen=True)
class ImportancePerformanceSpec:
    """Each dimension placed by how much it matters (x) and how customers rate it (y)."""

    title: str
    labels: tuple[str, ...]
    importance: tuple[float, ...]
    performance: tuple[float, ...]
    x_label: str
    y_label: str
    quadrants: tuple[str, str, str, str]
    """words for: important and rated high, important and rated low, less important and low, less important and high"""


def tolerance_chart(fig: Figure, spec: ToleranceSpec) -> None:
    """Per dimension: the zone as a pale band, perceived service as a solid bar, the position in words."""
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    ax = fig.add_subplot()
    for y, (low, high, seen, position, word) in enumerate(zip(spec.minimum, spec.desired, spec.perceived,
                                                             spec.positions, spec.position_words)):
        if low is None or high is None or seen is None:
            continue
        ax.barh(y, high - low, left=low, height=0.72, color=ZONE_COLOUR, edgecolor="#7fa7c9", linewidth=0.6,
                zorder=1)
        ax.barh(y, seen - spec.scale_min, left=spec.scale_min, height=0.3, zorder=2,
                color=POSITION_COLOURS.get(position, "#1f5f8b"), hatch=POSITION_HATCHES.get(position, ""),
                edgecolor="white", linewidth=0.4)
        ax.annotate(format_figure(seen, 2), (seen, y), xytext=(3, 0), textcoords="offset points", va="center",
                    fontsize=7, zorder=3)
        ax.annotate(word, (1.01, y), xycoords=("axes fraction", "data"), va="center", fontsize=7.5,
                    fontweight="bold" if position == "below" else "normal")
    ax.set_yticks(range(len(spec.labels)), labels=spec.labels, fontsize=8)
    ax.set_ylim(len(spec.labels) - 0.4, -0.75)
    ax.set_xlim(spec.scale_min, spec.scale_max)
    ax.xaxis.set_major_locator(MaxNLocator(6, integer=True))
    charts.localised_ticks(ax.xaxis)
    ax.tick_params(axis="x", labelsize=7)
    ax.set_xlabel(spec.axis_label, fontsize=8)
    charts.chart_title(ax, spec.title)
    ax.legend(handles=[Patch(facecolor=ZONE_COLOUR, edgecolor="#7fa7c9", label=spec.zone_label),
                       Patch(facecolor=POSITION_COLOURS["within"], label=spec.perceived_label)],
              fontsize=7.5, loc="upper left", bbox_to_anchor=(0, -0.15), ncols=1, frameon=False)


def importance_performance_chart(fig: Figure, spec: ImportancePerformanceSpec) -> None:
    """A scatter split at the mean importance and mean performance, each quarter named."""
    from matplotlib.ticker import MaxNLocator

    ax = fig.add_subplot()
    x_mid = sum(spec.importance) / len(spec.importance)
    y_mid = sum(spec.performance) / len(spec.performance)
    x_pad = max(1e-6, (max(spec.importance) - min(spec.importance)) * 0.35 or abs(x_mid) * 0.2 or 1.0)
    y_pad = max(1e-6, (max(spec.performance) - min(spec.performance)) * 0.35 or 0.5)
    x_lo, x_hi = min(spec.importance) - x_pad, max(spec.importance) + x_pad
    y_lo, y_hi = min(spec.performance) - y_pad, max(spec.performance) + y_pad
    ax.axvline(x_mid, color="#999999", linestyle="--", linewidth=0.7, zorder=0)
    ax.axhline(y_mid, color="#999999", linestyle="--", linewidth=0.7, zorder=0)
    corners = ((x_hi, y_hi, "right", "top"), (x_hi, y_lo, "right", "bottom"),
               (x_lo, y_lo, "left", "bottom"), (x_lo, y_hi, "left", "top"))
    for (x, y, ha, va), word in zip(corners, spec.quadrants):
        ax.annotate(word, (x, y), xytext=(-4 if ha == "right" else 4, -4 if va == "top" else 4),
                    textcoords="offset points", ha=ha, va=va, fontsize=7, color="#666666")
    ax.plot(spec.importance, spec.performance, linestyle="", marker="o", markersize=6.5,
            color=charts.TEAM_STYLE["color"], zorder=2)
    for x, y, label in zip(spec.importance, spec.performance, spec.labels):
        ax.annotate(label, (x, y), xytext=(5, 3), textcoords="offset points", fontsize=7.5)
    ax.set_xlim(x_lo, x_hi)
    ax.set_ylim(y_lo, y_hi)
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(MaxNLocator(5))
        charts.localised_ticks(axis)
    ax.tick_params(labelsize=7)
    ax.set_xlabel(spec.x_label, fontsize=8)
    ax.set_ylabel(spec.y_label, fontsize=8)
    charts.chart_title(ax, spec.title)


charts.register(ToleranceSpec, tolerance_chart, (0.0, 1.35, 0.35, 0.95))
charts.register(ImportancePerformanceSpec, importance_performance_chart, (0.6, 0.3, 0.35, 0.5))
