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
EXIT_INTERRUPTED = 130
"""Ctrl+C, as shells report a command stopped by SIGINT."""


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


def check_output(output: Path, source: Path) -> None:
    """Refuse a bad output path before any work: no name, a missing folder, a workbook.

    Names the user's own path, never the temporary file the output is built in;
    ``source`` (the workbook read) and any other workbook are never replaced.
    """
    from rater_desktop.files import OutputRefused
    from rater_desktop.files import check_output as check

    try:
        target = check(output, inputs=(source,))
    except OutputRefused as refused:
        raise UserError(str(refused)) from None
    folder = target.resolve().parent
    if not folder.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=folder))


workbook_path = click.Path(dir_okay=False, path_type=Path)
existing_file = click.Path(dir_okay=False, exists=True, path_type=Path)
assessment_option = click.option(
    "--assessment", "assessment_id", type=int, help="Round id (default: the latest)."
)
