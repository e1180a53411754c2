"""Creating and opening ``.rater`` files safely.

Opening refuses anything it cannot vouch for *before* writing a byte (see
``inspection.py``): the header is read as plain bytes, then the file is looked
at as SQLite reads it on a connection that cannot change it — its version
after any WAL, ``quick_check``, and a schema that must be exactly what this
version's migrations make (a workbook is data, never code).  Only a file that
passes gets a write connection, which checks the schema once more (the file
may have changed in between), then a backup copy, its migrations and WAL mode.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from rater_desktop.files import APPLICATION_ID, OutputRefused, atomic_output, remove_stale_partials
from rater_desktop.i18n import N_, _
from rater_desktop.storage.backups import take_backup
from rater_desktop.storage.errors import (
    DamagedWorkbookError,
    ReadOnlyLocationError,
    WorkbookAccessError,
    WorkbookError,
    damaged_error,
    in_use_error,
)
from rater_desktop.storage.framework_writes import builtin_framework
from rater_desktop.storage.inspection import (
    Header,
    check_workbook,
    connect,
    probe,
    read_header,
    snapshot,
    writable_place,
)
from rater_desktop.storage.migrations import SCHEMA_VERSION, migrations
from rater_desktop.storage.workbook import Workbook

__all__ = ["APPLICATION_ID", "FIRST_ROUND_NAME", "Header", "create_workbook", "open_workbook", "read_header"]

FIRST_ROUND_NAME = N_("Round 1")
"""Name of the round a new workbook starts with, translated when the workbook is created."""


def _database(conn: sqlite3.Connection):
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def open_workbook(path: str | os.PathLike[str], *, read_only: bool = False) -> Workbook:
    """Open a workbook for reading and writing (or only reading).

    Refused with a ``WorkbookError`` (file untouched): a missing path, a file
    that is not a workbook, a damaged one, one from a newer version (also when
    the newer version is still in its WAL), one holding triggers, views or
    tables of its own, or (for writing) a file or folder without write
    permission.  An older workbook is backed up, then migrated; opened
    read-only it is migrated in memory only.  A file left with a hot journal
    or a WAL in a read-only place is read through a private copy.
    """
    path = Path(path)
    header = read_header(path)
    if not read_only and not writable_place(path):
        raise ReadOnlyLocationError(
            _("“{name}” cannot be changed: the file or its folder is read-only. To change it, copy it to a folder "
              "you can write to, or make it writable.").format(name=path.name),
            path,
        )
    view = snapshot(path, header)
    try:
        version = check_workbook(view, path)
    except BaseException:
        view.close()
        raise
    if read_only:
        try:
            if version < SCHEMA_VERSION:
                view = _migrated_in_memory(view)
        except BaseException:
            view.close()
            raise
        return Workbook(_database(view), path, read_only=True)
    view.close()
    remove_stale_partials(path.parent, name=path.name)
    return Workbook(_database(_writing_connection(path)), path, read_only=False)


def _writing_connection(path: Path, *, backup: bool = True) -> sqlite3.Connection:
    """The connection that will write: checked again, backed up (unless just created), migrated, in WAL mode."""
    try:
        conn = connect(str(path))
        probe(conn, path)
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise in_use_error(path) from error
        raise WorkbookAccessError(_("“{name}” could not be opened.").format(name=path.name), path) from error
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        raise damaged_error(path) from error
    try:
        version = check_workbook(conn, path, thorough=False)
        _prepare_for_writing(conn, path, version, backup=backup)
    except BaseException:
        conn.close()
        raise
    return conn


class CompanionWorkbook(Workbook):
    """A second connection to a workbook another connection keeps open (see :func:`open_companion`)."""

    def close(self) -> None:
        """Only disconnect: folding the WAL back is the main connection's job, when it closes."""
        if self._db is not None:
            self._db.close()
            self._db = None


def open_companion(workbook: Workbook) -> CompanionWorkbook:
    """A second connection to an open, writable workbook, for one other thread.

    The room server writes phones' answers on its own thread while the window
    keeps reading and writing on the GUI thread; SQLite's WAL lets each read
    while the other writes, and a write waits (busy timeout) for the other's
    to finish.  ``open_workbook`` has already checked, backed up and migrated
    the file, so this only connects, with the same safety settings.
    """
    if workbook.read_only:
        raise WorkbookAccessError(
            _("“{name}” is open read-only; changes cannot be saved.").format(name=workbook.path.name), workbook.path
        )
    try:
        conn = connect(workbook.path.resolve().as_uri(), uri=True)
        conn.execute("PRAGMA synchronous = FULL").fetchall()
    except sqlite3.Error as error:
        raise WorkbookAccessError(
            _("“{name}” could not be opened.").format(name=workbook.path.name), workbook.path
        ) from error
    return CompanionWorkbook(_database(conn), workbook.path, read_only=False)


def _prepare_for_writing(conn: sqlite3.Connection, path: Path, version: int, *, backup: bool = True) -> None:
    try:
        if backup:
            take_backup(conn, path)
    except (OSError, sqlite3.Error) as error:
        if version < SCHEMA_VERSION:
            raise WorkbookAccessError(
                _("“{name}” needs updating, but no backup copy could be made first, so it was left as it is.").format(
                    name=path.name
                ),
                path,
            ) from error
    db = _database(conn)
    try:
        if version < SCHEMA_VERSION:
            migrations().apply(db)
        with db.ensure_autocommit_on():
            conn.execute("PRAGMA journal_mode = WAL").fetchall()
        conn.execute("PRAGMA synchronous = FULL").fetchall()
    except sqlite3.OperationalError as error:
        raise WorkbookAccessError(
            _("“{name}” could not be prepared for editing: {reason}.").format(name=path.name, reason=error),
            path,
        ) from error
    except sqlite3.DatabaseError as error:
        raise DamagedWorkbookError(
            _("“{name}” is damaged and could not be updated.").format(name=path.name),
            path,
        ) from error


def _migrated_in_memory(conn: sqlite3.Connection) -> sqlite3.Connection:
    memory = connect(":memory:")
    conn.backup(memory)
    conn.close()
    migrations().apply(_database(memory))
    return memory


def create_workbook(
    path: str | os.PathLike[str],
    organisation: str = "",
    *,
    framework: Sequence[Mapping[str, Any] | Any] | None = None,
) -> Workbook:
    """Create a new workbook at ``path`` (never over an existing file) and open it.

    It holds the framework (the built-in English bank unless one is given) and
    one round named "Round 1" (in the current language) dated today.  The file is built under a
    temporary name and renamed at the end, so a failure leaves nothing behind.
    """
    path = Path(path)
    check_new_workbook(path)
    rows = list(framework) if framework is not None else builtin_framework()
    remove_stale_partials(path.parent, name=path.name)
    try:
        with atomic_output(path, workbook=True, replace=False) as partial:
            conn = connect(str(partial))
            try:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.commit()
                book = Workbook(_database(conn), partial, read_only=False)
                migrations().apply(book._db)
                book.set_organisation(organisation)
                book.add_framework(rows)
                book.add_assessment(_(FIRST_ROUND_NAME), date.today())
            finally:
                conn.close()
    except FileExistsError as error:
        raise WorkbookAccessError(
            _("“{name}” already exists; choose another name.").format(name=path.name), path
        ) from error
    except WorkbookError:
        raise
    except (OSError, sqlite3.Error, OutputRefused) as error:
        raise WorkbookAccessError(
            _("“{name}” could not be created in {folder}.").format(name=path.name, folder=path.parent),
            path,
        ) from error
    # No backup copy of a file just made: it would hold nothing, and one taken of a workbook built
    # under a temporary name (the demo's) was a backup folder nothing ever removed.
    return Workbook(_database(_writing_connection(path, backup=False)), path, read_only=False)


def check_new_workbook(path: Path) -> None:
    """Refuse (``WorkbookAccessError``) a path a new workbook cannot be made at, before any work."""
    if path.exists():
        raise WorkbookAccessError(_("“{name}” already exists; choose another name.").format(name=path.name), path)
    if not path.parent.is_dir():
        raise WorkbookAccessError(
            _("The folder for “{name}” does not exist: {folder}.").format(name=path.name, folder=path.parent),
            path,
        )
    if not os.access(path.parent, os.W_OK):
        raise WorkbookAccessError(
            _("“{name}” cannot be created: the folder {folder} is read-only.").format(
                name=path.name, folder=path.parent
            ),
            path,
        )
