"""The ``.rater`` workbook file: create, open, read, write, back up (DESIGN §4).

Importing this package does not import ``sqlite_utils`` (it pulls numpy and
would delay the first paint of the window); that happens when a workbook is
first opened or created.
"""

from rater_desktop.storage.errors import (
    DamagedWorkbookError,
    NewerVersionError,
    NotAWorkbookError,
    ReadOnlyLocationError,
    WorkbookAccessError,
    WorkbookError,
)
from rater_desktop.storage.migrations import SCHEMA_VERSION
from rater_desktop.storage.opening import APPLICATION_ID, create_workbook, open_companion, open_workbook
from rater_desktop.storage.workbook import Workbook

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "DamagedWorkbookError",
    "NewerVersionError",
    "NotAWorkbookError",
    "ReadOnlyLocationError",
    "Workbook",
    "WorkbookAccessError",
    "WorkbookError",
    "create_workbook",
    "open_companion",
    "open_workbook",
]
