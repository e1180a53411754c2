"""What a stored value may be, on the way in and on the way out.

Writes check each value before SQLite sees it and refuse with a sentence
(``checked_*``: our own data must never be cut or changed silently).  Reads
trust nothing, since a workbook may come from another program or person: each
value is cleaned as it is read (``clean_*``), text cut to the same limits in
SQL already, so a hostile 10 MB name never reaches Python whole.
"""

from __future__ import annotations

import functools
import math
import sys
from array import array
from datetime import date, datetime, timezone
from typing import Any

from rater_desktop.i18n import _
from rater_desktop.model import DIMENSION_KEYS, GRADES
from rater_desktop.storage.errors import translated_sqlite_errors

SHORT_TEXT = 500
LONG_TEXT = 20_000
MAPPING_TEXT = 200_000
SETTING_TEXT = 100_000
"""Characters of one setting's JSON read; a longer value is not one of ours and reads as the default."""


# -- writes: refused with a sentence -------------------------------------------


def now_text() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def checked_text(value: Any, limit: int, what: str, *, required: bool = False) -> str:
    """``value`` stripped, or a ValueError naming the field ``what`` (an ``N_``-marked name)."""
    if not isinstance(value, str):
        raise ValueError(_("The {field} must be text.").format(field=_(what)))
    value = value.strip()
    if required and not value:
        raise ValueError(_("The {field} cannot be empty.").format(field=_(what)))
    if len(value) > limit:
        raise ValueError(_("The {field} is longer than {limit} characters.").format(field=_(what), limit=limit))
    return value


def checked_date(value: Any, what: str) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise ValueError(_("The {field} must be a date written as YYYY-MM-DD.").format(field=_(what)))


def checked_grade(value: Any) -> str:
    if value not in GRADES:
        raise ValueError(_("A grade must be one of {grades}.").format(grades=", ".join(GRADES)))
    return value


def checked_dimension(value: Any) -> str:
    if value not in DIMENSION_KEYS:
        raise ValueError(_("Unknown dimension {value}.").format(value=repr(value)))
    return value


def checked_position(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(_("A position is a whole number from 0."))
    return value



# -- reads: cleaned, never trusted -----------------------------------------------


def clean_text(value: Any, limit: int) -> str:
    """``value`` as text of at most ``limit`` characters ("" for blobs and NULL)."""
    if isinstance(value, str):
        return value[:limit]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)[:limit]
    return ""


def clean_id(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def clean_grade(value: Any) -> str | None:
    return value if isinstance(value, str) and value in GRADES else None


def clean_date(value: Any) -> str | None:
    """An ISO ``YYYY-MM-DD`` date, or None."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return None
    return value


def clean_dimension(value: Any) -> str | None:
    return value if isinstance(value, str) and value in DIMENSION_KEYS else None


def float64_array(blob: Any) -> array | None:
    """A stored float64 little-endian blob as an array, as stored (NaN and all); None if malformed."""
    if not isinstance(blob, bytes) or len(blob) % 8:
        return None
    values = array("d")
    values.frombytes(blob)
    if sys.byteorder != "little":
        values.byteswap()
    return values


def decode_series(blob: Any) -> list[float | None] | None:
    """A stored float64 little-endian blob as a list (NaN/inf -> None); None if malformed."""
    values = float64_array(blob)
    return None if values is None else [v if math.isfinite(v) else None for v in values]


def cut(column: str, limit: int) -> str:
    """SQL that reads ``column`` cut to ``limit`` characters, under its own name."""
    name = column.split(".")[-1]
    return f"substr({column}, 1, {limit}) AS {name}"


def guarded(method):
    """Translate SQLite errors raised while reading into WorkbookErrors."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with translated_sqlite_errors(self.path, writing=False):
            return method(self, *args, **kwargs)

    return wrapper

