"""The comparison page: how the team's grades differ from what customers say.

Everything shown is computed by :func:`rater_desktop.analysis.report_card` and
turned into chart specs by the report's own builders, so the page, the PDF
and the command-line summary always agree. The page listens to the operations
layer and redraws when the round's grades or surveys change (e.g. right after
the import wizard stored a survey).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea

from rater_desktop import charts
from rater_desktop.analysis import ReportCard
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _, format_number
from rater_desktop.operations import Operations
from rater_desktop.report.content import build_content, points
from rater_desktop.report.method import provenance_lines
from rater_desktop.report.model import Chart, ReportOptions
from ui.models.comparison import DimensionsModel, ServqualModel, flag_sentence
from ui.pages.base import WorkbookPage
from ui.pages.comments import CustomerWordsPanel
from ui.pages.survey_sources import SurveySourcesPanel
from ui.pages.tolerance import TolerancePanel
from ui.qt import (
    QFont,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from ui.widgets.chart_canvas import ChartView
from ui.widgets.tables import fit_to_rows, table_view

FEW_RESPONSES = 5
"""customer answers per dimension below which no flag is given (DESIGN §3)"""


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def _table(model) -> QTableView:
    """A read-only table that shows all its rows: the page around it scrolls."""
    view = table_view(model, selectable=False, stretch=None)
    view.setVerticalScrollBarPolicy(view.verticalScrollBarPolicy().ScrollBarAlwaysOff)
    return view


class KpiTile(QFrame):
    """One key figure: a big number over its name."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = _bold(QLabel("–"), 2.0)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class ComparisonPage(WorkbookPage):
    """Team vs customers for one round: charts, flags in words, KPIs, SERVQUAL, surveys."""

    WATCHED = ("surveys", "grades", "dimension_grades", "participants", "consensus", "settings", "criteria",
               "assessments", "workshop", "comments")

    def __init__(self, operations: Operations, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(operations, assessment_id, parent)
        self.setObjectName("comparisonPage")
        self.card: ReportCard | None = None

        self.title = _bold(QLabel(), 1.6)
        self.overall = QLabel()
        self.overall.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("comparisonNotice")
        self.notice.setWordWrap(True)
        self.tiles = {key: KpiTile(f"kpi_{key}") for key in ("nps", "csat", "fcr")}
        self.bars = ChartView(min_height=280)
        self.bars.setObjectName("teamVsCustomers")
        self.gaps = ChartView(min_height=280)
        self.gaps.setObjectName("gapChart")
        self.flags_title = _bold(QLabel())
        self.flags = QLabel()
        self.flags.setObjectName("flagSentences")
        self.flags.setWordWrap(True)
        self.dimensions_model = DimensionsModel(self)
        self.servqual_model = ServqualModel(self)
        self.dimensions_view = _table(self.dimensions_model)
        self.servqual_title = _bold(QLabel())
        self.servqual_view = _table(self.servqual_model)
        self.sources = SurveySourcesPanel(operations)
        self.provenance = QLabel()
        self.provenance.setObjectName("surveyProvenance")
        self.provenance.setWordWrap(True)
        self.zone = TolerancePanel()
        self.words = CustomerWordsPanel(operations)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.overall)
        layout.addWidget(self.notice)
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile)
        layout.addLayout(tiles)
        chart_row = QGridLayout()
        chart_row.addWidget(self.bars, 0, 0)
        chart_row.addWidget(self.gaps, 0, 1)
        layout.addLayout(chart_row)
        layout.addWidget(self.zone)
        layout.addWidget(self.flags_title)
        layout.addWidget(self.flags)
        layout.addWidget(self.dimensions_view)
        layout.addWidget(self.servqual_title)
        layout.addWidget(self.servqual_view)
        layout.addWidget(self.sources)
        layout.addWidget(self.provenance)
        layout.addWidget(self.words)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.sealed_notice = QLabel()
        self.sealed_notice.setObjectName("sealedNotice")
        self.sealed_notice.setWordWrap(True)
        self.sealed_notice.setContentsMargins(24, 24, 24, 24)
        self.sealed_notice.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body = QStackedWidget()
        self.body.addWidget(scroll)
        self.body.addWidget(self.sealed_notice)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.body)

        self.watch()
        self.refresh()

    def refresh(self) -> None:
        """Re-read the round and redraw everything (only a notice while a workshop's votes are sealed)."""
        sealed = self.operations.workshops.sealed(self.assessment_id)
        self.body.setCurrentIndex(1 if sealed else 0)
        self.sealed_notice.setText(_(
            "The workshop is voting on this round, so the team's figures are sealed until the facilitator "
            "starts the reveal on the Workshop tab."))
        if sealed:
            return
        data, self.card = self.operations.cards.read(self.assessment_id)
        self._threshold = data.gap_threshold
        content = build_content(self.card, data, options=ReportOptions(sections=frozenset({"charts"})))
        specs = [b.spec for s in content.sections for b in s.blocks if isinstance(b, Chart)]
        self._specs = {type(spec): spec for spec in specs}
        self.dimensions_model.set_rows(self.card.dimensions)
        self.servqual_model.set_card(self.card)
        self.sources.set_sources(self.card.sources)
        self.zone.show_card(self.card)
        counted = {source.id for source in self.card.sources if source.included}
        self.words.set_comments([c for c in data.comments if c.survey_id in counted])
        self._mappings = {s["id"]: s["mapping"] for s in self.operations.workbook.surveys(self.assessment_id)}
        self._show_charts()
        self.retranslate()

    def _show_charts(self) -> None:
        for view, kind in ((self.bars, charts.DimensionBarsSpec), (self.gaps, charts.GapSpec)):
            spec = self._specs.get(kind)
            view.setVisible(spec is not None)
            if spec is not None:
                view.show_spec(spec)

    def retranslate(self) -> None:
        card = self.card
        self.title.setText(_("Team and customers: {round}").format(round=card.assessment.name))
        parts = []
        if card.overall_internal:
            parts.append(_("Your team grades its service {grade} ({mean} of 4).").format(
                grade=card.overall_internal.grade, mean=points(card.overall_internal.mean)))
        if card.overall_customer:
            parts.append(_("Customers grade it {grade} ({mean} of 4).").format(
                grade=card.overall_customer.grade, mean=points(card.overall_customer.mean)))
        self.overall.setText(" ".join(parts))
        self.notice.setText(self._notice_text())
        self.notice.setVisible(bool(self.notice.text()))
        self._show_kpis()
        sentences = [s for s in (flag_sentence(d, self._threshold) for d in card.dimensions) if s]
        self.flags_title.setText(_("What the comparison shows"))
        self.bars.setAccessibleName(_("Chart: team and customers by dimension"))
        self.gaps.setAccessibleName(_("Chart: gaps between team and customers"))
        self.flags.setText("\n".join("• " + s for s in sentences))
        for widget in (self.flags_title, self.flags):
            widget.setVisible(bool(sentences))
        self.servqual_title.setText(_("Expectations and perceptions (SERVQUAL)"))
        has_servqual = self.servqual_model.rowCount() > 0
        self.servqual_title.setVisible(has_servqual)
        self.servqual_view.setVisible(has_servqual)
        self.dimensions_view.setAccessibleName(_("Team and customers by dimension"))
        self.servqual_view.setAccessibleName(self.servqual_title.text())
        for model in (self.dimensions_model, self.servqual_model):
            model.retranslate()
        for view in (self.dimensions_view, self.servqual_view):
            fit_to_rows(view)
        self.sources.retranslate()
        names = {d.key: dimension_name(d.key) for d in card.dimensions}
        self.provenance.setText("\n".join(provenance_lines(card, names, self._mappings)))
        self.provenance.setVisible(bool(self.provenance.text()))
        self.zone.retranslate()
        self.words.retranslate()

    def _notice_text(self) -> str:
        if not self.card.sources:
            return _("No customer survey has been imported into this round yet. Use File → Import "
                     "customer survey… to add one.")
        if not any(source.included for source in self.card.sources):
            return _("Every survey of this round is kept aside, so no customer figure is shown. Tick "
                     "“In comparison” for a survey below to count it.")
        few = [d for d in self.card.dimensions if d.customer and d.customer.n < FEW_RESPONSES]
        if few:
            return _("Some dimensions have fewer than {n} customer answers; their difference from the "
                     "team is shown but not flagged, because so few answers can mislead.").format(n=FEW_RESPONSES)
        return ""

    def _show_kpis(self) -> None:
        kpis = self.card.kpis
        values = {
            "nps": (None if kpis.nps is None else
                    ("+" if kpis.nps > 0 else "") + format_number(kpis.nps, 1)),
            "csat": None if kpis.csat is None else format_number(kpis.csat, 1) + " %",
            "fcr": None if kpis.fcr is None else format_number(kpis.fcr, 1) + " %",
        }
        captions = {
            "nps": _("Net Promoter Score (promoters minus detractors)"),
            "csat": _("Satisfied customers (top two answers of five)"),
            "fcr": _("Solved on first contact"),
        }
        for key, tile in self.tiles.items():
            tile.value.setText(values[key] or "–")
            tile.caption.setText(captions[key] if values[key] else
                                 captions[key] + "\n" + _("(no column imported)"))
