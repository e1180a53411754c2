"""The members of a roll-up as a table the person edits: a name per team, a round per team.

A Qt model over the core's :class:`RollupSession`: edits go straight into the
session (which is Qt-free and shared with the command line), and
``members_edited`` tells the page to compute the roll-up again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from rater_desktop.i18n import N_, _, format_date
from rater_desktop.rollup.session import RollupSession
from rater_desktop.rollup.sources import Team
from ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

MEMBER_HEADERS = (N_("Team"), N_("Round"), N_("Participants"), N_("Customers"), N_("File"))
COL_NAME, COL_ROUND, COL_PEOPLE, COL_CUSTOMERS, COL_FILE = range(len(MEMBER_HEADERS))
ROUNDS_ROLE = Qt.ItemDataRole.UserRole + 1
"""the rounds a member offers, as (assessment id or None for "latest", label) pairs"""


def round_label(team: Team) -> str:
    """The chosen round as the table shows it ("Latest: Spring review" when it follows the latest)."""
    chosen = team.source.rounds[team.round_index].assessment
    if team.assessment_id is None:
        return _("Latest: {round}").format(round=chosen.name)
    return chosen.name


class MembersModel(QAbstractTableModel):
    members_edited = Signal()

    def __init__(self, session: RollupSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session

    def reload(self, session: RollupSession | None = None) -> None:
        """Show the session's members again (after files were added, removed or a set was opened)."""
        self.beginResetModel()
        if session is not None:
            self.session = session
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(MEMBER_HEADERS) - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(MEMBER_HEADERS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.session.teams)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(MEMBER_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(MEMBER_HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (COL_NAME, COL_ROUND):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        team = self.session.teams[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(team, column)
        if role == Qt.ItemDataRole.EditRole:
            return team.label if column == COL_NAME else team.assessment_id
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_FILE:
            return str(team.source.path)
        if role == ROUNDS_ROLE:
            latest = team.source.rounds[-1].assessment
            choices = [(None, _("Latest: {round}").format(round=latest.name))]
            choices += [(d.assessment.id, f"{d.assessment.name} ({format_date(d.assessment.date)})")
                        for d in reversed(team.source.rounds)]
            return choices
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_PEOPLE, COL_CUSTOMERS):
            return Qt.AlignmentFlag.AlignCenter
        return None

    @staticmethod
    def _display(team: Team, column: int) -> str:
        digest = team.source.rounds[team.round_index]
        if column == COL_NAME:
            return team.label
        if column == COL_ROUND:
            return round_label(team)
        if column == COL_PEOPLE:
            return str(digest.participants)
        if column == COL_CUSTOMERS:
            return str(max((len(v) for v in digest.customer.values()), default=0))
        return team.source.path.name

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == COL_NAME and isinstance(value, str):
            self.session.rename(index.row(), value)
        elif index.column() == COL_ROUND and (value is None or isinstance(value, int)):
            self.session.choose_round(index.row(), value)
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(MEMBER_HEADERS) - 1))
        self.members_edited.emit()
        return True


class RoundDelegate(QStyledItemDelegate):
    """A drop-down of the member's rounds, latest first, for the Round column."""

    def createEditor(self, parent, option, index):
        editor = QComboBox(parent)
        editor.setAccessibleName(_("Round"))
        for ident, label in index.data(ROUNDS_ROLE) or ():
            editor.addItem(label, ident)
        return editor

    def setEditorData(self, editor: QComboBox, index) -> None:
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(0, found))

    def setModelData(self, editor: QComboBox, model, index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
