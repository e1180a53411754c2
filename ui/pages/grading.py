"""The grading walk-through: one participant, one statement per screen.

A participant picks their name, then grades statement after statement with
the keyboard (A B C D F, N for not applicable, or 1–5 / 0) or the big buttons,
moves on with Enter or →, back with ←.  Each answer is saved the moment it is
given (``Operations``), Ctrl+Z takes it back.  When the round grades time
contexts, each dimension ends with one grade per context; the continuum (three
statement pairs, where we are and where we should be, on 1–7) follows, then a
summary of what is still open.

Keys are handled in ``keyPressEvent`` of the page rather than with shortcuts:
a key the focused child wants (letters in the note field or in the name list,
arrows in the note field) stays with that child, and only the rest reaches the
walk-through.  The page only ever loads the answers of the participant who is
grading (``Answers``), so another person's grades cannot appear on screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLineEdit, QProgressBar, QSizePolicy

from rater_desktop.framework import builtin_criterion, continuum_items, dimension_name
from rater_desktop.i18n import _, language
from rater_desktop.model import DIMENSION_KEYS, Criterion
from rater_desktop.operations import Change, Operations
from rater_desktop.report.content import criterion_text
from ui.models.grading import (
    CONTEXT,
    CONTINUUM,
    CRITERION,
    SUMMARY,
    Answers,
    Step,
    build_steps,
    first_open,
    open_steps,
    position_setting,
    resume_index,
    step_key,
)
from ui.models.participants import ParticipantsModel
from ui.pages.base import WorkbookPage
from ui.qt import (
    QAbstractItemView,
    QEvent,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListView,
    QObject,
    QPushButton,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.fonts import enlarge

GRADE_BUTTONS = ("A", "B", "C", "D", "F", "NA")
LETTER_KEYS = {
    Qt.Key.Key_A: "A", Qt.Key.Key_B: "B", Qt.Key.Key_C: "C", Qt.Key.Key_D: "D", Qt.Key.Key_F: "F", Qt.Key.Key_N: "NA",
    Qt.Key.Key_1: "A", Qt.Key.Key_2: "B", Qt.Key.Key_3: "C", Qt.Key.Key_4: "D", Qt.Key.Key_5: "F", Qt.Key.Key_0: "NA",
}
DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 8)}
NEXT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Right)
CHOSEN_STYLE = (
    "QPushButton[answer=\"true\"]:checked { background: #1f5f8b; color: white; border: 3px solid #0d3552; }"
)
"""A chosen answer must be visible at a glance, not a faint pressed shade."""
CHANGES = ("grades", "context_grades", "continuum")
STRUCTURE = ("criteria", "participants", "time_contexts", "assessments")


def _hints(criterion: Criterion) -> tuple[str, str]:
    """A/F hints in the reader's language while the statement is a shipped wording."""
    if criterion.builtin_key and criterion_text(criterion) != criterion.text:
        shipped = builtin_criterion(criterion.builtin_key, language())
        if shipped:
            return shipped.hint_a, shipped.hint_f
    return criterion.hint_a, criterion.hint_f


class GradingPage(WorkbookPage):
    """Walk one participant of ``assessment_id`` through the round."""

    finished = Signal(int)
    """participant id, when they press Finish on the summary"""

    def __init__(self, operations: Operations, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(operations, assessment_id, parent)
        self.setObjectName("gradingPage")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.steps: list[Step] = []
        self.index = 0
        self.answers: Answers | None = None
        self._writing = False
        self._last_finished = ""

        self.participants_model = ParticipantsModel(operations, assessment_id, parent=self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_start())
        self.stack.addWidget(self._build_grade_panel())
        self.stack.addWidget(self._build_continuum_panel())
        self.stack.addWidget(self._build_summary_panel())

        self.who = QLabel()
        enlarge(self.who, 1.1, bold=True)
        self.switch_button = QPushButton()
        self.switch_button.clicked.connect(self.stop)
        self.progress_bars = {key: QProgressBar() for key in (*DIMENSION_KEYS, CONTINUUM)}
        progress_row = QHBoxLayout()
        for bar in self.progress_bars.values():
            bar.setTextVisible(True)
            bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            progress_row.addWidget(bar)
        self.header = QWidget()
        header_layout = QVBoxLayout(self.header)
        header_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.switch_button)
        header_layout.addLayout(top)
        header_layout.addLayout(progress_row)

        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.step_label = QLabel()
        self.footer = QWidget()
        footer_layout = QHBoxLayout(self.footer)
        footer_layout.setContentsMargins(0, 0, 0, 0)
        footer_layout.addWidget(self.back_button)
        footer_layout.addStretch(1)
        footer_layout.addWidget(self.step_label)
        footer_layout.addStretch(1)
        footer_layout.addWidget(self.next_button)

        self.setStyleSheet(CHOSEN_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer)

        self.watch()
        self.refresh()

    # -- building ------------------------------------------------------------------

    def _build_start(self) -> QWidget:
        panel = QWidget()
        self.start_title = QLabel()
        enlarge(self.start_title, 1.5, bold=True)
        self.start_help = QLabel()
        self.start_help.setWordWrap(True)
        self.start_status = QLabel()
        self.start_status.setWordWrap(True)
        self.people = QListView()
        self.people.setObjectName("participantList")
        self.people.setModel(self.participants_model)
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.installEventFilter(self)
        self.people.doubleClicked.connect(lambda index: self.start(self._person_id(index.row())))
        enlarge(self.people, 1.2)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(lambda: self.start(self._person_id(self.people.currentIndex().row())))
        layout = QVBoxLayout(panel)
        layout.addWidget(self.start_title)
        layout.addWidget(self.start_help)
        layout.addWidget(self.people, 1)
        row = QHBoxLayout()
        row.addWidget(self.start_status, 1)
        row.addWidget(self.start_button)
        layout.addLayout(row)
        return panel

    def _build_grade_panel(self) -> QWidget:
        panel = QWidget()
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
        self.grade_buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        for code in GRADE_BUTTONS:
            button = QPushButton("A" if code == "A" else code)
            button.setCheckable(True)
            button.setProperty("answer", True)
            button.setMinimumSize(88, 64)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            enlarge(button, 1.8, bold=True)
            button.clicked.connect(lambda _checked=False, c=code: self.give(c))
            self.grade_buttons[code] = button
            buttons.addWidget(button)
        self.note_label = QLabel()
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.editingFinished.connect(self._save_note)
        self.note_label.setBuddy(self.note)
        self.grade_status = QLabel()
        layout = QVBoxLayout(panel)
        layout.addWidget(self.dimension_label)
        layout.addWidget(self.statement)
        layout.addSpacing(8)
        layout.addWidget(self.hint_a)
        layout.addWidget(self.hint_f)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addWidget(self.grade_status)
        layout.addSpacing(8)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        layout.addStretch(1)
        return panel

    def _build_continuum_panel(self) -> QWidget:
        panel = QWidget()
        self.continuum_title = QLabel()
        enlarge(self.continuum_title, 1.3, bold=True)
        self.continuum_help = QLabel()
        self.continuum_help.setWordWrap(True)
        self.continuum_label = QLabel()
        enlarge(self.continuum_label, 1.1, bold=True)
        self.left_pole = QLabel()
        self.right_pole = QLabel()
        for pole in (self.left_pole, self.right_pole):
            pole.setWordWrap(True)
            pole.setFrameShape(QFrame.Shape.StyledPanel)
            pole.setMargin(8)
            pole.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.right_pole.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.scale_buttons: dict[int, QPushButton] = {}
        grid = QGridLayout()
        grid.addWidget(self.left_pole, 0, 0, 1, 3)
        grid.addWidget(self.right_pole, 0, 4, 1, 3)
        for value in range(1, 8):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setProperty("answer", True)
            button.setMinimumSize(64, 56)
            enlarge(button, 1.6, bold=True)
            button.clicked.connect(lambda _checked=False, v=value: self.place(v))
            self.scale_buttons[value] = button
            grid.addWidget(button, 1, value - 1)
        self.efficiency_end = QLabel()
        self.intimacy_end = QLabel()
        self.intimacy_end.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.efficiency_end, 2, 0, 1, 3)
        grid.addWidget(self.intimacy_end, 2, 4, 1, 3)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.continuum_title)
        layout.addWidget(self.continuum_help)
        layout.addSpacing(8)
        layout.addWidget(self.continuum_label)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addStretch(1)
        return panel

    def _build_summary_panel(self) -> QWidget:
        panel = QWidget()
        self.summary_title = QLabel()
        enlarge(self.summary_title, 1.5, bold=True)
        self.summary_text = QLabel()
        self.summary_text.setObjectName("summaryText")
        self.summary_text.setWordWrap(True)
        self.summary_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.first_open_button = QPushButton()
        self.first_open_button.clicked.connect(self.go_to_first_open)
        self.finish_button = QPushButton()
        enlarge(self.finish_button, 1.2, bold=True)
        self.finish_button.clicked.connect(self.finish)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.first_open_button)
        row.addWidget(self.finish_button)
        layout.addLayout(row)
        return panel

    # -- state -----------------------------------------------------------------------

    @property
    def step(self) -> Step | None:
        return self.steps[self.index] if self.answers and self.steps else None

    def _person_id(self, row: int) -> int | None:
        person = self.participants_model.participant(row)
        return person.id if person else None

    def refresh(self) -> None:
        """Re-read participants and the framework (after set-up changes) and redraw."""
        self.participants_model.reload()
        criteria = self.operations.workbook.criteria()
        contexts = self.operations.workbook.time_contexts(self.assessment_id)
        current = self.step
        self.steps = build_steps(criteria, contexts)
        if self.answers is not None:
            if self.participants_model.row_of(self.answers.participant_id) < 0:
                self.stop()
                return
            self.answers = Answers.load(self.operations.workbook, self.assessment_id, self.answers.participant_id)
            self.index = resume_index(self.steps, self.answers, step_key(current) if current else None)
        if self.participants_model.rowCount() and not self.people.currentIndex().isValid():
            self.people.setCurrentIndex(self.participants_model.index(0, 0))
        self.retranslate()

    def start(self, participant_id: int | None) -> None:
        """Load ``participant_id``'s own answers and resume on the step they last stood on
        (their first open step if that is unknown or no longer in the round)."""
        if participant_id is None:
            return
        workbook = self.operations.workbook
        self.answers = Answers.load(workbook, self.assessment_id, participant_id)
        self.index = resume_index(self.steps, self.answers, workbook.get_setting(position_setting(participant_id)))
        self._last_finished = ""
        self.retranslate()
        self.setFocus()

    def stop(self) -> None:
        """Back to the name list; nothing of the last participant stays on screen."""
        self._save_note()
        self.answers = None
        self.note.clear()
        self.retranslate()
        self.people.setFocus()

    def finish(self) -> None:
        if self.answers is None:
            return
        person = self.participants_model.participant(self.participants_model.row_of(self.answers.participant_id))
        self._last_finished = person.name if person else ""
        participant_id = self.answers.participant_id
        self._remember_position(None)
        self.stop()
        self.finished.emit(participant_id)

    # -- answering -------------------------------------------------------------------

    def give(self, code: str) -> None:
        """Record ``code`` for the current statement or context (saved at once)."""
        step = self.step
        if step is None or step.kind not in (CRITERION, CONTEXT):
            return
        note = self.note.text().strip()
        self._write(step, code, note)

    def _write(self, step: Step, code: str, note: str) -> None:
        answers = self.answers
        assert answers is not None
        self._writing = True
        try:
            if step.kind == CRITERION:
                self.operations.set_grade(answers.participant_id, step.criterion.id, code, note)
                answers.grades[step.criterion.id] = (code, note)
            else:
                self.operations.set_context_grade(answers.participant_id, step.context.id, step.dimension, code, note)
                answers.context_grades[(step.context.id, step.dimension)] = (code, note)
        finally:
            self._writing = False
        self._show_step()

    def _save_note(self) -> None:
        """Keep the note with the grade of this step if it changed (a note needs a grade)."""
        step = self.step
        if step is None or self.answers is None:
            return
        given = self.answers.grade_of(step)
        note = self.note.text().strip()
        if given and given[1] != note:
            self._write(step, given[0], note)

    def place(self, value: int) -> None:
        """Record a 1–7 continuum answer for the current step."""
        step = self.step
        if step is None or step.kind != CONTINUUM or self.answers is None:
            return
        self._writing = True
        try:
            self.operations.set_continuum(self.answers.participant_id, step.item, step.scale, value)
        finally:
            self._writing = False
        self.answers.continuum[(step.item, step.scale)] = value
        self._show_step()

    # -- moving ------------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        if self.answers is None or not self.steps:
            return
        self._save_note()
        self.index = max(0, min(index, len(self.steps) - 1))
        self._remember_position(step_key(self.steps[self.index]))
        self._show_step()

    def _remember_position(self, key: str | None) -> None:
        """Keep the participant's current step (None: forget it) in the workbook, so they come back
        to it after a restart.

        Written to the workbook directly, not through ``Operations``: a bookmark is not an edit, so
        Ctrl+Z must not take it back and no view has anything to redraw.  The setting is keyed by
        participant and only ever read for that participant.
        """
        workbook = self.operations.workbook
        if self.answers is None or workbook.read_only:
            return
        setting = position_setting(self.answers.participant_id)
        if workbook.get_setting(setting) != key:
            workbook.set_setting(setting, key)

    def go_next(self) -> None:
        self.go_to(self.index + 1)

    def go_back(self) -> None:
        self.go_to(self.index - 1)

    def go_to_first_open(self) -> None:
        if self.answers is not None:
            self.go_to(first_open(self.steps, self.answers))

    # -- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return
        if self._handle_key(event.key(), event.modifiers()):
            event.accept()
            return
        super().keyPressEvent(event)

    def _handle_key(self, key: int, modifiers) -> bool:
        step = self.step
        if step is None or modifiers & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if key == Qt.Key.Key_Escape:
            self.setFocus()
            return True
        if key in NEXT_KEYS:
            if step.kind == SUMMARY and key != Qt.Key.Key_Right:
                self.finish()
            else:
                self.go_next()
            return True
        if key == Qt.Key.Key_Left:
            self.go_back()
            return True
        if step.kind in (CRITERION, CONTEXT) and key in LETTER_KEYS:
            self.give(LETTER_KEYS[key])
            return True
        if step.kind == CONTINUUM and key in DIGIT_KEYS:
            self.place(DIGIT_KEYS[key])
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Enter in the name list starts grading for the chosen person."""
        if watched is self.people and event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return, Qt.Key.Key_Enter
        ):
            self.start(self._person_id(self.people.currentIndex().row()))
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Arriving on the page puts the keyboard in the name list (or on the walk-through)."""
        super().showEvent(event)
        (self if self.answers is not None else self.people).setFocus()

    # -- change notices -----------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.kind in STRUCTURE and change.assessment_id in (None, self.assessment_id):
            self.refresh()
        elif change.kind in CHANGES and change.assessment_id == self.assessment_id and not self._writing:
            self._reload_answers(change)

    def _reload_answers(self, change: Change) -> None:
        """Another path (undo, the Edit menu) changed answers: re-read and show the step it touched."""
        if self.answers is None or not change.ids or change.ids[0] != self.answers.participant_id:
            return
        self.answers = Answers.load(self.operations.workbook, self.assessment_id, self.answers.participant_id)
        for i, step in enumerate(self.steps):
            if (change.kind == "grades" and step.kind == CRITERION and step.criterion.id == change.ids[1]) or (
                change.kind == "context_grades" and step.kind == CONTEXT
                and (step.context.id, step.dimension) == change.ids[1:]
            ) or (change.kind == "continuum" and step.kind == CONTINUUM and (step.item, step.scale) == change.ids[1:]):
                self.index = i
                break
        self._remember_position(step_key(self.steps[self.index]))
        self._show_step(keep_note=False)

    # -- showing -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.start_title.setText(_("Who is grading?"))
        self.start_help.setText(_(
            "Choose your name and press Enter. You will see only your own answers; every answer is saved "
            "as soon as you give it."))
        self.start_button.setText(_("Start grading"))
        self.people.setAccessibleName(_("Who is grading?"))
        self.switch_button.setText(_("Switch participant"))
        self.back_button.setText(_("← Back"))
        self.next_button.setText(_("Next →"))
        self.note_label.setText(_("&Note or evidence (optional):"))
        self.first_open_button.setText(_("Go to the first open item"))
        self.finish_button.setText(_("Finish"))
        self.participants_model.retranslate()
        for code, button in self.grade_buttons.items():
            button.setText(_("N/A") if code == "NA" else code)
            key = "N / 0" if code == "NA" else f"{code} / {GRADE_BUTTONS.index(code) + 1}"
            button.setToolTip(_("Key: {keys}").format(keys=key))
        self._show_step(keep_note=False)

    def _show_step(self, *, keep_note: bool = True) -> None:
        grading = self.answers is not None and bool(self.steps)
        self.header.setVisible(grading)
        self.footer.setVisible(grading)
        if not grading:
            self._show_start()
            return
        step = self.step
        self._show_progress()
        self.step_label.setText(_("Step {number} of {total}").format(number=self.index + 1, total=len(self.steps)))
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.steps) - 1)
        person = self.participants_model.participant(self.participants_model.row_of(self.answers.participant_id))
        self.who.setText(_("Grading as {name}").format(name=person.name if person else ""))
        if step.kind in (CRITERION, CONTEXT):
            self._show_grade_step(step, keep_note)
        elif step.kind == CONTINUUM:
            self._show_continuum_step(step)
        else:
            self._show_summary()

    def _show_start(self) -> None:
        self.stack.setCurrentIndex(0)
        has_people = self.participants_model.rowCount() > 0
        has_criteria = any(step.kind == CRITERION for step in self.steps)
        self.people.setVisible(has_people)
        self.start_button.setEnabled(has_people and has_criteria)
        if not has_people:
            self.start_status.setText(_("This round has no participants yet. Add them in the round's set-up first."))
        elif not has_criteria:
            self.start_status.setText(_("This round has no statements to grade. Add or restore some in the set-up."))
        elif self._last_finished:
            self.start_status.setText(_("Thank you, {name}: your answers are saved. Next person, choose your name.")
                                      .format(name=self._last_finished))
        else:
            self.start_status.setText("")

    def _show_progress(self) -> None:
        for key, bar in self.progress_bars.items():
            if key == CONTINUUM:
                mine = [s for s in self.steps if s.kind == CONTINUUM]
                name = _("Continuum")
            else:
                mine = [s for s in self.steps if s.dimension == key and s.kind in (CRITERION, CONTEXT)]
                name = dimension_name(key)
            done = sum(1 for s in mine if self.answers.answered(s))
            bar.setMaximum(max(1, len(mine)))
            bar.setValue(done)
            bar.setFormat(f"{name} {done}/{len(mine)}")
            bar.setToolTip(_("{name}: {done} of {total} answered").format(name=name, done=done, total=len(mine)))
            current = self.step.dimension == key or (key == CONTINUUM and self.step.kind == CONTINUUM)
            enlarge(bar, 1.0, bold=current)

    def _show_grade_step(self, step: Step, keep_note: bool) -> None:
        self.stack.setCurrentIndex(1)
        given = self.answers.grade_of(step)
        name = dimension_name(step.dimension)
        if step.kind == CRITERION:
            self.dimension_label.setText(name)
            self.statement.setText(criterion_text(step.criterion))
            hint_a, hint_f = _hints(step.criterion)
        else:
            self.dimension_label.setText(_("{dimension} — {situation}").format(dimension=name, situation=step.context.name))
            self.statement.setText(_("How well does the team do on {dimension} during “{situation}”?").format(
                dimension=name, situation=step.context.name))
            hint_a, hint_f = "", ""
        self.hint_a.setText(_("An A looks like: {hint}").format(hint=hint_a) if hint_a else "")
        self.hint_f.setText(_("An F looks like: {hint}").format(hint=hint_f) if hint_f else "")
        self.hint_a.setVisible(bool(hint_a))
        self.hint_f.setVisible(bool(hint_f))
        for code, button in self.grade_buttons.items():
            button.setChecked(bool(given) and given[0] == code)
        if not keep_note or not self.note.hasFocus():
            self.note.setText(given[1] if given else "")
        if given:
            shown = _("N/A") if given[0] == "NA" else given[0]
            self.grade_status.setText(_("Your answer: {grade} (saved)").format(grade=shown))
        else:
            self.grade_status.setText(_("Not answered yet. Press A, B, C, D or F (or 1–5), N or 0 for not applicable."))

    def _show_continuum_step(self, step: Step) -> None:
        self.stack.setCurrentIndex(2)
        item = next(i for i in continuum_items() if i.item == step.item)
        if step.scale == "current":
            self.continuum_title.setText(_("Where we are today"))
        else:
            self.continuum_title.setText(_("Where we should be"))
        self.continuum_help.setText(_(
            "Place the service on the scale from 1 (the left statement fits fully) to 7 (the right statement "
            "fits fully). Keys 1–7."))
        self.continuum_label.setText(_("{number} of 3: {label}").format(number=step.item, label=item.label))
        self.left_pole.setText(item.left)
        self.right_pole.setText(item.right)
        self.efficiency_end.setText(_("← Operational efficiency"))
        self.intimacy_end.setText(_("Customer intimacy →"))
        value = self.answers.value_of(step)
        for number, button in self.scale_buttons.items():
            button.setChecked(value == number)

    def _show_summary(self) -> None:
        self.stack.setCurrentIndex(3)
        missing = open_steps(self.steps, self.answers)
        self.summary_title.setText(_("Before you finish"))
        self.first_open_button.setEnabled(bool(missing))
        if not missing:
            self.summary_text.setText(_("You have answered everything. Press Enter or Finish."))
            return
        lines = []
        answered_any = any(self.answers.answered(s) for s in self.steps if s.kind != SUMMARY)
        if not answered_any:
            lines.append(_("You have not answered anything yet; your grades will not count until you do."))
        for key in DIMENSION_KEYS:
            count = sum(1 for i in missing if self.steps[i].dimension == key)
            if count:
                lines.append(_("{dimension}: {count} open").format(dimension=dimension_name(key), count=count))
        count = sum(1 for i in missing if self.steps[i].kind == CONTINUUM)
        if count:
            lines.append(_("Continuum: {count} open").format(count=count))
        lines.append(_("Open items are left out of the results. You can finish now or go back to them."))
        self.summary_text.setText("\n".join(lines))
