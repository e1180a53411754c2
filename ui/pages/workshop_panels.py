"""The screens of the facilitator's workshop page: the roster, the hand-over, the discussion.

They draw what the :class:`~rater_desktop.sessions.workshop.WorkshopSession`
holds and hand the facilitator's presses to :class:`ui.pages.workshop.WorkshopPage`;
none of them keeps workshop state of its own.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPlainTextEdit, QSpinBox

from rater_desktop.framework import dimension_name
from rater_desktop.i18n import _
from rater_desktop.model import LETTERS, Participant
from rater_desktop.sessions.reveal import QueueItem
from rater_desktop.sessions.workshop import RosterRow
from ui.presenter import RevealPanel
from ui.qt import QComboBox, QHBoxLayout, QLabel, QPushButton, Qt, QVBoxLayout, QWidget
from ui.widgets.fonts import enlarge


def _status_word(status: str) -> str:
    if status == "done":
        return _("done")
    if status == "phone":
        return _("voting on their phone")
    if status == "skipped":
        return _("skipped, comes back later")
    return _("not yet")


class RosterPanel(QWidget):
    """Who has voted (never what), the next voter, anyone out of order, skip for now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        enlarge(self.title, 1.5, bold=True)
        self.roster = QListWidget()
        self.roster.setObjectName("workshopRoster")
        enlarge(self.roster, 1.2)
        self.progress = QLabel()
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextVoter")
        self.next_button.setAutoDefault(True)
        self.let_button = QPushButton()
        self.skip_button = QPushButton()
        self.roster.currentRowChanged.connect(lambda *_args: self._update_choice_buttons())
        buttons = QHBoxLayout()
        for button in (self.next_button, self.let_button, self.skip_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.roster, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.title.setText(_("Who has voted"))
        self.roster.setAccessibleName(_("Who has voted"))
        self.skip_button.setText(_("Skip for now"))

    def chosen(self) -> Participant | None:
        item = self.roster.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def show_roster(self, rows: list[RosterRow], suggested: Participant | None) -> None:
        chosen = self.chosen()
        self.roster.clear()
        for row in rows:
            item = QListWidgetItem(_("{name} — {status}").format(name=row.participant.name,
                                                                  status=_status_word(row.status)))
            item.setData(Qt.ItemDataRole.UserRole, row.participant)
            self.roster.addItem(item)
            if chosen and chosen.id == row.participant.id:
                self.roster.setCurrentItem(item)
        done = sum(1 for row in rows if row.status == "done")
        self.progress.setText(_("{done} of {total} have voted.").format(done=done, total=len(rows)))
        self.next_button.setEnabled(suggested is not None)
        self.next_button.setText(_("Next voter: {name}").format(name=suggested.name) if suggested
                                 else _("Everyone has voted"))
        self._update_choice_buttons()

    def _update_choice_buttons(self) -> None:
        chosen = self.chosen()
        self.let_button.setEnabled(chosen is not None)
        self.skip_button.setEnabled(chosen is not None)
        self.let_button.setText(_("Let {name} vote").format(name=chosen.name) if chosen
                                else _("Choose who votes next"))


class HandoverPanel(QWidget):
    """"Pass the laptop to Lan": the next voter's name and nothing else."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.text.setObjectName("handoverText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        enlarge(self.text, 2.0, bold=True)
        self.start_button = QPushButton()
        self.start_button.setObjectName("handoverStart")
        enlarge(self.start_button, 1.5, bold=True)
        self.start_button.setAutoDefault(True)  # Enter starts, as the hand-over line says
        self.back_button = QPushButton()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addSpacing(24)
        layout.addLayout(row)
        layout.addStretch(2)

    def retranslate(self) -> None:
        self.start_button.setText(_("Start"))
        self.back_button.setText(_("Back to the list"))

    def show_person(self, person: Participant) -> None:
        self.text.setText(_("Pass the laptop to {name} — press Start when ready.").format(name=person.name))


class DiscussionPanel(QWidget):
    """The discussion queue, the reveal, the item's timer, the consensus and its follow-ups."""

    def __init__(self, base_points: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue_title = QLabel()
        enlarge(self.queue_title, 1.2, bold=True)
        self.queue_list = QListWidget()
        self.queue_list.setObjectName("discussionQueue")
        left = QVBoxLayout()
        left.addWidget(self.queue_title)
        left.addWidget(self.queue_list, 1)

        self.reveal = RevealPanel(base_points)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 60)
        self.minutes.setValue(5)
        self.minutes_label = QLabel()
        self.minutes_label.setBuddy(self.minutes)
        self.timer_button = QPushButton()
        self.timer_button.setObjectName("timerButton")
        self.timer_reset = QPushButton()
        self.clock = QLabel()
        self.clock.setObjectName("workshopClock")
        enlarge(self.clock, 1.3, bold=True)
        timer_row = QHBoxLayout()
        for widget in (self.minutes_label, self.minutes, self.timer_button, self.timer_reset, self.clock):
            timer_row.addWidget(widget)
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
        self.revote_button = QPushButton()
        self.action_button = QPushButton()
        self.action_button.setObjectName("createAction")
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
        right.addWidget(self.reveal, 1)
        right.addLayout(timer_row)
        right.addLayout(grade_row)
        right.addWidget(self.rationale_label)
        right.addWidget(self.rationale)
        right.addLayout(actions_row)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)

    def retranslate(self, queue: list[QueueItem]) -> None:
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
        for row, item in enumerate(queue[:self.queue_list.count()]):
            self.queue_list.item(row).setText(_queue_text(row, item))

    def show_queue(self, queue: list[QueueItem], current: str | None) -> None:
        self.queue_list.blockSignals(True)
        self.queue_list.clear()
        for row, item in enumerate(queue):
            self.queue_list.addItem(_queue_text(row, item))
        rows = [item.dimension for item in queue]
        self.queue_list.setCurrentRow(rows.index(current) if current in rows else -1)
        self.queue_list.blockSignals(False)
        self.enable(current is not None)

    def enable(self, on: bool) -> None:
        for widget in (self.record_button, self.revote_button, self.action_button, self.timer_button):
            widget.setEnabled(on)

    def show_consensus(self, grade: str | None, rationale: str) -> None:
        self.grade.setCurrentIndex(max(0, self.grade.findData(grade)))
        self.rationale.setPlainText(rationale)
        self.saved.clear()


class ScreenChooser(QWidget):
    """Which screen the presenter view goes to (the last one, usually the projector), and the button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.screens = QComboBox()
        self.screens.setObjectName("presenterScreen")
        self.label = QLabel()
        self.label.setBuddy(self.screens)
        self.present_button = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.screens, self.present_button):
            layout.addWidget(widget)
        QGuiApplication.instance().screenAdded.connect(self.fill)
        QGuiApplication.instance().screenRemoved.connect(self.fill)

    def retranslate(self) -> None:
        self.label.setText(_("Presenter screen:"))
        self.present_button.setText(_("Show presenter view"))
        self.fill()

    def fill(self) -> None:
        current = self.screens.currentData()
        self.screens.clear()
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            size = screen.geometry()
            self.screens.addItem(_("Screen {number}: {name} ({width}×{height})").format(
                number=number, name=screen.name(), width=size.width(), height=size.height()), screen)
        screens = QGuiApplication.screens()
        wanted = current if current in screens else (screens[-1] if screens else None)
        self.screens.setCurrentIndex(max(0, self.screens.findData(wanted)))

    def chosen(self) -> QScreen:
        return self.screens.currentData() or QGuiApplication.primaryScreen()


def _queue_text(row: int, item: QueueItem) -> str:
    return _("{number}. {dimension}").format(number=row + 1, dimension=dimension_name(item.dimension))
