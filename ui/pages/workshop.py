"""The facilitator's view of a workshop: private voting, then the reveal and consensus.

Voting is pass-the-laptop.  The roster shows who is done (never what they
gave); the facilitator hands the laptop on ("Next voter", or anyone out of
order, or skips someone and comes back later).  A hand-over screen names the
next person; only when they press Start does a fresh :class:`GradingPage` load
*their* answers.  When they finish, that page is thrown away — not just
cleared — so nothing of theirs (a note, a pressed grade button) can reach the
next person's screen.

The discussion walks the dimensions in :func:`rater_desktop.workshop.discussion_queue`
order; every reveal comes from :func:`rater_desktop.workshop.reveal`, which
applies the privacy rule.  The presenter window mirrors whatever the
facilitator shows: the voting progress while people vote, the reveal after.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QSpinBox

from rater_desktop.analysis import report_card
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _
from rater_desktop.model import AssessmentData, Participant
from rater_desktop.operations import Change, Operations
from rater_desktop.workshop import LETTERS, QueueItem, discussion_queue, finished_voters, next_voter, reveal
from ui.dialogs.action_dialog import ActionDialog
from ui.pages.grading import GradingPage, enlarge
from ui.presenter import PresenterWindow, RevealPanel
from ui.qt import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)

WATCHED = ("grades", "participants", "criteria", "consensus", "surveys", "assessments")


class WorkshopPage(QWidget):
    """Run a workshop on round ``assessment_id``: voting, reveal, consensus, actions."""

    def __init__(self, operations: Operations, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopPage")
        self.operations = operations
        self.assessment_id = assessment_id
        self.skipped: set[int] = set()
        self.voted_now: set[int] = set()
        """who finished on the laptop in this workshop (counts as done even with open items)"""
        self.revoting: str | None = None
        """the dimension being voted on again: then only ``voted_now`` counts as done"""
        self.handing_to: Participant | None = None
        self.suggested: Participant | None = None
        self.grading: GradingPage | None = None
        self.queue: list[QueueItem] = []
        self.current: str | None = None
        self.remaining = 0
        self.time_up = False
        self.action_dialog: ActionDialog | None = None
        self.presenter = PresenterWindow()
        self.presenter.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # closing the main window quits

        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._tick)

        self.voting_button = QPushButton()
        self.voting_button.setCheckable(True)
        self.voting_button.clicked.connect(self.show_voting)
        self.reveal_button = QPushButton()
        self.reveal_button.setCheckable(True)
        self.reveal_button.clicked.connect(self.show_discussion)
        self.screens = QComboBox()
        self.screens.setObjectName("presenterScreen")
        self.present_button = QPushButton()
        self.present_button.clicked.connect(self.present)
        top = QHBoxLayout()
        top.addWidget(self.voting_button)
        top.addWidget(self.reveal_button)
        top.addStretch(1)
        self.screen_label = QLabel()
        self.screen_label.setBuddy(self.screens)
        top.addWidget(self.screen_label)
        top.addWidget(self.screens)
        top.addWidget(self.present_button)

        self.steps = QStackedWidget()
        self.voting = QStackedWidget()
        self.voting.addWidget(self._build_roster())
        self.voting.addWidget(self._build_handover())
        self.steps.addWidget(self.voting)
        self.steps.addWidget(self._build_discussion())

        QGuiApplication.instance().screenAdded.connect(self._fill_screens)
        QGuiApplication.instance().screenRemoved.connect(self._fill_screens)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.steps, 1)

        self._unsubscribe = operations.subscribe(self._on_change)
        self.destroyed.connect(lambda *_args, stop=self._unsubscribe, window=self.presenter: (stop(), window.close()))
        self.retranslate()
        self.show_voting()

    # -- building ------------------------------------------------------------------

    def _build_roster(self) -> QWidget:
        panel = QWidget()
        self.roster_title = QLabel()
        enlarge(self.roster_title, 1.5, bold=True)
        self.roster = QListWidget()
        self.roster.setObjectName("workshopRoster")
        enlarge(self.roster, 1.2)
        self.progress = QLabel()
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextVoter")
        self.next_button.setAutoDefault(True)
        self.next_button.clicked.connect(self.hand_to_next)
        self.let_button = QPushButton()
        self.let_button.clicked.connect(lambda: self.hand_over(self._chosen()))
        self.skip_button = QPushButton()
        self.skip_button.clicked.connect(self.skip_chosen)
        self.roster.currentRowChanged.connect(lambda *_args: self._update_roster_buttons())
        self.roster.itemDoubleClicked.connect(lambda *_args: self.hand_over(self._chosen()))
        buttons = QHBoxLayout()
        for button in (self.next_button, self.let_button, self.skip_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.roster_title)
        layout.addWidget(self.roster, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        return panel

    def _build_handover(self) -> QWidget:
        self.handover = QWidget()
        self.handover_text = QLabel()
        self.handover_text.setObjectName("handoverText")
        self.handover_text.setWordWrap(True)
        self.handover_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        enlarge(self.handover_text, 2.0, bold=True)
        self.start_button = QPushButton()
        self.start_button.setObjectName("handoverStart")
        enlarge(self.start_button, 1.5, bold=True)
        self.start_button.setAutoDefault(True)  # Enter starts, as the hand-over line says
        self.start_button.clicked.connect(self.start_voting)
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.hand_back)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout = QVBoxLayout(self.handover)
        layout.addStretch(1)
        layout.addWidget(self.handover_text)
        layout.addSpacing(24)
        layout.addLayout(row)
        layout.addStretch(2)
        return self.handover

    def _build_discussion(self) -> QWidget:
        panel = QWidget()
        self.queue_title = QLabel()
        enlarge(self.queue_title, 1.2, bold=True)
        self.queue_list = QListWidget()
        self.queue_list.setObjectName("discussionQueue")
        self.queue_list.currentRowChanged.connect(self._queue_row_changed)
        left = QVBoxLayout()
        left.addWidget(self.queue_title)
        left.addWidget(self.queue_list, 1)

        self.panel = RevealPanel(self.font().pointSizeF() * 1.1)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 60)
        self.minutes.setValue(5)
        self.minutes_label = QLabel()
        self.minutes_label.setBuddy(self.minutes)
        self.timer_button = QPushButton()
        self.timer_button.setObjectName("timerButton")
        self.timer_button.clicked.connect(self.toggle_timer)
        self.timer_reset = QPushButton()
        self.timer_reset.clicked.connect(self.reset_timer)
        self.clock = QLabel()
        self.clock.setObjectName("workshopClock")
        enlarge(self.clock, 1.3, bold=True)
        timer_row = QHBoxLayout()
        timer_row.addWidget(self.minutes_label)
        timer_row.addWidget(self.minutes)
        timer_row.addWidget(self.timer_button)
        timer_row.addWidget(self.timer_reset)
        timer_row.addWidget(self.clock)
        timer_row.addStretch(1)

        self.grade_label = QLabel()
        self.grade = QComboBox()
        self.grade.setObjectName("consensusGrade")
        self.grade_label.setBuddy(self.grade)
        self.rationale_label = QLabel()
        self.rationale = QPlainTextEdit()
        self.rationale.setObjectName("consensusRationale")
        self.rationale.setTabChangesFocus(True)
        self.rationale.setMaximumHeight(80)
        self.record_button = QPushButton()
        self.record_button.setObjectName("recordConsensus")
        self.record_button.clicked.connect(self.record_consensus)
        self.revote_button = QPushButton()
        self.revote_button.clicked.connect(self.revote)
        self.action_button = QPushButton()
        self.action_button.setObjectName("createAction")
        self.action_button.clicked.connect(self.create_action)
        self.saved = QLabel()
        grade_row = QHBoxLayout()
        grade_row.addWidget(self.grade_label)
        grade_row.addWidget(self.grade)
        grade_row.addWidget(self.record_button)
        grade_row.addWidget(self.saved, 1)
        actions_row = QHBoxLayout()
        actions_row.addWidget(self.revote_button)
        actions_row.addWidget(self.action_button)
        actions_row.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.panel, 1)
        right.addLayout(timer_row)
        right.addLayout(grade_row)
        right.addWidget(self.rationale_label)
        right.addWidget(self.rationale)
        right.addLayout(actions_row)

        layout = QHBoxLayout(panel)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)
        return panel

    # -- reading -------------------------------------------------------------------

    def _data(self) -> AssessmentData:
        return self.operations.workbook.read_assessment(self.assessment_id)

    def done_ids(self, data: AssessmentData | None = None) -> set[int]:
        """Who counts as having voted (see ``voted_now`` and ``revoting``)."""
        if self.revoting:
            return set(self.voted_now)
        return finished_voters(data or self._data()) | self.voted_now

    def _chosen(self) -> Participant | None:
        item = self.roster.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    # -- voting --------------------------------------------------------------------

    def show_voting(self) -> None:
        """The voting step: the roster (or the hand-over screen while a turn is under way)."""
        self.steps.setCurrentIndex(0)
        self.voting_button.setChecked(True)
        self.reveal_button.setChecked(False)
        self.pause_timer()
        self._fill_roster()

    def _fill_roster(self) -> None:
        data = self._data()
        done = self.done_ids(data)
        chosen = self._chosen()
        self.roster.clear()
        for person in data.participants:
            if person.id in done:
                status = _("done")
            elif person.id in self.skipped:
                status = _("skipped, comes back later")
            else:
                status = _("not yet")
            item = QListWidgetItem(_("{name} — {status}").format(name=person.name, status=status))
            item.setData(Qt.ItemDataRole.UserRole, person)
            self.roster.addItem(item)
            if chosen and chosen.id == person.id:
                self.roster.setCurrentItem(item)
        count = sum(1 for p in data.participants if p.id in done)
        self.progress.setText(_("{done} of {total} have voted.").format(done=count, total=len(data.participants)))
        self.suggested = next_voter(data.participants, done, self.skipped)
        self._update_roster_buttons()
        if self.steps.currentIndex() == 0:
            self.presenter.show_voting(count, len(data.participants), self.handing_to.name if self.handing_to else None)

    def _update_roster_buttons(self) -> None:
        chosen = self._chosen()
        self.next_button.setEnabled(self.suggested is not None)
        self.next_button.setText(_("Next voter: {name}").format(name=self.suggested.name) if self.suggested
                                 else _("Everyone has voted"))
        self.let_button.setEnabled(chosen is not None)
        self.skip_button.setEnabled(chosen is not None)
        self.let_button.setText(_("Let {name} vote").format(name=chosen.name) if chosen else _("Let … vote"))

    def hand_to_next(self) -> None:
        self.hand_over(self.suggested)

    def skip_chosen(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.skipped.add(chosen.id)
            self._fill_roster()

    def hand_over(self, person: Participant | None) -> None:
        """The hand-over screen for ``person``: their name, nothing else."""
        if person is None:
            return
        self.handing_to = person
        self.handover_text.setText(_("Pass the laptop to {name} — press Start when ready.").format(name=person.name))
        self.voting.setCurrentWidget(self.handover)
        self._lock_reveal()
        self.start_button.setFocus()
        self._fill_roster()

    def start_voting(self) -> None:
        """A fresh grading page with the hand-over person's own answers."""
        if self.handing_to is None:
            return
        self._drop_grading()
        self.grading = GradingPage(self.operations, self.assessment_id)
        self.grading.switch_button.hide()  # switching person goes through the facilitator's hand-over
        self.grading.finished.connect(self._voter_finished)
        self.voting.addWidget(self.grading)
        self.voting.setCurrentWidget(self.grading)
        self.grading.start(self.handing_to.id)
        if self.revoting:
            first = next((i for i, step in enumerate(self.grading.steps) if step.dimension == self.revoting), None)
            if first is not None:
                self.grading.go_to(first)

    def _voter_finished(self, participant_id: int) -> None:
        """Throw the voter's page away and hand the laptop to whoever is next."""
        self.voted_now.add(participant_id)
        self.skipped.discard(participant_id)
        self._drop_grading()
        self.handing_to = None
        self._fill_roster()
        if self.suggested is not None:
            self.hand_over(self.suggested)
        else:
            self.back_to_roster()

    def hand_back(self) -> None:
        """Close the open turn, but only once the facilitator confirms: the person holding the
        laptop must not get back to the list, where the reveal is one click away."""
        answer = QMessageBox.question(self, _("End this turn"), _("Hand the laptop back to the facilitator?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.back_to_roster()

    def back_to_roster(self) -> None:
        """Close any open turn and show the list (the reveal is reachable again)."""
        self._drop_grading()
        self.handing_to = None
        self.voting.setCurrentIndex(0)
        self._lock_reveal()
        self._fill_roster()

    def _lock_reveal(self) -> None:
        """While the laptop is with a voter (hand-over or grading), the reveal is out of reach."""
        self.reveal_button.setEnabled(self.voting.currentIndex() == 0)

    def _drop_grading(self) -> None:
        if self.grading is not None:
            self.voting.removeWidget(self.grading)
            self.grading.setParent(None)  # out of the window at once, not at the next event loop turn
            self.grading.deleteLater()
            self.grading = None

    # -- discussion ----------------------------------------------------------------

    def show_discussion(self) -> None:
        """The reveal, one dimension at a time, most contested first."""
        self.back_to_roster()
        self.steps.setCurrentIndex(1)
        self.voting_button.setChecked(False)
        self.reveal_button.setChecked(True)
        self.queue = discussion_queue(report_card(self._data()))
        self.queue_list.clear()
        for number, item in enumerate(self.queue, start=1):
            self.queue_list.addItem(_("{number}. {dimension}").format(
                number=number, dimension=dimension_name(item.dimension)))
        self.queue_list.setCurrentRow(0 if self.queue else -1)
        if not self.queue:
            self.current = None
            self.presenter.show_voting(0, 0, None)
        self._update_discussion_buttons()

    def _queue_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.queue):
            self.show_reveal(self.queue[row].dimension)

    def show_reveal(self, dimension: str) -> None:
        """Reveal ``dimension`` here and on the presenter; prefill its consensus."""
        self.current = dimension
        data = self._refresh_reveal()
        agreed = next((c for c in data.consensus if c.dimension == dimension and c.criterion_id is None), None)
        self.grade.setCurrentIndex(max(0, self.grade.findData(agreed.grade if agreed else None)))
        self.rationale.setPlainText(agreed.rationale if agreed else "")
        self.saved.clear()
        self.reset_timer()
        self._update_discussion_buttons()

    def _refresh_reveal(self) -> AssessmentData:
        """Redraw the current reveal from the workbook (after a vote, a consensus, an undo)."""
        data = self._data()
        shown = reveal(report_card(data), data, self.current)
        reasons = next((item.reasons for item in self.queue if item.dimension == self.current), ())
        self.panel.show_reveal(shown, reasons)
        self.presenter.show_reveal(shown, reasons)
        return data

    def _update_discussion_buttons(self) -> None:
        for widget in (self.record_button, self.revote_button, self.action_button, self.timer_button):
            widget.setEnabled(self.current is not None)

    def record_consensus(self) -> None:
        if self.current is None:
            return
        grade = self.grade.currentData()
        self.operations.set_consensus(self.assessment_id, self.current, grade,
                                      self.rationale.toPlainText().strip())
        self.saved.setText(_("Consensus saved.") if grade else _("Consensus cleared."))

    def revote(self) -> None:
        """After a confirmation, everyone votes again, each starting at the dimension's first
        statement with their own earlier answers to change (nothing is cleared)."""
        if self.current is None:
            return
        answer = QMessageBox.question(
            self, _("Re-vote"),
            _("Send everyone back to vote on {dimension} again? Each person sees only their own earlier answers "
              "and can change them; nothing is deleted.").format(dimension=dimension_name(self.current)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.revoting = self.current
        self.voted_now.clear()
        self.skipped.clear()
        self.show_voting()

    def create_action(self) -> ActionDialog | None:
        """The action dialog, preset with the dimension under discussion; saved on OK."""
        if self.current is None:
            return None
        dialog = ActionDialog(self.operations.workbook.criteria(), preset={"dimension": self.current}, parent=self)
        dialog.accepted.connect(lambda: self.operations.add_action(self.assessment_id, **dialog.values()))
        dialog.finished.connect(lambda *_args: self._action_closed(dialog))
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def _action_closed(self, dialog: ActionDialog) -> None:
        if self.action_dialog is dialog:
            self.action_dialog = None
        dialog.deleteLater()

    # -- timer ---------------------------------------------------------------------

    def toggle_timer(self) -> None:
        if self.tick.isActive():
            self.pause_timer()
            return
        if self.remaining <= 0:
            self.remaining = self.minutes.value() * 60
        self.time_up = False
        self.tick.start()
        self._show_clock()

    def pause_timer(self) -> None:
        self.tick.stop()
        self._show_clock()

    def reset_timer(self) -> None:
        self.tick.stop()
        self.remaining = 0
        self.time_up = False
        self._show_clock()

    def _tick(self) -> None:
        self.remaining = max(0, self.remaining - 1)
        if self.remaining == 0:
            self.tick.stop()
            self.time_up = True
            QApplication.beep()
        self._show_clock()

    def _show_clock(self) -> None:
        running = self.tick.isActive()
        self.timer_button.setText(_("Pause timer") if running else _("Start timer"))
        if self.remaining > 0:
            text = f"{self.remaining // 60}:{self.remaining % 60:02d}"
        else:
            text = _("Time is up") if self.time_up else ""
        self.clock.setText(text)
        self.presenter.show_timer(text if self.steps.currentIndex() == 1 else "")

    # -- presenter -----------------------------------------------------------------

    def _fill_screens(self) -> None:
        current = self.screens.currentData()
        self.screens.clear()
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            size = screen.geometry()
            self.screens.addItem(_("Screen {number}: {name} ({width}×{height})").format(
                number=number, name=screen.name(), width=size.width(), height=size.height()), screen)
        screens = QGuiApplication.screens()
        wanted = current if current in screens else (screens[-1] if screens else None)
        self.screens.setCurrentIndex(max(0, self.screens.findData(wanted)))

    def present(self) -> None:
        """The presenter view, full screen on the chosen screen (the last one, usually the projector)."""
        screen = self.screens.currentData() or QGuiApplication.primaryScreen()
        self.presenter.show_on(screen)

    # -- change notices ------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.kind not in WATCHED or change.assessment_id not in (None, self.assessment_id):
            return
        if self.steps.currentIndex() == 0:
            self._fill_roster()
        elif self.current is not None:
            self._refresh_reveal()

    def retranslate(self) -> None:
        self.voting_button.setText(_("1. Voting"))
        self.reveal_button.setText(_("2. Reveal and consensus"))
        self.screen_label.setText(_("Presenter screen:"))
        self.present_button.setText(_("Show presenter view"))
        self.roster_title.setText(_("Who has voted"))
        self.roster.setAccessibleName(_("Who has voted"))
        self.skip_button.setText(_("Skip for now"))
        self.start_button.setText(_("Start"))
        self.back_button.setText(_("Back to the list"))
        self.queue_title.setText(_("Discussion order"))
        self.queue_list.setAccessibleName(_("Discussion order"))
        self.minutes_label.setText(_("&Minutes per item:"))
        self.timer_reset.setText(_("Reset"))
        self.grade_label.setText(_("&Consensus grade:"))
        self.rationale_label.setText(_("Rationale:"))
        self.record_button.setText(_("Record consensus"))
        self.revote_button.setText(_("Re-vote this dimension…"))
        self.action_button.setText(_("Create action…"))
        current = self.grade.currentData()
        self.grade.clear()
        self.grade.addItem(_("(none)"), None)
        for letter in LETTERS:
            self.grade.addItem(letter, letter)
        self.grade.setCurrentIndex(max(0, self.grade.findData(current)))
        self._fill_screens()
        self._show_clock()
        if self.queue:
            for row, item in enumerate(self.queue):
                self.queue_list.item(row).setText(_("{number}. {dimension}").format(
                    number=row + 1, dimension=dimension_name(item.dimension)))
