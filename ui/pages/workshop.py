"""The facilitator's view of a workshop: private voting, then the reveal and consensus.

Voting is pass-the-laptop.  The roster shows who is done (never what they
gave); the facilitator hands the laptop on ("Next voter", or anyone out of
order, or skips someone and comes back later).  A hand-over screen names the
next person; only when they press Start does a fresh :class:`GradingPage` load
*their* answers.  When they finish, that page is thrown away — not just
cleared — so nothing of theirs (a note, a pressed grade button) can reach the
next person's screen.

The page is a controller over the round's
:class:`~rater_desktop.sessions.workshop.WorkshopSession` (kept by the
operations layer, so a page rebuilt after a language switch finds the workshop
where it was, and the phone server drives the same one); the screens are the
panels of :mod:`ui.pages.workshop_panels`.  Every reveal comes from
:func:`rater_desktop.sessions.reveal.reveal`, which applies the privacy rule.
The presenter window mirrors whatever the facilitator shows: the voting
progress while people vote, the reveal after.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from rater_desktop.changes import ChangeKind
from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _
from rater_desktop.model import Consensus, Participant
from rater_desktop.operations import Operations
from rater_desktop.sessions.workshop import Phase
from ui.dialogs.action_dialog import ActionDialog
from ui.pages.base import WorkbookPage
from ui.pages.grading import GradingPage
from ui.pages.room_panel import RoomPanel
from ui.pages.workshop_panels import DiscussionPanel, HandoverPanel, RosterPanel, ScreenChooser
from ui.presenter import PresenterWindow
from ui.qt import (
    QApplication,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ui.voter_window import VoterWindow, choose_unlock_code

WATCHED = frozenset({ChangeKind.GRADES, ChangeKind.DIMENSION_GRADES, ChangeKind.PARTICIPANTS, ChangeKind.CRITERIA, ChangeKind.CONSENSUS,
                     ChangeKind.SURVEYS, ChangeKind.ASSESSMENTS, ChangeKind.WORKSHOP})


class WorkshopPage(WorkbookPage):
    """Run a workshop on round ``assessment_id``: voting, reveal, consensus, actions."""

    WATCHED = WATCHED

    def __init__(self, operations: Operations, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(operations, assessment_id, parent)
        self.setObjectName("workshopPage")
        self.session = operations.workshops.of(assessment_id)
        self.grading: GradingPage | None = None
        self.voter: VoterWindow | None = None
        """the locked window of whoever holds the laptop"""
        self.unlock_code: str | None = None
        """chosen by the facilitator when the first voter takes the laptop"""
        self.finished_voter: int | None = None
        self.action_dialog: ActionDialog | None = None
        self._agreed_shown: Consensus | None = None
        """the stored consensus the grade and rationale fields were last filled with"""
        # A child window: it goes with the page, so nothing is left to close by hand afterwards.
        self.presenter = PresenterWindow(self)
        self.presenter.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # closing the main window quits

        self.tick = QTimer(self)
        self.tick.setInterval(250)
        self.tick.timeout.connect(self._tick)

        self.voting_button = QPushButton()
        self.voting_button.setCheckable(True)
        self.voting_button.clicked.connect(self.show_voting)
        self.reveal_button = QPushButton()
        self.reveal_button.setCheckable(True)
        self.reveal_button.clicked.connect(self.show_discussion)
        self.screens = ScreenChooser()
        self.screens.present_button.clicked.connect(lambda: self.presenter.show_on(self.screens.chosen()))
        top = QHBoxLayout()
        top.addWidget(self.voting_button)
        top.addWidget(self.reveal_button)
        top.addStretch(1)
        top.addWidget(self.screens)

        self._build_voting()
        self._build_discussion()
        self.steps = QStackedWidget()
        self.steps.addWidget(self.voting)
        self.steps.addWidget(self.discussion)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.steps, 1)

        self.watch()
        self.retranslate()
        self._resume()

    def _build_voting(self) -> None:
        self.roster_panel = RosterPanel()
        self.roster, self.progress = self.roster_panel.roster, self.roster_panel.progress
        self.next_button = self.roster_panel.next_button
        self.let_button, self.skip_button = self.roster_panel.let_button, self.roster_panel.skip_button
        self.next_button.clicked.connect(lambda: self.hand_over(self.session.suggested()))
        self.let_button.clicked.connect(lambda: self.hand_over(self.roster_panel.chosen()))
        self.roster.itemDoubleClicked.connect(lambda *_args: self.hand_over(self.roster_panel.chosen()))
        self.skip_button.clicked.connect(self.skip_chosen)
        self.handover = HandoverPanel()
        self.handover_text, self.start_button = self.handover.text, self.handover.start_button
        self.back_button = self.handover.back_button
        self.start_button.clicked.connect(self.start_voting)
        self.back_button.clicked.connect(self.hand_back)
        self.room_panel = RoomPanel(self.operations, self.assessment_id)
        self.room_panel.join_changed.connect(self.presenter.show_join)
        self.presenter.show_join(self.room_panel.bridge.url or "")
        lists = QWidget()  # who has voted, beside room voting on phones
        lists_layout = QHBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        lists_layout.addWidget(self.roster_panel, 3)
        lists_layout.addWidget(self.room_panel, 2)
        self.voting = QStackedWidget()
        self.voting.addWidget(lists)
        self.voting.addWidget(self.handover)

    def _build_discussion(self) -> None:
        self.discussion = DiscussionPanel(self.font().pointSizeF() * 1.1)
        d = self.discussion
        self.queue_list, self.panel, self.minutes, self.clock = d.queue_list, d.reveal, d.minutes, d.clock
        self.grade, self.rationale, self.saved = d.grade, d.rationale, d.saved
        self.timer_button, self.record_button = d.timer_button, d.record_button
        self.revote_button, self.action_button = d.revote_button, d.action_button
        self.queue_list.currentRowChanged.connect(self._queue_row_changed)
        self.timer_button.clicked.connect(self.toggle_timer)
        d.timer_reset.clicked.connect(self.reset_timer)
        self.record_button.clicked.connect(self.record_consensus)
        self.revote_button.clicked.connect(self.revote)
        self.action_button.clicked.connect(self.create_action)

    def _resume(self) -> None:
        """Show the workshop where its session stands (a rebuilt page picks up a turn under way)."""
        session = self.session
        if session.phase == Phase.DISCUSSION:
            self._show_discussion_step()
        elif session.turn is not None:
            self._show_voting_step()
            self._open_turn()
        elif session.handing_to is not None:
            self._show_voting_step()
            self._show_handover(session.handing_to)
        else:
            self.show_voting()

    # -- voting --------------------------------------------------------------------

    def show_voting(self) -> None:
        """The voting step: the roster (or the hand-over screen while a turn is under way)."""
        with self._acting():
            self.session.back_to_voting()
        self._show_voting_step()

    def _show_voting_step(self) -> None:
        self.steps.setCurrentIndex(0)
        self.voting_button.setChecked(True)
        self.reveal_button.setChecked(False)
        self.tick.stop()
        self._show_clock()
        self._fill_roster()

    def _fill_roster(self) -> None:
        data = self.session.data()
        rows = self.session.roster(data)
        self.roster_panel.show_roster(rows, self.session.suggested(data))
        if self.steps.currentIndex() == 0:
            handing_to = self.session.handing_to
            done = sum(1 for row in rows if row.status == "done")
            phones = sum(1 for row in rows if row.status == "phone")
            self.presenter.show_voting(done, len(rows), handing_to.name if handing_to else None, phones)

    def skip_chosen(self) -> None:
        chosen = self.roster_panel.chosen()
        if chosen is not None:
            with self._acting():
                self.session.skip(chosen.id)
            self._fill_roster()

    def hand_over(self, person: Participant | None) -> None:
        """The hand-over screen for ``person``: their name, nothing else."""
        if person is None:
            return
        self._drop_grading()
        with self._acting():
            self.session.hand_over(person)
        self._show_handover(person)

    def _show_handover(self, person: Participant) -> None:
        self.handover.show_person(person)
        self.voting.setCurrentWidget(self.handover)
        self._lock_reveal()
        self.start_button.setFocus()
        self._fill_roster()

    def start_voting(self) -> None:
        """A fresh grading page with the hand-over person's own answers."""
        if self.session.start_turn() is not None:
            self._open_turn()

    def _open_turn(self) -> None:
        """The voter's own walk, in the locked voter window (full screen; the facilitator unlocks it)."""
        self._drop_grading()
        self.unlock_code = self.unlock_code or choose_unlock_code(self)
        if self.unlock_code is None:
            return
        self.grading = GradingPage(self.operations, self.assessment_id, session=self.session.turn)
        self.grading.switch_button.hide()  # switching person goes through the facilitator's hand-over
        self.grading.finished.connect(self._voter_finished)
        self.voter = VoterWindow(self.grading, self.unlock_code, self)
        self.voter.unlocked.connect(self._voter_window_unlocked)
        self._lock_reveal()
        self.window().hide()  # nothing but the voter's window to switch to
        self.voter.showFullScreen()
        self.grading.setFocus()

    def _voter_finished(self, participant_id: int) -> None:
        """The voter is done: their walk goes, the locked window thanks them until the facilitator unlocks."""
        self.finished_voter = participant_id
        name = self.grading.session.thanked if self.grading is not None else ""
        self.grading = None
        if self.voter is not None:
            self.voter.show_thanks(name)

    def _voter_window_unlocked(self) -> None:
        """Back with the facilitator: the next hand-over after a finished voter, else the list."""
        self.window().show()
        self.voter, self.grading = None, None
        finished, self.finished_voter = self.finished_voter, None
        if finished is None:
            self.back_to_roster()
            return
        with self._acting():
            following = self.session.voter_finished(finished)
        if following is not None:
            self.hand_over(following)
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
        with self._acting():
            self.session.end_turn()
        self.voting.setCurrentIndex(0)
        self._lock_reveal()
        self._fill_roster()

    def _lock_reveal(self) -> None:
        """While the laptop is with a voter (hand-over or grading), the reveal is out of reach."""
        self.reveal_button.setEnabled(self.voting.currentIndex() == 0)

    def _drop_grading(self) -> None:
        if self.voter is not None:
            self.voter.release()
            self.voter.deleteLater()
            self.voter = None
            self.window().show()
        self.grading = None

    # -- discussion ----------------------------------------------------------------

    def show_discussion(self) -> None:
        """The reveal, one dimension at a time, most contested first."""
        self.back_to_roster()
        with self._acting():
            self.session.open_reveal()
        self._show_discussion_step()

    def _show_discussion_step(self) -> None:
        self.steps.setCurrentIndex(1)
        self.voting_button.setChecked(False)
        self.reveal_button.setChecked(True)
        self.discussion.show_queue(self.session.queue, self.session.current)
        if self.session.current is None:
            self.presenter.show_voting(0, 0, None)
        else:
            self._show_current()

    def _queue_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.session.queue):
            self.show_reveal(self.session.queue[row].dimension)

    def show_reveal(self, dimension: str) -> None:
        """Reveal ``dimension`` here and on the presenter; prefill its consensus."""
        with self._acting():
            self.session.show(dimension)
        self._show_current()

    def _show_current(self) -> None:
        self._refresh_reveal()
        self._show_agreed()
        self.tick.stop()
        self._show_clock()
        self.discussion.enable(self.session.current is not None)

    def _show_agreed(self) -> None:
        """Fill the consensus grade and rationale with what the workbook holds for the item."""
        agreed = self._agreed_shown = self.session.agreed()
        self.discussion.show_consensus(agreed.grade if agreed else None, agreed.rationale if agreed else "")

    def _refresh_reveal(self) -> None:
        """Redraw the current reveal from the workbook (after a vote, a consensus, an undo)."""
        shown = self.session.current_reveal()
        if shown is not None:
            self.panel.show_reveal(*shown)
            self.presenter.show_reveal(*shown)

    def record_consensus(self) -> None:
        grade = self.grade.currentData()
        if self.session.record_consensus(grade, self.rationale.toPlainText()) is not None:
            self._agreed_shown = self.session.agreed()
            self.saved.setText(_("Consensus saved.") if grade else _("Consensus cleared."))

    def revote(self) -> None:
        """After a confirmation, everyone votes again, each starting at the dimension's first
        statement with their own earlier answers to change (nothing is cleared)."""
        current = self.session.current
        if current is None:
            return
        answer = QMessageBox.question(
            self, _("Re-vote"),
            _("Send everyone back to vote on {dimension} again? Each person sees only their own earlier answers "
              "and can change them; nothing is deleted.").format(dimension=dimension_name(current)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self._acting():
            self.session.revote(current)
        self._show_voting_step()

    def create_action(self) -> ActionDialog | None:
        """The action dialog, preset with the dimension under discussion; saved on OK."""
        if self.session.current is None:
            return None
        dialog = ActionDialog(self.operations.workbook.criteria(), preset={"dimension": self.session.current},
                              parent=self)
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
        with self._acting():
            self.session.toggle_timer(self.minutes.value())
        (self.tick.start if self.session.timer.running else self.tick.stop)()
        self._show_clock()

    def reset_timer(self) -> None:
        with self._acting():
            self.session.reset_timer()
        self.tick.stop()
        self._show_clock()

    def _tick(self) -> None:
        if self.session.timer.poll():
            self.tick.stop()
            QApplication.beep()
        self._show_clock()

    def _show_clock(self) -> None:
        timer = self.session.timer
        self.timer_button.setText(_("Pause timer") if timer.running else _("Start timer"))
        text = timer.text() or (_("Time is up") if timer.time_up else "")
        self.clock.setText(text)
        self.presenter.show_timer(text if self.steps.currentIndex() == 1 else "")

    # -- change notices ------------------------------------------------------------

    def _acting(self) -> AbstractContextManager[None]:
        """Changes of the workshop's state made by this page: it shows them itself."""
        return self.operations.acting_as(self)

    def on_screen(self) -> bool:
        """The presenter mirrors this page: while the room sees it, the page counts as shown."""
        return super().on_screen() or self.presenter.isVisible()

    def refresh(self) -> None:
        """Redraw what is in view: the roster (not while a voter holds the laptop), or the reveal."""
        if self.steps.currentIndex() == 0:
            if self.voting.currentWidget() is not self.grading:
                self._fill_roster()
        elif self.session.current is not None:
            self._refresh_reveal()
            if self.session.agreed() != self._agreed_shown:  # an undo or redo: what is typed stays otherwise
                self._show_agreed()

    def retranslate(self) -> None:
        self.voting_button.setText(_("1. Voting"))
        self.reveal_button.setText(_("2. Reveal and consensus"))
        self.roster_panel.retranslate()
        self.room_panel.retranslate()
        self.handover.retranslate()
        self.discussion.retranslate(self.session.queue)
        self.screens.retranslate()
        self._show_clock()
