"""The settings a workbook keeps: importance weights, the gap threshold, showing names.

They live as JSON in the workbook's ``settings`` table (docs/architecture.md).
The rules for them are here, once, so that the Settings dialog, the
``settings`` command and the reader refuse the same values with the same
sentence:

- ``weights`` (overall grade) and ``servqual_weights`` (weighted SERVQUAL) are
  importance points for the five dimensions that add up to 100 (DESIGN §3).
  Shares that add up to 1 are the commonest slip; they are refused with a
  sentence saying so, never rescaled or dropped without a word;
- ``gap_threshold`` is the points of difference from which a gap is a blind
  spot or a hidden strength: from 0.05 (shown with two decimals, so nothing
  smaller could be read back) to 4 (the whole points scale);
- ``show_names`` lets individual grades carry names (never for a group under
  three: see :mod:`rater_desktop.privacy`).

A stored value that breaks these rules (a file edited elsewhere) reads as the
default, and :attr:`WorkbookSettings.problems` says which one was set aside.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rater_desktop.framework import dimension_name
from rater_desktop.i18n import N_, _, format_number
from rater_desktop.model import DIMENSION_KEYS
from rater_desktop.scoring import DEFAULT_GAP_THRESHOLD

WEIGHT_KEYS: tuple[str, ...] = ("weights", "servqual_weights")
MIN_GAP_THRESHOLD = 0.05
"""Smallest gap threshold: below it every gap would be flagged, and it would read as 0.00 points"""
MAX_GAP_THRESHOLD = 4.0
WEIGHT_TOTAL = 100.0
_TOLERANCE = 1e-6

SETTING_NAMES = {
    "weights": N_("dimension weights"),
    "servqual_weights": N_("SERVQUAL importance weights"),
    "gap_threshold": N_("gap threshold"),
    "show_names": N_("show names"),
}
"""The settings a person can change, with their names in sentences."""


@dataclass(frozen=True)
class WorkbookSettings:
    """A workbook's settings as they apply (defaults where nothing usable is stored)."""

    weights: dict[str, float] | None = None
    """None: the five dimensions count equally"""
    servqual_weights: dict[str, float] | None = None
    """None: no weighted SERVQUAL score"""
    gap_threshold: float = DEFAULT_GAP_THRESHOLD
    show_names: bool = False
    problems: tuple[str, ...] = field(default=())
    """one sentence per stored value that could not be used"""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def check_weights(value: Any, key: str = "weights") -> dict[str, float]:
    """``value`` as importance points per dimension, or a ``ValueError`` with a sentence.

    ``key`` names the setting in the sentence (``weights`` or ``servqual_weights``).
    """
    what = _(SETTING_NAMES[key])
    if not isinstance(value, Mapping):
        raise ValueError(_("The {setting} must give points for each of the five dimensions.").format(setting=what))
    unknown = sorted(set(value) - set(DIMENSION_KEYS), key=str)
    if unknown:
        raise ValueError(_("The {setting} name an unknown dimension: {names}.").format(
            setting=what, names=", ".join(map(str, unknown))))
    missing = [key for key in DIMENSION_KEYS if key not in value]
    if missing:
        raise ValueError(_("The {setting} must give points for each of the five dimensions; missing: {names}.").format(
            setting=what, names=", ".join(dimension_name(k) for k in missing)))
    if not all(_is_number(value[k]) and value[k] >= 0 for k in DIMENSION_KEYS):
        raise ValueError(_("The {setting} must be numbers of 0 or more.").format(setting=what))
    total = math.fsum(value[k] for k in DIMENSION_KEYS)
    if abs(total - 1.0) <= _TOLERANCE:
        raise ValueError(_("The {setting} add up to 1, not 100: give importance points that add up to 100 "
                           "(for example 20 for each dimension).").format(setting=what))
    if abs(total - WEIGHT_TOTAL) > _TOLERANCE:
        raise ValueError(_("The {setting} add up to {total}, not 100.").format(
            setting=what, total=format_number(total, 0 if float(total).is_integer() else 2)))
    return {k: float(value[k]) for k in DIMENSION_KEYS}


def check_gap_threshold(value: Any) -> float:
    """The gap threshold in points, or a ``ValueError`` with a sentence."""
    if not _is_number(value) or not MIN_GAP_THRESHOLD <= value <= MAX_GAP_THRESHOLD:
        raise ValueError(_("The gap threshold must be a number of points from {least} to {most}.").format(
            least=format_number(MIN_GAP_THRESHOLD, 2), most=format_number(MAX_GAP_THRESHOLD, 0)))
    return float(value)


def checked_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Settings to write, each checked; None for a weights key means "back to equal weights".

    Raises ``ValueError`` with a sentence for the first unusable value.
    """
    clean: dict[str, Any] = {}
    for key, value in changes.items():
        if key in WEIGHT_KEYS:
            clean[key] = None if value is None else check_weights(value, key)
        elif key == "gap_threshold":
            clean[key] = check_gap_threshold(value)
        elif key == "show_names":
            if not isinstance(value, bool):
                raise ValueError(_("Show names is either on or off."))
            clean[key] = value
        else:
            raise ValueError(_("There is no setting called {name}.").format(name=key))
    return clean


def settings_from_stored(stored: Mapping[str, Any]) -> WorkbookSettings:
    """The settings that apply, from the JSON values read from a workbook (absent keys left out)."""
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key in WEIGHT_KEYS:
        if stored.get(key) is not None:
            try:
                values[key] = check_weights(stored[key], key)
            except ValueError as refusal:
                problems.append(_("{problem} Equal weights are used until they are set again.").format(
                    problem=refusal))
    if "gap_threshold" in stored:
        try:
            values["gap_threshold"] = check_gap_threshold(stored["gap_threshold"])
        except ValueError as refusal:
            problems.append(_("{problem} {default} is used until it is set again.").format(
                problem=refusal, default=format_number(DEFAULT_GAP_THRESHOLD, 1)))
    values["show_names"] = stored.get("show_names") is True
    return WorkbookSettings(**values, problems=tuple(problems))


def parse_weights(text: str) -> dict[str, float]:
    """``reliability=30,assurance=20,…`` (the command line's form) as a mapping; not yet checked.

    A ``ValueError`` with a sentence when a part is not ``dimension=number``,
    or names a dimension given already (the last one would silently win).
    """
    weights: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, number = part.partition("=")
        key = key.strip().lower()
        try:
            value = float(number)
        except ValueError:
            sep = ""
        if not sep:
            raise ValueError(_("Write weights as dimension=points separated by commas, e.g. "
                               "reliability=30,assurance=20,tangibles=10,empathy=20,responsiveness=20."))
        if key in weights:
            raise ValueError(_("{dimension} is given twice: give each dimension its points once.").format(
                dimension=dimension_name(key) if key in DIMENSION_KEYS else key))
        weights[key] = value
    return weights


def settings_json(settings: WorkbookSettings) -> dict[str, Any]:
    """The settings as the ``settings --json`` command prints them."""
    return {
        "weights": settings.weights,
        "servqual_weights": settings.servqual_weights,
        "gap_threshold": settings.gap_threshold,
        "show_names": settings.show_names,
        "problems": list(settings.problems),
    }
