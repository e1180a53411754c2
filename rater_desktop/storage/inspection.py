"""Deciding whether a file may be opened, without changing a byte of it.

Two looks, cheapest first.  :func:`read_header` reads the first 100 bytes as
plain bytes: a file that is not SQLite, or is another program's database, is
turned away before SQLite sees it.  :func:`snapshot` then shows the file as
SQLite itself would read it — a left-over WAL applied, a hot rollback journal
rolled back — on a connection that cannot write the original: a read-only
connection (which never checkpoints a foreign WAL), or, when that cannot work
(a hot journal, a folder nobody may write to), a private copy in the temporary
folder held in memory.  :func:`check_workbook` then reads the version *after* the WAL, runs
``quick_check`` and compares the schema with the one this version expects.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rater_desktop.files import APPLICATION_ID, SQLITE_MAGIC
from rater_desktop.i18n import N_, _
from rater_desktop.sentences import shorten
from rater_desktop.storage.errors import (
    DamagedWorkbookError,
    ForeignContentError,
    NewerVersionError,
    NotAWorkbookError,
    WorkbookAccessError,
    damaged_error,
    in_use_error,
)
from rater_desktop.storage.migrations import SCHEMA_VERSION
from rater_desktop.storage.schema import first_difference, recorded_migrations_match

BUSY_TIMEOUT = 5.0
"""Seconds to wait for another program's write to finish before saying the file is in use."""
_KINDS = {"table": N_("table"), "index": N_("index"), "trigger": N_("trigger"), "view": N_("view")}


@dataclass(frozen=True)
class Header:
    """The parts of the 100-byte SQLite header that decide whether to open a file."""

    application_id: int
    user_version: int
    wal_mode: bool
    """the file's read/write format versions say WAL (it needs its -wal and -shm files)"""


def read_header(path: Path) -> Header:
    """Check ``path`` as raw bytes and return its header; raise a WorkbookError if unusable.

    The version here may be older than the truth (a newer one can wait in the
    WAL), so :func:`check_workbook` reads it again through SQLite; a page count
    larger than the file is no reason to refuse either (after a full disk the
    WAL still holds every page SQLite needs).
    """
    try:
        if not path.exists():
            raise WorkbookAccessError(
                _("“{name}” does not exist (looked in {folder}).").format(name=path.name, folder=path.parent),
                path,
            )
        if path.is_dir():
            raise WorkbookAccessError(_("“{name}” is a folder, not a workbook file.").format(name=path.name), path)
        if not path.is_file():  # a pipe or a device: reading it could wait for ever
            raise WorkbookAccessError(
                _("“{name}” is not a file a workbook can be kept in (it is a device or a pipe).").format(
                    name=path.name), path)
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
    if not head.startswith(SQLITE_MAGIC):
        raise NotAWorkbookError(_("“{name}” is not a RATER workbook.").format(name=path.name), path)
    if len(head) < 100:
        raise DamagedWorkbookError(_("“{name}” is damaged: the file is cut short.").format(name=path.name), path)
    header = Header(
        application_id=int.from_bytes(head[68:72], "big"),
        user_version=int.from_bytes(head[60:64], "big", signed=True),
        wal_mode=head[18] == 2 and head[19] == 2,
    )
    if header.application_id != APPLICATION_ID:
        raise _foreign_database(path)
    _check_version(header.user_version, path)
    return header


def _foreign_database(path: Path) -> NotAWorkbookError:
    return NotAWorkbookError(
        _("“{name}” is a database of another program, not a RATER workbook.").format(name=path.name), path)


def _check_version(version: int, path: Path) -> None:
    if version > SCHEMA_VERSION:
        raise NewerVersionError(
            _("“{name}” was saved by a newer version of RATER Report Card; update the app to open it.").format(
                name=path.name
            ),
            path,
        )
    if version < 0:
        raise DamagedWorkbookError(
            _("“{name}” is damaged: its version number is invalid.").format(name=path.name),
            path,
        )


def connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    """A connection set up for untrusted files (no extensions, no trusted schema, a short busy wait).

    Text that is not valid UTF-8 (in a name, a note, a ``quick_check`` line)
    reads with replacement characters instead of failing the whole read.
    """
    conn = sqlite3.connect(target, uri=uri, timeout=BUSY_TIMEOUT, check_same_thread=False)
    conn.text_factory = _lenient_text
    if hasattr(conn, "enable_load_extension"):
        conn.enable_load_extension(False)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cell_size_check = ON")
    return conn


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def _has_content(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


def writable_place(path: Path) -> bool:
    """The file, its folder and any WAL companions may be written (SQLite needs all of them)."""
    companions = [Path(f"{path}{end}") for end in ("-wal", "-shm", "-journal")]
    return all(os.access(p, os.W_OK) for p in (path, path.parent, *[c for c in companions if c.exists()]))


def snapshot(path: Path, header: Header) -> sqlite3.Connection:
    """A connection showing the file as SQLite would read it, which never writes the original.

    Usually a read-only connection on the file itself (it reads a left-over
    WAL without ever checkpointing it).  A hot rollback journal, or a WAL
    SQLite cannot reach read-only, is applied on a private copy instead, and
    the connection is then to an in-memory database: nothing in the user's
    folder changes either way.
    """
    if _has_content(Path(f"{path}-journal")):
        return _private_copy(path)
    base = path.resolve().as_uri() + "?mode=ro"
    if header.wal_mode and not Path(f"{path}-wal").exists():
        # Nothing to apply; without this SQLite would create (and, read-only, leave) an
        # empty -wal and -shm beside the user's file, or fail in a read-only folder.
        base += "&immutable=1"
    conn = None
    try:
        conn = connect(base, uri=True)
        probe(conn, path)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        if conn is not None:
            conn.close()
        if _is_busy(error):
            raise in_use_error(path) from error
        if not isinstance(error, sqlite3.OperationalError):
            raise damaged_error(path) from error
        return _private_copy(path)  # "unable to open", "readonly": SQLite wanted to write beside the file
    return conn


def _private_copy(path: Path) -> sqlite3.Connection:
    """The file and its journal/WAL copied to a private folder, recovered there by SQLite, then held in memory."""
    with tempfile.TemporaryDirectory(prefix="rater-") as folder:
        copy = Path(folder) / "copy.rater"
        try:
            shutil.copyfile(path, copy)
            for end in ("-journal", "-wal"):
                if _has_content(Path(f"{path}{end}")):
                    shutil.copyfile(f"{path}{end}", f"{copy}{end}")
        except OSError as error:
            raise WorkbookAccessError(
                _("“{name}” could not be read where it is; move it to a folder you can write to and open it again.")
                .format(name=path.name), path) from error
        try:
            recovered = connect(str(copy))
            try:
                probe(recovered, path)
                memory = connect(":memory:")
                recovered.backup(memory)
            finally:
                recovered.close()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
            raise damaged_error(path) from error
    return memory


def probe(conn: sqlite3.Connection, path: Path) -> None:
    """Make SQLite read the header and schema now (recovery happens here), not on first use.

    On a damaged file SQLite's own message may quote bytes that are not UTF-8,
    and Python then raises UnicodeDecodeError instead of a DatabaseError:
    callers treat both alike.
    """
    conn.execute("SELECT count(*) FROM sqlite_master").fetchall()


def _is_busy(error: Exception) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text



def check_workbook(conn: sqlite3.Connection, path: Path, *, thorough: bool = True) -> int:
    """The file's schema version, after checking it is a workbook of a version we know, intact and data only.

    ``thorough`` adds ``quick_check`` (it reads every page); the re-check on the
    connection that will write skips it.
    """
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if application_id != APPLICATION_ID:
            raise _foreign_database(path)
        _check_version(version, path)
        if thorough:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
            if any(not _is_content_problem(problem) for problem in problems if problem != "ok"):
                raise damaged_error(path)
        difference = first_difference(conn, version)
        if difference is None and not recorded_migrations_match(conn, version):
            raise damaged_error(path)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # the latter: SQLite's message about bad bytes
        if _is_busy(error):
            raise in_use_error(path) from error
        raise damaged_error(path) from error
    if difference is not None:
        raise _schema_error(path, difference, version)
    return version


def _schema_error(path: Path, difference, version: int) -> Exception:
    kind = _(_KINDS.get(difference.kind, difference.kind))
    what = shorten(difference.name)
    if difference.problem == "missing":
        return DamagedWorkbookError(
            _("“{name}” is damaged: its {kind} “{object}” is missing.").format(name=path.name, kind=kind, object=what),
            path)
    if difference.problem == "other_version":
        return ForeignContentError(
            _("“{name}” was not opened: its version number ({version}) does not match what it holds (the {kind} "
              "“{object}” belongs to another version of RATER workbooks); another program may have changed "
              "it.").format(name=path.name, version=version, kind=kind, object=what), path)
    if difference.problem == "extra":
        return ForeignContentError(
            _("“{name}” was not opened: it holds the {kind} “{object}”, which RATER workbooks never have "
              "(a workbook holds data only; another program may have changed it).").format(
                name=path.name, kind=kind, object=what), path)
    return ForeignContentError(
        _("“{name}” was not opened: its {kind} “{object}” is not laid out as in a RATER workbook "
          "(another program may have changed it).").format(name=path.name, kind=kind, object=what), path)


def _is_content_problem(problem: str) -> bool:
    """quick_check lines about values breaking CHECK/NOT NULL rules, not about structure.

    Such values come from files edited elsewhere; reads validate them (see
    ``reads.py``), so they do not make the file unusable.
    """
    return problem.startswith(("CHECK constraint failed", "NULL value in"))
