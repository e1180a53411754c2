"""The trends page over the demo's two rounds, and starting a new round from it."""

from __future__ import annotations

import pytest

from rater_desktop.operations import Operations
from rater_desktop.storage import open_workbook
from ui.pages.trends import TrendsPage
from ui.qt import Qt


@pytest.fixture
def page(qtbot, demo_copy):
    workbook = open_workbook(demo_copy)
    widget = TrendsPage(Operations(workbook))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    workbook.close()


def cell(page, row: int, column: int) -> str:
    return page.model.data(page.model.index(row, column))


def test_shows_both_demo_rounds_in_chart_and_table(page):
    model = page.model
    assert model.rowCount() == 6 and model.columnCount() == 6  # dimension, 2 x (team, customers), change
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Autumn review\nTeam"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Spring review\nCustomers"
    assert cell(page, 0, 0) == "Overall"
    assert cell(page, 1, 2) == "C (2.01)"  # the autumn survey's reliability
    reliability = page.trend.dimension("reliability")
    assert reliability.team_change.direction == "improved"
    assert cell(page, 1, 5).startswith("Team: up ") and "since Autumn review" in cell(page, 1, 5)
    spec = page.chart.spec
    assert spec.rounds[0].startswith("Autumn review") and spec.rounds[1].startswith("Spring review")
    assert spec.team == tuple(p.mean for p in page.trend.overall.team)
    page.table.selectRow(4)  # empathy
    assert page.chosen_key() == "empathy" and page.chart.spec.title == "Empathy over the rounds"


def test_start_a_new_round_copies_and_checks_the_carried_actions(qtbot, page):
    ops = page.operations
    spring = ops.workbook.latest_assessment_id()
    dialog = page.start_new_round()
    qtbot.keyClicks(dialog.name, "Autumn 2026")
    dialog.date.setDate(dialog.date.date().fromString("2026-10-01", "yyyy-MM-dd"))
    with qtbot.waitSignal(page.round_started) as started:
        dialog.accept()
    new_id = started.args[0]
    carried = ops.workbook.actions(new_id)
    assert [a.status for a in carried] == ["in_progress", "open", "open"]  # the done one stays behind
    assert all(a.notes.endswith("Carried over from “Spring review”.") for a in carried)
    assert page.model.columnCount() == 8
    assert "Actions from “Spring review”, checked against “Autumn 2026”:" == page.checks_heading.text()
    assert page.checks.text().count("Not graded in this round yet.") == 4  # all four, done one included
    ops.undo()
    assert [a.id for a in ops.workbook.assessments()][-1] == spring
    assert page.model.columnCount() == 6
