"""Errors that escape a page reach the user as one sentence, not only a console traceback."""

import sqlite3
import sys

import ui.dialogs.errors as errors
from rater_desktop.storage import NotAWorkbookError


def test_escaped_errors_are_shown_as_one_sentence(qtbot, monkeypatch):
    from ui.qt import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    shown = []
    monkeypatch.setattr(errors, "show_error", lambda p, title, sentence: shown.append((p, sentence)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    errors.install_error_reporter(parent)
    disk = sqlite3.OperationalError("disk I/O error")
    sys.excepthook(type(disk), disk, None)
    refused = NotAWorkbookError("“x.rater” is not a RATER workbook.")
    sys.excepthook(type(refused), refused, None)
    assert shown == [
        (parent, "The last change could not be completed (OperationalError: disk I/O error). "
                 "Everything saved before it is safe."),
        (parent, "“x.rater” is not a RATER workbook."),
    ]
