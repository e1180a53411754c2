"""The one translation mechanism for core, CLI, report and GUI.

English is the source language: every message in the code is written in
English and wrapped in ``_()``; Vietnamese comes from a compiled gettext
catalog ``resources/locale/vi/LC_MESSAGES/rater.mo``. Only the standard
library is used at runtime so this module is cheap to import before the first
window paints; Babel is a development tool (``scripts/i18n.py``) only.

``_()`` looks the current language up at *call* time, so switching language
while the app runs takes effect on the next redraw; translate when you build
the text, never at import time (use ``N_()`` to mark module-level constants
and call ``_()`` on them later).

Two levels of "current": :func:`set_language` sets the app's language (the
window's menu, a command's ``--lang``), and :func:`language_context` sets one
for the code running inside it only — a Vietnamese report built on a worker
thread while the window stays English. The second is a ``contextvars``
variable, so it never leaks into another thread or into the GUI.

Example::

    set_language("vi")
    _("Report card")            # -> the Vietnamese text
    format_number(2.75, 2)      # -> "2,75"
    with language_context("en"):
        format_number(2.75, 2)  # -> "2.75", here only
"""

from __future__ import annotations

import gettext
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

LANGUAGES: dict[str, str] = {"en": "English", "vi": "Tiếng Việt"}
"""Languages that ship, code -> name written in that language (for a menu)."""

DEFAULT_LANGUAGE = "en"
DOMAIN = "rater"

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Decimal and thousands separators per language (vi follows Vietnamese usage).
_SEPARATORS = {"en": (".", ","), "vi": (",", ".")}

_app_language = DEFAULT_LANGUAGE
_context_language: ContextVar[str | None] = ContextVar("rater_language", default=None)
_catalogs: dict[str, gettext.NullTranslations] = {}


def resources_dir() -> Path:
    """The ``resources/`` folder, from a source checkout, a wheel or a frozen app.

    PyInstaller unpacks data files under ``sys._MEIPASS``; everywhere else the
    folder sits next to the ``rater_desktop`` package (the wheel force-includes
    it at the same level).
    """
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def locale_dir() -> Path:
    """Where the gettext catalogs live (``<lang>/LC_MESSAGES/rater.mo``)."""
    return resources_dir() / "locale"


def normalise_language(lang: str | None) -> str:
    """Map "vi", "vi_VN", "vi-VN", "VI" to a shipped code; anything else to English."""
    code = (lang or "").replace("-", "_").split("_")[0].strip().lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def set_language(lang: str) -> str:
    """Make ``lang`` the app's language for every later ``_()`` call; returns the code used.

    Call it from the GUI thread or a command's start only; code that needs
    another language for a while (a report, a phone's page) uses
    :func:`language_context` instead.
    """
    global _app_language
    _app_language = normalise_language(lang)
    return _app_language


def language() -> str:
    """The current language code ("en" or "vi"): the context's, else the app's."""
    return _context_language.get() or _app_language


@contextmanager
def language_context(lang: str) -> Iterator[str]:
    """Run the block in ``lang`` without touching the app's language or other threads."""
    token = _context_language.set(normalise_language(lang))
    try:
        yield _context_language.get()
    finally:
        _context_language.reset(token)


def translations(lang: str | None = None) -> gettext.NullTranslations:
    """The catalog for ``lang`` (default: current), loaded once and cached.

    English needs no catalog (the msgids are English); a missing catalog falls
    back to English rather than failing, so a broken install still shows text.
    """
    code = normalise_language(lang) if lang is not None else language()
    catalog = _catalogs.get(code)
    if catalog is None:
        if code == DEFAULT_LANGUAGE:
            catalog = gettext.NullTranslations()
        else:
            catalog = gettext.translation(DOMAIN, locale_dir(), languages=[code], fallback=True)
        _catalogs[code] = catalog
    return catalog


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return translations().gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (module constants)."""
    return message


def pgettext(context: str, message: str) -> str:
    """Translate a short message whose meaning depends on where it is used.

    ``pgettext("action status", "Open")`` and a button's ``_("Open")`` can
    then have different Vietnamese words.
    """
    return translations().pgettext(context, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on the count ``n``."""
    return translations().ngettext(singular, plural, n)


def format_number(x: float, decimals: int = 0, lang: str | None = None) -> str:
    """``x`` rounded to ``decimals`` places with the language's separators.

    en: 1,234.56   vi: 1.234,56. A value that rounds to zero never shows as
    "-0.0" (a gap of -0.001 is no gap).
    """
    code = normalise_language(lang) if lang is not None else language()
    text = f"{x:,.{decimals}f}"
    if text.startswith("-") and not any(ch in "123456789" for ch in text):
        text = text[1:]
    decimal_sep, group_sep = _SEPARATORS[code]
    return text.translate(str.maketrans({".": decimal_sep, ",": group_sep}))


MINUS = "\u2212"
"""The minus sign of typesetting (−): a hyphen (-) before a number reads as a dash in print."""


def format_figure(x: float, decimals: int = 0, lang: str | None = None) -> str:
    """:func:`format_number` with a true minus sign, for reports and charts: −0,65 rather than -0,65."""
    return format_number(x, decimals, lang).replace("-", MINUS)


def format_date(iso: str | date, lang: str | None = None) -> str:
    """A stored ISO date (or datetime text) the way the language writes it.

    en: "1 Apr 2026"; vi: "01/04/2026". Text that is not an ISO date is
    returned unchanged: a display helper must not break a report over a date
    someone typed by hand (storage validates dates on write).
    """
    from datetime import date, datetime  # here: the window imports this module before its first paint

    code = normalise_language(lang) if lang is not None else language()
    if isinstance(iso, datetime):
        day = iso.date()
    elif isinstance(iso, date):
        day = iso
    else:
        try:
            day = date.fromisoformat(iso.strip()[:10])
        except ValueError:
            return iso
    if code == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
