"""Asking where a roll-up's outputs go: the set, the table, the group report.

One question for the three: a save dialog with the kinds of file on offer, the
suffix of the chosen kind added when the name has none, and the shared
:func:`confirm_output` check (never over a member workbook, and an existing
file replaced only when the person says so).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rater_desktop.i18n import _
from ui.dialogs.export_dialog import confirm_output
from ui.qt import QFileDialog, QWidget

SET_KINDS = ((lambda: _("Roll-up sets (*.raterset)"), ".raterset"),)
TABLE_KINDS = ((lambda: _("Excel workbook (*.xlsx)"), ".xlsx"), (lambda: _("CSV file (*.csv)"), ".csv"))
REPORT_KINDS = ((lambda: _("PDF files (*.pdf)"), ".pdf"),)


def ask_output(parent: QWidget, title: str, name: str, kinds: Sequence, members: Sequence[Path]) -> str | None:
    """The file to write, or None when the person cancelled or the name was refused.

    The dialog opens in the first member's folder with ``name`` suggested
    (without its suffix, which the kind chosen adds).
    """
    labels = [label() for label, _suffix in kinds]
    folder = members[0].parent if members else Path.home()
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(folder / f"{name}{kinds[0][1]}"), ";;".join(labels),
                                               options=QFileDialog.Option.DontConfirmOverwrite)
    if not path:
        return None
    suffixes = [suffix for _label, suffix in kinds]
    if Path(path).suffix.lower() not in suffixes:
        path += suffixes[labels.index(chosen)] if chosen in labels else suffixes[0]
    return path if confirm_output(parent, path, inputs=tuple(members)) else None
