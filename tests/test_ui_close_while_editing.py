"""Closing a workbook, or quitting, while a Set-up field is being typed in: the edit is saved, nothing
is written to the closed file, and nothing goes wrong (a teardown crash found this)."""

from __future__ import annotations

import pytest

from rater_desktop.storage import open_workbook
from tests.ui_round_support import spring_round_window
from ui.qt import Qt


@pytest.fixture
def window(qtbot, tmp_path):
    win = spring_round_window(qtbot, tmp_path / "harbour.rater")
    win.activateWindow()
    qtbot.waitActive(win)
    yield win
    win.close_workbook()


def setup_page(window):
    page = window.workbook_view.show_page("setup")
    assert page is window.workbook_view.pages["setup"]
    return page


def end(window, how: str) -> None:
    if how == "close":
        window.close_workbook()
    else:
        window.close()


def stored_round(path):
    with open_workbook(path, read_only=True) as workbook:
        return workbook.assessments()[-1]


@pytest.mark.parametrize("how", ["close", "quit"])
def test_a_round_name_being_typed_is_saved_when_the_workbook_closes(qtbot, window, how):
    path = window.workbook.path
    page = setup_page(window)
    qtbot.mouseClick(page.round_name, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.round_name, Qt.Key.Key_End)
    qtbot.keyClicks(page.round_name, " (draft)")
    assert page.round_name.hasFocus()
    end(window, how)
    assert window.workbook is None
    assert stored_round(path).name == "Spring review (draft)"


@pytest.mark.parametrize("how", ["close", "quit"])
def test_a_round_date_being_changed_is_saved_when_the_workbook_closes(qtbot, window, how):
    path = window.workbook.path
    page = setup_page(window)
    page.round_date.setFocus()
    qtbot.waitUntil(page.round_date.hasFocus)
    qtbot.keyClick(page.round_date, Qt.Key.Key_Up)
    shown = page.round_date.date().toString("yyyy-MM-dd")
    assert shown != "2026-04-01"
    end(window, how)
    assert stored_round(path).date == shown


def test_a_participant_being_renamed_in_the_table_is_saved_when_the_workbook_closes(qtbot, window):
    path = window.workbook.path
    window.operations.add_participant(window.workbook_view.assessment_id, "Lan")
    page = setup_page(window)
    view = page.people_view
    view.setFocus()
    view.setCurrentIndex(page.people_model.index(0, 0))
    view.edit(view.currentIndex())
    editor = view.focusWidget()
    assert editor is not view and editor.hasFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Lan Anh")
    window.close_workbook()
    with open_workbook(path, read_only=True) as workbook:
        assert [p.name for p in workbook.participants(workbook.latest_assessment_id())] == ["Lan Anh"]
