"""The workbook's statements (all, hidden ones included) and a round's time contexts as Qt models.

Edits go through ``Operations``: text edits keep every grade given on the
statement (grades are stored by criterion id), and unticking "Shown" hides a
statement rather than deleting it, so results drop it while its grades stay in
the file and come back if it is shown again.
"""

from __future__ import annotations

from typing import Any

from rater_desktop.framework import dimension_name
from rater_desktop.i18n import N_, _
from rater_desktop.model import Criterion, TimeContext
from rater_desktop.operations import Operations
from rater_desktop.report.content import criterion_text
from ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

CRITERIA_HEADERS = (N_("Dimension"), N_("Statement"), N_("Shown"))
COL_DIMENSION, COL_TEXT, COL_SHOWN = range(len(CRITERIA_HEADERS))


class CriteriaListModel(QAbstractTableModel):
    """Every statement of the workbook, in dimension order; text editable, "Shown" checkable."""

    refused = Signal(str)

    def __init__(self, operations: Operations, parent=None) -> None:
        super().__init__(parent)
        self._operations = operations
        self._rows: list[Criterion] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._operations.workbook.criteria(include_hidden=True)
        self.endResetModel()

    def criterion(self, row: int) -> Criterion | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, criterion_id: int) -> int:
        return next((i for i, c in enumerate(self._rows) if c.id == criterion_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(CRITERIA_HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_DIMENSION:
                return dimension_name(item.dimension)
            if column == COL_TEXT:
                return criterion_text(item)
        if role == Qt.ItemDataRole.EditRole and column == COL_TEXT:
            return criterion_text(item)
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_SHOWN:
            return Qt.CheckState.Unchecked if item.hidden else Qt.CheckState.Checked
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(CRITERIA_HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        if index.column() == COL_TEXT:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == COL_SHOWN:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        item = self._rows[index.row()]
        if index.column() == COL_SHOWN and role == Qt.ItemDataRole.CheckStateRole:
            hidden = Qt.CheckState(value) != Qt.CheckState.Checked
            if hidden != item.hidden:
                self._operations.set_criterion_hidden(item.id, hidden)
            return True
        if index.column() == COL_TEXT and role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            if not text:
                self.refused.emit(_("A statement cannot be empty; untick “Shown” to leave it out instead."))
                return False
            if text != criterion_text(item):
                self._operations.update_criterion(item.id, text=text)
            return True
        return False

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(CRITERIA_HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(CRITERIA_HEADERS) - 1))


class ContextsModel(QAbstractTableModel):
    """The time contexts of one round; names editable."""

    refused = Signal(str)

    def __init__(self, operations: Operations, assessment_id: int, parent=None) -> None:
        super().__init__(parent)
        self._operations = operations
        self._assessment_id = assessment_id
        self._rows: list[TimeContext] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._operations.workbook.time_contexts(self._assessment_id)
        self.endResetModel()

    def contexts(self) -> list[TimeContext]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()].name
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _("Situation")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value).strip()
        if not text:
            self.refused.emit(_("A situation needs a name."))
            return False
        if text != self._rows[index.row()].name:
            self._operations.update_time_context(self._rows[index.row()].id, name=text)
        return True
