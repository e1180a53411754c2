"""The lower half of the roll-up page: the heatmap and the tables behind it.

Tabs: the heatmap of teams × dimensions (team grades, customer grades or gaps,
each cell against the whole group, sortable by any column), the teams' blind
spots, hidden strengths, continuum and actions, trends where teams have
several rounds, the statements shared across teams, and notes (files left
out, withheld figures and why).  Everything shown comes from one
:class:`Rollup` computed by the core.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QButtonGroup, QRadioButton

from rater_desktop.i18n import _
from rater_desktop.rollup.results import Rollup
from ui.models.rollup_tables import (
    HEATMAP_VIEWS,
    NOTE_HEADERS,
    STATEMENT_HEADERS,
    TEAM_HEADERS,
    TREND_HEADERS,
    PinnedFirstProxy,
    RowsModel,
    heatmap_headers,
    heatmap_rows,
    note_rows,
    statement_rows,
    team_rows,
    trend_rows,
)
from ui.qt import QHBoxLayout, QLabel, Qt, QTabWidget, QVBoxLayout, QWidget
from ui.widgets.tables import table_view


class RollupResults(QTabWidget):
    """The roll-up's figures in five tabs; :meth:`show_result` fills them all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rollupResults")
        self.setDocumentMode(True)
        self.result: Rollup | None = None
        self.notices: Sequence = ()
        self.view = "internal"

        self.heatmap_model = RowsModel(parent=self)
        self.heatmap_proxy = PinnedFirstProxy(self)
        self.heatmap_proxy.setSourceModel(self.heatmap_model)
        self.heatmap = table_view(self.heatmap_proxy, stretch=0)
        self.heatmap.setObjectName("rollupHeatmap")
        self.heatmap.setSortingEnabled(True)
        self.heatmap.sortByColumn(0, Qt.SortOrder.AscendingOrder)
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

        self.tables: list[tuple[RowsModel, object]] = []
        for name, headers in (("rollupTeams", TEAM_HEADERS), ("rollupTrends", TREND_HEADERS),
                              ("rollupStatements", STATEMENT_HEADERS), ("rollupNotes", NOTE_HEADERS)):
            model = RowsModel(headers, self)
            proxy = PinnedFirstProxy(self)
            proxy.setSourceModel(model)
            view = table_view(proxy, stretch=None)
            view.setObjectName(name)
            view.setSortingEnabled(name != "rollupNotes")
            view.setWordWrap(True)
            self.tables.append((model, view))
            self.addTab(view, "")
        self.retranslate()

    @property
    def teams_model(self) -> RowsModel:
        return self.tables[0][0]

    @property
    def trends_model(self) -> RowsModel:
        return self.tables[1][0]

    @property
    def statements_model(self) -> RowsModel:
        return self.tables[2][0]

    @property
    def notes_model(self) -> RowsModel:
        return self.tables[3][0]

    def show_result(self, result: Rollup | None, notices: Sequence = ()) -> None:
        """Fill every tab from ``result`` (None: empty tables)."""
        self.result, self.notices = result, tuple(notices)
        self._fill()

    def show_view(self, view: str) -> None:
        """Show team grades, customer grades or gaps in the heatmap (sorting is kept)."""
        self.view = view
        if self.result is not None:
            self.heatmap_model.set_rows(heatmap_rows(self.result, view), heatmap_headers())
            self.heatmap.resizeRowsToContents()

    def _fill(self) -> None:
        result = self.result
        self.heatmap_model.set_rows(heatmap_rows(result, self.view) if result else [], heatmap_headers())
        builders = (team_rows, trend_rows, statement_rows, lambda r: note_rows(r, self.notices))
        for (model, view), build in zip(self.tables, builders):
            model.set_rows(build(result) if result else [])
            view.resizeRowsToContents()
        self.heatmap.resizeRowsToContents()
        self._retitle()

    def retranslate(self) -> None:
        self.view_label.setText(_("Show:"))
        for button, title in zip(self.view_buttons.buttons(), HEATMAP_VIEWS.values()):
            button.setText(_(title))
        self.heatmap.setAccessibleName(_("Heatmap of teams and dimensions"))
        for (_model, view), name in zip(self.tables, (_("Teams"), _("Trends"), _("Statements"), _("Notes"))):
            view.setAccessibleName(name)
        self._fill()

    def _retitle(self) -> None:
        result = self.result
        self.setTabText(0, _("At a glance"))
        self.setTabText(1, _("Teams"))
        self.setTabText(2, _("Trends"))
        self.setTabText(3, _("Statements"))
        notes = self.notes_model.rowCount()
        self.setTabText(4, _("Notes ({n})").format(n=notes) if notes else _("Notes"))
        if result is None:
            self.pooled_label.setText(_("Add workbooks or a folder, or drop them on this window."))
            return
        pooled = result.pooled
        self.pooled_label.setText(_(
            "{teams} teams, {participants} participants and {customers} customers; the first row is all of them "
            "together. Click a column title to sort; a cell's colour says how far the team is from the whole "
            "group, its tip says more.").format(
            teams=pooled.teams, participants=pooled.participants, customers=pooled.customers))

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        self.heatmap.sortByColumn(column, order)
