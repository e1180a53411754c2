"""Commands that make a workbook or read its report card: ``new``, ``demo``, ``summary``."""

from __future__ import annotations

from pathlib import Path

import click

from rater_desktop.cli.common import (
    assessment_option,
    choose_round,
    existing_file,
    open_workbook,
    workbook_path,
)
from rater_desktop.i18n import _


@click.command()
@click.argument("path", type=workbook_path)
@click.option("--organisation", default="", help="Name of the organisation being assessed.")
def new(path: Path, organisation: str) -> None:
    """Create an empty workbook with the built-in framework and one round."""
    from rater_desktop.storage import create_workbook

    create_workbook(path, organisation).close()
    click.echo(_("Created {path}.").format(path=path))


@click.command()
@click.argument("path", type=workbook_path)
@click.option("--lang", type=click.Choice(["en", "vi"]), default="en", show_default=True,
              help="Language of the demo's organisation, people, notes, situations, actions and comments.")
def demo(path: Path, lang: str) -> None:
    """Write a realistic demo workbook to PATH."""
    from rater_desktop.demo import write_demo

    write_demo(path, lang)
    click.echo(_("Wrote the demo workbook to {path}.").format(path=path))


@click.command()
@click.argument("path", type=existing_file)
@assessment_option
@click.option("--json", "as_json", is_flag=True, help="Print the report card as JSON.")
def summary(path: Path, assessment_id: int | None, as_json: bool) -> None:
    """Print the report card of a round."""
    from rater_desktop.summary import workbook_summary

    with open_workbook(path, read_only=True) as workbook:
        data = workbook_summary(workbook, choose_round(workbook, assessment_id))
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
    rows = [(dimension_name(dim["key"]), dim["internal"], dim["customer"]) for dim in data["dimensions"]]
    rows.append((_("Overall"), data["overall"]["internal"], data["overall"]["customer"]))
    for name, internal, customer in rows:
        lines.append(f"  {name:<16} {_grade(internal):>6} {_grade(customer):>10}")
    return "\n".join(lines)


def _grade(figures: dict | None) -> str:
    """The letter of a side's figures, a dash when that side has none."""
    return (figures or {}).get("grade") or "–"


COMMANDS = (new, demo, summary)
