"""The main window: welcome page, opening workbooks, recent files, layout, language, errors.

Every dialog is replaced with monkeypatch so nothing modal ever blocks, and
settings live in the per-test RATER_CONFIG_DIR (tests/conftest.py).
"""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QWizard

from rater_desktop import i18n
from rater_desktop.storage import create_workbook, open_workbook
from ui.actions import ActionId
from ui.dialogs.import_wizard import ImportWizard
from ui.main_window import MainWindow
from ui.models.rounds import COL_CUSTOMER, COL_NAME, COL_TEAM
from ui.qt import QFileDialog, QInputDialog, QMessageBox, QSize, Qt
from ui.settings import Settings


def make_workbook(path: Path) -> Path:
    """Two rounds with hand-picked grades.

    Autumn: both people grade every criterion C -> mean 2.0 -> C.
    Spring: one grades all A (4), one all C (2) -> mean 3.0 -> B.
    No customer survey in either round -> no customer grade.
    """
    with create_workbook(path, organisation="Harbour Lights Hotel") as workbook:
        autumn = workbook.latest_assessment_id()
        workbook.update_assessment(autumn, name="Autumn review", date="2025-10-01")
        spring = workbook.add_assessment("Spring review", "2026-04-01")
        criteria = workbook.criteria()
        for assessment_id, letters in ((autumn, ("C", "C")), (spring, ("A", "C"))):
            for number, letter in enumerate(letters):
                person = workbook.add_participant(assessment_id, f"Person {number + 1}")
                for criterion in criteria:
                    workbook.set_grade(person, criterion.id, letter)
    return path


@pytest.fixture
def workbook_path(tmp_path):
    return make_workbook(tmp_path / "harbour.rater")


@pytest.fixture
def window(qtbot):
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    yield win
    win.close_workbook()


@pytest.fixture
def errors(monkeypatch):
    """Every message box the window shows, as (title, text), instead of a modal dialog."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


def table(win: MainWindow) -> list[list[str]]:
    model = win.home_page.rounds_view.model()
    return [
        [model.index(row, col).data(Qt.ItemDataRole.DisplayRole) for col in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_first_run_shows_welcome_with_demo_offered(window):
    window.show()
    assert window.stack.currentWidget() is window.welcome_page
    assert window.welcome_page.demo_button.isVisible()
    assert window.welcome_page.demo_button.text() == "Open the demo workshop"
    assert window.welcome_page.demo_button.isDefault()
    assert window.welcome_page.no_recent_label.isVisible()
    assert not window.welcome_page.recent_view.isVisible()
    assert window.windowTitle() == "RATER Report Card"
    assert not window.actions[ActionId.CLOSE].isEnabled()


def test_open_shows_home_page_with_rounds_and_grades(window, workbook_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(workbook_path), ""))
    window.show()
    window.actions[ActionId.OPEN].trigger()
    assert window.stack.currentWidget() is window.workbook_view
    assert window.windowTitle() == "harbour.rater — RATER Report Card"
    assert window.home_page.heading.text() == "Harbour Lights Hotel"
    assert table(window) == [
        ["Autumn review", "1 Oct 2025", "2", "C", "—"],
        ["Spring review", "1 Apr 2026", "2", "B", "—"],
    ]
    assert "Spring review" in window.home_page.summary.text()
    assert "is B." in window.home_page.summary.text()


def test_close_returns_to_the_welcome_page(window, workbook_path):
    assert window.open_path(workbook_path)
    window.actions[ActionId.CLOSE].trigger()
    assert window.workbook is None
    assert window.stack.currentWidget() is window.welcome_page
    assert window.windowTitle() == "RATER Report Card"


def test_recent_files_are_remembered_by_a_new_window(qtbot, window, workbook_path, tmp_path):
    other = make_workbook(tmp_path / "second.rater")
    window.open_path(workbook_path)
    window.open_path(other)
    window.close()

    again = MainWindow(Settings())
    qtbot.addWidget(again)
    recent = again.welcome_page.recent_model
    assert [recent.index(r, 0).data() for r in range(recent.rowCount())] == ["second.rater", "harbour.rater"]
    menu_texts = [action.text() for action in again.recent_menu.actions()]
    assert menu_texts == ["&1 second.rater", "&2 harbour.rater"]

    again.recent_menu.actions()[1].trigger()
    assert again.workbook is not None and Path(again.workbook.path).name == "harbour.rater"
    again.close_workbook()


def test_activating_a_recent_entry_on_the_welcome_page_opens_it(window, workbook_path):
    window.settings.add_recent_file(workbook_path)
    window._refresh_recent(window.settings.recent_files())
    view = window.welcome_page.recent_view
    view.activated.emit(window.welcome_page.recent_model.index(0, 0))
    assert window.stack.currentWidget() is window.workbook_view


def test_geometry_is_restored(qtbot, window):
    # Smaller than the offscreen screen (800x600), which would clamp a restore.
    window.show()
    window.resize(640, 480)
    window.close()

    again = MainWindow(Settings())
    qtbot.addWidget(again)
    assert again.size() == QSize(640, 480)


def test_language_switch_relabels_live_and_persists(qtbot, window, workbook_path):
    window.open_path(workbook_path)
    assert window.file_menu.title() == "&File"
    vietnamese = next(a for a in window.language_group.actions() if a.data() == "vi")
    try:
        vietnamese.trigger()
        assert window.file_menu.title() == "&Tệp"
        assert window.actions[ActionId.OPEN].text() == i18n._("&Open…") != "&Open…"
        header = window.home_page.rounds_view.model().headerData(COL_TEAM, Qt.Orientation.Horizontal)
        assert header == i18n._("Team grade") != "Team grade"
        assert table(window)[1][1] == "01/04/2026"
        assert vietnamese.isChecked()
        assert Settings().language() == "vi"
        assert window.welcome_page.demo_button.text() == "Mở buổi đánh giá mẫu"
    finally:
        i18n.set_language("en")


def test_damaged_file_gets_one_sentence_and_is_left_unchanged(window, workbook_path, tmp_path, errors):
    damaged = tmp_path / "damaged.rater"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    before = damaged.read_bytes()
    window.open_path(workbook_path)

    assert window.open_path(damaged) is False

    assert len(errors) == 1
    sentence = errors[0][1]
    assert "damaged.rater" in sentence
    assert "\n" not in sentence and sentence.endswith(".") and sentence.count(". ") == 0
    assert damaged.read_bytes() == before
    # Nothing else changed: the open workbook is still open and shown.
    assert Path(window.workbook.path).name == "harbour.rater"
    assert window.stack.currentWidget() is window.workbook_view
    assert str(damaged.resolve()) not in window.settings.recent_files()


def test_missing_recent_file_is_reported_and_dropped(window, workbook_path, errors):
    window.open_path(workbook_path)
    window.close_workbook()
    workbook_path.unlink()

    window.recent_menu.actions()[0].trigger()

    assert len(errors) == 1 and "harbour.rater" in errors[0][1]
    assert window.settings.recent_files() == []
    assert window.welcome_page.recent_model.rowCount() == 0
    assert not window.recent_menu.isEnabled()


def test_new_workbook_asks_for_file_and_organisation(window, tmp_path, monkeypatch):
    target = tmp_path / "new-client"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  Corner Pharmacy ", True))
    window.welcome_page.new_button.click()
    assert Path(window.workbook.path).name == "new-client.rater"
    assert window.home_page.heading.text() == "Corner Pharmacy"
    assert [row[COL_NAME] for row in table(window)] == ["Round 1"]
    assert table(window)[0][COL_CUSTOMER] == "—"


def test_a_new_workbook_opens_on_set_up_whatever_tab_was_shown(window, workbook_path, tmp_path, monkeypatch):
    window.open_path(workbook_path)
    window.workbook_view.show_page("actions")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "fresh.rater"), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Corner Pharmacy", True))
    window.actions[ActionId.NEW].trigger()
    assert Path(window.workbook.path).name == "fresh.rater"
    assert window.workbook_view.tabs.currentWidget().objectName() == "setupTab"


def test_save_a_copy_writes_a_workbook_that_opens(window, workbook_path, tmp_path, monkeypatch):
    copy = tmp_path / "copy.rater"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    window.open_path(workbook_path)
    window.actions[ActionId.SAVE_COPY_AS].trigger()
    with open_workbook(copy, read_only=True) as reopened:
        assert reopened.organisation() == "Harbour Lights Hotel"
        assert [a.name for a in reopened.assessments()] == ["Autumn review", "Spring review"]
    # The window keeps working on the original, not the copy.
    assert Path(window.workbook.path).name == "harbour.rater"


def test_resume_reopens_the_workbook_open_at_last_quit(qtbot, window, workbook_path):
    window.open_path(workbook_path)
    window.close()

    again = MainWindow(Settings())
    qtbot.addWidget(again)
    assert again.workbook is None  # nothing is opened before the first paint
    again.resume([])
    assert Path(again.workbook.path).name == "harbour.rater"
    again.close_workbook()


def test_demo_button_writes_the_demo_off_the_gui_thread_and_opens_it(qtbot, window):
    from rater_desktop.demo import words
    from rater_desktop.paths import data_dir

    window.show()
    with qtbot.waitSignal(window.workbook_changed, timeout=60_000):
        qtbot.mouseClick(window.welcome_page.demo_button, Qt.MouseButton.LeftButton)
        assert not window.welcome_page.demo_button.isEnabled()  # busy while the worker writes
    assert Path(window.workbook.path) == data_dir() / "demo.rater"
    assert window.home_page.heading.text() == words("en")["organisation"]
    assert len(table(window)) == 2
    assert window.welcome_page.demo_button.isEnabled()


def test_changes_through_operations_refresh_the_home_page_and_undo(window, workbook_path):
    window.open_path(workbook_path)
    assert not window.actions[ActionId.UNDO].isEnabled()
    autumn = window.workbook.assessments()[0].id
    window.operations.update_assessment(autumn, name="Autumn check")
    assert table(window)[0][COL_NAME] == "Autumn check"
    assert window.actions[ActionId.UNDO].isEnabled()

    window.actions[ActionId.UNDO].trigger()
    assert table(window)[0][COL_NAME] == "Autumn review"
    assert window.workbook.assessments()[0].name == "Autumn review"
    assert window.actions[ActionId.REDO].isEnabled()
    window.actions[ActionId.REDO].trigger()
    assert table(window)[0][COL_NAME] == "Autumn check"


def test_import_offer_reopens_the_most_recent_workbook_then_starts_the_import(
    qtbot, window, workbook_path, tmp_path, monkeypatch
):
    from ui.dialogs.import_wizard import ImportWizard

    other = make_workbook(tmp_path / "second.rater")
    window.open_path(other)
    window.open_path(workbook_path)
    window.close_workbook()
    opened = []
    monkeypatch.setattr(ImportWizard, "open", lambda self: opened.append(self.parent()))
    window.show()
    qtbot.mouseClick(window.welcome_page.import_button, Qt.MouseButton.LeftButton)
    assert Path(window.workbook.path).name == "harbour.rater"
    assert opened == [window]
    assert window.welcome_page.import_button.text() == "Import customer survey…"


def test_import_offer_without_recent_files_asks_for_a_new_workbook_first(window, tmp_path, monkeypatch):
    from ui.dialogs.import_wizard import ImportWizard

    target = tmp_path / "fresh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Corner Pharmacy", True))
    opened = []
    monkeypatch.setattr(ImportWizard, "open", lambda self: opened.append(self.parent()))
    window.welcome_page.import_button.click()
    assert Path(window.workbook.path) == tmp_path / "fresh.rater"
    assert opened == [window]


def test_import_offer_cancelled_at_the_file_dialog_opens_nothing(window, monkeypatch):
    from ui.dialogs.import_wizard import ImportWizard

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    opened = []
    monkeypatch.setattr(ImportWizard, "open", lambda self: opened.append(self))
    window.welcome_page.import_button.click()
    assert window.workbook is None
    assert opened == []


@pytest.mark.parametrize("answer", ["Yes", "No"])
def test_a_workbook_in_a_read_only_place_is_offered_read_only(qtbot, tmp_path, monkeypatch, answer):
    import os

    import rater_desktop.storage.opening as opening

    path = make_workbook(tmp_path / "shared.rater")
    before = path.read_bytes()
    real_access = os.access
    # as root nothing is read-only, so the permission check is what we change
    monkeypatch.setattr(opening.os, "access", lambda p, mode: mode != os.W_OK and real_access(p, mode))
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    opened = window.open_path(path)
    assert len(asked) == 1 and "read-only" in asked[0]
    if answer == "Yes":
        assert opened and window.workbook.read_only
        assert "(read-only)" in window.windowTitle()
        window.close_workbook()
    else:
        assert not opened and window.workbook is None
    assert path.read_bytes() == before


# Qt ships no Vietnamese catalog: before ui.qt_words every question in a Vietnamese window asked with
# English Yes/No, every dialog closed with OK and Cancel, and the import wizard moved on with "Next >".
Button = QDialogButtonBox.StandardButton


def choose_language(window: MainWindow, code: str) -> None:
    """View → Language → the language, as the user picks it."""
    next(a for a in window.language_group.actions() if a.data() == code).trigger()


def button_texts(buttons: QDialogButtonBox | QMessageBox) -> list[str]:
    return sorted(button.text() for button in buttons.buttons())


def test_standard_and_wizard_buttons_follow_the_window_language(qtbot, window, tmp_path):
    path = tmp_path / "shop.rater"
    create_workbook(path, organisation="Shop").close()
    assert window.open_path(path)

    choose_language(window, "vi")
    try:
        check_vietnamese_buttons(qtbot, window)
    finally:
        choose_language(window, "en")
    assert button_texts(QDialogButtonBox(Button.Ok | Button.Cancel)) == ["Cancel", "OK"]


def check_vietnamese_buttons(qtbot, window: MainWindow) -> None:
    question = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                           window)
    assert button_texts(question) == ["&Có", "&Không"]
    assert button_texts(QDialogButtonBox(Button.Ok | Button.Cancel)) == ["Hủy", "Đồng ý"]
    wizard = ImportWizard(window.operations, window.workbook_view.assessment_id, window)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(wizard.isVisible)
    buttons = [wizard.button(which).text() for which in (
        QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton, QWizard.WizardButton.CancelButton)]
    assert buttons == ["< &Quay lại", "&Tiếp >", "Hủy"]
    wizard.close()
