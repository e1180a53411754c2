"""Qt's own words — standard buttons, the wizard's buttons, the file dialog — in the app's language.

Qt draws OK, Cancel, Yes, No, "< Back", "Next >", a field's edit menu and the file dialog's labels
itself and asks its translators for them; Qt ships no Vietnamese catalog, so a
Vietnamese window showed English buttons under every question.  One
translator, installed on the application, answers those requests from our own
catalog (message context "Qt", so "Open" the button stays apart from "Open" the
action status) and follows the language switch at once, because it asks
:func:`~rater_desktop.i18n.pgettext` on every request.
"""

from __future__ import annotations

from collections.abc import Callable

from rater_desktop.i18n import pgettext
from ui.qt import QApplication, QTranslator

TRANSLATOR_NAME = "raterQtWords"

QT_WORDS: dict[tuple[str, str], Callable[[], str]] = {
    # standard buttons of message boxes and dialogs (QDialogButtonBox)
    ("QPlatformTheme", "OK"): lambda: pgettext("Qt", "OK"),
    ("QPlatformTheme", "Cancel"): lambda: pgettext("Qt", "Cancel"),
    ("QPlatformTheme", "&Yes"): lambda: pgettext("Qt", "&Yes"),
    ("QPlatformTheme", "&No"): lambda: pgettext("Qt", "&No"),
    ("QPlatformTheme", "Close"): lambda: pgettext("Qt", "Close"),
    ("QPlatformTheme", "Open"): lambda: pgettext("Qt", "Open"),
    ("QPlatformTheme", "Save"): lambda: pgettext("Qt", "Save"),
    ("QPlatformTheme", "Apply"): lambda: pgettext("Qt", "Apply"),
    ("QPlatformTheme", "Reset"): lambda: pgettext("Qt", "Reset"),
    ("QPlatformTheme", "Discard"): lambda: pgettext("Qt", "Discard"),
    ("QPlatformTheme", "Help"): lambda: pgettext("Qt", "Help"),
    ("QPlatformTheme", "Restore Defaults"): lambda: pgettext("Qt", "Restore Defaults"),
    # the import wizard's buttons (QWizard)
    ("QWizard", "< &Back"): lambda: pgettext("Qt", "< &Back"),
    ("QWizard", "&Next >"): lambda: pgettext("Qt", "&Next >"),
    ("QWizard", "&Finish"): lambda: pgettext("Qt", "&Finish"),
    ("QWizard", "Cancel"): lambda: pgettext("Qt", "Cancel"),
    ("QWizard", "Commit"): lambda: pgettext("Qt", "Commit"),
    ("QWizard", "Help"): lambda: pgettext("Qt", "Help"),
    # the edit menu of text fields (QLineEdit, and multi-line fields through QWidgetTextControl) and number fields
    ("QLineEdit", "&Undo"): lambda: pgettext("Qt", "&Undo"),
    ("QLineEdit", "&Redo"): lambda: pgettext("Qt", "&Redo"),
    ("QLineEdit", "Cu&t"): lambda: pgettext("Qt", "Cu&t"),
    ("QLineEdit", "&Copy"): lambda: pgettext("Qt", "&Copy"),
    ("QLineEdit", "&Paste"): lambda: pgettext("Qt", "&Paste"),
    ("QLineEdit", "Delete"): lambda: pgettext("Qt", "Delete"),
    ("QLineEdit", "Select All"): lambda: pgettext("Qt", "Select All"),
    ("QWidgetTextControl", "&Undo"): lambda: pgettext("Qt", "&Undo"),
    ("QWidgetTextControl", "&Redo"): lambda: pgettext("Qt", "&Redo"),
    ("QWidgetTextControl", "Cu&t"): lambda: pgettext("Qt", "Cu&t"),
    ("QWidgetTextControl", "&Copy"): lambda: pgettext("Qt", "&Copy"),
    ("QWidgetTextControl", "&Paste"): lambda: pgettext("Qt", "&Paste"),
    ("QWidgetTextControl", "Delete"): lambda: pgettext("Qt", "Delete"),
    ("QWidgetTextControl", "Select All"): lambda: pgettext("Qt", "Select All"),
    ("QAbstractSpinBox", "&Select All"): lambda: pgettext("Qt", "&Select All"),
    ("QAbstractSpinBox", "&Step up"): lambda: pgettext("Qt", "&Step up"),
    ("QAbstractSpinBox", "Step &down"): lambda: pgettext("Qt", "Step &down"),
    # the file dialog where the system offers none of its own
    ("QFileDialog", "&Look in:"): lambda: pgettext("Qt", "&Look in:"),
    ("QFileDialog", "File &name:"): lambda: pgettext("Qt", "File &name:"),
    ("QFileDialog", "Files of &type:"): lambda: pgettext("Qt", "Files of &type:"),
    ("QFileDialog", "&Open"): lambda: pgettext("Qt", "&Open"),
    ("QFileDialog", "&Save"): lambda: pgettext("Qt", "&Save"),
    ("QFileDialog", "Open"): lambda: pgettext("Qt", "Open"),
    ("QFileDialog", "Save As"): lambda: pgettext("Qt", "Save As"),
    ("QFileDialog", "All Files (*)"): lambda: pgettext("Qt", "All Files (*)"),
    ("QFileDialog", "Back"): lambda: pgettext("Qt", "Back"),
    ("QFileDialog", "Forward"): lambda: pgettext("Qt", "Forward"),
    ("QFileDialog", "Parent Directory"): lambda: pgettext("Qt", "Parent Directory"),
    ("QFileDialog", "Create New Folder"): lambda: pgettext("Qt", "Create New Folder"),
    ("QFileDialog", "&New Folder"): lambda: pgettext("Qt", "&New Folder"),
    ("QFileDialog", "List View"): lambda: pgettext("Qt", "List View"),
    ("QFileDialog", "Detail View"): lambda: pgettext("Qt", "Detail View"),
    ("QFileDialog", "&Rename"): lambda: pgettext("Qt", "&Rename"),
    ("QFileDialog", "&Delete"): lambda: pgettext("Qt", "&Delete"),
    ("QFileDialog", "Show &hidden files"): lambda: pgettext("Qt", "Show &hidden files"),
    ("QFileSystemModel", "Name"): lambda: pgettext("Qt", "Name"),
    ("QFileSystemModel", "Size"): lambda: pgettext("Qt", "Size"),
    ("QFileSystemModel", "Type"): lambda: pgettext("Qt", "Type"),
    ("QFileSystemModel", "Date Modified"): lambda: pgettext("Qt", "Date Modified"),
    ("QFileSystemModel", "Computer"): lambda: pgettext("Qt", "Computer"),
    ("QAbstractFileIconProvider", "Folder"): lambda: pgettext("Qt", "Folder"),
    ("QAbstractFileIconProvider", "Drive"): lambda: pgettext("Qt", "Drive"),
}
"""(Qt's translation context, Qt's English text) -> our translation of it"""


class QtWords(QTranslator):
    """Answers Qt's requests for the words in :data:`QT_WORDS`; every other request is left to Qt."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:  # noqa: ARG002
        word = QT_WORDS.get((context, source))
        return word() if word else ""

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


def install_qt_words(app: QApplication) -> None:
    """Install the translator on ``app`` once (later calls find it and do nothing)."""
    if app.findChild(QTranslator, TRANSLATOR_NAME) is None:
        translator = QtWords(app)
        translator.setObjectName(TRANSLATOR_NAME)
        app.installTranslator(translator)
