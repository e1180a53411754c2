"""Set-up page: people with clear refusals, statements edited after grading, situations on/off."""

from __future__ import annotations

import pytest

from tests.ui_round_support import PEOPLE, make_round, open_ops
from ui.models.framework import COL_SHOWN, COL_TEXT
from ui.pages.setup import RoundSetupPage
from ui.qt import QMessageBox, Qt


@pytest.fixture
def setup(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "setup.rater"
    round_id = make_round(path, contexts=())
    ops = open_ops(path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    page = RoundSetupPage(ops, round_id)
    qtbot.addWidget(page)
    yield page, ops, round_id, shown
    ops.workbook.close()


def names(ops, round_id):
    return [p.name for p in ops.workbook.participants(round_id)]


def test_add_by_keyboard_and_refuse_empty_or_duplicate_names(qtbot, setup):
    page, ops, round_id, shown = setup
    qtbot.keyClicks(page.new_person, "Hoa")
    qtbot.keyClick(page.new_person, Qt.Key.Key_Return)
    assert names(ops, round_id) == [*PEOPLE, "Hoa"]
    qtbot.keyClicks(page.new_person, " Lan ")
    qtbot.keyClick(page.new_person, Qt.Key.Key_Return)
    assert page.new_person.text() == " Lan "  # kept for the user to correct
    qtbot.keyClick(page.new_person, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.new_person, Qt.Key.Key_Backspace)
    qtbot.keyClick(page.new_person, Qt.Key.Key_Return)
    assert names(ops, round_id) == [*PEOPLE, "Hoa"]
    assert "already has a participant called “Lan”" in shown[0]
    assert "needs a name" in shown[1]


def test_rename_in_the_table_refuses_a_duplicate_and_undo_restores(qtbot, setup):
    page, ops, round_id, shown = setup
    model = page.people_model
    assert not model.setData(model.index(1, 0), "Lan")
    assert "already has a participant" in shown[-1]
    assert model.setData(model.index(1, 0), "Person 2")
    assert names(ops, round_id) == ["Lan", "Person 2", "Quang"]
    assert model.data(model.index(1, 0)) == "Person 2"
    page.undo()
    assert names(ops, round_id) == list(PEOPLE)


def test_remove_participant_with_grades_then_undo_brings_the_grades_back(qtbot, setup):
    page, ops, round_id, _shown = setup
    minh = ops.workbook.participants(round_id)[1].id
    first = ops.workbook.criteria()[0].id
    ops.set_grade(minh, first, "B", "ok")
    page.people_view.setCurrentIndex(page.people_model.index(1, 0))
    page.remove_participant()
    assert names(ops, round_id) == ["Lan", "Quang"]
    page.undo()
    assert names(ops, round_id) == list(PEOPLE)
    assert ops.workbook.grades_for(minh)[first].grade == "B"


def test_removing_someone_who_voted_only_on_a_phone_says_their_votes_go_too(qtbot, setup, monkeypatch):
    """A quick round's phone votes are dimension grades, not statement grades: the question said nothing
    about them, and Yes removed them with the person."""
    page, ops, round_id, _shown = setup
    asked = []

    def question(_parent, _title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    minh = ops.workbook.participants(round_id)[1].id
    ops.set_dimension_grade(minh, "empathy", "C")
    page.people_view.setCurrentIndex(page.people_model.index(1, 0))
    qtbot.mouseClick(page.remove_person_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "Their grades and answers are removed too" in asked[0]
    assert names(ops, round_id) == list(PEOPLE)


def test_hide_edit_reorder_and_restore_statements_keep_grades(qtbot, setup):
    page, ops, round_id, _shown = setup
    lan = ops.workbook.participants(round_id)[0].id
    first, second = ops.workbook.criteria()[:2]
    ops.set_grade(lan, first.id, "A")
    model = page.criteria_model
    assert model.setData(model.index(0, COL_SHOWN), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert first.id not in [c.id for c in ops.workbook.criteria()]
    assert ops.workbook.grades_for(lan)[first.id].grade == "A"
    assert model.data(model.index(0, COL_SHOWN), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    page.restore_button.click()
    assert first.id in [c.id for c in ops.workbook.criteria()]
    assert model.setData(model.index(0, COL_TEXT), "Orders arrive when we say they will")
    assert ops.workbook.criteria()[0].text == "Orders arrive when we say they will"
    assert ops.workbook.grades_for(lan)[first.id].grade == "A"
    page.criteria_view.setCurrentIndex(model.index(0, COL_TEXT))
    page.down_button.click()
    assert [c.id for c in ops.workbook.criteria()[:2]] == [second.id, first.id]
    assert not model.setData(model.index(1, COL_TEXT), "   ")


def test_situations_on_adds_the_suggestions_and_off_removes_them(qtbot, setup):
    page, ops, round_id, _shown = setup
    page.contexts_on.click()
    from rater_desktop.framework import default_time_contexts

    assert [c.name for c in ops.workbook.time_contexts(round_id)] == default_time_contexts()
    assert page.contexts_model.rowCount() == len(default_time_contexts())
    page.contexts_on.click()
    assert ops.workbook.time_contexts(round_id) == []


def test_one_ctrl_z_brings_back_every_situation_and_its_grades(qtbot, setup):
    """Stop grading by situation says Ctrl+Z brings the situations back: one Ctrl+Z brought back the last
    of them only, the others and their grades stayed gone until as many more presses."""
    page, ops, round_id, _shown = setup
    page.contexts_on.click()
    contexts = ops.workbook.time_contexts(round_id)
    lan = ops.workbook.participants(round_id)[0].id
    for context in contexts:
        ops.set_context_grade(lan, context.id, "empathy", "B")
    page.contexts_on.click()
    assert ops.workbook.time_contexts(round_id) == [] and not page.contexts_on.isChecked()
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ops.workbook.time_contexts(round_id) == contexts
    assert len(ops.workbook.read_assessment(round_id).context_grades) == len(contexts)
    assert page.contexts_on.isChecked() and page.contexts_model.rowCount() == len(contexts)
    ops.redo()
    assert ops.workbook.time_contexts(round_id) == []


def test_round_name_cannot_be_emptied(qtbot, setup):
    page, ops, round_id, shown = setup
    page.round_name.setText("")
    page._save_round()
    assert "needs a name" in shown[-1]
    assert ops.workbook.assessments()[0].name == "Round 1"
    page.round_name.setText("Spring review")
    page._save_round()
    assert ops.workbook.assessments()[0].name == "Spring review"
