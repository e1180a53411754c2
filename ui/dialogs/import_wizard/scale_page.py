"""Page 3 of the import: how answers become points (numbers, letters or ordered labels, N/A codes).

The scale is suggested by the import session from the answers of the chosen
columns and their questions.  When the suggestion is not sure (labels no known
scale orders, a range nothing states), the person must put the labels in order
and tick that the points shown beside them are right before going on.  Leaving
the page puts the validated mapping into the session.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLineEdit, QWizardPage

from rater_desktop.i18n import _
from rater_desktop.importing import ScaleSpec, SurveyImportError
from rater_desktop.importing.guess_words import scale_note_text
from rater_desktop.importing.points import points_lines
from rater_desktop.importing.suggest import distinct_values
from rater_desktop.sessions.importing import ImportSession
from ui.qt import QLabel, QVBoxLayout
from ui.widgets.label_order import LabelOrder


class ScalePage(QWizardPage):
    """How answers become points, checked by the person when the suggestion is a guess."""

    def __init__(self, session: ImportSession) -> None:
        super().__init__()
        self.session = session
        self.kind = QComboBox()
        for kind in ("numeric", "letters", "labels"):
            self.kind.addItem("", kind)
        self.low = QDoubleSpinBox()
        self.high = QDoubleSpinBox()
        for box in (self.low, self.high):
            box.setRange(-1000, 1000)
            box.setDecimals(1)
            box.valueChanged.connect(self._show_points)
        self.order = LabelOrder()
        self.order.changed.connect(self._show_points)
        self.order.not_applicable.connect(self._label_to_na)
        self.na = QLineEdit()
        self.na.textChanged.connect(self._show_points)
        self.found = QLabel()
        self.found.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setObjectName("scaleNotes")
        self.notes.setWordWrap(True)
        self.points = QLabel()
        self.points.setObjectName("scalePoints")
        self.points.setWordWrap(True)
        self.confirm = QCheckBox()
        self.confirm.setObjectName("confirmScale")
        self.confirm.toggled.connect(self.completeChanged)
        self.problem = QLabel()
        self.problem.setObjectName("scaleProblem")
        self.problem.setWordWrap(True)

        self.form = QFormLayout()
        self.form_labels = [QLabel() for _i in range(6)]
        for label, field in zip(self.form_labels, (self.kind, self.low, self.high, self.order, self.points, self.na)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.found)
        layout.addWidget(self.notes)
        layout.addLayout(self.form)
        layout.addWidget(self.confirm)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._columns: list[int] | None = None
        self.needs_confirmation = False
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_("The answer scale"))
        self.setSubTitle(_("Say how answers are written so they can be turned into points from 0 to 4. "
                           "Answers such as \"Don't know\" count as no answer when listed as not applicable."))
        for i, text in enumerate((_("Numbers"), _("Letters A–F"), _("Labels in order"))):
            self.kind.setItemText(i, text)
        self.na.setPlaceholderText(_("for example: N/A, Don't know"))
        texts = (_("Answers are:"), _("Lowest (worst):"), _("Highest (best):"),
                 _("Labels, worst first (drag to reorder):"), _("Points:"), _("Not applicable:"))
        for label, text in zip(self.form_labels, texts):
            label.setText(text)
        self.confirm.setText(_("I have checked the order and the points each answer gets"))
        self.order.retranslate()
        self._show_points()

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        session = self.session
        columns = session.column_roles.scored_columns()
        rows = session.table.rows if session.table else []
        values = distinct_values(rows, columns)
        self.found.setText(_("Answers found in the first {n} rows: {values}").format(
            n=len(rows), values=", ".join(values[:30]) or "–"))
        pending = session.take_pending_scale()
        if pending is not None:
            self.show_scale(pending, [], not pending.confirmed)
        elif columns != self._columns:
            guess = session.scale_guess(columns)
            self.show_scale(guess.scale, [scale_note_text(note) for note in guess.notes], not guess.sure)
        self._columns = columns

    def show_scale(self, scale: ScaleSpec, notes: list[str], needs_confirmation: bool) -> None:
        """Show a scale; ``needs_confirmation`` asks the person to tick that it is right."""
        self.kind.setCurrentIndex(self.kind.findData(scale.type))
        self.low.setValue(scale.min)
        self.high.setValue(scale.max)
        self.order.set_labels(list(scale.labels))
        self.na.setText(", ".join(scale.not_applicable))
        self.needs_confirmation = needs_confirmation
        if needs_confirmation:
            notes = [_("This scale is a guess: put the labels in order (worst first) and check the points "
                       "each answer gets, then tick the box below."), *notes]
        self.notes.setText("\n".join(notes))
        self.confirm.setChecked(False)
        self.confirm.setVisible(needs_confirmation)
        self._kind_changed()
        self.completeChanged.emit()

    def scale(self) -> ScaleSpec:
        na = tuple(code.strip() for code in self.na.text().split(",") if code.strip())
        kind = self.kind.currentData()
        labels = tuple(self.order.labels()) if kind == "labels" else ()
        low, high = (int(v) if v.is_integer() else v for v in (self.low.value(), self.high.value()))
        return ScaleSpec(kind, low, high, labels, na,
                         confirmed=not self.needs_confirmation or self.confirm.isChecked())

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        for row, visible in ((1, kind == "numeric"), (2, kind == "numeric"), (3, kind == "labels"),
                             (4, kind != "labels")):
            self.form.setRowVisible(row, visible)
        self._show_points()

    def _show_points(self, *_args: object) -> None:
        """The points of each answer, for numbers and letters (labels show theirs in the list)."""
        try:
            lines = points_lines(self.scale())
        except (ZeroDivisionError, ValueError):
            lines = []
        self.points.setText("   ".join(lines))

    def _label_to_na(self, code: str) -> None:
        self.na.setText(", ".join(filter(None, (self.na.text().strip(), code))))

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return not self.needs_confirmation or self.confirm.isChecked()

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        if not self.isComplete():
            self.problem.setText(_("Check the order and the points, then tick the box."))
            return False
        try:
            self.session.mapping = self.session.current_mapping(self.scale())
        except SurveyImportError as error:
            self.problem.setText(str(error))
            return False
        self.problem.setText("")
        return True
