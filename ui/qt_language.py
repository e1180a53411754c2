"""Number and date formats in the app's language.

Qt formats numbers and dates by the default ``QLocale``: left alone it follows
the system, so a Vietnamese window on an English system showed "30.0" in its
number fields beside "30,0" in its tables.  The default locale follows the
app's language instead (Qt's own words follow it through ``ui.qt_words``).
"""

from __future__ import annotations

from rater_desktop import i18n
from ui.qt import QLocale, QWidget

LOCALES = {"en": "en_GB", "vi": "vi_VN"}
"""The Qt locale of each app language: day before month in English, as the app writes dates."""
DATE_FORMATS = {"en": "d MMM yyyy", "vi": "dd/MM/yyyy"}
"""How a date field shows its date, as ``i18n.format_date`` writes one ("1 Apr 2026", "01/04/2026")."""


def follow_app_language(window: QWidget | None = None) -> None:
    """Make number and date formats follow the app's language now.

    Call it at start-up and after every language switch, with the main window:
    its widgets (and the dialogs it opens) take the new number format at once;
    widgets made later take it from the default locale.
    """
    locale = QLocale(LOCALES[i18n.language()])
    QLocale.setDefault(locale)
    if window is not None:
        window.setLocale(locale)


def date_format() -> str:
    """The display format of a date field in the app's language (its value is stored as an ISO date)."""
    return DATE_FORMATS[i18n.language()]
