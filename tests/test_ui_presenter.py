"""The presenter window: large, high-contrast, full screen on the chosen screen,
and showing nothing but progress while people vote."""

from __future__ import annotations

import pytest

from rater_desktop.scoring import Stat
from rater_desktop.sessions.reveal import Reveal
from ui.presenter import PresenterWindow
from ui.qt import QApplication, QLabel, Qt


def stat(mean: float, grade: str, n: int) -> Stat:
    return Stat(mean=mean, n=n, sd=None, min=mean, max=mean, ci95=None, grade=grade)


SHOWN = Reveal(
    dimension="empathy", voters=4, withheld=False, distribution={"A": 0, "B": 3, "C": 0, "D": 1, "F": 0},
    votes=(1.0, 3.0, 3.0, 3.0), names=(), team=stat(2.5, "B", 4), consensus=None,
    customer=stat(1.4, "D", 40), flag="blind_spot",
)
WITHHELD = Reveal(
    dimension="tangibles", voters=2, withheld=True, distribution={}, votes=(), names=(),
    team=stat(3.5, "A", 2), consensus="B", customer=None, flag=None,
)


@pytest.fixture
def presenter(qtbot):
    window = PresenterWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_voting_shows_progress_and_no_grades(presenter):
    presenter.show_reveal(SHOWN, ("blind_spot",))
    presenter.show_voting(3, 8, "Hoa")
    assert presenter.stack.currentWidget() is presenter.message
    assert presenter.message.text() == "Voting in progress: 3 of 8 done\n\nNow voting: Hoa"
    assert not presenter.panel.isVisible()
    visible = [label.text() for label in presenter.findChildren(QLabel) if label.isVisible()]
    assert visible == ["", "Voting in progress: 3 of 8 done\n\nNow voting: Hoa"]  # the timer line, the message
    presenter.show_voting(8, 8, None)
    assert presenter.message.text() == "Everyone has voted (8 of 8)."
    presenter.show_voting(2, 8, None, phones=5)  # room voting: the phones still at it are counted
    assert presenter.message.text() == "Voting in progress: 2 of 8 done\n\nStill voting on their phones: 5"


def test_reveal_in_large_type_on_dark(presenter):
    presenter.show_reveal(SHOWN, ("disagreement", "blind_spot"))
    panel = presenter.panel
    assert panel.title.text() == "Empathy"
    assert panel.rows["B"][1].text() == "●\u200b●\u200b●  3"
    assert panel.rows["D"][1].text() == "●  1"
    assert panel.rows["A"][1].text() == ""
    assert (panel.team_grade.text(), panel.team.text()) == ("B", "Team\n2.50 of 4")
    assert (panel.customer_grade.text(), panel.customer.text()) == ("D", "Customers\n1.40 of 4")
    assert panel.reasons.text().splitlines() == [
        "The team disagrees: the votes are spread over more than one grade.",
        "Blind spot: the team rates itself higher than the customers do.",
    ]
    for label in presenter.findChildren(QLabel):
        assert label.font().pointSizeF() >= 28
    assert panel.rows["B"][0].font().pointSizeF() >= 48  # the grade letters are huge
    assert panel.team_grade.font().pointSizeF() >= 80
    # White text on a dark background, as drawn (not only as styled).
    image = presenter.grab().toImage()
    corner = image.pixelColor(5, 5)
    assert corner.lightness() < 40
    assert panel.team.palette().color(panel.team.foregroundRole()).lightness() == 255


def test_a_small_group_gets_only_the_mean(presenter):
    presenter.show_reveal(WITHHELD, ())
    panel = presenter.panel
    assert all(not name.isVisible() and not dots.isVisible() for name, dots in panel.rows.values())
    assert panel.withheld.text() == "Fewer than 3 people voted on this dimension, so only the team mean is shown."
    assert (panel.team_grade.text(), panel.team.text()) == ("A", "Team\n3.50 of 4")
    assert (panel.customer_grade.text(), panel.customer.text()) == ("–", "Customers\nno survey data")
    assert panel.consensus.text() == "Agreed grade: B"


def test_full_screen_on_the_chosen_screen_and_escape_leaves(qtbot, presenter):
    screen = QApplication.screens()[-1]
    presenter.show_on(screen)
    qtbot.waitUntil(presenter.isFullScreen)
    assert presenter.screen() is screen
    assert presenter.geometry() == screen.geometry()
    qtbot.keyClick(presenter, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not presenter.isFullScreen())


def test_type_grows_with_a_taller_screen(presenter):
    presenter.show_reveal(SHOWN, ())
    presenter.scale_to(1080)
    assert presenter.panel.team_grade.font().pointSizeF() == pytest.approx(28 * 3.2 * 1.5)
    assert presenter.message.font().pointSizeF() == pytest.approx(28 * 1.5 * 1.5)
    presenter.scale_to(600)  # never smaller than designed
    assert presenter.panel.team.font().pointSizeF() == pytest.approx(28)


def test_names_only_when_the_reveal_carries_them(presenter):
    named = Reveal(
        dimension="empathy", voters=3, withheld=False, distribution={"A": 1, "B": 0, "C": 2, "D": 0, "F": 0},
        votes=(2.0, 2.0, 4.0), names=("Hoa", "Tuan", "Mai"), team=stat(2.67, "B", 3), consensus=None,
        customer=None, flag=None,
    )
    presenter.show_reveal(named, ())
    assert presenter.panel.rows["A"][1].text() == "●  1  (Mai)"
    assert presenter.panel.rows["C"][1].text() == "●\u200b●  2  (Hoa, Tuan)"
    presenter.show_reveal(SHOWN, ())  # anonymous: no names anywhere
    assert presenter.panel.rows["B"][1].text() == "●\u200b●\u200b●  3"
