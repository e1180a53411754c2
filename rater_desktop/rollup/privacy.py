"""Who may be seen in a roll-up: minimum groups and the back-calculation guard.

Three rules, applied per figure (a dimension's team side, its customer side,
the continuum, one statement):

- a team with fewer than 3 participants shows no internal figure at all, and
  no internal figure rests on fewer than 3 people (DESIGN §3's privacy rule,
  made strict because a roll-up goes to people outside the team);
- a customer figure needs at least ``min_group`` respondents (default 5);
- the pooled whole counts everybody, hidden teams included, so a hidden
  team's figure could be worked out as pooled total minus the teams shown.
  When exactly one team is hidden for a figure, a second one is hidden too
  (the smallest shown, which leaves at least one full group unexplained), or,
  when no other team has that figure, the pooled figure itself.  The same
  holds when several teams are hidden but together are still smaller than the
  minimum group.

The functions return codes; words for them are in ``wording.py``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MIN_PARTICIPANTS = 3
"""Fewest participants behind any internal figure a roll-up shows."""
DEFAULT_MIN_GROUP = 5
"""Fewest customers behind a customer figure, unless the user sets another (``--min-group``)."""

FEW_PARTICIPANTS = "few_participants"
FEW_CUSTOMERS = "few_customers"
BACK_CALCULATION = "back_calculation"
REASONS = (FEW_PARTICIPANTS, FEW_CUSTOMERS, BACK_CALCULATION)


@dataclass(frozen=True)
class Hidden:
    """One figure left out, and why.

    ``figure`` is ``internal``, ``customer``, ``continuum`` or ``statement``;
    ``dimension`` names the dimension (None: every dimension);
    ``statement`` the built-in statement key for a statement figure.
    """

    figure: str
    reason: str
    dimension: str | None = None
    statement: str | None = None


@dataclass(frozen=True)
class Protection:
    """The outcome for one figure across all teams."""

    hidden: dict[int, str]
    """team index → reason, for every team whose figure is withheld"""
    pooled_hidden: str | None
    """reason the pooled figure is withheld, or None when it is shown"""


def protect(sizes: Sequence[int], small: Mapping[int, str], threshold: int, small_reason: str) -> Protection:
    """Decide which teams' figures and whether the pooled figure can be shown.

    ``sizes[i]`` is how many respondents team ``i`` adds to the pooled figure
    (0: the team has no such figure); ``small`` holds teams already withheld
    (index → reason); ``threshold`` is the minimum group for this figure, and
    ``small_reason`` the reason given when the pooled figure itself is too small.
    """
    pooled = sum(sizes)
    if 0 < pooled < threshold:
        return Protection(dict(small), small_reason)
    hidden = dict(small)
    withheld = [i for i in small if sizes[i] > 0]
    if not withheld:
        return Protection(hidden, None)
    unexplained = sum(sizes[i] for i in withheld)
    if len(withheld) >= 2 and unexplained >= threshold:
        return Protection(hidden, None)
    shown = [i for i, size in enumerate(sizes) if size > 0 and i not in hidden]
    if not shown:
        return Protection(hidden, BACK_CALCULATION)
    hidden[min(shown, key=lambda i: (sizes[i], i))] = BACK_CALCULATION
    return Protection(hidden, None)


def too_small(sizes: Sequence[int], threshold: int, reason: str,
              whole_team: Mapping[int, str] | None = None) -> dict[int, str]:
    """Teams whose figure rests on fewer than ``threshold`` respondents (index → reason).

    ``whole_team`` adds teams withheld for a reason of their own (a team of
    fewer than 3 shows no internal figure, whatever each figure's n).
    """
    found = {i: reason for i, size in enumerate(sizes) if 0 < size < threshold}
    for i, why in (whole_team or {}).items():
        if sizes[i] > 0:
            found[i] = why
    return found
