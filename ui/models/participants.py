"""The participants of one round as a Qt table model (name, role).

Shared by the set-up page (editable table) and the grading page (the "who is
grading?" list).  Edits go through ``Operations`` so they are saved, announced
and undoable; a refused edit (empty or duplicate name) is reported through the
``refused`` signal with a sentence in the user's language instead of raising
inside Qt's view code.
"""

from __future__ import annotations

from typing import Any

from rater_desktop.i18n import N_, _
from rater_desktop.model import Participant
from rater_desktop.operations import Operations
from ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

HEADERS = (N_("Name"), N_("Role"))
COL_NAME, COL_ROLE = range(len(HEADERS))
PARTICIPANT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def name_problem(name: str, others: list[str]) -> str | None:
    """Why ``name`` cannot be used for a participant (translated), or None if it can.

    Checked before writing so the user gets our own sentence, not the storage
    layer's English one.
    """
    cleaned = name.strip()
    if not cleaned:
        return _("A participant needs a name (an anonymous label such as “Person 1” is fine).")
    if cleaned in (other.strip() for other in others):
        return _("This round already has a participant called “{name}”.").format(name=cleaned)
    return None


class ParticipantsModel(QAbstractTableModel):
    """Participants of ``assessment_id``; names and roles are editable when ``editable``."""

    refused = Signal(str)
    """a sentence explaining why an edit was not saved"""

    def __init__(self, operations: Operations, assessment_id: int, *, editable: bool = False, parent=None) -> None:
        super().__init__(parent)
        self._operations = operations
        self._assessment_id = assessment_id
        self._editable = editable
        self._rows: list[Participant] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._operations.workbook.participants(self._assessment_id)
        self.endResetModel()

    def participants(self) -> list[Participant]:
        return list(self._rows)

    def participant(self, row: int) -> Participant | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, participant_id: int) -> int:
        return next((i for i, p in enumerate(self._rows) if p.id == participant_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return person.name if index.column() == COL_NAME else person.role
        if role == PARTICIPANT_ID_ROLE:
            return person.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if self._editable and index.isValid() else base

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self._editable and index.isValid() and role == Qt.ItemDataRole.EditRole):
            return False
        person = self._rows[index.row()]
        text = str(value).strip()
        if index.column() == COL_NAME:
            if text == person.name:
                return False
            problem = name_problem(text, [p.name for p in self._rows if p.id != person.id])
            if problem:
                self.refused.emit(problem)
                return False
            self._operations.update_participant(person.id, name=text)
        else:
            if text == person.role:
                return False
            self._operations.update_participant(person.id, role=text)
        return True

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
