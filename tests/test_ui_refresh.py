"""Only what is seen refreshes (issue 13): a grade given on the Grading tab leaves the hidden
Results and Customers pages stale until they are shown, the page that gave it does not redo
itself, charts are drawn only when shown and changed, and Edit → Undo says what it takes back.
"""

from __future__ import annotations

import pytest
import shiboken6

from rater_desktop.analysis import report_card
from ui.actions import ActionId
from ui.main_window import MainWindow
from ui.qt import QMessageBox, Qt
from ui.settings import Settings


@pytest.fixture
def window(qtbot, demo_copy, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)  # the facilitator
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.resize(1100, 750)
    window.show()
    assert window.open_path(demo_copy)
    yield window
    window.close_workbook()


def visit(qtbot, window, key: str):
    page = window.workbook_view.show_page(key)
    qtbot.waitUntil(page.isVisible)
    return page


def grade_first_statement(qtbot, window, key=Qt.Key.Key_F):
    page = visit(qtbot, window, "grading")
    if page.session.answers is None:
        page.people.setFocus()
        qtbot.keyClick(page.people, Qt.Key.Key_Home)
        qtbot.keyClick(page.people, Qt.Key.Key_Return)
        page.go_to(0)
    qtbot.keyClick(page, key)
    return page


def test_hidden_pages_wait_until_shown_and_then_show_the_change(qtbot, window):
    results, customers = visit(qtbot, window, "results"), visit(qtbot, window, "customers")
    cards_before = results.card, customers.card
    page = grade_first_statement(qtbot, window)
    assert (results.stale, customers.stale) == (True, True)
    assert (results.card, customers.card) == cards_before  # nothing recomputed behind the scenes
    round_id = window.workbook_view.assessment_id
    expected = report_card(window.workbook.read_assessment(round_id)).dimension("reliability").internal
    assert expected != cards_before[0].dimension("reliability").internal
    visit(qtbot, window, "results")
    assert not results.stale and results.card.dimension("reliability").internal == expected
    assert customers.stale  # still hidden
    visit(qtbot, window, "customers")
    assert customers.card.dimension("reliability").internal == expected
    assert page.session.answers.grades[page.session.steps[0].criterion.id][0] == "F"


def test_the_page_that_gives_a_grade_does_not_read_itself_again(qtbot, window, monkeypatch):
    page = grade_first_statement(qtbot, window, Qt.Key.Key_B)
    reads = []
    monkeypatch.setattr(page, "refresh", lambda: reads.append("refresh"))
    monkeypatch.setattr(page.session, "reload", lambda: reads.append("reload"))
    qtbot.keyClick(page, Qt.Key.Key_C)
    assert reads == [] and page.grade_buttons["C"].isChecked()


def test_charts_are_drawn_when_shown_and_only_when_changed(qtbot, window):
    results = visit(qtbot, window, "results")
    qtbot.waitUntil(results.chart_view.drawn, timeout=15_000)
    drawn = results.chart_view.renders
    grade_first_statement(qtbot, window, Qt.Key.Key_F)
    visit(qtbot, window, "actions")
    assert results.chart_view.renders == drawn  # hidden: nothing drawn
    visit(qtbot, window, "results")
    qtbot.waitUntil(results.chart_view.drawn, timeout=15_000)
    assert results.chart_view.renders == drawn + 1  # shown and changed: drawn once
    visit(qtbot, window, "grading")
    visit(qtbot, window, "results")
    qtbot.waitUntil(results.chart_view.drawn, timeout=15_000)
    assert results.chart_view.renders == drawn + 1  # shown but unchanged: not drawn again


def test_undo_and_redo_say_what_they_take_back(qtbot, window):
    undo, redo = window.actions[ActionId.UNDO], window.actions[ActionId.REDO]
    page = grade_first_statement(qtbot, window, Qt.Key.Key_B)
    name = page.session.participant.name
    assert undo.text() == f"&Undo grade B for {name}" and redo.text() == "&Redo"
    undo.trigger()
    assert redo.text() == f"&Redo grade B for {name}"
    window.set_language("vi")
    assert redo.text() == f"&Làm lại điểm B cho {name}"


def test_closing_the_window_after_every_tab_was_shown_closes_cleanly(qtbot, window):
    """Closing used to raise RuntimeError from a lambda closing the already deleted presenter window."""
    view = window.workbook_view
    for key in ("setup", "grading", "workshop", "results", "customers", "actions", "trends"):
        visit(qtbot, window, key)
    presenter = view.pages["workshop"].presenter
    presenter.show()
    qtbot.waitExposed(presenter)
    window.close()
    assert window.workbook is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(presenter))  # went with its page, nothing raised
