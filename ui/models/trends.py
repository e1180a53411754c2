"""Team and customer grades of every dimension over the rounds, as a Qt table model.

Rows: the overall grade, then the five dimensions.  Columns: the dimension,
two per round (team, customers) and the change since the last round in words
(``trends.change_sentence``).  The model holds a ``trends.Trend`` and nothing
else; the trends page replaces it when the workbook changes.
"""

from __future__ import annotations

from typing import Any

from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _, format_number
from rater_desktop.trends import OVERALL, DimensionTrend, Point, Trend, change_sentence
from ui.models.base import CENTRE, LEFT, ReadOnlyTable
from ui.qt import Qt

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def row_name(key: str) -> str:
    return _("Overall") if key == OVERALL else dimension_name(key)


def point_text(point: Point) -> str:
    return "–" if point.mean is None else f"{point.grade} ({format_number(point.mean, 2)})"


class TrendModel(ReadOnlyTable):
    """Overall, then the five dimensions; two columns per round, then the change in words."""

    NUMBERS = CENTRE

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._trend: Trend | None = None

    def set_trend(self, trend: Trend | None) -> None:
        self._trend = trend
        self.set_rows([trend.overall, *trend.dimensions] if trend else [])

    def headers(self) -> tuple[str, ...]:
        if not self._trend:
            return ()
        sides = (_("Team"), _("Customers"))
        rounds = tuple(f"{past.name}\n{who}" for past in self._trend.rounds for who in sides)
        return (_("Dimension"), *rounds, _("Change since the last round"))

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return LEFT if column in (0, self.columnCount() - 1) else CENTRE

    def cell(self, row: DimensionTrend, column: int) -> str:
        if column == 0:
            return row_name(row.key)
        if column == self.columnCount() - 1:
            lines = [change_sentence(row.team_change, "team"), change_sentence(row.customer_change, "customers")]
            return "\n".join(line for line in lines if line)
        round_index, side = divmod(column - 1, 2)
        return point_text((row.team, row.customer)[side][round_index])

    def role_data(self, row: DimensionTrend, column: int, role: int) -> Any:
        return row.key if role == KEY_ROLE else None
