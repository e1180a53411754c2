"""The one base of the read-only tables: rows of core records, cells in the user's language.

A subclass names its columns (``headers``) and says what a cell shows
(``cell``), and, when it needs them, its alignment and other roles
(``role_data``); rows, counts, header data and a language switch are handled
here once.  The tables the person edits (participants, statements, situations,
surveys to count) keep their own models, since their rows change in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rater_desktop.i18n import _, language
from ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


class ReadOnlyTable(QAbstractTableModel):
    """Rows of any records, shown as text; the first column left-aligned, the rest ``NUMBERS``."""

    HEADERS: tuple[str, ...] = ()
    """column titles, marked with N_ and translated when shown (or override :meth:`headers`)"""
    NUMBERS: Qt.AlignmentFlag = RIGHT

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: tuple[Any, ...] = ()
        self._titles: tuple[str, tuple[str, ...]] | None = None
        """(language, headers()) as last asked: Qt asks for the column count thousands of times while
        it lays a table out and paints it, and translating every title each time held a first visit
        of the Results tab 50 ms longer"""

    # -- what subclasses say --------------------------------------------------------

    def headers(self) -> tuple[str, ...]:
        return tuple(_(header) for header in self.HEADERS)

    def cell(self, row: Any, column: int) -> Any:
        """What the cell shows (DisplayRole)."""
        raise NotImplementedError

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return LEFT if column == 0 else self.NUMBERS

    def role_data(self, row: Any, column: int, role: int) -> Any:
        """Any other role of a cell (a tooltip, a font, an id); None by default."""
        return None

    # -- rows ------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self._titles = None  # a subclass's titles may follow its rows (a trend's rounds)
        self.endResetModel()

    def rows(self) -> tuple[Any, ...]:
        return self._rows

    def row(self, number: int) -> Any | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def retranslate(self) -> None:
        """Headers and cells are words of the current language: ask the views to draw them again."""
        self._titles = None
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        if self._rows and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    # -- Qt ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._header_titles())

    def _header_titles(self) -> tuple[str, ...]:
        """:meth:`headers`, asked again only after new rows or in another language."""
        code = language()
        if self._titles is None or self._titles[0] != code:
            self._titles = (code, self.headers())
        return self._titles[1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.alignment(column))
        return self.role_data(row, column, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_titles()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == 0:
            return int(LEFT)  # the first heading lines up with the names below it
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
