"""The grading walk-through: one participant, one statement per screen.

A participant picks their name, then grades statement after statement with
the keyboard (A B C D F, N for not applicable, or 1–5 / 0) or the big buttons,
moves on with Enter or →, back with ←.  Each answer is saved the moment it is
given, Ctrl+Z takes it back.  When the round grades time contexts, each
dimension ends with one grade per context; the continuum (three statement
pairs, where we are and where we should be, on 1–7) follows, then a summary of
what is still open.

The page is a controller: the walk (steps, the participant's own answers,
where they stand) is a :class:`~rater_desktop.sessions.grading.GradingSession`,
the screens are the panels of :mod:`ui.pages.grading_panels`.  Privacy: the
name list starts with nobody chosen after each person, and a name that
already has saved answers opens only after the facilitator confirms that
its owner is at the keyboard.

Keys are handled in ``keyPressEvent`` of the page rather than with shortcuts:
a key the focused child wants (letters in the note field or in the name list,
arrows in the note field) stays with that child, and only the rest reaches the
walk-through.
"""

from __future__ import annotations

from itertools import pairwise

from rater_desktop.changes import STRUCTURE_KINDS, Change
from rater_desktop.i18n import _
from rater_desktop.operations import Operations
from rater_desktop.sessions.grading import (
    CONTEXT,
    CONTINUUM,
    CRITERION,
    DIMENSION,
    SUMMARY,
    ClosedItem,
    GradingSession,
)
from ui.models.participants import ParticipantsModel
from ui.pages.base import WorkbookPage
from ui.pages.grading_panels import (
    CHOSEN_STYLE,
    ContinuumPanel,
    GradePanel,
    ProgressRow,
    StartPanel,
    SummaryPanel,
)
from ui.qt import (
    QEvent,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMessageBox,
    QModelIndex,
    QObject,
    QPushButton,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets.fonts import enlarge

LETTER_KEYS = {
    Qt.Key.Key_A: "A", Qt.Key.Key_B: "B", Qt.Key.Key_C: "C", Qt.Key.Key_D: "D", Qt.Key.Key_F: "F", Qt.Key.Key_N: "NA",
    Qt.Key.Key_1: "A", Qt.Key.Key_2: "B", Qt.Key.Key_3: "C", Qt.Key.Key_4: "D", Qt.Key.Key_5: "F", Qt.Key.Key_0: "NA",
}
DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 8)}
NEXT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Right)


class GradingPage(WorkbookPage):
    """Walk one participant of ``assessment_id`` through the round.

    ``session`` is given when someone else decides who grades (the workshop's
    hand-over); the page then grades that person only.
    """

    finished = Signal(int)
    """participant id, when they press Finish on the summary"""

    def __init__(
        self, operations: Operations, assessment_id: int, parent: QWidget | None = None, *,
        session: GradingSession | None = None,
    ) -> None:
        super().__init__(operations, assessment_id, parent)
        self.setObjectName("gradingPage")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.session = session or GradingSession(operations, assessment_id)

        self.participants_model = ParticipantsModel(operations, assessment_id, parent=self)
        self.start_panel = StartPanel(self.participants_model)
        self.people = self.start_panel.people
        self.people.installEventFilter(self)
        self.people.doubleClicked.connect(lambda index: self.start(self._person_id(index.row())))
        self.start_panel.start_button.clicked.connect(
            lambda: self.start(self._person_id(self.people.currentIndex().row())))
        self.grade_panel = GradePanel()
        self.grade_panel.graded.connect(self.give)
        self.grade_panel.note.editingFinished.connect(self._save_note)
        self.grade_buttons, self.note = self.grade_panel.buttons, self.grade_panel.note
        self.continuum_panel = ContinuumPanel()
        self.continuum_panel.placed.connect(self.place)
        self.summary_panel = SummaryPanel()
        self.summary_panel.first_open_button.clicked.connect(self.go_to_first_open)
        self.summary_panel.finish_button.clicked.connect(self.finish)
        self.stack = QStackedWidget()
        for panel in (self.start_panel, self.grade_panel, self.continuum_panel, self.summary_panel):
            self.stack.addWidget(panel)

        self.who = QLabel()
        enlarge(self.who, 1.1, bold=True)
        self.switch_button = QPushButton()
        self.switch_button.clicked.connect(self.stop)
        self.progress = ProgressRow()
        self.progress_bars = self.progress.bars
        self.header = QWidget()
        header_layout = QVBoxLayout(self.header)
        header_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.switch_button)
        header_layout.addLayout(top)
        header_layout.addWidget(self.progress)

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

        self._order_tab_keys()
        self.watch()
        self.refresh()

    def _order_tab_keys(self) -> None:
        """Tab from the walk-through goes to the note first, then the answers, Back, Next, and only
        last to Switch participant: first in line, it took a Tab meant for the note, and the Enter
        that followed sent the participant back to the name list."""
        chain = [self, self.note, *self.grade_buttons.values(), self.back_button, self.next_button, self.switch_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- who -------------------------------------------------------------------------

    def _person_id(self, row: int) -> int | None:
        person = self.participants_model.participant(row)
        return person.id if person else None

    def refresh(self) -> None:
        """Re-read participants and the framework (after set-up changes) and redraw."""
        self.participants_model.reload()
        if not self.session.reload():
            self.stop()
            return
        self.retranslate()

    def start(self, participant_id: int | None) -> None:
        """Open ``participant_id``'s own answers where they last stood; answers already saved open
        only when the facilitator confirms that their owner is the one at the keyboard."""
        if participant_id is None:
            return
        vouched = False
        if self.session.needs_vouching(participant_id):
            person = self.participants_model.participant(self.participants_model.row_of(participant_id))
            answer = QMessageBox.question(
                self, _("Answers already saved"),
                _("{name} has saved answers. They open only for {name}: facilitator, confirm that {name} is the "
                  "one at the keyboard.").format(name=person.name if person else ""))
            if answer != QMessageBox.StandardButton.Yes:
                return
            vouched = True
        self.session.start(participant_id, vouched=vouched)
        self.retranslate()
        self.setFocus()

    def stop(self) -> None:
        """Back to the name list, with nobody chosen; nothing of the last participant stays on screen."""
        self._save_note()
        self.session.stop()
        self.note.clear()
        self.people.clearSelection()
        self.people.setCurrentIndex(QModelIndex())
        self.retranslate()
        self.people.setFocus()

    def finish(self) -> None:
        self._save_note()
        participant_id = self.session.finish()
        if participant_id is None:
            return
        self.stop()
        self.finished.emit(participant_id)

    # -- answering -------------------------------------------------------------------

    def give(self, code: str) -> None:
        """Record ``code`` for the current statement or context (saved at once)."""
        self._answer(self.session.give, code, self.note.text())

    def place(self, value: int) -> None:
        """Record a 1–7 continuum answer for the current step."""
        self._answer(self.session.place, value)

    def _save_note(self) -> None:
        """Keep the note with the grade of this step if it changed (a note needs a grade)."""
        if self.retired:
            return
        self._answer(self.session.keep_note, self.note.text())

    def _answer(self, write, *args) -> None:
        try:
            written = write(*args)
        except ClosedItem:
            self.grade_panel.status.setText(_("The facilitator has closed this item: answers can no longer change."))
            return
        if written is not None:
            self._show_step()

    # -- moving ------------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        self._save_note()
        self.session.go_to(index)
        self._show_step()

    def go_next(self) -> None:
        self.go_to(self.session.index + 1)

    def go_back(self) -> None:
        self.go_to(self.session.index - 1)

    def go_to_first_open(self) -> None:
        self._save_note()
        self.session.go_to_first_open()
        self._show_step()

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
        step = self.session.step
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
        if step.kind in (CRITERION, CONTEXT, DIMENSION) and key in LETTER_KEYS:
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
        (self if self.session.answers is not None else self.people).setFocus()

    # -- change notices -----------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.kind in STRUCTURE_KINDS and change.touches(self.assessment_id):
            self.refresh_when_seen()
        elif self.session.follow(change):
            self._show_step(keep_note=False)

    # -- showing -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.start_panel.retranslate()
        self.grade_panel.retranslate()
        self.summary_panel.retranslate()
        self.switch_button.setText(_("Switch participant"))
        self.back_button.setText(_("← Back"))
        self.next_button.setText(_("Next →"))
        self.participants_model.retranslate()
        self._show_step(keep_note=False)

    def _show_step(self, *, keep_note: bool = True) -> None:
        session = self.session
        step = session.step
        self.header.setVisible(step is not None)
        self.footer.setVisible(step is not None)
        if step is None:
            self.stack.setCurrentWidget(self.start_panel)
            self.start_panel.show_state(self.participants_model.rowCount() > 0, session.has_criteria(), session.thanked)
            return
        self.progress.show_progress(session.progress(), step.topic)
        total = len(session.steps)
        self.step_label.setText(_("Step {number} of {total}").format(number=session.index + 1, total=total))
        self.back_button.setEnabled(session.index > 0)
        self.next_button.setEnabled(session.index < total - 1)
        self.who.setText(_("Grading as {name}").format(name=session.participant.name if session.participant else ""))
        if step.kind in (CRITERION, CONTEXT, DIMENSION):
            self.stack.setCurrentWidget(self.grade_panel)
            self.grade_panel.show_step(step, session.answers.grade_of(step), keep_note=keep_note)
        elif step.kind == CONTINUUM:
            self.stack.setCurrentWidget(self.continuum_panel)
            self.continuum_panel.show_step(step, session.answers.value_of(step))
        else:
            self.stack.setCurrentWidget(self.summary_panel)
            self.summary_panel.show_open(session.open_items(), session.answered_any())
