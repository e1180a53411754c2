"""The zone of tolerance on the comparison page: what customers accept, desire and got, per dimension.

Shown only when the round's counted surveys mapped minimum and desired items
(``[minimum]`` and ``[expectations]``).  The chart is the report's own
(``report.chart_specs.tolerance``), so screen and paper read alike; one
sentence under it names what falls below the minimum and what exceeds the
desired level.
"""

from __future__ import annotations

from rater_desktop.analysis import ReportCard
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _
from rater_desktop.report import chart_specs
from ui.qt import QLabel, QVBoxLayout, QWidget
from ui.widgets.chart_canvas import ChartView
from ui.widgets.fonts import enlarge


class TolerancePanel(QWidget):
    """The zone-of-tolerance chart with its caption and the verdict in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zoneOfTolerance")
        self.title = QLabel()
        enlarge(self.title, 1.0, bold=True)
        self.chart = ChartView(min_height=300)
        self.chart.setObjectName("toleranceChart")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setObjectName("toleranceVerdict")
        self.verdict.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.chart)
        layout.addWidget(self.caption)
        layout.addWidget(self.verdict)
        self.card: ReportCard | None = None

    def show_card(self, card: ReportCard) -> None:
        """Draw the card's zone of tolerance, or hide the panel when the round has none."""
        self.card = card
        names = {d.key: dimension_name(d.key) for d in card.dimensions}
        chart = chart_specs.tolerance(card, names)
        self.setVisible(chart is not None)
        if chart is None:
            return
        self.chart.show_spec(chart.spec)
        self.caption.setText(chart.caption)
        self.title.setText(_("Zone of tolerance"))
        self.chart.setAccessibleName(_("Chart: zone of tolerance by dimension"))
        self.verdict.setText(self._verdict(names))

    def _verdict(self, names: dict[str, str]) -> str:
        zones = [(names[d.key], d.tolerance.position) for d in self.card.dimensions if d.tolerance]
        below = [name for name, position in zones if position == "below"]
        above = [name for name, position in zones if position == "above"]
        parts = []
        if below:
            parts.append(_("Below the minimum customers accept: {dimensions}.").format(dimensions=", ".join(below)))
        if above:
            parts.append(_("Better than customers desire: {dimensions}.").format(dimensions=", ".join(above)))
        return " ".join(parts) or _("Every dimension falls within the customers' zone of tolerance.")

    def retranslate(self) -> None:
        if self.card is not None:
            self.show_card(self.card)
