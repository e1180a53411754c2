"""Commands that write something for people to read: ``report`` (PDF) and ``export`` (tables)."""

from __future__ import annotations

from pathlib import Path

import click

from rater_desktop.cli.common import (
    UserError,
    assessment_option,
    check_output,
    choose_round,
    existing_file,
    open_workbook,
    workbook_path,
)
from rater_desktop.i18n import _, set_language


@click.command()
@click.argument("path", type=existing_file)
@click.option("-o", "--output", type=workbook_path, required=True, help="PDF file to write.")
@assessment_option
@click.option("--lang", type=click.Choice(["en", "vi"]), default="en", show_default=True,
              help="Language of the report's words, numbers and dates.")
def report(path: Path, output: Path, assessment_id: int | None, lang: str) -> None:
    """Write the PDF report of a round."""
    from rater_desktop.report import write_report

    set_language(lang)
    check_output(output, path)
    with open_workbook(path, read_only=True) as workbook:
        assessment_id = choose_round(workbook, assessment_id)
    write_report(path, output, assessment_id=assessment_id, lang=lang)
    click.echo(_("Wrote {path}.").format(path=output))


@click.command()
@click.argument("path", type=existing_file)
@click.option("-o", "--output", type=workbook_path, required=True, help="OUT.csv or OUT.xlsx")
def export(path: Path, output: Path) -> None:
    """Export internal grades, customer results and actions as tables."""
    from rater_desktop.export import export_workbook

    check_output(output, path)
    if output.suffix.lower() not in (".csv", ".xlsx"):
        raise UserError(_("The export file must end in .csv or .xlsx."))
    with open_workbook(path, read_only=True) as workbook:
        export_workbook(workbook, output)
    click.echo(_("Wrote {path}.").format(path=output))


COMMANDS = (report, export)
