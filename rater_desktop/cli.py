"""Command line over the core (DESIGN §5): a thin click layer, no business rules.

Every failure reaches the user as one plain sentence on stderr with a non-zero
exit status; tracebacks are for developers, not for a consultant in a workshop.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from rater_desktop.i18n import _, set_language

EXIT_FAILURE = 1
EXIT_USAGE = 2


class UserError(click.ClickException):
    """A failure the user can act on, worded for them."""


def _open(path: Path, *, read_only: bool = False):
    from rater_desktop.storage import open_workbook

    return open_workbook(path, read_only=read_only)


def _assessment_id(workbook, requested: int | None) -> int:
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


workbook_path = click.Path(dir_okay=False, path_type=Path)
existing_file = click.Path(dir_okay=False, exists=True, path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rater-desktop", prog_name="rater-desktop")
def cli() -> None:
    """RATER Report Card: grade your customer service A–F and compare it with your customers.

    Run without a command to open the window.
    """


@cli.command()
@click.argument("path", type=workbook_path)
@click.option("--organisation", default="", help="Name of the organisation being assessed.")
def new(path: Path, organisation: str) -> None:
    """Create an empty workbook with the built-in framework and one round."""
    from rater_desktop.storage import create_workbook

    create_workbook(path, organisation).close()
    click.echo(_("Created {path}.").format(path=path))


@cli.command()
@click.argument("path", type=workbook_path)
def demo(path: Path) -> None:
    """Write a realistic demo workbook to PATH."""
    from rater_desktop.demo import write_demo

    write_demo(path)
    click.echo(_("Wrote the demo workbook to {path}.").format(path=path))


@cli.command()
@click.argument("path", type=existing_file)
@click.option("--assessment", "assessment_id", type=int, help="Round id (default: the latest).")
@click.option("--json", "as_json", is_flag=True, help="Print the report card as JSON.")
def summary(path: Path, assessment_id: int | None, as_json: bool) -> None:
    """Print the report card of a round."""
    from rater_desktop.summary import workbook_summary

    with _open(path, read_only=True) as workbook:
        data = workbook_summary(workbook, _assessment_id(workbook, assessment_id))
    if as_json:
        import json

        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(_summary_text(data))


def _summary_text(data: dict) -> str:
    """A short plain-text report card for the terminal."""
    from rater_desktop.framework import dimension_name

    lines = [
        f"{data['assessment']['name']} ({data['assessment']['date']})",
        f"  {'':<16} {_('Team'):>6} {_('Customers'):>10}",
    ]
    for dim in data["dimensions"]:
        internal = (dim["internal"] or {}).get("grade") or "–"
        customer = (dim["customer"] or {}).get("grade") or "–"
        lines.append(f"  {dimension_name(dim['key']):<16} {internal:>6} {customer:>10}")
    overall = (data["overall"]["internal"] or {}).get("grade") or "–"
    lines.append(_("Overall grade: {grade}").format(grade=overall))
    return "\n".join(lines)


@cli.command(name="import")
@click.argument("path", type=existing_file)
@click.argument("file", type=existing_file)
@click.option("--map", "map_path", type=existing_file, required=True, help="Mapping file (TOML).")
@click.option("--assessment", "assessment_id", type=int, help="Round id (default: the latest).")
@click.option("--dry-run", is_flag=True, help="Validate and report without writing.")
@click.option("--skip-invalid", is_flag=True, help="Import the valid cells and report the others.")
@click.option("--json", "as_json", is_flag=True, help="Report as JSON.")
def import_(
    path: Path,
    file: Path,
    map_path: Path,
    assessment_id: int | None,
    dry_run: bool,
    skip_invalid: bool,
    as_json: bool,
) -> None:
    """Import a customer survey export into a round (all or nothing)."""
    from rater_desktop.importing import import_into, load_mapping, run_import

    mapping = load_mapping(map_path)
    if dry_run:
        with _open(path, read_only=True) as workbook:
            _assessment_id(workbook, assessment_id)
        result = run_import(file, mapping, skip_invalid=skip_invalid)
    else:
        with _open(path) as workbook:
            result = import_into(
                workbook,
                _assessment_id(workbook, assessment_id),
                file,
                mapping,
                skip_invalid=skip_invalid,
            )
    _report_import(result, dry_run=dry_run, as_json=as_json)


def _report_import(result, *, dry_run: bool, as_json: bool) -> None:
    """Tell what the import found: counts, then each bad cell as a sentence."""
    from rater_desktop.importing import cell_error_text

    problems = [cell_error_text(error) for error in result.errors]
    skipped = [cell_error_text(error) for error in result.skipped]
    if not result.ok:
        message = _("Nothing was imported: {count} cells are not valid.").format(count=result.error_count)
    elif dry_run:
        message = _("The file is valid: {rows} responses would be imported.").format(rows=result.row_count)
    else:
        message = _("Imported {rows} responses from {name}.").format(rows=result.row_count, name=result.source_name)
    if as_json:
        import json

        report = {
            "ok": result.ok,
            "dry_run": dry_run,
            "source": result.source_name,
            "rows": result.row_count,
            "file_hash": result.file_hash,
            "survey_id": result.survey_id,
            "error_count": result.error_count,
            "errors": problems,
            "skipped": skipped,
            "message": message,
        }
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for line in problems + skipped:
            click.echo(line, err=not result.ok)
        if result.error_count > len(problems):
            more = result.error_count - len(problems)
            click.echo(_("… and {count} more.").format(count=more), err=True)
        click.echo(message, err=not result.ok)
    if not result.ok:
        raise SystemExit(EXIT_FAILURE)


@cli.command()
@click.argument("path", type=existing_file)
@click.option("-o", "--output", type=workbook_path, required=True, help="PDF file to write.")
@click.option("--assessment", "assessment_id", type=int, help="Round id (default: the latest).")
@click.option("--lang", type=click.Choice(["en", "vi"]), default="en", show_default=True)
def report(path: Path, output: Path, assessment_id: int | None, lang: str) -> None:
    """Write the PDF report of a round."""
    from rater_desktop.report import write_report

    set_language(lang)
    with _open(path, read_only=True) as workbook:
        assessment_id = _assessment_id(workbook, assessment_id)
    _check_output_folder(output)
    write_report(path, output, assessment_id=assessment_id, lang=lang)
    click.echo(_("Wrote {path}.").format(path=output))


@cli.command()
@click.argument("path", type=existing_file)
@click.option("-o", "--output", type=workbook_path, required=True, help="OUT.csv or OUT.xlsx")
def export(path: Path, output: Path) -> None:
    """Export internal grades, customer results and actions as tables."""
    from rater_desktop.export import export_workbook

    if output.suffix.lower() not in (".csv", ".xlsx"):
        raise UserError(_("The export file must end in .csv or .xlsx."))
    _check_output_folder(output)
    with _open(path, read_only=True) as workbook:
        export_workbook(workbook, output)
    click.echo(_("Wrote {path}.").format(path=output))


def _check_output_folder(output: Path) -> None:
    """Name the user's own path when its folder is missing, not a temporary file's."""
    folder = output.resolve().parent
    if not folder.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=folder))


def _plain_errors() -> tuple[type[BaseException], ...]:
    """Exception types whose message is already one sentence for the user."""
    from rater_desktop.storage import WorkbookError

    kinds: list[type[BaseException]] = [WorkbookError]
    try:
        from rater_desktop.importing import SurveyImportError
    except ImportError:  # pragma: no cover - import engine not installed
        pass
    else:
        kinds.append(SurveyImportError)
    return tuple(kinds)


def run_cli(args: list[str]) -> int:
    """Run one command; return the exit status instead of exiting."""
    try:
        cli.main(args=args, prog_name="rater-desktop", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        click.echo(_("Error: {message}").format(message=error.format_message()), err=True)
        return EXIT_USAGE if isinstance(error, click.UsageError) else EXIT_FAILURE
    except click.exceptions.Abort:
        return EXIT_FAILURE
    except SystemExit as done:
        return int(done.code or 0)
    except OSError as error:
        click.echo(_("Error: {message}").format(message=_os_error_sentence(error)), err=True)
        return EXIT_FAILURE
    except Exception as error:  # noqa: BLE001 - the user gets a sentence, never a traceback
        if isinstance(error, _plain_errors()):
            click.echo(_("Error: {message}").format(message=str(error)), err=True)
        else:
            click.echo(
                _("Error: something unexpected went wrong ({kind}: {message}).").format(
                    kind=type(error).__name__, message=error
                ),
                err=True,
            )
        return EXIT_FAILURE
    return 0


def _os_error_sentence(error: OSError) -> str:
    name = error.filename or ""
    reason = error.strerror or str(error)
    return _("Could not use {path}: {reason}.").format(path=name, reason=reason)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_cli(sys.argv[1:]))
