"""The comparison page's survey list: each survey named, and counted or kept aside with one click, undoably."""

import pytest

from rater_desktop import i18n
from rater_desktop.model import SurveyScale, SurveySource
from rater_desktop.operations import Operations
from rater_desktop.storage import create_workbook
from ui.pages.comparison import ComparisonPage
from ui.pages.survey_sources import COL_COUNTED, SurveySourcesModel
from ui.qt import Qt


def add(ops, name, points, high, included):
    aid = ops.workbook.latest_assessment_id()
    return ops.workbook.add_survey(
        aid, source_name=name, file_hash=name, row_count=len(points),
        mapping_toml=f'[scale]\ntype = "numeric"\nmin = 1\nmax = {high}\n', scale_min=1, scale_max=high,
        series={"dim:empathy": points}, included=included)


@pytest.fixture
def ops(tmp_path):
    workbook = create_workbook(tmp_path / "cafe.rater", organisation="Cafe")
    aid = workbook.latest_assessment_id()
    person = workbook.add_participant(aid, "Lan")
    for criterion in workbook.criteria():
        workbook.set_grade(person, criterion.id, "B")
    operations = Operations(workbook)
    add(operations, "fives.csv", [4.0] * 6, 5, True)
    add(operations, "sevens.csv", [0.0] * 4, 7, False)
    yield operations
    workbook.close()
    i18n.set_language("en")


@pytest.fixture
def page(qtbot, ops):
    shown = ComparisonPage(ops, ops.workbook.latest_assessment_id())
    qtbot.addWidget(shown)
    shown.resize(1000, 800)
    shown.show()
    return shown


def cells(model, row):
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_model_passes_qt_model_tester(qtmodeltester):
    model = SurveySourcesModel()
    model.set_sources([SurveySource(1, "a.csv", "2026-04-02T10:00:00", 10, SurveyScale(), True),
                       SurveySource(2, "b.csv", "", 3, SurveyScale("numeric", 0, 10), False)])
    qtmodeltester.check(model, force_py=True)


def test_each_survey_is_listed_with_source_date_rows_scale_and_whether_it_counts(page):
    model = page.sources.model
    assert cells(model, 0)[1:] == ["fives.csv", cells(model, 0)[2], "6", "1–5"]
    assert cells(model, 1)[1:] == ["sevens.csv", cells(model, 1)[2], "4", "1–7"]
    assert [model.index(r, COL_COUNTED).data(Qt.ItemDataRole.CheckStateRole) for r in (0, 1)] == [
        Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    assert page.sources.note.isVisible() and "kept aside" in page.sources.note.text()
    assert page.card.dimension("empathy").customer.n == 6


def test_ticking_a_kept_aside_survey_counts_it_and_undo_puts_it_back(qtbot, page, ops):
    view = page.sources.view
    view.setFocus()
    view.setCurrentIndex(page.sources.model.index(1, COL_COUNTED))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    empathy = page.card.dimension("empathy").customer
    assert (empathy.n, empathy.mean) == (10, pytest.approx(2.4))
    assert ops.workbook.survey_sources(ops.workbook.latest_assessment_id())[1].included
    assert "different scales" in page.sources.note.text()
    assert ops.undo_step.label == "set_survey_included"
    ops.undo()
    assert page.card.dimension("empathy").customer.n == 6
    assert page.sources.model.index(1, COL_COUNTED).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_clicking_the_box_keeps_the_only_counted_survey_aside_and_the_page_says_so(qtbot, page):
    view = page.sources.view
    rect = view.visualRect(page.sources.model.index(0, COL_COUNTED))
    box = rect.topLeft() + (rect.bottomLeft() - rect.topLeft()) / 2
    box.setX(rect.left() + 10)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert page.card.dimension("empathy").customer is None
    assert "Every survey of this round is kept aside" in page.notice.text()
    assert page.tiles["nps"].value.text() == "–"
