"""A workbook handed over by the system as a FileOpen event (macOS double-click) opens."""

from PySide6.QtGui import QFileOpenEvent

from rater_desktop.storage import create_workbook
from ui.app import FileOpenHandler
from ui.main_window import MainWindow
from ui.qt import QApplication
from ui.settings import Settings


def test_file_open_event_before_and_after_the_first_paint(qtbot, tmp_path):
    early, late = tmp_path / "early.rater", tmp_path / "late.rater"
    create_workbook(early, "Early Ltd").close()
    create_workbook(late, "Late Ltd").close()
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    pending: list[str] = []
    handler = FileOpenHandler(window, pending)
    QApplication.instance().installEventFilter(handler)
    try:
        QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(early)))
        assert pending == [str(early)] and window.workbook is None  # nothing heavy before the paint
        with qtbot.waitSignal(window.first_painted):
            window.show()
        QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(late)))
        assert window.workbook is not None and window.workbook.organisation() == "Late Ltd"
    finally:
        QApplication.instance().removeEventFilter(handler)
        window.close_workbook()
