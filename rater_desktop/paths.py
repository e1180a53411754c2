"""Where the app keeps its own files (backups), outside any workbook.

``RATER_DATA_DIR`` overrides the platform's user data folder so tests and
portable installs never touch the real home folder.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "RATER Report Card"
DATA_DIR_ENV = "RATER_DATA_DIR"


def data_dir() -> Path:
    """The user data folder (created on demand by the callers that write there)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def backups_dir() -> Path:
    """Folder holding the rotating workbook backups."""
    return data_dir() / "backups"
