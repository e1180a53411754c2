"""Errors the user sees when a workbook cannot be opened, created or saved.

``str(error)`` is one plain sentence naming the file, ready for a message box
or the command line; the UI never has to look at SQLite's own wording.  The
sentence is translated when the error is raised, into the current language.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rater_desktop.i18n import _


class WorkbookError(Exception):
    """Base class: something is wrong with a workbook file or where it lives."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class NotAWorkbookError(WorkbookError):
    """The file is not a RATER workbook (another SQLite file, or not SQLite)."""


class ForeignContentError(NotAWorkbookError):
    """The file has a workbook's header but holds more than data (triggers, views, changed tables)."""


class NewerVersionError(WorkbookError):
    """The workbook was written by a newer version of the app; it is left untouched."""


class DamagedWorkbookError(WorkbookError):
    """The file claims to be a workbook but its contents are damaged."""


class WorkbookAccessError(WorkbookError):
    """The file or its folder cannot be reached, read or written."""


class ReadOnlyLocationError(WorkbookAccessError):
    """The workbook can be read but not changed where it is: it can be opened read-only."""


@contextmanager
def translated_sqlite_errors(path: Path, *, writing: bool) -> Iterator[None]:
    """Turn SQLite and OS errors met while using an open workbook into WorkbookErrors.

    Busy/read-only/full/IO failures are about access; anything else SQLite
    complains about (missing table, malformed page) means the file is damaged.
    Integrity errors pass through: they are programming or input mistakes.
    """
    import sqlite3

    try:
        yield
    except sqlite3.IntegrityError:
        raise
    except sqlite3.OperationalError as error:
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            raise in_use_error(path) from error
        if any(word in text for word in _ACCESS_WORDS):
            raise WorkbookAccessError(_access_sentence(path, writing), path) from error
        raise damaged_error(path) from error
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # the latter: SQLite quoting bad bytes
        raise damaged_error(path) from error
    except OSError as error:
        raise WorkbookAccessError(_access_sentence(path, writing), path) from error


_ACCESS_WORDS = ("readonly", "read-only", "disk is full", "disk i/o", "unable to open")


def in_use_error(path: Path) -> WorkbookAccessError:
    """Another program kept the file locked for longer than the busy wait."""
    return WorkbookAccessError(
        _("“{name}” is in use by another program; close it there, or wait a moment, and try again.").format(
            name=path.name), path)


def _access_sentence(path: Path, writing: bool) -> str:
    if writing:
        return _("Could not save to “{name}”: the file is read-only or the disk is full.").format(
            name=path.name
        )
    return _("Could not read “{name}”: the file is in use or cannot be reached.").format(name=path.name)


def damaged_error(path: Path) -> DamagedWorkbookError:
    """The file is damaged: the sentence names the folder of its backup copies, or says it has none."""
    from rater_desktop.storage.backups import backup_folder, list_backups

    if list_backups(path):
        sentence = _("“{name}” is damaged and cannot be opened; its backup copies are in {folder} "
                     "(the newest is named after the date and time it was taken).")
    else:
        sentence = _("“{name}” is damaged and cannot be opened, and this computer holds no backup copy of it.")
    return DamagedWorkbookError(sentence.format(name=path.name, folder=backup_folder(path)), path)
