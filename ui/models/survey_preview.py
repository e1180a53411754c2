"""Qt models for the import wizard: the parsed preview and the role of each column.

``PreviewModel`` shows a :class:`~rater_desktop.importing.Table` exactly as the
engine parsed it (header row as column titles, spreadsheet row numbers down
the side), so what the user checks is what will be imported.
``ColumnRolesModel`` holds the user's answer to "what is this column?" and
turns it into the mapping's dimensions, expectations, minimum items, comment
columns, KPIs and reverse list; beside each answer it shows how sure the
suggestion was ("Suggested" or "Check this", with the reason as a tooltip).
"""

from __future__ import annotations

from dataclasses import dataclass

from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _
from rater_desktop.importing import Mapping, Table
from rater_desktop.importing.column_guess import ColumnGuess, column_questions
from rater_desktop.importing.guess_words import column_reason_text
from rater_desktop.importing.proposal import column_reference
from rater_desktop.model import DIMENSION_KEYS
from ui.qt import QAbstractTableModel, QFont, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()

IGNORE = ""
COMMENT = "comment"
ROLES: tuple[str, ...] = (IGNORE, *(f"dim:{k}" for k in DIMENSION_KEYS),
                          *(f"exp:{k}" for k in DIMENSION_KEYS), *(f"min:{k}" for k in DIMENSION_KEYS), COMMENT)
"""Every choice in the "Dimension" column, in menu order."""
SCORED = ("dim:", "exp:", "min:")
"""role prefixes of columns whose answers are on the scale"""
KPI_ROLES: tuple[str, ...] = (IGNORE, "kpi:nps", "kpi:csat", "kpi:fcr")
"""Every choice in the "Key figure" column: a column may feed a dimension and a KPI."""


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


@dataclass(frozen=True)
class MappingParts:
    """The column parts of a mapping, as the roles table describes them."""

    dimensions: dict[str, tuple[str, ...]]
    expectations: dict[str, tuple[str, ...]]
    minimum: dict[str, tuple[str, ...]]
    comments: tuple[str, ...]
    kpis: dict[str, str]
    reverse: tuple[str, ...]


@dataclass
class ColumnRole:
    header: str
    """the name the mapping refers to the column by (blank under a grid's question: then "#N")"""
    examples: str
    label: str = ""
    """what the column is called to the person: its header cells from every header row, the most
    specific first (SurveyMonkey's grid item "Han Solo" before the question over the grid)"""
    role: str = IGNORE
    kpi: str = IGNORE
    reverse: bool = False
    guess: ColumnGuess | None = None
    """the suggestion this row started from; None once the person changes the row"""


COL_NUMBER, COL_HEADER, COL_EXAMPLES, COL_ROLE, COL_KPI, COL_REVERSE, COL_SUGGESTION = range(7)


class ColumnRolesModel(QAbstractTableModel):
    """One row per file column: its name, example answers, role and reverse flag.

    The role column is edited through a combo box (see the wizard's delegate)
    with the codes of :data:`ROLES`; ``Qt.ItemDataRole.EditRole`` reads and
    writes the code, ``DisplayRole`` shows the words.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ColumnRole] = []

    # -- filling -------------------------------------------------------------------

    def set_table(self, table: Table) -> None:
        """One row per column of ``table``, all "not imported"."""
        width = max([len(table.headers), *(len(r) for r in table.rows)])
        questions = column_questions(table.header_rows, width)
        rows = []
        for i in range(width):
            header = table.headers[i] if i < len(table.headers) else ""
            seen: list[str] = []
            for record in table.rows:
                value = record[i].strip() if i < len(record) else ""
                if value and value not in seen:
                    seen.append(value)
                if len(seen) == 3:
                    break
            rows.append(ColumnRole(header, ", ".join(v if len(v) < 40 else v[:39] + "…" for v in seen),
                                   " — ".join(reversed(dict.fromkeys(questions[i]))) or header))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def apply_suggestion(self, guesses: list[ColumnGuess]) -> None:
        """Replace every role by the suggestion, sure or not (reverse flags are cleared).

        Guesses to check are applied too, and marked so: the person is on the
        page and sees "Check this" with its reason beside the row.
        """
        roles = {g.index: g.role for g in guesses if g.role}
        kpis = {g.index: f"kpi:{g.kpi}" for g in guesses if g.kpi}
        self._set_all(roles, kpis, set())
        for guess in guesses:
            if guess.index < len(self._rows):
                self._rows[guess.index].guess = guess
        self._changed_all()

    def apply_mapping(self, mapping: Mapping, resolve) -> None:
        """Set roles from a mapping; ``resolve(ref)`` gives a reference's column index."""
        roles: dict[int, str] = {resolve(ref): COMMENT for ref in mapping.comments}
        kpis: dict[int, str] = {}
        for prefix, table in (("dim", mapping.dimensions), ("exp", mapping.expectations),
                              ("min", mapping.minimum)):
            for key, refs in table.items():
                for ref in refs:
                    roles[resolve(ref)] = f"{prefix}:{key}"
        for kind, ref in mapping.kpis.items():
            kpis[resolve(ref)] = f"kpi:{kind}"
        self._set_all(roles, kpis, {resolve(ref) for ref in mapping.scale.reverse})

    def _set_all(self, roles: dict[int, str], kpis: dict[int, str], reverse: set[int]) -> None:
        for i, row in enumerate(self._rows):
            row.role = roles.get(i, IGNORE)
            row.kpi = kpis.get(i, IGNORE)
            row.reverse = i in reverse and row.role.startswith(SCORED)
            row.guess = None
        self._changed_all()

    def _changed_all(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COL_SUGGESTION))

    # -- reading -----------------------------------------------------------------

    def roles(self) -> list[str]:
        """Each column's dimension role, or its KPI when it has only that ("" = not imported)."""
        return [row.role or row.kpi for row in self._rows]

    def reference(self, column: int) -> str:
        """How the mapping names a column: its header when unique, else ``#N``."""
        return column_reference([r.header for r in self._rows], column)

    def scored_columns(self) -> list[int]:
        """Columns mapped to a dimension, an expectation or a minimum item (answers on the scale)."""
        return [i for i, row in enumerate(self._rows) if row.role.startswith(SCORED)]

    def comment_columns(self) -> list[int]:
        """Columns kept as the customers' own words."""
        return [i for i, row in enumerate(self._rows) if row.role == COMMENT]

    def to_check(self) -> list[int]:
        """Columns given a role or key figure on a guess the person has not touched yet."""
        return [i for i, row in enumerate(self._rows)
                if row.guess is not None and not row.guess.sure and (row.guess.role or row.guess.kpi)]

    def without_dimension(self) -> list[int]:
        """Rating columns (or expectation, minimum items) whose wording names no dimension, still unmapped."""
        return [i for i, row in enumerate(self._rows)
                if row.guess is not None and row.guess.item and row.role == IGNORE]

    def mapping_parts(self) -> MappingParts:
        """The column parts of a :class:`Mapping`, by header (or ``#N``) references."""
        parts: dict[str, dict[str, list[str]]] = {"dim": {}, "exp": {}, "min": {}}
        kpis: dict[str, str] = {}
        comments, reverse = [], []
        for i, row in enumerate(self._rows):
            ref = self.reference(i)
            if row.kpi:
                kpis.setdefault(row.kpi.split(":", 1)[1], ref)
            if row.role == COMMENT:
                comments.append(ref)
            elif row.role != IGNORE:
                kind, key = row.role.split(":", 1)
                parts[kind].setdefault(key, []).append(ref)
                if row.reverse:
                    reverse.append(ref)
        order = {k: n for n, k in enumerate(DIMENSION_KEYS)}
        as_tuples = lambda table: {k: tuple(v) for k, v in sorted(table.items(), key=lambda i: order[i[0]])}  # noqa: E731
        return MappingParts(as_tuples(parts["dim"]), as_tuples(parts["exp"]), as_tuples(parts["min"]),
                            tuple(comments), kpis, tuple(reverse))

    def duplicate_kpis(self) -> list[str]:
        """KPI codes given to more than one column (only one column per KPI is allowed)."""
        roles = [r.kpi for r in self._rows if r.kpi]
        return sorted({r for r in roles if roles.count(r) > 1})

    # -- Qt model ------------------------------------------------------------------

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

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
        row, column = self._rows[index.row()], index.column()
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
        if index.column() == COL_REVERSE and self._rows[index.row()].role.startswith(SCORED):
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
        row = self._rows[index.row()]
        if index.column() == COL_ROLE and role == Qt.ItemDataRole.EditRole and value in ROLES:
            row.role = str(value)
            row.guess = None  # the person decided: no longer a suggestion to check
            if not row.role.startswith(SCORED):
                row.reverse = False
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), COL_SUGGESTION))
            return True
        if index.column() == COL_KPI and role == Qt.ItemDataRole.EditRole and value in KPI_ROLES:
            row.kpi = str(value)
            row.guess = None
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), COL_SUGGESTION))
            return True
        if index.column() == COL_REVERSE and role == Qt.ItemDataRole.CheckStateRole:
            if not row.role.startswith(SCORED):
                return False
            row.reverse = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, index)
            return True
        return False

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_ROLE), self.index(len(self._rows) - 1, COL_SUGGESTION))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COL_SUGGESTION)

