"""The ``settings`` command: print a workbook's settings, or change them.

Weights are importance points that add up to 100; anything else is refused
with a sentence (shares that add up to 1 included), and nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from rater_desktop.cli.common import UserError, existing_file, open_workbook
from rater_desktop.i18n import _, format_number

EQUAL = "equal"
"""What ``--weights`` takes to go back to equal weights (no weights stored)."""


def _weights_option(value: str) -> dict[str, float] | None:
    from rater_desktop.workbook_settings import parse_weights

    if value.strip().lower() == EQUAL:
        return None
    try:
        return parse_weights(value)
    except ValueError as error:
        raise UserError(str(error)) from None


@click.command()
@click.argument("path", type=existing_file)
@click.option("--json", "as_json", is_flag=True, help="Print the settings as JSON.")
@click.option("--gap-threshold", type=float, help="Points of difference from which a gap is flagged.")
@click.option("--weights", metavar="DIM=N,…",
              help="Dimension weights for the overall grade, adding up to 100 (or 'equal').")
@click.option("--servqual-weights", metavar="DIM=N,…",
              help="SERVQUAL importance weights, adding up to 100 (or 'equal' for none).")
@click.option("--show-names/--hide-names", default=None,
              help="Whether individual grades may carry names (never for a group under three).")
def settings(path: Path, as_json: bool, gap_threshold: float | None, weights: str | None,
             servqual_weights: str | None, show_names: bool | None) -> None:
    """Print the workbook's settings, or change them."""
    from rater_desktop.workbook_settings import checked_changes, settings_json

    changes: dict[str, Any] = {}
    if weights is not None:
        changes["weights"] = _weights_option(weights)
    if servqual_weights is not None:
        changes["servqual_weights"] = _weights_option(servqual_weights)
    if gap_threshold is not None:
        changes["gap_threshold"] = gap_threshold
    if show_names is not None:
        changes["show_names"] = show_names
    try:
        clean = checked_changes(changes)
    except ValueError as error:
        raise UserError(str(error)) from None
    with open_workbook(path, read_only=not clean) as workbook:
        if clean:
            workbook.set_settings(clean)
        current = workbook.settings()
    if as_json:
        click.echo(json.dumps(settings_json(current), indent=2, ensure_ascii=False))
        return
    if clean:
        click.echo(_("Saved."))
    click.echo(_settings_text(current))


def _weights_text(weights: dict[str, float] | None, unset: str) -> str:
    from rater_desktop.framework import dimension_name

    if weights is None:
        return unset
    return ", ".join(f"{dimension_name(key)} {format_number(value, 0 if value.is_integer() else 2)}"
                     for key, value in weights.items())


def _settings_text(current) -> str:
    lines = [
        _("Dimension weights: {weights}").format(weights=_weights_text(current.weights, _("equal"))),
        _("SERVQUAL importance weights: {weights}").format(
            weights=_weights_text(current.servqual_weights, _("not set"))),
        _("Gap threshold: {points} points").format(points=format_number(current.gap_threshold, 2)),
        _("Show names: {state}").format(state=_("on") if current.show_names else _("off")),
    ]
    lines += [_("Warning: {problem}").format(problem=problem) for problem in current.problems]
    return "\n".join(lines)


COMMANDS = (settings,)
