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
from rater_desktop.report.content import criterion_text
from rater_desktop.scoring import Stat
from ui.qt import QAbstractTableModel, QFont, QModelIndex, QPersistentModelIndex, Qt

NO_VALUE = "–"
DIMENSION_HEADERS = (N_("Dimension"), N_("Team mean"), N_("Grade"), N_("n"), N_("Min–max"), N_("SD"), N_("Consensus"))
(COL_DIMENSION, COL_MEAN, COL_GRADE, COL_N, COL_RANGE, COL_SD, COL_CONSENSUS) = range(len(DIMENSION_HEADERS))
CRITERION_HEADERS = (N_("Statement"), N_("Mean"), N_("Grade"), N_("n"), N_("Min–max"), N_("SD"),
                     "A", "B", "C", "D", "F", N_("N/A"), N_("Consensus"))
COL_VOTES = 6
COL_CRITERION_CONSENSUS = len(CRITERION_HEADERS) - 1
GRADE_CODES = ("A", "B", "C", "D", "F", "NA")
DIMENSION_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def number(value: float | None, decimals: int = 2) -> str:
    return NO_VALUE if value is None else format_number(value, decimals)


def stat_cells(stat: Stat | None) -> tuple[str, str, str, str, str]:
    """Mean, letter, n, min–max and sd of a statistic as shown; "no grade" when nothing was answered."""
    if stat is None:
        return (NO_VALUE, _("No grade"), "0", NO_VALUE, NO_VALUE)
    return (number(stat.mean), stat.grade, str(stat.n), f"{number(stat.min)}–{number(stat.max)}", number(stat.sd))


class _ReadOnlyTable(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self.headers[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.headers) - 1))

    def _alignment(self, column: int) -> Qt.AlignmentFlag:
        if column == 0:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return Qt.AlignmentFlag.AlignCenter


class DimensionsModel(_ReadOnlyTable):
    """Five dimension rows and an "Overall" row."""

    headers = DIMENSION_HEADERS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._card: ReportCard | None = None

    def set_card(self, card: ReportCard | None) -> None:
        self.beginResetModel()
        self._card = card
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self._card is None else len(self._card.dimensions) + 1

    def dimension(self, row: int) -> DimensionResult | None:
        if self._card is None or not 0 <= row < len(self._card.dimensions):
            return None
        return self._card.dimensions[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._card is None:
            return None
        result = self.dimension(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._dimension_cell(result, index.column()) if result else self._overall_cell(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(index.column())
        if role == DIMENSION_KEY_ROLE:
            return result.key if result else None
        if role == Qt.ItemDataRole.FontRole and result is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _dimension_cell(self, result: DimensionResult, column: int) -> str:
        if column == COL_DIMENSION:
            return dimension_name(result.key)
        if column == COL_CONSENSUS:
            return result.consensus or NO_VALUE
        return stat_cells(result.internal)[column - 1]

    def _overall_cell(self, column: int) -> str:
        overall = self._card.overall_internal
        if column == COL_DIMENSION:
            return _("Overall")
        if column == COL_MEAN:
            return number(overall.mean) if overall else NO_VALUE
        if column == COL_GRADE:
            return overall.grade if overall else _("No grade")
        return ""


class CriteriaModel(_ReadOnlyTable):
    """The statements of one dimension with their statistics, vote counts and agreed grade."""

    headers = CRITERION_HEADERS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: tuple[CriterionResult, ...] = ()

    def set_dimension(self, result: DimensionResult | None) -> None:
        self.beginResetModel()
        self._rows = result.criteria if result else ()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def criterion(self, row: int) -> CriterionResult | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        result = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return criterion_text(result.criterion)
            if column < COL_VOTES:
                return stat_cells(result.stat)[column - 1]
            if column == COL_CRITERION_CONSENSUS:
                return result.consensus or NO_VALUE
            return str(result.distribution.get(GRADE_CODES[column - COL_VOTES], 0))
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return criterion_text(result.criterion)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        return None
