"""The welcome page's demo comes in the language the window shows."""

from pathlib import Path

import pytest

from rater_desktop import i18n
from rater_desktop.demo import words
from rater_desktop.paths import data_dir
from ui.main_window import MainWindow
from ui.qt import Qt
from ui.settings import Settings


@pytest.fixture
def vietnamese_window(qtbot):
    i18n.set_language("vi")
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    yield win
    win.close_workbook()
    i18n.set_language("en")


def test_the_demo_opens_in_vietnamese_from_a_vietnamese_window(qtbot, vietnamese_window):
    window = vietnamese_window
    window.show()
    with qtbot.waitSignal(window.workbook_changed, timeout=60_000):
        qtbot.mouseClick(window.welcome_page.demo_button, Qt.MouseButton.LeftButton)
    assert Path(window.workbook.path) == data_dir() / "demo-vi.rater"
    assert window.home_page.heading.text() == words("vi")["organisation"]
    assert not (data_dir() / "demo.rater").exists()  # the English demo is written only when asked for
