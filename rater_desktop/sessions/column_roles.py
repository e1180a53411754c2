"""What each column of a survey holds, as the person decides it during an import.

Plain Python (no Qt), part of the import session: one row per file column
with its name, example answers, role (a dimension, an expectation or minimum
item, a comment, or nothing), key figure and reverse flag, and the suggestion
it started from.  It turns those answers into the column parts of a mapping.
The wizard's roles table is a view over it: it changes rows through the
methods here and hears of every change through :meth:`ColumnRoles.subscribe`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto

from rater_desktop.importing import Mapping, Table
from rater_desktop.importing.column_guess import ColumnGuess, column_questions
from rater_desktop.importing.proposal import column_reference
from rater_desktop.model import DIMENSION_KEYS

IGNORE = ""
COMMENT = "comment"
ROLES: tuple[str, ...] = (IGNORE, *(f"dim:{k}" for k in DIMENSION_KEYS),
                          *(f"exp:{k}" for k in DIMENSION_KEYS), *(f"min:{k}" for k in DIMENSION_KEYS), COMMENT)
"""Every role a column may have, in menu order."""
SCORED = ("dim:", "exp:", "min:")
"""role prefixes of columns whose answers are on the scale"""
KPI_ROLES: tuple[str, ...] = (IGNORE, "kpi:nps", "kpi:csat", "kpi:fcr")
"""Every key figure a column may feed: a column may feed a dimension and a KPI."""
EXAMPLES = 3
"""distinct example answers shown per column"""
EXAMPLE_CHARS = 40
"""an example answer longer than this is cut, with an ellipsis"""


@dataclass(frozen=True)
class MappingParts:
    """The column parts of a mapping, as the roles describe them."""

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


class RolesChange(Enum):
    """What a listener is told."""

    REPLACING = auto()
    """the rows are about to be replaced by those of another table"""
    REPLACED = auto()
    """the new rows are in place"""
    EDITED = auto()
    """rows changed in place: the one given, or every row (None)"""


RolesListener = Callable[[RolesChange, int | None], None]


class ColumnRoles:
    """One row per file column: what it holds, as suggested and as the person decided."""

    def __init__(self) -> None:
        self.rows: list[ColumnRole] = []
        self._listeners: list[RolesListener] = []

    def subscribe(self, listener: RolesListener) -> None:
        self._listeners.append(listener)

    def _tell(self, change: RolesChange, row: int | None = None) -> None:
        for listener in self._listeners:
            listener(change, row)

    # -- filling -------------------------------------------------------------------

    def set_table(self, table: Table) -> None:
        """One row per column of ``table``, all "not imported", with up to three example answers."""
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
                if len(seen) == EXAMPLES:
                    break
            shown = (v if len(v) < EXAMPLE_CHARS else v[:EXAMPLE_CHARS - 1] + "…" for v in seen)
            rows.append(ColumnRole(header, ", ".join(shown), " — ".join(reversed(dict.fromkeys(questions[i]))) or header))
        self._tell(RolesChange.REPLACING)
        self.rows = rows
        self._tell(RolesChange.REPLACED)

    def apply_suggestion(self, guesses: list[ColumnGuess]) -> None:
        """Replace every role by the suggestion, sure or not (reverse flags are cleared).

        Guesses to check are applied too, and marked so: the person is on the
        page and sees "Check this" with its reason beside the row.
        """
        roles = {g.index: g.role for g in guesses if g.role}
        kpis = {g.index: f"kpi:{g.kpi}" for g in guesses if g.kpi}
        self._set_all(roles, kpis, set())
        for guess in guesses:
            if guess.index < len(self.rows):
                self.rows[guess.index].guess = guess
        self._tell(RolesChange.EDITED)

    def apply_mapping(self, mapping: Mapping, resolve: Callable[[str], int]) -> None:
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
        self._tell(RolesChange.EDITED)

    def _set_all(self, roles: dict[int, str], kpis: dict[int, str], reverse: set[int]) -> None:
        for i, row in enumerate(self.rows):
            row.role = roles.get(i, IGNORE)
            row.kpi = kpis.get(i, IGNORE)
            row.reverse = i in reverse and row.role.startswith(SCORED)
            row.guess = None

    # -- the person's choices --------------------------------------------------------

    def set_role(self, column: int, role: str) -> bool:
        """Give a column a role of :data:`ROLES` (False for anything else); it is no longer a guess."""
        if role not in ROLES:
            return False
        row = self.rows[column]
        row.role, row.guess = role, None
        if not role.startswith(SCORED):
            row.reverse = False
        self._tell(RolesChange.EDITED, column)
        return True

    def set_kpi(self, column: int, kpi: str) -> bool:
        """Let a column feed a key figure of :data:`KPI_ROLES` (False for anything else)."""
        if kpi not in KPI_ROLES:
            return False
        row = self.rows[column]
        row.kpi, row.guess = kpi, None
        self._tell(RolesChange.EDITED, column)
        return True

    def set_reverse(self, column: int, reverse: bool) -> bool:
        """Score a column's answers the other way round; only columns on the scale can be (else False)."""
        row = self.rows[column]
        if not row.role.startswith(SCORED):
            return False
        row.reverse = reverse
        self._tell(RolesChange.EDITED, column)
        return True

    # -- reading -----------------------------------------------------------------

    def roles(self) -> list[str]:
        """Each column's dimension role, or its KPI when it has only that ("" = not imported)."""
        return [row.role or row.kpi for row in self.rows]

    def reference(self, column: int) -> str:
        """How the mapping names a column: its header when unique, else ``#N``."""
        return column_reference([r.header for r in self.rows], column)

    def scored_columns(self) -> list[int]:
        """Columns mapped to a dimension, an expectation or a minimum item (answers on the scale)."""
        return [i for i, row in enumerate(self.rows) if row.role.startswith(SCORED)]

    def comment_columns(self) -> list[int]:
        """Columns kept as the customers' own words."""
        return [i for i, row in enumerate(self.rows) if row.role == COMMENT]

    def to_check(self) -> list[int]:
        """Columns given a role or key figure on a guess the person has not touched yet."""
        return [i for i, row in enumerate(self.rows)
                if row.guess is not None and not row.guess.sure and (row.guess.role or row.guess.kpi)]

    def without_dimension(self) -> list[int]:
        """Rating columns (or expectation, minimum items) whose wording names no dimension, still unmapped."""
        return [i for i, row in enumerate(self.rows)
                if row.guess is not None and row.guess.item and row.role == IGNORE]

    def duplicate_kpis(self) -> list[str]:
        """KPI codes given to more than one column (only one column per KPI is allowed)."""
        kpis = [r.kpi for r in self.rows if r.kpi]
        return sorted({k for k in kpis if kpis.count(k) > 1})

    def complete(self) -> bool:
        """Something is imported and no key figure is fed by two columns: the person may go on."""
        return any(self.roles()) and not self.duplicate_kpis()

    def mapping_parts(self) -> MappingParts:
        """The column parts of a :class:`Mapping`, by header (or ``#N``) references."""
        parts: dict[str, dict[str, list[str]]] = {"dim": {}, "exp": {}, "min": {}}
        kpis: dict[str, str] = {}
        comments, reverse = [], []
        for i, row in enumerate(self.rows):
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

        def in_dimension_order(table: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
            return {key: tuple(table[key]) for key in DIMENSION_KEYS if key in table}

        return MappingParts(in_dimension_order(parts["dim"]), in_dimension_order(parts["exp"]),
                            in_dimension_order(parts["min"]), tuple(comments), kpis, tuple(reverse))
