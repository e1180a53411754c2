"""The heatmap's cells: what each shows and its colour, shared by the window and the PDF.

A cell is one team's figure on one dimension in one of three views (team
grade, customer grade, gap) with its difference from the pooled whole.  The
colour says only how far the team stands from the whole and which way
(blue: better than the group, orange: worse, stronger the further off, full
at one point); the text always says the same in numbers and letters, so
nothing depends on seeing colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from rater_desktop.analysis import DimensionResult
from rater_desktop.rollup.results import Difference, TeamResult

VIEWS = ("internal", "customer", "gap")
BETTER = (0x3b, 0x82, 0xc4)
WORSE = (0xe0, 0x8a, 0x2c)
WITHHELD_COLOUR = "#e4e4e4"
FULL_AT = 1.0
"""points of difference at which the colour is at its strongest"""
STRONGEST = 0.55
"""share of the colour at its strongest (text stays readable on it)"""


@dataclass(frozen=True)
class Cell:
    value: float | None
    """mean (0–4) or gap in points; None: no figure"""
    grade: str | None
    difference: float | None
    """minus the pooled whole's figure"""
    n: int | None


def cell(view: str, dimension: DimensionResult, difference: Difference) -> Cell:
    """The cell of ``view`` (``internal``, ``customer`` or ``gap``) for one team and dimension."""
    if view == "gap":
        return Cell(dimension.gap, None, difference.gap, None)
    stat = dimension.internal if view == "internal" else dimension.customer
    return Cell(stat.mean if stat else None, stat.grade if stat else None,
                getattr(difference, view), stat.n if stat else None)


def difference_colour(view: str, difference: float | None) -> str | None:
    """Background for a cell as ``#rrggbb`` (None: no colour, no difference to show).

    For team and customer grades a higher figure than the group's is better;
    for the gap a larger one is worse (the team is kinder to itself than its
    customers are, more than the group is).
    """
    if difference is None:
        return None
    better = difference > 0 if view != "gap" else difference < 0
    share = STRONGEST * min(1.0, abs(difference) / FULL_AT)
    base = BETTER if better else WORSE
    blended = (round(255 + (channel - 255) * share) for channel in base)
    return "#" + "".join(f"{c:02x}" for c in blended)


def withheld(team: TeamResult, view: str, dimension: DimensionResult) -> bool:
    """Whether the team's cell is empty because a figure is withheld (not because nobody answered)."""
    inner = any(h.figure == "internal" and h.dimension in (dimension.key, None) for h in team.hidden)
    outer = any(h.figure == "customer" and h.dimension in (dimension.key, None) for h in team.hidden)
    if view == "internal":
        return inner
    if view == "customer":
        return outer
    return (inner or outer) and (inner or dimension.internal is not None) and (outer or dimension.customer is not None)
