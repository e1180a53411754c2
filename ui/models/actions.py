"""The action plan of one round as a Qt table model, and the filter over it.

``ActionsModel`` reads the round's actions from the workbook and only reads:
every change goes through ``Operations`` (the page and its dialog do that),
and the page reloads the model when the operations layer announces a change
of ``actions``.  ``ActionFilter`` sorts (by the ``SORT_ROLE`` value, so dates
and grades sort by meaning, not by their display text) and filters by status,
dimension and free text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QBrush, QColor

from rater_desktop.action_status import ActionStatus, action_statuses
from rater_desktop.collation import name_key
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import N_, _, format_date, ngettext
from rater_desktop.model import DIMENSION_KEYS, LETTERS, Action, Criterion
from rater_desktop.operations import Operations
from rater_desktop.report.content import STATUS_WORDS, criterion_text, flag_word, signed
from ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

HEADERS = (N_("Action"), N_("Dimension"), N_("Statement"), N_("Owner"), N_("Due"), N_("Target"), N_("Status"),
           N_("Gap it addresses"), N_("Progress"))
COL_TITLE, COL_DIMENSION, COL_CRITERION, COL_OWNER, COL_DUE, COL_TARGET, COL_STATUS, COL_GAP, COL_CHECK = range(
    len(HEADERS))
ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
DIMENSION_ROLE = Qt.ItemDataRole.UserRole + 4
GRADE_ORDER = {letter: rank for rank, letter in enumerate(LETTERS)}
STATUS_ORDER = {"open": 0, "in_progress": 1, "done": 2, "dropped": 3}


class ActionsModel(QAbstractTableModel):
    """The actions of ``assessment_id``, one row each, in the order they were added."""

    def __init__(self, operations: Operations, assessment_id: int, parent=None) -> None:
        super().__init__(parent)
        self._operations = operations
        self._assessment_id = assessment_id
        self._rows: list[Action] = []
        self._criteria: dict[int, Criterion] = {}
        self._statuses: dict[int, ActionStatus] = {}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        workbook = self._operations.workbook
        self._rows = workbook.actions(self._assessment_id)
        self._criteria = {c.id: c for c in workbook.criteria(include_hidden=True)}
        self._statuses = self._read_statuses()
        self.endResetModel()

    def _read_statuses(self) -> dict[int, ActionStatus]:
        if self._operations.workshops.sealed(self._assessment_id):
            return {}  # the gaps would be the running votes of a workshop: nothing until the reveal
        try:
            _data, card = self._operations.cards.read(self._assessment_id)
        except KeyError:  # the round was just removed (an undo): its page is on its way out
            return {}
        return {s.action.id: s for s in action_statuses(self._rows, card, date.today())}

    def status(self, action_id: int) -> ActionStatus | None:
        """The action's gap and flags in this round (None for an unknown id)."""
        return self._statuses.get(action_id)

    def action(self, row: int) -> Action | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, action_id: int) -> int:
        return next((i for i, a in enumerate(self._rows) if a.id == action_id), -1)

    def criterion(self, criterion_id: int | None) -> Criterion | None:
        return self._criteria.get(criterion_id) if criterion_id is not None else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        action = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(action, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_TITLE, COL_CRITERION):
            criterion = self.criterion(action.criterion_id)
            text = action.title if column == COL_TITLE else (criterion_text(criterion) if criterion else "")
            return "\n\n".join(part for part in (text, action.notes if column == COL_TITLE else "") if part) or None
        if role == SORT_ROLE:
            return self._sort_key(action, column)
        if role == ACTION_ID_ROLE:
            return action.id
        if role == STATUS_ROLE:
            return action.status
        if role == DIMENSION_ROLE:
            return action.dimension or ""
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_CHECK and self._late(action):
            return QBrush(QColor("#b03a2e"))
        return None

    def _late(self, action: Action) -> bool:
        status = self._statuses.get(action.id)
        return bool(status and status.overdue)

    def _display(self, action: Action, column: int) -> str:
        if column == COL_TITLE:
            return action.title
        if column == COL_DIMENSION:
            return dimension_name(action.dimension) if action.dimension else ""
        if column == COL_CRITERION:
            criterion = self.criterion(action.criterion_id)
            return criterion_text(criterion) if criterion else ""
        if column == COL_OWNER:
            return action.owner
        if column == COL_DUE:
            return format_date(action.due) if action.due else ""
        if column == COL_TARGET:
            return action.target_grade or ""
        if column == COL_STATUS:
            return _(STATUS_WORDS[action.status])
        return self._flags(action, column)

    def _flags(self, action: Action, column: int) -> str:
        """The gap the action addresses, or whether it is overdue or on target, in words."""
        status = self._statuses.get(action.id)
        if status is None:
            return ""
        if column == COL_GAP:
            if status.gap is None:
                return ""
            flag = flag_word(status.flag) if status.flag not in (None, "aligned") else ""
            return " ".join(part for part in (signed(status.gap), flag.lower()) if part)
        parts = []
        if status.overdue:
            parts.append(ngettext("Overdue by {n} day", "Overdue by {n} days", status.days_overdue).format(
                n=status.days_overdue))
        if status.target_reached:
            parts.append(_("Target reached ({grade})").format(grade=status.check.actual))
        return " · ".join(parts)

    def _sort_key(self, action: Action, column: int) -> Any:
        """Dates, grades, statuses and dimensions sort by meaning; empty values last."""
        if column == COL_DUE:
            return action.due or "9999-99-99"
        if column == COL_TARGET:
            return GRADE_ORDER.get(action.target_grade or "", len(GRADE_ORDER))
        if column == COL_STATUS:
            return STATUS_ORDER[action.status]
        if column == COL_DIMENSION:
            return DIMENSION_KEYS.index(action.dimension) if action.dimension else len(DIMENSION_KEYS)
        if column == COL_GAP:
            status = self._statuses.get(action.id)
            return -(status.gap if status and status.gap is not None else -99.0)  # largest gap first
        if column == COL_CHECK:
            status = self._statuses.get(action.id)
            return -(status.days_overdue if status else 0)  # most overdue first
        return name_key(self._display(action, column))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1))


class ActionFilter(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; shows rows matching the status, dimension and text filters (all optional)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._status: str | None = None
        self._dimension: str | None = None
        self._text = ""

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_dimension(self, dimension: str | None) -> None:
        self.beginFilterChange()
        self._dimension = dimension
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        first = model.index(source_row, 0, source_parent)
        if self._status is not None and model.data(first, STATUS_ROLE) != self._status:
            return False
        if self._dimension is not None and model.data(first, DIMENSION_ROLE) != self._dimension:
            return False
        if self._text:
            cells = [model.data(model.index(source_row, c, source_parent)) or "" for c in range(model.columnCount())]
            tooltip = model.data(first, Qt.ItemDataRole.ToolTipRole) or ""
            return any(self._text in str(cell).casefold() for cell in (*cells, tooltip))
        return True
