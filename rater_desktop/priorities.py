"""What to improve first: the three dimensions that matter most, each with its reasons.

A consultant's report ends its first page with priorities, and a reader trusts
them only with a reason attached.  The order follows the evidence the round
has, strongest first:

1. service below the minimum customers accept (zone of tolerance) comes first;
2. then the largest shortfall of perceived against desired service (SERVQUAL
   P − E, in points), weighted by importance where weights are set;
3. without expectation items, the lowest customer mean; without customers, the
   lowest team mean;
4. a blind spot (the team grading itself well above its customers) adds its
   gap, because a problem the team does not see will not be fixed.

Codes and numbers only; the report and the app word them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rater_desktop.analysis import DimensionResult

COUNT = 3
_BELOW_MINIMUM = 10.0
"""Added to the urgency of a dimension below the minimum: it outranks every other reason."""
_BELOW_B = 2.5
"""Customer means under this earn less than a B (DESIGN §3)."""
_EQUAL_WEIGHT = 20.0
"""Each of five dimensions' share of 100 importance points when none are set."""


@dataclass(frozen=True)
class Reason:
    """Why a dimension is a priority.

    Codes: ``below_minimum`` (value = adequacy gap, survey scale),
    ``shortfall`` (value = P − E, survey scale; ``weight`` = importance points
    or None), ``blind_spot`` (value = team − customers, points),
    ``customers_lowest`` (value = customer mean, points), ``customers_low``
    (customers grade it below B; value = their mean), ``team_lowest`` (value =
    team mean, points; only without customer answers).
    """

    code: str
    value: float
    weight: float | None = None


@dataclass(frozen=True)
class Priority:
    dimension: str
    urgency: float
    """the sort key: higher first (a points-like number, not for display)"""
    reasons: tuple[Reason, ...]


def rank(dimensions: Sequence[DimensionResult], weights: Mapping[str, float] | None,
         scale_span: float | None) -> tuple[Priority, ...]:
    """The :data:`COUNT` most urgent dimensions, most urgent first.

    ``weights`` are importance points summing to 100 (SERVQUAL importance, or
    the dimension weights), ``scale_span`` the survey scale's max − min that
    turns a SERVQUAL gap into points.
    """
    customer_lowest = _lowest(dimensions, lambda d: d.customer.mean if d.customer else None)
    team_lowest = _lowest(dimensions, lambda d: d.internal.mean if d.internal else None)
    ranked = []
    for d in dimensions:
        weight = weights.get(d.key) if weights else None
        factor = (weight / _EQUAL_WEIGHT) if weight is not None else 1.0
        reasons: list[Reason] = []
        urgency: float | None = None
        if d.tolerance is not None and d.tolerance.position == "below":
            reasons.append(Reason("below_minimum", d.tolerance.adequacy_gap))
        if d.servqual is not None and scale_span:
            urgency = -d.servqual.gap * 4.0 / scale_span * factor
            if d.servqual.gap < 0:
                reasons.append(Reason("shortfall", d.servqual.gap, weight))
        elif d.customer is not None:
            urgency = (4.0 - d.customer.mean) * factor
        elif d.internal is not None:
            urgency = (4.0 - d.internal.mean) * factor
        if urgency is None:
            continue
        if d.flag == "blind_spot":
            urgency += d.gap
            reasons.append(Reason("blind_spot", d.gap))
        if d.key == customer_lowest:
            reasons.append(Reason("customers_lowest", d.customer.mean))
        elif d.customer is not None and d.customer.mean < _BELOW_B:
            reasons.append(Reason("customers_low", d.customer.mean))
        elif d.customer is None and d.key == team_lowest:
            reasons.append(Reason("team_lowest", d.internal.mean))
        if reasons and reasons[0].code == "below_minimum":
            urgency += _BELOW_MINIMUM
        if reasons:
            ranked.append(Priority(d.key, urgency, tuple(reasons)))
    ranked.sort(key=lambda p: -p.urgency)
    return tuple(ranked[:COUNT])


def _lowest(dimensions: Sequence[DimensionResult], value) -> str | None:
    """The key of the lowest-valued dimension (the first of equals), or None with fewer than two."""
    scored = [(value(d), d.key) for d in dimensions if value(d) is not None]
    return min(scored, key=lambda item: item[0])[1] if len(scored) >= 2 else None
