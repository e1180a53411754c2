"""How each dimension moved from round to round, and whether last round's
actions reached their target.

:func:`trend` and :func:`action_checks` are pure and return codes and numbers;
:func:`change_sentence` and :func:`check_sentence` turn them into words in
the current language, shared by the trends page and the report so both say
the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rater_desktop import scoring
from rater_desktop.analysis import ReportCard
from rater_desktop.i18n import _, format_number
from rater_desktop.model import DIMENSION_KEYS, Action, Assessment

UNCHANGED_BELOW = 0.05
"""A move of less than this many points reads as "unchanged": it is below what
the app displays (two decimals, rounded) and well inside the noise of a team's votes."""

OVERALL = "overall"
"""The key of the overall row of a :class:`Trend` (next to the five dimensions)."""


@dataclass(frozen=True)
class Point:
    """One side's mean (0–4 points) and letter in one round; None where not graded."""

    mean: float | None
    grade: str | None


@dataclass(frozen=True)
class Movement:
    """The change of one side since an earlier round.

    ``direction`` is ``improved`` / ``declined`` / ``unchanged``; ``delta`` is
    in points (later − earlier); ``since`` is the earlier round compared with
    (the most recent earlier round that has a value for this side).
    """

    direction: str
    delta: float
    grade_before: str | None
    grade_after: str | None
    since: Assessment

    @property
    def letter_changed(self) -> bool:
        return self.grade_before != self.grade_after


@dataclass(frozen=True)
class DimensionTrend:
    key: str
    """a DIMENSION_KEYS entry or OVERALL"""
    team: tuple[Point, ...]
    customer: tuple[Point, ...]
    """one point per round, in the order of ``Trend.rounds``"""
    team_change: Movement | None
    customer_change: Movement | None
    """change of the latest round since the last earlier round with a value"""


@dataclass(frozen=True)
class Trend:
    rounds: tuple[Assessment, ...]
    """oldest first, as given"""
    dimensions: tuple[DimensionTrend, ...]
    """five, in DIMENSION_KEYS order"""
    overall: DimensionTrend

    def dimension(self, key: str) -> DimensionTrend:
        return self.overall if key == OVERALL else next(d for d in self.dimensions if d.key == key)


def trend(cards: Sequence[ReportCard]) -> Trend:
    """Team and customer grades of every dimension over ``cards`` (oldest first).

    Team = the participants' mean (the consensus letter is a separate record
    of the discussion and may differ); customers = the imported surveys.
    """
    rounds = tuple(card.assessment for card in cards)
    dimensions = []
    for key in DIMENSION_KEYS:
        results = [card.dimension(key) for card in cards]
        dimensions.append(_dimension_trend(
            key, rounds,
            [r.internal.mean if r.internal else None for r in results],
            [r.customer.mean if r.customer else None for r in results],
        ))
    overall = _dimension_trend(
        OVERALL, rounds,
        [c.overall_internal.mean if c.overall_internal else None for c in cards],
        [c.overall_customer.mean if c.overall_customer else None for c in cards],
    )
    return Trend(rounds, tuple(dimensions), overall)


def _dimension_trend(key: str, rounds: tuple[Assessment, ...], team: list, customer: list) -> DimensionTrend:
    return DimensionTrend(
        key=key,
        team=tuple(_point(m) for m in team),
        customer=tuple(_point(m) for m in customer),
        team_change=_movement(rounds, team),
        customer_change=_movement(rounds, customer),
    )


def _point(mean: float | None) -> Point:
    return Point(mean, scoring.points_letter(mean))


def _movement(rounds: Sequence[Assessment], means: Sequence[float | None]) -> Movement | None:
    """Latest round vs the most recent earlier round with a value; None if either is missing."""
    if len(means) < 2 or means[-1] is None:
        return None
    earlier = [(r, m) for r, m in zip(rounds[:-1], means[:-1]) if m is not None]
    if not earlier:
        return None
    since, before = earlier[-1]
    delta = means[-1] - before
    if abs(round(delta, 6)) < UNCHANGED_BELOW:
        direction = "unchanged"
    else:
        direction = "improved" if delta > 0 else "declined"
    return Movement(direction, delta, scoring.points_letter(before), scoring.points_letter(means[-1]), since)


# --- carried-over actions ------------------------------------------------------------


@dataclass(frozen=True)
class ActionCheck:
    """Whether an action's target grade was reached in a later round.

    ``result`` codes: ``reached``, ``not_reached``, ``no_target`` (the action
    has no target grade or no dimension), ``no_result`` (nothing graded there
    in the new round).  ``basis`` says which grade was compared:
    ``consensus`` (agreed in the new round) or ``team`` (the team's mean);
    ``actual`` is that letter.
    """

    action: Action
    result: str
    target: str | None
    actual: str | None
    basis: str | None


def action_checks(previous_actions: Sequence[Action], new_card: ReportCard) -> list[ActionCheck]:
    """Check each of ``previous_actions`` against the round of ``new_card``.

    An action tied to a criterion is checked against that criterion (its
    consensus if agreed, else the team's mean letter); otherwise against its
    dimension the same way.  The agreed grade wins over the mean because it is
    what the team settled on after discussing the votes.  A dropped action is
    still checked: whether the grade moved anyway is worth knowing.
    """
    return [_check(action, new_card) for action in previous_actions]


def _check(action: Action, card: ReportCard) -> ActionCheck:
    target = action.target_grade if scoring.letter_points(action.target_grade) is not None else None
    if target is None or action.dimension is None:
        return ActionCheck(action, "no_target", target, None, None)
    criterion = card.criterion(action.criterion_id) if action.criterion_id is not None else None
    if criterion is not None:
        consensus, stat = criterion.consensus, criterion.stat
    else:
        result = card.dimension(action.dimension)
        consensus, stat = result.consensus, result.internal
    if consensus is not None:
        actual, basis = consensus, "consensus"
    elif stat is not None:
        actual, basis = stat.grade, "team"
    else:
        return ActionCheck(action, "no_result", target, None, None)
    reached = scoring.letter_points(actual) >= scoring.letter_points(target)
    return ActionCheck(action, "reached" if reached else "not_reached", target, actual, basis)


# --- words (current language) -------------------------------------------------------------


def change_sentence(movement: Movement | None, side: str) -> str:
    """The change of one side ("team" or "customers") in a sentence, or "" when there is none.

    e.g. "Team: up 0.45 points since Autumn review (C → B)."
    """
    if movement is None:
        return ""
    who = _("Team") if side == "team" else _("Customers")
    amount = format_number(abs(movement.delta), 2)
    if movement.direction == "improved":
        text = _("{who}: up {points} points since {round}").format(who=who, points=amount, round=movement.since.name)
    elif movement.direction == "declined":
        text = _("{who}: down {points} points since {round}").format(
            who=who, points=amount, round=movement.since.name)
    else:
        text = _("{who}: unchanged since {round}").format(who=who, round=movement.since.name)
    if movement.letter_changed:
        text += f" ({movement.grade_before or '–'} → {movement.grade_after or '–'})"
    return text + "."


def check_sentence(check: ActionCheck) -> str:
    """Whether an action reached its target, in a sentence of the current language."""
    if check.result == "no_target":
        return _("No target grade was set.")
    if check.result == "no_result":
        return _("Not graded in this round yet.")
    basis = _("agreed grade") if check.basis == "consensus" else _("team grade")
    if check.result == "reached":
        return _("Target {target} reached ({basis} {actual}).").format(
            target=check.target, basis=basis, actual=check.actual)
    return _("Target {target} not reached yet ({basis} {actual}).").format(
        target=check.target, basis=basis, actual=check.actual)
