"""The action table says which gap each action addresses, and flags overdue actions and reached targets."""

from __future__ import annotations

from datetime import date

import pytest

from rater_desktop.operations import Operations
from rater_desktop.storage import open_workbook
from ui.models.actions import COL_CHECK, COL_GAP, COL_TITLE
from ui.pages.actions import ActionPlanPage


@pytest.fixture
def page(qtbot, demo_copy):
    workbook = open_workbook(demo_copy)
    widget = ActionPlanPage(Operations(workbook), workbook.latest_assessment_id())
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    workbook.close()


def row_of(page, title: str) -> dict[int, str]:
    model = page.model
    row = next(r for r in range(model.rowCount()) if model.index(r, COL_TITLE).data() == title)
    return {column: model.index(row, column).data() for column in (COL_GAP, COL_CHECK)}


def test_each_action_shows_its_dimensions_gap_and_overdue_or_target_flags(page):
    card = page.operations.cards.read(page.assessment_id)[1]
    responsiveness = card.dimension("responsiveness")
    till = row_of(page, "Second till from 7:30 to 9:00 on weekdays")
    gap = f"+{responsiveness.gap:.2f} blind spot"
    assert till[COL_GAP] == gap
    late = (date.today() - date(2026, 1, 31)).days
    if late > 0:  # due 31 Jan 2026 and still in progress
        assert till[COL_CHECK] == f"Overdue by {late} days"
    # target B on empathy, which the team agreed at B this round; due 28 Feb 2026, still open
    assert card.dimension("empathy").consensus == "B"
    greet = row_of(page, "Greet every new customer within ten seconds")[COL_CHECK]
    assert greet.endswith("Target reached (B)")
    assert greet.startswith("Overdue by ") == (date.today() > date(2026, 2, 28))
    # done, target B on tangibles agreed at C: neither late nor reached
    assert row_of(page, "Check and restock the toilets every two hours")[COL_CHECK] == ""


def test_a_new_grade_updates_the_gap_shown(page):
    ops = page.operations
    before = row_of(page, "Second till from 7:30 to 9:00 on weekdays")[COL_GAP]
    person = ops.workbook.participants(page.assessment_id)[0]
    for criterion in ops.workbook.criteria():
        if criterion.dimension == "responsiveness":
            ops.set_grade(person.id, criterion.id, "F")
    assert row_of(page, "Second till from 7:30 to 9:00 on weekdays")[COL_GAP] != before
