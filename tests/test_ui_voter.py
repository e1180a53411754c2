"""The locked voter window: pass-the-laptop for people without a phone (DESIGN §10).

Full screen, nothing but the voter's own walk (here a quick round: one grade
per dimension); closing it needs the facilitator's unlock code.
"""

from __future__ import annotations

import pytest

from rater_desktop.operations import Operations
from rater_desktop.sessions.grading import DIMENSION
from rater_desktop.storage import create_workbook, open_workbook
from tests.ui_round_support import press
from ui.pages.workshop import WorkshopPage
from ui.qt import QInputDialog, QPushButton, Qt

CODE = "7531"


@pytest.fixture
def page(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "voter.rater"
    with create_workbook(path, organisation="Test Hotel") as workbook:
        round_id = workbook.latest_assessment_id()
        for name in ("Lan", "Minh"):
            workbook.add_participant(round_id, name)
    ops = Operations(open_workbook(path))
    typed = [CODE]  # what the facilitator types at each prompt, in turn; the last one repeats
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *args, **kwargs: (typed.pop(0) if len(typed) > 1 else typed[0], True))
    workshop_page = WorkshopPage(ops, round_id)
    workshop_page.typed = typed
    qtbot.addWidget(workshop_page)
    qtbot.addWidget(workshop_page.presenter)
    workshop_page.show()
    qtbot.waitExposed(workshop_page)
    yield workshop_page
    ops.workbook.close()


def test_a_quick_round_voter_grades_a_whole_dimension_in_the_locked_window(qtbot, page):
    page.session.set_mode("quick")
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    voter, grading = page.voter, page.grading
    assert voter.isFullScreen() and not page.isVisible() and voter.grading is grading
    step = grading.session.step
    assert step.kind == DIMENSION and grading.grade_panel.dimension_label.text() == "Reliability — as a whole"
    assert grading.grade_panel.hint_a.text().startswith("An A looks like: Promises are kept")
    press(qtbot, grading, Qt.Key.Key_B)
    own = page.operations.workbook.own_answers(page.assessment_id, page.session.handing_to.id)
    assert [(g.dimension, g.grade) for g in own.dimension_grades] == [("reliability", "B")]


def test_leaving_the_locked_window_needs_the_unlock_code(qtbot, page):
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    voter = page.voter
    page.typed[:] = ["wrong", CODE]
    voter.close()  # Alt+F4, the window's close button: the code asked, a wrong one typed
    assert voter.isVisible() and page.voter is voter
    press(qtbot, voter, Qt.Key.Key_Escape)  # Esc only takes the keyboard back to the walk
    assert voter.isVisible()
    qtbot.mouseClick(voter.findChild(QPushButton, "unlockCorner"), Qt.MouseButton.LeftButton)
    assert not voter.isVisible() and page.voter is None and page.isVisible()
    assert page.voting.currentIndex() == 0 and page.session.handing_to is None  # the turn ended early
