"""While a workshop votes, the rest of the window keeps its answers sealed too, not only the results.

The trends page, the action plan's gaps and the report and data exports would
each show the voting round's running means (with one voter: that person's
answers); they wait for the reveal like the results page.
"""

from __future__ import annotations

import pytest

from rater_desktop.operations import Operations
from rater_desktop.storage import open_workbook
from ui.dialogs import export_dialog
from ui.models.actions import COL_GAP
from ui.pages.actions import ActionPlanPage
from ui.pages.trends import TrendsPage
from ui.qt import QMessageBox


@pytest.fixture
def ops(demo_copy):
    workbook = open_workbook(demo_copy)
    yield Operations(workbook)
    workbook.close()


def start_voting(ops: Operations) -> int:
    """A phone joins the latest round: voting is under way, its results sealed."""
    latest = ops.workbook.latest_assessment_id()
    ops.workshops.of(latest).join(ops.workbook.participants(latest)[0].id)
    return latest


def reveal(ops: Operations, round_id: int) -> None:
    session = ops.workshops.of(round_id)
    session.open_reveal()


def test_trends_leave_out_the_round_being_voted_on_until_the_reveal(qtbot, ops):
    page = TrendsPage(ops)
    qtbot.addWidget(page)
    page.show()
    assert [r.name for r in page.trend.rounds] == ["Autumn review", "Spring review"]
    round_id = start_voting(ops)
    qtbot.waitUntil(lambda: [r.name for r in page.trend.rounds] == ["Autumn review"])
    reveal(ops, round_id)
    qtbot.waitUntil(lambda: len(page.trend.rounds) == 2)


def test_the_action_plan_shows_no_gap_while_the_round_is_voted_on(qtbot, ops):
    page = ActionPlanPage(ops, ops.workbook.latest_assessment_id())
    qtbot.addWidget(page)
    page.show()

    def gaps() -> list[str]:
        return [page.model.data(page.model.index(row, COL_GAP)) for row in range(page.model.rowCount())]

    assert any(gaps())
    start_voting(ops)
    qtbot.waitUntil(lambda: not any(gaps()))


def test_reports_and_exports_wait_for_the_reveal(qtbot, ops, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(title))
    assert not export_dialog.voting_under_way(None, ops) and told == []
    round_id = start_voting(ops)
    assert export_dialog.voting_under_way(None, ops) and told == ["Voting under way"]
    reveal(ops, round_id)
    assert not export_dialog.voting_under_way(None, ops)
