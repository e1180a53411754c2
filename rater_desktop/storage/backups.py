"""Rotating backup copies of workbooks in the user data folder.

A copy is taken each time a workbook is opened for writing and before any
migration, with SQLite's backup API (a consistent snapshot even while the
file is in WAL mode).  Each workbook gets its own folder, named after the file
plus a short hash of its full path so two ``client.rater`` files in different
folders never evict each other's copies; the newest ``KEEP`` copies stay.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime
from pathlib import Path

from rater_desktop.files import atomic_output, remove_stale_partials
from rater_desktop.paths import backups_dir

KEEP = 5
SUFFIX = ".rater"


def backup_folder(workbook_path: Path) -> Path:
    """The folder holding the backups of the workbook at ``workbook_path``."""
    resolved = Path(workbook_path).resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return backups_dir() / f"{resolved.stem}-{digest}"


def list_backups(workbook_path: Path) -> list[Path]:
    """Backups of this workbook, oldest first (names sort by time)."""
    folder = backup_folder(workbook_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{SUFFIX}"))


def take_backup(conn: sqlite3.Connection, workbook_path: Path) -> Path:
    """Copy the open database ``conn`` into a new backup file and rotate.

    Raises OSError or sqlite3.Error when the data folder cannot be written;
    the caller decides whether that stops the open (it does before a
    migration, where the copy is the user's way back).
    """
    folder = backup_folder(workbook_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{stamp}{SUFFIX}"
    with atomic_output(target, workbook=True, replace=False) as partial:
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
        finally:
            dest.close()
    _rotate(workbook_path)
    return target


def _rotate(workbook_path: Path) -> None:
    """Keep the newest ``KEEP`` copies, and drop what killed runs left behind."""
    for old in list_backups(workbook_path)[:-KEEP]:
        old.unlink(missing_ok=True)
    remove_stale_partials(backup_folder(workbook_path))
