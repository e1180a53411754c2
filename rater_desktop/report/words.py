"""How the report writes numbers, dates, grades and codes, in the report's language.

One place, so every table, sentence and tile of a report writes a mean, a gap
or a date the same way: decimals in the language's style (2,78 in
Vietnamese), a true minus sign (−0,65), dates and "B (2,83)" held together
with no-break spaces so a line never ends inside them.
"""

from __future__ import annotations

from rater_desktop.framework import criterion_wording
from rater_desktop.i18n import MINUS, N_, _, format_date, format_figure
from rater_desktop.model import Criterion

NBSP = "\u00a0"
CELL_LIMIT = 400
"""Longest text put in a table cell: a table row cannot split over pages."""

FLAG_WORDS = {
    "blind_spot": N_("Blind spot"),
    "hidden_strength": N_("Hidden strength"),
    "aligned": N_("Aligned"),
    "few_responses": N_("Few responses"),
}
STATUS_WORDS = {
    "open": N_("Open"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "dropped": N_("Dropped"),
}
POSITION_WORDS = {
    "below": N_("below the minimum"),
    "within": N_("within the zone"),
    "above": N_("above the desired level"),
}
"""Where perceived service falls in the zone of tolerance."""


def points(value: float | None, decimals: int = 2) -> str:
    """A number in the report's language with a true minus sign; "–" for none."""
    return "–" if value is None else format_figure(value, decimals)


def signed(value: float | None, decimals: int = 2) -> str:
    """A difference with its sign always written: +0,65, −0,80, 0,00."""
    if value is None:
        return "–"
    text = format_figure(value, decimals)
    return text if text.startswith(MINUS) or text == format_figure(0, decimals) else "+" + text


def percent(value: float | None, decimals: int = 0) -> str:
    """A share as "35 %" (the number and its sign never parted)."""
    return "–" if value is None else f"{format_figure(value, decimals)}{NBSP}%"


def date_text(iso: str | None) -> str:
    """A date in the report's language that never breaks across lines ("1 Apr 2026", "01/04/2026")."""
    return "–" if not iso else format_date(iso).replace(" ", NBSP)


def grade_mean(grade: str | None, mean: float | None) -> str:
    """ "B (2,83)", kept on one line; "–" without a grade."""
    return f"{grade}{NBSP}({points(mean)})" if grade else "–"


def clip(text: str, limit: int = CELL_LIMIT) -> str:
    """Text cut to ``limit`` characters with an ellipsis (table cells only)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def grade_word(code: str | None) -> str:
    return _("N/A") if code == "NA" else (code or "–")


def flag_word(code: str | None) -> str:
    return _(FLAG_WORDS[code]) if code in FLAG_WORDS else ""


def position_word(code: str | None) -> str:
    return _(POSITION_WORDS[code]) if code in POSITION_WORDS else "–"


def criterion_text(criterion: Criterion) -> str:
    """The built-in wording in the report language, or the user's own text.

    A built-in statement is shown in the report's language only while its text
    is still a shipped wording: once the user edited it, their words win.
    """
    return criterion_wording(criterion)[0]
