"""The ``import`` command: a customer survey export into a round, all or nothing."""

from __future__ import annotations

from pathlib import Path

import click

from rater_desktop.cli.common import (
    EXIT_FAILURE,
    assessment_option,
    choose_round,
    existing_file,
    open_workbook,
)
from rater_desktop.i18n import _, ngettext


@click.command(name="import")
@click.argument("path", type=existing_file)
@click.argument("file", type=existing_file)
@click.option("--map", "map_path", type=existing_file, required=True, help="Mapping file (TOML).")
@assessment_option
@click.option("--dry-run", is_flag=True, help="Validate and report without writing.")
@click.option("--skip-invalid", is_flag=True, help="Import the valid cells and report the others.")
@click.option("--json", "as_json", is_flag=True, help="Report as JSON.")
@click.option("--add-to-comparison/--keep-aside", "wanted", default=None,
              help="When the round already has surveys: count this one in the comparison, or keep it aside "
                   "(default: added when it shares their scale, else kept aside).")
def import_(
    path: Path,
    file: Path,
    map_path: Path,
    assessment_id: int | None,
    dry_run: bool,
    skip_invalid: bool,
    as_json: bool,
    wanted: bool | None,
) -> None:
    """Import a customer survey export into a round (all or nothing)."""
    from rater_desktop.importing import import_into, load_mapping, run_import
    from rater_desktop.survey_sources import mapping_scale, place_new_survey

    mapping = load_mapping(map_path)
    with open_workbook(path, read_only=dry_run) as workbook:
        round_id = choose_round(workbook, assessment_id)
        placement = place_new_survey(workbook.survey_sources(round_id), mapping_scale(mapping.scale), wanted)
        if dry_run:
            result = run_import(file, mapping, skip_invalid=skip_invalid)
        else:
            result = import_into(workbook, round_id, file, mapping, skip_invalid=skip_invalid,
                                 included=placement.included)
    _report_import(result, placement, mapping_scale(mapping.scale), path, dry_run=dry_run, as_json=as_json)


def _report_import(result, placement, scale, path: Path, *, dry_run: bool, as_json: bool) -> None:
    """Tell what the import found: counts, then each bad cell as a sentence, then where the survey went
    (and, on a dry run, the points each answer of the scale gets)."""
    from rater_desktop.importing import cell_error_text, load_mapping
    from rater_desktop.importing.points import points_lines, scale_points
    from rater_desktop.survey_sources import placement_sentence

    problems = [cell_error_text(error) for error in result.errors]
    skipped = [cell_error_text(error) for error in result.skipped]
    if not result.ok and dry_run:  # a dry run imports nothing anyway: say what the import would do
        message = ngettext("The import would be refused: {count} cell is not valid (--skip-invalid would "
                           "leave it out and import the rest).",
                           "The import would be refused: {count} cells are not valid (--skip-invalid would "
                           "leave them out and import the rest).", result.error_count).format(count=result.error_count)
    elif not result.ok:
        message = ngettext("Nothing was imported: {count} cell is not valid (--skip-invalid leaves it out and "
                           "imports the rest).",
                           "Nothing was imported: {count} cells are not valid (--skip-invalid leaves them out and "
                           "imports the rest).", result.error_count).format(count=result.error_count)
    elif dry_run and result.skipped:
        message = ngettext("{rows} responses would be imported, leaving out {count} cell that is not valid.",
                           "{rows} responses would be imported, leaving out {count} cells that are not valid.",
                           len(result.skipped)).format(rows=result.row_count, count=len(result.skipped))
    elif dry_run:
        message = _("The file is valid: {rows} responses would be imported.").format(rows=result.row_count)
    elif result.skipped:
        message = ngettext("Imported {rows} responses from {name}, leaving out {count} cell that is not valid.",
                           "Imported {rows} responses from {name}, leaving out {count} cells that are not valid.",
                           len(result.skipped)).format(rows=result.row_count, name=result.source_name,
                                                       count=len(result.skipped))
    else:
        message = _("Imported {rows} responses from {name}.").format(rows=result.row_count, name=result.source_name)
    if result.ok and placement.reason != "first":
        message += " " + placement_sentence(placement, result.source_name, scale, planned=dry_run)
        if not placement.included and not dry_run:
            message += " " + _("To count it: surveys {path} --include {id}").format(path=path, id=result.survey_id)
    answer_scale = load_mapping(result.mapping_toml).scale
    if as_json:
        import json

        report = {
            "ok": result.ok,
            "dry_run": dry_run,
            "source": result.source_name,
            "rows": result.row_count,
            "file_hash": result.file_hash,
            "survey_id": result.survey_id,
            "included": placement.included,
            "placement": placement.reason,
            "error_count": result.error_count,
            "errors": problems,
            "skipped": skipped,
            "scale": [{"answer": row.answer, "points": row.points} for row in scale_points(answer_scale)],
            "message": message,
        }
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for line in problems + skipped:
            click.echo(line, err=not result.ok)
        if result.error_count > len(problems):
            more = result.error_count - len(problems)
            click.echo(_("… and {count} more.").format(count=more), err=not result.ok)
        click.echo(message, err=not result.ok)
        if dry_run:  # the person sees each answer's points before importing for real
            click.echo(_("Points each answer gets:"))
            for line in points_lines(answer_scale):
                click.echo(f"  {line}")
    if not result.ok:
        raise SystemExit(EXIT_FAILURE)



COMMANDS = (import_,)
