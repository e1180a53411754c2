"""The results of one round: report card table, statements, charts, readings, consensus.

Consensus is agreed per dimension, or, with "Agree a grade for a single
statement" ticked, for the statement chosen in the statements table; the
per-statement grades are shown in the statements table and never change a
dimension's figures.

Every figure comes from ``analysis.report_card`` over the round as stored, and
every chart from the same spec builders the PDF uses (``report.content``), so
the screen, the report and the CLI summary cannot disagree.  Charts are drawn
only while the Charts tab is visible: matplotlib is loaded the first time a
chart is actually shown, not when the page opens.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QPlainTextEdit, QSplitter, QStackedWidget, QTabWidget

from rater_desktop import charts
from rater_desktop.analysis import CriterionResult, DimensionResult, ReportCard
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _, format_number, language
from rater_desktop.model import LETTERS, AssessmentData
from rater_desktop.operations import Operations
from rater_desktop.privacy import shown_card
from rater_desktop.report.content import build_content, criterion_text, reading_sentence
from rater_desktop.report.model import Chart, ReportOptions
from ui.models.report_card import GRADE_CODES, CriteriaModel, DimensionsModel
from ui.pages.base import WorkbookPage
from ui.qt import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.chart_canvas import ChartView
from ui.widgets.fonts import enlarge
from ui.widgets.tables import table_view

CONSENSUS_CHOICES = (None, *LETTERS)


def vote_spec(result: DimensionResult) -> charts.VoteDistributionSpec:
    """How the team's votes on a dimension's statements fell, A … F and N/A."""
    counts = tuple(sum(c.distribution.get(code, 0) for c in result.criteria) for code in GRADE_CODES)
    return charts.VoteDistributionSpec(
        title=_("Votes on {dimension}").format(dimension=dimension_name(result.key)),
        categories=tuple(_("N/A") if code == "NA" else code for code in GRADE_CODES),
        counts=counts,
        axis_label=_("Votes"),
    )


class ResultsPage(WorkbookPage):
    """The report card of ``assessment_id`` on screen, with consensus editing."""

    WATCHED = (
        "grades", "context_grades", "continuum", "consensus", "criteria", "participants", "time_contexts",
        "assessments", "surveys", "settings", "workshop", "dimension_grades", "comments",
    )

    def __init__(self, operations: Operations, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(operations, assessment_id, parent)
        self.setObjectName("resultsPage")
        self.card: ReportCard | None = None
        self.data: AssessmentData | None = None
        self._chart_specs: list[tuple[str, charts.ChartSpec]] = []
        self._report_specs: tuple[ReportCard | None, list[tuple[str, charts.ChartSpec]]] = (None, [])
        self._charts_dirty = True

        self.title = QLabel()
        enlarge(self.title, 1.5, bold=True)
        self.overall = QLabel()
        self.overall.setObjectName("overallGrade")
        enlarge(self.overall, 1.3, bold=True)
        self.readings = QLabel()
        self.readings.setObjectName("readings")
        self.readings.setWordWrap(True)
        self.readings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dimensions_model = DimensionsModel(self)
        # dimension names are short: shown whole, the spare width goes to the last column (stretching the
        # names' column left them "Độ tin…" beside long Vietnamese headers)
        self.dimensions_view = table_view(self.dimensions_model, stretch=None)
        self.dimensions_view.setObjectName("reportCardTable")
        self.criteria_model = CriteriaModel(self)
        self.criteria_view = table_view(self.criteria_model)
        self.criteria_view.setObjectName("criteriaTable")
        self.criteria_view.setWordWrap(True)
        self.criteria_label = QLabel()
        self.dimensions_view.selectionModel().currentRowChanged.connect(lambda *_args: self._dimension_chosen())
        self.criteria_view.selectionModel().currentRowChanged.connect(lambda *_args: self._show_consensus_target())

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.dimensions_view, 3)
        left_layout.addWidget(self.criteria_label)
        left_layout.addWidget(self.criteria_view, 4)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_charts(), "")
        self.tabs.addTab(self._build_consensus(), "")
        self.tabs.currentChanged.connect(lambda *_args: self._draw_chart_if_visible())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        figures_layout.addWidget(self.readings)
        figures_layout.addWidget(splitter, 1)
        self.sealed_notice = QLabel()
        self.sealed_notice.setObjectName("sealedNotice")
        self.sealed_notice.setWordWrap(True)
        self.sealed_notice.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        enlarge(self.sealed_notice, 1.2)
        self.body = QStackedWidget()
        self.body.addWidget(figures)
        self.body.addWidget(self.sealed_notice)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.overall)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)

        self.watch()
        self.refresh()

    def _build_charts(self) -> QWidget:
        panel = QWidget()
        self.chart_choice = QComboBox()
        self.chart_choice.setObjectName("chartChoice")
        self.chart_choice.currentIndexChanged.connect(lambda *_args: self._draw_chart_if_visible(force=True))
        self.chart_view = ChartView(panel, min_height=240)
        self.chart_label = QLabel()
        self.chart_label.setBuddy(self.chart_choice)
        layout = QVBoxLayout(panel)
        row = QHBoxLayout()
        row.addWidget(self.chart_label)
        row.addWidget(self.chart_choice, 1)
        layout.addLayout(row)
        layout.addWidget(self.chart_view, 1)
        return panel

    def _build_consensus(self) -> QWidget:
        panel = QWidget()
        self.consensus_heading = QLabel()
        enlarge(self.consensus_heading, 1.1, bold=True)
        self.consensus_heading.setWordWrap(True)
        self.consensus_help = QLabel()
        self.consensus_help.setWordWrap(True)
        self.single_statement = QCheckBox()
        self.single_statement.setObjectName("singleStatementConsensus")
        self.single_statement.toggled.connect(lambda *_args: self._show_consensus_target())
        self.consensus_grade = QComboBox()
        self.consensus_grade.setObjectName("consensusGrade")
        self.rationale = QPlainTextEdit()
        self.rationale.setObjectName("rationale")
        self.rationale.setTabChangesFocus(True)
        self.save_consensus = QPushButton()
        self.save_consensus.clicked.connect(self.apply_consensus)
        self.consensus_status = QLabel()
        self.consensus_status.setWordWrap(True)
        form = QFormLayout()
        self.grade_label = QLabel()
        self.grade_label.setBuddy(self.consensus_grade)
        self.rationale_label = QLabel()
        self.rationale_label.setBuddy(self.rationale)
        form.addRow(self.grade_label, self.consensus_grade)
        form.addRow(self.rationale_label, self.rationale)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.consensus_heading)
        layout.addWidget(self.consensus_help)
        layout.addWidget(self.single_statement)
        layout.addLayout(form, 1)
        row = QHBoxLayout()
        row.addWidget(self.consensus_status, 1)
        row.addWidget(self.save_consensus)
        layout.addLayout(row)
        return panel

    # -- data -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute the report card from the workbook and redraw everything (nothing while sealed)."""
        row = max(0, self.dimensions_view.currentIndex().row())
        statement_row = self.criteria_view.currentIndex().row()
        sealed = self.operations.workshops.sealed(self.assessment_id)
        self.body.setCurrentIndex(1 if sealed else 0)
        self.data, self.card = (None, None) if sealed else self.operations.cards.read(self.assessment_id)
        if self.card is not None:  # items fewer than three people answered are withheld here too
            self.card = shown_card(self.card, self.data)
        self.dimensions_model.set_card(self.card)
        self.dimensions_view.setCurrentIndex(self.dimensions_model.index(min(row, 4), 0))
        self._charts_dirty = True
        self.retranslate()
        if 0 <= statement_row < self.criteria_model.rowCount():
            self.criteria_view.setCurrentIndex(self.criteria_model.index(statement_row, 0))

    def selected_dimension(self) -> DimensionResult | None:
        return self.dimensions_model.dimension(self.dimensions_view.currentIndex().row())

    def selected_statement(self) -> CriterionResult | None:
        return self.criteria_model.criterion(self.criteria_view.currentIndex().row())

    def consensus_target(self) -> tuple[DimensionResult, CriterionResult | None] | None:
        """What the consensus form agrees on: the selected dimension, or with "single statement"
        ticked the statement selected in the table (None while there is nothing to agree on)."""
        dimension = self.selected_dimension()
        if dimension is None:
            return None
        if not self.single_statement.isChecked():
            return dimension, None
        statement = self.selected_statement()
        return (dimension, statement) if statement is not None else None

    def agreed(self, dimension: DimensionResult, statement: CriterionResult | None) -> tuple[str | None, str]:
        """The stored (grade, rationale) of a dimension's or one statement's consensus."""
        if statement is None:
            return dimension.consensus, dimension.consensus_rationale
        rationale = next((c.rationale for c in self.data.consensus if c.criterion_id == statement.criterion.id), "")
        return statement.consensus, rationale

    def chart_specs(self) -> list[tuple[str, charts.ChartSpec]]:
        """(title, spec) of every chart on offer, built by the report's own spec functions."""
        if self.card is None or self.data is None:
            return []
        if self._report_specs[0] is not self.card:  # once per report card, not per dimension chosen
            content = build_content(self.card, self.data,
                                    options=ReportOptions(sections=frozenset({"charts", "contexts"})))
            self._report_specs = (self.card, [(block.spec.title, block.spec) for section in content.sections
                                              for block in section.blocks if isinstance(block, Chart)])
        specs = list(self._report_specs[1])
        dimension = self.selected_dimension()
        if dimension is not None:
            spec = vote_spec(dimension)
            specs.insert(1 if specs else 0, (spec.title, spec))
        return specs

    def apply_consensus(self) -> None:
        """Save the agreed grade and rationale of the selected dimension or statement (undoable)."""
        target = self.consensus_target()
        if target is None:
            return
        dimension, statement = target
        grade = CONSENSUS_CHOICES[max(0, self.consensus_grade.currentIndex())]
        rationale = self.rationale.toPlainText().strip()
        if grade is None and rationale:
            self.consensus_status.setText(_("Choose the agreed grade to keep a rationale."))
            return
        if (grade, rationale) == self.agreed(dimension, statement):
            return
        self.operations.set_consensus(
            self.assessment_id, dimension.key, grade, rationale,
            criterion_id=statement.criterion.id if statement else None,
        )
        self.consensus_status.setText(_("Saved."))

    # -- showing ------------------------------------------------------------------------

    def retranslate(self) -> None:
        card = self.card
        self.title.setText(_("Results: {round}").format(round=card.assessment.name) if card else "")
        overall = card.overall_internal if card else None
        self.overall.setText(
            _("Team's overall grade: {grade} ({mean} of 4)").format(grade=overall.grade, mean=format_number(overall.mean, 2))
            if overall else "" if self.data is None else _("No grade yet: nobody has answered in this round."))
        self.sealed_notice.setText(_(
            "The workshop is voting on this round, so its results are sealed: nobody sees running counts or "
            "anyone's answers. They open when the facilitator starts the reveal on the Workshop tab."))
        self.readings.setText(self._readings_text())
        self.tabs.setTabText(0, _("Charts"))
        self.tabs.setTabText(1, _("Consensus"))
        self.chart_label.setText(_("C&hart:"))
        self.chart_view.setAccessibleName(_("Results chart"))
        self.dimensions_view.setAccessibleName(_("Grades by dimension"))
        self.criteria_view.setAccessibleName(_("Grades by statement"))
        self.grade_label.setText(_("Agreed &grade:"))
        self.rationale_label.setText(_("&Rationale:"))
        self.save_consensus.setText(_("&Save consensus"))
        self.single_statement.setText(_("Agree a grade for a single s&tatement"))
        self.consensus_help.setText(_(
            "After discussing the spread of grades, record the grade the team agrees on and why."))
        self.dimensions_model.retranslate()
        self.criteria_model.retranslate()
        self._dimension_chosen()

    def _readings_text(self) -> str:
        if self.card is None:
            return ""
        names = {d.key: dimension_name(d.key, language()) for d in self.card.dimensions}
        sentences = [s for s in (reading_sentence(r, names) for r in self.card.readings) if s]
        return "\n".join(f"• {s}" for s in sentences)

    def _dimension_chosen(self) -> None:
        dimension = self.selected_dimension()
        self.criteria_model.set_dimension(dimension)
        self.criteria_label.setText(
            _("Statements in {dimension}").format(dimension=dimension_name(dimension.key)) if dimension else "")
        self.tabs.widget(1).setEnabled(dimension is not None)
        self._show_consensus_target()
        self._charts_dirty = True
        self._fill_chart_choice()

    def _show_consensus_target(self) -> None:
        """Fill the consensus form with what is agreed so far on the dimension or statement in view."""
        if self.single_statement.isChecked() and self.selected_statement() is None and self.criteria_model.rowCount():
            self.criteria_view.setCurrentIndex(self.criteria_model.index(0, 0))  # comes back here via the signal
            return
        target = self.consensus_target()
        self.consensus_status.setText("")
        for widget in (self.consensus_grade, self.rationale, self.save_consensus):
            widget.setEnabled(target is not None)
        if target is None:
            self.consensus_heading.setText(
                _("This dimension has no statements to agree on.") if self.selected_dimension() else "")
            return
        dimension, statement = target
        if statement is None:
            self.consensus_heading.setText(
                _("Consensus for {dimension}").format(dimension=dimension_name(dimension.key)))
        else:
            self.consensus_heading.setText(
                _("Consensus for the statement “{statement}”").format(statement=criterion_text(statement.criterion)))
        grade, rationale = self.agreed(dimension, statement)
        self.consensus_grade.clear()
        self.consensus_grade.addItems([_("No agreed grade") if c is None else c for c in CONSENSUS_CHOICES])
        self.consensus_grade.setCurrentIndex(CONSENSUS_CHOICES.index(grade))
        self.rationale.setPlainText(rationale)

    def _fill_chart_choice(self) -> None:
        self._chart_specs = self.chart_specs()
        keep = max(0, self.chart_choice.currentIndex())
        self.chart_choice.blockSignals(True)
        self.chart_choice.clear()
        self.chart_choice.addItems([title for title, _spec in self._chart_specs])
        self.chart_choice.setCurrentIndex(min(keep, len(self._chart_specs) - 1))
        self.chart_choice.blockSignals(False)
        self._draw_chart_if_visible()

    def _draw_chart_if_visible(self, force: bool = False) -> None:
        """Draw the chosen chart only when someone can see it (keeps matplotlib out of start-up)."""
        if not (self.isVisible() and self.tabs.currentIndex() == 0) or not (self._charts_dirty or force):
            return
        index = self.chart_choice.currentIndex()
        if 0 <= index < len(self._chart_specs):
            self.chart_view.show_spec(self._chart_specs[index][1])
            self._charts_dirty = False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._draw_chart_if_visible()


