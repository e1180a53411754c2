"""Qt models for the import wizard: the parsed preview and the role of each column.

``PreviewModel`` shows a :class:`~rater_desktop.importing.Table` exactly as the
engine parsed it (header row as column titles, spreadsheet row numbers down
the side), so what the user checks is what will be imported.
``ColumnRolesModel`` shows the import session's answer to "what is this
column?" (held and turned into the mapping's parts by
:class:`~rater_desktop.sessions.column_roles.ColumnRoles`); beside each answer
it shows how sure the suggestion was ("Suggested" or "Check this", with the
reason as a tooltip).
"""

from __future__ import annotations

from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _
from rater_desktop.importing import Table
from rater_desktop.importing.guess_words import column_reason_text
from rater_desktop.sessions.column_roles import COMMENT, IGNORE, SCORED, ColumnRole, ColumnRoles, RolesChange
from ui.qt import QAbstractTableModel, QFont, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


def role_text(role: str) -> str:
    """The words shown for a role code in the current language."""
    if role == IGNORE:
        return _("Not imported")
    if role == COMMENT:
        return _("Comment (customers' own words)")
    kind, key = role.split(":", 1)
    if kind == "dim":
        return dimension_name(key)
    if kind == "exp":
        return _("{dimension} (expectation)").format(dimension=dimension_name(key))
    if kind == "min":
        return _("{dimension} (minimum)").format(dimension=dimension_name(key))
    return {"nps": _("NPS (0–10)"), "csat": _("CSAT (1–5)"), "fcr": _("Solved first time (yes/no)")}[key]


class PreviewModel(QAbstractTableModel):
    """Read-only grid of the first parsed rows of a survey file."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._table: Table | None = None
        self._width = 0
        """columns shown, worked out once per table: views ask for it very often"""

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self._table = table
        self._width = 0 if table is None else max([len(table.headers), *(len(r) for r in table.rows)])
        self.endResetModel()

    def table(self) -> Table | None:
        return self._table

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() or self._table is None else len(self._table.rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else self._width

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self._table is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self._table.rows[index.row()]
            return row[index.column()] if index.column() < len(row) else ""
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or self._table is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(len(self._table.header_rows) + section + 1)  # the spreadsheet row number
        headers = self._table.headers
        name = headers[section] if section < len(headers) else ""
        return f"#{section + 1} {name}".strip()


COL_NUMBER, COL_HEADER, COL_EXAMPLES, COL_ROLE, COL_KPI, COL_REVERSE, COL_SUGGESTION = range(7)


class ColumnRolesModel(QAbstractTableModel):
    """The import session's column roles as a table: name, example answers, role, key figure, reverse flag.

    A view over :class:`~rater_desktop.sessions.column_roles.ColumnRoles`: the
    rows and every rule live there; edits go through its methods and its
    change notices become this model's resets and ``dataChanged``.  The role
    column is edited through a combo box (see the columns page's delegate) with
    the codes of :data:`ROLES`; ``Qt.ItemDataRole.EditRole`` reads and writes
    the code, ``DisplayRole`` shows the words.
    """

    def __init__(self, roles: ColumnRoles, parent=None) -> None:
        super().__init__(parent)
        self.roles = roles
        roles.subscribe(self._roles_changed)

    def _roles_changed(self, change: RolesChange, row: int | None) -> None:
        if change is RolesChange.REPLACING:
            self.beginResetModel()
        elif change is RolesChange.REPLACED:
            self.endResetModel()
        elif self.roles.rows:
            first, last = (0, len(self.roles.rows) - 1) if row is None else (row, row)
            self.dataChanged.emit(self.index(first, 0), self.index(last, COL_SUGGESTION))

    # -- Qt model ------------------------------------------------------------------

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.roles.rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (_("No."), _("Column"), _("Example answers"), _("Dimension"), _("Key figure"),
                _("Reverse-coded"), _("Suggestion"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self.roles.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_REVERSE:
            return Qt.CheckState.Checked if row.reverse else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole and column in (COL_ROLE, COL_KPI):
            return row.role if column == COL_ROLE else row.kpi
        if column == COL_SUGGESTION:
            return self._suggestion_data(row, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_NUMBER:
                return f"#{index.row() + 1}"
            if column == COL_HEADER:
                return row.label
            if column == COL_EXAMPLES:
                return row.examples
            if column == COL_ROLE:
                return role_text(row.role)
            if column == COL_KPI:
                return role_text(row.kpi) if row.kpi else ""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_ROLE, COL_KPI):
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == COL_REVERSE and self.roles.rows[index.row()].role.startswith(SCORED):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    @staticmethod
    def _suggestion_data(row: ColumnRole, role: int) -> object:
        """"Suggested" / "Check this" beside a suggested row, its reason as the tooltip."""
        guess = row.guess
        if guess is None or not (guess.role or guess.kpi or guess.item):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if guess.item and not (guess.role or guess.kpi):
                return _("Choose a dimension")
            return _("Suggested") if guess.sure else _("Check this")
        if role == Qt.ItemDataRole.ToolTipRole:
            return column_reason_text(guess)
        if role == Qt.ItemDataRole.FontRole and not guess.sure:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = index.column()
        if column == COL_ROLE and role == Qt.ItemDataRole.EditRole:
            return self.roles.set_role(index.row(), value)
        if column == COL_KPI and role == Qt.ItemDataRole.EditRole:
            return self.roles.set_kpi(index.row(), value)
        if column == COL_REVERSE and role == Qt.ItemDataRole.CheckStateRole:
            return self.roles.set_reverse(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return False

    def retranslate(self) -> None:
        if self.roles.rows:
            self.dataChanged.emit(self.index(0, COL_ROLE), self.index(len(self.roles.rows) - 1, COL_SUGGESTION))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COL_SUGGESTION)
