"""Start the GUI: ``run(argv)`` creates the application and the main window.

Start-up is measured against a bare PySide6 window (tests/benchmarks), so
before the first paint only Qt and light modules are imported; opening a
workbook named on the command line, reopening the last one and loading the
heavy core modules all wait until the window has painted.
"""

from __future__ import annotations

import sys

from rater_desktop import i18n
from ui.dialogs.errors import install_error_reporter
from ui.main_window import APP_TITLE, MainWindow
from ui.qt import QApplication, QEvent, QObject, QTimer
from ui.settings import APPLICATION, ORGANISATION, Settings

QUIT_AFTER_STARTUP = "--quit-after-startup"


class FileOpenHandler(QObject):
    """Opens workbooks the system hands over as FileOpen events.

    macOS delivers a double-clicked ``.rater`` file this way rather than as an
    argument. Before the first paint the path joins the ones to open then, so
    start-up stays light; afterwards it opens at once.
    """

    def __init__(self, window: MainWindow, pending: list[str]) -> None:
        super().__init__(window)
        self._window = window
        self._pending = pending
        self._painted = False
        window.first_painted.connect(self._mark_painted)

    def _mark_painted(self) -> None:
        self._painted = True

    def handle(self, event: QEvent) -> bool:
        """Open (or keep for later) the file of a FileOpen event; False for any other event."""
        if event.type() != QEvent.Type.FileOpen:
            return False
        path = event.file()
        if self._painted:
            self._window.open_path(path)
        else:
            self._pending.append(path)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """For an application made elsewhere (a test's): see its events through a filter."""
        return self.handle(event)


class Application(QApplication):
    """The app's QApplication: FileOpen events, which the system sends to the application object,
    reach the window's :class:`FileOpenHandler` here.

    Not through an event filter on the application: that filter would see every event of every
    object, and handing Qt's private objects (its animation timer) to Python the first time
    builds some 140 enums of classes the window never uses: tens of milliseconds of the window's
    start-up.
    """

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.file_open_handler: FileOpenHandler | None = None

    def event(self, event: QEvent) -> bool:
        handler = self.file_open_handler
        if handler is not None and handler.handle(event):
            return True
        return super().event(event)


def listen_for_file_opens(app: QApplication, handler: FileOpenHandler) -> None:
    """Route the system's FileOpen events to ``handler``, whoever made ``app``."""
    if isinstance(app, Application):
        app.file_open_handler = handler
    else:
        app.installEventFilter(handler)


def run(argv: list[str]) -> int:
    """Show the window until the user quits; returns the process exit code.

    ``argv`` (without the program name) may hold ``--quit-after-startup``
    (exit 0 once the window has painted: the start-up benchmark) and/or the
    path of a workbook to open (what a file manager passes).
    """
    quit_after_startup = QUIT_AFTER_STARTUP in argv
    paths = [arg for arg in argv if not arg.startswith("--")]
    app = QApplication.instance() or Application([sys.argv[0] if sys.argv else APP_TITLE])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName(APP_TITLE)

    settings = Settings()
    language = settings.language()
    if language:
        i18n.set_language(language)
    window = MainWindow(settings)
    listen_for_file_opens(app, FileOpenHandler(window, paths))
    install_error_reporter(window)
    if quit_after_startup:
        # Queued, so the paint that announced itself is finished before quitting.
        window.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    else:
        window.first_painted.connect(lambda: QTimer.singleShot(0, lambda: window.resume(paths)))
    window.show()
    return app.exec()
