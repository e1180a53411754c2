"""What a roll-up found: every team beside the pooled whole, as plain records.

Team and pooled figures are held in the report card's own records
(``analysis.ReportCard``, ``DimensionResult``, ``Score``), so the JSON, the
tables, the PDF and the window describe them with the code that describes a
single workbook.  A figure withheld for privacy is ``None`` there, and the
record's ``hidden`` list says which and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rater_desktop.analysis import ReportCard
from rater_desktop.model import Assessment
from rater_desktop.rollup.privacy import Hidden


@dataclass(frozen=True)
class StatementFigure:
    """One statement's mean points, letter and how many graded it (no spread: the table shows none)."""

    mean: float
    grade: str
    n: int


@dataclass(frozen=True)
class Difference:
    """A team's figure minus the pooled one, per side of a dimension (None: one of them not shown)."""

    internal: float | None
    customer: float | None
    gap: float | None


@dataclass(frozen=True)
class TeamResult:
    path: Path
    name: str
    card: ReportCard
    """the chosen round's figures after privacy; actions are not carried (see ``actions``)"""
    rounds: tuple[tuple[Assessment, ReportCard], ...]
    """every round up to the chosen one, oldest first (trends), privacy applied to each"""
    participants: int
    """participants who graded in the chosen round"""
    customers: int
    """customer respondents behind the round's comparison (the largest n over the dimensions)"""
    hidden: tuple[Hidden, ...]
    differences: dict[str, Difference]
    """dimension key → difference from the pooled whole"""
    statements: dict[str, StatementFigure | None]
    """built-in statement key → the team's figure (None: withheld or ungraded); absent: the team lacks it"""
    actions: dict[str, int]
    """action status → count in the chosen round"""

    def flagged(self, flag: str) -> tuple[str, ...]:
        """Dimension keys whose gap carries ``flag`` (``blind_spot``, ``hidden_strength``)."""
        return tuple(d.key for d in self.card.dimensions if d.flag == flag)


@dataclass(frozen=True)
class PooledResult:
    card: ReportCard
    """the whole group's figures from all respondents of all teams"""
    teams: int
    participants: int
    customers: int
    hidden: tuple[Hidden, ...]
    statements: dict[str, StatementFigure | None]
    statement_dimensions: dict[str, str]
    """built-in statement key → its dimension, for every statement some team has"""
    gap_threshold: float


@dataclass(frozen=True)
class LeftOut:
    """A file that could not take part, with the reason as one sentence."""

    path: Path
    reason: str


@dataclass(frozen=True)
class StatementGap:
    """Part of a framework the statement-level comparison had to leave out.

    ``kind`` is ``own`` (a statement a team wrote itself: ``text`` is its
    wording, ``teams`` the team) or ``missing`` (a built-in statement some
    teams removed: ``key`` names it, ``teams`` lists the teams without it; it
    is compared among the others).
    """

    kind: str
    dimension: str
    teams: tuple[str, ...]
    key: str | None = None
    text: str = ""


@dataclass(frozen=True)
class Rollup:
    teams: tuple[TeamResult, ...]
    pooled: PooledResult
    left_out: tuple[LeftOut, ...]
    statement_gaps: tuple[StatementGap, ...]
    min_group: int
