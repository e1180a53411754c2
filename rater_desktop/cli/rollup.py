"""``rollup``: many teams' workbooks, one picture (DESIGN §5, issue 16)."""

from __future__ import annotations

from pathlib import Path

import click

from rater_desktop.cli.common import UserError, workbook_path
from rater_desktop.i18n import _, set_language

OUTPUT_SUFFIXES = (".pdf", ".csv", ".xlsx")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the roll-up as JSON.")
@click.option("-o", "--output", "outputs", type=workbook_path, multiple=True,
              help="Write the group report (.pdf) or the table (.csv, .xlsx); may be given more than once.")
@click.option("--lang", type=click.Choice(["en", "vi"]), default="en", show_default=True,
              help="Language of the group report and the table's headings.")
@click.option("--min-group", type=click.IntRange(min=1), default=None,
              help="Fewest customers behind a customer figure (default 5, or the set's).")
@click.option("--save", "save_path", type=workbook_path, help="Also save the members as a .raterset.")
@click.option("--title", default="", help="Name of the group on the report's cover.")
def rollup(paths: tuple[Path, ...], as_json: bool, outputs: tuple[Path, ...], lang: str, min_group: int | None,
           save_path: Path | None, title: str) -> None:
    """Roll up several workbooks (files, folders or a .raterset): every team beside the pooled whole."""
    from rater_desktop.rollup import read_sources
    from rater_desktop.rollup.raterset import RaterSetError
    from rater_desktop.rollup.session import RollupSession, expand_arguments

    set_language(lang)
    session = RollupSession()
    try:
        files = expand_arguments(paths, session)
    except RaterSetError as error:
        raise UserError(str(error)) from error
    _check_outputs(outputs, files)
    if min_group is not None:
        session.min_group = min_group
    session.adopt(read_sources(files))
    for item in session.left_out:
        click.echo(_("Left out: {path} — {reason}").format(path=item.path, reason=item.reason), err=True)
    for notice in session.notices:
        click.echo(_("Note: {message}").format(message=notice.message), err=True)
    if not session.teams:
        raise UserError(_("None of the files could be rolled up."))
    result = session.compute()
    _write_outputs(result, outputs, lang, title, session.notices)
    if save_path is not None:
        session.save(save_path)
    if as_json:
        from rater_desktop.rollup.summary import rollup_json

        click.echo(rollup_json(result, session.notices))
    elif not outputs and save_path is None:
        _print_lines(result)


def _check_outputs(outputs: tuple[Path, ...], members: list[Path]) -> None:
    """Refuse a bad output before reading hundreds of files: wrong kind, a member, a workbook, no folder."""
    from rater_desktop.files import OutputRefused, check_output

    for output in outputs:
        if output.suffix.lower() not in OUTPUT_SUFFIXES:
            raise UserError(_("An output must end in .pdf, .csv or .xlsx."))
        try:
            target = check_output(output, inputs=tuple(members))
        except OutputRefused as refused:
            raise UserError(str(refused)) from None
        if not target.resolve().parent.is_dir():
            raise UserError(_("The folder {folder} does not exist.").format(folder=target.resolve().parent))


def _write_outputs(result, outputs: tuple[Path, ...], lang: str, title: str, notices) -> None:
    for output in outputs:
        if output.suffix.lower() == ".pdf":
            from rater_desktop.rollup.report import write_rollup_report

            write_rollup_report(result, output, lang=lang, title=title, notices=notices)
        else:
            from rater_desktop.rollup.tables import write_table

            write_table(result, output)
        click.echo(_("Wrote {path}.").format(path=output), err=True)


def _print_lines(result) -> None:
    """Without --json or -o: one line per team, then the whole group."""
    from rater_desktop.framework import dimension_name
    from rater_desktop.model import DIMENSION_KEYS
    from rater_desktop.report.content import points
    from rater_desktop.rollup.report import team_line

    names = {key: dimension_name(key) for key in DIMENSION_KEYS}
    for team in result.teams:
        click.echo(team_line(team, names))
    pooled = result.pooled.card
    inner, outer = pooled.overall_internal, pooled.overall_customer
    click.echo(_("All teams ({teams} teams, {participants} participants, {customers} customers): "
                 "team {team}, customers {customers_grade}.").format(
        teams=result.pooled.teams, participants=result.pooled.participants, customers=result.pooled.customers,
        team=f"{inner.grade} ({points(inner.mean)})" if inner else "–",
        customers_grade=f"{outer.grade} ({points(outer.mean)})" if outer else "–"))


COMMANDS = (rollup,)
