"""The report card as Qt table models: one row per dimension, and one per statement.

Both are read-only views over ``analysis.ReportCard`` (the core computes every
figure; these only format them), so what the results page shows is exactly
what the PDF and the CLI summary report.
"""

from __future__ import annotations

from typing import Any

from rater_desktop.analysis import CriterionResult, DimensionResult, ReportCard
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import N_, _, format_number
from rater_desktop.model import GRADES, LETTERS
from rater_desktop.privacy import enough
from rater_desktop.report.content import criterion_text
from rater_desktop.scoring import Stat
from ui.models.base import CENTRE, ReadOnlyTable
from ui.qt import QFont, Qt

NO_VALUE = "–"
DIMENSION_HEADERS = (N_("Dimension"), N_("Team mean"), N_("Grade"), N_("n"), N_("Min–max"), N_("SD"), N_("Consensus"))
(COL_DIMENSION, COL_MEAN, COL_GRADE, COL_N, COL_RANGE, COL_SD, COL_CONSENSUS) = range(len(DIMENSION_HEADERS))
CRITERION_HEADERS = (N_("Statement"), N_("Mean"), N_("Grade"), N_("n"), N_("Min–max"), N_("SD"),
                     *LETTERS, N_("N/A"), N_("Consensus"))
COL_VOTES = 6
COL_CRITERION_CONSENSUS = len(CRITERION_HEADERS) - 1
GRADE_CODES = GRADES
DIMENSION_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def number(value: float | None, decimals: int = 2) -> str:
    return NO_VALUE if value is None else format_number(value, decimals)


def stat_cells(stat: Stat | None) -> tuple[str, str, str, str, str]:
    """Mean, letter, n, min–max and sd of a statistic as shown; "no grade" when nothing was answered.

    The spread of fewer than three people's scores (lowest, highest, sd) is their scores: not shown
    (privacy rule).
    """
    if stat is None:
        return (NO_VALUE, _("No grade"), "0", NO_VALUE, NO_VALUE)
    if not enough(stat.n):
        return (number(stat.mean), stat.grade, str(stat.n), NO_VALUE, NO_VALUE)
    return (number(stat.mean), stat.grade, str(stat.n), f"{number(stat.min)}–{number(stat.max)}", number(stat.sd))


class DimensionsModel(ReadOnlyTable):
    """Five dimension rows and an "Overall" row (``None``)."""

    HEADERS = DIMENSION_HEADERS
    NUMBERS = CENTRE

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._card: ReportCard | None = None

    def set_card(self, card: ReportCard | None) -> None:
        self._card = card
        self.set_rows((*card.dimensions, None) if card else ())

    def dimension(self, row: int) -> DimensionResult | None:
        return self.row(row)

    def cell(self, result: DimensionResult | None, column: int) -> str:
        if result is None:
            return self._overall_cell(column)
        if column == COL_DIMENSION:
            return dimension_name(result.key)
        if column == COL_CONSENSUS:
            return result.consensus or NO_VALUE
        return stat_cells(result.internal)[column - 1]

    def role_data(self, result: DimensionResult | None, column: int, role: int) -> Any:
        if role == DIMENSION_KEY_ROLE:
            return result.key if result else None
        if role == Qt.ItemDataRole.FontRole and result is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _overall_cell(self, column: int) -> str:
        overall = self._card.overall_internal
        if column == COL_DIMENSION:
            return _("Overall")
        if column == COL_MEAN:
            return number(overall.mean) if overall else NO_VALUE
        if column == COL_GRADE:
            return overall.grade if overall else _("No grade")
        return ""


class CriteriaModel(ReadOnlyTable):
    """The statements of one dimension with their statistics, vote counts and agreed grade."""

    HEADERS = CRITERION_HEADERS
    NUMBERS = CENTRE

    def set_dimension(self, result: DimensionResult | None) -> None:
        self.set_rows(result.criteria if result else ())

    def criterion(self, row: int) -> CriterionResult | None:
        return self.row(row)

    def cell(self, result: CriterionResult, column: int) -> str:
        if column == 0:
            return criterion_text(result.criterion)
        if column == COL_CRITERION_CONSENSUS:
            return result.consensus or NO_VALUE
        if result.withheld:
            return NO_VALUE
        if column < COL_VOTES:
            return stat_cells(result.stat)[column - 1]
        return str(result.distribution.get(GRADE_CODES[column - COL_VOTES], 0))

    def role_data(self, result: CriterionResult, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and result.withheld:
            return _("Fewer than three people graded this statement, so its grade and votes are not shown.")
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return criterion_text(result.criterion)
        return None
