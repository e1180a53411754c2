"""Creating and opening ``.rater`` files safely.

Opening refuses anything it cannot vouch for *before* writing a byte: the
SQLite header is read as plain bytes first, so a foreign database, random
bytes, an empty or truncated file, or a workbook from a newer version is
turned away without SQLite ever opening it for writing.  Only a file that
passes the header check, ``PRAGMA quick_check`` and the table check gets a
backup copy, its migrations and WAL mode.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rater_desktop.files import APPLICATION_ID, OutputRefused, atomic_output, remove_stale_partials
from rater_desktop.i18n import N_, _
from rater_desktop.storage.backups import take_backup
from rater_desktop.storage.errors import (
    DamagedWorkbookError,
    NewerVersionError,
    NotAWorkbookError,
    ReadOnlyLocationError,
    WorkbookAccessError,
    WorkbookError,
)
from rater_desktop.storage.migrations import SCHEMA_VERSION, TABLES, migrations
from rater_desktop.storage.workbook import Workbook, builtin_framework

FIRST_ROUND_NAME = N_("Round 1")
"""Name of the round a new workbook starts with, translated when the workbook is created."""
_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Header:
    """The parts of the 100-byte SQLite header that decide whether to open a file."""

    application_id: int
    user_version: int


def read_header(path: Path) -> Header:
    """Check ``path`` as raw bytes and return its header; raise a WorkbookError if unusable."""
    try:
        if not path.exists():
            raise WorkbookAccessError(
                _("“{name}” does not exist (looked in {folder}).").format(name=path.name, folder=path.parent),
                path,
            )
        if not path.is_file():
            raise WorkbookAccessError(_("“{name}” is a folder, not a workbook file.").format(name=path.name), path)
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(100)
    except PermissionError as error:
        raise WorkbookAccessError(
            _("You do not have permission to read “{name}”.").format(name=path.name),
            path,
        ) from error
    except OSError as error:
        raise WorkbookAccessError(
            _("“{name}” could not be read: {reason}.").format(name=path.name, reason=error.strerror or error),
            path,
        ) from error
    if not head.startswith(_MAGIC):
        raise NotAWorkbookError(_("“{name}” is not a RATER workbook.").format(name=path.name), path)
    if len(head) < 100:
        raise DamagedWorkbookError(_("“{name}” is damaged: the file is cut short.").format(name=path.name), path)
    header = Header(
        application_id=int.from_bytes(head[68:72], "big"),
        user_version=int.from_bytes(head[60:64], "big", signed=True),
    )
    if header.application_id != APPLICATION_ID:
        raise NotAWorkbookError(
            _("“{name}” is a database of another program, not a RATER workbook.").format(name=path.name),
            path,
        )
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(head[28:32], "big")
    count_is_valid = head[24:28] == head[92:96]
    if count_is_valid and page_count and size < page_count * page_size:
        raise DamagedWorkbookError(_("“{name}” is damaged: the file is cut short.").format(name=path.name), path)
    if header.user_version > SCHEMA_VERSION:
        raise NewerVersionError(
            _("“{name}” was saved by a newer version of RATER Report Card; update the app to open it.").format(
                name=path.name
            ),
            path,
        )
    if header.user_version < 0:
        raise DamagedWorkbookError(
            _("“{name}” is damaged: its version number is invalid.").format(name=path.name),
            path,
        )
    return header


def _connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    """A connection set up for untrusted files (no extensions, no trusted schema)."""
    conn = sqlite3.connect(target, uri=uri, check_same_thread=False)
    if hasattr(conn, "enable_load_extension"):
        conn.enable_load_extension(False)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cell_size_check = ON")
    return conn


def _database(conn: sqlite3.Connection):
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def _check_contents(target: str, path: Path, version: int) -> None:
    """quick_check, then (for a current-version file) that every table is there.

    Runs on its own short-lived connection: after ``quick_check`` SQLite 3.40
    refuses a later WAL checkpoint on the same connection as "table is locked".
    """
    damaged = DamagedWorkbookError(
        _("“{name}” is damaged and cannot be opened; try one of its backup copies.").format(name=path.name),
        path,
    )
    try:
        conn = _connect(target, uri=True)
    except sqlite3.Error as error:
        raise WorkbookAccessError(_("“{name}” could not be opened.").format(name=path.name), path) from error
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        if any(not _is_content_problem(problem) for problem in problems if problem != "ok"):
            raise damaged
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise WorkbookAccessError(
                _("“{name}” is in use by another program.").format(name=path.name),
                path,
            ) from error
        raise damaged from error
    finally:
        conn.close()
    if version == SCHEMA_VERSION and not set(TABLES) <= names:
        raise damaged


def _is_content_problem(problem: str) -> bool:
    """quick_check lines about values breaking CHECK/NOT NULL rules, not about structure.

    Such values come from files edited elsewhere; reads validate them (see
    ``reads.py``), so they do not make the file unusable.
    """
    return problem.startswith(("CHECK constraint failed", "NULL value in"))


def open_workbook(path: str | os.PathLike[str], *, read_only: bool = False) -> Workbook:
    """Open a workbook for reading and writing (or only reading).

    Refused with a ``WorkbookError`` (file untouched): a missing path, a file
    that is not a workbook, a damaged one, one from a newer version, or (for
    writing) a file or folder without write permission.  An older workbook is
    backed up, then migrated; opened read-only it is migrated in memory only.
    """
    path = Path(path)
    header = read_header(path)
    if not read_only and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise ReadOnlyLocationError(
            _("“{name}” cannot be changed (the file or its folder is read-only); open it read-only instead.").format(
                name=path.name
            ),
            path,
        )
    if not read_only:
        remove_stale_partials(path.parent, name=path.name)
    target = path.resolve().as_uri() + ("?mode=ro" if read_only else "")
    _check_contents(target, path, header.user_version)
    try:
        conn = _connect(target, uri=True)
    except sqlite3.Error as error:
        raise WorkbookAccessError(_("“{name}” could not be opened.").format(name=path.name), path) from error
    try:
        if read_only and header.user_version < SCHEMA_VERSION:
            conn = _migrated_in_memory(conn)
        elif not read_only:
            _prepare_for_writing(conn, path, header.user_version)
    except BaseException:
        conn.close()
        raise
    return Workbook(_database(conn), path, read_only=read_only)


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
        conn = _connect(workbook.path.resolve().as_uri(), uri=True)
        conn.execute("PRAGMA synchronous = FULL").fetchall()
    except sqlite3.Error as error:
        raise WorkbookAccessError(
            _("“{name}” could not be opened.").format(name=workbook.path.name), workbook.path
        ) from error
    return CompanionWorkbook(_database(conn), workbook.path, read_only=False)


def _prepare_for_writing(conn: sqlite3.Connection, path: Path, version: int) -> None:
    try:
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
    memory = _connect(":memory:")
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
    rows = list(framework) if framework is not None else builtin_framework()
    remove_stale_partials(path.parent, name=path.name)
    try:
        with atomic_output(path, workbook=True, replace=False) as partial:
            conn = _connect(str(partial))
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
    return open_workbook(path)
