"""The ``surveys`` command: a round's imported surveys, and which of them count.

Customer figures come from the included surveys only; this is where a person
lists them (source, date, rows, scale) and includes or keeps aside each one.
Including surveys on different scales pools them, which is allowed because the
person asked for it, and said out loud.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from rater_desktop.cli.common import UserError, assessment_option, choose_round, existing_file, open_workbook
from rater_desktop.i18n import _, format_date, format_number


def _ids(given: tuple[str, ...]) -> set[int]:
    """Survey ids from repeated options and comma lists: ``--include 3 --include 4,5``."""
    ids = set()
    for part in (p.strip() for text in given for p in text.split(",")):
        if not part:
            continue
        if not part.isdigit():
            raise UserError(_("A survey id is a whole number, not “{value}”.").format(value=part))
        ids.add(int(part))
    return ids


@click.command()
@click.argument("path", type=existing_file)
@assessment_option
@click.option("--include", "include", multiple=True, metavar="ID",
              help="Count these surveys in the comparison (repeat, or separate ids with commas).")
@click.option("--exclude", "exclude", multiple=True, metavar="ID",
              help="Keep these surveys aside: listed, not counted.")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
def surveys(path: Path, assessment_id: int | None, include: tuple[str, ...], exclude: tuple[str, ...],
            as_json: bool) -> None:
    """List a round's imported surveys and choose which count in the comparison."""
    from rater_desktop.survey_sources import mixed_scales, source_json

    included, excluded = _ids(include), _ids(exclude)
    both = sorted(included & excluded)
    if both:
        raise UserError(_("A survey cannot be both included and excluded: {ids}.").format(
            ids=", ".join(map(str, both))))
    with open_workbook(path, read_only=True) as workbook:  # nothing is written before every id checks out
        round_id = choose_round(workbook, assessment_id)
        known = {source.id for source in workbook.survey_sources(round_id)}
    unknown = sorted((included | excluded) - known)
    if unknown:
        raise UserError(_("Round {round} has no survey with id {ids}.").format(
            round=round_id, ids=", ".join(map(str, unknown))))
    with open_workbook(path, read_only=not (included or excluded)) as workbook:
        for ident in sorted(included | excluded):
            workbook.set_survey_included(ident, ident in included)
        sources = workbook.survey_sources(round_id)
        assessment = next(a for a in workbook.assessments() if a.id == round_id)
    if as_json:
        click.echo(json.dumps({
            "assessment": {"id": assessment.id, "name": assessment.name, "date": assessment.date},
            "surveys": [source_json(source) for source in sources],
            "mixed_scales": mixed_scales(sources),
        }, indent=2, ensure_ascii=False))
        return
    click.echo(_listing(assessment, sources))
    if mixed_scales(sources):
        click.echo(_("Note: the counted surveys answer on different scales; their answers are pooled "
                     "because they are all included."))


def _listing(assessment, sources) -> str:
    """One line per survey: id, counted or not, file, import date, responses, scale."""
    from rater_desktop.survey_sources import scale_text

    if not sources:
        return _("“{round}” has no imported surveys.").format(round=assessment.name)
    lines = [_("Surveys of “{round}” (round {id}):").format(round=assessment.name, id=assessment.id)]
    for source in sources:
        state = _("counted") if source.included else _("kept aside")
        lines.append("  " + _("#{id} {state}: {name}, imported {date}, {rows} responses, scale {scale}").format(
            id=source.id, state=state, name=source.source_name,
            date=format_date(source.imported) if source.imported else "–",
            rows=format_number(source.rows), scale=scale_text(source.scale)))
    return "\n".join(lines)


COMMANDS = (surveys,)
