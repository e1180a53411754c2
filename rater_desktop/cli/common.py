"""What every command shares: the user-facing error, opening a workbook, choosing a round.

Kept apart from the commands so that each command module stays a thin layer
over the core and new commands need nothing but an import of this module.
"""

from __future__ import annotations

from pathlib import Path

import click

from rater_desktop.i18n import _

EXIT_FAILURE = 1
EXIT_USAGE = 2


class UserError(click.ClickException):
    """A failure the user can act on, worded for them."""


def open_workbook(path: Path, *, read_only: bool = False):
    """Open ``path`` as a workbook (imported late: sqlite-utils is heavy)."""
    from rater_desktop.storage import open_workbook as open_file

    return open_file(path, read_only=read_only)


def choose_round(workbook, requested: int | None) -> int:
    """The round a command works on: the one asked for, else the latest."""
    ids = [a.id for a in workbook.assessments()]
    if requested is None:
        if not ids:
            raise UserError(_("The workbook has no assessment rounds yet."))
        return ids[-1]
    if requested not in ids:
        raise UserError(
            _("The workbook has no assessment round with id {id}.").format(id=requested)
        )
    return requested


def check_output_folder(output: Path) -> None:
    """Name the user's own path when its folder is missing, not a temporary file's."""
    folder = output.resolve().parent
    if not folder.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=folder))


workbook_path = click.Path(dir_okay=False, path_type=Path)
existing_file = click.Path(dir_okay=False, exists=True, path_type=Path)
assessment_option = click.option(
    "--assessment", "assessment_id", type=int, help="Round id (default: the latest)."
)
