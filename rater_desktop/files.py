"""Writing output files safely: the one place that replaces a file on disk.

Every file the app writes for people — a PDF report, an export, a copy of a
workbook, a new workbook, a backup, the demo — goes through
:func:`atomic_output`, so all of them share the same promises:

- the file appears only when complete: it is written under a hidden
  ``.NAME.XXXX.partial`` name beside the target, flushed to disk, then moved
  into place (a crash or a kill leaves the old file, never half a new one);
- an output never replaces a workbook: a report or export aimed at a
  ``.rater`` file or at any existing RATER workbook (whatever its name) is
  refused with one sentence, and a copy of a workbook never replaces another;
- a new file gets the user's normal permissions (the umask applies, as for
  any program), a replaced file keeps the permissions it had;
- a symbolic link given as the target is written through: the file it
  points to is replaced and the link stays a link;
- leftovers of a killed run (``*.partial`` files older than a day) are
  removed by :func:`remove_stale_partials`, called at start-up, when a
  workbook is opened and when backups rotate.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from rater_desktop.i18n import _

APPLICATION_ID = 0x52415452
"""``PRAGMA application_id`` of every workbook: "RATR" (header bytes 68-71)."""
WORKBOOK_SUFFIX = ".rater"
MAPPING_SUFFIX = ".toml"
SQLITE_MAGIC = b"SQLite format 3\x00"
STALE_AFTER = 24 * 60 * 60
"""Seconds after which a ``.partial`` file can only be the leftover of a killed run."""
_PARTIAL_ENDINGS = (".partial", ".partial-journal", ".partial-wal", ".partial-shm")


class OutputRefused(Exception):
    """The chosen output path would destroy something; ``str()`` says what, in one sentence."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def is_workbook_file(path: Path) -> bool:
    """True when ``path`` is an existing RATER workbook (judged by its header, not its name)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(72)
    except OSError:
        return False
    return head.startswith(SQLITE_MAGIC) and int.from_bytes(head[68:72], "big") == APPLICATION_ID


def real_target(path: str | os.PathLike[str]) -> Path:
    """Where writing ``path`` really lands: a symbolic link is followed to its target."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def check_output(path: str | os.PathLike[str], *, workbook: bool = False,
                 inputs: tuple[str | os.PathLike[str], ...] = ()) -> Path:
    """The real file an output to ``path`` would replace, or ``OutputRefused``.

    Refused: an empty name, a folder, a path that is one of ``inputs``, an
    existing RATER workbook, and (unless ``workbook`` is true, as for "Save a
    copy as") any name ending in ``.rater``.  Call it before long work so a
    bad name is refused at once; :func:`atomic_output` checks again at the end.
    """
    if not str(path).strip() or Path(path).name in ("", ".", ".."):
        raise OutputRefused(_("No output file name was given."), Path(str(path)))
    target = real_target(path)
    name = Path(path).name
    if target.is_dir():
        raise OutputRefused(_("“{name}” is a folder; choose a file name.").format(name=name), target)
    for source in inputs:
        if _same_file(target, Path(source)):
            raise OutputRefused(
                _("“{name}” is the file being read; choose another file name.").format(name=name), target)
    if target.name != name and (is_workbook_file(target) or not workbook and target.suffix.lower() == WORKBOOK_SUFFIX):
        raise OutputRefused(_("“{name}” is a link to the workbook “{target}”; choose another file name so it is not "
                              "replaced.").format(name=name, target=target.name), target)
    if not workbook and target.suffix.lower() == WORKBOOK_SUFFIX:
        raise OutputRefused(
            _("“{name}” is a workbook name; nothing but a workbook is written to a .rater file.").format(name=name),
            target)
    if is_workbook_file(target):
        raise OutputRefused(
            _("“{name}” is an existing workbook; choose another file name so it is not replaced.").format(name=name),
            target)
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def partial_name(target: Path) -> Path:
    """A fresh hidden name beside ``target`` for the file being built."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], *, workbook: bool = False, replace: bool = True,
                  inputs: tuple[str | os.PathLike[str], ...] = ()) -> Iterator[Path]:
    """Yield a hidden path to build the output in; on success move it onto ``path``.

    The caller creates the file at the yielded path (SQLite does this for
    workbooks; :func:`write_atomically` for bytes).  ``replace=False`` refuses
    to put the file over an existing one (a new workbook).  On any error the
    partial file is removed and the target is left as it was.
    """
    target = check_output(path, workbook=workbook, inputs=inputs)
    partial = partial_name(target)
    try:
        yield partial
        _sync(partial)
        check_output(path, workbook=workbook, inputs=inputs)  # the target may have changed meanwhile
        _keep_mode(target, partial)
        if replace:
            os.replace(partial, target)
        else:
            _move_without_replacing(partial, target)
        _sync_folder(target.parent)
    finally:
        for ending in ("", "-journal", "-wal", "-shm"):
            Path(f"{partial}{ending}").unlink(missing_ok=True)


def write_atomically(path: str | os.PathLike[str], data: bytes,
                     inputs: tuple[str | os.PathLike[str], ...] = ()) -> None:
    """Write ``data`` to ``path`` through :func:`atomic_output` (never half a file, never over a workbook)."""
    with atomic_output(path, inputs=inputs) as partial:
        # O_EXCL: never follow or reuse something planted under the partial name;
        # mode 0o666 lets the user's umask decide, as for any other program's files.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)


def check_mapping_name(path: str | os.PathLike[str]) -> None:
    """Refuse (``OutputRefused``) a mapping name not ending in ``.toml``.

    Why: a mapping is text the import reads back as TOML; written under a
    survey's or a report's name it replaced that file (``suggest a.csv -o
    b.csv`` overwrote the export b.csv with a mapping).
    """
    path = Path(path)
    if path.suffix.lower() != MAPPING_SUFFIX:
        raise OutputRefused(_("“{name}” is not a mapping name: a mapping is saved as a .toml file, such as "
                              "“{example}”.").format(name=path.name, example=f"{path.stem or 'mapping'}.toml"), path)


def write_mapping(path: str | os.PathLike[str], text: str, inputs: tuple[str | os.PathLike[str], ...] = ()) -> None:
    """Save a mapping's TOML text: only under a ``.toml`` name, whole or not at all, never over ``inputs``."""
    check_output(path, inputs=inputs)  # the survey itself, a folder, a workbook: said first
    check_mapping_name(path)
    write_atomically(path, text.encode("utf-8"), inputs=inputs)


def _keep_mode(target: Path, partial: Path) -> None:
    """A replaced file keeps its permissions; a new one keeps the umask's."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.chmod(partial, mode)


def _move_without_replacing(partial: Path, target: Path) -> None:
    """Rename, failing with FileExistsError if ``target`` appeared meanwhile."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise
    except OSError:  # file systems without hard links
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(partial, target)
        return
    partial.unlink()


def _sync(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        with open(path, "rb+") as handle:
            os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; other systems have nothing to open)."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def is_partial(path: Path) -> bool:
    """A name :func:`atomic_output` builds files under (or one of SQLite's companions of it)."""
    return path.name.startswith(".") and path.name.endswith(_PARTIAL_ENDINGS)


def remove_stale_partials(folder: Path, *, name: str = "", older_than: float = STALE_AFTER,
                          recursive: bool = False) -> int:
    """Delete leftovers of killed runs in ``folder``: ``.partial`` files not touched for a day.

    ``name`` limits the sweep to the partial files of one target (a workbook
    beside others' files).  Younger ones may belong to a run still in progress
    (another window, a command in a terminal) and stay.  Returns how many were
    removed; a file that cannot be removed is left for next time.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    limit = time.time() - older_than
    pattern = f".{glob.escape(name)}.*.partial*" if name else ".*.partial*"
    found = folder.rglob(pattern) if recursive else folder.glob(pattern)
    removed = 0
    for path in found:
        try:
            if is_partial(path) and path.is_file() and not path.is_symlink() and path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed
