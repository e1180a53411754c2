"""The ``suggest`` command: the mapping a survey export would get, with a comment on each guess."""

from __future__ import annotations

from pathlib import Path

import click

from rater_desktop.cli.common import UserError, check_output, existing_file
from rater_desktop.i18n import _


@click.command(name="suggest")
@click.argument("file", type=existing_file)
@click.option("--sheet", help="Sheet of a workbook (default: the first).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the mapping to this TOML file (default: print it).")
def suggest(file: Path, sheet: str | None, output: Path | None) -> None:
    """Suggest an import mapping for a survey export: which column holds what, and the answers' scale.

    Every guess carries a comment; guesses to check are left commented out,
    and a scale that is a guess gets confirmed = false, which import refuses.
    """
    from rater_desktop.files import OutputRefused, check_mapping_name, write_mapping
    from rater_desktop.importing.proposal import propose
    from rater_desktop.importing.proposal_toml import proposal_toml
    from rater_desktop.importing.suggest import builtin_vocabulary

    if output is not None:  # refused before the file is read, never after
        check_output(output, file)  # never over the survey itself or a workbook
        try:
            check_mapping_name(output)  # nor over any other file that is not a mapping
        except OutputRefused as refused:
            raise UserError(str(refused)) from None
    names, criteria = builtin_vocabulary()
    proposal = propose(file, names, criteria, sheet)
    text = proposal_toml(proposal)
    if output is None:
        click.echo(text, nl=False)
        return
    write_mapping(output, text, inputs=(file,))
    if not proposal.mapping.dimensions and not proposal.mapping.kpis:
        click.echo(_("Wrote {path}. No column is mapped for sure yet: remove the # from the guesses you agree "
                     "with (and check [scale]), then import with it.").format(path=output))
    elif proposal.scale.sure:
        click.echo(_("Wrote {path}: check the suggestions, then import with it.").format(path=output))
    else:
        click.echo(_("Wrote {path}. The answer scale is a guess: check [scale] and set confirmed = true "
                     "before importing.").format(path=output))


COMMANDS = (suggest,)
