"""Trends across rounds: each dimension's team and customer grade over time.

The chart shows one row of the table (overall or a chosen dimension) with the
same trend chart the PDF uses; the table lists every round up to the chosen
one (as that round's report does) and says in words how it moved since the
previous one.  Below, the actions of the previous round are checked against
the chosen round's result.  "Start a new round from this one…" copies people,
situations and unfinished actions through ``Operations.start_round_from``
(undoable); the window then moves to the new round.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from rater_desktop import charts
from rater_desktop.history import RoundResult, rounds_up_to
from rater_desktop.i18n import _, format_date
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.operations import Change, Operations
from rater_desktop.trends import OVERALL, Trend, action_checks, check_sentence, trend
from ui.dialogs.errors import show_error
from ui.dialogs.new_round_dialog import NewRoundDialog
from ui.models.trends import KEY_ROLE, TrendModel, row_name
from ui.pages.base import WorkbookPage
from ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.chart_canvas import ChartView
from ui.widgets.fonts import enlarge


class TrendsPage(WorkbookPage):
    """The rounds up to ``assessment_id`` (default: the latest); new rounds start from that round."""

    WATCHED = ("grades", "dimension_grades", "consensus", "criteria", "participants", "assessments", "surveys",
               "actions", "settings", "workshop")

    round_started = Signal(int)
    """id of a round just started from this one"""

    def __init__(self, operations: Operations, assessment_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(operations, assessment_id, parent)
        self.setObjectName("trendsPage")
        self.trend: Trend | None = None
        self.dialog: NewRoundDialog | None = None

        self.heading = QLabel()
        enlarge(self.heading, 1.5, bold=True)
        self.show_label = QLabel()
        self.series = QComboBox()
        self.series.setObjectName("trendSeries")
        self.show_label.setBuddy(self.series)
        self.series.currentIndexChanged.connect(lambda *_args: self._draw())
        self.start_button = QPushButton()
        self.start_button.setObjectName("startRound")
        self.start_button.clicked.connect(self.start_new_round)
        self.chart = ChartView(min_height=240)
        self.chart.setObjectName("trendChart")
        self.model = TrendModel(self)
        self.table = QTableView()
        self.table.setObjectName("trendTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.checks_heading = QLabel()
        self.checks_heading.setObjectName("checksHeading")
        self.checks = QLabel()
        self.checks.setObjectName("actionChecks")
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.PlainText)
        self.checks.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.start_button)
        chooser = QHBoxLayout()
        chooser.addWidget(self.show_label)
        chooser.addWidget(self.series)
        chooser.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(chooser)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.checks_heading)
        layout.addWidget(self.checks)

        self.watch()
        self.retranslate()

    # -- figures -------------------------------------------------------------

    def refresh(self) -> None:
        """The rounds up to this page's round (rounds_up_to), as the report of that round shows them;
        a round a workshop is voting on is left out until its reveal (its running means are sealed)."""
        workbook = self.operations.workbook
        known = {a.id for a in workbook.assessments()}
        chosen = self.assessment_id if self.assessment_id in known else None
        history = rounds_up_to(workbook, chosen, read=self.operations.cards.read) if known else []
        history = [past for past in history if not self.operations.workshops.sealed(past.assessment.id)]
        self.trend = trend([past.card for past in history])
        self.model.set_trend(self.trend)
        self._draw()
        self._show_checks(history)

    def _show_checks(self, history: list[RoundResult]) -> None:
        if len(history) < 2:
            self.checks_heading.setText(_("Actions are checked against the next round once there is one."))
            self.checks.setText("")
            return
        before, after = history[-2], history[-1]
        self.checks_heading.setText(_("Actions from “{before}”, checked against “{after}”:").format(
            before=before.assessment.name, after=after.assessment.name))
        lines = [f"• {c.action.title}: {check_sentence(c)}" for c in action_checks(before.data.actions, after.card)]
        self.checks.setText("\n".join(lines) or _("That round had no actions."))

    def chosen_key(self) -> str:
        return self.series.currentData() or OVERALL

    def _row_chosen(self, current, _previous=None) -> None:
        key = self.model.data(current, KEY_ROLE) if current.isValid() else None
        index = self.series.findData(key)
        if index >= 0:
            self.series.setCurrentIndex(index)

    def _draw(self) -> None:
        if self.trend is None or not self.trend.rounds:
            return
        series = self.trend.dimension(self.chosen_key())
        self.chart.show_spec(charts.TrendSpec(
            title=_("{name} over the rounds").format(name=row_name(series.key)),
            rounds=tuple(f"{r.name}\n{format_date(r.date)}" for r in self.trend.rounds),
            team=tuple(p.mean for p in series.team),
            customer=tuple(p.mean for p in series.customer),
            team_label=_("Team"), customer_label=_("Customers"), axis_label=_("Points (0–4)"),
        ))

    def watches(self, change: Change) -> bool:
        """Every earlier round counts here, not only the chosen one."""
        return change.kind in self.WATCHED

    # -- new round -------------------------------------------------------------------

    def source_round(self):
        rounds = self.operations.workbook.assessments()
        return next((a for a in rounds if a.id == self.assessment_id), rounds[-1] if rounds else None)

    def start_new_round(self) -> NewRoundDialog | None:
        """Ask for a name and date, then start the round (the dialog is returned, open)."""
        source = self.source_round()
        if source is None:
            return None
        dialog = NewRoundDialog(source.name, self)
        dialog.accepted.connect(lambda: self._start(source, *dialog.values()))
        dialog.finished.connect(lambda *_args: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _start(self, source, name: str, date: str) -> None:
        note = _("Carried over from “{round}”.").format(round=source.name)
        try:
            new_id = self.operations.start_round_from(source.id, name, date, note)
        except ValueError as error:
            show_error(self, _("The round was not started"), str(error))
            return
        self.round_started.emit(new_id)

    def retranslate(self) -> None:
        self.heading.setText(_("Trends across rounds"))
        self.chart.setAccessibleName(_("Chart: trend across rounds"))
        self.table.setAccessibleName(_("Grades per round"))
        self.show_label.setText(_("&Show:"))
        self.start_button.setText(_("Start a &new round from this one…"))
        self.start_button.setToolTip(_("Copies participants, situations and unfinished actions into a new round"))
        current = self.chosen_key()
        self.series.blockSignals(True)
        self.series.clear()
        for key in (OVERALL, *DIMENSION_KEYS):
            self.series.addItem(row_name(key), key)
        self.series.setCurrentIndex(max(0, self.series.findData(current)))
        self.series.blockSignals(False)
        self.refresh()
