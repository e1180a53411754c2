"""Errors as one sentence for people: the one place that words an exception.

The command line, the window's message boxes and the "could not save" notes
all call :func:`error_sentence`, so a failure reads the same everywhere.  The
core's own errors already carry a sentence; anything else gets a plain one.
Values quoted from files (a cell, a column name, a path) pass through
:func:`shorten` first: one line, at most :data:`QUOTE_LIMIT` characters, so a
100 MB cell or a name with a newline in it cannot flood or split a message.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from rater_desktop.i18n import N_, _

QUOTE_LIMIT = 80
"""Characters of a quoted value (cell, column, file name) kept in a message."""
SENTENCE_LIMIT = 600
"""Characters of a whole message: a backstop, each quoted part is already short."""
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
UNEXPECTED = N_("Something unexpected went wrong ({reason}).")


def shorten(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``value`` as one line of at most ``limit`` characters ("…" marks a cut)."""
    text = value if isinstance(value, str) else str(value)
    text = _BREAKS.sub(" ", text[: limit * 4]).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def one_line(text: str) -> str:
    """A message as one line of at most :data:`SENTENCE_LIMIT` characters."""
    return shorten(text, SENTENCE_LIMIT)


def _is_worded(error: BaseException) -> bool:
    """Errors whose text is already a sentence written for people."""
    from rater_desktop.files import OutputRefused
    from rater_desktop.importing.errors import SurveyImportError
    from rater_desktop.storage.errors import WorkbookError

    # Plain ValueError is how the core refuses a value; its subclasses
    # (UnicodeDecodeError, JSONDecodeError...) carry a library's wording.
    return isinstance(error, (WorkbookError, SurveyImportError, OutputRefused)) or type(error) is ValueError


def error_sentence(error: BaseException, *, path: str | os.PathLike[str] | None = None,
                   unexpected: str = UNEXPECTED) -> str:
    """One line for the user about ``error``.

    ``path`` is the file being written, when there is one: file-system errors
    then name it.  ``unexpected`` (an ``N_``-marked template with ``{reason}``)
    words errors nobody foresaw; the window uses it to add that earlier
    answers are safe.
    """
    if _is_worded(error):
        return one_line(str(error))
    if isinstance(error, KeyboardInterrupt):
        return _("Cancelled; nothing more was written.")
    if isinstance(error, MemoryError):
        return _("There is not enough memory to finish this; nothing more was written.")
    if isinstance(error, OSError):
        return one_line(_os_sentence(error, path))
    reason = f"{type(error).__name__}: {shorten(error)}" if str(error) else type(error).__name__
    return one_line(_(unexpected).format(reason=reason))


def _os_sentence(error: OSError, path: str | os.PathLike[str] | None) -> str:
    target = Path(path) if path is not None else Path(str(error.filename)) if error.filename else None
    name = shorten(target.name if target is not None else "")
    folder = shorten(target.parent if target is not None else "")
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _("“{name}” could not be saved: the disk is full.").format(name=name)
    if path is not None:
        if isinstance(error, PermissionError):
            return _("“{name}” could not be saved: you may not write in the folder {folder}.").format(
                name=name, folder=folder)
        if isinstance(error, (FileNotFoundError, NotADirectoryError)):
            return _("“{name}” could not be saved: the folder {folder} does not exist.").format(
                name=name, folder=folder)
        return _("“{name}” could not be saved: {reason}.").format(
            name=name, reason=shorten(error.strerror or error))
    where = shorten(target) if target is not None else ""
    return _("Could not use {path}: {reason}.").format(path=where, reason=shorten(error.strerror or error))
