"""The results page: figures from the core, framework edits after grading, consensus, charts."""

from __future__ import annotations

import pytest

from rater_desktop.analysis import report_card
from rater_desktop.model import Consensus
from rater_desktop.storage import open_workbook
from rater_desktop.summary import workbook_summary
from tests.ui_round_support import make_round, open_ops
from ui.models.report_card import COL_CONSENSUS, COL_CRITERION_CONSENSUS, COL_GRADE, COL_MEAN, COL_N
from ui.pages.results import CONSENSUS_CHOICES, ResultsPage
from ui.qt import Qt


@pytest.fixture
def graded(tmp_path):
    """Reliability statements graded: Lan A on all, Minh C on all, Quang B on the first only.

    Per-person reliability scores 4, 2, 3 -> mean 3.00 B, n 3.  Without the
    first statement Quang has nothing left: 4, 2 -> 3.00, n 2.
    """
    path = tmp_path / "graded.rater"
    round_id = make_round(path, contexts=())
    with open_workbook(path) as workbook:
        lan, minh, quang = (p.id for p in workbook.participants(round_id))
        reliability = [c for c in workbook.criteria() if c.dimension == "reliability"]
        for criterion in reliability:
            workbook.set_grade(lan, criterion.id, "A")
            workbook.set_grade(minh, criterion.id, "C")
        workbook.set_grade(quang, reliability[0].id, "B", "queue at lunch")
    ops = open_ops(path)
    yield ops, round_id, reliability
    ops.workbook.close()


def make_page(qtbot, ops, round_id) -> ResultsPage:
    page = ResultsPage(ops, round_id)
    qtbot.addWidget(page)
    return page


def cells(page, row=0):
    model = page.dimensions_model
    return tuple(model.data(model.index(row, col)) for col in (COL_MEAN, COL_GRADE, COL_N, COL_CONSENSUS))


def test_hiding_a_statement_after_grading_drops_it_but_keeps_the_grades(qtbot, graded):
    ops, round_id, reliability = graded
    page = make_page(qtbot, ops, round_id)
    assert cells(page) == ("3.00", "B", "3", "–")
    assert page.criteria_model.rowCount() == len(reliability)
    ops.set_criterion_hidden(reliability[0].id, True)
    assert cells(page) == ("3.00", "B", "2", "–")
    assert page.criteria_model.rowCount() == len(reliability) - 1
    quang = ops.workbook.participants(round_id)[2].id
    assert ops.workbook.grades_for(quang)[reliability[0].id].grade == "B"  # still in the file
    ops.set_criterion_hidden(reliability[0].id, False)
    assert cells(page) == ("3.00", "B", "3", "–")


def test_editing_a_statement_text_keeps_its_grades(qtbot, graded):
    ops, round_id, reliability = graded
    page = make_page(qtbot, ops, round_id)
    ops.update_criterion(reliability[0].id, text="We answer the phone within three rings")
    model = page.criteria_model
    assert model.data(model.index(0, 0)) == "We answer the phone within three rings"
    # first statement: A, C, B -> 3.00 B, n 3
    assert [model.data(model.index(0, col)) for col in (1, 2, 3)] == ["3.00", "B", "3"]
    assert cells(page) == ("3.00", "B", "3", "–")


def test_consensus_is_saved_shown_and_undone(qtbot, graded):
    ops, round_id, _reliability = graded
    page = make_page(qtbot, ops, round_id)
    page.dimensions_view.setCurrentIndex(page.dimensions_model.index(0, 0))
    page.consensus_grade.setCurrentIndex(3)  # C
    page.rationale.setPlainText("Lunch queues drag us down")
    page.apply_consensus()
    assert cells(page)[3] == "C"
    card = report_card(ops.workbook.read_assessment(round_id))
    assert (card.dimensions[0].consensus, card.dimensions[0].consensus_rationale) == ("C", "Lunch queues drag us down")
    assert page.rationale.toPlainText() == "Lunch queues drag us down"
    page.undo()
    assert cells(page)[3] == "–"
    assert report_card(ops.workbook.read_assessment(round_id)).dimensions[0].consensus is None


def statement_consensus(page) -> list[str]:
    model = page.criteria_model
    return [model.data(model.index(row, COL_CRITERION_CONSENSUS)) for row in range(model.rowCount())]


def test_consensus_for_one_statement_is_saved_shown_kept_apart_and_undone(qtbot, graded):
    ops, round_id, reliability = graded
    page = make_page(qtbot, ops, round_id)
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentIndex(1)
    summary_before = workbook_summary(ops.workbook, round_id)
    page.dimensions_view.setCurrentIndex(page.dimensions_model.index(0, 0))
    qtbot.mouseClick(page.single_statement, Qt.MouseButton.LeftButton)
    assert page.single_statement.isChecked()
    assert page.selected_statement().criterion.id == reliability[0].id  # the first statement is taken up at once
    page.criteria_view.setCurrentIndex(page.criteria_model.index(1, 0))
    assert "Consensus for the statement" in page.consensus_heading.text()
    page.consensus_grade.setCurrentIndex(CONSENSUS_CHOICES.index("B"))
    qtbot.mouseClick(page.rationale, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.rationale, "Phone is answered fast")
    qtbot.mouseClick(page.save_consensus, Qt.MouseButton.LeftButton)

    stored = ops.workbook.read_assessment(round_id).consensus
    assert stored == (Consensus("reliability", "B", "Phone is answered fast", reliability[1].id),)
    assert statement_consensus(page) == ["–", "B"] + ["–"] * (len(reliability) - 2)
    assert page.selected_statement().criterion.id == reliability[1].id  # still on the same statement
    assert cells(page) == ("3.00", "B", "3", "–")  # the dimension has no agreed grade of its own
    assert workbook_summary(ops.workbook, round_id) == summary_before

    # Unticked, the form is the dimension's again; a dimension grade sits beside the statement's.
    qtbot.mouseClick(page.single_statement, Qt.MouseButton.LeftButton)
    assert (page.consensus_grade.currentIndex(), page.rationale.toPlainText()) == (0, "")
    page.consensus_grade.setCurrentIndex(CONSENSUS_CHOICES.index("C"))
    qtbot.mouseClick(page.save_consensus, Qt.MouseButton.LeftButton)
    assert cells(page)[3] == "C" and statement_consensus(page)[1] == "B"
    qtbot.mouseClick(page.single_statement, Qt.MouseButton.LeftButton)
    assert page.consensus_grade.currentText() == "B"
    assert page.rationale.toPlainText() == "Phone is answered fast"

    page.undo()
    assert cells(page)[3] == "–" and statement_consensus(page)[1] == "B"
    page.undo()
    assert statement_consensus(page)[1] == "–"
    assert ops.workbook.read_assessment(round_id).consensus == ()
    assert (page.consensus_grade.currentIndex(), page.rationale.toPlainText()) == (0, "")


def test_rationale_without_grade_is_refused_with_a_message(qtbot, graded):
    ops, round_id, _reliability = graded
    page = make_page(qtbot, ops, round_id)
    page.rationale.setPlainText("We could not agree")
    page.apply_consensus()
    assert "Choose the agreed grade" in page.consensus_status.text()
    assert report_card(ops.workbook.read_assessment(round_id)).dimensions[0].consensus is None


def test_charts_are_drawn_only_when_visible_and_show_the_core_specs(qtbot, graded):
    ops, round_id, reliability = graded
    page = make_page(qtbot, ops, round_id)
    assert page.chart_view.spec is None  # nothing drawn while hidden
    page.show()
    qtbot.waitExposed(page)
    spec = page.chart_view.spec
    card = report_card(ops.workbook.read_assessment(round_id))
    assert spec.team == tuple(d.internal.mean if d.internal else None for d in card.dimensions)
    page.chart_choice.setCurrentIndex(1)
    votes = page.chart_view.spec
    # 5 reliability statements: Lan 5×A, Minh 5×C, Quang 1×B; only the first had three voters, and the
    # others' votes are two people's, so they are not counted here either (privacy rule per statement)
    assert len(reliability) == 5 and votes.counts == (1, 1, 1, 0, 0, 0)


def test_readings_name_strongest_and_weakest_in_words(qtbot, graded):
    ops, round_id, reliability = graded
    with_assurance = [c for c in ops.workbook.criteria() if c.dimension == "assurance"]
    lan = ops.workbook.participants(round_id)[0].id
    ops.set_grade(lan, with_assurance[0].id, "F")
    page = make_page(qtbot, ops, round_id)
    text = page.readings.text()
    assert "Strongest dimension in the team's eyes: Reliability (3.00)." in text
    assert "Weakest dimension in the team's eyes: Assurance (0.00)." in text


def test_a_statement_two_people_graded_shows_no_grade_or_votes(qtbot, graded):
    """Quang graded only the first statement: the others are Lan's and Minh's votes alone."""
    ops, round_id, _reliability = graded
    page = make_page(qtbot, ops, round_id)
    model = page.criteria_model
    first = [model.data(model.index(0, col)) for col in range(1, model.columnCount() - 1)]
    second = [model.data(model.index(1, col)) for col in range(1, model.columnCount() - 1)]
    assert first[:3] == ["3.00", "B", "3"] and first[5:] == ["1", "1", "1", "0", "0", "0"]
    assert second == ["–"] * len(second)
    assert "Fewer than three people graded" in model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
