"""Shared set-up for the grading, results and set-up page tests.

Not a conftest: only the three ``test_ui_*`` files of the assessment pages use
it.  Keys are sent where a real keyboard would send them: to the widget that
has focus inside the page.
"""

from __future__ import annotations

from pathlib import Path

from rater_desktop.operations import Operations
from rater_desktop.storage import create_workbook, open_workbook

PEOPLE = ("Lan", "Minh", "Quang")
CONTEXTS = ("Weekday peak", "After hours")


def make_round(path: Path, *, contexts: tuple[str, ...] = CONTEXTS) -> int:
    """A workbook with the built-in framework, one round, three people and the given time contexts."""
    with create_workbook(path, organisation="Test Bakery") as workbook:
        round_id = workbook.latest_assessment_id()
        for name in PEOPLE:
            workbook.add_participant(round_id, name)
        for name in contexts:
            workbook.add_time_context(round_id, name)
    return round_id


def spring_round_window(qtbot, path: Path):
    """The main window, shown, with a new workbook open whose one round is "Spring review" of 1 April 2026."""
    from ui.main_window import MainWindow
    from ui.settings import Settings

    with create_workbook(path, organisation="Harbour Lights Hotel") as workbook:
        workbook.update_assessment(workbook.latest_assessment_id(), name="Spring review", date="2026-04-01")
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    return window


def open_ops(path: Path) -> Operations:
    return Operations(open_workbook(path))


def press(qtbot, page, key, text: str = "") -> None:
    """One key press on whatever has the keyboard focus inside ``page``."""
    target = page.focusWidget() or page
    qtbot.keyClick(target, key)


def type_text(qtbot, page, text: str) -> None:
    target = page.focusWidget() or page
    qtbot.keyClicks(target, text)
