"""The lower half of the roll-up page: the heatmap and the tables behind it.

Tabs: the heatmap of teams × dimensions (team grades, customer grades or gaps,
each cell against the whole group, sortable by any column), the teams' blind
spots, hidden strengths, continuum and actions, trends where teams have
several rounds, the statements shared across teams, and notes (files left
out, withheld figures and why).  The rows arrive ready-made
(:func:`build_tables`, run off the GUI thread), so showing a roll-up of
hundreds of teams only hands them to the models.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHeaderView, QRadioButton

from rater_desktop.i18n import _
from rater_desktop.rollup.results import Rollup
from ui.models.rollup_tables import (
    HEATMAP_VIEWS,
    NOTE_HEADERS,
    STATEMENT_HEADERS,
    TEAM_HEADERS,
    TREND_HEADERS,
    RollupTables,
    RowsModel,
)
from ui.qt import QHBoxLayout, QLabel, Qt, QTableView, QTabWidget, QVBoxLayout, QWidget
from ui.widgets.tables import table_view

TABLES = (
    # object name, headers, the column that takes spare width, the columns of words
    ("rollupTeams", TEAM_HEADERS, 2, (0, 1, 2, 3)),
    ("rollupTrends", TREND_HEADERS, 2, (0, 2, 4)),
    ("rollupStatements", STATEMENT_HEADERS, 0, (0, 1)),
    ("rollupNotes", NOTE_HEADERS, 1, (0, 1)),
)


def _sortable(view: QTableView) -> QTableView:
    """Sorted by the model on a click on a column title; column widths measured on the rows in sight only."""
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.horizontalHeader().setResizeContentsPrecision(0)
    return view


class RollupResults(QTabWidget):
    """The roll-up's figures in five tabs; :meth:`show_tables` fills them all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rollupResults")
        self.setDocumentMode(True)
        self.result: Rollup | None = None
        self.prepared: RollupTables | None = None
        self.view = "internal"

        self.heatmap_model = RowsModel(parent=self)
        self.heatmap = _sortable(table_view(self.heatmap_model, stretch=None))
        self.heatmap.setObjectName("rollupHeatmap")
        self.heatmap.horizontalHeader().setStretchLastSection(False)
        self.heatmap.setAlternatingRowColors(False)
        self.view_buttons = QButtonGroup(self)
        choices = QHBoxLayout()
        self.view_label = QLabel()
        choices.addWidget(self.view_label)
        for view in HEATMAP_VIEWS:
            button = QRadioButton()
            button.setObjectName(f"view.{view}")
            button.setChecked(view == self.view)
            self.view_buttons.addButton(button)
            button.toggled.connect(lambda on, v=view: on and self.show_view(v))
            choices.addWidget(button)
        choices.addStretch(1)
        self.pooled_label = QLabel()
        self.pooled_label.setWordWrap(True)
        glance = QWidget()
        layout = QVBoxLayout(glance)
        layout.addLayout(choices)
        layout.addWidget(self.pooled_label)
        layout.addWidget(self.heatmap)
        self.addTab(glance, "")

        self._filled: set[int] = set()
        self.tables: list[tuple[RowsModel, QTableView]] = []
        for name, headers, wide, words in TABLES:
            model = RowsModel(headers, self, text_columns=words)
            view = _sortable(table_view(model, stretch=wide))
            view.setObjectName(name)
            if name in ("rollupStatements", "rollupNotes"):
                # sentences wrap, and rows follow the column's width as the window is resized
                view.setWordWrap(True)
                view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            self.tables.append((model, view))
            self.addTab(view, "")
        self.currentChanged.connect(self._fill)
        self.retranslate()

    @property
    def teams_model(self) -> RowsModel:
        return self.tables[0][0]

    @property
    def notes_model(self) -> RowsModel:
        return self.tables[3][0]

    def show_tables(self, result: Rollup | None, prepared: RollupTables | None) -> None:
        """Show ``result`` through its prepared rows (None: empty tables).

        Only the tab on screen is filled now; the others when they are shown,
        so a roll-up of hundreds of teams never fills five tables at once on
        the GUI thread.
        """
        self.result, self.prepared = result, prepared
        self._filled = set()
        self._fill(self.currentIndex())
        self._retitle()

    def _fill(self, tab: int) -> None:
        """Hand the prepared rows of tab ``tab`` to its model, once per result."""
        if tab in self._filled or tab < 0:
            return
        self._filled.add(tab)
        prepared = self.prepared
        if tab == 0:
            self.heatmap_model.set_rows(prepared.heatmaps[self.view] if prepared else [],
                                        prepared.heatmap_headers if prepared else ())
            return
        parts = (prepared.teams, prepared.trends, prepared.statements, prepared.notes) if prepared else ([],) * 4
        self.tables[tab - 1][0].set_rows(parts[tab - 1])

    def show_view(self, view: str) -> None:
        """Show team grades, customer grades or gaps in the heatmap (the sort order is kept)."""
        self.view = view
        if self.prepared is not None:
            self.heatmap_model.set_rows(self.prepared.heatmaps[view])

    def retranslate(self) -> None:
        """New labels now; the rows themselves are rebuilt by the page in the new language."""
        self.view_label.setText(_("Show:"))
        for button, title in zip(self.view_buttons.buttons(), HEATMAP_VIEWS.values()):
            button.setText(_(title))
        self.heatmap.setAccessibleName(_("Heatmap of teams and dimensions"))
        for (model, view), name in zip(self.tables, (_("Teams"), _("Trends"), _("Statements"), _("Notes"))):
            view.setAccessibleName(name)
            if not model.rowCount():  # filled tables get new headers with their rows, rebuilt by the page
                model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        self._retitle()

    def _retitle(self) -> None:
        for index, title in enumerate((_("At a glance"), _("Teams"), _("Trends"), _("Statements"))):
            self.setTabText(index, title)
        notes = len(self.prepared.notes) if self.prepared else 0
        self.setTabText(4, _("Notes ({n})").format(n=notes) if notes else _("Notes"))
        if self.result is None:
            self.pooled_label.setText(_("Add workbooks or a folder, or drop them on this window."))
            return
        pooled = self.result.pooled
        self.pooled_label.setText(_(
            "{teams} teams, {participants} participants and {customers} customers; the first row is all of them "
            "together. Click a column title to sort; a cell's colour says how far the team is from the whole "
            "group, its tip says more.").format(
            teams=pooled.teams, participants=pooled.participants, customers=pooled.customers))
