"""The grading walk-through driven by the keyboard, as a participant would use it.

The whole-round test grades a round for three people with keys only and then
checks the results page against hand-computed figures and against
``analysis.report_card`` on the saved file.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtWidgets import QLineEdit, QProgressBar

from rater_desktop.analysis import report_card
from rater_desktop.i18n import format_number
from rater_desktop.sessions.grading import CONTEXT, CONTINUUM, CRITERION, SUMMARY
from rater_desktop.storage import open_workbook
from tests.ui_round_support import PEOPLE, make_round, open_ops, press, type_text
from ui.models.report_card import COL_CONSENSUS, COL_GRADE, COL_MEAN, COL_N, COL_RANGE, COL_SD, stat_cells
from ui.pages.grading import GradingPage
from ui.pages.results import ResultsPage
from ui.qt import QLabel, QMessageBox, QPushButton, Qt

# Per person: the key pressed on every statement of a dimension (None = skip with Enter),
# the keys for the two time contexts, and the 1-7 continuum answers (current, desired).
PLANS = (
    {"reliability": "A", "assurance": "B", "tangibles": "C", "empathy": "D", "responsiveness": "F",
     "contexts": ("A", "C"), "current": 2, "desired": 6},
    {"reliability": "3", "assurance": "3", "tangibles": "1", "empathy": "2", "responsiveness": "0",
     "contexts": ("2", "4"), "current": 4, "desired": 7},
    {"reliability": "N", "assurance": "A", "tangibles": None, "empathy": "F", "responsiveness": "B",
     "contexts": ("A", "F"), "current": 1, "desired": 5},
)
# Hand-computed from PLANS (A=4 … F=0, N/A and skipped left out):
# reliability 4,2 -> 3.00 B n=2; assurance 3,2,4 -> 3.00 B n=3; tangibles 2,4 -> 3.00 B n=2;
# empathy 1,3,0 -> 1.33 D n=3; responsiveness 0,3 -> 1.50 C n=2; overall 11.8333/5 = 2.3667 C.
EXPECTED = {  # the spread of two people's scores is their scores: not shown (privacy rule)
    "reliability": ("3.00", "B", "2", "–", "–"),
    "assurance": ("3.00", "B", "3", "2.00–4.00", "1.00"),
    "tangibles": ("3.00", "B", "2", "–", "–"),
    "empathy": ("1.33", "D", "3", "0.00–3.00", format_number(math.sqrt(7 / 3), 2)),
    "responsiveness": ("1.50", "C", "2", "–", "–"),
}


def key_of(char: str):
    return getattr(Qt.Key, f"Key_{char}")


@pytest.fixture
def round_path(tmp_path):
    path = tmp_path / "round.rater"
    return path, make_round(path)


@pytest.fixture(autouse=True)
def no_unexpected_dialog(monkeypatch):
    """A question nobody expected fails the test instead of blocking it."""

    def unexpected(_parent, title, text, *args, **kwargs):
        raise AssertionError(f"unexpected question: {title}: {text}")

    monkeypatch.setattr(QMessageBox, "question", unexpected)


@pytest.fixture
def facilitator(monkeypatch):
    """The facilitator at the laptop: answers every question with ``answer`` and keeps what was asked."""
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Yes]

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, answer


@pytest.fixture
def page_for(qtbot):
    made = []

    def build(ops, round_id):
        page = GradingPage(ops, round_id)
        qtbot.addWidget(page)
        page.resize(1000, 700)
        page.show()
        qtbot.waitExposed(page)
        made.append(page)
        return page

    yield build


def choose(qtbot, page, row: int) -> None:
    """Pick the row-th name in the list with Home/Down and start with Enter."""
    assert page.focusWidget() is page.people
    press(qtbot, page, Qt.Key.Key_Home)
    for _ in range(row):
        press(qtbot, page, Qt.Key.Key_Down)
    press(qtbot, page, Qt.Key.Key_Return)


def grade_whole_round(qtbot, page, row: int, plan: dict) -> None:
    choose(qtbot, page, row)
    assert page.session.answers.participant_id == page.participants_model.participant(row).id
    for number, step in enumerate(list(page.session.steps)):
        assert page.session.index == number and page.session.step == step
        if step.kind == CRITERION:
            key = plan[step.dimension]
            if key:
                press(qtbot, page, key_of(key))
        elif step.kind == CONTEXT:
            press(qtbot, page, key_of(plan["contexts"][step.context.position]))
        elif step.kind == CONTINUUM:
            press(qtbot, page, key_of(str(plan[step.scale])))
        else:
            assert step.kind == SUMMARY
        press(qtbot, page, Qt.Key.Key_Return)
    assert page.session.answers is None  # Enter on the summary finished and went back to the name list


def test_three_people_grade_by_keyboard_and_results_match_the_core(qtbot, round_path, page_for):
    path, round_id = round_path
    ops = open_ops(path)
    page = page_for(ops, round_id)
    for row, plan in enumerate(PLANS):
        with qtbot.waitSignal(page.finished, timeout=1000):
            grade_whole_round(qtbot, page, row, plan)
    assert PEOPLE[2] in page.start_panel.status.text()
    ops.workbook.close()

    ops = open_ops(path)
    card = report_card(ops.workbook.read_assessment(round_id))
    results = ResultsPage(ops, round_id)
    qtbot.addWidget(results)
    model = results.dimensions_model
    columns = (COL_MEAN, COL_GRADE, COL_N, COL_RANGE, COL_SD)
    for row, dimension in enumerate(card.dimensions):
        shown = tuple(model.data(model.index(row, col)) for col in columns)
        assert shown == EXPECTED[dimension.key]
        assert shown == stat_cells(dimension.internal)
        assert model.data(model.index(row, COL_CONSENSUS)) == "–"
    assert model.data(model.index(5, COL_MEAN)) == "2.37" == format_number(card.overall_internal.mean, 2)
    assert model.data(model.index(5, COL_GRADE)) == "C" == card.overall_internal.grade
    assert "C (2.37 of 4)" in results.overall.text()

    # Statement rows: every reliability statement got A, C and N/A.
    results.dimensions_view.setCurrentIndex(model.index(0, 0))
    criteria = results.criteria_model
    assert criteria.rowCount() == len(card.dimensions[0].criteria)
    first = [criteria.data(criteria.index(0, col)) for col in range(1, 12)]
    assert first == ["3.00", "B", "2", "–", "–", "1", "0", "1", "0", "0", "1"]

    # Time contexts: 4,3,4 -> 3.67 and 2,1,0 -> 1.00 in every dimension; range 2.67 flags all five.
    for dimension in card.dimensions:
        (_first, peak), (_second, after) = dimension.contexts
        assert (round(peak.mean, 4), round(after.mean, 4)) == (3.6667, 1.0)
        assert dimension.context_flag
    # Continuum: current 16.7, 50, 0 -> 22.2; desired 83.3, 100, 66.7 -> 83.3.
    assert round(card.continuum.current.mean, 3) == 22.222
    assert round(card.continuum.desired.mean, 3) == 83.333
    titles = [title for title, _spec in results.chart_specs()]
    assert "Votes on Reliability" in titles and "Grades in different situations" in titles
    assert "Empathy" in results.readings.text() and "Weakest" in results.readings.text()
    ops.workbook.close()


def test_resume_after_reopening_the_workbook(qtbot, round_path, page_for, facilitator):
    path, round_id = round_path
    ops = open_ops(path)
    page = page_for(ops, round_id)
    choose(qtbot, page, 1)
    for key in ("B", "C", "A"):
        press(qtbot, page, key_of(key))
        press(qtbot, page, Qt.Key.Key_Return)
    third = page.session.steps[2].criterion.id
    ops.workbook.close()
    page.close()

    ops = open_ops(path)
    page = page_for(ops, round_id)
    choose(qtbot, page, 1)
    assert page.session.index == 3 and page.session.step.criterion.id == page.session.steps[3].criterion.id
    assert not any(b.isChecked() for b in page.grade_buttons.values())
    press(qtbot, page, Qt.Key.Key_Left)
    assert page.session.step.criterion.id == third and page.grade_buttons["A"].isChecked()
    assert page.progress_bars["reliability"].value() == 3
    ops.workbook.close()


def test_resume_lands_on_the_step_left_even_when_it_was_answered(qtbot, round_path, page_for, facilitator):
    path, round_id = round_path
    ops = open_ops(path)
    page = page_for(ops, round_id)
    choose(qtbot, page, 1)
    for key in ("B", "C", "A", "D"):
        press(qtbot, page, key_of(key))
        press(qtbot, page, Qt.Key.Key_Return)
    press(qtbot, page, Qt.Key.Key_Left)
    press(qtbot, page, Qt.Key.Key_Left)
    assert page.session.index == 2
    third = page.session.steps[2].criterion.id
    assert ops.undo_step.label == "set_grade"  # moving about is a bookmark, not something Ctrl+Z takes back
    ops.workbook.close()
    page.close()

    ops = open_ops(path)
    page = page_for(ops, round_id)
    choose(qtbot, page, 0)  # another person: their own start, none of Minh's position or answers
    assert page.session.index == 0 and page.session.step == page.session.steps[0]
    assert not any(b.isChecked() for b in page.grade_buttons.values())
    assert page.progress_bars["reliability"].value() == 0
    page.switch_button.click()
    choose(qtbot, page, 1)
    assert page.session.index == 2 and page.session.step.criterion.id == third
    assert page.grade_buttons["A"].isChecked()
    assert page.progress_bars["reliability"].value() == 4
    ops.workbook.close()


def test_resume_falls_back_to_the_first_open_step_when_the_saved_one_is_gone(qtbot, round_path, page_for, facilitator):
    path, round_id = round_path
    ops = open_ops(path)
    page = page_for(ops, round_id)
    choose(qtbot, page, 0)
    for key in ("B", "C"):
        press(qtbot, page, key_of(key))
        press(qtbot, page, Qt.Key.Key_Return)
    press(qtbot, page, Qt.Key.Key_Left)
    left_on, next_open = page.session.steps[1].criterion.id, page.session.steps[2].criterion.id
    page.switch_button.click()
    ops.set_criterion_hidden(left_on, True)
    choose(qtbot, page, 0)
    # the hidden statement's step is gone; the first unanswered one is the old third step
    assert page.session.index == 1 and page.session.step.criterion.id == next_open
    ops.workbook.close()


def test_ctrl_z_restores_the_previous_grade_in_the_file(qtbot, round_path, page_for):
    path, round_id = round_path
    ops = open_ops(path)
    page = page_for(ops, round_id)
    choose(qtbot, page, 0)
    person = page.session.answers.participant_id
    criterion = page.session.step.criterion.id
    press(qtbot, page, Qt.Key.Key_A)
    press(qtbot, page, Qt.Key.Key_C)
    with open_workbook(path, read_only=True) as other:
        assert other.grades_for(person)[criterion].grade == "C"
    press(qtbot, page, Qt.Key.Key_Return)  # move on, then undo brings the statement back into view
    qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with open_workbook(path, read_only=True) as other:
        assert other.grades_for(person)[criterion].grade == "A"
    assert page.session.step.criterion.id == criterion and page.grade_buttons["A"].isChecked()
    qtbot.keyClick(page.focusWidget() or page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with open_workbook(path, read_only=True) as other:
        assert criterion not in other.grades_for(person)
    assert not any(b.isChecked() for b in page.grade_buttons.values())
    ops.workbook.close()


def _visible_texts(page) -> list[str]:
    texts = []
    for widget in page.findChildren(QLabel) + page.findChildren(QPushButton):
        texts += [widget.text(), widget.toolTip()]
    texts += [w.text() for w in page.findChildren(QLineEdit)]
    texts += [w.format() for w in page.findChildren(QProgressBar)]
    return texts


def test_second_participant_never_sees_the_first_ones_answers(qtbot, round_path, page_for):
    path, round_id = round_path
    ops = open_ops(path)
    page = page_for(ops, round_id)
    choose(qtbot, page, 0)
    press(qtbot, page, Qt.Key.Key_D)
    qtbot.mouseClick(page.note, Qt.MouseButton.LeftButton)
    type_text(qtbot, page, "secret remark about Tuesday")
    press(qtbot, page, Qt.Key.Key_Return)  # saves the note with the grade and moves on
    press(qtbot, page, Qt.Key.Key_F)
    first_person = page.session.answers.participant_id
    assert ops.workbook.grades_for(first_person)[page.session.steps[0].criterion.id].note == "secret remark about Tuesday"
    page.finish()

    choose(qtbot, page, 1)
    for _ in range(2):
        assert not any(b.isChecked() for b in page.grade_buttons.values())
        assert "Not answered yet" in page.grade_panel.status.text()
        assert not any("secret remark" in text for text in _visible_texts(page))
        assert page.note.text() == ""
        press(qtbot, page, Qt.Key.Key_Right)
    assert page.progress_bars["reliability"].value() == 0
    ops.workbook.close()


def test_tab_takes_the_keyboard_to_the_note_and_enter_moves_on(qtbot, round_path, page_for):
    """Keyboard only: B, Tab, a note full of grade letters, Enter.  The grade stays B, the note is saved
    with it and the walk moves on (the first Tab used to land on Switch participant, where the letters
    did nothing and Enter sent the participant back to the name list)."""
    path, round_id = round_path
    ops = open_ops(path)
    page = page_for(ops, round_id)
    choose(qtbot, page, 0)
    press(qtbot, page, Qt.Key.Key_B)
    press(qtbot, page, Qt.Key.Key_Tab)
    assert page.focusWidget() is page.note
    type_text(qtbot, page, "card reader fixed")
    press(qtbot, page, Qt.Key.Key_Return)
    assert page.session.answers is not None and page.session.index == 1
    saved = ops.workbook.grades_for(page.session.answers.participant_id)[page.session.steps[0].criterion.id]
    assert (saved.grade, saved.note) == ("B", "card reader fixed")
    ops.workbook.close()


def test_round_without_participants_explains_instead_of_starting(qtbot, tmp_path, page_for):
    path = tmp_path / "empty.rater"
    from rater_desktop.storage import create_workbook

    with create_workbook(path) as workbook:
        round_id = workbook.latest_assessment_id()
    ops = open_ops(path)
    page = page_for(ops, round_id)
    assert not page.start_panel.start_button.isEnabled()
    assert "no participants" in page.start_panel.status.text()
    ops.workbook.close()


def test_finishing_with_nothing_answered_says_so(qtbot, round_path, page_for):
    path, round_id = round_path
    ops = open_ops(path)
    page = page_for(ops, round_id)
    choose(qtbot, page, 2)
    page.go_to(len(page.session.steps) - 1)
    assert page.session.step.kind == SUMMARY
    assert "not answered anything" in page.summary_panel.text.text()
    press(qtbot, page, Qt.Key.Key_Return)
    assert page.session.answers is None
    results = ResultsPage(ops, round_id)
    qtbot.addWidget(results)
    assert results.dimensions_model.data(results.dimensions_model.index(0, COL_GRADE)) == "No grade"
    assert "No grade yet" in results.overall.text()
    ops.workbook.close()


def test_the_name_list_starts_empty_after_each_person(qtbot, round_path, page_for):
    path, round_id = round_path
    ops = open_ops(path)
    page = page_for(ops, round_id)
    assert not page.people.currentIndex().isValid()  # nobody is chosen for the first person either
    choose(qtbot, page, 0)
    press(qtbot, page, Qt.Key.Key_B)
    page.finish()
    assert "Thank you, Lan" in page.start_panel.status.text()
    assert not page.people.currentIndex().isValid() and not page.people.selectedIndexes()
    press(qtbot, page, Qt.Key.Key_Return)  # the next person pressing Enter at once opens nobody
    assert page.session.answers is None and page.focusWidget() is page.people
    ops.workbook.close()


@pytest.mark.parametrize("confirmed", [False, True])
def test_someone_elses_saved_answers_open_only_with_the_facilitator(qtbot, round_path, page_for, facilitator,
                                                                    confirmed):
    path, round_id = round_path
    ops = open_ops(path)
    page = page_for(ops, round_id)
    asked, answer = facilitator
    choose(qtbot, page, 0)
    press(qtbot, page, Qt.Key.Key_D)
    page.finish()
    choose(qtbot, page, 1)  # Minh has nothing saved yet: no question
    assert asked == [] and page.session.participant.name == "Minh"
    page.switch_button.click()
    answer[0] = QMessageBox.StandardButton.Yes if confirmed else QMessageBox.StandardButton.No
    choose(qtbot, page, 0)  # Lan's saved answers
    assert len(asked) == 1 and "Lan has saved answers" in asked[0] and "facilitator" in asked[0]
    if confirmed:
        assert page.session.participant.name == "Lan" and page.session.index == 1
        press(qtbot, page, Qt.Key.Key_Left)
        assert page.grade_buttons["D"].isChecked()
    else:
        assert page.session.answers is None and page.stack.currentWidget() is page.start_panel
    ops.workbook.close()
