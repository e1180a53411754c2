"""Many teams, one picture: each team beside the whole, pooled from respondents.

The pooled whole is computed from the respondents of all teams together (a
dimension's pooled mean is the mean over every participant's — or every
customer's — score), never as a mean of team means: a team of 40 weighs
twenty times a team of 2.  Teams whose figures are withheld for privacy
(``privacy.py``) still count in the pooled whole; only their own figures are
not shown.

Teams that edited their statements still compare per dimension (a dimension
score is the mean of the team's own statements, as in its report card);
statements compare one by one only where they share a built-in key, and what
that leaves out is listed (``Rollup.statement_gaps``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain

from rater_desktop import scoring, stats
from rater_desktop.analysis import ContinuumResult, DimensionResult, ReportCard, Score
from rater_desktop.customer_side import Kpis, ServqualResult
from rater_desktop.model import DIMENSION_KEYS, Assessment
from rater_desktop.rollup.digest import RoundDigest
from rater_desktop.rollup.privacy import (
    DEFAULT_MIN_GROUP,
    FEW_CUSTOMERS,
    FEW_PARTICIPANTS,
    MIN_PARTICIPANTS,
    Hidden,
    Protection,
    protect,
    too_small,
)
from rater_desktop.rollup.results import (
    Difference,
    LeftOut,
    PooledResult,
    Rollup,
    StatementFigure,
    StatementGap,
    TeamResult,
)
from rater_desktop.rollup.sources import Team
from rater_desktop.scoring import Stat
from rater_desktop.survey_sources import same_scale

NO_KPIS = Kpis(None, None, None)
POOLED_ROUND = Assessment(0, "", "")
"""The pooled whole spans the teams' chosen rounds; it has no round of its own."""


def roll_up(teams: Sequence[Team], *, min_group: int = DEFAULT_MIN_GROUP,
            left_out: Iterable[LeftOut] = ()) -> Rollup:
    """Every team's chosen round beside the pooled whole, with privacy applied."""
    if min_group < 1:
        raise ValueError("The minimum group must be at least 1.")
    digests = [team.source.rounds[team.round_index] for team in teams]
    plan = _Plan(digests, min_group)
    pooled = _pooled(digests, plan)
    results = tuple(_team(team, i, digests[i], plan, pooled, min_group) for i, team in enumerate(teams))
    return Rollup(results, pooled, tuple(left_out), _statement_gaps(teams, digests), min_group)


# --- privacy, decided once for all teams --------------------------------------------


class _Plan:
    """Which team figures and pooled figures are withheld, per dimension and side."""

    def __init__(self, digests: Sequence[RoundDigest], min_group: int) -> None:
        small_team = {i: FEW_PARTICIPANTS for i, d in enumerate(digests) if d.participants < MIN_PARTICIPANTS}
        self.internal: dict[str, Protection] = {}
        self.customer: dict[str, Protection] = {}
        for key in DIMENSION_KEYS:
            self.internal[key] = _protection([len(d.internal[key]) for d in digests], MIN_PARTICIPANTS,
                                             FEW_PARTICIPANTS, small_team)
            self.customer[key] = _protection([len(d.customer[key]) for d in digests], min_group, FEW_CUSTOMERS)
        self.continuum = _merge(
            _protection([len(d.continuum_current) for d in digests], MIN_PARTICIPANTS, FEW_PARTICIPANTS, small_team),
            _protection([len(d.continuum_desired) for d in digests], MIN_PARTICIPANTS, FEW_PARTICIPANTS, small_team),
        )
        self.statements: dict[str, Protection] = {}
        for key in sorted({k for d in digests for k in d.statements}):
            dimension = next(d.statement_dimensions[key] for d in digests if key in d.statements)
            # a team withheld on the dimension is withheld on its statements, or they would give it away
            withheld = self.internal[dimension].hidden
            self.statements[key] = _protection([len(d.statements.get(key, ())) for d in digests],
                                               MIN_PARTICIPANTS, FEW_PARTICIPANTS, withheld)


def _protection(sizes: list[int], threshold: int, reason: str, whole_team: dict[int, str] | None = None) -> Protection:
    return protect(sizes, too_small(sizes, threshold, reason, whole_team), threshold, reason)


def _merge(first: Protection, second: Protection) -> Protection:
    return Protection({**second.hidden, **first.hidden}, first.pooled_hidden or second.pooled_hidden)


# --- one team -------------------------------------------------------------------------


def _team(team: Team, index: int, digest: RoundDigest, plan: _Plan, pooled: PooledResult,
          min_group: int) -> TeamResult:
    dimensions = tuple(
        _dimension(key, digest, index not in plan.internal[key].hidden, index not in plan.customer[key].hidden)
        for key in DIMENSION_KEYS
    )
    continuum = None if index in plan.continuum.hidden else _continuum(digest.continuum_current,
                                                                       digest.continuum_desired)
    card = _card(digest, dimensions, continuum)
    history = team.source.rounds[: team.round_index]
    rounds = tuple((d.assessment, _trend_card(d, min_group)) for d in history)
    return TeamResult(
        path=team.source.path,
        name=team.label,
        card=card,
        rounds=(*rounds, (digest.assessment, card)),
        participants=digest.participants,
        customers=max((len(v) for v in digest.customer.values()), default=0),
        hidden=_hidden_list(index, digest, plan),
        differences={d.key: _difference(d, pooled.card.dimension(d.key)) for d in dimensions},
        statements={key: None if index in plan.statements[key].hidden else _statement(points)
                    for key, points in digest.statements.items()},
        actions=dict(digest.actions),
    )


def _dimension(key: str, digest: RoundDigest, show_internal: bool, show_customer: bool) -> DimensionResult:
    internal = scoring.point_stat(digest.internal[key]) if show_internal else None
    customer = scoring.point_stat(digest.customer[key]) if show_customer else None
    gap = scoring.gap(internal.mean if internal else None, customer.mean if customer else None)
    return DimensionResult(
        key=key,
        internal=internal,
        consensus=digest.consensus.get(key) if show_internal else None,
        consensus_rationale="",
        customer=customer,
        gap=gap,
        flag=scoring.gap_flag(gap, customer.n if customer else 0, digest.gap_threshold),
        servqual=_servqual(key, [digest]) if show_customer else None,
        criteria=(),
        contexts=(),
        context_range=None,
        context_flag=False,
    )


def _trend_card(digest: RoundDigest, min_group: int) -> ReportCard:
    """An earlier round as the trend needs it: the overall team and customer grades, nothing else.

    The size rules apply as to the chosen round (there is no pooled whole of
    earlier rounds, so nothing to guard against), and an overall is shown
    only when none of its dimensions is withheld.  Its ``dimensions`` are
    empty: the summary's ``rounds`` and the trend read only the overall.
    """
    team_ok = digest.participants >= MIN_PARTICIPANTS

    def overall(respondents: dict, smallest: int, allowed: bool) -> Score | None:
        if not allowed or any(0 < len(values) < smallest for values in respondents.values()):
            return None
        means = {key: stats.mean(values) for key, values in respondents.items()}
        return _score(scoring.weighted_mean(means, digest.weights))

    return ReportCard(
        assessment=digest.assessment, organisation="", dimensions=(),
        overall_internal=overall(digest.internal, MIN_PARTICIPANTS, team_ok),
        overall_customer=overall(digest.customer, min_group, True),
        compression_ratio=None, continuum=ContinuumResult(None, None, None), kpis=NO_KPIS,
        servqual_unweighted=None, servqual_weighted=None, readings=(),
    )


def _servqual(key: str, digests: Sequence[RoundDigest]) -> ServqualResult | None:
    """P − E over the SERVQUAL answers of one team or of all, when they all answered on one scale.

    The rule of the report card (``customer_side.servqual``): P and E stay on the
    survey's own scale, so surveys on different scales give no result.
    """
    scales = [scale for d in digests for scale in d.servqual_scales[key]]
    if not scales or any(not same_scale(scales[0], other) for other in scales[1:]):
        return None
    p = stats.mean(list(chain.from_iterable(d.perception[key] for d in digests)))
    e = stats.mean(list(chain.from_iterable(d.expectation[key] for d in digests)))
    return None if p is None or e is None else ServqualResult(p, e, p - e)


def _continuum(current_positions: Iterable[float], desired_positions: Iterable[float]) -> ContinuumResult:
    current, desired = scoring.describe(current_positions), scoring.describe(desired_positions)
    return ContinuumResult(current, desired, scoring.continuum_distance(
        current.mean if current else None, desired.mean if desired else None))


def _card(digest: RoundDigest, dimensions: tuple[DimensionResult, ...],
          continuum: ContinuumResult | None) -> ReportCard:
    return _card_of(digest.assessment, dimensions, digest.weights, continuum,
                    internal_complete=_complete(dimensions, digest.internal, "internal"),
                    customer_complete=_complete(dimensions, digest.customer, "customer"))


def _complete(dimensions: tuple[DimensionResult, ...], respondents: dict, side: str) -> bool:
    """No dimension that has respondents is withheld: else the overall would give it away."""
    return all(getattr(d, side) is not None or not respondents[d.key] for d in dimensions)


def _card_of(assessment: Assessment, dimensions: tuple[DimensionResult, ...], weights: dict[str, float] | None,
             continuum: ContinuumResult | None, *, internal_complete: bool, customer_complete: bool) -> ReportCard:
    internal = {d.key: d.internal.mean if d.internal else None for d in dimensions}
    customer = {d.key: d.customer.mean if d.customer else None for d in dimensions}
    return ReportCard(
        assessment=assessment,
        organisation="",
        dimensions=dimensions,
        overall_internal=_score(scoring.weighted_mean(internal, weights)) if internal_complete else None,
        overall_customer=_score(scoring.weighted_mean(customer, weights)) if customer_complete else None,
        compression_ratio=scoring.compression_ratio(internal, customer),
        continuum=continuum or ContinuumResult(None, None, None),
        kpis=NO_KPIS,
        servqual_unweighted=None,
        servqual_weighted=None,
        readings=(),
    )


def _statement(points: Sequence[float]) -> StatementFigure | None:
    mean = stats.mean(points)
    return None if mean is None else StatementFigure(mean, scoring.points_letter(mean), len(points))


def _score(mean: float | None) -> Score | None:
    return None if mean is None else Score(mean, scoring.points_letter(mean))


def _hidden_list(index: int, digest: RoundDigest, plan: _Plan) -> tuple[Hidden, ...]:
    """What is withheld for this team, one entry per figure and reason (a whole side says so once)."""
    found: list[Hidden] = []
    for side, protections, respondents in (("internal", plan.internal, digest.internal),
                                           ("customer", plan.customer, digest.customer)):
        reasons = {key: protections[key].hidden[index] for key in DIMENSION_KEYS if index in protections[key].hidden}
        with_data = [key for key in DIMENSION_KEYS if respondents[key]]
        if reasons and len(set(reasons.values())) == 1 and set(reasons) == set(with_data):
            found.append(Hidden(side, next(iter(reasons.values()))))
        else:
            found += [Hidden(side, reason, dimension=key) for key, reason in reasons.items()]
    if index in plan.continuum.hidden:
        found.append(Hidden("continuum", plan.continuum.hidden[index]))
    internally_hidden = {key for key in DIMENSION_KEYS if index in plan.internal[key].hidden}
    for key, protection in plan.statements.items():
        dimension = digest.statement_dimensions.get(key)
        if index in protection.hidden and dimension not in internally_hidden:
            found.append(Hidden("statement", protection.hidden[index], dimension=dimension, statement=key))
    return tuple(found)


def _difference(team: DimensionResult, pooled: DimensionResult) -> Difference:
    def minus(a: Stat | float | None, b: Stat | float | None) -> float | None:
        a = a.mean if isinstance(a, Stat) else a
        b = b.mean if isinstance(b, Stat) else b
        return None if a is None or b is None else a - b

    return Difference(minus(team.internal, pooled.internal), minus(team.customer, pooled.customer),
                      minus(team.gap, pooled.gap))


# --- the pooled whole ----------------------------------------------------------------------


def _pooled(digests: Sequence[RoundDigest], plan: _Plan) -> PooledResult:
    threshold = _shared([d.gap_threshold for d in digests], scoring.DEFAULT_GAP_THRESHOLD)
    weights = _shared([d.weights for d in digests], None)
    dimensions = tuple(_pooled_dimension(key, digests, plan, threshold) for key in DIMENSION_KEYS)
    hidden = [Hidden(side, protection.pooled_hidden, dimension=key)
              for side, protections in (("internal", plan.internal), ("customer", plan.customer))
              for key, protection in protections.items() if protection.pooled_hidden]
    continuum = None
    if plan.continuum.pooled_hidden:
        hidden.append(Hidden("continuum", plan.continuum.pooled_hidden))
    else:
        continuum = _continuum(chain.from_iterable(d.continuum_current for d in digests),
                               chain.from_iterable(d.continuum_desired for d in digests))
    statements = {}
    for key, protection in plan.statements.items():
        if protection.pooled_hidden:
            hidden.append(Hidden("statement", protection.pooled_hidden, statement=key,
                                 dimension=next(d.statement_dimensions[key] for d in digests if key in d.statements)))
        statements[key] = None if protection.pooled_hidden else _statement(
            list(chain.from_iterable(d.statements.get(key, ()) for d in digests)))
    card = _card_of(POOLED_ROUND, dimensions, weights, continuum,
                    internal_complete=not any(plan.internal[k].pooled_hidden for k in DIMENSION_KEYS),
                    customer_complete=not any(plan.customer[k].pooled_hidden for k in DIMENSION_KEYS))
    return PooledResult(
        card=card,
        teams=len(digests),
        participants=sum(d.participants for d in digests),
        customers=sum(max((len(v) for v in d.customer.values()), default=0) for d in digests),
        hidden=tuple(hidden),
        statements=statements,
        statement_dimensions={key: d.statement_dimensions[key] for d in digests for key in d.statements},
        gap_threshold=threshold,
    )


def _pooled_dimension(key: str, digests: Sequence[RoundDigest], plan: _Plan, threshold: float) -> DimensionResult:
    show_internal = plan.internal[key].pooled_hidden is None
    show_customer = plan.customer[key].pooled_hidden is None
    internal = scoring.point_stat(chain.from_iterable(d.internal[key] for d in digests)) if show_internal else None
    customer = scoring.point_stat(chain.from_iterable(d.customer[key] for d in digests)) if show_customer else None
    gap = scoring.gap(internal.mean if internal else None, customer.mean if customer else None)
    servqual = _servqual(key, digests) if show_customer else None
    return DimensionResult(key, internal, None, "", customer, gap,
                           scoring.gap_flag(gap, customer.n if customer else 0, threshold), servqual,
                           (), (), None, False)


def _shared(values: list, default):
    """The value every team uses, else ``default`` (teams that set different weights or thresholds)."""
    if values and all(v == values[0] for v in values):
        return values[0]
    return default


def _statement_gaps(teams: Sequence[Team], digests: Sequence[RoundDigest]) -> tuple[StatementGap, ...]:
    gaps = [StatementGap("own", dimension, (team.label,), text=text)
            for team, digest in zip(teams, digests) for dimension, text in digest.own_statements]
    keys = {key: d.statement_dimensions[key] for d in digests for key in d.statements}
    order = {key: i for i, key in enumerate(DIMENSION_KEYS)}
    for key in sorted(keys, key=lambda k: (order[keys[k]], k)):
        lacking = tuple(team.label for team, d in zip(teams, digests) if key not in d.statements)
        if lacking:
            gaps.append(StatementGap("missing", keys[key], lacking, key=key))
    return tuple(gaps)

