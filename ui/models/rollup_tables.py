"""What a roll-up found, as the tables of the roll-up page.

Each table is a list of :class:`Row` records built once from the core's
:class:`Rollup` (words and numbers in the current language) and shown by one
read-only model, :class:`RowsModel`; the heatmap's rows also carry the cell
colours (``rollup.heatmap``, shared with the PDF) and the numbers to sort by.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QBrush, QColor

from rater_desktop.analysis import ContinuumResult, DimensionResult
from rater_desktop.collation import name_key
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import N_, _, format_number
from rater_desktop.model import ACTION_STATUSES, DIMENSION_KEYS
from rater_desktop.report.content import STATUS_WORDS, points, signed
from rater_desktop.rollup.heatmap import WITHHELD_COLOUR, cell, difference_colour, withheld
from rater_desktop.rollup.report import team_line
from rater_desktop.rollup.results import Rollup
from rater_desktop.rollup.wording import gap_sentence, hidden_sentence, statement_text
from ui.models.base import CENTRE, LEFT, ReadOnlyTable
from ui.qt import QFont, Qt

NO_VALUE = "–"


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    sort: tuple[Any, ...] = ()
    """what each column sorts by (numbers where the cell shows one; None sorts last)"""
    colours: tuple[str | None, ...] = ()
    tips: tuple[str, ...] = ()
    pinned: bool = False
    """the whole group's row: bold, and first whatever the sort"""


class RowsModel(ReadOnlyTable):
    """A read-only table of prepared :class:`Row` records, sorted by the model itself.

    Sorting here (a Python sort on each row's keys) rather than in a proxy
    whose comparisons call back into Python keeps a click on a column title
    of a 500-team roll-up to a few milliseconds.  Column titles are ``N_``
    texts, or already translated ones given to :meth:`set_rows`.
    """

    NUMBERS = CENTRE

    def __init__(self, headers: Sequence[str] = (), parent=None, *, text_columns: Sequence[int] = (0,)) -> None:
        super().__init__(parent)
        self.HEADERS = tuple(headers)
        self.text_columns = frozenset(text_columns)
        """columns of words, aligned left (figures are centred)"""
        self._translated: tuple[str, ...] | None = None
        self._order: tuple[int, Qt.SortOrder] | None = None

    def headers(self) -> tuple[str, ...]:
        return self._translated if self._translated is not None else super().headers()

    def set_rows(self, rows: Sequence[Row], headers: Sequence[str] | None = None) -> None:
        """Show ``rows`` (in the order last asked for); ``headers``, when given, are already translated."""
        if headers is not None:
            self._translated = tuple(headers)
        super().set_rows(self._sorted(rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._rows = tuple(self._sorted(self._rows))
        self.layoutChanged.emit()

    def _sorted(self, rows: Sequence[Row]) -> list[Row]:
        """The whole group's row first, then by the column's key; rows without a figure last either way."""
        if self._order is None or not rows:
            return list(rows)
        column, order = self._order
        keyed = [(self._key(row, column), row) for row in rows]
        present = sorted((item for item in keyed if item[0] is not None and not item[1].pinned),
                         key=lambda item: item[0], reverse=order == Qt.SortOrder.DescendingOrder)
        return ([row for _key, row in keyed if row.pinned] + [row for _key, row in present]
                + [row for key, row in keyed if key is None and not row.pinned])

    @staticmethod
    def _key(row: Row, column: int) -> Any:
        return row.sort[column] if column < len(row.sort) else name_key(row.cells[column])

    def cell(self, row: Row, column: int) -> str:
        return row.cells[column]

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return LEFT if column in self.text_columns else CENTRE

    def role_data(self, row: Row, column: int, role: int) -> Any:
        colour = row.colours[column] if column < len(row.colours) else None
        if role == Qt.ItemDataRole.BackgroundRole and colour:
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.ForegroundRole and colour:
            return QBrush(QColor("#1a1a1a"))  # dark text on the light tints, whatever the theme
        if role == Qt.ItemDataRole.ToolTipRole and column < len(row.tips) and row.tips[column]:
            return row.tips[column]
        if role == Qt.ItemDataRole.FontRole and row.pinned:
            font = QFont()
            font.setBold(True)
            return font
        return None


@dataclass(frozen=True)
class RollupTables:
    """Every table of the roll-up page, built off the GUI thread (500 teams take a tenth of a second)."""

    heatmaps: dict[str, list[Row]]
    """view → rows"""
    heatmap_headers: tuple[str, ...]
    teams: list[Row]
    trends: list[Row]
    statements: list[Row]
    notes: list[Row]


def build_tables(result: Rollup, notices: Sequence) -> RollupTables:
    """All the rows the page shows for ``result``, in the current language."""
    return RollupTables(
        heatmaps={view: heatmap_rows(result, view) for view in HEATMAP_VIEWS},
        heatmap_headers=heatmap_headers(),
        teams=team_rows(result),
        trends=trend_rows(result),
        statements=statement_rows(result),
        notes=note_rows(result, notices),
    )


# --- the heatmap ------------------------------------------------------------------------------

HEATMAP_VIEWS = {"internal": N_("Team grades"), "customer": N_("Customer grades"), "gap": N_("Gaps")}


def heatmap_headers() -> tuple[str, ...]:
    """Team, n, the five dimensions and the overall column, in the current language."""
    return (_("Team"), _("n"), *(dimension_name(key) for key in DIMENSION_KEYS), _("Overall"))


def heatmap_rows(result: Rollup, view: str) -> list[Row]:
    """The whole group first, then one row per team: each dimension's figure and its difference from the group."""
    pooled = result.pooled
    rows = [Row(
        cells=(_("All teams"), str(_size(view, pooled.participants, pooled.customers)),
               *(_pooled_cell(view, d) for d in pooled.card.dimensions), _overall(view, pooled.card)),
        tips=(_("All teams' respondents pooled: {teams} teams").format(teams=pooled.teams),),
        pinned=True)]
    for team in result.teams:
        cells, sort, colours, tips = [], [], [], []
        for d in team.card.dimensions:
            shown = cell(view, d, team.differences[d.key])
            if shown.value is not None:
                cells.append(_figure(view, shown.value, shown.grade, shown.difference))
                colours.append(difference_colour(view, shown.difference))
                tips.append(_cell_tip(view, d, shown.n, shown.difference))
            elif withheld(team, view, d):
                cells.append(_("withheld"))
                colours.append(WITHHELD_COLOUR)
                tips.append(" ".join(hidden_sentence(h, result.min_group) for h in team.hidden
                                     if h.dimension in (d.key, None) and h.figure in ("internal", "customer")))
            else:
                cells.append(NO_VALUE)
                colours.append(None)
                tips.append("")
            sort.append(shown.value)
        n = _size(view, team.participants, team.customers)
        overall = _overall_value(view, team.card)
        sides = ("internal", "customer") if view == "gap" else (view,)
        overall_text = _overall(view, team.card)
        if overall is None and any(h.figure in sides for h in team.hidden):
            overall_text = _("withheld")
        rows.append(Row(
            cells=(team.name, str(n), *cells, overall_text),
            sort=(name_key(team.name), n, *sort, overall),
            colours=(None, None, *colours, None),
            tips=(team_line(team, _names()), "", *tips, "")))
    return rows


def _names() -> dict[str, str]:
    return {key: dimension_name(key) for key in DIMENSION_KEYS}


def _size(view: str, participants: int, customers: int) -> int:
    return customers if view == "customer" else participants


def _figure(view: str, value: float, grade: str | None, difference: float | None) -> str:
    text = signed(value) if view == "gap" else f"{grade} {points(value)}"
    return text if difference is None else f"{text} ({signed(difference)})"


def _cell_tip(view: str, d: DimensionResult, n: int | None, difference: float | None) -> str:
    name = dimension_name(d.key)
    if view == "gap":
        return _("{dimension}: gap {gap} points; {difference} against the whole group.").format(
            dimension=name, gap=signed(d.gap), difference=signed(difference))
    return _("{dimension}: {value} from {n} people; {difference} against the whole group.").format(
        dimension=name, value=points(d.internal.mean if view == "internal" else d.customer.mean), n=n,
        difference=signed(difference))


def _pooled_cell(view: str, d: DimensionResult) -> str:
    if view == "gap":
        return signed(d.gap) if d.gap is not None else NO_VALUE
    stat = d.internal if view == "internal" else d.customer
    return f"{stat.grade} {points(stat.mean)}" if stat else NO_VALUE


def _overall_value(view: str, card) -> float | None:
    inner, outer = card.overall_internal, card.overall_customer
    if view == "gap":
        return inner.mean - outer.mean if inner and outer else None
    score = inner if view == "internal" else outer
    return score.mean if score else None


def _overall(view: str, card) -> str:
    value = _overall_value(view, card)
    if value is None:
        return NO_VALUE
    if view == "gap":
        return signed(value)
    score = card.overall_internal if view == "internal" else card.overall_customer
    return f"{score.grade} {points(value)}"


# --- teams, trends, statements, notes ------------------------------------------------------------

TEAM_HEADERS = (N_("Team"), N_("Round"), N_("Blind spots"), N_("Hidden strengths"), N_("Continuum now"),
                N_("Continuum aim"), *(STATUS_WORDS[s] for s in ACTION_STATUSES))


def team_rows(result: Rollup) -> list[Row]:
    names = _names()
    rows = []
    for team in result.teams:
        current, desired = _continuum(team.card.continuum)
        gaps_withheld = any(h.figure in ("internal", "customer") for h in team.hidden) and all(
            d.gap is None for d in team.card.dimensions)
        flags = [_("withheld")] * 2 if gaps_withheld else [
            ", ".join(names[k] for k in team.flagged(flag)) for flag in ("blind_spot", "hidden_strength")]
        rows.append(Row(
            cells=(team.name, team.card.assessment.name, *flags, current, desired,
                   *(str(team.actions.get(status, 0)) for status in ACTION_STATUSES)),
            sort=(name_key(team.name), team.card.assessment.date, len(team.flagged("blind_spot")),
                  len(team.flagged("hidden_strength")), _position(team.card.continuum.current),
                  _position(team.card.continuum.desired), *(team.actions.get(s, 0) for s in ACTION_STATUSES)),
            tips=("", "", *flags)))  # all five dimensions' names may not fit the column: the tip has them all
    return rows


def _position(spread) -> float | None:
    return spread.mean if spread else None


def _continuum(continuum: ContinuumResult) -> tuple[str, str]:
    return tuple(NO_VALUE if s is None else format_number(s.mean, 0) for s in (continuum.current, continuum.desired))


TREND_HEADERS = (N_("Team"), N_("Rounds"), N_("Team grade by round"), N_("Change"), N_("Customers by round"))


def trend_rows(result: Rollup) -> list[Row]:
    """Teams with several rounds: the overall grade of each round, team and customers, oldest first."""
    rows = []
    for team in result.teams:
        if len(team.rounds) < 2:
            continue
        inner = [(a.name, c.overall_internal) for a, c in team.rounds]
        outer = [(a.name, c.overall_customer) for a, c in team.rounds]
        first, last = inner[0][1], inner[-1][1]
        change = last.mean - first.mean if first and last else None
        rows.append(Row(
            cells=(team.name, str(len(team.rounds)), _sequence(inner, _side_withheld(team, "internal")),
                   signed(change), _sequence(outer, _side_withheld(team, "customer"))),
            sort=(name_key(team.name), len(team.rounds), last.mean if last else None, change, None)))
    return rows


def _side_withheld(team, side: str) -> bool:
    return any(h.figure == side for h in team.hidden)


def _sequence(points_by_round: list, latest_withheld: bool) -> str:
    """"Autumn C → Spring B"; the chosen (last) round says "withheld" when privacy took its grade."""
    words = [score.grade if score else NO_VALUE for _name, score in points_by_round]
    if latest_withheld and points_by_round[-1][1] is None:
        words[-1] = _("withheld")
    return " → ".join(f"{name} {word}" for (name, _score), word in zip(points_by_round, words))


STATEMENT_HEADERS = (N_("Statement"), N_("Dimension"), N_("Teams"), N_("All teams"), N_("Lowest team"),
                     N_("Highest team"))


def statement_rows(result: Rollup) -> list[Row]:
    """Built-in statements the teams share, the whole group's figure and the lowest and highest team."""
    rows = []
    for key, pooled in result.pooled.statements.items():
        shown = [(team.name, team.statements[key]) for team in result.teams if team.statements.get(key)]
        having = sum(1 for team in result.teams if key in team.statements)
        low = min(shown, key=lambda item: item[1].mean, default=None)
        high = max(shown, key=lambda item: item[1].mean, default=None)
        dimension = result.pooled.statement_dimensions[key]
        rows.append(Row(
            cells=(statement_text(key), dimension_name(dimension), str(having),
                   f"{pooled.grade} {points(pooled.mean)}" if pooled else _("withheld"), _named(low), _named(high)),
            sort=(name_key(statement_text(key)), DIMENSION_KEYS.index(dimension), having,
                  pooled.mean if pooled else None, low[1].mean if low else None, high[1].mean if high else None)))
    return rows


def _named(item) -> str:
    return NO_VALUE if item is None else f"{item[0]}: {item[1].grade} {points(item[1].mean)}"


NOTE_HEADERS = (N_("About"), N_("Note"))


def note_rows(result: Rollup, notices: Sequence) -> list[Row]:
    """Files left out, files changed, statements not compared and figures withheld, each in one sentence."""
    rows = [Row((item.path.name, _("Left out: {reason}").format(reason=item.reason)), tips=(str(item.path),))
            for item in result.left_out]
    rows += [Row((notice.path.name, notice.message), tips=(str(notice.path),)) for notice in notices]
    rows += [Row((", ".join(gap.teams), gap_sentence(gap))) for gap in result.statement_gaps]
    rows += [Row((team.name, hidden_sentence(h, result.min_group))) for team in result.teams for h in team.hidden]
    rows += [Row((_("All teams"), hidden_sentence(h, result.min_group, pooled=True))) for h in result.pooled.hidden]
    return rows

