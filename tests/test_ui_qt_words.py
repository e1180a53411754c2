"""In a Vietnamese window the buttons Qt draws itself are Vietnamese too.

Qt ships no Vietnamese catalog: before ``ui.qt_words`` every question in a
Vietnamese window asked with English Yes/No, every dialog closed with OK and
Cancel, and the import wizard moved on with "Next >".
"""

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QWizard

from rater_desktop import i18n
from rater_desktop.storage import create_workbook
from ui.dialogs.import_wizard import ImportWizard
from ui.main_window import MainWindow
from ui.qt import QMessageBox
from ui.settings import Settings

Button = QDialogButtonBox.StandardButton


@pytest.fixture
def window(qtbot):
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    yield win
    win.close_workbook()
    i18n.set_language("en")


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

    choose_language(window, "en")
    assert button_texts(QDialogButtonBox(Button.Ok | Button.Cancel)) == ["Cancel", "OK"]
