"""The assessment rounds of a workbook as a Qt table model (home page).

Rows are plain frozen records built once when a workbook is opened; the view
never reaches into the database. ``load_rounds`` is the adapter from the core
(storage + analysis, imported lazily because they are heavy) to those rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rater_desktop.i18n import N_, format_date
from ui.models.base import CENTRE, ReadOnlyTable
from ui.qt import Qt

if TYPE_CHECKING:
    from rater_desktop.history import Reader
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


def load_rounds(workbook: Workbook, read: Reader | None = None) -> list[RoundRow]:
    """Read every round of ``workbook`` with its overall grades, oldest first (``read``: a cache's)."""
    from rater_desktop.history import every_round

    return [
        RoundRow(
            id=past.assessment.id,
            name=past.assessment.name,
            date=past.assessment.date,
            participants=len(past.data.participants),
            team_grade=past.card.overall_internal.grade if past.card.overall_internal else None,
            customer_grade=past.card.overall_customer.grade if past.card.overall_customer else None,
        )
        for past in every_round(workbook, read=read)
    ]


class RoundsModel(ReadOnlyTable):
    """Read-only table: round, date, participants, team grade, customer grade."""

    HEADERS = HEADERS
    NUMBERS = CENTRE

    def __init__(self, rows: list[RoundRow] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.set_rows(rows or [])

    def set_rounds(self, rows: list[RoundRow]) -> None:
        self.set_rows(rows)

    def rounds(self) -> tuple[RoundRow, ...]:
        return self.rows()

    def cell(self, row: RoundRow, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_DATE:
            return format_date(row.date)
        if column == COL_PARTICIPANTS:
            return str(row.participants)
        grade = row.team_grade if column == COL_TEAM else row.customer_grade
        return grade or NO_GRADE

    def role_data(self, row: RoundRow, column: int, role: int) -> Any:
        return row.id if role == ROUND_ID_ROLE else None
