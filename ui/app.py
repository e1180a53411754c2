"""Start the GUI: ``run(argv)`` creates the application and the main window.

Start-up is measured against a bare PySide6 window (tests/benchmarks), so
before the first paint only Qt and light modules are imported; opening a
workbook named on the command line, reopening the last one and loading the
heavy core modules all wait until the window has painted.
"""

from __future__ import annotations

import sys

from rater_desktop import i18n
from ui.main_window import APP_TITLE, MainWindow
from ui.qt import QApplication, QTimer
from ui.settings import APPLICATION, ORGANISATION, Settings

QUIT_AFTER_STARTUP = "--quit-after-startup"


def run(argv: list[str]) -> int:
    """Show the window until the user quits; returns the process exit code.

    ``argv`` (without the program name) may hold ``--quit-after-startup``
    (exit 0 once the window has painted: the start-up benchmark) and/or the
    path of a workbook to open (what a file manager passes).
    """
    quit_after_startup = QUIT_AFTER_STARTUP in argv
    paths = [arg for arg in argv if not arg.startswith("--")]
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_TITLE])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName(APP_TITLE)

    settings = Settings()
    language = settings.language()
    if language:
        i18n.set_language(language)
    window = MainWindow(settings)
    if quit_after_startup:
        # Queued, so the paint that announced itself is finished before quitting.
        window.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    else:
        window.first_painted.connect(lambda: QTimer.singleShot(0, lambda: window.resume(paths)))
    window.show()
    return app.exec()
