"""The screens of the grading walk-through: who is grading, a statement, the continuum, the summary.

Each panel only draws what it is given and says what the person pressed
(signals); the walk itself lives in :class:`rater_desktop.sessions.grading.GradingSession`,
driven by :class:`ui.pages.grading.GradingPage`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLineEdit, QProgressBar, QSizePolicy

from rater_desktop.framework import continuum_items, criterion_wording, dimension_name, dimensions
from rater_desktop.i18n import _
from rater_desktop.model import DIMENSION_KEYS, GRADES
from rater_desktop.sessions.grading import CONTINUUM, CRITERION, DIMENSION, Progress, Step
from ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.fonts import enlarge
from ui.widgets.labels import SteadyLabel

CHOSEN_STYLE = (
    "QPushButton[answer=\"true\"]:checked { background: #1f5f8b; color: white; border: 3px solid #0d3552; }"
)
"""A chosen answer must be visible at a glance, not a faint pressed shade."""


def _answer_button(text: str, width: int, height: int, scale: float) -> QPushButton:
    button = QPushButton(text)
    button.setCheckable(True)
    button.setProperty("answer", True)
    button.setMinimumSize(width, height)
    enlarge(button, scale, bold=True)
    return button


class StartPanel(QWidget):
    """Who is grading? The name list (it starts with nobody chosen) and Start."""

    def __init__(self, model, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        enlarge(self.title, 1.5, bold=True)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.people = QListView()
        self.people.setObjectName("participantList")
        self.people.setModel(model)
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        enlarge(self.people, 1.2)
        self.start_button = QPushButton()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.help)
        layout.addWidget(self.people, 1)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.start_button)
        layout.addLayout(row)

    def retranslate(self) -> None:
        self.title.setText(_("Who is grading?"))
        self.help.setText(_(
            "Choose your name and press Enter. You will see only your own answers; every answer is saved "
            "as soon as you give it."))
        self.start_button.setText(_("Start grading"))
        self.people.setAccessibleName(_("Who is grading?"))

    def show_state(self, has_people: bool, has_criteria: bool, thanked: str) -> None:
        self.people.setVisible(has_people)
        self.start_button.setEnabled(has_people and has_criteria)
        if not has_people:
            self.status.setText(_("This round has no participants yet. Add them in the round's set-up first."))
        elif not has_criteria:
            self.status.setText(_("This round has no statements to grade. Add or restore some in the set-up."))
        elif thanked:
            self.status.setText(_("Thank you, {name}: your answers are saved. Next person, choose your name.")
                                .format(name=thanked))
        else:
            self.status.setText("")


class GradePanel(QWidget):
    """One statement (or a dimension in one time context), its hints, A–F and N/A, a note."""

    graded = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dimension_label = QLabel()
        enlarge(self.dimension_label, 1.1, bold=True)
        self.statement = QLabel()
        self.statement.setObjectName("statement")
        self.statement.setWordWrap(True)
        enlarge(self.statement, 1.5)
        self.hint_a = QLabel()
        self.hint_f = QLabel()
        for hint in (self.hint_a, self.hint_f):
            hint.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for code in GRADES:
            button = _answer_button(code, 88, 64, 1.8)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, c=code: self.graded.emit(c))
            self.buttons[code] = button
            row.addWidget(button)
        self.note_label = QLabel()
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note_label.setBuddy(self.note)
        self.status = SteadyLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.dimension_label)
        layout.addWidget(self.statement)
        layout.addSpacing(8)
        layout.addWidget(self.hint_a)
        layout.addWidget(self.hint_f)
        layout.addSpacing(16)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addSpacing(8)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.note_label.setText(_("&Note or evidence (optional):"))
        for number, (code, button) in enumerate(self.buttons.items(), start=1):
            button.setText(_("N/A") if code == "NA" else code)
            key = "N / 0" if code == "NA" else f"{code} / {number}"
            button.setToolTip(_("Key: {keys}").format(keys=key))

    def show_step(self, step: Step, given: tuple[str, str] | None, *, keep_note: bool) -> None:
        name = dimension_name(step.dimension)
        if step.kind == CRITERION:
            self.dimension_label.setText(name)
            text, hint_a, hint_f = criterion_wording(step.criterion)
            self.statement.setText(text)
        elif step.kind == DIMENSION:
            info = next(d for d in dimensions() if d.key == step.dimension)
            self.dimension_label.setText(_("{dimension} — as a whole").format(dimension=name))
            self.statement.setText(info.description)
            hint_a, hint_f = info.hint_a, info.hint_f
        else:
            self.dimension_label.setText(_("{dimension} — {situation}").format(dimension=name, situation=step.context.name))
            self.statement.setText(_("How well does the team do on {dimension} during “{situation}”?").format(
                dimension=name, situation=step.context.name))
            hint_a, hint_f = "", ""
        self.hint_a.setText(_("An A looks like: {hint}").format(hint=hint_a) if hint_a else "")
        self.hint_f.setText(_("An F looks like: {hint}").format(hint=hint_f) if hint_f else "")
        self.hint_a.setVisible(bool(hint_a))
        self.hint_f.setVisible(bool(hint_f))
        for code, button in self.buttons.items():
            button.setChecked(bool(given) and given[0] == code)
        if not keep_note or not self.note.hasFocus():
            self.note.setText(given[1] if given else "")
        if given:
            shown = _("N/A") if given[0] == "NA" else given[0]
            self.status.setText(_("Your answer: {grade} (saved)").format(grade=shown))
        else:
            self.status.setText(_("Not answered yet. Press A, B, C, D or F (or 1–5), N or 0 for not applicable."))


class ContinuumPanel(QWidget):
    """One continuum item: two poles and 1–7 between them."""

    placed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        enlarge(self.title, 1.3, bold=True)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.label = QLabel()
        enlarge(self.label, 1.1, bold=True)
        self.left_pole = QLabel()
        self.right_pole = QLabel()
        for pole in (self.left_pole, self.right_pole):
            pole.setWordWrap(True)
            pole.setFrameShape(QFrame.Shape.StyledPanel)
            pole.setMargin(8)
            pole.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.right_pole.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.buttons: dict[int, QPushButton] = {}
        grid = QGridLayout()
        grid.addWidget(self.left_pole, 0, 0, 1, 3)
        grid.addWidget(self.right_pole, 0, 4, 1, 3)
        for value in range(1, 8):
            button = _answer_button(str(value), 64, 56, 1.6)
            button.clicked.connect(lambda _checked=False, v=value: self.placed.emit(v))
            self.buttons[value] = button
            grid.addWidget(button, 1, value - 1)
        self.efficiency_end = QLabel()
        self.intimacy_end = QLabel()
        self.intimacy_end.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.efficiency_end, 2, 0, 1, 3)
        grid.addWidget(self.intimacy_end, 2, 4, 1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.help)
        layout.addSpacing(8)
        layout.addWidget(self.label)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addStretch(1)

    def show_step(self, step: Step, value: int | None) -> None:
        item = next(i for i in continuum_items() if i.item == step.item)
        self.title.setText(_("Where we are today") if step.scale == "current" else _("Where we should be"))
        self.help.setText(_(
            "Place the service on the scale from 1 (the left statement fits fully) to 7 (the right statement "
            "fits fully). Keys 1–7."))
        self.label.setText(_("{number} of 3: {label}").format(number=step.item, label=item.label))
        self.left_pole.setText(item.left)
        self.right_pole.setText(item.right)
        self.efficiency_end.setText(_("← Operational efficiency"))
        self.intimacy_end.setText(_("Customer intimacy →"))
        for number, button in self.buttons.items():
            button.setChecked(value == number)


class SummaryPanel(QWidget):
    """Before you finish: what is still open, a way back to it, Finish."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        enlarge(self.title, 1.5, bold=True)
        self.text = QLabel()
        self.text.setObjectName("summaryText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.first_open_button = QPushButton()
        self.finish_button = QPushButton()
        enlarge(self.finish_button, 1.2, bold=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.first_open_button)
        row.addWidget(self.finish_button)
        layout.addLayout(row)

    def retranslate(self) -> None:
        self.first_open_button.setText(_("Go to the first open item"))
        self.finish_button.setText(_("Finish"))

    def show_open(self, missing: dict[str, int], answered_any: bool) -> None:
        self.title.setText(_("Before you finish"))
        self.first_open_button.setEnabled(bool(missing))
        if not missing:
            self.text.setText(_("You have answered everything. Press Enter or Finish."))
            return
        lines = []
        if not answered_any:
            lines.append(_("You have not answered anything yet; your grades will not count until you do."))
        for key in DIMENSION_KEYS:
            if missing.get(key):
                lines.append(_("{dimension}: {count} open").format(dimension=dimension_name(key), count=missing[key]))
        if missing.get(CONTINUUM):
            lines.append(_("Continuum: {count} open").format(count=missing[CONTINUUM]))
        lines.append(_("Open items are left out of the results. You can finish now or go back to them."))
        self.text.setText("\n".join(lines))


class ProgressRow(QWidget):
    """One bar per dimension and one for the continuum: answered of total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars = {key: QProgressBar() for key in (*DIMENSION_KEYS, CONTINUUM)}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for bar in self.bars.values():
            bar.setTextVisible(True)
            bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            layout.addWidget(bar)

    def show_progress(self, parts: list[Progress], current: str | None) -> None:
        for part in parts:
            bar = self.bars[part.key]
            name = _("Continuum") if part.key == CONTINUUM else dimension_name(part.key)
            bar.setMaximum(max(1, part.total))
            bar.setValue(part.done)
            bar.setFormat(f"{name} {part.done}/{part.total}")
            bar.setToolTip(_("{name}: {done} of {total} answered").format(name=name, done=part.done, total=part.total))
            if bar.font().bold() != (part.key == current):  # a new font lays the page out again: only on change
                enlarge(bar, 1.0, bold=part.key == current)
