"""How problems reach the user: one clear sentence in a message box.

The sentence comes from the core (``WorkbookError`` already says what is wrong
in plain words); this module only frames it, so every error looks the same.
The window imports it before its first paint, so the sentence helpers load
when a first error is shown.
"""

from __future__ import annotations

from rater_desktop.i18n import N_
from ui.qt import QWidget


def show_error(parent: QWidget | None, title: str, sentence: str) -> None:
    """A modal warning with ``sentence`` as its whole text."""
    from rater_desktop.sentences import one_line
    from ui.qt import QMessageBox  # slow to hand out, and never needed before the first paint

    QMessageBox.warning(parent, title, one_line(sentence))


LAST_CHANGE_FAILED = N_("The last change could not be completed ({reason}). Everything saved before it is safe.")


def unexpected_error_sentence(error: BaseException) -> str:
    """One sentence for an error no page caught, e.g. a disk that filled up mid-save.

    Sentences the core already words for users pass through; anything else
    says that earlier answers are safe, which holds because each answer is its
    own transaction.
    """
    from rater_desktop.sentences import error_sentence

    return error_sentence(error, unexpected=LAST_CHANGE_FAILED)


def install_error_reporter(parent: QWidget) -> None:
    """Show errors that escape a Qt slot instead of only printing them to a console nobody sees."""
    import sys
    import traceback

    from rater_desktop.i18n import _

    def report(kind, error, trace) -> None:
        traceback.print_exception(kind, error, trace)
        if isinstance(error, Exception):
            show_error(parent, _("Something went wrong"), unexpected_error_sentence(error))

    sys.excepthook = report
