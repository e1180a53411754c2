"""A whole workshop through the facilitator's page, as a facilitator would run it.

Three people vote in turn on one laptop (by keyboard, in the embedded grading
page), the reveal is compared with ``rater_desktop.sessions.reveal.reveal``, a
consensus is recorded and an action created.  After every voter the test reads
every text on the facilitator page and the presenter window: nothing of the
previous voter (their note, their chosen grade) may be on screen.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLineEdit, QListWidget, QPlainTextEdit

from rater_desktop.analysis import report_card
from rater_desktop.operations import Operations
from rater_desktop.sessions.grading import CONTEXT, CONTINUUM, CRITERION
from rater_desktop.sessions.reveal import reveal
from rater_desktop.storage import create_workbook, open_workbook
from rater_desktop.summary import workbook_summary
from tests.ui_round_support import press, type_text
from ui.pages.workshop import WorkshopPage
from ui.presenter import DOT
from ui.qt import QInputDialog, QLabel, QMessageBox, Qt

PEOPLE = ("Lan", "Minh", "Quang")
# The letter each person presses on every statement of a dimension.
PLANS = {
    "Lan": {"reliability": "A", "assurance": "A", "tangibles": "A", "empathy": "A", "responsiveness": "A"},
    "Minh": {"reliability": "A", "assurance": "C", "tangibles": "C", "empathy": "C", "responsiveness": "C"},
    "Quang": {"reliability": "B", "assurance": "F", "tangibles": "F", "empathy": "F", "responsiveness": "F"},
}
# Hand-computed: assurance … responsiveness get votes 4, 2, 0 (sd 2.00, mean 2.00 = C);
# reliability 4, 4, 3 (sd 0.58) is the least contested, so it is discussed last.


UNLOCK = "2468"
"""The facilitator's unlock code for the locked voter window (asked once, then at every unlock)."""


@pytest.fixture
def workshop(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (UNLOCK, True))
    path = tmp_path / "w.rater"
    with create_workbook(path, organisation="Test Hotel") as workbook:
        round_id = workbook.latest_assessment_id()
    ops = Operations(open_workbook(path))
    for name in PEOPLE:
        ops.add_participant(round_id, name)
    page = WorkshopPage(ops, round_id)
    qtbot.addWidget(page)
    qtbot.addWidget(page.presenter)
    page.resize(1100, 750)
    page.show()
    page.presenter.show()
    qtbot.waitExposed(page)
    yield page
    ops.workbook.close()


def all_texts(*widgets) -> list[str]:
    """Every text a widget tree holds, shown or not."""
    texts = []
    for root in widgets:
        for label in root.findChildren(QLabel):
            texts.append(label.text())
        for button in root.findChildren(QAbstractButton):
            texts.append(button.text())
        for edit in root.findChildren(QLineEdit):
            texts.append(edit.text())
        for edit in root.findChildren(QPlainTextEdit):
            texts.append(edit.toPlainText())
        for view in root.findChildren(QListWidget):
            texts.extend(view.item(row).text() for row in range(view.count()))
    return texts


def unlock(qtbot, page: WorkshopPage) -> None:
    """The voter handed the laptop back: the locked window thanks them, holding nothing of their
    answers, until the facilitator types the code."""
    voter = page.voter
    assert voter.stack.currentWidget() is voter.thanks_page
    assert not any("secret note" in text for text in all_texts(voter))
    qtbot.mouseClick(voter.unlock_button, Qt.MouseButton.LeftButton)
    assert page.voter is None and page.isVisible()


def vote(qtbot, page: WorkshopPage, name: str) -> None:
    """``name`` grades everything by keyboard, with a private note on the first statement."""
    grading = page.grading
    person = page.session.handing_to
    assert person.name == name and grading.session.answers.participant_id == person.id
    for number, step in enumerate(list(grading.session.steps)):
        if step.kind == CRITERION:
            press(qtbot, grading, getattr(Qt.Key, f"Key_{PLANS[name][step.dimension]}"))
            if number == 0:
                qtbot.mouseClick(grading.note, Qt.MouseButton.LeftButton)
                type_text(qtbot, grading, f"secret note of {name}")
                press(qtbot, grading, Qt.Key.Key_Escape)  # the keyboard back to the walk-through
                assert grading.focusWidget() is grading
        elif step.kind == CONTEXT:
            press(qtbot, grading, Qt.Key.Key_C)
        elif step.kind == CONTINUUM:
            press(qtbot, grading, Qt.Key.Key_4)
        press(qtbot, grading, Qt.Key.Key_Return)


def test_whole_workshop_three_voters_reveal_consensus_action(qtbot, workshop, monkeypatch):
    page = workshop
    ops = page.operations
    assert page.progress.text() == "0 of 3 have voted."
    assert "Voting in progress: 0 of 3 done" in page.presenter.message.text()

    for number, name in enumerate(PEOPLE):
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
        assert page.handover_text.text() == f"Pass the laptop to {name} — press Start when ready."
        assert page.grading is None
        assert page.presenter.message.text().endswith(f"Now voting: {name}")
        assert page.focusWidget() is page.start_button
        assert not page.reveal_button.isEnabled()  # the voter holding the laptop cannot open the reveal
        press(qtbot, page, Qt.Key.Key_Return)  # the voter presses Enter on the hand-over screen
        assert page.voter.grading is page.grading and page.voter.isFullScreen() and not page.isVisible()
        assert not page.reveal_button.isEnabled()
        if number:
            # The new voter starts on a clean screen: no earlier note, no chosen grade.
            assert page.grading.note.text() == ""
            assert not any(button.isChecked() for button in page.grading.grade_buttons.values())
            assert not any("secret note" in text for text in all_texts(page, page.presenter))
        vote(qtbot, page, name)
        qtbot.waitUntil(lambda: page.grading is None)
        unlock(qtbot, page)
        texts = all_texts(page, page.presenter)
        assert not any("secret note" in text or "Your answer" in text for text in texts)
        assert page.presenter.stack.currentWidget() is page.presenter.message
        assert f"{number + 1} of 3" in page.presenter.message.text()
        assert all(dots.text() == "" for _name, dots in page.presenter.panel.rows.values())
        if number < 2:
            assert page.voting.currentWidget() is page.handover
            assert page.handover_text.text().startswith(f"Pass the laptop to {PEOPLE[number + 1]}")
            page.back_to_roster()
    # The notes were saved, only never shown to anyone else.
    data = ops.workbook.read_assessment(page.assessment_id)
    assert {g.note for g in data.grades if g.note} == {f"secret note of {name}" for name in PEOPLE}
    assert page.voting.currentIndex() == 0 and page.reveal_button.isEnabled()
    assert page.progress.text() == "3 of 3 have voted."
    assert not page.next_button.isEnabled()

    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    order = [page.queue_list.item(row).text() for row in range(page.queue_list.count())]
    assert order == ["1. Assurance", "2. Tangibles", "3. Empathy", "4. Responsiveness", "5. Reliability"]
    expected = reveal(report_card(data), data, "assurance")
    assert expected.distribution == {"A": 1, "B": 0, "C": 1, "D": 0, "F": 1}
    for panel in (page.panel, page.presenter.panel):
        assert panel.title.text() == "Assurance"
        shown = {letter: dots.text().count(DOT) for letter, (_name, dots) in panel.rows.items()}
        assert shown == expected.distribution
        assert (panel.team_grade.text(), panel.team.text()) == ("C", "Team\n2.00 of 4")
        assert panel.customer.text() == "Customers\nno survey data"
        assert "disagrees" in panel.reasons.text()
    assert page.presenter.stack.currentWidget() is page.presenter.panel

    page.queue_list.setCurrentRow(4)
    assert page.presenter.panel.title.text() == "Reliability"
    assert page.presenter.panel.rows["A"][1].text() == "●\u200b●  2"
    assert page.presenter.panel.reasons.text() == ""

    # Consensus on reliability, chosen and typed with the keyboard.
    page.grade.setFocus()
    qtbot.keyClicks(page.grade, "B")
    assert page.grade.currentData() == "B"
    qtbot.mouseClick(page.rationale, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.rationale, "Two missed call-backs last month")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert page.saved.text() == "Consensus saved."
    summary = workbook_summary(ops.workbook, page.assessment_id)
    consensus = {d["key"]: d["internal"]["consensus"] for d in summary["dimensions"]}
    assert consensus == {"reliability": "B", "assurance": None, "tangibles": None, "empathy": None,
                         "responsiveness": None}
    agreed = ops.workbook.read_assessment(page.assessment_id).consensus
    assert [(c.dimension, c.grade, c.rationale) for c in agreed] == [
        ("reliability", "B", "Two missed call-backs last month")]
    assert page.presenter.panel.consensus.text() == "Agreed grade: B"

    # An action from the dimension under discussion.
    qtbot.mouseClick(page.action_button, Qt.MouseButton.LeftButton)
    dialog = page.action_dialog
    assert dialog.dimension.currentData() == "reliability"
    qtbot.keyClicks(dialog.title, "Call back every customer the same day")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    actions = ops.workbook.read_assessment(page.assessment_id).actions
    assert [(a.title, a.dimension) for a in actions] == [("Call back every customer the same day", "reliability")]

    # Re-vote on assurance: declined changes nothing; confirmed sends everyone back to vote.
    page.queue_list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.revote_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.revote_button, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == 0
    assert page.progress.text() == "0 of 3 have voted."
    assert page.next_button.text() == "Next voter: Lan"
    assert "0 of 3 done" in page.presenter.message.text()
    assert len(ops.workbook.read_assessment(page.assessment_id).grades) == len(data.grades)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    # Everything is answered, so without the re-vote the walk-through would open on its summary.
    first_assurance = [step.dimension for step in page.grading.session.steps].index("assurance")
    assert first_assurance > 0 and page.grading.session.index == first_assurance
    assert page.grading.grade_panel.status.text() == "Your answer: A (saved)"  # Lan's own earlier answer, to change


def test_skip_and_vote_out_of_order(qtbot, workshop):
    page = workshop
    page.roster.setCurrentRow(0)
    qtbot.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)
    assert page.roster.item(0).text() == "Lan — skipped, comes back later"
    assert page.next_button.text() == "Next voter: Minh"
    page.roster.setCurrentRow(2)
    assert page.let_button.text() == "Let Quang vote"
    qtbot.mouseClick(page.let_button, Qt.MouseButton.LeftButton)
    assert page.handover_text.text().startswith("Pass the laptop to Quang")
    assert "Now voting: Quang" in page.presenter.message.text()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    vote(qtbot, page, "Quang")
    qtbot.waitUntil(lambda: page.grading is None)
    unlock(qtbot, page)
    # Quang is done; Minh comes before the skipped Lan.
    assert page.handover_text.text().startswith("Pass the laptop to Minh")
    page.back_to_roster()
    assert page.roster.item(2).text() == "Quang — done"


def test_timer_counts_down_and_pauses(qtbot, workshop):
    page = workshop
    page.show_reveal("reliability")
    page.minutes.setValue(2)
    qtbot.mouseClick(page.timer_button, Qt.MouseButton.LeftButton)
    assert page.clock.text() == "2:00" and page.timer_button.text() == "Pause timer"
    qtbot.mouseClick(page.timer_button, Qt.MouseButton.LeftButton)
    assert not page.tick.isActive() and page.clock.text() == "2:00"
    now = [1000.0]
    page.session.timer.clock = lambda: now[0]  # seconds pass when the test says so, not in real time
    page.session.timer.remaining = 2
    qtbot.mouseClick(page.timer_button, Qt.MouseButton.LeftButton)
    now[0] += 1
    qtbot.waitUntil(lambda: page.clock.text() == "0:01", timeout=2000)  # the page's own tick shows it
    now[0] += 1
    qtbot.waitUntil(lambda: page.clock.text() == "Time is up", timeout=2000)
    assert page.timer_button.text() == "Start timer"


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_leaving_a_turn_needs_the_facilitator(qtbot, workshop, monkeypatch, answer):
    page = workshop
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a, **kw: asked.append(text) or answer)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.voting.currentWidget() is page.handover and not page.reveal_button.isEnabled()
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert asked == ["Hand the laptop back to the facilitator?"]
    if answer == QMessageBox.StandardButton.No:
        # The voter stays on the hand-over screen; the reveal stays out of reach.
        assert page.voting.currentWidget() is page.handover
        assert page.session.handing_to.name == "Lan"
        assert not page.reveal_button.isEnabled()
        assert "Now voting: Lan" in page.presenter.message.text()
    else:
        assert page.voting.currentIndex() == 0
        assert page.session.handing_to is None
        assert page.reveal_button.isEnabled()
        assert "Now voting" not in page.presenter.message.text()


def test_results_are_sealed_while_the_workshop_votes(qtbot, workshop):
    page = workshop
    from ui.pages.comparison import ComparisonPage
    from ui.pages.results import ResultsPage

    results = ResultsPage(page.operations, page.assessment_id)
    customers = ComparisonPage(page.operations, page.assessment_id)
    for other in (results, customers):
        qtbot.addWidget(other)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    vote(qtbot, page, "Lan")  # one voter: the running figures would be exactly Lan's answers
    qtbot.waitUntil(lambda: page.grading is None)
    unlock(qtbot, page)
    for sealed in (results, customers):
        assert sealed.body.currentWidget() is sealed.sealed_notice
        assert "sealed" in sealed.sealed_notice.text()
    assert results.dimensions_model.rowCount() == 0 and results.chart_specs() == []
    assert "4.00" not in results.overall.text() and "A" not in results.overall.text()

    page.back_to_roster()
    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)  # the reveal opens the results
    assert results.body.currentIndex() == 0 and customers.body.currentIndex() == 0
    assert "A (4.00 of 4)" in results.overall.text()


def test_undo_and_redo_of_a_consensus_show_the_stored_grade_not_the_undone_one(qtbot, workshop):
    """The facilitator records C, presses Ctrl+Z: the grade field goes back to what the workbook holds
    (none), not the C that a second click of Record consensus would quietly write again; redo brings C
    back.  A vote arriving while a rationale is being typed keeps the typing."""
    page, ops = workshop, workshop.operations
    data = ops.workbook.read_assessment(page.assessment_id)
    for person, letter in zip(data.participants, "ABC", strict=True):
        for criterion in data.criteria:
            ops.set_grade(person.id, criterion.id, letter)
    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    assert page.session.current is not None and page.record_button.isEnabled()
    page.grade.setFocus()
    qtbot.keyClicks(page.grade, "C")
    qtbot.mouseClick(page.rationale, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.rationale, "Mornings fine, evenings not")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert page.saved.text() == "Consensus saved."

    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.session.agreed() is None
    assert page.grade.currentData() is None and page.rationale.toPlainText() == "" and page.saved.text() == ""

    ops.redo()
    assert (page.grade.currentData(), page.rationale.toPlainText()) == ("C", "Mornings fine, evenings not")

    qtbot.mouseClick(page.rationale, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.rationale, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.rationale, " and weekends")
    ops.set_grade(data.participants[0].id, data.criteria[0].id, "B")  # someone changes a vote meanwhile
    assert page.rationale.toPlainText() == "Mornings fine, evenings not and weekends"
