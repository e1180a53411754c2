"""The open-workbook view: every page reachable from the window, for the chosen round."""

import shutil

import pytest

from rater_desktop import i18n
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.workbook_view import PAGES


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory, demo_template):
    return shutil.copyfile(demo_template, tmp_path_factory.mktemp("demo") / "demo.rater")


@pytest.fixture
def window(qtbot, demo_file, tmp_path):
    copy = tmp_path / "demo.rater"
    copy.write_bytes(demo_file.read_bytes())
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(copy)
    yield window
    window.close_workbook()


def test_opens_on_the_latest_round_with_every_page_tab(window):
    view = window.workbook_view
    rounds = window.workbook.assessments()
    assert view.assessment_id == rounds[-1].id
    assert view.round_box.count() == len(rounds) == 2
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert titles == ["Overview", "Set-up", "Grading", "Workshop", "Results", "Customers", "Action plan", "Trends"]


def test_round_chooser_shows_the_whole_name_and_the_date_as_the_language_writes_it(window, qtbot):
    """A long Vietnamese round name stays whole in the chooser (it was cut before its date), and the
    date follows the window's language like every other date on screen."""
    view = window.workbook_view
    name = "Đánh giá mùa xuân của chi nhánh Quận Một"
    window.operations.update_assessment(view.assessment_id, name=name)
    qtbot.waitUntil(lambda: view.round_box.currentText() == f"{name} – 1 Apr 2026")
    next(action for action in window.language_group.actions() if action.data() == "vi").trigger()
    try:
        text = view.round_box.currentText()
        assert text == f"{name} – 01/04/2026"
        qtbot.waitUntil(lambda: view.round_box.width() > view.round_box.fontMetrics().horizontalAdvance(text))
    finally:
        i18n.set_language("en")


def test_every_page_builds_for_the_current_round(window, qtbot):
    view = window.workbook_view
    for spec in PAGES:
        page = view.show_page(spec.key)
        assert page is not None, spec.key
        qtbot.waitUntil(page.isVisible)
        if spec.per_round:
            assert getattr(page, "assessment_id", view.assessment_id) == view.assessment_id


def test_choosing_another_round_rebuilds_the_round_pages(window, qtbot):
    view = window.workbook_view
    first, latest = (a.id for a in window.workbook.assessments())
    results_before = view.show_page("results")
    assert len(view.show_page("trends").trend.rounds) == 2
    view.round_box.setCurrentIndex(0)
    view.round_box.activated.emit(0)
    assert view.assessment_id == first
    results_after = view.show_page("results")
    assert results_after is not results_before
    assert getattr(results_after, "assessment_id", first) == first
    trends = view.show_page("trends")
    assert [r.id for r in trends.trend.rounds] == [first], "the trend of an earlier round stays in its time"


def test_starting_a_new_round_from_the_trends_page_selects_it(window, qtbot):
    view = window.workbook_view
    spring = view.assessment_id
    dialog = view.show_page("trends").start_new_round()
    qtbot.keyClicks(dialog.name, "Autumn 2026")
    dialog.date.setDate(dialog.date.date().fromString("2026-10-01", "yyyy-MM-dd"))
    dialog.accept()
    new_id = window.workbook.assessments()[-1].id
    assert new_id != spring
    assert view.assessment_id == new_id and view.round_box.currentData() == new_id
    assert view.show_page("actions").assessment_id == new_id
    assert view.show_page("trends").trend.rounds[-1].id == new_id
    window.undo()
    assert view.assessment_id == spring and view.round_box.currentData() == spring


def test_language_switch_relabels_the_tabs(window):
    window.set_language("vi")
    try:
        view = window.workbook_view
        assert view.tabs.tabText(0) != "Overview"
        assert view.show_page("results") is not None
    finally:
        window.set_language("en")


def test_import_survey_action_opens_the_wizard_on_the_current_round(window, qtbot, monkeypatch):
    from ui.actions import ActionId
    from ui.dialogs.import_wizard import ImportWizard

    opened = []
    monkeypatch.setattr(ImportWizard, "open", lambda self: opened.append(self))
    window.actions[ActionId.IMPORT_SURVEY].trigger()
    assert len(opened) == 1
    wizard = opened[0]
    assert wizard.assessment_id == window.workbook_view.assessment_id
    wizard.imported.emit(1)
    assert window.workbook_view.tabs.currentWidget().objectName() == "customersTab"


def test_help_menu_opens_help_and_about(window, monkeypatch):
    from ui.actions import ActionId
    from ui.dialogs.about import AboutDialog
    from ui.dialogs.help import HelpDialog

    shown = []
    monkeypatch.setattr(HelpDialog, "open", lambda self: shown.append("help"))
    monkeypatch.setattr(AboutDialog, "open", lambda self: shown.append("about"))
    window.actions[ActionId.HELP].trigger()
    window.actions[ActionId.ABOUT].trigger()
    assert shown == ["help", "about"]
    assert window.actions[ActionId.HELP].shortcut().toString() == "F1"


def test_activating_a_round_in_the_overview_opens_its_results(window, qtbot):
    from ui.qt import Qt

    view = window.workbook_view
    table = view.home_page.rounds_view
    first = window.workbook.assessments()[0]
    table.setFocus()
    table.setCurrentIndex(view.home_page.rounds_model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert view.assessment_id == first.id
    assert view.tabs.currentWidget().objectName() == "resultsTab"
    assert view.round_box.currentData() == first.id
