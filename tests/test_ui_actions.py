"""The action plan page through its real widgets: dialog by keyboard, filter, sort, edit, delete, undo."""

from __future__ import annotations

import pytest

from rater_desktop import i18n
from rater_desktop.operations import Operations
from rater_desktop.storage import open_workbook
from ui.models.actions import COL_DUE, COL_STATUS, COL_TITLE
from ui.pages.actions import ActionPlanPage
from ui.qt import Qt


@pytest.fixture
def page(qtbot, demo_copy):
    workbook = open_workbook(demo_copy)
    ops = Operations(workbook)
    widget = ActionPlanPage(ops, workbook.latest_assessment_id())
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    workbook.close()


def titles(page) -> list[str]:
    proxy = page.proxy
    return [proxy.data(proxy.index(row, COL_TITLE)) for row in range(proxy.rowCount())]


def test_add_with_the_keyboard_and_a_title_is_required(qtbot, page):
    assert len(titles(page)) == 4
    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.problem.text() == "An action needs a title."
    qtbot.keyClicks(dialog.title, "Weekly check of the allergen folder")
    assert ok.isEnabled()
    qtbot.keyClick(dialog.dimension, Qt.Key.Key_Down)  # (any) -> Reliability
    qtbot.keyClick(dialog.dimension, Qt.Key.Key_Down)  # -> Assurance
    assert dialog.dimension.currentData() == "assurance"
    qtbot.keyClicks(dialog.owner, "Store manager")
    dialog.target.setCurrentIndex(dialog.target.findData("A"))
    with qtbot.waitSignal(page.action_saved) as saved:
        qtbot.keyClick(dialog.owner, Qt.Key.Key_Return)
    stored = {a.id: a for a in page.operations.workbook.actions(page.assessment_id)}[saved.args[0]]
    assert (stored.title, stored.dimension, stored.owner, stored.target_grade, stored.due, stored.status) == (
        "Weekly check of the allergen folder", "assurance", "Store manager", "A", None, "open")
    assert "Weekly check of the allergen folder" in titles(page)
    assert page.selected_action().id == stored.id
    assert page.count.text() == "5 actions"


def test_filter_by_status_dimension_and_text(qtbot, page):
    page.status_filter.setCurrentIndex(page.status_filter.findData("open"))
    assert titles(page) == ["Greet every new customer within ten seconds",
                            "Answer online messages within two hours, seven days a week"]
    assert page.count.text() == "2 of 4 actions shown"
    page.dimension_filter.setCurrentIndex(page.dimension_filter.findData("responsiveness"))
    assert titles(page) == ["Answer online messages within two hours, seven days a week"]
    page.status_filter.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "TILL")
    assert titles(page) == ["Second till from 7:30 to 9:00 on weekdays"]
    page.search.clear()
    page.dimension_filter.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "barista")  # matches the owner column
    assert titles(page) == ["Greet every new customer within ten seconds"]


def test_sort_by_due_date_and_status_by_meaning(qtbot, page):
    page.view.sortByColumn(COL_DUE, Qt.SortOrder.AscendingOrder)
    assert [t.split()[0] for t in titles(page)] == ["Check", "Second", "Greet", "Answer"]  # Jan 15, Jan 31, Feb, Jul
    page.view.sortByColumn(COL_STATUS, Qt.SortOrder.AscendingOrder)
    proxy = page.proxy
    assert [proxy.data(proxy.index(r, COL_STATUS)) for r in range(4)] == ["Open", "Open", "In progress", "Done"]


def test_edit_then_delete_and_undo_both(qtbot, page):
    ops = page.operations
    page.view.sortByColumn(COL_DUE, Qt.SortOrder.AscendingOrder)
    page.view.selectRow(0)  # "Check and restock the toilets ..." (done)
    dialog = page.edit_selected()
    assert dialog.title.text() == "Check and restock the toilets every two hours"
    dialog.title.selectAll()
    qtbot.keyClicks(dialog.title, "Restock the toilets every two hours")
    dialog.status.setCurrentIndex(dialog.status.findData("in_progress"))
    dialog.accept()
    assert titles(page)[0] == "Restock the toilets every two hours"
    assert page.selected_action().status == "in_progress"

    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert "Restock the toilets every two hours" not in titles(page) and page.count.text() == "3 actions"
    ops.undo()
    assert titles(page)[0] == "Restock the toilets every two hours"
    ops.undo()
    assert titles(page)[0] == "Check and restock the toilets every two hours"
    assert page.proxy.data(page.proxy.index(0, COL_STATUS)) == "Done"


def test_new_action_for_a_statement_and_suggestion_prefill(qtbot, page):
    criterion = next(c for c in page.operations.workbook.criteria() if c.dimension == "empathy")
    dialog = page.new_action_for("empathy", criterion.id, "Listen to the end")
    assert dialog.dimension.currentData() == "empathy" and dialog.criterion.currentData() == criterion.id
    assert dialog.title.text() == "Listen to the end"
    dialog.reject()

    chooser = page.suggest()
    assert chooser.model.rowCount() > 0
    idea = chooser.chosen().idea
    assert "Target:" in chooser.detail.text() and idea.target in chooser.detail.text()
    chooser.accept()
    action_dialog = page.dialog
    assert action_dialog.title.text() == idea.title and action_dialog.dimension.currentData() == idea.dimension
    assert idea.target in action_dialog.notes.toPlainText()
    action_dialog.accept()
    assert idea.title in titles(page)


def test_double_clicking_an_action_opens_one_edit_dialog(qtbot, page, monkeypatch):
    from ui.dialogs.action_dialog import ActionDialog

    opened = []
    monkeypatch.setattr(ActionDialog, "open", lambda self: opened.append(self))
    centre = page.view.visualRect(page.proxy.index(0, COL_TITLE)).center()
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert len(opened) == 1 and opened[0] is page.dialog



@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_action_title_keeps_a_readable_width_on_a_laptop_screen(qtbot, demo_copy, lang):
    """At 1300 px the titles were squeezed into 40–70 px ("Second till from…" on three lines) while
    the empty Statement column kept 240: the title now keeps room for its first words, and every column still fits."""
    i18n.set_language(lang)
    workbook = open_workbook(demo_copy)
    try:
        widget = ActionPlanPage(Operations(workbook), workbook.latest_assessment_id())
        qtbot.addWidget(widget)
        widget.resize(1300, 700)
        widget.show()
        qtbot.waitExposed(widget)
        width = widget.view.columnWidth(COL_TITLE)
        assert width >= 200
        assert widget.view.fontMetrics().horizontalAdvance(titles(widget)[0]) < 2 * width  # two lines at most
        assert widget.view.horizontalScrollBar().maximum() == 0  # and the progress column is in sight
    finally:
        workbook.close()
        i18n.set_language("en")
