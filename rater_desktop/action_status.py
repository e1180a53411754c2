"""Where each action stands: the gap it addresses, whether it is overdue, whether its target is reached.

An action plan earns trust when every line says why it is there and whether
it is working.  For each action of a round this module finds the gap of its
dimension (team minus customers, with both grades), flags it ``overdue`` when
its due date has passed while it is still open or in progress, and
``target_reached`` when the round's agreed grade (or the team's mean letter)
already meets the target it set, as :mod:`rater_desktop.trends` checks carried
actions.  The report's action plan and the app's action table both use it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rater_desktop.analysis import ReportCard
from rater_desktop.model import Action
from rater_desktop.scoring import Stat
from rater_desktop.trends import ActionCheck, action_checks

ACTIVE = ("open", "in_progress")


@dataclass(frozen=True)
class ActionStatus:
    action: Action
    gap: float | None
    """team minus customers on the action's dimension (points), None without both sides"""
    team: Stat | None
    customer: Stat | None
    flag: str | None
    """the dimension's gap flag (blind_spot, hidden_strength, aligned, few_responses)"""
    overdue: bool
    days_overdue: int
    check: ActionCheck
    """the target check against this round (reached, not_reached, no_target, no_result)"""

    @property
    def target_reached(self) -> bool:
        return self.check.result == "reached"


def action_statuses(actions: Sequence[Action], card: ReportCard, today: date) -> list[ActionStatus]:
    """Every action of ``card``'s round with its gap and flags, in the order given."""
    checks = action_checks(actions, card)
    found = []
    for action, check in zip(actions, checks):
        result = card.dimension(action.dimension) if action.dimension else None
        late = _days_late(action, today)
        found.append(ActionStatus(
            action=action,
            gap=result.gap if result else None,
            team=result.internal if result else None,
            customer=result.customer if result else None,
            flag=result.flag if result else None,
            overdue=late > 0,
            days_overdue=late,
            check=check,
        ))
    return found


def _days_late(action: Action, today: date) -> int:
    """Days past the due date of an action still open or in progress (0 when not late)."""
    if action.status not in ACTIVE or not action.due:
        return 0
    try:
        due = date.fromisoformat(action.due)
    except ValueError:
        return 0
    return max(0, (today - due).days)
