"""The assessment rounds of a workbook as a Qt table model (home page).

Rows are plain frozen records built once when a workbook is opened; the view
never reaches into the database. ``load_rounds`` is the adapter from the core
(storage + analysis, imported lazily because they are heavy) to those rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rater_desktop.i18n import N_, _, format_date
from ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from rater_desktop.storage import Workbook

NO_GRADE = "—"

HEADERS = (N_("Round"), N_("Date"), N_("Participants"), N_("Team grade"), N_("Customer grade"))
COL_NAME, COL_DATE, COL_PARTICIPANTS, COL_TEAM, COL_CUSTOMER = range(len(HEADERS))

ROUND_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class RoundRow:
    """One assessment round as the home page shows it."""

    id: int
    name: str
    date: str
    participants: int
    team_grade: str | None
    customer_grade: str | None


def load_rounds(workbook: Workbook) -> list[RoundRow]:
    """Read every round of ``workbook`` with its overall grades, oldest first."""
    from rater_desktop.analysis import report_card

    rows = []
    for assessment in workbook.assessments():
        data = workbook.read_assessment(assessment.id)
        card = report_card(data)
        rows.append(
            RoundRow(
                id=assessment.id,
                name=assessment.name,
                date=assessment.date,
                participants=len(data.participants),
                team_grade=card.overall_internal.grade if card.overall_internal else None,
                customer_grade=card.overall_customer.grade if card.overall_customer else None,
            )
        )
    return rows


class RoundsModel(QAbstractTableModel):
    """Read-only table: round, date, participants, team grade, customer grade."""

    def __init__(self, rows: list[RoundRow] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[RoundRow] = list(rows or [])

    def set_rounds(self, rows: list[RoundRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rounds(self) -> tuple[RoundRow, ...]:
        return tuple(self._rows)

    def retranslate(self) -> None:
        """Headers and dates are language-dependent: ask views to redraw them."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ROUND_ID_ROLE:
            return row.id
        return None

    @staticmethod
    def _display(row: RoundRow, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_DATE:
            return format_date(row.date)
        if column == COL_PARTICIPANTS:
            return str(row.participants)
        grade = row.team_grade if column == COL_TEAM else row.customer_grade
        return grade or NO_GRADE

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_NAME:
            # Line the heading up with the names below it.
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
