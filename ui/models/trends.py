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
from ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def row_name(key: str) -> str:
    return _("Overall") if key == OVERALL else dimension_name(key)


def point_text(point: Point) -> str:
    return "–" if point.mean is None else f"{point.grade} ({format_number(point.mean, 2)})"


class TrendModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._trend: Trend | None = None
        self._rows: list[DimensionTrend] = []

    def set_trend(self, trend: Trend | None) -> None:
        self.beginResetModel()
        self._trend = trend
        self._rows = [trend.overall, *trend.dimensions] if trend else []
        self.endResetModel()

    def _rounds(self) -> int:
        return len(self._trend.rounds) if self._trend else 0

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or not self._trend else 2 + 2 * self._rounds()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < column <= 2 * self._rounds():
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return row_name(row.key)
        if column == self.columnCount() - 1:
            lines = [change_sentence(row.team_change, "team"), change_sentence(row.customer_change, "customers")]
            return "\n".join(line for line in lines if line)
        round_index, side = divmod(column - 1, 2)
        return point_text((row.team, row.customer)[side][round_index])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal or not self._trend:
            return None
        if section == 0:
            return _("Dimension")
        if section == self.columnCount() - 1:
            return _("Change since the last round")
        round_index, side = divmod(section - 1, 2)
        who = _("Team") if side == 0 else _("Customers")
        return f"{self._trend.rounds[round_index].name}\n{who}"
