"""The page of an open workbook: the organisation and its assessment rounds.

Takes plain rows (``RoundRow``) rather than a workbook so it needs neither
storage nor analysis, and is cheap to import before the first paint.
"""

from __future__ import annotations

from rater_desktop.i18n import _, ngettext
from ui.models.rounds import RoundRow, RoundsModel
from ui.qt import (
    QAbstractItemView,
    QFont,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class HomePage(QWidget):
    """Organisation name, a one-line summary and the table of rounds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self._organisation = ""
        self.heading = QLabel()
        self.heading.setObjectName("organisationName")
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.8)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rounds_label = QLabel()
        label_font = QFont(self.rounds_label.font())
        label_font.setBold(True)
        self.rounds_label.setFont(label_font)

        self.rounds_model = RoundsModel(parent=self)
        self.rounds_view = QTableView()
        self.rounds_view.setObjectName("roundsTable")
        self.rounds_view.setModel(self.rounds_model)
        self.rounds_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rounds_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rounds_view.setAlternatingRowColors(True)
        self.rounds_view.verticalHeader().setVisible(False)
        header = self.rounds_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addSpacing(16)
        layout.addWidget(self.rounds_label)
        layout.addWidget(self.rounds_view, 1)
        self.retranslate()

    def show_workbook(self, organisation: str, rounds: list[RoundRow]) -> None:
        self._organisation = organisation
        self.rounds_model.set_rounds(rounds)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self._organisation or _("Unnamed organisation"))
        self.rounds_label.setText(_("Assessment rounds"))
        self.rounds_view.setAccessibleName(_("Assessment rounds"))
        self.summary.setText(self._summary_text())
        self.rounds_model.retranslate()

    def _summary_text(self) -> str:
        rows = self.rounds_model.rounds()
        if not rows:
            return _("This workbook has no assessment rounds yet.")
        count = len(rows)
        latest = max(rows, key=lambda row: (row.date, row.id))
        rounds = ngettext("{count} assessment round.", "{count} assessment rounds.", count).format(count=count)
        if latest.team_grade is None:
            return rounds + " " + _("The latest round, {name}, has no grades yet.").format(name=latest.name)
        return rounds + " " + _("The team's overall grade in the latest round, {name}, is {grade}.").format(
            name=latest.name, grade=latest.team_grade
        )
